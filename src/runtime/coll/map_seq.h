// map_seq.h: MapSeq, a seq over a map's entries, keys or values.
//
// A MapSeq walks a flat [k0 v0 k1 v1 ...] array: an ArrayMap's own storage (or a
// snapshot held after the first MapSeq's header and shared by every `next`, like
// ArraySeq). A HashMap's seq is a HashMapSeq instead (hash_map.h), which walks the trie.
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

enum class MapSeqKind : uint8_t { Entries, Keys, Vals };

struct MapSeq : Obj {
  static constexpr ObjType kType = ObjType::MapSeq;
  Obj* owner;        // the ArrayMap or the MapSeq whose storage `kvs` points into
  const Value* kvs;  // 2 * n Values
  uint32_t i;        // current pair (i < n)
  uint32_t n;        // pairs in kvs
  uint32_t owned;    // Values stored after this header (0 unless it owns the snapshot)
  MapSeqKind kind;
  Value meta;
  MapSeq(Obj* o, const Value* p, uint32_t idx, uint32_t count, uint32_t own, MapSeqKind k)
      : Obj(kType), owner(o), kvs(p), i(idx), n(count), owned(own), kind(k) {}
  Value* storage() { return reinterpret_cast<Value*>(this + 1); }
  int64_t count() const { return n - i; }
  void trace(Tracer& t) {
    if (owner != this) t.mark(owner);
    for (uint32_t k = 0; k < owned; ++k) t.mark(storage()[k]);
    t.mark(meta);
  }
  size_t byte_size() const { return sizeof(MapSeq) + owned * sizeof(Value); }
};

/// A seq of the entries/keys/values of a map: a MapSeq for an ArrayMap, a HashMapSeq
/// for a HashMap; nil when empty.
Value map_seq(Heap& h, Value map, MapSeqKind kind = MapSeqKind::Entries);
/// The seq after `s`'s first element, or nil.
Value map_seq_next(Heap& h, const MapSeq* s);
/// The first element of `s` (a fresh MapEntry for Entries).
Value map_seq_first(Heap& h, const MapSeq* s);

}  // namespace clove
