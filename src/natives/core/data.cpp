// data.cpp: clojure.core's map, set and vector primitives that need the collections'
// internals: keys vals key val find empty subvec disj set. The functions built on them
// (merge, select-keys, group-by, ...) are written in Clove in src/lib/07_core_data.clj.
#include "runtime/lang/user_type.h"
#include <cmath>
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/map_ops.h"
#include "runtime/coll/map_seq.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/subvector.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "natives/args.h"
#include "natives/value_buf.h"
#include "runtime/lang/seq_fns.h"
#include "state/continuation.h"

namespace clove {

namespace {

/// The MapEntry x, or ClassCastException as Java's cast to Map.Entry reports it.
MapEntry* entry_of(Value x) {
  MapEntry* e = as<MapEntry>(x);
  if (!e)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.util.Map$Entry", coll_detail::class_name(x)));
  return e;
}

/// The keys (want_keys) or vals of every entry of coll, as a list; nil when empty.
/// Hash and array maps get a lazy key/value seq; other seqables of entries are walked.
Value entry_parts(State& vm, Value coll, bool want_keys) {
  if (is_type(coll, ObjType::ArrayMap) || is_type(coll, ObjType::HashMap))
    return map_seq(vm.heap, coll, want_keys ? MapSeqKind::Keys : MapSeqKind::Vals);
  std::vector<Value> parts;
  RootScope scope(vm.heap);
  size_t slot = scope.push(coll);
  for (Value s = seq(vm, coll); !s.is_nil(); s = next(vm, s)) {
    scope[slot] = s;
    MapEntry* e = entry_of(first(vm, s));
    parts.push_back(want_keys ? e->key : e->val);
  }
  if (parts.empty()) return Value::nil();
  return list_from(vm.heap, parts.data(), parts.size());
}

Value d_keys(State& vm, Args a) { return entry_parts(vm, a[0], true); }
Value d_vals(State& vm, Args a) { return entry_parts(vm, a[0], false); }
/// (key nil) and (val nil) are the JVM's NullPointerException; other non-entries its
/// ClassCastException.
MapEntry* entry_or_npe(Value x, const char* getter) {
  if (x.is_nil())
    throw_error(ErrorKind::NullPointerException,
                fmt::format("Cannot invoke \"java.util.Map$Entry.{}()\" because \"e\" is null", getter));
  return entry_of(x);
}
Value d_key(State&, Args a) { return entry_or_npe(a[0], "getKey")->key; }
Value d_val(State&, Args a) { return entry_or_npe(a[0], "getValue")->val; }

Value d_find(State& vm, Args a) {
  Value coll = a[0], k = a[1];
  if (coll.is_nil()) return Value::nil();
  if (is_map_type(coll)) {
    bool found = false;
    Value v = map_lookup(vm, coll, k, Value::nil(), &found);
    return found ? map_entry(vm.heap, k, v) : Value::nil();
  }
  if (is_vector(coll)) {
    int64_t i;
    if (!integer_key_index(k, &i) || i < 0 || i >= count(vm, coll)) return Value::nil();
    return map_entry(vm.heap, k, nth(vm, coll, i));
  }
  if (Value f = user_method(coll, IMethod::entryAt); !f.is_nil()) return vm.call(f, {coll, k});  // Associative
  throw_error(ErrorKind::IllegalArgumentException,
              fmt::format("find not supported on type: {}", coll_detail::class_name(coll)));
}

Value d_empty(State& vm, Args a) {
  Value c = a[0];
  if (!c.is_obj()) return Value::nil();
  Value m = meta(c);
  switch (c.as_obj()->type) {
    case ObjType::Vector:
    case ObjType::SubVector: return empty_vector(vm.heap, m);
    case ObjType::ArrayMap:
    case ObjType::HashMap:
    case ObjType::SortedMap: return map_empty(vm.heap, c);
    case ObjType::HashSet: return empty_set(vm.heap, m);
    case ObjType::SortedSet: {
      const SortedMap* impl = static_cast<SortedMap*>(static_cast<SortedSet*>(c.as_obj())->impl.as_obj());
      return empty_sorted_set(vm.heap, impl->comp, m);
    }
    case ObjType::Queue: return empty_queue(vm.heap, m);
    case ObjType::MapEntry: return Value::nil();
    default: break;
  }
  if (Value f = user_method(c, IMethod::empty); !f.is_nil()) return vm.call(f, {c});  // IPersistentCollection
  if (is_seq(c) || is_list(c)) return empty_list(vm.heap, m);
  return Value::nil();
}

Value d_subvec(State& vm, Args a) {
  Value v = a[0];
  // A vector or a subvec with bounds that are ints (RT.intCast's range), the usual
  // call: no conversions.
  auto is_int = [](Value x) { return x.is_small_int() && x.as_small_int() == static_cast<int32_t>(x.as_small_int()); };
  if (VectorSlice s; is_int(a[1]) && (a.size() < 3 || is_int(a[2])) && vector_slice(v, &s))
    return subvector(vm, v, a[1].as_small_int(), a.size() > 2 ? a[2].as_small_int() : s.to - s.from);
  if (v.is_nil())  // RT.subvec asks a null vector its count
    throw_error(ErrorKind::NullPointerException,
                "Cannot invoke \"clojure.lang.IPersistentVector.count()\" because \"v\" is null");
  if (!is_vector(v))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class clojure.lang.IPersistentVector",
                            coll_detail::class_name(v)));
  int64_t start = index_int_cast(arg_number(a, 1, "subvec"));
  int64_t end = a.size() > 2 ? index_int_cast(arg_number(a, 2, "subvec")) : count(vm, v);
  return subvector(vm, v, start, end);
}

Value d_disj(State& vm, Args a) {
  Value s = a[0];
  if (s.is_nil()) return s;
  if (Value f = user_method(s, IMethod::disjoin); !f.is_nil()) {  // IPersistentSet
    RootScope scope(vm.heap);
    size_t slot = scope.push(s);
    for (int i = 1; i < a.size(); ++i) scope[slot] = vm.call(f, {scope[slot], a[i]});
    return scope[slot];
  }
  if (!is_type(s, ObjType::HashSet) && !is_type(s, ObjType::SortedSet))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class clojure.lang.IPersistentSet",
                            coll_detail::class_name(s)));
  RootScope scope(vm.heap);
  size_t slot = scope.push(s);
  for (int i = 1; i < a.size(); ++i) {
    if (auto* hs = as<HashSet>(s)) s = set_disj(vm, hs, a[i]);
    else s = sorted_set_disj(vm, as<SortedSet>(s), a[i]);
    scope[slot] = s;
  }
  return s;
}

// (set coll) of a lazy seq, once drained (drain_spine): a set of the items.
Value d_set_of_items(State& vm, Args, Value items) {
  std::vector<Value> xs = as<Vector>(items)->elements();
  RootScope scope(vm.heap);
  scope.push(items);  // holds what xs holds
  return set_from(vm, xs.data(), xs.size());
}

Value d_set(State& vm, Args a) {
  if (maybe_lazy_spine(a[0])) return drain_spine<d_set_of_items>(vm, a);
  Value pending = realize_spine<d_set>(vm, a[0]);
  if (State::is_request(pending)) return pending;
  Value c = a[0];
  if (is_set(c)) return meta(c).is_nil() ? c : with_meta(vm, c, Value::nil());
  std::vector<Value> items;
  RootScope scope(vm.heap);
  size_t slot = scope.push(c);
  for (Value s = seq(vm, c); !s.is_nil(); s = next(vm, s)) {
    vm.charge(1);  // a loop in C++: counts toward the instruction budget
    scope[slot] = s;
    items.push_back(first(vm, s));
  }
  return set_from(vm, items.data(), items.size());
}

Value d_subvecp(State&, Args a) { return Value::boolean(is<SubVector>(a[0])); }

Value d_editable(State&, Args a) { return Value::boolean(is_editable(a[0])); }

}  // namespace

void install_data_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "keys", d_keys, 1, 1,
                "Gives a seq of the keys of map, in the order (seq map) visits its entries, or "
                "nil when the map is empty.", "([map])");
  vm.def_native(C, "vals", d_vals, 1, 1,
                "Gives a seq of the values of map, in the order (seq map) visits its entries, or "
                "nil when the map is empty.", "([map])");
  vm.def_native(C, "key", d_key, 1, 1, "Gives the key part of the map entry e.", "([e])");
  vm.def_native(C, "val", d_val, 1, 1, "Gives the value part of the map entry e.", "([e])");
  vm.def_native(C, "find", d_find, 2, 2,
                "Gives the entry [key value] for key in a map, or for an index in a vector, or "
                "nil when the key is absent.", "([map key])");
  vm.def_native(C, "empty", d_empty, 1, 1,
                "Gives an empty collection of the same kind as coll, keeping its metadata (an "
                "empty list for seqs), or nil when coll is not a collection.", "([coll])");
  vm.def_native(C, "subvec", d_subvec, 2, 3,
                "Gives the elements of the vector v from index start up to but not including end "
                "(default: its count) as a vector. Throws IndexOutOfBoundsException unless 0 "
                "<= start <= end <= (count v). The result is a view sharing v (O(1), "
                "clojure.lang.APersistentVector$SubVector), so it keeps all of v alive; an empty "
                "range gives [].", "([v start] [v start end])");
  vm.def_native(C, "disj", d_disj, 1, -1,
                "Gives a copy of set, of the same kind (hash or sorted), with the given elements "
                "removed; absent elements are ignored.", "([set] [set key] [set key & ks])");
  vm.def_native(C, "-subvec?", d_subvecp, 1, 1, "Whether x is a subvec view (APersistentVector$SubVector).", "([x])");
  vm.def_native(C, "-editable?", d_editable, 1, 1, "Whether coll can be made transient (IEditableCollection): vectors, hash maps and hash sets.", "([coll])");
  vm.def_native(C, "set", d_set, 1, 1,
                "Gives a hash set of the elements of coll, with duplicates collapsed.", "([coll])");
}

// set's continuation by name, for marshal (state/continuation.h).
const ContinuationName kSetContinuation{"clojure.core/set", realize_spine_k<d_set>};

}  // namespace clove
