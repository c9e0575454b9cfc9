// lazy_seq.h: LazySeq, a seq computed on first use (clojure.lang.LazySeq).
//
// Holds a thunk (any callable of no arguments). The first `seq` on it calls the thunk
// once through the VM, unwraps any LazySeqs the thunk returned, turns the result into
// a seq and caches it; the thunk is then dropped. Later operations read the cache.
#pragma once
#include "gc/heap.h"
#include "core/object.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/list.h"
#include "state/state.h"

namespace clove {

class State;

struct LazySeq : Obj {
  static constexpr ObjType kType = ObjType::LazySeq;
  Value fn;         // the thunk; nil once called
  Value sv;         // the thunk's raw result while being unwrapped
  Value s;          // the realized seq (nil when empty); valid once realized
  bool realized = false;
  Value meta;
  explicit LazySeq(Value f, Value m = Value::nil()) : Obj(kType), fn(f), meta(m) {}
  void trace(Tracer& t) {
    t.mark(fn);
    t.mark(sv);
    t.mark(s);
    t.mark(meta);
  }
};

/// A new unrealized lazy seq over `thunk`.
Value make_lazy_seq(Heap& h, Value thunk);
/// Realizes `ls` if needed (calls into the VM; may collect) and returns its seq or nil.
Value lazy_seq_seq(State& vm, LazySeq* ls);
/// (realized? ls)
inline bool lazy_seq_realized(const LazySeq* ls) { return ls->realized; }

// ---- stackless realization (natives and the dispatch loop; state.h, call_then) ----

/// x when it is a LazySeq not yet realized (seq/first/rest of x would run a thunk), else null.
inline LazySeq* unrealized_lazy_seq(Value x) {
  LazySeq* ls = as<LazySeq>(x);
  return ls && !ls->realized ? ls : nullptr;
}
/// The lazy seq that (next x) would have to realize (run a thunk), or null: x itself,
/// or the rest of the Cons / last ChunkedCons element x is or realizes to. Inline:
/// the NEXT instruction asks it every time.
inline LazySeq* lazy_seq_blocking_next(Value x) {
  if (!x.is_obj()) return nullptr;
  Obj* o = x.as_obj();
  if (o->type == ObjType::LazySeq) {
    auto* ls = static_cast<LazySeq*>(o);
    if (!ls->realized) return ls;
    if (!ls->s.is_obj()) return nullptr;
    o = ls->s.as_obj();
  }
  if (o->type == ObjType::Cons) return unrealized_lazy_seq(static_cast<Cons*>(o)->more);
  if (o->type == ObjType::ChunkedCons) {
    auto* c = static_cast<ChunkedCons*>(o);
    if (c->skip + 1 < c->chunk->count()) return nullptr;
    return unrealized_lazy_seq(c->more);
  }
  return nullptr;
}
/// One step of realizing ls without a C++ frame: when a thunk of ls's chain must run,
/// returns the request vm.call_then(thunk, k, ctx), whose continuation k must give the
/// result to lazy_seq_store(ls, ...) and then retry; otherwise finishes realizing ls
/// and returns its seq.
Value lazy_seq_step(State& vm, LazySeq* ls, NativeCont k, Value ctx);
/// Stores the result of the thunk lazy_seq_step ran for ls (the first in ls's chain
/// whose thunk has not been dropped).
void lazy_seq_store(State& vm, LazySeq* ls, Value result);

}  // namespace clove
