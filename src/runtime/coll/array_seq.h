// array_seq.h: ArraySeq, a seq over a slice of an array of Values.
//
// The VM builds one for the rest arguments of a variadic fn; `(seq "abc")` builds one
// over the string's characters. The first ArraySeq of a chain owns the array (held
// after its header); every `next` shares it, pointing at the owner and an index, so
// walking the seq allocates one small object per step and copies nothing.
#pragma once
#include <cstddef>
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

struct ArraySeq : Obj {
  static constexpr ObjType kType = ObjType::ArraySeq;
  ArraySeq* owner;     // the seq holding the array (this one, or the head of the chain)
  const Value* items;  // owner's array
  uint32_t i;          // index of this seq's first element
  uint32_t n;          // length of the whole array (i < n always)
  uint32_t owned;      // number of Values stored after this header (0 unless owner)
  Value meta;
  ArraySeq(ArraySeq* o, const Value* it, uint32_t idx, uint32_t len, uint32_t own)
      : Obj(kType), owner(o), items(it), i(idx), n(len), owned(own) {}
  Value* storage() { return reinterpret_cast<Value*>(this + 1); }
  int64_t count() const { return n - i; }
  void trace(Tracer& t) {
    if (owner != this) t.mark(owner);
    for (uint32_t k = 0; k < owned; ++k) t.mark(storage()[k]);
    t.mark(meta);
  }
  size_t byte_size() const { return sizeof(ArraySeq) + owned * sizeof(Value); }
};

/// A seq over a copy of items[0..n); nil when n == 0 (like clojure.lang.ArraySeq/create).
Value array_seq(Heap& h, const Value* items, size_t n);
/// A seq of n >= 1 items whose storage the caller fills (every slot, before anything
/// else allocates): items() of the result, n Values.
ArraySeq* array_seq_to_fill(Heap& h, size_t n);
/// The rest of `s` from its next element, or nil at the end.
Value array_seq_next(Heap& h, ArraySeq* s);

}  // namespace clove
