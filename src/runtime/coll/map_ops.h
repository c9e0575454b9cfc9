// map_ops.h: operations on any persistent map (ArrayMap, HashMap or SortedMap), dispatching on
// the representation. Used by the generic operations in coll.h, sets and equality.
#pragma once
#include <cstdint>
#include <type_traits>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

class State;

/// True for ArrayMap, HashMap and SortedMap.
bool is_map_type(Value v);
/// Number of entries of a map.
int64_t map_count(Value map);
/// The value for key, or not_found; *found (if given) tells which.
Value map_lookup(State& vm, Value map, Value key, Value not_found, bool* found = nullptr);
/// (assoc map k v); returns map itself when nothing changes.
Value map_assoc(State& vm, Value map, Value key, Value val);
/// (dissoc map k); returns map itself when key is absent.
Value map_dissoc(State& vm, Value map, Value key);
/// The map's metadata / a copy with other metadata.
Value map_meta(Value map);
Value map_with_meta(Heap& h, Value map, Value meta);
/// An empty map with the same metadata as `map` (Clojure's `empty`).
Value map_empty(Heap& h, Value map);
/// Calls f(ctx, key, val) for every entry, in seq order. Allocates nothing itself, so f
/// may call back into Clove as long as the caller keeps `map` reachable.
void map_visit(Value map, void (*f)(void* ctx, Value k, Value v), void* ctx);
/// map_visit with any callable f(Value k, Value v).
template <class F>
void map_for_each(Value map, F&& f) {
  using Fn = std::remove_reference_t<F>;
  map_visit(map, [](void* c, Value k, Value v) { (*static_cast<Fn*>(c))(k, v); }, &f);
}

}  // namespace clove
