// chunk.h: chunked seqs (clojure.lang.ArrayChunk, ChunkBuffer, ChunkedCons, IChunkedSeq).
//
// A chunked seq hands out its elements 32 at a time: `chunk-first` gives an ArrayChunk
// (an indexed window over an array of Values), `chunk-rest` the seq after it. The lazy
// seq functions (map, filter, keep, ...) and reduce walk chunks instead of elements,
// so a pipeline over a range or a vector allocates one chunk per 32 elements instead
// of a cons and a lazy seq per element. Chunked seqs in Clove: ChunkedCons, Range
// (range.h) and VectorSeq (vector.h). This is Clojure's design (Hickey, Clojure 1.1
// "chunked sequences"); the names are Clojure's.
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

class State;

/// An immutable window items[off..end) over an array owned by `owner` (a ChunkBuffer,
/// a Vector whose leaf holds the items, or the chunk itself when `owned` > 0: then
/// the values are stored after the header).
struct ArrayChunk : Obj {
  static constexpr ObjType kType = ObjType::ArrayChunk;
  Obj* owner;
  const Value* items;
  uint32_t off, end;
  uint32_t owned;  // Values stored after this header
  ArrayChunk(Obj* o, const Value* it, uint32_t b, uint32_t e, uint32_t own)
      : Obj(kType), owner(o), items(it), off(b), end(e), owned(own) {}
  Value* storage() { return reinterpret_cast<Value*>(this + 1); }
  uint32_t count() const { return end - off; }
  Value nth(uint32_t i) const { return items[off + i]; }
  void trace(Tracer& t) {
    if (owner != this) t.mark(owner);
    for (uint32_t k = 0; k < owned; ++k) t.mark(storage()[k]);
  }
  size_t byte_size() const { return sizeof(ArrayChunk) + owned * sizeof(Value); }
};

/// The largest capacity chunk-buffer accepts (a chunk is 32 elements in practice).
inline constexpr int64_t kMaxChunkCapacity = int64_t{1} << 20;

/// A fixed-capacity buffer filled by `chunk-append`, sealed by `chunk` into an ArrayChunk
/// that shares its array (clojure.lang.ChunkBuffer).
struct ChunkBuffer : Obj {
  static constexpr ObjType kType = ObjType::ChunkBuffer;
  uint32_t capacity;
  uint32_t n = 0;
  bool sealed = false;
  explicit ChunkBuffer(uint32_t cap) : Obj(kType), capacity(cap) {}
  Value* storage() { return reinterpret_cast<Value*>(this + 1); }
  void trace(Tracer& t) {
    for (uint32_t k = 0; k < n; ++k) t.mark(storage()[k]);
  }
  size_t byte_size() const { return sizeof(ChunkBuffer) + capacity * sizeof(Value); }
};

/// A chunk followed by a seq (clojure.lang.ChunkedCons). `skip` elements of the chunk
/// are already consumed, so `next` within a chunk allocates one small object.
struct ChunkedCons : Obj {
  static constexpr ObjType kType = ObjType::ChunkedCons;
  ArrayChunk* chunk;
  uint32_t skip;  // < chunk->count()
  Value more;     // nil, or a seq (possibly lazy) after the chunk
  Value meta;
  ChunkedCons(ArrayChunk* c, uint32_t s, Value m, Value md = Value::nil())
      : Obj(kType), chunk(c), skip(s), more(m), meta(md) {}
  Value first() const { return chunk->nth(skip); }
  void trace(Tracer& t) {
    t.mark(chunk);
    t.mark(more);
    t.mark(meta);
  }
};

/// A chunk holding a copy of items[0..n).
ArrayChunk* array_chunk_copy(Heap& h, const Value* items, uint32_t n);
/// (chunk-buffer capacity); capacity must be in [0, 2^20].
ChunkBuffer* chunk_buffer(Heap& h, int64_t capacity);
/// (chunk-append b x); IllegalStateException when b is full or already sealed.
void chunk_append(Heap& h, ChunkBuffer* b, Value x);
/// (chunk b): seals b and returns an ArrayChunk over what it holds.
ArrayChunk* chunk_seal(Heap& h, ChunkBuffer* b);
/// (chunk-cons chunk rest): rest itself when the chunk is empty.
Value chunk_cons(Heap& h, ArrayChunk* c, Value rest);

/// True for the seqs that implement chunk-first/chunk-rest (`chunked-seq?`): the
/// IChunkedSeq trait (ChunkedCons, Range, VectorSeq).
bool is_chunked_seq(Value s);
/// (chunk-first s) for a chunked seq s; ClassCastException otherwise.
ArrayChunk* chunk_first(State& vm, Value s);
/// (chunk-next s): the seq after the first chunk, or nil.
Value chunk_next(State& vm, Value s);
/// (chunk-rest s): like chunk_next, but () instead of nil.
Value chunk_rest(State& vm, Value s);

/// next of a ChunkedCons: the next element of the chunk, else (seq more).
Value chunked_cons_next(State& vm, const ChunkedCons* c);

}  // namespace clove
