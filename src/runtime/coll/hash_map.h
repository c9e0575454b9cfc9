// hash_map.h: PersistentHashMap, a hash array mapped trie (Bagwell 2001, "Ideal Hash
// Trees"; the node design of Hickey's clojure.lang.PersistentHashMap).
//
// Keys are placed by their Clojure `hash` (coll.h), 5 bits per level. Bitmap, PairArray
// and Collision nodes hold pairs of slots; a pair is either [key val] (nil keys never
// reach nodes) or [marker subnode], where the marker is an internal Value (never a key)
// naming the subnode's kind, so a lookup knows how to index a subnode before touching
// it. Four node kinds:
//  * Bitmap: a 32-bit bitmap of occupied positions and one pair per occupied position,
//    in position order. Only the first 2 * popcount(bits) slots are in use; a node
//    owned by a transient may have spare (nil) slots after them so it can grow in place.
//    A bitmap node that would grow past 16 positions becomes a PairArray node.
//  * PairArray: one pair for each of the 32 positions ([nil nil] when empty) and a
//    count of occupied positions. Unlike Clojure's ArrayNode, which holds only
//    subnodes, entries sit in the pair of their position: a lookup finds the pair from
//    the hash alone, without reading a bitmap first, and a lone key costs no node of
//    its own. (In a 1M-key map about 40% of keys are alone at their bottom-level
//    position; Clojure gives each of them a node.) When its last entry is pushed down
//    into a subnode it becomes an Array node, half the size, which is what the upper
//    levels of a large map are: a persistent assoc copies one node per level.
//  * Array: Clojure's ArrayNode, 32 slots each nil or a subnode, and a count of them; a
//    key landing on an empty slot gets a one-entry Bitmap node there.
//  Both array kinds are packed back into a Bitmap node when a removal leaves 8 or
//  fewer occupied positions.
//  * Collision: keys whose full 32-bit hashes are equal, as [k0 v0 k1 v1 ...].
// The nil key is stored beside the trie (has_null/null_val) and comes first in seqs.
// Seqs visit each node's pairs in position order, so iteration order is the order of
// the keys' 5-bit hash digits from the lowest up, and matches Clojure's for the same
// keys and history.
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

class State;

enum class HamtKind : uint8_t { Bitmap, PairArray, Array, Collision };

/// A trie node: a 32-byte header followed by `len` slots (Values).
struct HamtNode : Obj {
  static constexpr ObjType kType = ObjType::HamtNode;
  static constexpr uint32_t kPairArraySlots = 64;  // 32 pairs
  static constexpr uint32_t kArraySlots = 32;      // 32 subnodes
  uint32_t bits;         // Bitmap: occupied positions; arrays: their count; Collision: the hash
  uint32_t len : 30;     // slots stored after the header
  uint32_t kind_ : 2;    // a HamtKind
  Obj* edit;             // owner transient's token; nullptr when persistent
  HamtNode(HamtKind k, uint32_t b, uint32_t n, Obj* e = nullptr)
      : Obj(kType), bits(b), len(n), kind_(static_cast<uint32_t>(k)), edit(e) {}
  HamtKind kind() const { return static_cast<HamtKind>(kind_); }
  Value* slots() { return reinterpret_cast<Value*>(this + 1); }
  const Value* slots() const { return reinterpret_cast<const Value*>(this + 1); }
  static HamtNode* node_of(Value v) { return v.is_obj() ? static_cast<HamtNode*>(v.as_obj()) : nullptr; }
  void trace(Tracer& t) {
    for (uint32_t i = 0; i < len; ++i) t.mark(slots()[i]);
    t.mark(edit);
  }
  size_t byte_size() const { return sizeof(HamtNode) + len * sizeof(Value); }
};
static_assert(sizeof(HamtNode) == 32, "a PairArray node (32 + 64 * 8 bytes) must stay a pool cell");

struct HashMap : Obj {
  static constexpr ObjType kType = ObjType::HashMap;
  uint32_t count;
  bool has_null;
  HamtNode* root;  // nullptr when there are no non-nil keys
  Value null_val;
  Value meta;
  HashMap(uint32_t c, HamtNode* r, bool hn, Value nv, Value m = Value::nil())
      : Obj(kType), count(c), has_null(hn), root(r), null_val(nv), meta(m) {}
  void trace(Tracer& t) {
    t.mark(root);
    t.mark(null_val);
    t.mark(meta);
  }
};

/// An empty hash map with metadata.
Value empty_hash_map(Heap& h, Value meta = Value::nil());
/// The value for key, or not_found; *found tells which when given.
Value hash_map_lookup(State& vm, const HashMap* m, Value key, Value not_found, bool* found = nullptr);
/// (assoc m k v); m itself when unchanged.
Value hash_map_assoc(State& vm, HashMap* m, Value key, Value val);
/// (dissoc m k); m itself when key is absent.
Value hash_map_dissoc(State& vm, HashMap* m, Value key);
/// (hash-map k0 v0 ...): always a HashMap, later keys win.
Value hash_map_from(State& vm, const Value* kvs, size_t npairs, Value meta = Value::nil());
/// Calls f(ctx, k, v) for every entry in seq order (nil key first).
void hash_map_visit(const HashMap* m, void (*f)(void* ctx, Value k, Value v), void* ctx);

// ---- the trie operations shared with TransientHashMap (transient.h) ----
// `edit` is nullptr for persistent updates (path copying). For a transient it is the
// transient's token: nodes tagged with that token are updated in place (with the GC
// write barrier), any other node is first copied and tagged (Clojure's ensureEditable).
// `hash` must be clove::hash(vm, key), computed before the call (which realizes lazy
// keys, so nothing below calls back into Clove). Both return the new root.

/// root with key -> val (root may be nullptr). *added_leaf is set when a key was added.
HamtNode* hamt_assoc(State& vm, Obj* edit, HamtNode* root, uint32_t hash, Value key, Value val, bool* added_leaf);
/// root without key: root itself when absent, nullptr when the trie empties.
HamtNode* hamt_without(State& vm, Obj* edit, HamtNode* root, uint32_t hash, Value key, bool* removed);
/// The slot holding key's value, or nullptr.
const Value* hamt_find(State& vm, const HamtNode* root, uint32_t hash, Value key);

/// A seq over a HashMap's entries, keys or values that walks the trie lazily
/// (clojure.lang.PersistentHashMap$NodeSeq): it records the path from the root to the
/// current entry, so `next` allocates one object and copies nothing else.
struct HashMapSeq : Obj {
  static constexpr ObjType kType = ObjType::HashMapSeq;
  static constexpr uint32_t kMaxDepth = 8;  // 7 trie levels (32-bit hash, 5 bits each) + a collision node
  struct Frame {
    HamtNode* node;
    uint32_t i;  // the slot of the current pair (its key slot), or subnode (Array)
  };
  uint32_t remaining;  // entries from this one on
  uint8_t depth;       // frames in use
  uint8_t kind;        // MapSeqKind (map_seq.h)
  bool at_null;        // the current entry is the nil key
  Value null_val;
  Value meta;
  Frame stack[kMaxDepth];
  HashMapSeq() : Obj(kType) {}
  void trace(Tracer& t) {
    for (uint32_t d = 0; d < depth; ++d) t.mark(stack[d].node);
    t.mark(null_val);
    t.mark(meta);
  }
};

/// A seq of m's entries/keys/vals (kind is a MapSeqKind); nil when m is empty.
Value hash_map_seq(Heap& h, const HashMap* m, uint8_t kind);
Value hash_map_seq_next(Heap& h, const HashMapSeq* s);
/// The current key and value of s.
void hash_map_seq_entry(const HashMapSeq* s, Value* key, Value* val);

}  // namespace clove
