// build_proto.cpp: turns an emitted arity into a heap Proto; see emit.h.
#include "compiler/emit/emit.h"

namespace clove {

Proto* build_proto(Heap& h, EmittedArity&& e, String* name) {
  // A Proto lives as long as its function: no spare capacity left from emitting.
  e.code.shrink_to_fit();
  e.constants.shrink_to_fit();
  e.positions.shrink_to_fit();
  e.locals.shrink_to_fit();
  e.live.shrink_to_fit();
  // The code and its tables are counted in the heap before they become the Proto's (a
  // huge generated function is an OutOfMemoryError under a memory cap).
  const size_t bytes = e.code.capacity() * sizeof(Instr) + e.constants.capacity() * sizeof(Value) +
                       e.positions.capacity() * sizeof(SourcePos) + e.locals.capacity() * sizeof(LocalInfo) +
                       e.live.capacity() * sizeof(LiveRange);
  h.add_external(bytes);
  Proto* p;
  try {
    p = h.make<Proto>();
  } catch (...) {
    h.sub_external(bytes);
    throw;
  }
  p->external = bytes;
  p->code = std::move(e.code);
  p->constants = std::move(e.constants);
  p->positions = std::move(e.positions);
  p->locals = std::move(e.locals);
  p->live = std::move(e.live);
  p->name = name;
  p->framesize = e.framesize;
  p->nparams = e.nparams;
  p->variadic = e.variadic;
  h.recount_external(p->external, p->vector_bytes());
  for (auto& c : e.closures) {
    if (auto* f = as<FnProto>(p->constants[c.constant])) f->upvals = std::move(c.upvals);
  }
  return p;
}

}  // namespace clove
