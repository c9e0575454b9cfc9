// queue.cpp: PersistentQueue operations (after clojure.lang.PersistentQueue).
#include "runtime/coll/queue.h"

#include "runtime/coll/coll.h"
#include "runtime/coll/list.h"
#include "runtime/coll/vector.h"
#include "runtime/num/number.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

Value empty_queue(Heap& h, Value meta) { return Value::object(h.make<Queue>(0, Value::nil(), Value::nil(), meta)); }

Value queue_conj(State& vm, const Queue* q, Value x) {
  Heap& h = vm.heap;
  if (q->f.is_nil()) return Value::object(h.make<Queue>(q->cnt + 1, list_cons(h, x, Value::nil()), Value::nil(), q->meta));
  Value rear = q->r.is_nil() ? empty_vector(h) : q->r;
  Value nr = vector_conj(h, static_cast<Vector*>(rear.as_obj()), x);
  return Value::object(h.make<Queue>(q->cnt + 1, q->f, nr, q->meta));
}

Value queue_peek(State& vm, const Queue* q) { return q->f.is_nil() ? Value::nil() : first(vm, q->f); }

Value queue_pop(State& vm, Queue* q) {
  if (q->f.is_nil()) return Value::object(q);
  Heap& h = vm.heap;
  Value f1 = next(vm, q->f);
  Value r1 = q->r;
  if (f1.is_nil()) {
    f1 = r1.is_nil() ? r1 : seq(vm, r1);
    r1 = Value::nil();
  }
  return Value::object(h.make<Queue>(q->cnt - 1, f1, r1, q->meta));
}

Value queue_seq(State& vm, const Queue* q) {
  if (q->f.is_nil()) return Value::nil();
  Value rs = q->r.is_nil() ? q->r : seq(vm, q->r);
  return Value::object(vm.heap.make<QueueSeq>(q->f, rs));
}

Value queue_seq_first(State& vm, const QueueSeq* s) { return first(vm, s->f); }

Value queue_seq_next(State& vm, const QueueSeq* s) {
  Value f1 = next(vm, s->f);
  if (f1.is_nil()) {
    if (s->rseq.is_nil()) return Value::nil();
    return Value::object(vm.heap.make<QueueSeq>(s->rseq, Value::nil()));
  }
  return Value::object(vm.heap.make<QueueSeq>(f1, s->rseq));
}

namespace {

// java.lang.Object.hashCode of common element types (Long, String; else Clojure's hash).
uint32_t java_hash(State& vm, Value v) {
  if (v.is_nil()) return 0;
  if (is_long(v)) {
    auto u = static_cast<uint64_t>(as_long(v));
    return static_cast<uint32_t>(u ^ (u >> 32));
  }
  if (String* s = as<String>(v)) {
    uint32_t h = 0;
    for (unsigned char c : s->view()) h = 31 * h + c;  // exact for ASCII text
    if (s->is_ascii()) return h;
  }
  return hash(vm, v);
}

}  // namespace

uint32_t queue_java_hash(State& vm, const Queue* q) {
  uint32_t h = 1;
  RootScope scope(vm.heap);
  size_t cur = scope.push(queue_seq(vm, q));
  while (!scope[cur].is_nil()) {
    h = 31 * h + java_hash(vm, first(vm, scope[cur]));
    scope[cur] = next(vm, scope[cur]);
  }
  return h;
}

}  // namespace clove
