// seq_fns.cpp: stackless seq, first, next and rest (seq_fns.h). Each continuation
// stores the thunk's result and runs its native again from the start: what is
// realized stays realized, so the retry goes one step further each time.
#include "runtime/lang/seq_fns.h"

#include "runtime/coll/coll.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/lang/function.h"

namespace clove {

namespace {

Value seq_k(State& vm, Args a, Value ctx, Value r) {
  lazy_seq_store(vm, ctx, r);
  return seq_native(vm, a);
}
Value first_k(State& vm, Args a, Value ctx, Value r) {
  lazy_seq_store(vm, ctx, r);
  return first_native(vm, a);
}
Value next_k(State& vm, Args a, Value ctx, Value r) {
  lazy_seq_store(vm, ctx, r);
  return next_native(vm, a);
}
Value rest_k(State& vm, Args a, Value ctx, Value r) {
  lazy_seq_store(vm, ctx, r);
  return rest_native(vm, a);
}

}  // namespace

Value seq_native(State& vm, Args a) {
  if (LazySeq* ls = unrealized_lazy_seq(a[0])) return lazy_seq_step(vm, ls, seq_k);
  return seq(vm, a[0]);
}

Value first_native(State& vm, Args a) {
  if (LazySeq* ls = unrealized_lazy_seq(a[0])) {
    Value s = lazy_seq_step(vm, ls, first_k);
    if (State::is_request(s)) return s;
  }
  return first(vm, a[0]);
}

Value next_native(State& vm, Args a) {
  // Each step realizes one lazy seq of the chain next walks, or hands a thunk to the loop.
  while (LazySeq* ls = lazy_seq_blocking_next(a[0])) {
    Value s = lazy_seq_step(vm, ls, next_k);
    if (State::is_request(s)) return s;
  }
  return next(vm, a[0]);
}

Value rest_native(State& vm, Args a) {
  if (LazySeq* ls = unrealized_lazy_seq(a[0])) {
    Value s = lazy_seq_step(vm, ls, rest_k);
    if (State::is_request(s)) return s;
  }
  return rest(vm, a[0]);
}

}  // namespace clove
