// coll.h: the collection and seq interface every other layer uses.
//
// Constructors build Clojure's persistent types; the generic operations dispatch on
// the value's type the way clojure.lang.RT does, so the VM, natives, the reader and
// the printer never switch on collection types themselves. Implementations live one
// type per file (list.cpp, vector.cpp, hash_map.cpp, ...); the generic operations
// (coll_ops.cpp, seq_ops.cpp, equiv.cpp, hash.cpp) handle the commonest types inline
// and reach every other type through its operations in the type table (core/object.h's
// TypeInfo; coll_types.cpp registers the collections', the modules above coll their
// own types': records, arrays, ...). The predicates read the types' trait bits.
// docs/design/types.md.
//
// Errors: wrong types throw ClassCastException / UnsupportedOperationException
// naming the type ("count not supported on this type: Long"); bad indices throw
// IndexOutOfBoundsException. Operations that may realize a lazy seq take the VM.
#pragma once
#include <cstddef>
#include <cstdint>

#include "gc/heap.h"
#include "core/value.h"

namespace clove {

class State;

// ---- construction (never call back into Clove; no VM needed) ----
/// A PersistentList of items[0..n) in order; the empty list when n == 0.
Value list_from(Heap& h, const Value* items, size_t n);
/// A PersistentVector of items[0..n).
Value vector_from(Heap& h, const Value* items, size_t n);
/// A full leaf of a vector (a VectorNode of 32 slots) holding items[0..32).
Value vector_leaf(Heap& h, const Value* items);
/// The vector of the elements of `nleaves` full leaves (vector_leaf) followed by
/// tail_items[0..ntail), ntail from 1 to 32: a reader builds a long vector 32 elements
/// at a time instead of holding every element first.
Value vector_from_leaves(Heap& h, const Value* leaves, size_t nleaves, const Value* tail_items, size_t ntail);
/// A map of kvs[0], kvs[1], ... (n pairs); later keys win. Array map up to 8 entries.
Value map_from(State& vm, const Value* kvs, size_t npairs);
/// A hash set of items[0..n); duplicates collapse.
Value set_from(State& vm, const Value* items, size_t n);
/// A MapEntry [k v] (prints and compares as a 2-vector).
Value map_entry(Heap& h, Value k, Value v);

// ---- predicates (the trait bits of core/traits.h, except is_list and is_map) ----
bool is_list(Value v);        // Clove's own lists: PersistentList or EmptyList
bool is_vector(Value v);      // IPersistentVector: vectors and map entries
bool is_map(Value v);         // the built-in maps (array, hash, sorted), not records
bool is_set(Value v);         // IPersistentSet
bool is_seq(Value v);         // ISeq (lists, conses, seqs, lazy seqs)
bool is_coll(Value v);        // IPersistentCollection: any persistent collection or seq
bool is_sequential(Value v);  // Sequential: lists, vectors, queues, seqs
bool is_counted(Value v);     // Counted: a constant-time count

// ---- the seq abstraction ----
/// (seq x): nil for empty collections, strings and nil; a seq otherwise.
Value seq(State& vm, Value coll);
Value first(State& vm, Value coll);
/// (next x): nil when there is no second element.
Value next(State& vm, Value coll);
/// (rest x): () rather than nil at the end.
Value rest(State& vm, Value coll);
/// (cons x seq): a Cons cell (as in Clojure, even when seq is a list).
Value cons(State& vm, Value x, Value coll);

// ---- generic collection operations ----
int64_t count(State& vm, Value coll);
Value nth(State& vm, Value coll, int64_t i);                  // throws IndexOutOfBoundsException
/// The element at ix of a PersistentVector or an array chunk when ix is a small int in
/// range, stored in *out (true); false for anything else. Never throws, allocates or
/// runs Clove code: the interpreter's NTH asks it before the general nth.
bool nth_if_indexed(Value coll, Value ix, Value* out);
Value nth(State& vm, Value coll, int64_t i, Value not_found);
Value get(State& vm, Value coll, Value key, Value not_found = Value::nil());
bool contains(State& vm, Value coll, Value key);
Value assoc(State& vm, Value coll, Value key, Value val);
Value dissoc(State& vm, Value coll, Value key);
Value conj(State& vm, Value coll, Value x);
Value peek(State& vm, Value coll);
Value pop(State& vm, Value coll);
Value meta(Value v);                                       // nil when none
Value with_meta(State& vm, Value v, Value m);

// ---- equality and hashing (Clojure's rules) ----
/// Clojure's `=`: numbers by category (1 and 1.0 differ), sequentials element-wise,
/// maps and sets by content.
bool equiv(State& vm, Value a, Value b);
/// Clojure's `hash`, consistent with equiv (Murmur3 mixing as in clojure.lang.Murmur3).
uint32_t hash(State& vm, Value v);
/// Murmur3.hashOrdered over any seqable (Clojure's `hash-ordered-coll`): the hash a
/// sequential collection of these elements has. May realize lazy seqs (roots them).
uint32_t hash_ordered(State& vm, Value coll);
/// Murmur3.hashUnordered over any seqable (Clojure's `hash-unordered-coll`): the hash a
/// set of these elements has. May realize lazy seqs (roots them).
uint32_t hash_unordered(State& vm, Value coll);
/// Clojure's `compare`: negative, zero or positive; throws ClassCastException.
int compare(State& vm, Value a, Value b);

}  // namespace clove
