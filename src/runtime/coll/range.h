// range.h: Range, the seq `(range start end step)` returns for long arguments
// (clojure.lang.LongRange).
//
// A Range holds start, step and the number of elements, so count and nth are O(1),
// `next` allocates one small object and nothing is computed twice. It is a chunked
// seq (chunk.h): chunk-first materializes up to 32 longs at once, which is what the
// lazy seq functions and reduce walk. An empty range is never a Range: the
// constructor returns () instead, as Clojure's does.
#pragma once
#include <cstdint>
#include <optional>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

struct ArrayChunk;

struct Range : Obj {
  static constexpr ObjType kType = ObjType::Range;
  int64_t start;
  int64_t step;  // never 0
  int64_t cnt;   // >= 1
  Value meta;
  Range(int64_t s, int64_t st, int64_t c, Value m = Value::nil()) : Obj(kType), start(s), step(st), cnt(c), meta(m) {}
  int64_t nth(int64_t i) const { return start + i * step; }
  void trace(Tracer& t) { t.mark(meta); }
};

/// The number of longs in [start, end) stepping by step (step != 0), or nullopt when it
/// does not fit an int64 (such a range cannot be counted; callers fall back to a lazy seq).
std::optional<int64_t> range_count(int64_t start, int64_t end, int64_t step);
/// A Range of `cnt` elements from start by step, or () when cnt == 0. step must not be 0.
Value make_range(Heap& h, int64_t start, int64_t step, int64_t cnt);
/// (next r): a Range one element shorter, or nil.
Value range_next(Heap& h, const Range* r);
/// The first up-to-32 elements as a chunk.
ArrayChunk* range_chunk_first(Heap& h, const Range* r);
/// The range after the first chunk, or nil.
Value range_chunk_next(Heap& h, const Range* r);

}  // namespace clove
