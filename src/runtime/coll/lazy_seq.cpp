// lazy_seq.cpp: realizing a LazySeq (clojure.lang.LazySeq.sval/seq).
#include "runtime/coll/lazy_seq.h"

#include "runtime/coll/chunk.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/list.h"
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

// Stores ls's seq once its thunk chain is run: v is the final raw value.
static Value finish(State& vm, LazySeq* ls, Value v) {
  Value s;
  if (v.is_nil() || is<Cons>(v) || is<List>(v)) {  // the commonest: already a seq
    s = v;
  } else {
    RootScope scope(vm.heap);  // seq of other values may run Clove code
    scope.push(Value::object(ls));
    s = seq(vm, v);
  }
  ls->s = s;
  ls->sv = Value::nil();
  ls->realized = true;
  vm.heap.barrier(ls, s);
  return s;
}

Value lazy_seq_step(State& vm, LazySeq* outer, NativeCont k, Value ctx) {
  if (outer->realized) return outer->s;
  // The chain outer -> (the value its thunk returned) -> ... as lazy_seq_seq unwraps it:
  // run the first thunk not yet run.
  LazySeq* ls = outer;
  Value v;
  for (;;) {
    if (!ls->fn.is_nil()) {
      // Shortcut outer's chain to ls (outer's thunk has run, and ls is where its chain
      // goes on), so the next step and lazy_seq_store start here: a chain of n lazy
      // seqs (lazy-seq (lazy-seq ...)) is then realized in O(n) steps, not O(n^2).
      if (ls != outer && outer->sv != Value::object(ls)) {
        outer->sv = Value::object(ls);
        vm.heap.barrier(outer, outer->sv);
      }
      return vm.call_then(ls->fn, nullptr, 0, k, ctx);
    }
    v = ls->sv;
    LazySeq* inner = as<LazySeq>(v);
    if (!inner) break;
    if (inner->realized) {
      v = inner->s;
      break;
    }
    ls = inner;
  }
  return finish(vm, outer, v);
}

void lazy_seq_store(State& vm, LazySeq* outer, Value result) {
  LazySeq* ls = outer;
  while (!ls->realized && ls->fn.is_nil()) {
    ls = as<LazySeq>(ls->sv);
    if (!ls) return;  // realized meanwhile (the thunk realized its own seq)
  }
  if (ls->realized) return;
  ls->sv = result;
  ls->fn = Value::nil();
  vm.heap.barrier(ls, result);
}


}  // namespace clove
