// coll_types.cpp: registers the collection types with the per-type table.
#include "runtime/coll/array_map.h"
#include "runtime/coll/array_seq.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/map_seq.h"
#include "runtime/coll/vector.h"
#include "runtime/type_table.h"

namespace clove {

void register_coll_types(TypeInfo* table) {
  register_type<List>(table);
  register_type<EmptyList>(table);
  register_type<Cons>(table);
  register_type<ArraySeq>(table);
  register_type<LazySeq>(table);
  register_type<Vector>(table);
  register_type<VectorNode>(table);
  register_type<VectorSeq>(table);
  register_type<MapEntry>(table);
  register_type<ArrayMap>(table);
  register_type<HashMap>(table);
  register_type<HamtNode>(table);
  register_type<HashSet>(table);
  register_type<MapSeq>(table);
}

}  // namespace clove
