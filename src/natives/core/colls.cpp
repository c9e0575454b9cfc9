// colls.cpp: clojure.core's basic collection and seq functions, over runtime/coll/coll.h.
// (The lazy seq library and the rest of clojure.core's collection functions live in
// src/lib/*.clj, written in Clove.)
#include "runtime/lang/user_type.h"
#include <cstring>
#include <vector>

#include "core/murmur3.h"
#include "runtime/coll/array_seq.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/vector.h"
#include "runtime/print/print.h"
#include "natives/args.h"
#include "natives/value_buf.h"
#include "runtime/lang/seq_fns.h"
#include "runtime/lang/record.h"
#include "state/continuation.h"

namespace clove {

namespace {

std::vector<Value> collect(Args a, int from) {
  std::vector<Value> v;
  for (int i = from; i < a.size(); ++i) v.push_back(a[i]);
  return v;
}

// hash-map and array-map take key value pairs: an odd count names the key left alone.
void check_key_values(State& vm, Args a) {
  if (a.size() % 2)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No value supplied for key: {}", pr_str_bounded(vm, a[a.size() - 1])));
}

Value c_list(State& vm, Args a) { auto v = collect(a, 0); return list_from(vm.heap, v.data(), v.size()); }
Value c_vector(State& vm, Args a) { auto v = collect(a, 0); return vector_from(vm.heap, v.data(), v.size()); }
Value c_hash_map(State& vm, Args a) {
  check_key_values(vm, a);
  auto v = collect(a, 0);
  // (hash-map) is {}, an array map; with arguments a PersistentHashMap however few
  // (clojure.core/hash-map, PersistentHashMap.create), so its order is the hash order.
  if (v.empty()) return map_from(vm, nullptr, 0);
  return hash_map_from(vm, v.data(), v.size() / 2);
}
Value c_hash_set(State& vm, Args a) { auto v = collect(a, 0); return set_from(vm, v.data(), v.size()); }
Value c_cons(State& vm, Args a) { return cons(vm, a[0], a[1]); }
Value c_get(State& vm, Args a) { return get(vm, a[0], a[1], a.at_or(2, Value::nil())); }
Value c_contains(State& vm, Args a) { return Value::boolean(contains(vm, a[0], a[1])); }
Value c_assoc(State& vm, Args a) {
  if (a.size() % 2 == 0) throw_error(ErrorKind::IllegalArgumentException, "assoc expects even number of arguments after map/vector, found odd number");
  Value m = a[0];
  // (assoc m :x x :y y :z z) on an array map holding every key: one copy, not one per
  // pair (nbody's bodies, records-as-maps).
  if (const ArrayMap* am = as<ArrayMap>(m); am && a.size() > 3 && a.size() <= 2 * static_cast<int>(ArrayMap::kMaxEntries) + 1) {
    int64_t at[ArrayMap::kMaxEntries];
    int k = 0;
    for (int i = 1; i + 1 < a.size(); i += 2, ++k)
      if ((at[k] = array_map_index(vm, am, a[i])) < 0) break;
    if (2 * k + 1 == a.size()) {
      ArrayMap* r = alloc_array_map(vm.heap, am->n, am->meta);
      std::memcpy(static_cast<void*>(r->kvs()), am->kvs(), 2 * am->n * sizeof(Value));
      for (int j = 0; j < k; ++j) r->kvs()[2 * at[j] + 1] = a[2 * j + 2];
      return Value::object(r);
    }
  }
  // (assoc v i x j y ...) on a vector of up to 32 items (all of them in its tail) with
  // every index in range: one copy of the tail, not one per pair (nbody's pair update).
  if (const Vector* vec = as<Vector>(m); vec && a.size() > 3 && vec->cnt <= 32) {
    bool in_range = true;
    for (int i = 1; i + 1 < a.size() && in_range; i += 2)
      in_range = a[i].is_small_int() && static_cast<uint64_t>(a[i].as_small_int()) < vec->cnt;
    if (in_range) {
      Value r = vector_assoc(vm.heap, vec, a[1].as_small_int(), a[2]);
      VectorNode* tail = static_cast<Vector*>(r.as_obj())->tail;  // a fresh copy: no barrier
      for (int i = 3; i + 1 < a.size(); i += 2) tail->slots()[a[i].as_small_int()] = a[i + 1];
      return r;
    }
  }
  for (int i = 1; i + 1 < a.size(); i += 2) m = assoc(vm, m, a[i], a[i + 1]);
  return m;
}
Value c_dissoc(State& vm, Args a) {
  Value m = a[0];
  for (int i = 1; i < a.size(); ++i) m = dissoc(vm, m, a[i]);
  return m;
}
Value c_conj(State& vm, Args a) {
  if (a.size() == 0) return vector_from(vm.heap, nullptr, 0);
  Value c = a[0];
  for (int i = 1; i < a.size(); ++i) c = conj(vm, c, a[i]);
  return c;
}
Value c_peek(State& vm, Args a) { return peek(vm, a[0]); }
Value c_pop(State& vm, Args a) { return pop(vm, a[0]); }
Value c_emptyp(State& vm, Args a) {
  Value r = realize_seq<c_emptyp>(vm, a[0]);
  return State::is_request(r) ? r : Value::boolean(seq(vm, a[0]).is_nil());
}
Value c_listp(State&, Args a) { return Value::boolean(is_list(a[0])); }
Value c_vectorp(State&, Args a) { return Value::boolean(is_vector(a[0])); }
Value c_mapp(State&, Args a) { return Value::boolean(is_map(a[0]) || has_traits(a[0], trait::IPersistentMap)); }
Value c_setp(State&, Args a) { return Value::boolean(is_set(a[0])); }
Value c_seqp(State&, Args a) { return Value::boolean(is_seq(a[0])); }
Value c_collp(State&, Args a) { return Value::boolean(is_coll(a[0])); }
Value c_sequentialp(State&, Args a) { return Value::boolean(is_sequential(a[0])); }
Value c_countedp(State&, Args a) { return Value::boolean(is_counted(a[0])); }
Value c_associativep(State&, Args a) { return Value::boolean(has_traits(a[0], trait::Associative)); }
Value c_reversiblep(State&, Args a) { return Value::boolean(has_traits(a[0], trait::Reversible)); }
Value c_indexedp(State&, Args a) { return Value::boolean(has_traits(a[0], trait::Indexed)); }
// RT.canSeq: nil, ISeq, Seqable, Iterable, CharSequence, java.util.Map and arrays.
Value c_seqablep(State&, Args a) {
  Value x = a[0];
  return Value::boolean(x.is_nil() || is_type(x, ObjType::JavaArray) ||
                        has_traits(x, trait::Seqable) || has_traits(x, trait::Iterable) ||
                        has_traits(x, trait::CharSequence) || has_traits(x, trait::JavaMap));
}
// (vec coll) of a lazy seq, once drained (drain_spine): the items' vector itself.
Value vec_of_items(State&, Args, Value items) { return items; }

Value c_vec(State& vm, Args a) {
  // A vector with metadata support is itself without its metadata; a map entry or a
  // deftype vector is copied (clojure.core/vec).
  if (is_vector(a[0]) && has_traits(a[0], trait::IObj))
    return meta(a[0]).is_nil() ? a[0] : with_meta(vm, a[0], Value::nil());
  if (const ArraySeq* sq = as<ArraySeq>(a[0]))  // rest args, (rseq v): copy its slice, no walk
    return vector_from(vm.heap, sq->items + sq->i, sq->n - sq->i);
  // A lazy seq is drained with the frame holding a cursor, not the head: the items
  // collected are the vector.
  if (maybe_lazy_spine(a[0]) && meta(a[0]).is_nil())
    return drain_spine<vec_of_items>(vm, a);
  Value r = realize_spine<c_vec>(vm, a[0]);
  if (State::is_request(r)) return r;
  ValueBuf items;
  for (Value s = seq(vm, a[0]); !s.is_nil(); s = next(vm, s)) {
    items.push_back(first(vm, s));
    vm.charge(1);  // a loop in C++: counts toward the instruction budget
  }
  return vector_from(vm.heap, items.data(), items.size());
}

// Eager for now: the lazy version arrives with lazy seqs (src/lib), keeping the name.
Value c_concat(State& vm, Args a) {
  std::vector<Value> items;
  for (int i = 0; i < a.size(); ++i)
    for (Value s = seq(vm, a[i]); !s.is_nil(); s = next(vm, s)) items.push_back(first(vm, s));
  return list_from(vm.heap, items.data(), items.size());
}

// (array-map & kvs): an array map of any size, a repeated key keeping its first place and
// its last value (PersistentArrayMap.createAsIfByAssoc).
Value c_array_map(State& vm, Args a) {
  check_key_values(vm, a);
  std::vector<Value> kvs;
  for (int i = 0; i < a.size(); i += 2) {
    size_t j = 0;
    while (j < kvs.size() && !equiv(vm, kvs[j], a[i])) j += 2;
    if (j < kvs.size()) {
      kvs[j + 1] = a[i + 1];
    } else {
      kvs.push_back(a[i]);
      kvs.push_back(a[i + 1]);
    }
  }
  if (kvs.empty()) return empty_array_map(vm.heap);
  ArrayMap* m = alloc_array_map(vm.heap, static_cast<uint32_t>(kvs.size() / 2));
  std::copy(kvs.begin(), kvs.end(), m->kvs());
  return Value::object(m);
}

// 32-bit hash results come back as Clojure's int: sign-extended.
Value hash_value(uint32_t h) { return Value::small_int(static_cast<int32_t>(h)); }
uint32_t arg_hash(Args a, int i, const char* fn) { return static_cast<uint32_t>(arg_long(a, i, fn)); }

Value c_hash_ordered(State& vm, Args a) { return hash_value(hash_ordered(vm, a[0])); }
Value c_hash_unordered(State& vm, Args a) { return hash_value(hash_unordered(vm, a[0])); }
Value c_mix_coll_hash(State&, Args a) {
  return hash_value(murmur3::mix_coll_hash(arg_hash(a, 0, "mix-collection-hash"), arg_hash(a, 1, "mix-collection-hash")));
}
// (hash-combine seed y): clojure.lang.Util.hashCombine(seed, (hash y)).
Value c_hash_combine(State& vm, Args a) {
  return hash_value(murmur3::hash_combine(arg_hash(a, 0, "hash-combine"), hash(vm, a[1])));
}

}  // namespace

void install_coll_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "list", c_list, 0, -1,
                "Builds a list whose elements are the arguments, in order.", "([& items])");
  vm.def_native(C, "vector", c_vector, 0, -1,
                "Builds a vector whose elements are the arguments, in order.",
                "([] [a] [a b] [a b & args])");
  vm.def_native(C, "hash-map", c_hash_map, 0, -1,
                "Builds a hash map from alternating keys and values; a key given twice keeps its "
                "last value. Throws IllegalArgumentException when a key has no value.",
                "([] [& keyvals])");
  vm.def_native(C, "hash-set", c_hash_set, 0, -1,
                "Builds a hash set of the arguments; duplicates collapse into one element.",
                "([] [& keys])");
  vm.def_native(C, "count", count_native, 1, 1,
                "Gives the number of elements of coll: 0 for nil, the number of entries for a map "
                "and the number of code points for a string. Walks the whole of a seq that does "
                "not know its size.", "([coll])");
  vm.def_native(C, "first", first_native, 1, 1,
                "Gives the first element of coll after calling seq on it, or nil when coll is nil "
                "or empty.", "([coll])");
  vm.def_native(C, "rest", rest_native, 1, 1,
                "Gives the elements of coll after the first as a seq, which is empty (never nil) "
                "when there are none. Calls seq on coll.", "([coll])");
  vm.def_native(C, "next", next_native, 1, 1,
                "Gives the elements of coll after the first as a seq, or nil when there are none. "
                "Calls seq on coll.", "([coll])");
  vm.def_native(C, "seq", seq_native, 1, 1,
                "Gives a seq view of coll, or nil when coll is nil or empty. Accepts collections, "
                "strings, arrays and anything Seqable.", "([coll])");
  vm.def_native(C, "cons", c_cons, 2, 2,
                "Makes a seq whose first element is x and whose rest is the seq of coll; coll is "
                "not forced.", "([x seq])");
  vm.def_native(C, "nth", nth_native, 2, 3,
                "Gives the element at index i of an indexed collection, string, array or seq "
                "(seqs are walked, in linear time). Without not-found, throws "
                "IndexOutOfBoundsException when i is out of range; with it, gives not-found "
                "instead.", "([coll index] [coll index not-found])");
  vm.def_native(C, "get", c_get, 2, 3,
                "Looks key up in a map, set, vector, string or array and gives the value found, "
                "or not-found (nil by default) when it is absent. Never throws for a missing key.",
                "([map key] [map key not-found])");
  vm.def_native(C, "contains?", c_contains, 2, 2,
                "True when key is present in coll: a map key, a set member, or a valid index of a "
                "vector, string or array. It does not search for a value in a list or seq.",
                "([coll key])");
  vm.def_native(C, "assoc", c_assoc, 3, -1,
                "Gives a copy of map with each key mapped to its val, keeping the map's kind "
                "(hash, array, sorted), or a copy of vector with val at index (an index equal to "
                "the count appends). Throws IndexOutOfBoundsException for an index past the end "
                "and IllegalArgumentException when a key has no value.",
                "([map key val] [map key val & kvs])");
  vm.def_native(C, "dissoc", c_dissoc, 1, -1,
                "Gives a copy of map, of the same kind, with the entries for the given keys "
                "removed; absent keys are ignored.", "([map] [map key] [map key & ks])");
  vm.def_native(C, "conj", c_conj, 0, -1,
                "Adds the xs to coll where that kind of collection grows fastest: at the front of "
                "lists and seqs, at the end of vectors, as entries of maps and members of sets. "
                "(conj) is [], (conj coll) is coll and (conj nil x) is the list (x).",
                "([] [coll] [coll x] [coll x & xs])");
  vm.def_native(C, "peek", c_peek, 1, 1,
                "Gives the element that pop would remove: the first of a list or queue, the last "
                "of a vector (in constant time), or nil when coll is empty.", "([coll])");
  vm.def_native(C, "pop", c_pop, 1, 1,
                "Gives coll without the element peek shows: a list or queue loses its first "
                "element, a vector its last. Throws IllegalStateException when coll is empty.",
                "([coll])");
  vm.def_native(C, "empty?", c_emptyp, 1, 1,
                "True when coll has no elements, that is when (seq coll) is nil.", "([coll])");
  vm.def_native(C, "list?", c_listp, 1, 1,
                "True when x is a persistent list (IPersistentList).", "([x])");
  vm.def_native(C, "vector?", c_vectorp, 1, 1,
                "True when x is a vector (IPersistentVector).", "([x])");
  vm.def_native(C, "map?", c_mapp, 1, 1,
                "True when x is a map (IPersistentMap), including records.", "([x])");
  vm.def_native(C, "set?", c_setp, 1, 1, "True when x is a set (IPersistentSet).", "([x])");
  vm.def_native(C, "seq?", c_seqp, 1, 1,
                "True when x is a seq (ISeq), such as a list, cons or lazy seq; false for vectors "
                "and other collections.", "([x])");
  vm.def_native(C, "coll?", c_collp, 1, 1,
                "True when x is a persistent collection (IPersistentCollection).", "([x])");
  vm.def_native(C, "sequential?", c_sequentialp, 1, 1,
                "True when coll is ordered by position (Sequential): lists, vectors and seqs, but "
                "not maps or sets.", "([coll])");
  vm.def_native(C, "counted?", c_countedp, 1, 1,
                "True when coll knows its size, so that count takes constant time.", "([coll])");
  vm.def_native(C, "associative?", c_associativep, 1, 1,
                "True when coll supports assoc by key or index (Associative): maps, records, "
                "vectors, and types implementing it.", "([coll])");
  vm.def_native(C, "reversible?", c_reversiblep, 1, 1,
                "True when rseq works on coll (Reversible): vectors, sorted maps and sets, and "
                "types implementing it.", "([coll])");
  vm.def_native(C, "indexed?", c_indexedp, 1, 1,
                "True when coll offers fast access by position through nth (Indexed): vectors, "
                "and types implementing it.", "([coll])");
  vm.def_native(C, "seqable?", c_seqablep, 1, 1,
                "True when seq accepts x: nil, collections, seqs, strings, arrays, and types "
                "implementing Seqable.", "([x])");
  vm.def_native(C, "concat", c_concat, 0, -1,
                "Gives a seq of the elements of every coll, one collection after another.",
                "([] [x] [x y] [x y & zs])");
  vm.def_native(C, "array-map", c_array_map, 0, -1,
                "Builds an array map from alternating keys and values, keeping the keys in "
                "insertion order; a key given twice keeps its first position and its last value.",
                "([] [& keyvals])");
  vm.def_native(C, "hash-ordered-coll", c_hash_ordered, 1, 1,
                "Computes the =-compatible hash of an ordered collection from its elements, as "
                "vectors and lists do (Murmur3.hashOrdered); for collection types implemented "
                "outside core.", "([coll])");
  vm.def_native(C, "hash-unordered-coll", c_hash_unordered, 1, 1,
                "Computes the =-compatible hash of an unordered collection from its elements, "
                "independent of their order, as sets and maps do (Murmur3.hashUnordered; map "
                "elements are hashed as [k v] entries).", "([coll])");
  vm.def_native(C, "mix-collection-hash", c_mix_coll_hash, 2, 2,
                "Finishes a collection hash: combines the accumulated hash-basis of the elements "
                "with count, the number of elements it covers, into the final =-compatible hash.",
                "([hash-basis count])");
  vm.def_native(C, "hash-combine", c_hash_combine, 2, 2, "Combines seed (a hash) with the hash of x, as clojure.lang.Util/hashCombine.", "([x y])");
  vm.def_native(C, "vec", c_vec, 1, 1,
                "Builds a vector of the elements of coll (any seqable), in order. A vector (or "
                "subvec) is given back itself without metadata; a map entry is copied into a "
                "vector.", "([coll])");
}

// The continuations of empty? and vec by name, for marshal (state/continuation.h).
const ContinuationName kContinuationNames[] = {
    {"clojure.core/empty?", realize_seq_k<c_emptyp>},
    {"clojure.core/vec", realize_spine_k<c_vec>},
};

}  // namespace clove
