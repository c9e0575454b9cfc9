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
#include "state/state.h"

namespace clove {

class Args;

/// (seq coll) / (first coll) / (next coll) / (rest coll); args: [coll].
Value seq_native(State& vm, Args a);
Value first_native(State& vm, Args a);
Value next_native(State& vm, Args a);
Value rest_native(State& vm, Args a);

}  // namespace clove
