// queue.h: PersistentQueue (clojure.lang.PersistentQueue, after Okasaki's batched queue):
// a front seq `f` and a rear vector `r`. conj appends to the rear; peek and pop work on
// the front; when the front runs out, the rear's seq becomes the new front. All
// operations are O(1) amortised (pop may take O(log32 n) to make the rear's seq).
//
// In Clojure it is reached as clojure.lang.PersistentQueue/EMPTY; Clove defines a var
// EMPTY in a namespace of that name (natives/core/sorted.cpp). It is sequential (= to lists
// and vectors with the same elements) and prints as an #object like Clojure's.
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

class State;

struct Queue : Obj {
  static constexpr ObjType kType = ObjType::Queue;
  int64_t cnt;
  Value f;  // nil when empty, else a non-empty seq (a List or a vector seq)
  Value r;  // nil or a non-empty Vector
  Value meta;
  Queue(int64_t c, Value front, Value rear, Value m = Value::nil())
      : Obj(kType), cnt(c), f(front), r(rear), meta(m) {}
  void trace(Tracer& t) {
    t.mark(f);
    t.mark(r);
    t.mark(meta);
  }
};

/// The seq of a queue: the rest of the front, then the rear's seq.
struct QueueSeq : Obj {
  static constexpr ObjType kType = ObjType::QueueSeq;
  Value f;     // non-empty seq
  Value rseq;  // nil or the rear vector's seq
  Value meta;
  QueueSeq(Value front, Value rs) : Obj(kType), f(front), rseq(rs) {}
  void trace(Tracer& t) {
    t.mark(f);
    t.mark(rseq);
    t.mark(meta);
  }
};

Value empty_queue(Heap& h, Value meta = Value::nil());
Value queue_conj(State& vm, const Queue* q, Value x);
/// The front element, nil when empty.
Value queue_peek(State& vm, const Queue* q);
/// Without the front element; an empty queue pops to itself (as in Clojure).
Value queue_pop(State& vm, Queue* q);
Value queue_seq(State& vm, const Queue* q);
Value queue_seq_first(State& vm, const QueueSeq* s);
Value queue_seq_next(State& vm, const QueueSeq* s);
/// Java's hashCode of the queue (used only by its printed form, as Clojure's
/// Object.toString shows "clojure.lang.PersistentQueue@<hashCode hex>").
uint32_t queue_java_hash(State& vm, const Queue* q);

}  // namespace clove
