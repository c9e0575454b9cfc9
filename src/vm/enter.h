// enter.h: Interpreter::enter_closure, inline because every Clove call runs it.
#pragma once
#include "vm/interpreter.h"

namespace clove {

/// Makes arity p of closure c the current frame at newbase: writes the frame header
/// (fiber.h: the callee, the link to prev_base with p's arity index, the return
/// address) and sets f's base, top and depth. The arguments are already in place.
[[gnu::always_inline]] inline void push_closure_frame(Fiber* f, Closure* c, const Proto* p, size_t newbase,
                                                      size_t prev_base, uint64_t ret_pc) {
  // 64 bits wide: spilled and reloaded as the link's word, a 32-bit store read back by
  // a 64-bit load would miss store-to-load forwarding (a stall on every call).
  const uint64_t idx = p->arity_index;
  Value* S = f->stack.data();
  S[newbase - 3] = Value::object(c);
  S[newbase - 2] = make_link(prev_base, static_cast<uint32_t>(idx));
  S[newbase - 1] = Value::internal(ret_pc);
  f->base = newbase;
  f->top = newbase + p->framesize;
  ++f->depth;
}

// Pushes a frame for closure c whose arguments are already at stack[newbase..newbase+nargs):
// picks the arity, checks the depth limit, grows the stack, writes the frame header
// (fiber.h), packs rest arguments into a seq, and makes the frame current.
// Registers past the arguments are not cleared when the arity has a stack map: the
// compiler never reads a register before writing it, and the GC marks only live
// registers (clearing the rest). Hand-assembled code (no stack map) gets nil-filled frames.
[[gnu::always_inline]] inline Proto* Interpreter::enter_closure(Fiber* f, Closure* c, size_t newbase, int nargs, size_t prev_base,
                                uint64_t ret_pc) {
  // One load finds the arity for up to FnProto::kDirectArities arguments. Everything
  // but a fixed arity with a stack map, within the depth limit and the stack's size,
  // goes to enter_closure_slow: no call returns into this path, so nothing it holds is
  // kept across one (the dispatch loop spilled half a dozen values to the stack for that).
  FnProto* fn = c->fn;
  Proto* p = static_cast<unsigned>(nargs) < FnProto::kDirectArities ? fn->by_nargs[nargs] : nullptr;
  if (!p || p->variadic || p->live.empty() || f->depth >= limits.max_depth ||
      newbase + p->framesize + kCallHeader + 1 > f->stack.size()) [[unlikely]]
    return enter_closure_slow(f, c, newbase, nargs, prev_base, ret_pc);
  push_closure_frame(f, c, p, newbase, prev_base, ret_pc);
  return p;
}

}  // namespace clove
