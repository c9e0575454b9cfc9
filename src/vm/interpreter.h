// interpreter.h: Interpreter, the State that runs bytecode.
//
// It owns the fibers and implements State's calls and errors: the dispatch loop lives in
// vm/dispatch.cpp; frames, calls from C++ and exceptions with traces in vm/call.cpp;
// the frame entry every call runs in vm/enter.h. It includes nothing from the reader
// or the compiler: source comes in through the driver (eval/, api/runtime.h), which compiles
// it to FnProtos that this class calls.
#pragma once
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/lang/exception.h"
#include "runtime/lang/function.h"
#include "state/state.h"
#include "vm/debugger.h"
#include "vm/fiber.h"

namespace clove {

class Interpreter : public State {
 public:
  /// A State with clojure.core, user, *ns*, the standard streams and one running fiber,
  /// but no natives and no library (api/runtime.h opens those).
  Interpreter();
  ~Interpreter() override;

  using State::call;
  Value call(Value fn, const Value* args, int nargs) final;
  Exception* make_exception(ErrorKind kind, std::string_view message) override;
  Value exception_from_current(std::exception_ptr e) override;
  /// exception_from_current for the dispatch loop's catch: the debugger may stop there
  /// first (break on exceptions, vm/debugger.h).
  Value loop_exception(std::exception_ptr e);
  std::string format_exception(Value exc) const override;
  std::vector<TraceEntry> capture_trace() const override;
  void trace_roots(Tracer& t) override;
  /// The fiber the host's calls run on.
  Fiber* root_fiber() const { return root_fiber_; }

  // vm/budget.cpp
  /// The fiber that catches :budget for the running fiber f (the first up the resumer
  /// chain whose mask has it), or null when there is none (*exists false) or a fiber on
  /// the way has a C++ frame of its own (*exists true): those cannot be suspended.
  Fiber* budget_catcher(Fiber* f, bool* exists) const;
  /// The budget is spent where fiber f cannot be suspended: returns (runs on) while a
  /// fiber up the chain would catch :budget and the overrun is within
  /// limits.budget_overrun, else throws VMAbort (BudgetExhaustedError).
  void budget_overrun_or_abort(Fiber* f);

  // vm/debug_stop.cpp
  /// The VM's debugger (breakpoints, steps, inspection; vm/debugger.h), made on first use.
  Debugger& debugger();
  /// The debugger if one was made, else null.
  Debugger* debugger_if_any() const { return debugger_.get(); }
  void code_compiled(FnProto* fp) override {
    if (debugger_) debugger_->code_compiled(fp);
  }

 private:
  // vm/dispatch.cpp
  /// Calls `callee` with the nargs arguments at stack[entry_base..] of the running
  /// fiber, in a frame returning to C++ (kNoFrame), and runs the loop until that frame
  /// returns; handlers below `handler_floor` belong to outer runs.
  Value run(size_t handler_floor, Value callee, size_t entry_base, int nargs);
  /// How a dispatch loop (run_normal, run_stepping) starts: call a callee (a run's start), go on with the innermost
  /// frame at f->pc, or return `result` from the frame at f->base (a loop handing over
  /// to the other instantiation).
  struct LoopEntry {
    enum class Mode : uint8_t { Invoke, Resume, Return, Break } mode = Mode::Invoke;
    Value callee;
    size_t base = 0;
    int nargs = 0;
    Value result;
  };
  /// The dispatch loop (vm/dispatch_loop.inc), compiled twice: run_stepping asks the
  /// debugger before every instruction (vm/debugger.h), run_normal never does. origin
  /// and handler_floor as in run().
  Value run_normal(Fiber* origin, size_t handler_floor, const LoopEntry& entry);
  Value run_stepping(Fiber* origin, size_t handler_floor, const LoopEntry& entry);
  // vm/debug_stop.cpp
  enum class DebugGo : uint8_t { Go, Suspend };
  /// The loop stopped fiber f (f->pc: the instruction to go on with; its frames
  /// intact): hands the stop to a :debug fiber (Suspend: the loop suspends up to
  /// debug_catcher_) or the host (vm/debugger.h). Clears any step first.
  DebugGo debug_stop(Fiber* f, StopReason reason, Value exc = Value::nil(), bool uncaught = false);
  /// An exception is being thrown in fiber f (the loop's catch, before unwinding):
  /// stops at the host when break_on_throw, or break_on_uncaught and nothing catches it.
  void debug_exception(Fiber* f, Value exc);
  /// The fiber that catches :debug for f, or null (none, or a C++ frame in the way).
  Fiber* debug_catcher(Fiber* f) const;
  // vm/call.cpp
  /// Pushes a frame for closure c whose arguments are already at stack[newbase..];
  /// selects the arity, packs rest arguments, checks the depth limit.
  /// Returns the arity entered (vm/enter.h, inline: it is the hot half of every call).
  Proto* enter_closure(Fiber* f, Closure* c, size_t newbase, int nargs, size_t prev_base, uint64_t ret_pc);
  /// enter_closure's every other case, out of line: an arity found by search (more
  /// arguments than FnProto::kDirectArities, or none that fit: ArityException), a
  /// variadic arity (packs the rest into a seq), one without a stack map (nil-fills
  /// its registers), the depth limit reached (StackOverflowError) or a stack to grow.
  [[gnu::noinline]] Proto* enter_closure_slow(Fiber* f, Closure* c, size_t newbase, int nargs, size_t prev_base,
                                              uint64_t ret_pc);
  /// The arity of c that runs for nargs arguments, searched (enter_closure_slow);
  /// throws ArityException when c has none.
  [[gnu::noinline]] Proto* closure_arity(Closure* c, int nargs);
  /// enter_closure for apply's lazy rest (State::tail_call_rest): the last argument is
  /// a seq holding the rest seq, which the & arity's rest register gets itself. Out of
  /// line, so that the dispatch loop holds no second copy of enter_closure.
  [[gnu::noinline]] Proto* enter_closure_rest(Fiber* f, Closure* c, size_t newbase, int nargs, size_t prev_base,
                                              uint64_t ret_pc);
  [[noreturn]] void throw_closure_arity(Closure* c, int nargs);
  [[noreturn]] void throw_depth_exceeded();
  /// Pushes a frame for a native, a var or a callable collection whose arguments are at
  /// stack[newbase..] and calls it. The frame stays pushed: the caller pops it, or
  /// handles the request when the result is State::kRequest (a var's call is one).
  /// A native's call is kept apart from the rest (call_other_callable), so that its path
  /// saves few registers and tail-jumps into the native.
  Value call_non_closure(Fiber* f, Value callee, size_t newbase, int nargs, size_t prev_base, uint64_t ret_pc);
  /// call_non_closure for every callee but a native: vars, host objects, keywords,
  /// symbols, collections and types implementing IFn.
  [[gnu::noinline]] Value call_other_callable(Fiber* f, Value callee, size_t newbase, int nargs, size_t prev_base,
                                              uint64_t ret_pc);
  /// Throws unless fiber f may suspend: it has a resumer and no C++ frame between its
  /// frames (IllegalStateException naming the native that called back into Clove).
  void check_can_yield(Fiber* f);
  /// An exception unwinds f's frames above `stop_base` (0: all of them, up to this
  /// run's C++ boundary): calls the unwind hooks of natives waiting in call_then.
  void unwind_frames(Fiber* f, size_t stop_base, Value exc);
  [[noreturn]] void throw_unbound(Var* v);
  [[noreturn]] void throw_value(Value exc);
  ErrorKind exception_kind(Value exc) const;
  std::string exception_message(Value exc) const;

  /// The fiber the host's calls run on (fiber/current outside any fiber).
  Fiber* root_fiber_ = nullptr;
  /// clojure.core/first, next, count and nth as stackless natives (runtime/lang/seq_fns.h), which
  /// FIRST, NEXT, COUNT and NTH call when a lazy seq's thunk may have to run.
  Native* first_native_ = nullptr;
  Native* next_native_ = nullptr;
  Native* count_native_ = nullptr;  // COUNT on a seq that may be lazy
  Native* nth_native_ = nullptr;    // NTH on a seq that may be lazy
  std::unique_ptr<Debugger> debugger_;
  Fiber* debug_catcher_ = nullptr;  // debug_stop's answer when it says Suspend
  bool request_break_pending_ = false;  // the stop being handled is clove.debug/break's
  bool debug_resume_steps_ = false;     // a :debug fiber resumed with a step: hand over
  bool debug_service_pending_ = false;  // the normal loop handed a host's poll over
  bool loop_handover_ = false;          // a loop returned to run() to hand over (handover_)
  LoopEntry handover_;                  // how the other loop goes on (dispatch.cpp, invariant 8)
  /// Each loop's dispatch table (its handlers' label addresses), copied here by the loop
  /// on entry: `this` stays in a register, so a dispatch is one indirect jump through
  /// this + offset. A static table needs a register of its own in a position-independent
  /// build (no absolute addresses), which GCC kept in a stack slot and reloaded at every
  /// dispatch. [0]: run_normal, [1]: run_stepping.
  const void* dispatch_tables_[2][256] = {};

};

}  // namespace clove
