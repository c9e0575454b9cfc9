// hash_set.cpp: PersistentHashSet updates on top of the hash map.
#include "runtime/coll/hash_set.h"

#include "runtime/coll/hash_map.h"
#include "runtime/coll/map_ops.h"
#include "state/state.h"

namespace clove {

Value empty_set(Heap& h, Value meta) {
  return Value::object(h.make<HashSet>(empty_hash_map(h, Value::nil()), meta));
}

Value set_conj(State& vm, HashSet* s, Value x) {
  bool found = false;
  map_lookup(vm, s->impl, x, Value::nil(), &found);
  if (found) return Value::object(s);
  Value m = map_assoc(vm, s->impl, x, x);
  return Value::object(vm.heap.make<HashSet>(m, s->meta));
}

Value set_disj(State& vm, HashSet* s, Value x) {
  Value m = map_dissoc(vm, s->impl, x);
  if (m == s->impl) return Value::object(s);
  return Value::object(vm.heap.make<HashSet>(m, s->meta));
}

}  // namespace clove
