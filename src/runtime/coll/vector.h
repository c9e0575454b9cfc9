// vector.h: PersistentVector, a 32-way trie with a tail (Bagwell 2001, "Ideal Hash
// Trees"; Hickey's clojure.lang.PersistentVector), and its seq.
//
// Elements [0, tailoff) live in the trie under `root`, the last 1..32 in `tail`. Leaf
// nodes hold 32 Values; inner nodes hold up to 32 children (nil in unused slots); the
// root sits `shift` bits above the leaves (5 per level). conj fills the tail and pushes
// it into the trie when full, so appends are amortised O(1) and lookups O(log32 n).
//
// Nodes carry an `edit` token (nullptr for persistent nodes) so transients can later
// mutate nodes they own in place, exactly as Clojure's TransientVector does.
//
// Appending in place to a shared tail (beyond Clojure, which copies the tail at every
// conj): a tail may have spare slots (`len` above the elements in it), and `fill`
// counts the slots some vector has claimed. conj onto a vector whose elements end
// exactly at its tail's `fill` writes the new element into the next spare slot and
// returns a new Vector sharing the tail; the vectors already sharing it never read
// past their own count, so nothing they see changes. Any other conj (a spare slot
// already claimed by another branch, no spare slot) copies the tail into one twice its
// size, up to 32 slots. A run of conj therefore copies 1 + 2 + 4 + 8 + 16 elements per
// 32 instead of 1 + 2 + ... + 31 (the idea of Go's append and of Bagwell and Rompf's
// RRB vectors' tails). Nodes made anywhere else are full (fill == len).
#pragma once
#include <cstdint>
#include <vector>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

struct VectorNode : Obj {
  static constexpr ObjType kType = ObjType::VectorNode;
  static constexpr uint32_t kBits = 5;
  static constexpr uint32_t kWidth = 32;
  static constexpr uint32_t kMask = 31;
  Obj* edit;     // owner transient's token; nullptr when persistent
  uint32_t len;  // slots allocated after the header (32, or a tail's capacity)
  uint32_t fill; // slots claimed by some vector (a tail's spare ones are nil); len elsewhere
  explicit VectorNode(uint32_t n, Obj* e = nullptr) : Obj(kType), edit(e), len(n), fill(n) {}
  Value* slots() { return reinterpret_cast<Value*>(this + 1); }
  const Value* slots() const { return reinterpret_cast<const Value*>(this + 1); }
  VectorNode* child(uint32_t i) const {
    Value v = slots()[i];
    return v.is_obj() ? static_cast<VectorNode*>(v.as_obj()) : nullptr;
  }
  void trace(Tracer& t) {
    for (uint32_t i = 0; i < len; ++i) t.mark(slots()[i]);
    t.mark(edit);
  }
  size_t byte_size() const { return sizeof(VectorNode) + len * sizeof(Value); }
};
static_assert(sizeof(VectorNode) == 32, "fill sits in the header's padding");

struct Vector : Obj {
  static constexpr ObjType kType = ObjType::Vector;
  uint32_t cnt;
  uint32_t shift;     // 5 * (levels above the leaves)
  VectorNode* root;   // nullptr while the vector fits in its tail
  VectorNode* tail;   // nullptr when empty; else holds cnt - tailoff() elements
  Value meta;
  Vector(uint32_t c, uint32_t sh, VectorNode* r, VectorNode* t, Value m = Value::nil())
      : Obj(kType), cnt(c), shift(sh), root(r), tail(t), meta(m) {}
  uint32_t tailoff() const { return cnt < 32 ? 0 : ((cnt - 1) >> 5) << 5; }
  /// The 32-slot leaf (or the tail) holding index i; i < cnt.
  VectorNode* leaf_for(uint32_t i) const {
    if (i >= tailoff()) return tail;
    VectorNode* node = root;
    for (uint32_t level = shift; level > 0; level -= 5) node = node->child((i >> level) & 31);
    return node;
  }
  const Value* array_for(uint32_t i) const { return leaf_for(i)->slots(); }
  Value nth(uint32_t i) const { return array_for(i)[i & 31]; }
  /// The elements in order, copied out a leaf at a time (unrooted: the vector holds them).
  std::vector<Value> elements() const {
    std::vector<Value> out;
    out.reserve(cnt);
    for (uint32_t i = 0; i < cnt; i += 32) {
      const Value* leaf = array_for(i);
      out.insert(out.end(), leaf, leaf + (cnt - i < 32 ? cnt - i : 32));
    }
    return out;
  }
  /// The element at ix when ix is a small int in [0, cnt), stored in *out (true); false
  /// for any other index. The fast path of (v i) and nth: nothing can fail or allocate.
  bool nth_if_in_range(Value ix, Value* out) const {
    if (!ix.is_small_int() || static_cast<uint64_t>(ix.as_small_int()) >= cnt) return false;
    *out = nth(static_cast<uint32_t>(ix.as_small_int()));
    return true;
  }
  void trace(Tracer& t) {
    t.mark(root);
    t.mark(tail);
    t.mark(meta);
  }
};

/// A persistent node of `len` slots, all nil.
VectorNode* new_vector_node(Heap& h, uint32_t len);
/// `[]` with metadata.
Value empty_vector(Heap& h, Value meta = Value::nil());
/// (conj v x)
Value vector_conj(Heap& h, const Vector* v, Value x);
/// (assoc v i x) for 0 <= i <= count; IndexOutOfBoundsException otherwise.
Value vector_assoc(Heap& h, const Vector* v, int64_t i, Value x);
/// (pop v); IllegalStateException "Can't pop empty vector" when empty.
Value vector_pop(Heap& h, const Vector* v);
/// A copy of v with metadata m (shares all nodes).
Value vector_with_meta(Heap& h, const Vector* v, Value m);

/// A seq over a vector from index i (PersistentVector$ChunkedSeq): caches the leaf
/// holding element i, so stepping within a leaf is O(1).
struct VectorSeq : Obj {
  static constexpr ObjType kType = ObjType::VectorSeq;
  Vector* vec;
  const Value* leaf;  // array_for(i) (owned by a node reachable from vec)
  uint32_t i;
  Value meta;
  VectorSeq(Vector* v, const Value* l, uint32_t idx) : Obj(kType), vec(v), leaf(l), i(idx) {}
  Value first() const { return leaf[i & 31]; }
  int64_t count() const { return vec->cnt - i; }
  void trace(Tracer& t) {
    t.mark(vec);
    t.mark(meta);
  }
};

/// (seq v) from index i; nil when i >= count.
Value vector_seq(Heap& h, Vector* v, uint32_t i = 0);
Value vector_seq_next(Heap& h, const VectorSeq* s);

}  // namespace clove
