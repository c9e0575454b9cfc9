// map_ops.cpp: dispatch between the two map representations.
#include "runtime/coll/map_ops.h"

#include "runtime/coll/array_map.h"
#include "runtime/coll/hash_map.h"
#include "vm/vm.h"

namespace clove {

bool is_map_type(Value v) { return is<ArrayMap>(v) || is<HashMap>(v); }

int64_t map_count(Value map) {
  if (ArrayMap* a = as<ArrayMap>(map)) return a->n;
  return static_cast<HashMap*>(map.as_obj())->count;
}

Value map_lookup(VM& vm, Value map, Value key, Value not_found, bool* found) {
  if (ArrayMap* a = as<ArrayMap>(map)) {
    int64_t i = array_map_index(vm, a, key);
    if (found) *found = i >= 0;
    return i >= 0 ? a->kvs()[2 * i + 1] : not_found;
  }
  return hash_map_lookup(vm, static_cast<HashMap*>(map.as_obj()), key, not_found, found);
}

Value map_assoc(VM& vm, Value map, Value key, Value val) {
  if (ArrayMap* a = as<ArrayMap>(map)) return array_map_assoc(vm, a, key, val);
  return hash_map_assoc(vm, static_cast<HashMap*>(map.as_obj()), key, val);
}

Value map_dissoc(VM& vm, Value map, Value key) {
  if (ArrayMap* a = as<ArrayMap>(map)) return array_map_dissoc(vm, a, key);
  return hash_map_dissoc(vm, static_cast<HashMap*>(map.as_obj()), key);
}

Value map_meta(Value map) {
  if (ArrayMap* a = as<ArrayMap>(map)) return a->meta;
  return static_cast<HashMap*>(map.as_obj())->meta;
}

Value map_with_meta(Heap& h, Value map, Value meta) {
  if (ArrayMap* a = as<ArrayMap>(map)) {
    ArrayMap* r = alloc_array_map(h, a->n, meta);
    for (uint32_t i = 0; i < 2 * a->n; ++i) r->kvs()[i] = a->kvs()[i];
    return Value::object(r);
  }
  auto* m = static_cast<HashMap*>(map.as_obj());
  return Value::object(h.make<HashMap>(m->count, m->root, m->has_null, m->null_val, meta));
}

Value map_empty(Heap& h, Value map) {
  if (is<ArrayMap>(map)) return empty_array_map(h, map_meta(map));
  return empty_hash_map(h, map_meta(map));
}

void map_visit(Value map, void (*f)(void* ctx, Value k, Value v), void* ctx) {
  if (ArrayMap* a = as<ArrayMap>(map)) {
    for (uint32_t i = 0; i < a->n; ++i) f(ctx, a->kvs()[2 * i], a->kvs()[2 * i + 1]);
    return;
  }
  hash_map_visit(static_cast<HashMap*>(map.as_obj()), f, ctx);
}

}  // namespace clove
