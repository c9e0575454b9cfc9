// seq.h: object types owned by the seq natives.
#pragma once
#include "gc/heap.h"
#include "core/object.h"

namespace clove {

/// (reduced x): tells reduce to stop with x (clojure.lang.Reduced).
struct Reduced : Obj {
  static constexpr ObjType kType = ObjType::Reduced;
  Value value;
  explicit Reduced(Value v) : Obj(kType), value(v) {}
  void trace(Tracer& t) { t.mark(value); }
};

}  // namespace clove
