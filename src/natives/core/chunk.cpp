// chunk.cpp: the chunked-seq natives (chunk-buffer chunk-append chunk chunk-first
// chunk-rest chunk-next chunk-cons chunked-seq?) and -long-range, the constructor
// behind `range` for long arguments. The structures are in runtime/coll/chunk.h
// and runtime/coll/range.h.
#include "runtime/coll/chunk.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/range.h"
#include "natives/args.h"

namespace clove {

namespace {

ChunkBuffer* arg_buffer(Args a, int i, const char* fn) {
  ChunkBuffer* b = as<ChunkBuffer>(a[i]);
  if (!b)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class clojure.lang.ChunkBuffer", fn, value_type_name(a[i])));
  return b;
}

ArrayChunk* arg_chunk(Args a, int i, const char* fn) {
  ArrayChunk* c = as<ArrayChunk>(a[i]);
  if (!c)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class clojure.lang.IChunk", fn, value_type_name(a[i])));
  return c;
}

Value k_chunk_buffer(State& vm, Args a) {
  return Value::object(chunk_buffer(vm.heap, arg_long(a, 0, "chunk-buffer")));
}
Value k_chunk_append(State& vm, Args a) {
  chunk_append(vm.heap, arg_buffer(a, 0, "chunk-append"), a[1]);
  return Value::nil();
}
Value k_chunk(State& vm, Args a) { return Value::object(chunk_seal(vm.heap, arg_buffer(a, 0, "chunk"))); }
Value k_chunk_first(State& vm, Args a) { return Value::object(chunk_first(vm, a[0])); }
Value k_chunk_rest(State& vm, Args a) { return chunk_rest(vm, a[0]); }
Value k_chunk_next(State& vm, Args a) { return chunk_next(vm, a[0]); }
Value k_chunk_cons(State& vm, Args a) { return chunk_cons(vm.heap, arg_chunk(a, 0, "chunk-cons"), a[1]); }
Value k_chunked_seqp(State&, Args a) { return Value::boolean(is_chunked_seq(a[0])); }

// (-long-range start end step): a Range when all three are longs, step is not zero
// and the count fits a long; nil otherwise (range then builds a lazy seq).
Value k_long_range(State& vm, Args a) {
  if (!is_long(a[0]) || !is_long(a[1]) || !is_long(a[2])) return Value::nil();
  int64_t start = as_long(a[0]), end = as_long(a[1]), step = as_long(a[2]);
  if (step == 0) return Value::nil();
  auto n = range_count(start, end, step);
  if (!n) return Value::nil();
  return make_range(vm.heap, start, step, *n);
}

// (-range-fields s): [start step count] of a LongRange, nil for anything else; reduce
// steps through a range's longs with it instead of building its chunks.
Value k_range_fields(State& vm, Args a) {
  const Range* r = as<Range>(a[0]);
  if (!r) return Value::nil();
  Value fields[3] = {make_long(vm.heap, r->start), make_long(vm.heap, r->step), make_long(vm.heap, r->cnt)};
  return vector_from(vm.heap, fields, 3);
}

}  // namespace

void install_chunk_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "chunk-buffer", k_chunk_buffer, 1, 1, "A buffer for up to capacity values, filled by chunk-append and sealed by chunk.", "([capacity])");
  vm.def_native(C, "chunk-append", k_chunk_append, 2, 2, "Appends x to the chunk buffer b; throws when b is full or sealed.", "([b x])");
  vm.def_native(C, "chunk", k_chunk, 1, 1, "Seals the chunk buffer b and returns an ArrayChunk of its values.", "([b])");
  vm.def_native(C, "chunk-first", k_chunk_first, 1, 1, "The first chunk (an indexed, counted ArrayChunk) of the chunked seq s.", "([s])");
  vm.def_native(C, "chunk-rest", k_chunk_rest, 1, 1, "The seq after the first chunk of the chunked seq s, () when none.", "([s])");
  vm.def_native(C, "chunk-next", k_chunk_next, 1, 1, "The seq after the first chunk of the chunked seq s, nil when none.", "([s])");
  vm.def_native(C, "chunk-cons", k_chunk_cons, 2, 2, "A chunked seq of the chunk's values followed by rest; rest itself when the chunk is empty.", "([chunk rest])");
  vm.def_native(C, "chunked-seq?", k_chunked_seqp, 1, 1, "True if s is a chunked seq (supports chunk-first and chunk-rest).", "([s])");
  vm.def_native(C, "-range-fields", k_range_fields, 1, 1,
                "[start step count] of a LongRange (a range of longs), nil for any other value.", "([s])");
  vm.def_native(C, "-long-range", k_long_range, 3, 3, "Hook for range: a counted, chunked LongRange when start, end and step are longs and step is not zero; nil otherwise.", "([start end step])");
}

}  // namespace clove
