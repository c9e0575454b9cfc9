// debug_stop.cpp: where a stop goes (vm/debugger.h): a fiber whose mask has :debug,
// else the host, else nowhere. The dispatch loop calls in here from its breakpoint path,
// the stepping loop's check, clove.debug/break's request, the poll a host asked for,
// and its catch block; all of them are off the normal path.
#include "vm/interpreter.h"

namespace clove {

Debugger& Interpreter::debugger() {
  if (!debugger_) debugger_ = std::make_unique<Debugger>(*this);
  return *debugger_;
}

Fiber* Interpreter::debug_catcher(Fiber* f) const {
  for (Fiber* x = f; x; x = x->resumer) {
    if (!x->boundary_pcs.empty()) return nullptr;
    if ((x->mask & fiber_mask::kDebug) && x->resumer) return x;
  }
  return nullptr;
}

Interpreter::DebugGo Interpreter::debug_stop(Fiber* f, StopReason reason, Value exc, bool uncaught) {
  Debugger& d = debugger();
  if (d.in_stop()) return DebugGo::Go;  // code the host evaluates does not stop
  StopEvent ev;
  ev.reason = reason;
  ev.fiber = f;
  ev.exception = exc;
  ev.uncaught = uncaught;
  if (reason == StopReason::Breakpoint && f->base >= Fiber::kFirstBase) {
    if (Closure* c = as<Closure>(f->stack[f->base - 3]))
      ev.breakpoint = d.breakpoint_at(arity_proto(c->fn, link_arity(f->stack[f->base - 2])), f->pc);
  }
  d.step(StepMode::None, nullptr);
  if (reason != StopReason::Exception) {
    if (Fiber* c = debug_catcher(f)) {
      debug_catcher_ = c;
      return DebugGo::Suspend;
    }
  }
  DebugHost* host = d.host();
  if (!host) return DebugGo::Go;
  RootScope roots(heap);
  roots.push(exc);
  FiberStatus was = f->status;
  f->status = FiberStatus::Debug;
  struct Restore {
    Fiber* f;
    FiberStatus was;
    Debugger& d;
    ~Restore() {
      f->status = was;
      d.set_in_stop(nullptr);
    }
  } restore{f, was, d};
  d.set_in_stop(f);
  host->stopped(ev);
  return DebugGo::Go;
}

void Interpreter::debug_exception(Fiber* f, Value exc) {
  Debugger& d = debugger();
  if (d.in_stop() || exc == d.last_exception()) return;  // each throw stops once, not in every run it crosses
  d.set_last_exception(exc);
  bool caught = false;
  for (Fiber* x = f; x && !caught; x = x->resumer) {
    if (!x->handlers.empty()) caught = true;
    if (x != f && (x->mask & fiber_mask::kError)) caught = true;
  }
  if (caught && !d.break_on_throw) return;
  debug_stop(f, StopReason::Exception, exc, !caught);
  // A step chosen here: the normal loop hands the run to the stepping loop at its
  // next poll (a call or a loop's back-edge), after the handler is entered.
  if (d.stepping()) {
    d.request_service();
    if (budget_left_ > 0) {
      budget_reserve_ = budget_reserve_ == kUnlimited ? kUnlimited : budget_reserve_ + budget_left_;
      budget_left_ = 0;
    }
  }
}

}  // namespace clove
