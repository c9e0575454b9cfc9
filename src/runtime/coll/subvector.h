// subvector.h: (subvec v start end), a view of a vector's elements [start, end)
// (clojure.lang.APersistentVector$SubVector), and its seq (APersistentVector$Seq).
//
// Making one is O(1) whatever the length: it shares the vector and keeps all of it
// alive, as Clojure's does. A view of a view is a view of the first vector (the
// offsets add up), so views never stack. Changing one makes a new view over a changed
// vector: conj and assoc write through to a copy of the vector (assoc at index end of
// that vector), pop narrows the view. Like Clojure's, a view is not editable (no
// transient) and its seq is not chunked.
#pragma once
#include <cstdint>

#include "core/object.h"
#include "gc/heap.h"
#include "runtime/coll/vector.h"

namespace clove {

class State;

struct SubVector : Obj {
  static constexpr ObjType kType = ObjType::SubVector;
  Vector* vec;     // the vector viewed; never itself a view
  uint32_t start;  // first index of vec in the view
  uint32_t end;    // one past the last; start <= end <= vec->cnt
  Value meta;
  SubVector(Vector* v, uint32_t s, uint32_t e, Value m) : Obj(kType), vec(v), start(s), end(e), meta(m) {}
  uint32_t count() const { return end - start; }
  /// Element i of the view; i < count().
  Value nth(uint32_t i) const { return vec->nth(start + i); }
  void trace(Tracer& t) {
    t.mark(vec);
    t.mark(meta);
  }
};

/// A seq over a view from index i (APersistentVector$Seq): first reads the vector, next
/// makes the seq from i + 1. Counted, not chunked.
struct SubVectorSeq : Obj {
  static constexpr ObjType kType = ObjType::SubVectorSeq;
  SubVector* sv;
  uint32_t i;  // < sv->count()
  Value meta;
  SubVectorSeq(SubVector* s, uint32_t idx) : Obj(kType), sv(s), i(idx) {}
  Value first() const { return sv->nth(i); }
  int64_t count() const { return sv->count() - i; }
  void trace(Tracer& t) {
    t.mark(sv);
    t.mark(meta);
  }
};

/// A run of a vector's elements: vec's indexes [from, to).
struct VectorSlice {
  const Vector* vec;
  uint32_t from, to;
};
/// The elements of v as one slice when v is a PersistentVector (all of it) or a subvec
/// view (its range), for loops that read leaves directly; false for anything else.
inline bool vector_slice(Value v, VectorSlice* out) {
  if (const Vector* x = as<Vector>(v)) {
    *out = {x, 0, x->cnt};
    return true;
  }
  if (const SubVector* s = as<SubVector>(v)) {
    *out = {s->vec, s->start, s->end};
    return true;
  }
  return false;
}

/// (subvec v start end), RT.subvec: v any vector (IPersistentVector), 0 <= start <=
/// end <= (count v), else IndexOutOfBoundsException (no message, as Clojure). An empty
/// range gives [] (a PersistentVector, as Clojure's EMPTY); anything else a SubVector
/// without metadata. A map entry or another vector type is first copied into a vector.
Value subvector(State& vm, Value v, int64_t start, int64_t end);
/// (conj sv x): a view one longer, over vec with x at index end (SubVector.cons).
Value subvector_conj(Heap& h, const SubVector* sv, Value x);
/// (assoc sv i x) for 0 <= i <= count (i == count is conj); IndexOutOfBoundsException
/// otherwise (SubVector.assocN).
Value subvector_assoc(Heap& h, const SubVector* sv, int64_t i, Value x);
/// (pop sv): the view without its last element, [] when that empties it;
/// IllegalStateException "Can't pop empty vector" when it is empty.
Value subvector_pop(Heap& h, const SubVector* sv);
/// The same view with metadata m.
Value subvector_with_meta(Heap& h, const SubVector* sv, Value m);
/// (seq sv) from index i: nil when i >= count.
Value subvector_seq(Heap& h, SubVector* sv, uint32_t i = 0);
Value subvector_seq_next(Heap& h, const SubVectorSeq* s);

}  // namespace clove
