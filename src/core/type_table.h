// type_table.h: helpers to fill the per-type table (object.h's TypeInfo) for a struct.
//
// Each module registers its types from one function (register_core_types in
// object_types.cpp, register_coll_types in coll_types.cpp, register_record_types in
// record.cpp, ...), called once when the first Heap is built: the tracer, size and
// destructor of each struct, and the operations the type implements. The name,
// superclass and traits come from the type's CLOVE_OBJ_TYPES row and are set after
// every registration has run.
#pragma once
#include <type_traits>
#include "core/object.h"

namespace clove {

template <class T>
size_t obj_size_of(const Obj* o) {
  if constexpr (requires(const T& t) { t.byte_size(); }) {
    return static_cast<const T*>(o)->byte_size();
  } else {
    return sizeof(T);
  }
}

/// Sets the collector's entries (trace, size, destroy, external) of type `type` to those
/// of struct T, for a type whose objects are T structs (several types may share one
/// struct). `external` is T::external_bytes(), for a T counting memory outside its cell.
template <class T>
TypeInfo& register_type_as(TypeInfo* table, ObjType type) {
  TypeInfo& ti = table[static_cast<int>(type)];
  ti.trace = [](Obj* o, Tracer& t) { static_cast<T*>(o)->trace(t); };
  ti.size = &obj_size_of<T>;
  // No call at all for a type with nothing to destroy (boxed longs, most nodes): the
  // sweep frees millions of them.
  if constexpr (std::is_trivially_destructible_v<T>)
    ti.destroy = nullptr;
  else
    ti.destroy = [](Obj* o) { static_cast<T*>(o)->~T(); };
  if constexpr (requires(const T& t) { t.external_bytes(); })
    ti.external = [](const Obj* o) -> size_t { return static_cast<const T*>(o)->external_bytes(); };
  return ti;
}

/// register_type_as for T's own type, T::kType. Returns the entry, for the caller to
/// set the type's operations (object.h's TypeInfo).
template <class T>
TypeInfo& register_type(TypeInfo* table) {
  return register_type_as<T>(table, T::kType);
}

// Registration entry points, one per module.
void register_core_types(TypeInfo* table);  // api/object_types.cpp
void register_coll_types(TypeInfo* table);  // runtime/coll/coll_types.cpp (data structures)

}  // namespace clove
