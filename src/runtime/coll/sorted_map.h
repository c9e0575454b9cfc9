// sorted_map.h: PersistentTreeMap and PersistentTreeSet, persistent red-black trees
// (Okasaki 1999, "Red-black trees in a functional setting"; deletion and balancing after
// Hickey's clojure.lang.PersistentTreeMap, which extends Okasaki with `append`-based
// removal).
//
// Keys are ordered by `compare` (comp == nil) or by a comparator fn called through the
// VM; like Clojure's AFunction.compare, the fn may return a number (its sign is used) or
// a boolean (true means "less"; false asks again with the arguments swapped to tell
// "greater" from "equal").
//
// Calling Clove may collect garbage. Every operation that compares keys does all of its
// comparisons before it allocates anything (the search goes down, the rebuilding comes
// back up), and the map and the arguments are rooted for the duration, so nodes held on
// the C++ stack stay valid. seq_from builds its stack while comparing and roots it.
//
// The comparator is never trusted to be consistent (it may answer at random, or differ
// between two calls on the same keys): each operation compares once per level on the
// way down and rebuilds along the path it took, so the tree stays a well-formed
// red-black tree whatever it answers (the order is then only as good as the answers).
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

class State;

struct TreeNode : Obj {
  static constexpr ObjType kType = ObjType::TreeNode;
  Value key;
  Value val;
  TreeNode* left;
  TreeNode* right;
  bool red;
  TreeNode(Value k, Value v, TreeNode* l, TreeNode* r, bool is_red)
      : Obj(kType), key(k), val(v), left(l), right(r), red(is_red) {}
  void trace(Tracer& t) {
    t.mark(key);
    t.mark(val);
    t.mark(left);
    t.mark(right);
  }
};

struct SortedMap : Obj {
  static constexpr ObjType kType = ObjType::SortedMap;
  TreeNode* root;  // nullptr when empty; always black
  uint32_t count;
  Value comp;      // nil: clojure.core/compare; else a comparator fn
  Value meta;
  SortedMap(TreeNode* r, uint32_t c, Value cmp, Value m = Value::nil())
      : Obj(kType), root(r), count(c), comp(cmp), meta(m) {}
  void trace(Tracer& t) {
    t.mark(root);
    t.mark(comp);
    t.mark(meta);
  }
};

/// A set kept as a sorted map from each element to itself.
struct SortedSet : Obj {
  static constexpr ObjType kType = ObjType::SortedSet;
  Value impl;  // a SortedMap
  Value meta;
  SortedSet(Value m, Value md = Value::nil()) : Obj(kType), impl(m), meta(md) {}
  void trace(Tracer& t) {
    t.mark(impl);
    t.mark(meta);
  }
};

/// A seq over a tree in either direction (PersistentTreeMap$Seq): `stack` is a List of
/// the TreeNodes still to visit, the current one first.
struct TreeSeq : Obj {
  static constexpr ObjType kType = ObjType::TreeSeq;
  Value stack;    // a List of TreeNode values
  int64_t cnt;    // elements from here on, or -1 when unknown (seq_from)
  bool asc;
  bool keys_only; // a sorted set's seq yields the keys
  Value meta;
  TreeSeq(Value s, int64_t c, bool a, bool k) : Obj(kType), stack(s), cnt(c), asc(a), keys_only(k) {}
  TreeNode* node() const;
  void trace(Tracer& t) {
    t.mark(stack);
    t.mark(meta);
  }
};

/// The comparison a sorted collection uses: compare(a, b) or the comparator fn.
/// Throws what the comparator throws; NullPointerException for a nil answer,
/// ClassCastException for one that is neither a number nor a boolean.
int sorted_compare(State& vm, Value comp, Value a, Value b);
/// sorted_compare(vm, comp, a, b) < 0, with one call of the comparator even when it
/// answers false (the second call only tells "greater" from "equal"). For sorting.
bool sorted_less(State& vm, Value comp, Value a, Value b);

/// An empty sorted map ordered by comp (nil: compare).
Value empty_sorted_map(Heap& h, Value comp, Value meta = Value::nil());
/// The node whose key compares equal to key, or nullptr (calls the comparator).
TreeNode* sorted_map_find(State& vm, const SortedMap* m, Value key);
Value sorted_map_assoc(State& vm, SortedMap* m, Value key, Value val);
Value sorted_map_dissoc(State& vm, SortedMap* m, Value key);
/// A seq of the entries (or keys), ascending or descending; nil when empty.
Value sorted_map_seq(Heap& h, const SortedMap* m, bool asc, bool keys_only = false);
/// Clojure's Sorted.seqFrom: entries from the first key >= key (asc) or <= key (desc).
Value sorted_map_seq_from(State& vm, SortedMap* m, Value key, bool asc, bool keys_only = false);
Value tree_seq_first(Heap& h, const TreeSeq* s);
Value tree_seq_next(Heap& h, const TreeSeq* s);
/// Calls f(ctx, k, v) in ascending order (no allocation, no calls into Clove).
void sorted_map_visit(const SortedMap* m, void (*f)(void* ctx, Value k, Value v), void* ctx);

Value empty_sorted_set(Heap& h, Value comp, Value meta = Value::nil());
Value sorted_set_conj(State& vm, SortedSet* s, Value x);
Value sorted_set_disj(State& vm, SortedSet* s, Value x);

/// Checks the red-black invariants (root black, no red node with a red child, equal
/// black height on every path, the count, and with check_order the keys in order by
/// comp); throws std::logic_error. For tests. The shape invariants hold whatever the
/// comparator answers (inconsistent or random); only the order needs a consistent one.
void sorted_map_validate(State& vm, const SortedMap* m, bool check_order = true);

}  // namespace clove
