// hash_map.cpp: the HAMT behind PersistentHashMap (Bagwell 2001; node algorithms after
// clojure.lang.PersistentHashMap's BitmapIndexedNode, ArrayNode and HashCollisionNode).
//
// Re-entrancy: the only operation here that can call back into Clove is hashing or
// comparing a key that holds an unrealized lazy seq. Public entry points hash the new
// key first, which realizes it completely; keys already stored were realized the same
// way when they were added. So the path copying below never runs Clove code and needs
// no rooting, except hash_map_from, which roots the map it is building.
#include "runtime/coll/hash_map.h"

#include <bit>
#include <cstring>

#include "runtime/coll.h"
#include "vm/vm.h"

namespace clove {

namespace {

inline uint32_t mask(uint32_t hash, uint32_t shift) { return (hash >> shift) & 31; }
inline uint32_t bitpos(uint32_t hash, uint32_t shift) { return 1u << mask(hash, shift); }

struct Ctx {
  VM& vm;
  Heap& h;
  bool added_leaf = false;
};

HamtNode* alloc_node(Heap& h, HamtKind kind, uint32_t bits, uint32_t len) {
  return h.make_extra<HamtNode>(len * sizeof(Value), kind, bits, len);
}

HamtNode* clone_set(Heap& h, const HamtNode* n, uint32_t i, Value v) {
  HamtNode* r = alloc_node(h, n->kind, n->bits, n->len);
  std::memcpy(static_cast<void*>(r->slots()), n->slots(), n->len * sizeof(Value));
  r->slots()[i] = v;
  return r;
}

HamtNode* clone_set2(Heap& h, const HamtNode* n, uint32_t i, Value a, uint32_t j, Value b) {
  HamtNode* r = clone_set(h, n, i, a);
  r->slots()[j] = b;
  return r;
}

// A node like n (Bitmap or Collision) without pair `idx`, with header bits `bits`.
HamtNode* remove_pair(Heap& h, const HamtNode* n, uint32_t bits, uint32_t idx) {
  HamtNode* r = alloc_node(h, n->kind, bits, n->len - 2);
  const Value* src = n->slots();
  std::memcpy(static_cast<void*>(r->slots()), src, 2 * idx * sizeof(Value));
  std::memcpy(static_cast<void*>(r->slots() + 2 * idx), src + 2 * idx + 2, (n->len - 2 * idx - 2) * sizeof(Value));
  return r;
}

HamtNode* assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val);

HamtNode* bitmap_assoc_empty(Ctx& c, uint32_t shift, uint32_t hash, Value key, Value val) {
  HamtNode* r = alloc_node(c.h, HamtKind::Bitmap, bitpos(hash, shift), 2);
  r->slots()[0] = key;
  r->slots()[1] = val;
  c.added_leaf = true;
  return r;
}

HamtNode* create_node(Ctx& c, uint32_t shift, Value key1, Value val1, uint32_t key2hash, Value key2, Value val2) {
  uint32_t key1hash = clove::hash(c.vm, key1);
  if (key1hash == key2hash) {
    HamtNode* r = alloc_node(c.h, HamtKind::Collision, key1hash, 4);
    r->slots()[0] = key1;
    r->slots()[1] = val1;
    r->slots()[2] = key2;
    r->slots()[3] = val2;
    c.added_leaf = true;
    return r;
  }
  HamtNode* r = bitmap_assoc_empty(c, shift, key1hash, key1, val1);
  return assoc(c, r, shift, key2hash, key2, val2);
}

HamtNode* bitmap_assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val) {
  uint32_t bit = bitpos(hash, shift);
  uint32_t idx = std::popcount(n->bits & (bit - 1));
  const Value* a = n->slots();
  if (n->bits & bit) {
    Value k = a[2 * idx];
    Value vn = a[2 * idx + 1];
    if (k.is_nil()) {  // a subnode
      HamtNode* sub = HamtNode::node_of(vn);
      HamtNode* ns = assoc(c, sub, shift + 5, hash, key, val);
      if (ns == sub) return const_cast<HamtNode*>(n);
      return clone_set(c.h, n, 2 * idx + 1, Value::object(ns));
    }
    if (equiv(c.vm, key, k)) {
      if (vn == val) return const_cast<HamtNode*>(n);
      return clone_set(c.h, n, 2 * idx + 1, val);
    }
    HamtNode* sub = create_node(c, shift + 5, k, vn, hash, key, val);
    return clone_set2(c.h, n, 2 * idx, Value::nil(), 2 * idx + 1, Value::object(sub));
  }
  uint32_t cnt = std::popcount(n->bits);
  if (cnt >= 16) {  // becomes an Array node
    HamtNode* r = alloc_node(c.h, HamtKind::Array, cnt + 1, 32);
    for (uint32_t i = 0; i < 32; ++i) r->slots()[i] = Value::nil();
    uint32_t jdx = mask(hash, shift);
    r->slots()[jdx] = Value::object(bitmap_assoc_empty(c, shift + 5, hash, key, val));
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
                                          : bitmap_assoc_empty(c, shift + 5, kh, a[j], a[j + 1]));
        c.added_leaf = added;
      }
      j += 2;
    }
    return r;
  }
  HamtNode* r = alloc_node(c.h, HamtKind::Bitmap, n->bits | bit, 2 * (cnt + 1));
  Value* d = r->slots();
  std::memcpy(static_cast<void*>(d), a, 2 * idx * sizeof(Value));
  d[2 * idx] = key;
  d[2 * idx + 1] = val;
  std::memcpy(static_cast<void*>(d + 2 * idx + 2), a + 2 * idx, (2 * cnt - 2 * idx) * sizeof(Value));
  c.added_leaf = true;
  return r;
}

HamtNode* array_assoc(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key, Value val) {
  uint32_t idx = mask(hash, shift);
  HamtNode* sub = HamtNode::node_of(n->slots()[idx]);
  if (!sub) {
    HamtNode* r = clone_set(c.h, n, idx, Value::object(bitmap_assoc_empty(c, shift + 5, hash, key, val)));
    r->bits = n->bits + 1;
    return r;
  }
  HamtNode* ns = assoc(c, sub, shift + 5, hash, key, val);
  if (ns == sub) return const_cast<HamtNode*>(n);
  return clone_set(c.h, n, idx, Value::object(ns));
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
      return clone_set(c.h, n, static_cast<uint32_t>(idx + 1), val);
    }
    HamtNode* r = alloc_node(c.h, HamtKind::Collision, hash, n->len + 2);
    std::memcpy(static_cast<void*>(r->slots()), n->slots(), n->len * sizeof(Value));
    r->slots()[n->len] = key;
    r->slots()[n->len + 1] = val;
    c.added_leaf = true;
    return r;
  }
  // Different hash: nest this node in a bitmap node and add the key there.
  HamtNode* wrap = alloc_node(c.h, HamtKind::Bitmap, bitpos(n->bits, shift), 2);
  wrap->slots()[0] = Value::nil();
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

// Returns n itself when key is absent, nullptr when the node empties.
HamtNode* without(Ctx& c, const HamtNode* n, uint32_t shift, uint32_t hash, Value key) {
  HamtNode* self = const_cast<HamtNode*>(n);
  switch (n->kind) {
    case HamtKind::Bitmap: {
      uint32_t bit = bitpos(hash, shift);
      if (!(n->bits & bit)) return self;
      uint32_t idx = std::popcount(n->bits & (bit - 1));
      Value k = n->slots()[2 * idx];
      Value vn = n->slots()[2 * idx + 1];
      if (k.is_nil()) {
        HamtNode* sub = HamtNode::node_of(vn);
        HamtNode* ns = without(c, sub, shift + 5, hash, key);
        if (ns == sub) return self;
        if (ns) return clone_set(c.h, n, 2 * idx + 1, Value::object(ns));
        if (n->bits == bit) return nullptr;
        return remove_pair(c.h, n, n->bits ^ bit, idx);
      }
      if (equiv(c.vm, key, k)) {
        if (n->bits == bit) return nullptr;
        return remove_pair(c.h, n, n->bits ^ bit, idx);
      }
      return self;
    }
    case HamtKind::Array: {
      uint32_t idx = mask(hash, shift);
      HamtNode* sub = HamtNode::node_of(n->slots()[idx]);
      if (!sub) return self;
      HamtNode* ns = without(c, sub, shift + 5, hash, key);
      if (ns == sub) return self;
      if (ns) return clone_set(c.h, n, idx, Value::object(ns));
      if (n->bits <= 8) {  // pack into a bitmap node
        HamtNode* r = alloc_node(c.h, HamtKind::Bitmap, 0, 2 * (n->bits - 1));
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
      HamtNode* r = clone_set(c.h, n, idx, Value::nil());
      r->bits = n->bits - 1;
      return r;
    }
    case HamtKind::Collision: {
      int64_t idx = collision_index(c, n, key);
      if (idx < 0) return self;
      if (n->len == 2) return nullptr;
      return remove_pair(c.h, n, n->bits, static_cast<uint32_t>(idx / 2));
    }
  }
  return self;
}

const Value* find(VM& vm, const HamtNode* n, uint32_t hash, Value key) {
  uint32_t shift = 0;
  for (;;) {
    switch (n->kind) {
      case HamtKind::Bitmap: {
        uint32_t bit = bitpos(hash, shift);
        if (!(n->bits & bit)) return nullptr;
        uint32_t idx = std::popcount(n->bits & (bit - 1));
        Value k = n->slots()[2 * idx];
        if (k.is_nil()) {
          n = HamtNode::node_of(n->slots()[2 * idx + 1]);
          break;
        }
        return equiv(vm, key, k) ? &n->slots()[2 * idx + 1] : nullptr;
      }
      case HamtKind::Array: {
        n = HamtNode::node_of(n->slots()[mask(hash, shift)]);
        if (!n) return nullptr;
        break;
      }
      case HamtKind::Collision: {
        for (uint32_t i = 0; i < n->len; i += 2)
          if (equiv(vm, key, n->slots()[i])) return &n->slots()[i + 1];
        return nullptr;
      }
    }
    shift += 5;
  }
}

void visit(const HamtNode* n, void (*f)(void*, Value, Value), void* ctx) {
  const Value* a = n->slots();
  switch (n->kind) {
    case HamtKind::Bitmap:
      for (uint32_t i = 0; i < n->len; i += 2) {
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

Value empty_hash_map(Heap& h, Value meta) {
  return Value::object(h.make<HashMap>(0u, nullptr, false, Value::nil(), meta));
}

Value hash_map_lookup(VM& vm, const HashMap* m, Value key, Value not_found, bool* found) {
  const Value* slot = nullptr;
  if (key.is_nil()) {
    if (m->has_null) slot = &m->null_val;
  } else if (m->root) {
    slot = find(vm, m->root, hash(vm, key), key);
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
  Ctx c{vm, h};
  HamtNode* nr = m->root ? assoc(c, m->root, 0, kh, key, val) : bitmap_assoc_empty(c, 0, kh, key, val);
  if (nr == m->root) return Value::object(m);
  return Value::object(h.make<HashMap>(c.added_leaf ? m->count + 1 : m->count, nr, m->has_null, m->null_val, m->meta));
}

Value hash_map_dissoc(VM& vm, HashMap* m, Value key) {
  Heap& h = vm.heap;
  if (key.is_nil()) {
    if (!m->has_null) return Value::object(m);
    return Value::object(h.make<HashMap>(m->count - 1, m->root, false, Value::nil(), m->meta));
  }
  if (!m->root) return Value::object(m);
  uint32_t kh = hash(vm, key);
  Ctx c{vm, h};
  HamtNode* nr = without(c, m->root, 0, kh, key);
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

}  // namespace clove
