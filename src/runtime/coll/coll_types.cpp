// coll_types.cpp: registers the collection (and reference) types with the per-type table.
#include "runtime/coll/array_map.h"
#include "runtime/coll/array_seq.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/map_seq.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/range.h"
#include "runtime/coll/ref_types.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/string_seq.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "core/type_table.h"

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
  register_type<ArrayChunk>(table);
  register_type<ChunkBuffer>(table);
  register_type<ChunkedCons>(table);
  register_type<Range>(table);
  register_type<MapEntry>(table);
  register_type<ArrayMap>(table);
  register_type<HashMap>(table);
  register_type<HamtNode>(table);
  register_type<HashSet>(table);
  register_type<MapSeq>(table);
  register_type<HashMapSeq>(table);
  register_type<StringSeq>(table);
  register_type<TransientVector>(table);
  register_type<TransientArrayMap>(table);
  register_type<TransientHashMap>(table);
  register_type<TransientHashSet>(table);
  register_type<TreeNode>(table);
  register_type<SortedMap>(table);
  register_type<SortedSet>(table);
  register_type<TreeSeq>(table);
  register_type<Queue>(table);
  register_type<QueueSeq>(table);
  register_type<Atom>(table);
  register_type<Volatile>(table);
  register_type<Delay>(table);
}

}  // namespace clove
