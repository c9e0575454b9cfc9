// map_seq.cpp: seqs over maps.
#include "runtime/coll/map_seq.h"

#include "runtime/coll/array_map.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/map_ops.h"

namespace clove {

Value map_seq(Heap& h, Value map, MapSeqKind kind) {
  if (ArrayMap* a = as<ArrayMap>(map)) {
    if (a->n == 0) return Value::nil();
    return Value::object(h.make<MapSeq>(a, a->kvs(), 0u, a->n, 0u, kind));
  }
  auto* m = static_cast<HashMap*>(map.as_obj());
  if (m->count == 0) return Value::nil();
  // Snapshot the pairs once; every `next` shares the snapshot.
  uint32_t n = m->count;
  MapSeq* s = h.make_extra<MapSeq>(2 * n * sizeof(Value), nullptr, nullptr, 0u, n, 2 * n, kind);
  s->owner = s;
  s->kvs = s->storage();
  struct Fill {
    Value* out;
  } fill{s->storage()};
  hash_map_visit(
      m,
      [](void* c, Value k, Value v) {
        auto* f = static_cast<Fill*>(c);
        *f->out++ = k;
        *f->out++ = v;
      },
      &fill);
  return Value::object(s);
}

Value map_seq_next(Heap& h, const MapSeq* s) {
  if (s->i + 1 >= s->n) return Value::nil();
  return Value::object(h.make<MapSeq>(s->owner, s->kvs, s->i + 1, s->n, 0u, s->kind));
}

Value map_seq_first(Heap& h, const MapSeq* s) {
  switch (s->kind) {
    case MapSeqKind::Keys: return s->kvs[2 * s->i];
    case MapSeqKind::Vals: return s->kvs[2 * s->i + 1];
    case MapSeqKind::Entries: break;
  }
  return Value::object(h.make<MapEntry>(s->kvs[2 * s->i], s->kvs[2 * s->i + 1]));
}

}  // namespace clove
