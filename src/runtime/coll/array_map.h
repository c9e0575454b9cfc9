// array_map.h: PersistentArrayMap, a map kept as a flat array of keys and values.
//
// Small maps (up to kMaxEntries pairs, as Clojure's HASHTABLE_THRESHOLD/2) are stored
// as [k0 v0 k1 v1 ...] in insertion order after the header, searched linearly with
// `=`. Growing past kMaxEntries turns the map into a HashMap (hash_map.h), like
// Clojure. Every update copies the array (at most 16 Values).
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"
#include "runtime/text/string.h"

namespace clove {

class State;

struct ArrayMap : Obj {
  static constexpr ObjType kType = ObjType::ArrayMap;
  static constexpr uint32_t kMaxEntries = 8;
  uint32_t n;  // number of pairs
  Value meta;
  explicit ArrayMap(uint32_t count, Value m = Value::nil()) : Obj(kType), n(count), meta(m) {}
  Value* kvs() { return reinterpret_cast<Value*>(this + 1); }
  const Value* kvs() const { return reinterpret_cast<const Value*>(this + 1); }
  void trace(Tracer& t) {
    for (uint32_t i = 0; i < 2 * n; ++i) t.mark(kvs()[i]);
    t.mark(meta);
  }
  size_t byte_size() const { return sizeof(ArrayMap) + 2 * n * sizeof(Value); }
};

/// A map with `npairs` uninitialised pairs, to be filled by the caller before use.
ArrayMap* alloc_array_map(Heap& h, uint32_t npairs, Value meta = Value::nil());
/// `{}` with metadata.
Value empty_array_map(Heap& h, Value meta = Value::nil());
/// Index of the pair whose key is the keyword kw, or -1: keywords are interned, so
/// identity is `=` (inline: `(:k m)` in get runs it with no call). The pair where kw
/// was last found (Keyword::slot_hint) is tried first; a scan that finds kw elsewhere
/// moves the hint there.
inline int64_t array_map_keyword_index(const ArrayMap* m, Value kw) {
  const Value* kv = m->kvs();
  auto* k = static_cast<Keyword*>(kw.as_obj());
  const uint32_t h = k->slot_hint;
  if (h < m->n && kv[2 * h] == kw) return h;
  for (uint32_t i = 0; i < m->n; ++i)
    if (kv[2 * i] == kw) {
      k->slot_hint = i;
      return i;
    }
  return -1;
}
/// Index of the pair whose key is `=` to key, or -1 (may realize lazy seqs).
int64_t array_map_index(State& vm, const ArrayMap* m, Value key);
/// (assoc m k v); promotes to a HashMap past kMaxEntries pairs.
Value array_map_assoc(State& vm, const ArrayMap* m, Value key, Value val);
/// (dissoc m k)
Value array_map_dissoc(State& vm, const ArrayMap* m, Value key);

}  // namespace clove
