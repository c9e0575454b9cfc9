// Chunked seqs and LongRange: counts at the long limits, stepping and chunking
// against a model, chunk buffers, vector chunks, bad input.
#include <random>
#include <vector>

#include "coll_test_support.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/range.h"
#include "runtime/coll/vector.h"

namespace clove {
namespace {

using namespace test;

// Walks s element by element and chunk by chunk; both must give `model`.
void expect_seq(State& vm, Value s, const std::vector<int64_t>& model) {
  std::vector<int64_t> by_elem, by_chunk;
  for (Value x = seq(vm, s); !x.is_nil(); x = next(vm, x)) by_elem.push_back(as_long(first(vm, x)));
  for (Value x = seq(vm, s); !x.is_nil();) {
    ASSERT_TRUE(is_chunked_seq(x));
    ArrayChunk* c = chunk_first(vm, x);
    ASSERT_GT(c->count(), 0u);
    ASSERT_LE(c->count(), 32u);
    for (uint32_t i = 0; i < c->count(); ++i) by_chunk.push_back(as_long(c->nth(i)));
    x = chunk_next(vm, x);
  }
  EXPECT_EQ(by_elem, model);
  EXPECT_EQ(by_chunk, model);
}

std::vector<int64_t> model_range(int64_t start, int64_t end, int64_t step) {
  std::vector<int64_t> m;
  if (step > 0)
    for (__int128 x = start; x < end; x += step) m.push_back(static_cast<int64_t>(x));
  else
    for (__int128 x = start; x > end; x += step) m.push_back(static_cast<int64_t>(x));
  return m;
}

TEST(CollChunk, RangeCountIsExactAtTheLimits) {
  EXPECT_EQ(range_count(0, 10, 1), 10);
  EXPECT_EQ(range_count(0, 10, 3), 4);
  EXPECT_EQ(range_count(10, 0, -3), 4);
  EXPECT_EQ(range_count(5, 5, 1), 0);
  EXPECT_EQ(range_count(5, 0, 1), 0);
  EXPECT_EQ(range_count(0, 5, -1), 0);
  EXPECT_EQ(range_count(INT64_MAX - 2, INT64_MAX, 1), 2);
  EXPECT_EQ(range_count(INT64_MIN, INT64_MAX, INT64_MAX), 3);
  EXPECT_EQ(range_count(INT64_MAX, INT64_MIN, INT64_MIN), 2);
  // 2^64 - 1 elements do not fit a long: the caller falls back to a lazy seq.
  EXPECT_FALSE(range_count(INT64_MIN, INT64_MAX, 1).has_value());
}

TEST(CollChunk, RangesMatchTheModelElementwiseAndByChunk) {
  CollVM vm;
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<int64_t> pos(-500, 500), stp(1, 9);
  for (int t = 0; t < 300; ++t) {
    int64_t a = pos(rng), b = pos(rng), st = stp(rng) * (rng() % 2 ? 1 : -1);
    std::vector<int64_t> m = model_range(a, b, st);
    Value r = make_range(vm.heap, a, st, *range_count(a, b, st));
    ASSERT_EQ(count(vm, r), static_cast<int64_t>(m.size()));
    if (m.empty()) {
      EXPECT_TRUE(seq(vm, r).is_nil());
      continue;
    }
    for (size_t i = 0; i < m.size(); i += 7) EXPECT_EQ(as_long(nth(vm, r, static_cast<int64_t>(i))), m[i]);
    expect_seq(vm, r, m);
  }
  // Near the top of the long range every element is exact and nothing overflows.
  int64_t start = INT64_MAX - 100;
  Value r = make_range(vm.heap, start, 3, *range_count(start, INT64_MAX, 3));
  expect_seq(vm, r, model_range(start, INT64_MAX, 3));
}

TEST(CollChunk, VectorSeqsChunkAlongTheLeaves) {
  CollVM vm;
  for (int64_t n : {1, 31, 32, 33, 64, 65, 1000, 1057}) {
    Value v = empty_vector(vm.heap);
    std::vector<int64_t> m;
    for (int64_t i = 0; i < n; ++i) {
      v = conj(vm, v, I(i * 2));
      m.push_back(i * 2);
    }
    expect_seq(vm, v, m);
    // A seq that starts mid-leaf gives the rest of that leaf as its first chunk.
    Value s = seq(vm, v);
    for (int k = 0; k < 5 && !s.is_nil(); ++k) s = next(vm, s);
    if (!s.is_nil()) {
      std::vector<int64_t> tail(m.begin() + 5, m.end());
      expect_seq(vm, s, tail);
      EXPECT_EQ(chunk_first(vm, s)->count(), static_cast<uint32_t>(std::min<int64_t>(27, n - 5)));
    }
  }
}

TEST(CollChunk, BufferSealsIntoAChunkAndChunkConsSkipsEmptyChunks) {
  CollVM vm;
  ChunkBuffer* b = chunk_buffer(vm.heap, 3);
  chunk_append(vm.heap, b, I(1));
  chunk_append(vm.heap, b, I(2));
  ArrayChunk* c = chunk_seal(vm.heap, b);
  EXPECT_EQ(c->count(), 2u);
  expect_error([&] { chunk_append(vm.heap, b, I(3)); }, ErrorKind::IllegalStateException);
  Value tail = list_from(vm.heap, std::vector<Value>{I(3), I(4)}.data(), 2);
  Value s = chunk_cons(vm.heap, c, tail);
  EXPECT_EQ(count(vm, s), 4);
  EXPECT_EQ(as_long(first(vm, next(vm, s))), 2);
  EXPECT_EQ(as_long(first(vm, next(vm, next(vm, s)))), 3);
  EXPECT_TRUE(equiv(vm, chunk_rest(vm, s), tail));
  // An empty chunk contributes nothing: chunk-cons returns the rest itself.
  EXPECT_EQ(chunk_cons(vm.heap, chunk_seal(vm.heap, chunk_buffer(vm.heap, 0)), tail), tail);
}

TEST(CollChunk, BadInputIsAnError) {
  CollVM vm;
  ChunkBuffer* b = chunk_buffer(vm.heap, 1);
  chunk_append(vm.heap, b, I(1));
  expect_error([&] { chunk_append(vm.heap, b, I(2)); }, ErrorKind::IndexOutOfBoundsException, "capacity");
  expect_error([&] { chunk_buffer(vm.heap, -1); }, ErrorKind::IllegalArgumentException);
  expect_error([&] { chunk_buffer(vm.heap, int64_t{1} << 40); }, ErrorKind::IllegalArgumentException);
  expect_error([&] { chunk_first(vm, Value::nil()); }, ErrorKind::NullPointerException);
  expect_error([&] { chunk_first(vm, I(1)); }, ErrorKind::ClassCastException, "IChunkedSeq");
  Value r = make_range(vm.heap, 0, 1, 3);
  expect_error([&] { nth(vm, r, 3); }, ErrorKind::IndexOutOfBoundsException);
  expect_error([&] { nth(vm, Value::object(chunk_first(vm, r)), -1); }, ErrorKind::IndexOutOfBoundsException);
}

TEST(CollChunk, ChunksSurviveCollection) {
  CollVM vm;
  RootScope scope(vm.heap);
  ChunkBuffer* b = chunk_buffer(vm.heap, 32);
  for (int i = 0; i < 32; ++i) chunk_append(vm.heap, b, string_value(vm.heap, std::to_string(i)));
  size_t slot = scope.push(chunk_cons(vm.heap, chunk_seal(vm.heap, b), Value::nil()));
  Value v = empty_vector(vm.heap);
  for (int i = 0; i < 100; ++i) v = conj(vm, v, string_value(vm.heap, "v" + std::to_string(i)));
  size_t vslot = scope.push(Value::object(chunk_first(vm, next(vm, seq(vm, v)))));
  vm.heap.collect();
  vm.heap.validate();
  Value s = scope[slot];
  EXPECT_EQ(count(vm, s), 32);
  EXPECT_TRUE(equiv(vm, nth(vm, s, 31), string_value(vm.heap, "31")));
  auto* c = static_cast<ArrayChunk*>(scope[vslot].as_obj());
  EXPECT_EQ(c->count(), 31u);
  EXPECT_TRUE(equiv(vm, c->nth(30), string_value(vm.heap, "v31")));
}

}  // namespace
}  // namespace clove
