// function.cpp: Proto stack-map queries and closure allocation.
#include "runtime/function.h"

namespace clove {

bool Proto::is_live(uint32_t reg, uint32_t pc) const {
  if (live.empty()) return true;  // no stack map (hand-assembled code): everything counts
  for (const LiveRange& r : live)
    if (r.reg == reg && pc >= r.start_pc && pc < r.end_pc) return true;
  return false;
}

Closure* make_closure(Heap& h, FnProto* fn, uint32_t n) {
  Closure* c = h.make_extra<Closure>(n * sizeof(Value), fn, n);
  for (uint32_t i = 0; i < n; ++i) c->upvals()[i] = Value::nil();
  return c;
}

bool is_fn(Value v) { return is<Closure>(v) || is<Native>(v); }

}  // namespace clove
