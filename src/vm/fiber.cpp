// fiber.cpp: walking a fiber's frames for the GC.
#include "vm/fiber.h"

namespace clove {

// Frames are visited innermost first. `limit` is the first slot that belongs to the
// next inner frame (its header) or, for the innermost frame, fiber.top. In a Clove
// frame only registers live at the frame's pc are marked; dead ones are cleared, so
// a stale value can never be marked after its object was freed and garbage is never
// kept alive by a dead register.
void Fiber::trace(Tracer& t) {
  t.mark(result);
  for (auto& [v, val] : bindings) {
    t.mark(v);
    t.mark(val);
  }
  size_t b = base;
  size_t limit = top;
  uint64_t pc = this->pc;
  size_t boundary = boundary_pcs.size();
  while (b >= 3) {
    Value callee = stack[b - 3];
    t.mark(callee);
    Value link = stack[b - 2];
    uint64_t ret = stack[b - 1].as_internal();
    size_t end = limit > b ? limit : b;
    if (Closure* c = as<Closure>(callee)) {
      Proto* p = arity_proto(c->fn, link_arity(link));
      size_t n = end - b;
      if (p->framesize < n) n = p->framesize;
      auto at = static_cast<uint32_t>(pc);
      for (size_t r = 0; r < n; ++r) {
        if (p->is_live(static_cast<uint32_t>(r), at))
          t.mark(stack[b + r]);
        else
          stack[b + r] = Value::nil();
      }
    } else {
      for (size_t i = b; i < end; ++i) t.mark(stack[i]);
    }
    limit = b - 3;
    b = link_prev_base(link);
    if (ret != kNoFrame)
      pc = ret;
    else  // a C++ boundary: the frame below saved its pc when Interpreter::call entered
      pc = boundary > 0 ? boundary_pcs[--boundary] : 0;
  }
}

}  // namespace clove
