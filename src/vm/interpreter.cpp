// interpreter.cpp: the Interpreter's construction and roots.
#include "vm/interpreter.h"

namespace clove {

Interpreter::Interpreter() {
  fiber_ = heap.make<Fiber>();
  fiber_->stack.resize(4096, Value::nil());
  fiber_->status = FiberStatus::Alive;
  bindings_ = &fiber_->bindings;
  init_streams();
}

Interpreter::~Interpreter() = default;

void Interpreter::trace_roots(Tracer& t) {
  State::trace_roots(t);
  // The running fiber's stack is not write-barriered, so it is traced as a root at
  // every root scan (start and atomic phase), not only when the fiber is first greyed.
  if (!fiber_) return;  // a collection while the first fiber is being made
  t.mark(fiber_);
  fiber_->trace(t);
}

}  // namespace clove
