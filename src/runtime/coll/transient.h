// transient.h: transient vectors, maps and sets (Clojure's TransientVector,
// TransientArrayMap, TransientHashMap and TransientHashSet).
//
// The edit-token scheme of Clojure: a transient is its own token. Trie nodes it creates
// or copies carry it in their `edit` field and are updated in place afterwards; nodes
// shared with the persistent collection it came from carry another token (or none) and
// are copied once before their first change. `persistent!` clears the transient's
// kFlagTransient flag, which ends editing for good: every later operation on it throws
// IllegalAccessError "Transient used after persistent! call". The persistent result
// keeps the nodes; they are never changed again because nothing can edit with a dead
// token.
//
// Transients may stay alive across GC safepoints (between two conj! calls), so every
// in-place store goes through Heap::barrier.
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/vector.h"
#include "core/object.h"

namespace clove {

class State;

struct TransientVector : Obj {
  static constexpr ObjType kType = ObjType::TransientVector;
  uint32_t cnt;
  uint32_t shift;
  VectorNode* root;  // nullptr while everything fits in the tail
  VectorNode* tail;  // always 32 slots, owned (edit == this)
  TransientVector(uint32_t c, uint32_t sh) : Obj(kType), cnt(c), shift(sh), root(nullptr), tail(nullptr) {
    flags |= kFlagTransient;
  }
  uint32_t tailoff() const { return cnt < 32 ? 0 : ((cnt - 1) >> 5) << 5; }
  void trace(Tracer& t) {
    t.mark(root);
    t.mark(tail);
  }
};

struct TransientArrayMap : Obj {
  static constexpr ObjType kType = ObjType::TransientArrayMap;
  static constexpr uint32_t kCapacity = 8;  // pairs; one more turns it into a TransientHashMap
  uint32_t n = 0;                           // pairs in use
  Value kvs[2 * kCapacity];
  TransientArrayMap() : Obj(kType) { flags |= kFlagTransient; }
  void trace(Tracer& t) {
    for (uint32_t i = 0; i < 2 * n; ++i) t.mark(kvs[i]);
  }
};

struct TransientHashMap : Obj {
  static constexpr ObjType kType = ObjType::TransientHashMap;
  uint32_t count;
  bool has_null;
  HamtNode* root;
  Value null_val;
  TransientHashMap(uint32_t c, HamtNode* r, bool hn, Value nv)
      : Obj(kType), count(c), has_null(hn), root(r), null_val(nv) {
    flags |= kFlagTransient;
  }
  void trace(Tracer& t) {
    t.mark(root);
    t.mark(null_val);
  }
};

struct TransientHashSet : Obj {
  static constexpr ObjType kType = ObjType::TransientHashSet;
  Value impl;  // a TransientHashMap whose keys are the elements
  explicit TransientHashSet(Value m) : Obj(kType), impl(m) { flags |= kFlagTransient; }
  void trace(Tracer& t) { t.mark(impl); }
};

/// True for the four transient types (editable or not).
bool is_transient(Value v);

/// Whether (transient coll) works on coll (IEditableCollection): a PersistentVector, an
/// array map, a hash map or a hash set. Subvec views, sorted collections and lists are not.
bool is_editable(Value coll);

/// (transient coll) for a vector, map or hash set; ClassCastException ("cannot be cast
/// to class clojure.lang.IEditableCollection") for anything else.
Value transient_of(State& vm, Value coll);
/// (persistent! t): ends editing and returns the persistent collection.
Value persistent_of(State& vm, Value t);
/// (conj! t x); may return a different transient (an array map growing into a hash map).
Value transient_conj(State& vm, Value t, Value x);
/// conj!s v's elements [from, to) onto t when t is a transient vector, copying them into
/// its tail a run at a time, and returns true; false (nothing done) for any other t.
/// IllegalAccessError after persistent!. Allocates, never collects.
bool transient_vector_append(State& vm, Value t, const Vector* v, uint32_t from, uint32_t to);
/// (assoc! t k v) on a transient map or vector (index k, 0 <= k <= count).
Value transient_assoc(State& vm, Value t, Value key, Value val);
/// (dissoc! t k) on a transient map.
Value transient_dissoc(State& vm, Value t, Value key);
/// (disj! t x) on a transient set.
Value transient_disj(State& vm, Value t, Value x);
/// (pop! t) on a transient vector; IllegalStateException "Can't pop empty vector".
Value transient_pop(State& vm, Value t);

/// count / get / contains? / nth on a transient (each checks it is still editable).
int64_t transient_count(Value t);
Value transient_get(State& vm, Value t, Value key, Value not_found, bool* found = nullptr);
/// nth on a transient vector: IndexOutOfBoundsException unless has_default.
Value transient_nth(Value t, int64_t i, Value not_found, bool has_default);

}  // namespace clove
