// fiber.cpp: walking a fiber's frames for the GC.
#include "vm/fiber.h"

#include <algorithm>
#include <cstdint>

#include "core/error.h"

namespace clove {

const char* fiber_status_name(FiberStatus s) {
  switch (s) {
    case FiberStatus::New: return "new";
    case FiberStatus::Alive: return "alive";
    case FiberStatus::Pending: return "pending";
    case FiberStatus::Dead: return "dead";
    case FiberStatus::Error: return "error";
    case FiberStatus::Debug: return "debug";
  }
  return "?";
}

void release_bindings(Fiber* f) {
  for (auto& [v, val] : f->bindings)
    if (v) --v->thread_bound;
  f->bindings.clear();
}

void Fiber::grow(size_t slots) {
  // Stack indices travel as 32 bits (Args, frame links): past that, the stack is too deep.
  constexpr size_t kMaxSlots = UINT32_MAX;
  if (slots > kMaxSlots) throw_error(ErrorKind::StackOverflowError, "the value stack is full (2^32 slots)");
  const size_t n = std::min(std::max(slots, stack.size() * 2), kMaxSlots);
  if (heap) heap->reserve_counted(stack, n, stack_counted);
  stack.resize(n, Value::nil());
}

// Frames are visited innermost first. `limit` is the first slot that belongs to the
// next inner frame (its header) or, for the innermost frame, fiber.top. In a Clove
// frame only registers live at the frame's pc are marked; dead ones are cleared, so
// a stale value can never be marked after its object was freed and garbage is never
// kept alive by a dead register. A native's frame is marked whole (its arguments and
// a pending continuation's context).
void Fiber::trace(Tracer& t) {
  // A fiber that ended dropped its stack (vm/dispatch.cpp): give the bytes back.
  if (stack_counted > stack.capacity() * sizeof(Value)) t.heap.recount_external(stack_counted, stack.capacity() * sizeof(Value));
  t.mark(result);
  t.mark(fn);
  t.mark(value);
  t.mark(resumer);
  t.mark(child);
  for (auto& [v, val] : bindings) {
    t.mark(v);
    t.mark(val);
  }
  size_t b = base;
  size_t limit = top;
  uint64_t pc = this->pc;
  size_t boundary = boundary_pcs.size();
  std::vector<uint8_t> live;  // per register of the frame being traced: 1 if live at its pc
  while (b >= kFirstBase) {
    Value callee = stack[b - 3];
    t.mark(callee);
    Value link = stack[b - 2];
    uint64_t ret = frame_return_pc(stack, b);
    size_t end = limit > b ? limit : b;
    if (Closure* c = as<Closure>(callee)) {
      Proto* p = arity_proto(c->fn, link_arity(link));
      size_t n = end - b;
      if (p->framesize < n) n = p->framesize;
      p->live_registers(static_cast<uint32_t>(pc), live);
      for (size_t r = 0; r < n; ++r) {
        if (live[r])
          t.mark(stack[b + r]);
        else
          stack[b + r] = Value::nil();
      }
    } else {
      for (size_t i = b; i < end; ++i) t.mark(stack[i]);
    }
    limit = b - 3;
    b = link_prev_base(link);
    if (ret == kNoFrame)  // a C++ boundary: the frame below saved its pc when Interpreter::call entered
      pc = boundary > 0 ? boundary_pcs[--boundary] : 0;
    else
      pc = ret;  // kContinue: the frame below is a native (no pc); kFiberBase: none below
  }
}

}  // namespace clove

namespace clove {

// ---- State services defined by this layer (state/state.h) ----

Value State::request_break() {
  request.kind = RequestKind::Break;
  request.fn = Value::nil();
  request.args.clear();
  return kRequest;
}

Value State::request_yield(Value v) {
  request.kind = RequestKind::Yield;
  request.fn = v;
  request.args.clear();
  return kRequest;
}

Value State::request_resume(Fiber* fib, const Value* args, int nargs) {
  request.kind = RequestKind::Resume;
  request.fiber = fib;
  request.args.assign(args, args + nargs);
  return kRequest;
}

}  // namespace clove
