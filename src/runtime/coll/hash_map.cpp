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

#include "common/bits.h"
#include "runtime/coll.h"
#include "runtime/coll/map_seq.h"
#include "vm/vm.h"

namespace clove {

namespace {

inline uint32_t mask(uint32_t hash, uint32_t shift) { return (hash >> shift) & 31; }
inline uint32_t bitpos(uint32_t hash, uint32_t shift) { return 1u << mask(hash, shift); }
/// Slots in use: 2 per position for Bitmap nodes, all of them otherwise.
inline uint32_t used(const HamtNode* n) {
  return n->kind == HamtKind::Bitmap ? 2 * static_cast<uint32_t>(popcount32(n->bits)) : n->len;
}

struct Ctx {
  VM& vm;
  Heap& h;
  Obj* edit;
  bool added_leaf = false;
  bool removed_leaf = false;
};

HamtNode* alloc_node(Ctx& c, HamtKind kind, uint32_t bits, uint32_t len) {
  HamtNode* n = c.h.make_extra<HamtNode>(len * sizeof(Value), kind, bits, len, c.edit);
  return n;
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
  uint32_t len = (c.edit && n->kind == HamtKind::Bitmap) ? u + 2 : u;
  HamtNode* r = alloc_node(c, n->kind, n->bits, len);
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

HamtNode* create_node(Ctx& c, uint32_t shift, Value key1, Value val1, uint32_t key2hash, Value key2, Value val2) {
  uint32_t key1hash = clove::hash(c.vm, key1);
  if (key1hash == key2hash) {
    HamtNode* r = alloc_node(c, HamtKind::Collision, key1hash, 4);
    r->slots()[0] = key1;
    r->slots()[1] = val1;
    r->slots()[2] = key2;
    r->slots()[3] = val2;
    c.added_leaf = true;
    return r;
  }
  HamtNode* r = bitmap_single(c, shift, key1hash, key1, val1);
  return assoc(c, r, shift, key2hash, key2, val2);
}

HamtNode* bitmap_assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val) {
  uint32_t bit = bitpos(hash, shift);
  uint32_t idx = popcount32(n->bits & (bit - 1));
  const Value* a = n->slots();
  if (n->bits & bit) {
    Value k = a[2 * idx];
    Value vn = a[2 * idx + 1];
    if (k.is_nil()) {  // a subnode
      HamtNode* sub = HamtNode::node_of(vn);
      HamtNode* ns = assoc(c, sub, shift + 5, hash, key, val);
      if (ns == sub) return const_cast<HamtNode*>(n);
      return edit_and_set(c, n, 2 * idx + 1, Value::object(ns));
    }
    if (equiv(c.vm, key, k)) {
      if (vn == val) return const_cast<HamtNode*>(n);
      return edit_and_set(c, n, 2 * idx + 1, val);
    }
    HamtNode* sub = create_node(c, shift + 5, k, vn, hash, key, val);
    return edit_and_set2(c, n, 2 * idx, Value::nil(), 2 * idx + 1, Value::object(sub));
  }
  uint32_t cnt = popcount32(n->bits);
  if (owned(c, n) && 2 * cnt < n->len) {  // room in place
    HamtNode* r = const_cast<HamtNode*>(n);
    Value* d = r->slots();
    std::memmove(static_cast<void*>(d + 2 * idx + 2), d + 2 * idx, (2 * cnt - 2 * idx) * sizeof(Value));
    store(c, r, 2 * idx, key);
    store(c, r, 2 * idx + 1, val);
    r->bits |= bit;
    c.added_leaf = true;
    return r;
  }
  if (cnt >= 16) {  // becomes an Array node
    HamtNode* r = alloc_node(c, HamtKind::Array, cnt + 1, 32);
    fill_nil(r->slots(), 32);
    uint32_t jdx = mask(hash, shift);
    r->slots()[jdx] = Value::object(bitmap_single(c, shift + 5, hash, key, val));
    uint32_t j = 0;
    for (uint32_t i = 0; i < 32; ++i) {
      if (!((n->bits >> i) & 1)) continue;
      if (a[j].is_nil()) {
        r->slots()[i] = a[j + 1];
      } else {
        bool added = c.added_leaf;
        HamtNode* sub = HamtNode::node_of(r->slots()[i]);
        uint32_t kh = clove::hash(c.vm, a[j]);
        r->slots()[i] = Value::object(sub ? assoc(c, sub, shift + 5, kh, a[j], a[j + 1])
                                          : bitmap_single(c, shift + 5, kh, a[j], a[j + 1]));
        c.added_leaf = added;
      }
      j += 2;
    }
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
  c.added_leaf = true;
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
  wrap->slots()[1] = Value::object(n);
  return bitmap_assoc(c, wrap, shift, hash, key, val);
}

HamtNode* assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val) {
  switch (n->kind) {
    case HamtKind::Bitmap: return bitmap_assoc(c, n, shift, hash, key, val);
    case HamtKind::Array: return array_assoc(c, n, shift, hash, key, val);
    case HamtKind::Collision: return collision_assoc(c, n, shift, hash, key, val);
  }
  return nullptr;
}

// An Array node with at most 8 children, minus child idx, packed into a Bitmap node.
HamtNode* pack(Ctx& c, const HamtNode* n, uint32_t idx) {
  HamtNode* r = alloc_node(c, HamtKind::Bitmap, 0, 2 * (n->bits - 1));
  uint32_t j = 0, bitmap = 0;
  for (uint32_t i = 0; i < 32; ++i) {
    if (i == idx || n->slots()[i].is_nil()) continue;
    r->slots()[j] = Value::nil();
    r->slots()[j + 1] = n->slots()[i];
    bitmap |= 1u << i;
    j += 2;
  }
  r->bits = bitmap;
  return r;
}

// Returns n itself when key is absent, nullptr when the node empties.
HamtNode* without(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key) {
  HamtNode* self = const_cast<HamtNode*>(n);
  switch (n->kind) {
    case HamtKind::Bitmap: {
      uint32_t bit = bitpos(hash, shift);
      if (!(n->bits & bit)) return self;
      uint32_t idx = popcount32(n->bits & (bit - 1));
      Value k = n->slots()[2 * idx];
      Value vn = n->slots()[2 * idx + 1];
      if (k.is_nil()) {
        HamtNode* sub = HamtNode::node_of(vn);
        HamtNode* ns = without(c, sub, shift + 5, hash, key);
        if (ns == sub) return self;
        if (ns) return edit_and_set(c, n, 2 * idx + 1, Value::object(ns));
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

void visit(const HamtNode* n, void (*f)(void*, Value, Value), void* ctx) {
  const Value* a = n->slots();
  switch (n->kind) {
    case HamtKind::Bitmap:
      for (uint32_t i = 0, u = used(n); i < u; i += 2) {
        if (a[i].is_nil())
          visit(HamtNode::node_of(a[i + 1]), f, ctx);
        else
          f(ctx, a[i], a[i + 1]);
      }
      break;
    case HamtKind::Array:
      for (uint32_t i = 0; i < 32; ++i)
        if (!a[i].is_nil()) visit(HamtNode::node_of(a[i]), f, ctx);
      break;
    case HamtKind::Collision:
      for (uint32_t i = 0; i < n->len; i += 2) f(ctx, a[i], a[i + 1]);
      break;
  }
}

}  // namespace

HamtNode* hamt_assoc(VM& vm, Obj* edit, HamtNode* root, uint32_t hash, Value key, Value val, bool* added_leaf) {
  Ctx c{vm, vm.heap, edit};
  HamtNode* r = root ? assoc(c, root, 0, hash, key, val) : bitmap_single(c, 0, hash, key, val);
  *added_leaf = c.added_leaf;
  return r;
}

HamtNode* hamt_without(VM& vm, Obj* edit, HamtNode* root, uint32_t hash, Value key, bool* removed) {
  Ctx c{vm, vm.heap, edit};
  HamtNode* r = root ? without(c, root, 0, hash, key) : root;
  *removed = c.removed_leaf;
  return r;
}

const Value* hamt_find(VM& vm, const HamtNode* n, uint32_t hash, Value key) {
  uint32_t shift = 0;
  while (n) {
    switch (n->kind) {
      case HamtKind::Bitmap: {
        uint32_t bit = bitpos(hash, shift);
        if (!(n->bits & bit)) return nullptr;
        uint32_t idx = popcount32(n->bits & (bit - 1));
        Value k = n->slots()[2 * idx];
        if (k.is_nil()) {
          n = HamtNode::node_of(n->slots()[2 * idx + 1]);
          break;
        }
        if (k == key) return &n->slots()[2 * idx + 1];
        return equiv(vm, key, k) ? &n->slots()[2 * idx + 1] : nullptr;
      }
      case HamtKind::Array: n = HamtNode::node_of(n->slots()[mask(hash, shift)]); break;
      case HamtKind::Collision: {
        for (uint32_t i = 0; i < n->len; i += 2)
          if (equiv(vm, key, n->slots()[i])) return &n->slots()[i + 1];
        return nullptr;
      }
    }
    shift += 5;
  }
  return nullptr;
}

Value empty_hash_map(Heap& h, Value meta) {
  return Value::object(h.make<HashMap>(0u, nullptr, false, Value::nil(), meta));
}

Value hash_map_lookup(VM& vm, const HashMap* m, Value key, Value not_found, bool* found) {
  const Value* slot = nullptr;
  if (key.is_nil()) {
    if (m->has_null) slot = &m->null_val;
  } else if (m->root) {
    slot = hamt_find(vm, m->root, hash(vm, key), key);
  }
  if (found) *found = slot != nullptr;
  return slot ? *slot : not_found;
}

Value hash_map_assoc(VM& vm, HashMap* m, Value key, Value val) {
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

Value hash_map_dissoc(VM& vm, HashMap* m, Value key) {
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

Value hash_map_from(VM& vm, const Value* kvs, size_t npairs, Value meta) {
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
    switch (n->kind) {
      case HamtKind::Bitmap:
        for (uint32_t u = used(n); top.i < u; top.i += 2) {
          if (!a[top.i].is_nil()) return true;
          assert(s->depth < HashMapSeq::kMaxDepth);
          s->stack[s->depth++] = {HamtNode::node_of(a[top.i + 1]), 0};
          descended = true;
          break;
        }
        break;
      case HamtKind::Array:
        for (; top.i < 32; ++top.i) {
          if (a[top.i].is_nil()) continue;
          assert(s->depth < HashMapSeq::kMaxDepth);
          s->stack[s->depth++] = {HamtNode::node_of(a[top.i]), 0};
          descended = true;
          break;
        }
        break;
      case HamtKind::Collision:
        if (top.i < n->len) return true;
        break;
    }
    if (descended) continue;
    // This node is exhausted: step past it in its parent.
    --s->depth;
    if (s->depth > 0) {
      HashMapSeq::Frame& parent = s->stack[s->depth - 1];
      parent.i += parent.node->kind == HamtKind::Array ? 1 : 2;
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
