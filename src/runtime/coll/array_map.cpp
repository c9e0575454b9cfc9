// array_map.cpp: PersistentArrayMap lookups and updates (after clojure.lang.PersistentArrayMap).
#include "runtime/coll/array_map.h"

#include <cstring>

#include "runtime/coll/coll.h"
#include "runtime/coll/hash_map.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

ArrayMap* alloc_array_map(Heap& h, uint32_t npairs, Value meta) {
  return h.make_extra<ArrayMap>(2 * npairs * sizeof(Value), npairs, meta);
}

Value empty_array_map(Heap& h, Value meta) { return Value::object(alloc_array_map(h, 0, meta)); }

int64_t array_map_index(State& vm, const ArrayMap* m, Value key) {
  if (is<Keyword>(key)) return array_map_keyword_index(m, key);
  const Value* kv = m->kvs();
  for (uint32_t i = 0; i < m->n; ++i)
    if (equiv(vm, key, kv[2 * i])) return i;
  return -1;
}

Value array_map_assoc(State& vm, const ArrayMap* m, Value key, Value val) {
  int64_t i = array_map_index(vm, m, key);
  Heap& h = vm.heap;
  if (i >= 0) {
    if (m->kvs()[2 * i + 1] == val) return Value::object(m);
    ArrayMap* r = alloc_array_map(h, m->n, m->meta);
    std::memcpy(static_cast<void*>(r->kvs()), m->kvs(), 2 * m->n * sizeof(Value));
    r->kvs()[2 * i + 1] = val;
    return Value::object(r);
  }
  if (m->n >= ArrayMap::kMaxEntries) {
    // Promote like Clojure's createHT: the pairs in order, then the new one. Hashing
    // the existing keys cannot call back into the VM (they were compared already),
    // and `key` is hashed before anything is allocated.
    RootScope scope(h);
    size_t slot = scope.push(hash_map_from(vm, m->kvs(), m->n, m->meta));
    return hash_map_assoc(vm, static_cast<HashMap*>(scope[slot].as_obj()), key, val);
  }
  ArrayMap* r = alloc_array_map(h, m->n + 1, m->meta);
  std::memcpy(static_cast<void*>(r->kvs()), m->kvs(), 2 * m->n * sizeof(Value));
  r->kvs()[2 * m->n] = key;
  r->kvs()[2 * m->n + 1] = val;
  return Value::object(r);
}

Value array_map_dissoc(State& vm, const ArrayMap* m, Value key) {
  int64_t i = array_map_index(vm, m, key);
  if (i < 0) return Value::object(m);
  ArrayMap* r = alloc_array_map(vm.heap, m->n - 1, m->meta);
  const Value* src = m->kvs();
  Value* dst = r->kvs();
  for (uint32_t k = 0; k < m->n; ++k) {
    if (k == i) continue;
    *dst++ = src[2 * k];
    *dst++ = src[2 * k + 1];
  }
  return Value::object(r);
}

}  // namespace clove
