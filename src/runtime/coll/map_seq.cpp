// map_seq.cpp: seqs over maps.
#include "runtime/coll/map_seq.h"

#include "runtime/coll/array_map.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/map_entry.h"

namespace clove {

Value map_seq(Heap& h, Value map, MapSeqKind kind) {
  if (ArrayMap* a = as<ArrayMap>(map)) {
    if (a->n == 0) return Value::nil();
    return Value::object(h.make<MapSeq>(a, a->kvs(), 0u, a->n, 0u, kind));
  }
  return hash_map_seq(h, static_cast<HashMap*>(map.as_obj()), static_cast<uint8_t>(kind));
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
