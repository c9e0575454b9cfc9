// hash_map.cpp: the HAMT behind PersistentHashMap and TransientHashMap (Bagwell 2001;
// node algorithms after clojure.lang.PersistentHashMap's BitmapIndexedNode, ArrayNode
// and HashCollisionNode, persistent and edit-token variants folded into one).
//
// Every update goes through edit_* helpers: with a null edit token they copy the node
// (path copying); with a transient's token they update nodes that carry that token in
// place and copy the others once, tagging the copy (Clojure's ensureEditable). In-place
// stores call Heap::barrier, since a transient's nodes may already be black when an
// incremental collection is under way.
//
// Re-entrancy: the only operation here that can call back into Clove is hashing or
// comparing a key that holds an unrealized lazy seq. Public entry points hash the new
// key first, which realizes it completely; keys already stored were realized the same
// way when they were added. So the updates below never run Clove code and need no
// rooting, except hash_map_from, which roots the map it is building.
#include "runtime/coll/hash_map.h"

#include <bit>
#include <cassert>
#include <cstring>

#include "core/bits.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/map_seq.h"
#include "state/state.h"

namespace clove {

namespace {

inline uint32_t mask(uint32_t hash, uint32_t shift) { return (hash >> shift) & 31; }
inline uint32_t bitpos(uint32_t hash, uint32_t shift) { return 1u << mask(hash, shift); }
// The key slot of a [marker subnode] pair: an internal value (never a key) naming the
// subnode's kind, so a lookup can index a PairArray subnode without reading its header
// first: one cache miss per level instead of two.
constexpr uint64_t kSubMarker = 0x48414d54;  // "HAMT"
inline Value sub_marker(const HamtNode* sub) { return Value::internal(kSubMarker + static_cast<uint64_t>(sub->kind())); }
inline bool is_sub(Value k) { return k.is_internal(); }
inline HamtKind sub_kind(Value k) { return static_cast<HamtKind>(k.as_internal() - kSubMarker); }

/// Slots in use: 2 per position for Bitmap nodes, all of them otherwise.
inline uint32_t used(const HamtNode* n) {
  return n->kind() == HamtKind::Bitmap ? 2 * static_cast<uint32_t>(popcount32(n->bits)) : n->len;
}

struct Ctx {
  State& vm;
  Heap& h;
  Obj* edit;
  bool added_leaf = false;
  bool removed_leaf = false;
  bool pushed_down = false;  // set by pair_assoc when an entry moved into a new subnode
};

HamtNode* alloc_node(Ctx& c, HamtKind kind, uint32_t bits, uint32_t len) {
  return c.h.make_extra<HamtNode>(len * sizeof(Value), kind, bits, len, c.edit);
}

void fill_nil(Value* p, size_t n) {
  for (size_t i = 0; i < n; ++i) p[i] = Value::nil();
}

bool owned(const Ctx& c, const HamtNode* n) { return c.edit && n->edit == c.edit; }

// n itself when this update may change it in place, else a copy tagged with c.edit.
// A transient's copy of a Bitmap node gets room for one more pair, as in Clojure.
HamtNode* ensure_editable(Ctx& c, const HamtNode* n) {
  if (owned(c, n)) return const_cast<HamtNode*>(n);
  uint32_t u = used(n);
  uint32_t len = (c.edit && n->kind() == HamtKind::Bitmap) ? u + 2 : u;
  HamtNode* r = alloc_node(c, n->kind(), n->bits, len);
  std::memcpy(static_cast<void*>(r->slots()), n->slots(), u * sizeof(Value));
  fill_nil(r->slots() + u, len - u);
  return r;
}

// Stores v into slot i of an editable node (barriered: the node may be black).
inline void store(Ctx& c, HamtNode* n, uint32_t i, Value v) {
  n->slots()[i] = v;
  c.h.barrier(n, v);
}

HamtNode* edit_and_set(Ctx& c, const HamtNode* n, uint32_t i, Value v) {
  HamtNode* r = ensure_editable(c, n);
  store(c, r, i, v);
  return r;
}

HamtNode* edit_and_set2(Ctx& c, const HamtNode* n, uint32_t i, Value a, uint32_t j, Value b) {
  HamtNode* r = ensure_editable(c, n);
  store(c, r, i, a);
  store(c, r, j, b);
  return r;
}

// Makes the pair at slot i of n [marker sub].
HamtNode* set_sub(Ctx& c, const HamtNode* n, uint32_t i, HamtNode* sub) {
  return edit_and_set2(c, n, i, sub_marker(sub), i + 1, Value::object(sub));
}

// A Bitmap node like n without pair `idx` and position `bit`.
HamtNode* bitmap_remove_pair(Ctx& c, const HamtNode* n, uint32_t bit, uint32_t idx) {
  uint32_t u = used(n);
  if (owned(c, n)) {
    HamtNode* r = const_cast<HamtNode*>(n);
    Value* a = r->slots();
    std::memmove(static_cast<void*>(a + 2 * idx), a + 2 * idx + 2, (u - 2 * idx - 2) * sizeof(Value));
    a[u - 2] = Value::nil();
    a[u - 1] = Value::nil();
    r->bits ^= bit;
    return r;
  }
  HamtNode* r = alloc_node(c, HamtKind::Bitmap, n->bits ^ bit, u - 2);
  const Value* src = n->slots();
  std::memcpy(static_cast<void*>(r->slots()), src, 2 * idx * sizeof(Value));
  std::memcpy(static_cast<void*>(r->slots() + 2 * idx), src + 2 * idx + 2, (u - 2 * idx - 2) * sizeof(Value));
  return r;
}

HamtNode* assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val);

HamtNode* bitmap_single(Ctx& c, uint32_t shift, uint32_t hash, Value key, Value val) {
  HamtNode* r = alloc_node(c, HamtKind::Bitmap, bitpos(hash, shift), 2);
  r->slots()[0] = key;
  r->slots()[1] = val;
  c.added_leaf = true;
  return r;
}

// A node at `shift` holding two keys whose hashes differ: a Bitmap node with both pairs,
// or, while their digits agree, a chain of one-position Bitmap nodes down to one. This
// is the node Clojure builds by assoc'ing both keys into an empty node, without
// allocating the one-pair node first.
HamtNode* pair_node(Ctx& c, uint32_t shift, uint32_t h1, Value k1, Value v1, uint32_t h2, Value k2, Value v2) {
  uint32_t m1 = mask(h1, shift), m2 = mask(h2, shift);
  if (m1 == m2) {
    HamtNode* sub = pair_node(c, shift + 5, h1, k1, v1, h2, k2, v2);
    HamtNode* r = alloc_node(c, HamtKind::Bitmap, 1u << m1, 2);
    r->slots()[0] = sub_marker(sub);
    r->slots()[1] = Value::object(sub);
    return r;
  }
  HamtNode* r = alloc_node(c, HamtKind::Bitmap, (1u << m1) | (1u << m2), 4);
  Value* d = r->slots();
  uint32_t first = m1 < m2 ? 0 : 2;
  d[first] = k1;
  d[first + 1] = v1;
  d[2 - first] = k2;
  d[3 - first] = v2;
  return r;
}

// The node replacing the pair [key1 val1] when key2 (whose hash is key2hash) lands on it.
HamtNode* create_node(Ctx& c, uint32_t shift, Value key1, Value val1, uint32_t key2hash, Value key2, Value val2) {
  uint32_t key1hash = clove::hash(c.vm, key1);
  c.added_leaf = true;
  if (key1hash == key2hash) {
    HamtNode* r = alloc_node(c, HamtKind::Collision, key1hash, 4);
    r->slots()[0] = key1;
    r->slots()[1] = val1;
    r->slots()[2] = key2;
    r->slots()[3] = val2;
    return r;
  }
  return pair_node(c, shift, key1hash, key1, val1, key2hash, key2, val2);
}

// Assoc into the pair at slot i of node n (a Bitmap or PairArray node at `shift`) when that
// pair is in use: descend into a subnode, replace an equal key's value, or push the
// entry and the new key down into a new node.
HamtNode* pair_assoc(Ctx& c, const HamtNode* n, uint32_t i, uint32_t shift, uint32_t hash, Value key, Value val) {
  const Value* a = n->slots();
  Value k = a[i];
  Value vn = a[i + 1];
  if (is_sub(k)) {
    HamtNode* sub = HamtNode::node_of(vn);
    HamtNode* ns = assoc(c, sub, shift + 5, hash, key, val);
    c.pushed_down = false;  // whatever happened below, no entry of n moved
    if (ns == sub) return const_cast<HamtNode*>(n);
    return set_sub(c, n, i, ns);
  }
  if (k == key || equiv(c.vm, key, k)) {
    if (vn == val) return const_cast<HamtNode*>(n);
    return edit_and_set(c, n, i + 1, val);
  }
  HamtNode* sub = create_node(c, shift + 5, k, vn, hash, key, val);
  c.pushed_down = true;
  return set_sub(c, n, i, sub);
}

HamtNode* bitmap_assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val) {
  uint32_t bit = bitpos(hash, shift);
  uint32_t idx = popcount32(n->bits & (bit - 1));
  if (n->bits & bit) return pair_assoc(c, n, 2 * idx, shift, hash, key, val);
  const Value* a = n->slots();
  uint32_t cnt = popcount32(n->bits);
  c.added_leaf = true;
  if (owned(c, n) && 2 * cnt < n->len) {  // room in place
    HamtNode* r = const_cast<HamtNode*>(n);
    Value* d = r->slots();
    std::memmove(static_cast<void*>(d + 2 * idx + 2), d + 2 * idx, (2 * cnt - 2 * idx) * sizeof(Value));
    store(c, r, 2 * idx, key);
    store(c, r, 2 * idx + 1, val);
    r->bits |= bit;
    return r;
  }
  if (cnt >= 16) {  // becomes a PairArray node: every pair moves to the slot of its position
    HamtNode* r = alloc_node(c, HamtKind::PairArray, cnt + 1, HamtNode::kPairArraySlots);
    Value* d = r->slots();
    fill_nil(d, HamtNode::kPairArraySlots);
    for (uint32_t p = 0, j = 0; p < 32; ++p) {
      if (!((n->bits >> p) & 1)) continue;
      d[2 * p] = a[j];
      d[2 * p + 1] = a[j + 1];
      j += 2;
    }
    uint32_t p = mask(hash, shift);
    d[2 * p] = key;
    d[2 * p + 1] = val;
    return r;
  }
  // A new node with the pair inserted; a transient's node gets spare room (Clojure: n+4).
  uint32_t len = c.edit ? 2 * (cnt + 4) : 2 * (cnt + 1);
  HamtNode* r = alloc_node(c, HamtKind::Bitmap, n->bits | bit, len);
  Value* d = r->slots();
  std::memcpy(static_cast<void*>(d), a, 2 * idx * sizeof(Value));
  d[2 * idx] = key;
  d[2 * idx + 1] = val;
  std::memcpy(static_cast<void*>(d + 2 * idx + 2), a + 2 * idx, (2 * cnt - 2 * idx) * sizeof(Value));
  fill_nil(d + 2 * cnt + 2, len - 2 * cnt - 2);
  return r;
}

// The Array node holding the subnodes of n, a PairArray node left with no entries.
HamtNode* to_array(Ctx& c, const HamtNode* n) {
  HamtNode* r = alloc_node(c, HamtKind::Array, n->bits, HamtNode::kArraySlots);
  for (uint32_t p = 0; p < 32; ++p) r->slots()[p] = n->slots()[2 * p + 1];
  return r;
}

bool has_entries(const HamtNode* n) {
  for (uint32_t i = 0; i < n->len; i += 2)
    if (!n->slots()[i].is_nil() && !is_sub(n->slots()[i])) return true;
  return false;
}

HamtNode* pair_array_assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val) {
  uint32_t i = 2 * mask(hash, shift);
  const Value* a = n->slots();
  if (a[i].is_nil()) {  // an empty position
    HamtNode* r = edit_and_set2(c, n, i, key, i + 1, val);
    r->bits++;
    c.added_leaf = true;
    return r;
  }
  c.pushed_down = false;
  HamtNode* r = pair_assoc(c, n, i, shift, hash, key, val);
  if (c.pushed_down && !has_entries(r)) r = to_array(c, r);
  c.pushed_down = false;
  return r;
}

HamtNode* array_assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val) {
  uint32_t idx = mask(hash, shift);
  HamtNode* sub = HamtNode::node_of(n->slots()[idx]);
  if (!sub) {
    HamtNode* r = edit_and_set(c, n, idx, Value::object(bitmap_single(c, shift + 5, hash, key, val)));
    r->bits++;
    return r;
  }
  HamtNode* ns = assoc(c, sub, shift + 5, hash, key, val);
  if (ns == sub) return const_cast<HamtNode*>(n);
  return edit_and_set(c, n, idx, Value::object(ns));
}

int64_t collision_index(Ctx& c, const HamtNode* n, Value key) {
  for (uint32_t i = 0; i < n->len; i += 2)
    if (equiv(c.vm, key, n->slots()[i])) return i;
  return -1;
}

HamtNode* collision_assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val) {
  if (hash == n->bits) {
    int64_t idx = collision_index(c, n, key);
    if (idx >= 0) {
      if (n->slots()[idx + 1] == val) return const_cast<HamtNode*>(n);
      return edit_and_set(c, n, static_cast<uint32_t>(idx + 1), val);
    }
    HamtNode* r = alloc_node(c, HamtKind::Collision, hash, n->len + 2);
    std::memcpy(static_cast<void*>(r->slots()), n->slots(), n->len * sizeof(Value));
    r->slots()[n->len] = key;
    r->slots()[n->len + 1] = val;
    c.added_leaf = true;
    return r;
  }
  // Different hash: nest this node in a bitmap node and add the key there.
  HamtNode* wrap = alloc_node(c, HamtKind::Bitmap, bitpos(n->bits, shift), c.edit ? 4 : 2);
  fill_nil(wrap->slots(), wrap->len);
  wrap->slots()[0] = sub_marker(n);
  wrap->slots()[1] = Value::object(n);
  return bitmap_assoc(c, wrap, shift, hash, key, val);
}

HamtNode* assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val) {
  switch (n->kind()) {
    case HamtKind::Bitmap: return bitmap_assoc(c, n, shift, hash, key, val);
    case HamtKind::PairArray: return pair_array_assoc(c, n, shift, hash, key, val);
    case HamtKind::Array: return array_assoc(c, n, shift, hash, key, val);
    case HamtKind::Collision: return collision_assoc(c, n, shift, hash, key, val);
  }
  return nullptr;
}

// A PairArray or Array node with at most 8 occupied positions, minus position `gone`,
// packed into a Bitmap node.
HamtNode* pack(Ctx& c, const HamtNode* n, uint32_t gone) {
  HamtNode* r = alloc_node(c, HamtKind::Bitmap, 0, 2 * (n->bits - 1));
  const Value* a = n->slots();
  const bool pairs = n->kind() == HamtKind::PairArray;
  uint32_t j = 0, bitmap = 0;
  for (uint32_t p = 0; p < 32; ++p) {
    if (p == gone) continue;
    if (pairs) {
      if (a[2 * p].is_nil()) continue;
      r->slots()[j] = a[2 * p];
      r->slots()[j + 1] = a[2 * p + 1];
    } else {
      HamtNode* sub = HamtNode::node_of(a[p]);
      if (!sub) continue;
      r->slots()[j] = sub_marker(sub);
      r->slots()[j + 1] = a[p];
    }
    bitmap |= 1u << p;
    j += 2;
  }
  r->bits = bitmap;
  return r;
}

// Returns n itself when key is absent, nullptr when the node empties.
HamtNode* without(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key) {
  HamtNode* self = const_cast<HamtNode*>(n);
  switch (n->kind()) {
    case HamtKind::Bitmap: {
      uint32_t bit = bitpos(hash, shift);
      if (!(n->bits & bit)) return self;
      uint32_t idx = popcount32(n->bits & (bit - 1));
      Value k = n->slots()[2 * idx];
      Value vn = n->slots()[2 * idx + 1];
      if (is_sub(k)) {
        HamtNode* sub = HamtNode::node_of(vn);
        HamtNode* ns = without(c, sub, shift + 5, hash, key);
        if (ns == sub) return self;
        if (ns) return set_sub(c, n, 2 * idx, ns);
        if (n->bits == bit) return nullptr;
        return bitmap_remove_pair(c, n, bit, idx);
      }
      if (equiv(c.vm, key, k)) {
        c.removed_leaf = true;
        if (n->bits == bit) return nullptr;
        return bitmap_remove_pair(c, n, bit, idx);
      }
      return self;
    }
    case HamtKind::PairArray: {
      uint32_t i = 2 * mask(hash, shift);
      Value k = n->slots()[i];
      Value vn = n->slots()[i + 1];
      if (k.is_nil()) return self;  // an empty position
      if (is_sub(k)) {
        HamtNode* sub = HamtNode::node_of(vn);
        HamtNode* ns = without(c, sub, shift + 5, hash, key);
        if (ns == sub) return self;
        if (ns) return set_sub(c, n, i, ns);
      } else {
        if (!equiv(c.vm, key, k)) return self;
        c.removed_leaf = true;
      }
      // Position i/2 empties.
      if (n->bits <= 8) return pack(c, n, i / 2);
      HamtNode* r = edit_and_set2(c, n, i, Value::nil(), i + 1, Value::nil());
      r->bits--;
      return r;
    }
    case HamtKind::Array: {
      uint32_t idx = mask(hash, shift);
      HamtNode* sub = HamtNode::node_of(n->slots()[idx]);
      if (!sub) return self;
      HamtNode* ns = without(c, sub, shift + 5, hash, key);
      if (ns == sub) return self;
      if (ns) return edit_and_set(c, n, idx, Value::object(ns));
      if (n->bits <= 8) return pack(c, n, idx);
      HamtNode* r = edit_and_set(c, n, idx, Value::nil());
      r->bits--;
      return r;
    }
    case HamtKind::Collision: {
      int64_t idx = collision_index(c, n, key);
      if (idx < 0) return self;
      c.removed_leaf = true;
      if (n->len == 2) return nullptr;
      HamtNode* r = alloc_node(c, HamtKind::Collision, n->bits, n->len - 2);
      const Value* src = n->slots();
      std::memcpy(static_cast<void*>(r->slots()), src, idx * sizeof(Value));
      std::memcpy(static_cast<void*>(r->slots() + idx), src + idx + 2, (n->len - idx - 2) * sizeof(Value));
      return r;
    }
  }
  return self;
}

// Calls f on every entry under n in seq order. The kinds other than Array are runs of
// pairs: [key val] entries, [marker node] subnodes and (in PairArray nodes) [nil nil]
// empty positions.
void visit(const HamtNode* n, void (*f)(void*, Value, Value), void* ctx) {
  const Value* a = n->slots();
  if (n->kind() == HamtKind::Array) {
    for (uint32_t i = 0; i < HamtNode::kArraySlots; ++i)
      if (!a[i].is_nil()) visit(HamtNode::node_of(a[i]), f, ctx);
    return;
  }
  for (uint32_t i = 0, u = used(n); i < u; i += 2) {
    if (is_sub(a[i]))
      visit(HamtNode::node_of(a[i + 1]), f, ctx);
    else if (!a[i].is_nil())
      f(ctx, a[i], a[i + 1]);
  }
}

}  // namespace

HamtNode* hamt_assoc(State& vm, Obj* edit, HamtNode* root, uint32_t hash, Value key, Value val, bool* added_leaf) {
  Ctx c{vm, vm.heap, edit};
  HamtNode* r = root ? assoc(c, root, 0, hash, key, val) : bitmap_single(c, 0, hash, key, val);
  *added_leaf = c.added_leaf;
  return r;
}

HamtNode* hamt_without(State& vm, Obj* edit, HamtNode* root, uint32_t hash, Value key, bool* removed) {
  Ctx c{vm, vm.heap, edit};
  HamtNode* r = root ? without(c, root, 0, hash, key) : root;
  *removed = c.removed_leaf;
  return r;
}

const Value* hamt_find(State& vm, const HamtNode* n, uint32_t hash, Value key) {
  // Below a pair, the kind of a subnode comes from its marker, so a PairArray node's
  // header is never read on the way down.
  HamtKind kind = n->kind();
  for (uint32_t shift = 0;; shift += 5) {
    const Value* pair;
    if (kind == HamtKind::PairArray) {  // the pair is found from the hash alone
      pair = n->slots() + 2 * mask(hash, shift);
    } else if (kind == HamtKind::Array) {
      n = HamtNode::node_of(n->slots()[mask(hash, shift)]);
      if (!n) return nullptr;
      kind = n->kind();
      continue;
    } else if (kind == HamtKind::Bitmap) {
      uint32_t bit = bitpos(hash, shift);
      if (!(n->bits & bit)) return nullptr;
      pair = n->slots() + 2 * popcount32(n->bits & (bit - 1));
    } else {
      for (uint32_t i = 0; i < n->len; i += 2)
        if (equiv(vm, key, n->slots()[i])) return &n->slots()[i + 1];
      return nullptr;
    }
    Value k = pair[0];
    if (is_sub(k)) {
      kind = sub_kind(k);
      n = HamtNode::node_of(pair[1]);
      continue;
    }
    if (k == key) return pair + 1;
    if (k.is_nil()) return nullptr;  // an empty position of a PairArray node
    return equiv(vm, key, k) ? pair + 1 : nullptr;
  }
}

Value empty_hash_map(Heap& h, Value meta) {
  return Value::object(h.make<HashMap>(0u, nullptr, false, Value::nil(), meta));
}

Value hash_map_lookup(State& vm, const HashMap* m, Value key, Value not_found, bool* found) {
  const Value* slot = nullptr;
  if (key.is_nil()) {
    if (m->has_null) slot = &m->null_val;
  } else if (m->root) {
    slot = hamt_find(vm, m->root, hash(vm, key), key);
  }
  if (found) *found = slot != nullptr;
  return slot ? *slot : not_found;
}

Value hash_map_assoc(State& vm, HashMap* m, Value key, Value val) {
  Heap& h = vm.heap;
  if (key.is_nil()) {
    if (m->has_null && m->null_val == val) return Value::object(m);
    return Value::object(h.make<HashMap>(m->has_null ? m->count : m->count + 1, m->root, true, val, m->meta));
  }
  uint32_t kh = hash(vm, key);
  bool added = false;
  HamtNode* nr = hamt_assoc(vm, nullptr, m->root, kh, key, val, &added);
  if (nr == m->root) return Value::object(m);
  return Value::object(h.make<HashMap>(added ? m->count + 1 : m->count, nr, m->has_null, m->null_val, m->meta));
}

Value hash_map_dissoc(State& vm, HashMap* m, Value key) {
  Heap& h = vm.heap;
  if (key.is_nil()) {
    if (!m->has_null) return Value::object(m);
    return Value::object(h.make<HashMap>(m->count - 1, m->root, false, Value::nil(), m->meta));
  }
  if (!m->root) return Value::object(m);
  uint32_t kh = hash(vm, key);
  bool removed = false;
  HamtNode* nr = hamt_without(vm, nullptr, m->root, kh, key, &removed);
  if (nr == m->root) return Value::object(m);
  return Value::object(h.make<HashMap>(m->count - 1, nr, m->has_null, m->null_val, m->meta));
}

Value hash_map_from(State& vm, const Value* kvs, size_t npairs, Value meta) {
  RootScope scope(vm.heap);
  size_t slot = scope.push(empty_hash_map(vm.heap, meta));
  for (size_t i = 0; i < npairs; ++i) {
    Value next = hash_map_assoc(vm, static_cast<HashMap*>(scope[slot].as_obj()), kvs[2 * i], kvs[2 * i + 1]);
    scope[slot] = next;
  }
  return scope[slot];
}

void hash_map_visit(const HashMap* m, void (*f)(void* ctx, Value k, Value v), void* ctx) {
  if (m->has_null) f(ctx, Value::nil(), m->null_val);
  if (m->root) visit(m->root, f, ctx);
}

// ---- HashMapSeq ----

namespace {

// Moves s's path to the first entry at or after its current position (the top frame's
// slot included); false when the trie has no more entries.
bool settle(HashMapSeq* s) {
  while (s->depth > 0) {
    HashMapSeq::Frame& top = s->stack[s->depth - 1];
    const HamtNode* n = top.node;
    const Value* a = n->slots();
    bool descended = false;
    if (n->kind() == HamtKind::Array) {
      for (; top.i < HamtNode::kArraySlots; ++top.i) {
        if (a[top.i].is_nil()) continue;
        assert(s->depth < HashMapSeq::kMaxDepth);
        s->stack[s->depth++] = {HamtNode::node_of(a[top.i]), 0};
        descended = true;
        break;
      }
    } else {
      for (uint32_t u = used(n); top.i < u; top.i += 2) {
        if (a[top.i].is_nil()) continue;     // an empty position of a PairArray node
        if (!is_sub(a[top.i])) return true;  // an entry
        assert(s->depth < HashMapSeq::kMaxDepth);
        s->stack[s->depth++] = {HamtNode::node_of(a[top.i + 1]), 0};
        descended = true;
        break;
      }
    }
    if (descended) continue;
    // This node is exhausted: step past it in its parent.
    --s->depth;
    if (s->depth > 0) {
      HashMapSeq::Frame& parent = s->stack[s->depth - 1];
      parent.i += parent.node->kind() == HamtKind::Array ? 1 : 2;
    }
  }
  return false;
}

}  // namespace

Value hash_map_seq(Heap& h, const HashMap* m, uint8_t kind) {
  if (m->count == 0) return Value::nil();
  HashMapSeq* s = h.make<HashMapSeq>();
  s->remaining = m->count;
  s->kind = kind;
  s->at_null = m->has_null;
  s->null_val = m->null_val;
  s->depth = 0;
  if (m->root) {
    s->stack[0] = {m->root, 0};
    s->depth = 1;
    settle(s);
  }
  return Value::object(s);
}

Value hash_map_seq_next(Heap& h, const HashMapSeq* s) {
  if (s->remaining <= 1) return Value::nil();
  HashMapSeq* r = h.make<HashMapSeq>();
  r->remaining = s->remaining - 1;
  r->kind = s->kind;
  r->at_null = false;
  r->depth = s->depth;
  std::memcpy(static_cast<void*>(r->stack), s->stack, s->depth * sizeof(HashMapSeq::Frame));
  if (!s->at_null) r->stack[r->depth - 1].i += 2;
  settle(r);
  return Value::object(r);
}

void hash_map_seq_entry(const HashMapSeq* s, Value* key, Value* val) {
  if (s->at_null) {
    *key = Value::nil();
    *val = s->null_val;
    return;
  }
  const HashMapSeq::Frame& top = s->stack[s->depth - 1];
  *key = top.node->slots()[top.i];
  *val = top.node->slots()[top.i + 1];
}

}  // namespace clove
