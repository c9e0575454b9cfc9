// fiber.cpp: clove.fiber, first-class coroutines (SPEC V8), reachable as fiber/...
// without a require. The natives check their arguments and hand the switch itself to
// the dispatch loop (State::request_resume, request_yield; vm/dispatch.cpp), so
// resuming and yielding never nest C++ frames. Semantics follow Janet's fibers:
// yield returns control to the resumer, resume returns what was yielded or returned.
#include <fmt/format.h>

#include "core/print_context.h"
#include "natives/args.h"
#include "runtime/coll/coll.h"
#include "runtime/print/print.h"
#include "vm/fiber.h"

namespace clove {

namespace {

Fiber* arg_fiber(Args a, int i, const char* fn) {
  Fiber* f = as<Fiber>(a[i]);
  if (!f)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class clove.lang.Fiber", fn, value_type_name(a[i])));
  return f;
}

uint8_t mask_bit(State& vm, Value k) {
  if (k == Value::object(vm.kw("error"))) return fiber_mask::kError;
  if (k == Value::object(vm.kw("yield"))) return fiber_mask::kYield;
  if (k == Value::object(vm.kw("debug"))) return fiber_mask::kDebug;
  if (k == Value::object(vm.kw("budget"))) return fiber_mask::kBudget;
  throw_error(
      ErrorKind::IllegalArgumentException,
      fmt::format(
          "fiber/new: unknown signal {} in the mask (expected :error :yield :debug :budget)",
          pr_str_bounded(vm, k)));
}

bool callable(Value v) {
  return is_fn(v) || is<Keyword>(v) || is<Symbol>(v) || is_map(v) || is_set(v) || is_vector(v) || is<Var>(v);
}

Value f_new(State& vm, Args a) {
  if (!callable(a[0]))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("fiber/new: class {} cannot be cast to class clojure.lang.IFn", value_type_name(a[0])));
  uint8_t mask = fiber_mask::kYield;
  if (a.size() > 1 && !a[1].is_nil()) {
    if (!is_set(a[1]))
      throw_error(ErrorKind::IllegalArgumentException,
                  fmt::format("fiber/new: the mask must be a set of keywords, not {}", value_type_name(a[1])));
    for (Value s = seq(vm, a[1]); !s.is_nil(); s = next(vm, s)) mask |= mask_bit(vm, first(vm, s));
  }
  Fiber* f = vm.heap.make<Fiber>(&vm.heap);
  f->fn = a[0];
  f->mask = mask;
  return Value::object(f);
}

Value f_resume(State& vm, Args a) {
  Fiber* f = arg_fiber(a, 0, "fiber/resume");
  int n = a.size() - 1;
  switch (f->status) {
    case FiberStatus::New:
      break;
    case FiberStatus::Pending:
      if (f->resumer)
        throw_error(ErrorKind::IllegalStateException,
                    "fiber/resume: the fiber was suspended by the budget while it waited for another; resume the "
                    "fiber that caught the :budget signal");
      if (n > 1)
        throw_error(ErrorKind::ArityException,
                    fmt::format("fiber/resume: a :pending fiber takes at most one value for its yield, got {}", n));
      break;
    case FiberStatus::Alive:
      throw_error(ErrorKind::IllegalStateException,
                  f == vm.fiber() ? "fiber/resume: a fiber cannot resume itself"
                                  : "fiber/resume: the fiber is :alive (it is waiting for a fiber it resumed)");
    case FiberStatus::Dead:
      throw_error(ErrorKind::IllegalStateException, "fiber/resume: cannot resume a :dead fiber");
    case FiberStatus::Error:
      throw_error(ErrorKind::IllegalStateException, "fiber/resume: cannot resume a fiber that ended with an :error");
    case FiberStatus::Debug:
      // Stopped by the debugger (vm/debugger.h): the fiber that caught :debug goes on.
      if (f->resumer || f == vm.fiber())
        throw_error(ErrorKind::IllegalStateException,
                    "fiber/resume: the fiber is stopped in the debugger (:debug) inside another; resume the fiber "
                    "that caught the :debug signal");
      if (n > 1)
        throw_error(ErrorKind::ArityException,
                    fmt::format("fiber/resume: a :debug fiber takes at most one value, got {}", n));
      break;
  }
  std::vector<Value> args;
  args.reserve(n);
  for (int k = 1; k < a.size(); ++k) args.push_back(a[k]);
  return vm.request_resume(f, args.data(), n);
}

Value f_yield(State& vm, Args a) { return vm.request_yield(a.at_or(0, Value::nil())); }

Value f_status(State& vm, Args a) {
  return Value::object(vm.kw(fiber_status_name(arg_fiber(a, 0, "fiber/status")->status)));
}

Value f_current(State& vm, Args) { return Value::object(vm.fiber()); }

Value f_value(State&, Args a) { return arg_fiber(a, 0, "fiber/value")->value; }

Value f_fiberp(State&, Args a) { return Value::boolean(is<Fiber>(a[0])); }

}  // namespace

void install_fiber_natives(State& vm) {
  const char* F = "clove.fiber";
  vm.def_native(F, "new", f_new, 1, 2,
                "Returns a new fiber (a coroutine, status :new) that will call f when first resumed. mask is a set "
                "of the signals the fiber catches: with :error in it, an exception that escapes f ends the fiber "
                "in :error and fiber/resume returns the exception instead of throwing it. :yield (always in "
                "effect: a yield returns to the resumer) and :debug are accepted; with :budget, the fiber "
                "suspends when the VM's instruction budget runs out inside it, and fiber/resume returns nil. The "
                "fiber sees its own dynamic bindings, then those of the code that resumes it (as a lazy seq "
                "sees those of the code that realizes it). ClassCastException when f is not a function.",
                "([f] [f mask])");
  vm.def_native(F, "resume", f_resume, 1, -1,
                "Runs fiber fib until it yields, returns or throws. The first resume calls its function with "
                "args; a later one makes the pending fiber/yield return the one value given (nil if none). "
                "Returns the value yielded (the fiber is then :pending) or the function's result (:dead). An "
                "exception escaping the fiber makes it :error and is thrown from resume, or returned when the "
                "fiber's mask has :error. IllegalStateException for a fiber that is :alive, :dead or :error.",
                "([fib & args])");
  vm.def_native(F, "yield", f_yield, 0, 1,
                "Suspends the running fiber (status :pending); the fiber/resume that ran it returns v. Returns the "
                "value given to the next resume. IllegalStateException outside of any fiber, or when a native "
                "that is not stackless (a comparator called by sort, say) stands between the fiber and the yield.",
                "([] [v])");
  vm.def_native(F, "status", f_status, 1, 1,
                "The fiber's status: :new :alive :pending :dead :error or :debug.", "([fib])");
  vm.def_native(F, "current", f_current, 0, 0,
                "The running fiber (outside any fiber: the root fiber the host's calls run on).", "([])");
  vm.def_native(F, "value", f_value, 1, 1,
                "The last value the fiber yielded or returned, or the exception that ended it (nil for a :new fiber).",
                "([fib])");
  vm.def_native(F, "fiber?", f_fiberp, 1, 1, "True if x is a fiber.", "([x])");
  Namespace* ns = vm.find_or_create_ns(vm.sym(F));
  vm.default_aliases[vm.sym("fiber")] = ns;
  vm.loaded_libs.insert(vm.sym(F));
}

void register_fiber_printers(TypeInfo* table) {
  // #object[clove.lang.Fiber 0x1f2e3d4c :pending], as Clojure prints objects it has
  // no literal for.
  set_print_hooks(table, ObjType::Fiber, [](PrintContext& p, Value v) {
    auto* f = static_cast<Fiber*>(v.as_obj());
    p.out += fmt::format("#object[clove.lang.Fiber 0x{:x} :{}]", hash(p.vm, v), fiber_status_name(f->status));
  });
}

}  // namespace clove
