// interpreter.cpp: the Interpreter's construction and roots.
#include "vm/interpreter.h"

#include "runtime/lang/seq_fns.h"

namespace clove {

Interpreter::Interpreter() {
  fiber_ = root_fiber_ = heap.make<Fiber>(&heap);
  fiber_->grow(1024);  // 8 KiB; doubles on demand (4096 slots touched 6 more pages at start-up)
  fiber_->status = FiberStatus::Alive;
  bindings_ = &fiber_->bindings;
  binding_scopes_.push_back(bindings_);
  init_streams();
  first_native_ = heap.make<Native>(first_native, make_string(heap, "clojure.core/first"), "", "", 1, 1);
  permanent.push_back(Value::object(first_native_));
  next_native_ = heap.make<Native>(next_native, make_string(heap, "clojure.core/next"), "", "", 1, 1);
  permanent.push_back(Value::object(next_native_));
  count_native_ = heap.make<Native>(count_native, make_string(heap, "clojure.core/count"), "", "", 1, 1);
  permanent.push_back(Value::object(count_native_));
  nth_native_ = heap.make<Native>(nth_native, make_string(heap, "clojure.core/nth"), "", "", 2, 3);
  permanent.push_back(Value::object(nth_native_));
}

Interpreter::~Interpreter() = default;

void Interpreter::trace_roots(Tracer& t) {
  State::trace_roots(t);
  // The running fiber's stack is not write-barriered, so it is traced as a root at
  // every root scan (start and atomic phase), not only when the fiber is first greyed.
  // So are the fibers waiting in fiber/resume for it: they ran since they were last
  // switched away from. Suspended fibers are ordinary objects (touched when left).
  if (!fiber_) return;  // a collection while the first fiber is being made
  for (Fiber* x = fiber_; x; x = x->resumer) {
    t.mark(x);
    x->trace(t);
  }
  t.mark(root_fiber_);
  t.mark(request.fiber);
  if (debugger_) debugger_->trace(t);
}

}  // namespace clove
