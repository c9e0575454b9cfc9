// coll_ops.cpp: constructors and the generic collection operations of coll.h
// (count nth get contains? assoc dissoc conj peek pop meta with-meta), dispatching
// on type the way clojure.lang.RT does: the commonest types inline, every other type
// through its operations in the type table (TypeInfo, registered in coll_types.cpp
// and by the modules above coll), then the rule for its traits.
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/map_ops.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/vector.h"
#include "runtime/num/number.h"
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

namespace {

VectorNode* leaf_of(Heap& h, const Value* items) {
  VectorNode* leaf = new_vector_node(h, 32);
  for (uint32_t k = 0; k < 32; ++k) leaf->slots()[k] = items[k];
  return leaf;
}

/// The vector of the full leaves in `level` (consumed) and tail_items[0..ntail), ntail
/// from 1 to 32: parents of 32 over the leaves until one level holds at most 32 nodes.
Value vector_over_leaves(Heap& h, std::vector<VectorNode*>& level, const Value* tail_items, size_t ntail) {
  auto cnt = static_cast<uint32_t>(level.size() * 32 + ntail);
  VectorNode* tail = new_vector_node(h, static_cast<uint32_t>(ntail));
  for (size_t i = 0; i < ntail; ++i) tail->slots()[i] = tail_items[i];
  if (level.empty()) return Value::object(h.make<Vector>(cnt, 5u, nullptr, tail));
  uint32_t shift = 5;
  while (level.size() > 32) {
    std::vector<VectorNode*> up;
    for (size_t i = 0; i < level.size(); i += 32) {
      VectorNode* p = new_vector_node(h, 32);
      for (size_t k = 0; k < 32 && i + k < level.size(); ++k) p->slots()[k] = Value::object(level[i + k]);
      up.push_back(p);
    }
    level.swap(up);
    shift += 5;
  }
  VectorNode* root = new_vector_node(h, 32);
  for (size_t k = 0; k < level.size(); ++k) root->slots()[k] = Value::object(level[k]);
  return Value::object(h.make<Vector>(cnt, shift, root, tail));
}

}  // namespace

Value vector_leaf(Heap& h, const Value* items) { return Value::object(leaf_of(h, items)); }

Value vector_from_leaves(Heap& h, const Value* leaves, size_t nleaves, const Value* tail_items, size_t ntail) {
  std::vector<VectorNode*> level;
  level.reserve(nleaves);
  for (size_t i = 0; i < nleaves; ++i) level.push_back(static_cast<VectorNode*>(leaves[i].as_obj()));
  return vector_over_leaves(h, level, tail_items, ntail);
}

Value vector_from(Heap& h, const Value* items, size_t n) {
  if (n == 0) return empty_vector(h);
  size_t tailoff = n < 32 ? 0 : ((n - 1) >> 5) << 5;
  std::vector<VectorNode*> level;
  level.reserve(tailoff / 32);
  for (size_t i = 0; i < tailoff; i += 32) level.push_back(leaf_of(h, items + i));
  return vector_over_leaves(h, level, items + tailoff, n - tailoff);
}

Value map_from(State& vm, const Value* kvs, size_t npairs) {
  if (npairs > ArrayMap::kMaxEntries) return hash_map_from(vm, kvs, npairs);
  // Deduplicate first (may realize lazy keys), allocate once at the end. Distinct
  // keywords are never equal (they are interned), so most metadata keys are compared by
  // pointer alone.
  Value out[2 * ArrayMap::kMaxEntries];
  size_t n = 0;
  for (size_t i = 0; i < npairs; ++i) {
    Value k = kvs[2 * i];
    bool keyword = is<Keyword>(k);
    size_t j = 0;
    for (; j < n; j += 2)
      if (out[j] == k || (!(keyword && is<Keyword>(out[j])) && equiv(vm, k, out[j]))) break;
    if (j < n) {
      out[j + 1] = kvs[2 * i + 1];
    } else {
      out[n++] = k;
      out[n++] = kvs[2 * i + 1];
    }
  }
  ArrayMap* m = alloc_array_map(vm.heap, static_cast<uint32_t>(n / 2));
  for (size_t i = 0; i < n; ++i) m->kvs()[i] = out[i];
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

int64_t coll_detail::count_walk(State& vm, Value coll) {
  // Walk until the end or a counted tail (RT.countFrom). The cursor is rooted here and
  // replaces coll, so when the caller has let go of the head (the COUNT instruction and
  // the count native do) the walk runs in constant memory.
  int64_t n = 0;
  RootScope scope(vm.heap);
  size_t s = scope.push(coll);
  scope[s] = seq(vm, scope[s]);
  while (!scope[s].is_nil()) {
    if (is_counted(scope[s])) return n + count(vm, scope[s]);
    ++n;
    vm.charge(1);  // a loop in C++: counts toward the instruction budget (state.h)
    scope[s] = next(vm, scope[s]);
  }
  return n;
}

int64_t count(State& vm, Value coll) {
  if (coll.is_nil()) return 0;
  if (!coll.is_obj()) unsupported("count", coll);
  Obj* o = coll.as_obj();
  switch (o->type) {  // the commonest, inline
    case ObjType::List: return static_cast<List*>(o)->count;
    case ObjType::Vector: return static_cast<Vector*>(o)->cnt;
    case ObjType::ArrayMap: return static_cast<ArrayMap*>(o)->n;
    case ObjType::HashMap: return static_cast<HashMap*>(o)->count;
    default: break;
  }
  const TypeInfo& ti = type_of(o);
  if (ti.count) return ti.count(vm, o);
  if (ti.traits & trait::ISeq) return count_walk(vm, coll);
  unsupported("count", coll);
}

static Value nth_impl(State& vm, Value coll, int64_t i, Value not_found, bool has_default) {
  if (coll.is_nil()) return has_default ? not_found : Value::nil();
  if (coll.is_obj()) {
    Obj* o = coll.as_obj();
    if (o->type == ObjType::Vector) {
      auto* v = static_cast<Vector*>(o);
      if (i >= 0 && i < v->cnt) return v->nth(static_cast<uint32_t>(i));
      if (has_default) return not_found;
      index_out_of_bounds(i);
    }
    if (o->type == ObjType::ArrayChunk) {  // the chunked loops of reduce, map, doseq
      auto* c = static_cast<ArrayChunk*>(o);
      if (i >= 0 && i < c->count()) return c->nth(static_cast<uint32_t>(i));
    }
    const TypeInfo& ti = type_of(o);
    if (ti.nth) return ti.nth(vm, o, i, not_found, has_default);
    if (ti.traits & trait::Sequential) {
      if (i >= 0) {
        // The cursor is rooted here and replaces coll (see count_walk).
        RootScope scope(vm.heap);
        size_t s = scope.push(coll);
        scope[s] = seq(vm, scope[s]);
        for (int64_t k = 0; !scope[s].is_nil(); ++k) {
          if (k == i) return first(vm, scope[s]);
          vm.charge(1);
          scope[s] = next(vm, scope[s]);
        }
      }
      if (has_default) return not_found;
      index_out_of_bounds(i);
    }
  }
  unsupported("nth", coll);
}

bool nth_if_indexed(Value coll, Value ix, Value* out) {
  if (const auto* v = as<Vector>(coll)) return v->nth_if_in_range(ix, out);
  if (const auto* c = as<ArrayChunk>(coll);
      c && ix.is_small_int() && static_cast<uint64_t>(ix.as_small_int()) < c->count()) {
    *out = c->nth(static_cast<uint32_t>(ix.as_small_int()));
    return true;
  }
  return false;
}

Value nth(State& vm, Value coll, int64_t i) { return nth_impl(vm, coll, i, Value::nil(), false); }
Value nth(State& vm, Value coll, int64_t i, Value not_found) { return nth_impl(vm, coll, i, not_found, true); }

// ---- lookup ----

Value get(State& vm, Value coll, Value key, Value not_found) {
  if (!coll.is_obj()) return not_found;
  Obj* o = coll.as_obj();
  switch (o->type) {  // the commonest, inline
    case ObjType::ArrayMap:
      if (is<Keyword>(key)) {  // (:k m) on a small map, with no call
        const auto* am = static_cast<const ArrayMap*>(o);
        int64_t i = array_map_keyword_index(am, key);
        return i >= 0 ? am->kvs()[2 * i + 1] : not_found;
      }
      return map_lookup(vm, coll, key, not_found);
    case ObjType::HashMap:
    case ObjType::SortedMap: return map_lookup(vm, coll, key, not_found);
    case ObjType::Vector: {
      auto* v = static_cast<Vector*>(o);
      if (key.is_small_int() && static_cast<uint64_t>(key.as_small_int()) < v->cnt)
        return v->nth(static_cast<uint32_t>(key.as_small_int()));
      int64_t i;  // any integer key, truncated to int as the JVM does
      if (!integer_key_index(key, &i) || i < 0 || i >= v->cnt) return not_found;
      return v->nth(static_cast<uint32_t>(i));
    }
    default: break;
  }
  auto f = type_of(o).lookup;
  return f ? f(vm, o, key, not_found) : not_found;
}

bool contains(State& vm, Value coll, Value key) {
  if (coll.is_nil()) return false;
  if (coll.is_obj()) {
    Obj* o = coll.as_obj();
    if (is_map(coll)) {
      bool found = false;
      map_lookup(vm, coll, key, Value::nil(), &found);
      return found;
    }
    if (auto f = type_of(o).contains) return f(vm, o, key);
  }
  throw_error(ErrorKind::IllegalArgumentException, std::string("contains? not supported on type: ") + class_name(coll));
}

// ---- update ----

Value coll_detail::entry_as_vector(Heap& h, const MapEntry* e, Value meta) {
  Value kv[2] = {e->key, e->val};
  Value v = vector_from(h, kv, 2);
  static_cast<Vector*>(v.as_obj())->meta = meta;
  return v;
}

Value assoc(State& vm, Value coll, Value key, Value val) {
  if (coll.is_nil()) {
    ArrayMap* m = alloc_array_map(vm.heap, 1);
    m->kvs()[0] = key;
    m->kvs()[1] = val;
    return Value::object(m);
  }
  if (is_map(coll)) return map_assoc(vm, coll, key, val);
  if (coll.is_obj())
    if (auto f = type_of(coll.as_obj()).assoc) return f(vm, coll.as_obj(), key, val);
  cannot_cast(coll, "Associative");
}

Value dissoc(State& vm, Value coll, Value key) {
  if (coll.is_nil()) return coll;
  if (is_map(coll)) return map_dissoc(vm, coll, key);
  if (coll.is_obj())
    if (auto f = type_of(coll.as_obj()).dissoc) return f(vm, coll.as_obj(), key);
  cannot_cast(coll, "IPersistentMap");
}

Value coll_detail::map_conj(State& vm, Value map, Value x) {
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
  switch (o->type) {  // the commonest, inline
    case ObjType::List:
    case ObjType::EmptyList: return list_cons(h, x, coll);
    case ObjType::Vector: return vector_conj(h, static_cast<Vector*>(o), x);
    default: break;
  }
  const TypeInfo& ti = type_of(o);
  if (ti.conj) return ti.conj(vm, o, x);
  if (ti.traits & trait::ISeq) return Value::object(h.make<Cons>(x, coll));  // ASeq.cons
  cannot_cast(coll, "IPersistentCollection");
}

Value peek(State& vm, Value coll) {
  if (coll.is_nil()) return coll;
  if (List* l = as<List>(coll)) return l->first;
  if (is<EmptyList>(coll)) return Value::nil();
  if (Vector* v = as<Vector>(coll)) return v->cnt ? v->nth(v->cnt - 1) : Value::nil();
  if (MapEntry* e = as<MapEntry>(coll)) return e->val;
  if (Queue* q = as<Queue>(coll)) return queue_peek(vm, q);
  if (coll.is_obj())
    if (auto f = type_of(coll.as_obj()).peek) return f(vm, coll.as_obj());
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
  if (coll.is_obj())
    if (auto f = type_of(coll.as_obj()).pop) return f(vm, coll.as_obj());
  cannot_cast(coll, "IPersistentStack");
}

// ---- metadata ----

Value meta(Value v) {
  if (!v.is_obj()) return Value::nil();
  auto f = type_of(v.as_obj()).meta;
  return f ? f(v.as_obj()) : Value::nil();
}

Value with_meta(State& vm, Value v, Value m) {
  if (!m.is_nil() && !is_map(m)) cannot_cast(m, "IPersistentMap");
  if (!v.is_obj()) cannot_cast(v, "IObj");
  auto f = type_of(v.as_obj()).with_meta;
  if (!f) cannot_cast(v, "IObj");
  return f(vm, v.as_obj(), m);
}

}  // namespace clove
