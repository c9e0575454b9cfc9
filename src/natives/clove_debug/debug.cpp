// debug.cpp: clove.debug, the debugger from Clove (SPEC T3; docs/debugging.md).
// Breakpoints and steps are the VM's Debugger (vm/debugger.h); a fiber made with
// :debug in its mask catches the stops of the code it runs: fiber/resume returns nil
// and the fiber's status is :debug. These natives inspect it, evaluate in its frames
// and let it go on (fiber/resume, or step). Frames are numbered from 0, innermost.
#include <fmt/format.h>

#include "natives/args.h"
#include "natives/clove_debug/frame_eval.h"
#include "runtime/coll/coll.h"
#include "runtime/print/print.h"

namespace clove {

namespace {

Interpreter& interp(State& vm) { return static_cast<Interpreter&>(vm); }

/// The fiber argument i (the running fiber when absent or nil), at its innermost
/// stopped fiber; IllegalStateException unless it is stopped or is the running one.
Fiber* arg_stopped(State& vm, Args a, int i, const char* fn) {
  if (i >= a.size() || a[i].is_nil()) return vm.fiber();
  Fiber* f = as<Fiber>(a[i]);
  if (!f)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class clove.lang.Fiber", fn, value_type_name(a[i])));
  if (f->status != FiberStatus::Debug && f != vm.fiber())
    throw_error(ErrorKind::IllegalStateException,
                fmt::format("{}: the fiber is :{}, not stopped in the debugger (:debug)", fn,
                            fiber_status_name(f->status)));
  return stopped_fiber(f);
}

FrameView arg_frame(State& vm, Fiber* f, Args a, int i, const char* fn) {
  std::vector<FrameView> frames = clove_frames(interp(vm), f);
  int64_t n = i < a.size() ? arg_long(a, i, fn) : 0;
  if (n < 0 || static_cast<size_t>(n) >= frames.size())
    throw_error(ErrorKind::IndexOutOfBoundsException,
                fmt::format("{}: no frame {} (the fiber has {})", fn, n, frames.size()));
  return frames[static_cast<size_t>(n)];
}

Value d_break(State& vm, Args) { return vm.request_break(); }

Value d_set_breakpoint(State& vm, Args a) {
  String* file = arg_string(a, 0, "clove.debug/set-breakpoint");
  int64_t line = arg_long(a, 1, "clove.debug/set-breakpoint");
  if (line < 1)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("clove.debug/set-breakpoint: line {} (lines start at 1)", line));
  return Value::small_int(interp(vm).debugger().set_line_breakpoint(std::string(file->view()),
                                                                    static_cast<uint32_t>(line)));
}

Value d_break_fn(State& vm, Args a) {
  Value v = a[0];
  if (Var* var = as<Var>(v)) v = var->root;
  Closure* c = as<Closure>(v);
  if (!c)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("clove.debug/break-fn: a Clove fn or a var holding one, not {}", value_type_name(a[0])));
  return Value::small_int(interp(vm).debugger().set_fn_breakpoint(c->fn));
}

Value d_clear(State& vm, Args a) {
  if (a.size() == 0) {
    interp(vm).debugger().clear_all();
    return Value::t();
  }
  return Value::boolean(interp(vm).debugger().clear_breakpoint(
      static_cast<int>(arg_long(a, 0, "clove.debug/clear-breakpoint"))));
}

Value d_breakpoints(State& vm, Args) {
  std::vector<Value> out;
  for (auto& [id, b] : interp(vm).debugger().breakpoints()) {
    Value kvs[10] = {Value::object(vm.kw("id")), Value::small_int(id),
                     Value::object(vm.kw("file")), b.fn ? Value::nil() : string_value(vm.heap, b.file),
                     Value::object(vm.kw("line")), Value::small_int(b.actual_line ? b.actual_line : b.line),
                     Value::object(vm.kw("fn")), b.fn && b.fn->name ? Value::object(b.fn->name) : Value::nil(),
                     Value::object(vm.kw("verified")), Value::boolean(!b.sites.empty())};
    out.push_back(map_from(vm, kvs, 5));
  }
  return vector_from(vm.heap, out.data(), out.size());
}

Value d_stack(State& vm, Args a) {
  Fiber* f = arg_stopped(vm, a, 0, "clove.debug/stack");
  std::vector<Value> out;
  for (const FrameView& fr : clove_frames(interp(vm), f)) out.push_back(frame_map(interp(vm), fr));
  return vector_from(vm.heap, out.data(), out.size());
}

Value d_locals(State& vm, Args a) {
  Fiber* f = arg_stopped(vm, a, 0, "clove.debug/locals");
  FrameView fr = arg_frame(vm, f, a, 1, "clove.debug/locals");
  return frame_locals_map(interp(vm), f, fr, true, false);
}

Value d_upvalues(State& vm, Args a) {
  Fiber* f = arg_stopped(vm, a, 0, "clove.debug/upvalues");
  FrameView fr = arg_frame(vm, f, a, 1, "clove.debug/upvalues");
  return frame_locals_map(interp(vm), f, fr, false, true);
}

Value d_eval(State& vm, Args a) {
  Fiber* f = arg_stopped(vm, a, 0, "clove.debug/eval");
  FrameView fr = arg_frame(vm, f, a, 1, "clove.debug/eval");
  return eval_in_frame(interp(vm), f, fr, a[2]);
}

Value d_step(State& vm, Args a) {
  Fiber* fib = as<Fiber>(a[0]);
  if (!fib || fib->status != FiberStatus::Debug || fib->resumer)
    throw_error(ErrorKind::IllegalStateException,
                "clove.debug/step: takes a fiber stopped in the debugger (:debug) that caught the stop");
  StepMode m = StepMode::Over;
  Value k = a.at_or(1, Value::object(vm.kw("over")));
  if (k == Value::object(vm.kw("into"))) m = StepMode::Into;
  else if (k == Value::object(vm.kw("over"))) m = StepMode::Over;
  else if (k == Value::object(vm.kw("out"))) m = StepMode::Out;
  else
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("clove.debug/step: mode {} (expected :into :over or :out)", pr_str_bounded(vm, k)));
  interp(vm).debugger().step(m, stopped_fiber(fib));
  return vm.request_resume(fib, nullptr, 0);
}

Value d_break_on(State& vm, Args a) {
  Debugger& d = interp(vm).debugger();
  Value k = a[0];
  d.break_on_throw = k == Value::object(vm.kw("all"));
  d.break_on_uncaught = d.break_on_throw || k == Value::object(vm.kw("uncaught"));
  if (!k.is_nil() && !d.break_on_uncaught)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("clove.debug/break-on-exceptions: {} (expected :uncaught :all or nil)",
                            pr_str_bounded(vm, k)));
  return Value::nil();
}

}  // namespace

void install_debug_natives(State& vm) {
  const char* D = "clove.debug";
  vm.def_native(D, "break", d_break, 0, 0,
                "Stops in the debugger here, as a breakpoint would (JavaScript's debugger statement): the "
                "nearest fiber whose mask has :debug suspends with status :debug (its fiber/resume returns nil), "
                "else an attached debugger (clove debug, clove dap) stops, else nothing happens. Returns nil "
                "when the program goes on.",
                "([])");
  vm.def_native(D, "set-breakpoint", d_set_breakpoint, 2, 2,
                "Sets a breakpoint at line `line` of `file` (a path, matched against loaded files by canonical "
                "path or path suffix) in the code loaded so far and the code compiled later; the first line at "
                "or after `line` with code is used. Returns the breakpoint's id. IllegalArgumentException for "
                "a line below 1.",
                "([file line])");
  vm.def_native(D, "break-fn", d_break_fn, 1, 1,
                "Sets a breakpoint at the entry of every arity of f (a Clove fn, or a var holding one). Returns "
                "its id. IllegalArgumentException for anything else (a native fn has no bytecode).",
                "([f])");
  vm.def_native(D, "clear-breakpoint", d_clear, 0, 1,
                "Removes the breakpoint with this id (true if there was one), or every breakpoint when called "
                "with no argument.",
                "([] [id])");
  vm.def_native(D, "breakpoints", d_breakpoints, 0, 0,
                "The breakpoints: a vector of {:id :file :line :fn :verified}, :verified true when the "
                "breakpoint is patched into loaded code.",
                "([])");
  vm.def_native(D, "stack", d_stack, 0, 1,
                "The Clove frames of fiber fib (stopped in the debugger, or the running fiber when omitted), "
                "innermost first: a vector of {:name \"ns/fn\" :file :line :column}. IllegalStateException for "
                "a fiber that is not :debug.",
                "([] [fib])");
  vm.def_native(D, "locals", d_locals, 1, 2,
                "The locals in scope in frame n (default 0, the innermost) of a stopped fiber, as a map from "
                "symbol to value; a local whose register is dead at that point (the compiler reused or cleared "
                "it) maps to :clove.debug/unavailable. IndexOutOfBoundsException for a frame that does not exist.",
                "([fib] [fib n])");
  vm.def_native(D, "upvalues", d_upvalues, 1, 2,
                "The values frame n's closure captured, as a map from symbol to value.", "([fib] [fib n])");
  vm.def_native(D, "eval", d_eval, 3, 3,
                "Evaluates form with frame n's locals and upvalues bound by name (unavailable locals are not "
                "bound). Throws what the form throws.",
                "([fib n form])");
  vm.def_native(D, "step", d_step, 1, 2,
                "Lets a fiber stopped in the debugger go on until the next line (mode :over, the default: in "
                "this frame or a caller; :into: in any frame; :out: once this frame returned), then stop again. "
                "Returns what fiber/resume returns. IllegalStateException for a fiber that is not :debug.",
                "([fib] [fib mode])");
  vm.def_native(D, "break-on-exceptions", d_break_on, 1, 1,
                "For an attached debugger (clove debug, clove dap): stop where an exception no handler catches "
                "is thrown (:uncaught), where any is thrown (:all), or never (nil).",
                "([mode])");
  vm.find_or_create_ns(vm.sym(D));
  vm.loaded_libs.insert(vm.sym(D));
}

}  // namespace clove
