// seq_ops.cpp: the seq abstraction (clojure.lang.RT seq/first/next/more/cons) and the
// collection predicates, dispatching on the value's type.
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/host/array.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/array_seq.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/map_seq.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/range.h"
#include "runtime/num/number.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/string_seq.h"
#include "runtime/coll/vector.h"
#include "runtime/lang/record.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

using namespace coll_detail;

bool is_list(Value v) { return is<List>(v) || is<EmptyList>(v); }
bool is_vector(Value v) { return is<Vector>(v) || is<MapEntry>(v); }
bool is_map(Value v) { return is<ArrayMap>(v) || is<HashMap>(v) || is<SortedMap>(v); }
bool is_set(Value v) { return is<HashSet>(v) || is<SortedSet>(v); }

bool is_seq(Value v) {
  if (!v.is_obj()) return false;
  switch (v.as_obj()->type) {
    case ObjType::List:
    case ObjType::EmptyList:
    case ObjType::Cons:
    case ObjType::ArraySeq:
    case ObjType::LazySeq:
    case ObjType::VectorSeq:
    case ObjType::MapSeq:
    case ObjType::HashMapSeq:
    case ObjType::StringSeq:
    case ObjType::TreeSeq:
    case ObjType::QueueSeq:
    case ObjType::ChunkedCons:
    case ObjType::JavaArraySeq:
    case ObjType::Range: return true;
    default: return false;
  }
}

bool is_sequential(Value v) { return is_seq(v) || is<Vector>(v) || is<MapEntry>(v) || is<Queue>(v); }

bool is_coll(Value v) { return is_seq(v) || is_vector(v) || is_map(v) || is_set(v) || is<Queue>(v) || is_record(v); }

bool is_counted(Value v) {
  if (!v.is_obj()) return false;
  switch (v.as_obj()->type) {
    case ObjType::List:
    case ObjType::EmptyList:
    case ObjType::ArraySeq:
    case ObjType::VectorSeq:
    case ObjType::MapSeq:
    case ObjType::HashMapSeq:
    case ObjType::StringSeq:
    case ObjType::Vector:
    case ObjType::MapEntry:
    case ObjType::ArrayMap:
    case ObjType::HashMap:
    case ObjType::HashSet:
    case ObjType::SortedMap:
    case ObjType::SortedSet:
    case ObjType::Queue:
    case ObjType::QueueSeq:
    case ObjType::Range:
    case ObjType::ArrayChunk:
    case ObjType::JavaArraySeq:
    case ObjType::Record: return true;
    case ObjType::TreeSeq: return static_cast<TreeSeq*>(v.as_obj())->cnt >= 0;
    default: return false;
  }
}

Value seq(State& vm, Value coll) {
  if (coll.is_nil()) return coll;
  if (!coll.is_obj()) not_seqable(coll);
  Heap& h = vm.heap;
  Obj* o = coll.as_obj();
  switch (o->type) {
    case ObjType::List:
    case ObjType::Cons:
    case ObjType::ArraySeq:
    case ObjType::VectorSeq:
    case ObjType::MapSeq:
    case ObjType::HashMapSeq:
    case ObjType::StringSeq:
    case ObjType::TreeSeq:
    case ObjType::QueueSeq:
    case ObjType::ChunkedCons:
    case ObjType::JavaArraySeq:
    case ObjType::Range: return coll;
    case ObjType::EmptyList: return Value::nil();
    case ObjType::JavaArray: return java_array_seq(h, static_cast<JavaArray*>(o));
    case ObjType::LazySeq: return lazy_seq_seq(vm, static_cast<LazySeq*>(o));
    case ObjType::Vector: return vector_seq(h, static_cast<Vector*>(o));
    case ObjType::MapEntry: {
      auto* e = static_cast<MapEntry*>(o);
      Value kv[2] = {e->key, e->val};
      return array_seq(h, kv, 2);
    }
    case ObjType::ArrayMap:
    case ObjType::HashMap: return map_seq(h, coll);
    case ObjType::HashSet: return map_seq(h, static_cast<HashSet*>(o)->impl, MapSeqKind::Keys);
    case ObjType::SortedMap: return sorted_map_seq(h, static_cast<SortedMap*>(o), true);
    case ObjType::SortedSet: return sorted_map_seq(h, static_cast<SortedMap*>(static_cast<SortedSet*>(o)->impl.as_obj()), true, true);
    case ObjType::Queue: return queue_seq(vm, static_cast<Queue*>(o));
    case ObjType::Record: return record_seq(vm, static_cast<Record*>(o));
    case ObjType::String: return string_seq(h, static_cast<String*>(o));
    default: not_seqable(coll);
  }
}

// first of a value already known to be a non-nil seq.
static Value seq_first(State& vm, Value s) {
  Obj* o = s.as_obj();
  switch (o->type) {
    case ObjType::List: return static_cast<List*>(o)->first;
    case ObjType::Cons: return static_cast<Cons*>(o)->first;
    case ObjType::ArraySeq: {
      auto* a = static_cast<ArraySeq*>(o);
      return a->items[a->i];
    }
    case ObjType::VectorSeq: return static_cast<VectorSeq*>(o)->first();
    case ObjType::MapSeq: return map_seq_first(vm.heap, static_cast<MapSeq*>(o));
    case ObjType::HashMapSeq: {
      auto* hs = static_cast<HashMapSeq*>(o);
      Value k, v;
      hash_map_seq_entry(hs, &k, &v);
      switch (static_cast<MapSeqKind>(hs->kind)) {
        case MapSeqKind::Keys: return k;
        case MapSeqKind::Vals: return v;
        case MapSeqKind::Entries: break;
      }
      return Value::object(vm.heap.make<MapEntry>(k, v));
    }
    case ObjType::StringSeq: return string_seq_first(static_cast<StringSeq*>(o));
    case ObjType::TreeSeq: return tree_seq_first(vm.heap, static_cast<TreeSeq*>(o));
    case ObjType::QueueSeq: return queue_seq_first(vm, static_cast<QueueSeq*>(o));
    case ObjType::ChunkedCons: return static_cast<ChunkedCons*>(o)->first();
    case ObjType::Range: return make_long(vm.heap, static_cast<Range*>(o)->start);
    case ObjType::JavaArraySeq: return java_array_seq_first(vm.heap, static_cast<JavaArraySeq*>(o));
    default: return Value::nil();
  }
}

// next of a value already known to be a non-nil seq (not lazy).
static Value seq_next(State& vm, Value s) {
  Obj* o = s.as_obj();
  switch (o->type) {
    case ObjType::List: return static_cast<List*>(o)->rest;
    case ObjType::Cons: return seq(vm, static_cast<Cons*>(o)->more);
    case ObjType::ArraySeq: return array_seq_next(vm.heap, static_cast<ArraySeq*>(o));
    case ObjType::VectorSeq: return vector_seq_next(vm.heap, static_cast<VectorSeq*>(o));
    case ObjType::MapSeq: return map_seq_next(vm.heap, static_cast<MapSeq*>(o));
    case ObjType::HashMapSeq: return hash_map_seq_next(vm.heap, static_cast<HashMapSeq*>(o));
    case ObjType::StringSeq: return string_seq_next(vm.heap, static_cast<StringSeq*>(o));
    case ObjType::TreeSeq: return tree_seq_next(vm.heap, static_cast<TreeSeq*>(o));
    case ObjType::QueueSeq: return queue_seq_next(vm, static_cast<QueueSeq*>(o));
    case ObjType::ChunkedCons: return chunked_cons_next(vm, static_cast<ChunkedCons*>(o));
    case ObjType::Range: return range_next(vm.heap, static_cast<Range*>(o));
    case ObjType::JavaArraySeq: return java_array_seq_next(vm.heap, static_cast<JavaArraySeq*>(o));
    default: return Value::nil();
  }
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
