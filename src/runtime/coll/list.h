// list.h: PersistentList (a counted cons list), the empty list, and Cons.
//
// List   a cell with `first`, `rest` (the next List, or nil at the last cell) and the
//        number of elements from this cell on, so `count` is O(1) as in Clojure.
// EmptyList  `()`: a seq with no elements (never nil; `(seq ())` is nil).
// Cons   a cell prepended to any seq (`rest` may be nil, a seq or a LazySeq), made by
//        `cons` on something that is not a list. Its count walks the chain.
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

struct List : Obj {
  static constexpr ObjType kType = ObjType::List;
  Value first;
  Value rest;  // a List, or nil at the last cell
  int64_t count;
  Value meta;
  List(Value f, Value r, int64_t n, Value m = Value::nil()) : Obj(kType), first(f), rest(r), count(n), meta(m) {}
  void trace(Tracer& t) {
    t.mark(first);
    t.mark(rest);
    t.mark(meta);
  }
};

struct EmptyList : Obj {
  static constexpr ObjType kType = ObjType::EmptyList;
  Value meta;
  explicit EmptyList(Value m = Value::nil()) : Obj(kType), meta(m) {}
  void trace(Tracer& t) { t.mark(meta); }
};

struct Cons : Obj {
  static constexpr ObjType kType = ObjType::Cons;
  Value first;
  Value more;  // nil, or any seq (possibly lazy)
  Value meta;
  Cons(Value f, Value m, Value md = Value::nil()) : Obj(kType), first(f), more(m), meta(md) {}
  void trace(Tracer& t) {
    t.mark(first);
    t.mark(more);
    t.mark(meta);
  }
};

/// A fresh `()` with metadata `meta`.
inline Value empty_list(Heap& h, Value meta = Value::nil()) { return Value::object(h.make<EmptyList>(meta)); }
/// (x . list): `list` must be a List, an EmptyList or nil.
Value list_cons(Heap& h, Value x, Value list);

}  // namespace clove
