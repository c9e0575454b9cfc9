// type_table.h: helpers to fill the per-type table (object.h's TypeInfo) for a struct.
//
// Each module registers its types from one function (register_core_types in
// object_types.cpp, register_coll_types in coll_types.cpp, ...), called once when
// the first Heap is built.
#pragma once
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

template <class T>
void register_type(TypeInfo* table) {
  TypeInfo& ti = table[static_cast<int>(T::kType)];
  ti.trace = [](Obj* o, Tracer& t) { static_cast<T*>(o)->trace(t); };
  ti.size = &obj_size_of<T>;
  ti.destroy = [](Obj* o) { static_cast<T*>(o)->~T(); };
}

// Registration entry points, one per module.
void register_core_types(TypeInfo* table);  // api/object_types.cpp
void register_coll_types(TypeInfo* table);  // runtime/coll_types.cpp (data structures)

}  // namespace clove
