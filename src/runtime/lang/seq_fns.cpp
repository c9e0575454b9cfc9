// seq_fns.cpp: stackless seq, first, next and rest (seq_fns.h). Each continuation
// stores the thunk's result and runs its native again from the start: what is
// realized stays realized, so the retry goes one step further each time.
#include "runtime/lang/seq_fns.h"

#include <fmt/format.h>

#include "runtime/coll/chunk.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/list.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "runtime/num/number.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/lang/function.h"
#include "state/continuation.h"

namespace clove {

Value seq_native(State& vm, Args a) {
  Value r = realize_seq<seq_native>(vm, a[0]);
  return State::is_request(r) ? r : seq(vm, a[0]);
}

Value first_native(State& vm, Args a) {
  Value r = realize_seq<first_native>(vm, a[0]);
  return State::is_request(r) ? r : first(vm, a[0]);
}

namespace {
Value next_k(State& vm, Args a, Value ls, Value r) {
  if (!is<LazySeq>(ls)) bad_continuation("next's");
  lazy_seq_store(vm, static_cast<LazySeq*>(ls.as_obj()), r);
  return next_native(vm, a);
}
}  // namespace

Value next_native(State& vm, Args a) {
  // Each step realizes one lazy seq of the chain next walks, or hands a thunk to the loop.
  while (LazySeq* ls = lazy_seq_blocking_next(a[0])) {
    Value s = lazy_seq_step(vm, ls, next_k, Value::object(ls));
    if (State::is_request(s)) return s;
  }
  return next(vm, a[0]);
}

Value rest_native(State& vm, Args a) {
  Value r = realize_seq<rest_native>(vm, a[0]);
  return State::is_request(r) ? r : rest(vm, a[0]);
}

bool maybe_lazy_spine(Value x) {
  if (!x.is_obj()) return false;
  ObjType t = x.as_obj()->type;
  return t == ObjType::LazySeq || t == ObjType::Cons || t == ObjType::ChunkedCons;
}

namespace {

// The lazy seq that must be realized before the walk can step past `cursor`, or null.
LazySeq* blocking(Value cursor) {
  if (LazySeq* ls = unrealized_lazy_seq(cursor)) return ls;
  return lazy_seq_blocking_next(cursor);
}

// One step along a spine without running Clove: the rest after cursor (a realized
// LazySeq gives its seq), adding the elements stepped over to *n.
Value step_spine(Value cursor, int64_t* n) {
  Obj* o = cursor.as_obj();
  switch (o->type) {
    case ObjType::LazySeq: return static_cast<LazySeq*>(o)->s;
    case ObjType::Cons:
      ++*n;
      return static_cast<Cons*>(o)->more;
    case ObjType::ChunkedCons: {
      auto* c = static_cast<ChunkedCons*>(o);
      *n += c->chunk->count() - c->skip;
      return c->more;
    }
    default: return Value::nil();
  }
}

Value count_from(State& vm, Args a, int64_t n);
// Goes on from the cursor in a[0]; the context is the count so far.
Value count_k(State& vm, Args a, Value n, Value result) {
  if (!n.is_small_int()) bad_continuation("count's");
  if (LazySeq* ls = blocking(a[0])) lazy_seq_store(vm, ls, result);
  return count_from(vm, a, n.as_small_int());
}

}  // namespace

Value realize_spine_from(State& vm, Value cursor, NativeCont k) {
  int64_t ignored = 0;
  while (maybe_lazy_spine(cursor)) {
    if (LazySeq* ls = blocking(cursor)) {
      Value s = lazy_seq_step(vm, ls, k, cursor);
      if (State::is_request(s)) return s;
      continue;
    }
    cursor = step_spine(cursor, &ignored);
    vm.charge(1);  // a loop in C++: counts toward the instruction budget
  }
  return Value::nil();
}

void realize_spine_store(State& vm, Value cursor, Value result) {
  if (LazySeq* ls = blocking(cursor)) lazy_seq_store(vm, ls, result);
}

Value drain_spine_from(State& vm, Args a, Value buffer, NativeCont k) {
  const int last = a.size() - 1;
  // seq and next of a deftype's seq may call into Clove (and collect): root what the
  // walk holds. Nothing else here collects.
  RootScope scope(vm.heap);
  if (buffer.is_nil()) buffer = transient_of(vm, empty_vector(vm.heap));
  scope.push(buffer);
  Value cursor = a[last];
  while (maybe_lazy_spine(cursor)) {
    if (LazySeq* ls = blocking(cursor)) {
      a.set(last, cursor);  // the frame holds the cursor, not the head
      Value s = lazy_seq_step(vm, ls, k, buffer);
      if (State::is_request(s)) return s;
      continue;
    }
    Obj* o = cursor.as_obj();
    if (o->type == ObjType::Cons) {
      transient_conj(vm, buffer, static_cast<Cons*>(o)->first);
    } else if (o->type == ObjType::ChunkedCons) {
      auto* c = static_cast<ChunkedCons*>(o);
      for (uint32_t i = c->skip; i < c->chunk->count(); ++i) transient_conj(vm, buffer, c->chunk->nth(i));
    }
    int64_t ignored = 0;
    cursor = step_spine(cursor, &ignored);
    vm.charge(1);  // a loop in C++: counts toward the instruction budget
  }
  // The rest is no lazy seq: a seq of a collection (a vector's, a map's) or nil.
  a.set(last, cursor);
  for (Value s = seq(vm, cursor); !s.is_nil(); s = next(vm, s)) {
    vm.charge(1);
    a.set(last, s);
    transient_conj(vm, buffer, first(vm, s));
  }
  a.set(last, Value::nil());
  return persistent_of(vm, buffer);
}

Value count_native(State& vm, Args a) { return count_from(vm, a, 0); }

namespace {
Value nth_from(State& vm, Args a, int64_t i);
// Goes on from the cursor in a[0]; the context is the index left to walk.
Value nth_k(State& vm, Args a, Value i, Value result) {
  if (!i.is_small_int()) bad_continuation("nth's");
  if (LazySeq* ls = unrealized_lazy_seq(a[0])) lazy_seq_store(vm, ls, result);
  return nth_from(vm, a, i.as_small_int());
}

// nth of the cursor in a[0]: i more steps along a seq that may be lazy, then the
// collection's own nth (runtime/coll) for what is left.
Value nth_from(State& vm, Args a, int64_t i) {
  Value cursor = a[0];
  bool walked = false;
  if (i >= 0) {
    while (maybe_lazy_spine(cursor)) {
      walked = true;
      // Only the cursor itself: the element after the one asked for stays unrealized.
      if (LazySeq* ls = unrealized_lazy_seq(cursor)) {
        a.set(0, cursor);  // the frame holds the cursor, not the head
        Value s = lazy_seq_step(vm, ls, nth_k, Value::small_int(i));
        if (State::is_request(s)) return s;
        continue;
      }
      Obj* o = cursor.as_obj();
      vm.charge(1);
      if (o->type == ObjType::Cons) {
        if (i == 0) return static_cast<Cons*>(o)->first;
        --i;
        cursor = static_cast<Cons*>(o)->more;
      } else if (o->type == ObjType::ChunkedCons) {
        auto* c = static_cast<ChunkedCons*>(o);
        int64_t left = c->chunk->count() - c->skip;
        if (i < left) return c->chunk->nth(static_cast<uint32_t>(c->skip + i));
        i -= left;
        cursor = c->more;
      } else {
        cursor = static_cast<LazySeq*>(o)->s;
      }
    }
  }
  a.set(0, Value::nil());
  if (walked && cursor.is_nil()) {  // the seq ran out (nth of nil itself is nil)
    if (a.size() == 3) return a[2];
    coll_detail::index_out_of_bounds(i);
  }
  return a.size() == 3 ? nth(vm, cursor, i, a[2]) : nth(vm, cursor, i);
}
}  // namespace

Value nth_native(State& vm, Args a) {
  // The index is any number, as RT.intCast reads it (a default does not excuse one past
  // int's range).
  return nth_from(vm, a, index_int_cast(a[1]));
}

namespace {
// Counts from the cursor in a[0], n elements already counted.
Value count_from(State& vm, Args a, int64_t n) {
  Value cursor = a[0];
  while (maybe_lazy_spine(cursor)) {
    if (LazySeq* ls = blocking(cursor)) {
      a.set(0, cursor);
      Value s = lazy_seq_step(vm, ls, count_k, Value::small_int(n));
      if (State::is_request(s)) return s;
      continue;
    }
    cursor = step_spine(cursor, &n);
    vm.charge(1);
  }
  a.set(0, Value::nil());  // the walk from here runs no Clove code and roots its own cursor
  return make_long(vm.heap, n + count(vm, cursor));
}
}  // namespace

// The continuations above by name, for marshal (state/continuation.h).
const ContinuationName kContinuationNames[] = {
    {"clojure.core/seq", realize_seq_k<seq_native>},   {"clojure.core/first", realize_seq_k<first_native>},
    {"clojure.core/rest", realize_seq_k<rest_native>}, {"clojure.core/next", next_k},
    {"clojure.core/nth", nth_k},                        {"clojure.core/count", count_k},
};

}  // namespace clove
