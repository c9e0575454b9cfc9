// sorted.cpp: clojure.core natives for sorted maps and sets (sorted-map sorted-map-by
// sorted-set sorted-set-by sorted? rseq subseq rsubseq) and for the persistent queue
// (clojure.lang.PersistentQueue/EMPTY), over runtime/coll/sorted_map.h and queue.h.
#include "runtime/lang/user_type.h"
#include <vector>

#include "core/print_context.h"
#include "runtime/coll/array_seq.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/subvector.h"
#include "runtime/coll/vector.h"
#include "natives/args.h"
#include "natives/value_buf.h"
#include "runtime/print/print.h"

namespace clove {

namespace {

// Builds a sorted map by assoc'ing kvs[from..] pairs; the map in hand is rooted because
// a comparator may collect.
Value build_map(State& vm, Value comp, Args a, int from) {
  if ((a.size() - from) % 2)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No value supplied for key: {}", pr_str_bounded(vm, a[a.size() - 1])));
  RootScope scope(vm.heap);
  size_t m = scope.push(empty_sorted_map(vm.heap, comp));
  for (int i = from; i + 1 < a.size(); i += 2)
    scope[m] = sorted_map_assoc(vm, static_cast<SortedMap*>(scope[m].as_obj()), a[i], a[i + 1]);
  return scope[m];
}

Value build_set(State& vm, Value comp, Args a, int from) {
  RootScope scope(vm.heap);
  size_t s = scope.push(empty_sorted_set(vm.heap, comp));
  for (int i = from; i < a.size(); ++i)
    scope[s] = sorted_set_conj(vm, static_cast<SortedSet*>(scope[s].as_obj()), a[i]);
  return scope[s];
}

Value n_sorted_map(State& vm, Args a) { return build_map(vm, Value::nil(), a, 0); }
Value n_sorted_map_by(State& vm, Args a) { return build_map(vm, a[0], a, 1); }
Value n_sorted_set(State& vm, Args a) { return build_set(vm, Value::nil(), a, 0); }
Value n_sorted_set_by(State& vm, Args a) { return build_set(vm, a[0], a, 1); }
Value n_sortedp(State&, Args a) {
  return Value::boolean(is<SortedMap>(a[0]) || is<SortedSet>(a[0]) || has_traits(a[0], trait::Sorted));
}

// The tree behind a sorted collection, and whether its seq yields keys only.
SortedMap* sorted_impl(Value v, bool* keys_only, const char* fn) {
  if (SortedMap* m = as<SortedMap>(v)) {
    *keys_only = false;
    return m;
  }
  if (SortedSet* s = as<SortedSet>(v)) {
    *keys_only = true;
    return static_cast<SortedMap*>(s->impl.as_obj());
  }
  throw_error(ErrorKind::ClassCastException,
              fmt::format("{}: class {} cannot be cast to class clojure.lang.Sorted", fn, value_type_name(v)));
}

Value n_rseq(State& vm, Args a) {
  Value v = a[0];
  if (VectorSlice s; vector_slice(v, &s)) {
    // An eager reversed seq (Clojure's is an RSeq view): one ArraySeq holding the items
    // in reverse, so it is a counted seq and not a list, as RSeq is, at one allocation.
    if (s.from == s.to) return Value::nil();
    ArraySeq* r = array_seq_to_fill(vm.heap, s.to - s.from);
    Value* out = r->storage();
    for (uint32_t i = s.to; i-- > s.from;) *out++ = s.vec->nth(i);
    return Value::object(r);
  }
  if (Value f = user_method(v, IMethod::rseq); !f.is_nil()) return vm.call(f, {v});  // Reversible
  bool keys = false;
  SortedMap* m = sorted_impl(v, &keys, "rseq");
  return sorted_map_seq(vm.heap, m, false, keys);
}

// The key a seq element is ordered by (an entry's key, or the element of a set's seq).
Value entry_key(Value e, bool keys_only) { return keys_only ? e : static_cast<MapEntry*>(e.as_obj())->key; }

// (test (compare (entry-key e) key) 0), Clojure's mk-bound-fn.
bool include(State& vm, SortedMap* m, Value test, Value e, Value key, bool keys_only) {
  int c = sorted_compare(vm, m->comp, entry_key(e, keys_only), key);
  return vm.call(test, {Value::small_int(c), Value::small_int(0)}).truthy();
}

// Collects the elements of seq s while they satisfy (test (compare k key) 0), as a list
// (take-while, done eagerly: sorted collections are finite).
Value take_while_bound(State& vm, SortedMap* m, Value s, Value test, Value key, bool keys_only) {
  RootScope scope(vm.heap);
  size_t cur = scope.push(s);
  size_t base = vm.heap.temp_roots.size();
  while (!scope[cur].is_nil()) {
    Value e = first(vm, scope[cur]);
    scope.push(e);
    if (!include(vm, m, test, e, key, keys_only)) {
      vm.heap.temp_roots.pop_back();
      break;
    }
    scope[cur] = next(vm, scope[cur]);
  }
  size_t n = vm.heap.temp_roots.size() - base;
  if (n == 0) return Value::nil();
  return list_from(vm.heap, vm.heap.temp_roots.data() + base, n);
}

// subseq (asc) / rsubseq (desc), after clojure.core's definitions over Sorted.seqFrom.
Value sub_seq(State& vm, Args a, bool asc) {
  // a deftype or reify implementing clojure.lang.Sorted: clojure.core's definitions over
  // its methods, in Clove (-user-subseq, 05_poly.clj)
  if (interfaces_of(a[0]) && has_traits(a[0], trait::Sorted)) {
    Var* f = vm.core_ns()->lookup(vm.sym("-user-subseq"));
    if (f && f->bound) {
      std::vector<Value> args{Value::boolean(asc)};
      for (int i = 0; i < a.size(); ++i) args.push_back(a[i]);
      return vm.tail_call(f->root, args.data(), static_cast<int>(args.size()));
    }
  }
  bool keys = false;
  SortedMap* m = sorted_impl(a[0], &keys, asc ? "subseq" : "rsubseq");
  RootScope scope(vm.heap);
  if (a.size() == 3) {
    Value test = a[1], key = a[2];
    bool from_key = asc ? (is_core_fn(vm, test, ">") || is_core_fn(vm, test, ">="))
                        : (is_core_fn(vm, test, "<") || is_core_fn(vm, test, "<="));
    if (from_key) {
      size_t s = scope.push(sorted_map_seq_from(vm, m, key, asc, keys));
      if (scope[s].is_nil()) return Value::nil();
      size_t e = scope.push(first(vm, scope[s]));
      if (include(vm, m, a[1], scope[e], a[2], keys)) return scope[s];
      return next(vm, scope[s]);
    }
    size_t s = scope.push(sorted_map_seq(vm.heap, m, asc, keys));
    return take_while_bound(vm, m, scope[s], a[1], a[2], keys);
  }
  if (a.size() != 5) throw_error(ErrorKind::ArityException, fmt::format("Wrong number of args ({}) passed to: clojure.core/{}", a.size(), asc ? "subseq" : "rsubseq"));
  // asc: from start-key while end-test holds; desc: from end-key while start-test holds.
  Value from_test = asc ? a[1] : a[3], from_key = asc ? a[2] : a[4];
  Value while_test = asc ? a[3] : a[1], while_key = asc ? a[4] : a[2];
  size_t s = scope.push(sorted_map_seq_from(vm, m, from_key, asc, keys));
  if (scope[s].is_nil()) return Value::nil();
  size_t e = scope.push(first(vm, scope[s]));
  if (!include(vm, m, from_test, scope[e], from_key, keys)) scope[s] = next(vm, scope[s]);
  return take_while_bound(vm, m, scope[s], while_test, while_key, keys);
}

Value n_subseq(State& vm, Args a) { return sub_seq(vm, a, true); }
Value n_rsubseq(State& vm, Args a) { return sub_seq(vm, a, false); }

// #object[clojure.lang.PersistentQueue 0x1b2c3d4e "clojure.lang.PersistentQueue@3e2"]:
// Clojure prints a queue with Object.toString, which shows its Java hashCode.
void print_queue(PrintContext& p, Value v) {
  auto* q = static_cast<Queue*>(v.as_obj());
  uint32_t id = static_cast<uint32_t>(reinterpret_cast<uintptr_t>(q) >> 4) * 2654435761u;
  p.out += fmt::format("#object[clojure.lang.PersistentQueue 0x{:x} ", id);
  std::string ident = fmt::format("clojure.lang.PersistentQueue@{:x}", queue_java_hash(p.vm, q));
  p.out += p.readably ? "\"" + ident + "\"" : ident;
  p.out += ']';
}

}  // namespace

void install_sorted_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "sorted-map", n_sorted_map, 0, -1,
                "Builds a sorted map (ordered by compare on its keys) from alternating keys and "
                "values; a key given twice keeps its last value. Throws IllegalArgumentException "
                "when a key has no value.", "([& keyvals])");
  vm.def_native(C, "sorted-map-by", n_sorted_map_by, 1, -1,
                "Builds a sorted map whose keys are ordered by comparator from alternating keys "
                "and values; a key given twice keeps its last value.", "([comparator & keyvals])");
  vm.def_native(C, "sorted-set", n_sorted_set, 0, -1,
                "Builds a set of the arguments kept in the order of compare; duplicates collapse "
                "into one element.", "([& keys])");
  vm.def_native(C, "sorted-set-by", n_sorted_set_by, 1, -1,
                "Builds a set of the arguments kept in the order given by comparator; elements "
                "the comparator calls equal collapse into one.", "([comparator & keys])");
  vm.def_native(C, "sorted?", n_sortedp, 1, 1,
                "True when coll keeps its elements in sorted order (Sorted): sorted maps and "
                "sorted sets.", "([coll])");
  vm.def_native(C, "rseq", n_rseq, 1, 1,
                "Gives the elements of a vector, sorted map or sorted set from last to first, as "
                "a seq made in constant time; nil when rev is empty.", "([rev])");
  vm.def_native(C, "subseq", n_subseq, 3, 5,
                "Gives a seq, in ascending order, of the elements (map entries for a map) of the "
                "sorted collection sc whose keys pass the bound test against key, or both bounds "
                "in the 5-argument form; each test is one of <, <=, > or >= and is judged by sc's "
                "comparator.", "([sc test key] [sc start-test start-key end-test end-key])");
  vm.def_native(C, "rsubseq", n_rsubseq, 3, 5,
                "Like subseq, but gives the selected elements of the sorted collection sc in "
                "descending order.", "([sc test key] [sc start-test start-key end-test end-key])");
  Namespace* qns = vm.find_or_create_ns(vm.sym("clojure.lang.PersistentQueue"));
  Var* empty = vm.intern(qns, vm.sym("EMPTY"));
  empty->root = empty_queue(vm.heap);
  empty->bound = true;
  vm.heap.barrier(empty, empty->root);
}

void register_sorted_printers(TypeInfo* table) { set_print_hooks(table, ObjType::Queue, print_queue); }

}  // namespace clove
