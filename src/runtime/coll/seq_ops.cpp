// seq_ops.cpp: the seq abstraction (clojure.lang.RT seq/first/next/more/cons) and the
// collection predicates. The predicates read the type's traits (core/traits.h); seq,
// first and next handle the commonest types inline and dispatch through the type table
// (TypeInfo::seq/first/next, registered in coll_types.cpp and by the modules above coll)
// for the rest.
#include "runtime/coll/coll.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/vector.h"
#include "state/state.h"

namespace clove {

using namespace coll_detail;

bool is_list(Value v) { return is<List>(v) || is<EmptyList>(v); }
bool is_vector(Value v) { return has_traits(v, trait::IPersistentVector); }
bool is_map(Value v) { return is<ArrayMap>(v) || is<HashMap>(v) || is<SortedMap>(v); }
bool is_set(Value v) { return has_traits(v, trait::IPersistentSet); }
bool is_seq(Value v) { return has_traits(v, trait::ISeq); }
bool is_sequential(Value v) { return has_traits(v, trait::Sequential); }
bool is_coll(Value v) { return has_traits(v, trait::IPersistentCollection); }
bool is_counted(Value v) { return has_traits(v, trait::Counted); }

Value seq(State& vm, Value coll) {
  if (coll.is_nil()) return coll;
  if (!coll.is_obj()) not_seqable(coll);
  Obj* o = coll.as_obj();
  switch (o->type) {  // the commonest, inline
    case ObjType::List:
    case ObjType::Cons: return coll;
    case ObjType::Vector: return vector_seq(vm.heap, static_cast<Vector*>(o));
    default: break;
  }
  const TypeInfo& ti = type_of(o);
  if (ti.seq) return ti.seq(vm, o);
  if (ti.traits & trait::ISeq) return coll;  // a seq is its own seq
  not_seqable(coll);
}

// first of a value already known to be a non-nil seq.
static Value seq_first(State& vm, Value s) {
  Obj* o = s.as_obj();
  switch (o->type) {
    case ObjType::List: return static_cast<List*>(o)->first;
    case ObjType::Cons: return static_cast<Cons*>(o)->first;
    case ObjType::VectorSeq: return static_cast<VectorSeq*>(o)->first();
    case ObjType::ChunkedCons: return static_cast<ChunkedCons*>(o)->first();
    default: break;
  }
  auto f = type_of(o).first;
  return f ? f(vm, o) : Value::nil();
}

// next of a value already known to be a non-nil seq (not lazy).
static Value seq_next(State& vm, Value s) {
  Obj* o = s.as_obj();
  switch (o->type) {
    case ObjType::List: return static_cast<List*>(o)->rest;
    case ObjType::Cons: return seq(vm, static_cast<Cons*>(o)->more);
    case ObjType::VectorSeq: return vector_seq_next(vm.heap, static_cast<VectorSeq*>(o));
    default: break;
  }
  auto f = type_of(o).next;
  return f ? f(vm, o) : Value::nil();
}

Value first(State& vm, Value coll) {
  if (coll.is_obj()) {
    Obj* o = coll.as_obj();
    switch (o->type) {
      case ObjType::List: return static_cast<List*>(o)->first;
      case ObjType::Cons: return static_cast<Cons*>(o)->first;
      case ObjType::Vector: {
        auto* v = static_cast<Vector*>(o);
        return v->cnt ? v->nth(0) : Value::nil();
      }
      case ObjType::MapEntry: return static_cast<MapEntry*>(o)->key;
      default: break;
    }
  }
  Value s = seq(vm, coll);
  return s.is_nil() ? s : seq_first(vm, s);
}

Value next(State& vm, Value coll) {
  if (is<List>(coll)) return static_cast<List*>(coll.as_obj())->rest;
  Value s = seq(vm, coll);
  return s.is_nil() ? s : seq_next(vm, s);
}

Value rest(State& vm, Value coll) {
  if (coll.is_obj()) {
    Obj* o = coll.as_obj();
    if (o->type == ObjType::List) {
      Value r = static_cast<List*>(o)->rest;
      return r.is_nil() ? empty_list(vm.heap) : r;
    }
    if (o->type == ObjType::Cons) {
      Value m = static_cast<Cons*>(o)->more;
      return m.is_nil() ? empty_list(vm.heap) : m;
    }
  }
  Value s = seq(vm, coll);
  if (s.is_nil()) return empty_list(vm.heap);
  if (Cons* c = as<Cons>(s)) return c->more.is_nil() ? empty_list(vm.heap) : c->more;
  Value n = seq_next(vm, s);
  return n.is_nil() ? empty_list(vm.heap) : n;
}

Value cons(State& vm, Value x, Value coll) {
  Heap& h = vm.heap;
  if (coll.is_nil()) return Value::object(h.make<List>(x, Value::nil(), 1));
  if (is_seq(coll)) return Value::object(h.make<Cons>(x, coll));
  Value s = seq(vm, coll);
  return Value::object(h.make<Cons>(x, s));
}

}  // namespace clove
