// budget.cpp: the instruction budget and interrupts (SPEC V9; state.h).
//
// The dispatch loop counts at calls and loop back-edges (dispatch.cpp, POLL) and
// natives that loop in C++ count with State::charge. When the budget is spent:
//  * if the running fiber, and each fiber up to the first one whose mask has :budget,
//    has no C++ frame of its own, they are suspended (the loop does it) and that
//    fiber's resumer's fiber/resume returns nil;
//  * if some fiber would catch :budget but a C++ frame is in the way, the VM runs on
//    for up to limits.budget_overrun instructions, hoping to reach a point where it can
//    suspend (C++ callbacks are usually short), then aborts;
//  * if no fiber catches :budget, the host's call is aborted: VMAbort with
//    BudgetExhaustedError, which no Clove `catch` stops (a script cannot outlive its
//    budget by catching errors in a loop).
// An interrupt (State::interrupt, from any thread) is a catchable InterruptedError
// thrown at the next count.
#include <fmt/format.h>

#include "vm/fiber.h"
#include "vm/interpreter.h"

namespace clove {

void State::set_budget(int64_t n) {
  budget_given_ = n;
  if (n == kUnlimited) {
    budget_left_ = kBudgetSlice;
    budget_reserve_ = kUnlimited;
  } else {
    budget_left_ = std::min(n, kBudgetSlice);
    budget_reserve_ = n - budget_left_;
  }
}

void State::charge_slow() {
  if (!budget_slice_end()) return;
  if (interrupt_.exchange(false, std::memory_order_relaxed))
    throw_error(ErrorKind::InterruptedError, "Interrupted");
  if (budget_left_ >= 0) return;
  // A native's C++ loop cannot be suspended: it runs on (the loop suspends the fiber
  // at its next count once the native returns) within the overrun, or aborts.
  static_cast<Interpreter*>(this)->budget_overrun_or_abort(fiber_);
}

Fiber* Interpreter::budget_catcher(Fiber* f, bool* exists) const {
  *exists = false;
  bool blocked = false;
  for (Fiber* x = f; x; x = x->resumer) {
    if (!x->boundary_pcs.empty()) blocked = true;
    if (x->mask & fiber_mask::kBudget) {
      *exists = true;
      return blocked ? nullptr : x;
    }
  }
  return nullptr;
}

void Interpreter::budget_overrun_or_abort(Fiber* f) {
  bool exists = false;
  budget_catcher(f, &exists);
  if (exists && budget_left_ >= -limits.budget_overrun) return;
  throw VMAbort(ErrorKind::BudgetExhaustedError,
                exists ? fmt::format("instruction budget of {} exhausted, and {} more ran where the fiber could "
                                     "not be suspended (inside C++ that called back into Clove)",
                                     budget_given_, limits.budget_overrun)
                       : fmt::format("instruction budget of {} exhausted", budget_given_));
}

}  // namespace clove
