// lazy_seq.cpp: realizing a LazySeq (clojure.lang.LazySeq.sval/seq).
#include "runtime/coll/lazy_seq.h"

#include "runtime/coll/coll.h"
#include "state/state.h"

namespace clove {

Value make_lazy_seq(Heap& h, Value thunk) { return Value::object(h.make<LazySeq>(thunk)); }

// Runs ls's thunk if it has not run yet, storing the raw result in ls->sv.
static void run_thunk(State& vm, LazySeq* ls) {
  if (ls->fn.is_nil()) return;
  Value r = vm.call(ls->fn, nullptr, 0);
  ls->sv = r;
  ls->fn = Value::nil();
  vm.heap.barrier(ls, r);
}

Value lazy_seq_seq(State& vm, LazySeq* ls) {
  if (ls->realized) return ls->s;
  // Everything produced below is stored into ls or into a LazySeq reachable from it,
  // so rooting ls keeps it all alive across the calls into the VM.
  RootScope scope(vm.heap);
  scope.push(Value::object(ls));
  run_thunk(vm, ls);
  // A thunk may return another lazy seq: unwrap iteratively (chains can be long).
  Value v = ls->sv;
  while (LazySeq* inner = as<LazySeq>(v)) {
    if (inner->realized) {
      v = inner->s;
      break;
    }
    run_thunk(vm, inner);
    v = inner->sv;
  }
  Value s = seq(vm, v);
  ls->s = s;
  ls->sv = Value::nil();
  ls->realized = true;
  vm.heap.barrier(ls, s);
  return s;
}

}  // namespace clove
