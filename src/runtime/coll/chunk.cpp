// chunk.cpp: ArrayChunk, ChunkBuffer, ChunkedCons and the chunked-seq protocol
// (chunk-first / chunk-rest / chunk-next) over ChunkedCons, Range and VectorSeq.
#include "runtime/coll/chunk.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/list.h"
#include "runtime/coll/range.h"
#include "runtime/coll/vector.h"
#include "state/state.h"

namespace clove {

using namespace coll_detail;

namespace {

ArrayChunk* window(Heap& h, ArrayChunk* c, uint32_t skip) {
  if (skip == 0) return c;
  return h.make<ArrayChunk>(c->owned ? static_cast<Obj*>(c) : c->owner, c->items, c->off + skip, c->end, 0u);
}
}  // namespace

ArrayChunk* array_chunk_copy(Heap& h, const Value* items, uint32_t n) {
  ArrayChunk* c = h.make_extra<ArrayChunk>(n * sizeof(Value), nullptr, nullptr, 0u, n, n);
  c->owner = c;
  c->items = c->storage();
  if (n) std::memcpy(static_cast<void*>(c->storage()), items, n * sizeof(Value));
  return c;
}

ChunkBuffer* chunk_buffer(Heap& h, int64_t capacity) {
  if (capacity < 0 || capacity > kMaxChunkCapacity)
    throw_error(ErrorKind::IllegalArgumentException,
                "chunk-buffer capacity must be between 0 and " + std::to_string(kMaxChunkCapacity) + ", got " +
                    std::to_string(capacity));
  auto cap = static_cast<uint32_t>(capacity);
  return h.make_extra<ChunkBuffer>(cap * sizeof(Value), cap);
}

void chunk_append(Heap& h, ChunkBuffer* b, Value x) {
  if (b->sealed) throw_error(ErrorKind::IllegalStateException, "chunk-append to a buffer already turned into a chunk");
  if (b->n >= b->capacity)
    throw_error(ErrorKind::IndexOutOfBoundsException,
                "chunk-append past the buffer's capacity of " + std::to_string(b->capacity));
  b->storage()[b->n++] = x;
  h.barrier(b, x);
}

ArrayChunk* chunk_seal(Heap& h, ChunkBuffer* b) {
  b->sealed = true;
  return h.make<ArrayChunk>(b, b->storage(), 0u, b->n, 0u);
}

Value chunk_cons(Heap& h, ArrayChunk* c, Value rest) {
  if (c->count() == 0) return rest;
  return Value::object(h.make<ChunkedCons>(c, 0u, rest));
}

bool is_chunked_seq(Value s) { return has_traits(s, trait::IChunkedSeq); }

namespace {
[[noreturn]] void not_chunked(Value s) {
  if (s.is_nil()) throw_error(ErrorKind::NullPointerException, "Cannot take a chunk of nil");
  cannot_cast(s, "IChunkedSeq");
}
}  // namespace

ArrayChunk* chunk_first(State& vm, Value s) {
  Heap& h = vm.heap;
  if (ChunkedCons* c = as<ChunkedCons>(s)) return window(h, c->chunk, c->skip);
  if (Range* r = as<Range>(s)) return range_chunk_first(h, r);
  if (VectorSeq* v = as<VectorSeq>(s)) {
    uint32_t leaf_start = v->i & ~31u;
    uint32_t leaf_end = std::min<uint32_t>(32, v->vec->cnt - leaf_start);
    return h.make<ArrayChunk>(v->vec, v->leaf, v->i & 31u, leaf_end, 0u);
  }
  not_chunked(s);
}

Value chunk_next(State& vm, Value s) {
  if (ChunkedCons* c = as<ChunkedCons>(s)) return seq(vm, c->more);
  if (Range* r = as<Range>(s)) return range_chunk_next(vm.heap, r);
  if (VectorSeq* v = as<VectorSeq>(s)) return vector_seq(vm.heap, v->vec, (v->i & ~31u) + 32);
  not_chunked(s);
}

Value chunk_rest(State& vm, Value s) {
  if (ChunkedCons* c = as<ChunkedCons>(s)) return c->more.is_nil() ? empty_list(vm.heap) : c->more;
  Value n = chunk_next(vm, s);
  return n.is_nil() ? empty_list(vm.heap) : n;
}

Value chunked_cons_next(State& vm, const ChunkedCons* c) {
  if (c->skip + 1 < c->chunk->count()) return Value::object(vm.heap.make<ChunkedCons>(c->chunk, c->skip + 1, c->more));
  return seq(vm, c->more);
}

}  // namespace clove
