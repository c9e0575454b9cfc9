// coll_ops.cpp: constructors and the generic collection operations of coll.h
// (count nth get contains? assoc dissoc conj peek pop meta with-meta), dispatching
// on type the way clojure.lang.RT does.
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
#include "runtime/coll/map_ops.h"
#include "runtime/coll/map_seq.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/range.h"
#include "runtime/coll/ref_types.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/string_seq.h"
#include "runtime/host/tagged.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "runtime/lang/function.h"
#include "state/namespace.h"
#include "runtime/num/number.h"
#include "runtime/lang/record.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

using namespace coll_detail;

// ---- construction ----

Value list_from(Heap& h, const Value* items, size_t n) {
  if (n == 0) return empty_list(h);
  Value rest = Value::nil();
  for (size_t i = n; i-- > 0;) rest = Value::object(h.make<List>(items[i], rest, static_cast<int64_t>(n - i)));
  return rest;
}

Value vector_from(Heap& h, const Value* items, size_t n) {
  if (n == 0) return empty_vector(h);
  auto cnt = static_cast<uint32_t>(n);
  uint32_t tailoff = cnt < 32 ? 0 : ((cnt - 1) >> 5) << 5;
  auto make_node = [&](uint32_t len) {
    VectorNode* node = h.make_extra<VectorNode>(len * sizeof(Value), len);
    for (uint32_t i = 0; i < len; ++i) node->slots()[i] = Value::nil();
    return node;
  };
  VectorNode* tail = make_node(cnt - tailoff);
  for (uint32_t i = tailoff; i < cnt; ++i) tail->slots()[i - tailoff] = items[i];
  if (tailoff == 0) return Value::object(h.make<Vector>(cnt, 5u, nullptr, tail));
  // Full leaves, then parents of 32 until one level holds at most 32 nodes.
  std::vector<VectorNode*> level;
  for (uint32_t i = 0; i < tailoff; i += 32) {
    VectorNode* leaf = make_node(32);
    for (uint32_t k = 0; k < 32; ++k) leaf->slots()[k] = items[i + k];
    level.push_back(leaf);
  }
  uint32_t shift = 5;
  while (level.size() > 32) {
    std::vector<VectorNode*> up;
    for (size_t i = 0; i < level.size(); i += 32) {
      VectorNode* p = make_node(32);
      for (size_t k = 0; k < 32 && i + k < level.size(); ++k) p->slots()[k] = Value::object(level[i + k]);
      up.push_back(p);
    }
    level.swap(up);
    shift += 5;
  }
  VectorNode* root = make_node(32);
  for (size_t k = 0; k < level.size(); ++k) root->slots()[k] = Value::object(level[k]);
  return Value::object(h.make<Vector>(cnt, shift, root, tail));
}

Value map_from(State& vm, const Value* kvs, size_t npairs) {
  if (npairs > ArrayMap::kMaxEntries) return hash_map_from(vm, kvs, npairs);
  // Deduplicate first (may realize lazy keys), allocate once at the end.
  std::vector<Value> out;
  out.reserve(2 * npairs);
  for (size_t i = 0; i < npairs; ++i) {
    size_t j = 0;
    for (; j < out.size(); j += 2)
      if (equiv(vm, kvs[2 * i], out[j])) break;
    if (j < out.size()) {
      out[j + 1] = kvs[2 * i + 1];
    } else {
      out.push_back(kvs[2 * i]);
      out.push_back(kvs[2 * i + 1]);
    }
  }
  ArrayMap* m = alloc_array_map(vm.heap, static_cast<uint32_t>(out.size() / 2));
  for (size_t i = 0; i < out.size(); ++i) m->kvs()[i] = out[i];
  return Value::object(m);
}

Value set_from(State& vm, const Value* items, size_t n) {
  RootScope scope(vm.heap);
  size_t slot = scope.push(empty_set(vm.heap));
  for (size_t i = 0; i < n; ++i) {
    Value s = set_conj(vm, static_cast<HashSet*>(scope[slot].as_obj()), items[i]);
    scope[slot] = s;
  }
  return scope[slot];
}

Value map_entry(Heap& h, Value k, Value v) { return Value::object(h.make<MapEntry>(k, v)); }

// ---- count / nth ----

int64_t count(State& vm, Value coll) {
  if (coll.is_nil()) return 0;
  if (!coll.is_obj()) unsupported("count", coll);
  Obj* o = coll.as_obj();
  switch (o->type) {
    case ObjType::List: return static_cast<List*>(o)->count;
    case ObjType::EmptyList: return 0;
    case ObjType::Vector: return static_cast<Vector*>(o)->cnt;
    case ObjType::MapEntry: return 2;
    case ObjType::ArrayMap: return static_cast<ArrayMap*>(o)->n;
    case ObjType::HashMap: return static_cast<HashMap*>(o)->count;
    case ObjType::HashSet: return map_count(static_cast<HashSet*>(o)->impl);
    case ObjType::String: return static_cast<String*>(o)->ncodepoints;
    case ObjType::ArraySeq: return static_cast<ArraySeq*>(o)->count();
    case ObjType::VectorSeq: return static_cast<VectorSeq*>(o)->count();
    case ObjType::Range: return static_cast<Range*>(o)->cnt;
    case ObjType::ArrayChunk: return static_cast<ArrayChunk*>(o)->count();
    case ObjType::MapSeq: return static_cast<MapSeq*>(o)->count();
    case ObjType::HashMapSeq: return static_cast<HashMapSeq*>(o)->remaining;
    case ObjType::StringSeq: return static_cast<StringSeq*>(o)->count();
    case ObjType::JavaArray: return static_cast<JavaArray*>(o)->length;
    case ObjType::JavaArraySeq: return static_cast<JavaArraySeq*>(o)->count();
    case ObjType::SortedMap: return static_cast<SortedMap*>(o)->count;
    case ObjType::SortedSet: return static_cast<SortedMap*>(static_cast<SortedSet*>(o)->impl.as_obj())->count;
    case ObjType::Queue: return static_cast<Queue*>(o)->cnt;
    case ObjType::Record: return record_count(vm, static_cast<Record*>(o));
    case ObjType::TransientVector:
    case ObjType::TransientArrayMap:
    case ObjType::TransientHashMap:
    case ObjType::TransientHashSet: return transient_count(coll);
    case ObjType::TreeSeq:
      if (static_cast<TreeSeq*>(o)->cnt >= 0) return static_cast<TreeSeq*>(o)->cnt;
      [[fallthrough]];
    case ObjType::QueueSeq:
    case ObjType::Cons:
    case ObjType::ChunkedCons:
    case ObjType::LazySeq: {
      // Walk until the end or a counted tail (RT.countFrom). The cursor is rooted here
      // and replaces coll, so when the caller has let go of the head (the COUNT
      // instruction and the count native do) the walk runs in constant memory.
      int64_t n = 0;
      RootScope scope(vm.heap);
      size_t s = scope.push(coll);
      scope[s] = seq(vm, scope[s]);
      while (!scope[s].is_nil()) {
        if (is_counted(scope[s])) return n + count(vm, scope[s]);
        ++n;
        scope[s] = next(vm, scope[s]);
      }
      return n;
    }
    default: unsupported("count", coll);
  }
}

static Value nth_impl(State& vm, Value coll, int64_t i, Value not_found, bool has_default) {
  if (coll.is_nil()) return has_default ? not_found : Value::nil();
  if (coll.is_obj()) {
    Obj* o = coll.as_obj();
    switch (o->type) {
      case ObjType::Vector: {
        auto* v = static_cast<Vector*>(o);
        if (i >= 0 && i < v->cnt) return v->nth(static_cast<uint32_t>(i));
        if (has_default) return not_found;
        index_out_of_bounds(i);
      }
      case ObjType::MapEntry: {
        auto* e = static_cast<MapEntry*>(o);
        if (i == 0) return e->key;
        if (i == 1) return e->val;
        if (has_default) return not_found;
        index_out_of_bounds(i);
      }
      case ObjType::String: {
        auto* s = static_cast<String*>(o);
        if (i >= 0 && i < s->ncodepoints) return Value::character(string_char_at(s, i));
        if (has_default) return not_found;
        // java.lang.StringIndexOutOfBoundsException
        throw_error(ErrorKind::IndexOutOfBoundsException, "String index out of range: " + std::to_string(i));
      }
      case ObjType::ArraySeq: {
        auto* a = static_cast<ArraySeq*>(o);
        if (i >= 0 && i < a->count()) return a->items[a->i + i];
        if (has_default) return not_found;
        index_out_of_bounds(i);
      }
      case ObjType::TransientVector: return transient_nth(coll, i, not_found, has_default);
      case ObjType::JavaArray: {
        // RT.nthFrom: Array.get, whose ArrayIndexOutOfBoundsException has no message.
        auto* a = static_cast<JavaArray*>(o);
        if (i >= 0 && i < a->length) return array_load(vm.heap, a, static_cast<uint32_t>(i));
        if (has_default) return not_found;
        throw_error(ErrorKind::ArrayIndexOutOfBoundsException, "");
      }
      case ObjType::JavaArraySeq: {
        auto* s = static_cast<JavaArraySeq*>(o);
        if (i >= 0 && i < s->count()) return array_load(vm.heap, s->arr, static_cast<uint32_t>(s->i + i));
        if (has_default) return not_found;
        index_out_of_bounds(i);
      }
      case ObjType::ArrayChunk: {
        auto* c = static_cast<ArrayChunk*>(o);
        if (i >= 0 && i < c->count()) return c->nth(static_cast<uint32_t>(i));
        if (has_default) return not_found;
        index_out_of_bounds(i);
      }
      case ObjType::Range: {
        auto* r = static_cast<Range*>(o);
        if (i >= 0 && i < r->cnt) return make_long(vm.heap, r->nth(i));
        if (has_default) return not_found;
        index_out_of_bounds(i);
      }
      default:
        if (is_sequential(coll)) {
          if (i >= 0) {
            // The cursor is rooted here and replaces coll (see count).
            RootScope scope(vm.heap);
            size_t s = scope.push(coll);
            scope[s] = seq(vm, scope[s]);
            for (int64_t k = 0; !scope[s].is_nil(); ++k) {
              if (k == i) return first(vm, scope[s]);
              scope[s] = next(vm, scope[s]);
            }
          }
          if (has_default) return not_found;
          index_out_of_bounds(i);
        }
        break;
    }
  }
  unsupported("nth", coll);
}

Value nth(State& vm, Value coll, int64_t i) { return nth_impl(vm, coll, i, Value::nil(), false); }
Value nth(State& vm, Value coll, int64_t i, Value not_found) { return nth_impl(vm, coll, i, not_found, true); }

// ---- lookup ----

Value get(State& vm, Value coll, Value key, Value not_found) {
  if (!coll.is_obj()) return not_found;
  Obj* o = coll.as_obj();
  switch (o->type) {
    case ObjType::ArrayMap:
    case ObjType::HashMap:
    case ObjType::SortedMap: return map_lookup(vm, coll, key, not_found);
    case ObjType::HashSet:
    case ObjType::SortedSet: {
      bool found = false;
      Value impl = o->type == ObjType::HashSet ? static_cast<HashSet*>(o)->impl : static_cast<SortedSet*>(o)->impl;
      Value k = map_lookup(vm, impl, key, Value::nil(), &found);
      return found ? k : not_found;
    }
    case ObjType::TransientVector:
    case ObjType::TransientArrayMap:
    case ObjType::TransientHashMap:
    case ObjType::TransientHashSet: return transient_get(vm, coll, key, not_found);
    case ObjType::JavaArray: {
      // RT.get: any numeric key, as Number.intValue.
      if (!is_number(key)) return not_found;
      int64_t i = number_int_value(key);
      auto* a = static_cast<JavaArray*>(o);
      return (i >= 0 && i < a->length) ? array_load(vm.heap, a, static_cast<uint32_t>(i)) : not_found;
    }
    case ObjType::Vector:
    case ObjType::MapEntry:
    case ObjType::String: {
      if (!is_long(key)) return not_found;
      int64_t i = as_long(key);
      return (i >= 0 && i < count(vm, coll)) ? nth(vm, coll, i) : not_found;
    }
    case ObjType::Record: return record_get(vm, static_cast<Record*>(o), key, not_found);
    case ObjType::TaggedLiteral: return tagged_literal_get(vm, static_cast<TaggedLiteral*>(o), key, not_found);
    default: return not_found;
  }
}

bool contains(State& vm, Value coll, Value key) {
  if (coll.is_nil()) return false;
  if (coll.is_obj()) {
    Obj* o = coll.as_obj();
    switch (o->type) {
      case ObjType::ArrayMap:
      case ObjType::HashMap:
      case ObjType::SortedMap: {
        bool found = false;
        map_lookup(vm, coll, key, Value::nil(), &found);
        return found;
      }
      case ObjType::HashSet: {
        bool found = false;
        map_lookup(vm, static_cast<HashSet*>(o)->impl, key, Value::nil(), &found);
        return found;
      }
      case ObjType::SortedSet: {
        bool found = false;
        map_lookup(vm, static_cast<SortedSet*>(o)->impl, key, Value::nil(), &found);
        return found;
      }
      case ObjType::TransientVector:
      case ObjType::TransientArrayMap:
      case ObjType::TransientHashMap:
      case ObjType::TransientHashSet: {
        bool found = false;
        transient_get(vm, coll, key, Value::nil(), &found);
        return found;
      }
      case ObjType::JavaArray:
      case ObjType::String: {
        // RT.contains: a numeric key (intValue, so 1.5 is 1) within the bounds (code
        // points for a string); other keys throw.
        if (!is_number(key)) break;
        double d = to_double(key);
        double n = o->type == ObjType::String ? static_cast<double>(count(vm, coll))
                                              : static_cast<double>(static_cast<JavaArray*>(o)->length);
        return d > -1 && d < n;
      }
      case ObjType::Vector:
      case ObjType::MapEntry: {
        if (!is_long(key)) return false;
        int64_t i = as_long(key);
        return i >= 0 && i < count(vm, coll);
      }
      case ObjType::Record: {
        bool found = false;
        record_get(vm, static_cast<Record*>(o), key, Value::nil(), &found);
        return found;
      }
      default: break;
    }
  }
  throw_error(ErrorKind::IllegalArgumentException, std::string("contains? not supported on type: ") + class_name(coll));
}

// ---- update ----

static Value entry_as_vector(Heap& h, const MapEntry* e, Value meta = Value::nil()) {
  Value kv[2] = {e->key, e->val};
  Value v = vector_from(h, kv, 2);
  static_cast<Vector*>(v.as_obj())->meta = meta;
  return v;
}

Value assoc(State& vm, Value coll, Value key, Value val) {
  Heap& h = vm.heap;
  if (coll.is_nil()) {
    ArrayMap* m = alloc_array_map(h, 1);
    m->kvs()[0] = key;
    m->kvs()[1] = val;
    return Value::object(m);
  }
  if (is_map(coll)) return map_assoc(vm, coll, key, val);
  if (is_record(coll)) return record_assoc(vm, static_cast<Record*>(coll.as_obj()), key, val);
  if (is<Vector>(coll) || is<MapEntry>(coll)) {
    if (!is_long(key)) throw_error(ErrorKind::IllegalArgumentException, "Key must be integer");
    Value v = is<MapEntry>(coll) ? entry_as_vector(h, static_cast<MapEntry*>(coll.as_obj())) : coll;
    return vector_assoc(h, static_cast<Vector*>(v.as_obj()), as_long(key), val);
  }
  cannot_cast(coll, "Associative");
}

Value dissoc(State& vm, Value coll, Value key) {
  if (coll.is_nil()) return coll;
  if (is_map(coll)) return map_dissoc(vm, coll, key);
  if (is_record(coll)) return record_dissoc(vm, static_cast<Record*>(coll.as_obj()), key);
  cannot_cast(coll, "IPersistentMap");
}

// (conj map x): x is a MapEntry, a [k v] vector, or a seqable of entries (a map).
static Value map_conj(State& vm, Value map, Value x) {
  if (MapEntry* e = as<MapEntry>(x)) return map_assoc(vm, map, e->key, e->val);
  if (Vector* v = as<Vector>(x)) {
    if (v->cnt != 2) throw_error(ErrorKind::IllegalArgumentException, "Vector arg to map conj must be a pair");
    return map_assoc(vm, map, v->nth(0), v->nth(1));
  }
  RootScope scope(vm.heap);
  size_t ret = scope.push(map);
  size_t cur = scope.push(seq(vm, x));
  while (!scope[cur].is_nil()) {
    Value e = first(vm, scope[cur]);
    MapEntry* me = as<MapEntry>(e);
    if (!me) cannot_cast(e, "Map$Entry");
    scope[ret] = map_assoc(vm, scope[ret], me->key, me->val);
    scope[cur] = next(vm, scope[cur]);
  }
  return scope[ret];
}

Value conj(State& vm, Value coll, Value x) {
  Heap& h = vm.heap;
  if (coll.is_nil()) return Value::object(h.make<List>(x, Value::nil(), 1));
  if (!coll.is_obj()) cannot_cast(coll, "IPersistentCollection");
  Obj* o = coll.as_obj();
  switch (o->type) {
    case ObjType::List:
    case ObjType::EmptyList: return list_cons(h, x, coll);
    case ObjType::Vector: return vector_conj(h, static_cast<Vector*>(o), x);
    case ObjType::MapEntry: {
      Value v = entry_as_vector(h, static_cast<MapEntry*>(o));
      return vector_conj(h, static_cast<Vector*>(v.as_obj()), x);
    }
    case ObjType::ArrayMap:
    case ObjType::HashMap:
    case ObjType::SortedMap: return map_conj(vm, coll, x);
    case ObjType::HashSet: return set_conj(vm, static_cast<HashSet*>(o), x);
    case ObjType::SortedSet: return sorted_set_conj(vm, static_cast<SortedSet*>(o), x);
    case ObjType::Queue: return queue_conj(vm, static_cast<Queue*>(o), x);
    case ObjType::Record: return record_conj(vm, static_cast<Record*>(o), x);
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
    case ObjType::Range: return Value::object(h.make<Cons>(x, coll));
    default: cannot_cast(coll, "IPersistentCollection");
  }
}

Value peek(State& vm, Value coll) {
  if (coll.is_nil()) return coll;
  if (List* l = as<List>(coll)) return l->first;
  if (is<EmptyList>(coll)) return Value::nil();
  if (Vector* v = as<Vector>(coll)) return v->cnt ? v->nth(v->cnt - 1) : Value::nil();
  if (MapEntry* e = as<MapEntry>(coll)) return e->val;
  if (Queue* q = as<Queue>(coll)) return queue_peek(vm, q);
  cannot_cast(coll, "IPersistentStack");
}

Value pop(State& vm, Value coll) {
  Heap& h = vm.heap;
  if (coll.is_nil()) return coll;
  if (List* l = as<List>(coll)) {
    if (l->rest.is_nil()) return empty_list(h, l->meta);
    return l->rest;
  }
  if (is<EmptyList>(coll)) throw_error(ErrorKind::IllegalStateException, "Can't pop empty list");
  if (Vector* v = as<Vector>(coll)) return vector_pop(h, v);
  if (MapEntry* e = as<MapEntry>(coll)) return vector_from(h, &e->key, 1);
  if (Queue* q = as<Queue>(coll)) return queue_pop(vm, q);
  cannot_cast(coll, "IPersistentStack");
}

// ---- metadata ----

Value meta(Value v) {
  if (!v.is_obj()) return Value::nil();
  Obj* o = v.as_obj();
  switch (o->type) {
    case ObjType::List: return static_cast<List*>(o)->meta;
    case ObjType::EmptyList: return static_cast<EmptyList*>(o)->meta;
    case ObjType::Cons: return static_cast<Cons*>(o)->meta;
    case ObjType::ArraySeq: return static_cast<ArraySeq*>(o)->meta;
    case ObjType::LazySeq: return static_cast<LazySeq*>(o)->meta;
    case ObjType::Vector: return static_cast<Vector*>(o)->meta;
    case ObjType::VectorSeq: return static_cast<VectorSeq*>(o)->meta;
    case ObjType::ChunkedCons: return static_cast<ChunkedCons*>(o)->meta;
    case ObjType::Range: return static_cast<Range*>(o)->meta;
    case ObjType::MapSeq: return static_cast<MapSeq*>(o)->meta;
    case ObjType::HashMapSeq: return static_cast<HashMapSeq*>(o)->meta;
    case ObjType::StringSeq: return static_cast<StringSeq*>(o)->meta;
    case ObjType::TreeSeq: return static_cast<TreeSeq*>(o)->meta;
    case ObjType::QueueSeq: return static_cast<QueueSeq*>(o)->meta;
    case ObjType::JavaArraySeq: return static_cast<JavaArraySeq*>(o)->meta;
    case ObjType::ArrayMap:
    case ObjType::HashMap:
    case ObjType::SortedMap: return map_meta(v);
    case ObjType::HashSet: return static_cast<HashSet*>(o)->meta;
    case ObjType::SortedSet: return static_cast<SortedSet*>(o)->meta;
    case ObjType::Queue: return static_cast<Queue*>(o)->meta;
    case ObjType::Atom: return static_cast<Atom*>(o)->meta;
    case ObjType::Symbol: return static_cast<Symbol*>(o)->meta;
    case ObjType::Var: return static_cast<Var*>(o)->meta;
    case ObjType::Namespace: return static_cast<Namespace*>(o)->meta;
    case ObjType::Closure: return static_cast<Closure*>(o)->meta;
    case ObjType::Native: return static_cast<Native*>(o)->meta;
    case ObjType::Record:
    case ObjType::TypeInstance: return static_cast<Record*>(o)->meta;
    case ObjType::Reify: return static_cast<Reify*>(o)->meta;
    default: return Value::nil();
  }
}

Value with_meta(State& vm, Value v, Value m) {
  Heap& h = vm.heap;
  if (!m.is_nil() && !is_map(m)) cannot_cast(m, "IPersistentMap");
  if (!v.is_obj()) cannot_cast(v, "IObj");
  Obj* o = v.as_obj();
  switch (o->type) {
    case ObjType::List: {
      auto* l = static_cast<List*>(o);
      return Value::object(h.make<List>(l->first, l->rest, l->count, m));
    }
    case ObjType::EmptyList: return empty_list(h, m);
    case ObjType::Cons: {
      auto* c = static_cast<Cons*>(o);
      return Value::object(h.make<Cons>(c->first, c->more, m));
    }
    case ObjType::ArraySeq: {
      auto* a = static_cast<ArraySeq*>(o);
      ArraySeq* r = h.make<ArraySeq>(a->owner, a->items, a->i, a->n, 0u);
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::LazySeq: {
      // Like Clojure: the copy holds the realized seq.
      Value s = lazy_seq_seq(vm, static_cast<LazySeq*>(o));
      LazySeq* r = h.make<LazySeq>(Value::nil(), m);
      r->s = s;
      r->realized = true;
      return Value::object(r);
    }
    case ObjType::Vector: return vector_with_meta(h, static_cast<Vector*>(o), m);
    case ObjType::MapEntry: return entry_as_vector(h, static_cast<MapEntry*>(o), m);
    case ObjType::ChunkedCons: {
      auto* c = static_cast<ChunkedCons*>(o);
      return Value::object(h.make<ChunkedCons>(c->chunk, c->skip, c->more, m));
    }
    case ObjType::Range: {
      auto* r = static_cast<Range*>(o);
      return Value::object(h.make<Range>(r->start, r->step, r->cnt, m));
    }
    case ObjType::VectorSeq: {
      auto* s = static_cast<VectorSeq*>(o);
      VectorSeq* r = h.make<VectorSeq>(s->vec, s->leaf, s->i);
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::MapSeq: {
      auto* s = static_cast<MapSeq*>(o);
      MapSeq* r = h.make<MapSeq>(s->owner, s->kvs, s->i, s->n, 0u, s->kind);
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::HashMapSeq: {
      auto* s = static_cast<HashMapSeq*>(o);
      HashMapSeq* r = h.make<HashMapSeq>();
      r->remaining = s->remaining;
      r->depth = s->depth;
      r->kind = s->kind;
      r->at_null = s->at_null;
      r->null_val = s->null_val;
      for (uint32_t d = 0; d < s->depth; ++d) r->stack[d] = s->stack[d];
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::StringSeq: {
      auto* s = static_cast<StringSeq*>(o);
      StringSeq* r = h.make<StringSeq>(s->str, s->pos, s->index);
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::TreeSeq: {
      auto* s = static_cast<TreeSeq*>(o);
      TreeSeq* r = h.make<TreeSeq>(s->stack, s->cnt, s->asc, s->keys_only);
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::QueueSeq: {
      auto* s = static_cast<QueueSeq*>(o);
      QueueSeq* r = h.make<QueueSeq>(s->f, s->rseq);
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::JavaArraySeq: {
      auto* s = static_cast<JavaArraySeq*>(o);
      JavaArraySeq* r = h.make<JavaArraySeq>(s->arr, s->i);
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::ArrayMap:
    case ObjType::HashMap:
    case ObjType::SortedMap: return map_with_meta(h, v, m);
    case ObjType::HashSet: return Value::object(h.make<HashSet>(static_cast<HashSet*>(o)->impl, m));
    case ObjType::SortedSet: return Value::object(h.make<SortedSet>(static_cast<SortedSet*>(o)->impl, m));
    case ObjType::Queue: {
      auto* q = static_cast<Queue*>(o);
      return Value::object(h.make<Queue>(q->cnt, q->f, q->r, m));
    }
    case ObjType::Symbol: {
      auto* s = static_cast<Symbol*>(o);
      Symbol* r = h.make<Symbol>(s->ns, s->name);
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::Closure: {
      auto* c = static_cast<Closure*>(o);
      Closure* r = h.make_extra<Closure>(c->nupvals * sizeof(Value), c->fn, c->nupvals);
      for (uint32_t i = 0; i < c->nupvals; ++i) r->upvals()[i] = c->upvals()[i];
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::Native: {
      auto* n = static_cast<Native*>(o);
      Native* r = h.make<Native>(n->fn, n->name, n->doc, n->arglists, n->min_args, n->max_args);
      r->meta = m;
      return Value::object(r);
    }
    case ObjType::Record:
    case ObjType::TypeInstance:
    case ObjType::Reify: return instance_with_meta(vm, v, m);
    default: cannot_cast(v, "IObj");
  }
}

}  // namespace clove
