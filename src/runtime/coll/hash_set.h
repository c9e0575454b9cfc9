// hash_set.h: PersistentHashSet, a set stored as a map from each element to itself
// (as clojure.lang.PersistentHashSet does), so `get` returns the stored element.
#pragma once
#include "gc/heap.h"
#include "core/object.h"

namespace clove {

class State;

struct HashSet : Obj {
  static constexpr ObjType kType = ObjType::HashSet;
  Value impl;  // a map (HashMap) whose keys are the elements
  Value meta;
  HashSet(Value m, Value md = Value::nil()) : Obj(kType), impl(m), meta(md) {}
  void trace(Tracer& t) {
    t.mark(impl);
    t.mark(meta);
  }
};

/// `#{}` with metadata.
Value empty_set(Heap& h, Value meta = Value::nil());
/// (conj s x); returns s itself when x is already there.
Value set_conj(State& vm, HashSet* s, Value x);
/// (disj s x); returns s itself when x is absent.
Value set_disj(State& vm, HashSet* s, Value x);

}  // namespace clove
