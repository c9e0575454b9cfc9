// build_proto.cpp: turns an emitted arity into a heap Proto; see emit.h.
#include "compiler/emit/emit.h"

namespace clove {

Proto* build_proto(Heap& h, EmittedArity&& e, String* name) {
  Proto* p = h.make<Proto>();
  p->code = std::move(e.code);
  p->constants = std::move(e.constants);
  p->positions = std::move(e.positions);
  p->locals = std::move(e.locals);
  p->live = std::move(e.live);
  p->name = name;
  p->framesize = e.framesize;
  p->nparams = e.nparams;
  p->variadic = e.variadic;
  for (auto& c : e.closures) {
    if (auto* f = as<FnProto>(p->constants[c.constant])) f->upvals = std::move(c.upvals);
  }
  return p;
}

}  // namespace clove
