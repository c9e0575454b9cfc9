// dispatch.cpp: the interpreter loop. One function, computed goto (threaded dispatch).
//
// Invariants of the loop (numbered; other files refer to them):
//  1. `f->base` is the innermost frame's base; R == f->stack.data() + f->base, except
//     between a call that may grow the stack and the RELOAD() that follows it.
//  2. `ip` points at the instruction after the one executing; the executing one is
//     ip[-1]. Before anything that may call back into Clove or throw from deep inside,
//     SAVE_PC() stores the executing instruction's index in f->pc (so its operands
//     stay live for the GC and traces point at it); SAFEPOINT() stores the next one.
//  3. f->top == f->base + proto->framesize whenever a safepoint or a call happens.
//  4. Collection happens only in SAFEPOINT() (after allocating instructions, calls,
//     returns and backward jumps), never while an instruction holds raw pointers.
//  5. A Clove call never recurses on the C++ stack: CALL pushes a frame and jumps to
//     the callee's first instruction; RET pops it. Only natives that call back
//     (Interpreter::call) start a nested run(), which ends when its boundary frame returns.
//     A native may instead hand a call to the loop (State::tail_call, call_then), which
//     runs it here with no C++ frame in between.
//  6. Every frame's header (stack[base-3 .. base-1]) holds the callee, the link to the
//     caller (with the arity index) and the return address or a sentinel (vm/fiber.h).
//  7. `f` is the running fiber (== fiber_). One run() may switch among fibers
//     (fiber/resume, yield, a fiber ending) but only among `origin`, the fiber it
//     started on, and fibers resumed from it; it returns when origin's boundary frame
//     returns. A fiber other than origin has no C++ boundary of this run on it, so
//     all its handlers are this run's; origin's below `handler_floor` are not.
//  8. The loop is compiled twice (vm/debugger.h; dispatch_loop.inc): run_normal never
//     consults the debugger except at a breakpoint, in poll_slow and the catch block;
//     run_stepping asks Debugger::step_hit before every instruction. The normal loop
//     hands the rest of a run to the stepping loop (`transfer`) at a breakpoint,
//     clove.debug/break, a host's poll or a fiber resumed with a step; the stepping
//     loop goes on from the fiber's state alone (invariants 1-7 hold there).
#include <cstring>

#include "bytecode/opcodes.h"
#include "core/stack_guard.h"
#include <fmt/format.h>

#include "runtime/coll/array_map.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/vector.h"
#include "runtime/lang/record.h"
#include "runtime/lang/protocol.h"
#include "runtime/lang/seq_fns.h"
#include "runtime/lang/unbound.h"
#include "runtime/num/number.h"
#include "vm/debugger.h"
#include "vm/enter.h"
#include "vm/interpreter.h"

namespace clove {

Value Interpreter::run(size_t handler_floor, Value callee, size_t entry_base, int nargs) {
  Fiber* const origin = fiber_;
  LoopEntry e;
  e.callee = callee;
  e.base = entry_base;
  e.nargs = nargs;
  bool stepping = debugger_ && debugger_->stepping() && !debugger_->in_stop();
  for (;;) {
    Value r = stepping ? run_stepping(origin, handler_floor, e) : run_normal(origin, handler_floor, e);
    if (!loop_handover_) [[likely]] return r;
    // Invariant 8: the normal loop hands the rest of the run to the stepping loop by
    // returning here (handover_'s values are nil or a result, held with no allocation
    // in between).
    loop_handover_ = false;
    e = handover_;
    handover_ = LoopEntry{};
    stepping = true;
  }
}

#define CLOVE_LOOP_NAME run_normal
#define CLOVE_LOOP_STEPPING false
#include "vm/dispatch_loop.inc"
#undef CLOVE_LOOP_NAME
#undef CLOVE_LOOP_STEPPING

}  // namespace clove
