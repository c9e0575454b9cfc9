// map_ops.cpp: dispatch between the map representations (ArrayMap, HashMap, SortedMap).
#include "runtime/coll/map_ops.h"

#include "runtime/coll/array_map.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/sorted_map.h"
#include "state/state.h"

namespace clove {

bool is_map_type(Value v) { return is<ArrayMap>(v) || is<HashMap>(v) || is<SortedMap>(v); }

int64_t map_count(Value map) {
  if (ArrayMap* a = as<ArrayMap>(map)) return a->n;
  if (SortedMap* s = as<SortedMap>(map)) return s->count;
  return static_cast<HashMap*>(map.as_obj())->count;
}

Value map_lookup(State& vm, Value map, Value key, Value not_found, bool* found) {
  if (ArrayMap* a = as<ArrayMap>(map)) {
    int64_t i = array_map_index(vm, a, key);
    if (found) *found = i >= 0;
    return i >= 0 ? a->kvs()[2 * i + 1] : not_found;
  }
  if (SortedMap* s = as<SortedMap>(map)) {
    TreeNode* t = s->count ? sorted_map_find(vm, s, key) : nullptr;
    if (found) *found = t != nullptr;
    return t ? t->val : not_found;
  }
  return hash_map_lookup(vm, static_cast<HashMap*>(map.as_obj()), key, not_found, found);
}

Value map_assoc(State& vm, Value map, Value key, Value val) {
  if (ArrayMap* a = as<ArrayMap>(map)) return array_map_assoc(vm, a, key, val);
  if (SortedMap* s = as<SortedMap>(map)) return sorted_map_assoc(vm, s, key, val);
  return hash_map_assoc(vm, static_cast<HashMap*>(map.as_obj()), key, val);
}

Value map_dissoc(State& vm, Value map, Value key) {
  if (ArrayMap* a = as<ArrayMap>(map)) return array_map_dissoc(vm, a, key);
  if (SortedMap* s = as<SortedMap>(map)) return sorted_map_dissoc(vm, s, key);
  return hash_map_dissoc(vm, static_cast<HashMap*>(map.as_obj()), key);
}

Value map_meta(Value map) {
  if (ArrayMap* a = as<ArrayMap>(map)) return a->meta;
  if (SortedMap* s = as<SortedMap>(map)) return s->meta;
  return static_cast<HashMap*>(map.as_obj())->meta;
}

Value map_with_meta(Heap& h, Value map, Value meta) {
  if (ArrayMap* a = as<ArrayMap>(map)) {
    ArrayMap* r = alloc_array_map(h, a->n, meta);
    for (uint32_t i = 0; i < 2 * a->n; ++i) r->kvs()[i] = a->kvs()[i];
    return Value::object(r);
  }
  if (SortedMap* s = as<SortedMap>(map)) return Value::object(h.make<SortedMap>(s->root, s->count, s->comp, meta));
  auto* m = static_cast<HashMap*>(map.as_obj());
  return Value::object(h.make<HashMap>(m->count, m->root, m->has_null, m->null_val, meta));
}

Value map_empty(Heap& h, Value map) {
  if (is<ArrayMap>(map)) return empty_array_map(h, map_meta(map));
  if (SortedMap* s = as<SortedMap>(map)) return empty_sorted_map(h, s->comp, s->meta);
  return empty_hash_map(h, map_meta(map));
}

void map_visit(Value map, void (*f)(void* ctx, Value k, Value v), void* ctx) {
  if (ArrayMap* a = as<ArrayMap>(map)) {
    for (uint32_t i = 0; i < a->n; ++i) f(ctx, a->kvs()[2 * i], a->kvs()[2 * i + 1]);
    return;
  }
  if (SortedMap* s = as<SortedMap>(map)) return sorted_map_visit(s, f, ctx);
  hash_map_visit(static_cast<HashMap*>(map.as_obj()), f, ctx);
}

}  // namespace clove
