// seq_fns.h: clojure.core/seq, first, next and rest as stackless natives.
//
// On a lazy seq whose thunk has not run, they hand the thunk's call to the dispatch
// loop (State::call_then, lazy_seq_step) instead of calling it on the C++ stack, so a
// fiber can yield inside a lazy seq's body, and Clove code that walks lazy seqs (map,
// filter, reduce, doall, ... in src/lib) never nests the C++ stack. They live in this
// layer so that both natives/core (which binds them in clojure.core) and the
// interpreter (whose FIRST and NEXT instructions call them when a thunk must run) can
// reach them.
#pragma once
#include "runtime/coll/lazy_seq.h"
#include "runtime/lang/function.h"
#include "state/continuation.h"
#include "state/state.h"

namespace clove {

/// (seq coll) / (first coll) / (next coll) / (rest coll); args: [coll].
Value seq_native(State& vm, Args a);
Value first_native(State& vm, Args a);
Value next_native(State& vm, Args a);
Value rest_native(State& vm, Args a);
/// (count coll); args: [coll]. Walks a lazy seq through the loop, keeping its cursor in
/// the argument slot, so counting a long lazy seq holds neither its head nor the C++ stack.
Value count_native(State& vm, Args a);

/// (nth coll i) / (nth coll i not-found); walks a lazy seq through the loop as count does.
Value nth_native(State& vm, Args a);

/// Whether x is a seq that may have lazy seqs along its spine (LazySeq, Cons, ChunkedCons).
bool maybe_lazy_spine(Value x);

// ---- for natives that need (seq x) of one argument (empty?, ...) ----

template <NativeFn Retry>
Value realize_seq_k(State& vm, Args a, Value ls, Value result) {
  if (!is<LazySeq>(ls)) bad_continuation("a lazy seq's");
  lazy_seq_store(vm, static_cast<LazySeq*>(ls.as_obj()), result);
  return Retry(vm, a);
}
/// Makes native Retry stackless over x's seq: call first thing; when the result is a
/// request return it, and Retry runs again once x's thunk has run. nil: go on.
template <NativeFn Retry>
Value realize_seq(State& vm, Value x) {
  LazySeq* ls = unrealized_lazy_seq(x);
  if (!ls) return Value::nil();
  return lazy_seq_step(vm, ls, realize_seq_k<Retry>, x);
}

// ---- for natives that walk a whole seq in C++ (vec, set, apply, ...) ----

/// Realizes the lazy seqs along x's spine, from `cursor` on, through the dispatch loop.
/// Returns nil when all is realized, or the request the native must return; the
/// request's continuation is k, with the cursor to go on from as its context.
Value realize_spine_from(State& vm, Value cursor, NativeCont k);
/// In such a continuation: stores the thunk's result for the lazy seq blocking `cursor`.
void realize_spine_store(State& vm, Value cursor, Value result);

template <NativeFn Retry>
Value realize_spine_k(State& vm, Args a, Value cursor, Value result) {
  realize_spine_store(vm, cursor, result);
  Value r = realize_spine_from(vm, cursor, realize_spine_k<Retry>);
  return State::is_request(r) ? r : Retry(vm, a);
}
/// Makes native Retry stackless over coll: call first thing; when the result is a
/// request return it, and Retry runs again (finding everything realized) once the
/// spine is. Holds coll's head meanwhile: for natives whose result holds it anyway.
template <NativeFn Retry>
Value realize_spine(State& vm, Value coll) {
  if (!maybe_lazy_spine(coll)) return Value::nil();
  return realize_spine_from(vm, coll, realize_spine_k<Retry>);
}

// ---- for natives that want all of a seq's items without holding its head ----

/// The rest of a native that drained its last argument (drain_spine): items is a
/// persistent vector of that seq's items, in order; a[a.size() - 1] no longer holds
/// the seq (nil).
using DrainFinish = Value (*)(State& vm, Args a, Value items);

/// Collects the items of the seq in a's last argument slot into the transient vector
/// `buffer` (nil: a new one), realizing lazy seqs along the way through the dispatch
/// loop. The slot holds the walk's cursor, not the seq's head, so the part walked is
/// garbage as soon as its items are in the buffer, as Clojure's locals clearing lets
/// the JVM collect it: sort of a 200K-item lazy seq held by its head peaked at 33 MB
/// live, and the pages its heap grew by took a third of its time. Returns the
/// request the native must return (k continues, with the buffer as its context), or
/// the items as a persistent vector.
Value drain_spine_from(State& vm, Args a, Value buffer, NativeCont k);

template <DrainFinish Finish>
Value drain_spine_k(State& vm, Args a, Value buffer, Value result) {
  realize_spine_store(vm, a[a.size() - 1], result);
  Value r = drain_spine_from(vm, a, buffer, drain_spine_k<Finish>);
  return State::is_request(r) ? r : Finish(vm, a, r);
}
/// Makes a native stackless over its last argument, a seq it needs whole: call first
/// thing (when maybe_lazy_spine holds for it) and return the result; Finish runs with
/// the items, now or once the lazy seqs along the spine have been realized. Only for
/// natives whose result does not need the seq itself (its metadata included).
template <DrainFinish Finish>
Value drain_spine(State& vm, Args a) {
  Value r = drain_spine_from(vm, a, Value::nil(), drain_spine_k<Finish>);
  return State::is_request(r) ? r : Finish(vm, a, r);
}

}  // namespace clove
