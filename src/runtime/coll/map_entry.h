// map_entry.h: MapEntry, a key/value pair that behaves as the 2-vector [k v].
//
// Seqs over maps yield MapEntries; `key`/`val` read them; `=`, `hash`, `nth`, `count`
// and printing treat them exactly like a vector of two elements.
#pragma once
#include "gc/heap.h"
#include "core/object.h"

namespace clove {

struct MapEntry : Obj {
  static constexpr ObjType kType = ObjType::MapEntry;
  Value key;
  Value val;
  MapEntry(Value k, Value v) : Obj(kType), key(k), val(v) {}
  void trace(Tracer& t) {
    t.mark(key);
    t.mark(val);
  }
};

}  // namespace clove
