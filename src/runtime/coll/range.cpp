// range.cpp: Range (clojure.lang.LongRange) construction, stepping and chunking.
#include "runtime/coll/range.h"

#include <algorithm>

#include "runtime/coll/chunk.h"
#include "runtime/coll/list.h"
#include "runtime/num/number.h"

namespace clove {

namespace {
constexpr int64_t kChunkSize = 32;
}

std::optional<int64_t> range_count(int64_t start, int64_t end, int64_t step) {
  if (step > 0 ? start >= end : start <= end) return 0;
  // ceil(|end - start| / |step|), computed without overflow.
  __int128 span = step > 0 ? static_cast<__int128>(end) - start : static_cast<__int128>(start) - end;
  __int128 st = step > 0 ? static_cast<__int128>(step) : -static_cast<__int128>(step);
  __int128 n = (span + st - 1) / st;
  if (n > INT64_MAX) return std::nullopt;
  return static_cast<int64_t>(n);
}

Value make_range(Heap& h, int64_t start, int64_t step, int64_t cnt) {
  if (cnt <= 0) return empty_list(h);
  return Value::object(h.make<Range>(start, step, cnt));
}

Value range_next(Heap& h, const Range* r) {
  if (r->cnt <= 1) return Value::nil();
  return Value::object(h.make<Range>(r->start + r->step, r->step, r->cnt - 1));
}

ArrayChunk* range_chunk_first(Heap& h, const Range* r) {
  auto n = static_cast<uint32_t>(std::min(r->cnt, kChunkSize));
  ArrayChunk* c = h.make_extra<ArrayChunk>(n * sizeof(Value), nullptr, nullptr, 0u, n, n);
  c->owner = c;
  c->items = c->storage();
  Value* d = c->storage();
  // r->nth(k) never overflows: element k exists, so it lies between start and end.
  for (uint32_t k = 0; k < n; ++k) d[k] = make_long(h, r->nth(k));
  return c;
}

Value range_chunk_next(Heap& h, const Range* r) {
  if (r->cnt <= kChunkSize) return Value::nil();
  return Value::object(h.make<Range>(r->start + kChunkSize * r->step, r->step, r->cnt - kChunkSize));
}

}  // namespace clove
