// transient.cpp: transient collections (after clojure.lang.PersistentVector$TransientVector,
// PersistentArrayMap$TransientArrayMap, PersistentHashMap$TransientHashMap and
// PersistentHashSet$TransientHashSet). See transient.h for the edit-token scheme.
#include "runtime/coll/transient.h"

#include <algorithm>

#include <cstring>
#include <string>

#include "runtime/coll/coll.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/map_entry.h"
#include "runtime/num/number.h"
#include "state/state.h"

namespace clove {

using namespace coll_detail;

namespace {

[[noreturn]] void used_after_persistent() {
  throw_error(ErrorKind::IllegalAccessError, "Transient used after persistent! call");
}

template <class T>
T* editable(Value t) {
  T* x = static_cast<T*>(t.as_obj());
  if (!(x->flags & kFlagTransient)) used_after_persistent();
  return x;
}

// ---- vector ----

// A 32-slot node owned by edit holding src's first n values (src may be nullptr when n is
// 0), nil in the rest.
VectorNode* vnode_copy(Heap& h, Obj* edit, const Value* src, uint32_t n) {
  VectorNode* node = h.make_extra<VectorNode>(32 * sizeof(Value), 32u, edit);
  Value* d = node->slots();
  if (n) std::memcpy(static_cast<void*>(d), src, n * sizeof(Value));
  std::fill(d + n, d + 32, Value::nil());
  return node;
}

VectorNode* new_vnode(Heap& h, Obj* edit) { return vnode_copy(h, edit, nullptr, 0); }

// node itself when tv owns it, else a 32-slot copy owned by tv (nullptr: an empty node).
VectorNode* ensure_editable(Heap& h, TransientVector* tv, VectorNode* node) {
  if (node && node->edit == tv) return node;
  return node ? vnode_copy(h, tv, node->slots(), node->len) : new_vnode(h, tv);
}

inline void vstore(Heap& h, VectorNode* n, uint32_t i, Value v) {
  n->slots()[i] = v;
  h.barrier(n, v);
}

inline void set_root(Heap& h, TransientVector* tv, VectorNode* r) {
  tv->root = r;
  h.barrier(tv, r);
}

VectorNode* new_path(Heap& h, TransientVector* tv, uint32_t level, VectorNode* node) {
  if (level == 0) return node;
  VectorNode* ret = new_vnode(h, tv);
  ret->slots()[0] = Value::object(new_path(h, tv, level - 5, node));
  return ret;
}

VectorNode* push_tail(Heap& h, TransientVector* tv, uint32_t level, VectorNode* parent, VectorNode* tailnode) {
  VectorNode* ret = ensure_editable(h, tv, parent);
  uint32_t subidx = ((tv->cnt - 1) >> level) & 31;
  VectorNode* insert;
  if (level == 5) {
    insert = tailnode;
  } else {
    VectorNode* child = ret->child(subidx);
    insert = child ? push_tail(h, tv, level - 5, child, tailnode) : new_path(h, tv, level - 5, tailnode);
  }
  vstore(h, ret, subidx, Value::object(insert));
  return ret;
}

Value tv_conj(State& vm, TransientVector* tv, Value x) {
  Heap& h = vm.heap;
  uint32_t i = tv->cnt;
  if (i - tv->tailoff() < 32) {
    vstore(h, tv->tail, i & 31, x);
    ++tv->cnt;
    return Value::object(tv);
  }
  // The tail is full: it becomes a leaf of the trie, a fresh tail takes x.
  VectorNode* tailnode = tv->tail;
  VectorNode* nt = new_vnode(h, tv);
  nt->slots()[0] = x;
  VectorNode* newroot;
  uint32_t newshift = tv->shift;
  if ((tv->cnt >> 5) > (1u << tv->shift)) {
    newroot = new_vnode(h, tv);
    newroot->slots()[0] = Value::object(tv->root);
    newroot->slots()[1] = Value::object(new_path(h, tv, tv->shift, tailnode));
    newshift += 5;
  } else {
    newroot = push_tail(h, tv, tv->shift, tv->root, tailnode);
  }
  set_root(h, tv, newroot);
  tv->tail = nt;
  h.barrier(tv, nt);
  tv->shift = newshift;
  ++tv->cnt;
  return Value::object(tv);
}

VectorNode* do_assoc(Heap& h, TransientVector* tv, uint32_t level, VectorNode* node, uint32_t i, Value x) {
  VectorNode* ret = ensure_editable(h, tv, node);
  if (level == 0) {
    vstore(h, ret, i & 31, x);
  } else {
    uint32_t subidx = (i >> level) & 31;
    vstore(h, ret, subidx, Value::object(do_assoc(h, tv, level - 5, ret->child(subidx), i, x)));
  }
  return ret;
}

Value tv_assoc(State& vm, TransientVector* tv, Value key, Value x) {
  int64_t i;  // TransientVector.assoc: any integer key, truncated to int
  if (!integer_key_index(key, &i)) throw_error(ErrorKind::IllegalArgumentException, "Key must be integer");
  Heap& h = vm.heap;
  if (i >= 0 && i < tv->cnt) {
    auto idx = static_cast<uint32_t>(i);
    if (idx >= tv->tailoff()) {
      vstore(h, tv->tail, idx & 31, x);
    } else {
      set_root(h, tv, do_assoc(h, tv, tv->shift, tv->root, idx, x));
    }
    return Value::object(tv);
  }
  if (i == tv->cnt) return tv_conj(vm, tv, x);
  index_out_of_bounds(i);
}

VectorNode* pop_tail(Heap& h, TransientVector* tv, uint32_t level, VectorNode* node) {
  VectorNode* ret = ensure_editable(h, tv, node);
  uint32_t subidx = ((tv->cnt - 2) >> level) & 31;
  if (level > 5) {
    VectorNode* newchild = pop_tail(h, tv, level - 5, ret->child(subidx));
    if (!newchild && subidx == 0) return nullptr;
    vstore(h, ret, subidx, newchild ? Value::object(newchild) : Value::nil());
    return ret;
  }
  if (subidx == 0) return nullptr;
  vstore(h, ret, subidx, Value::nil());
  return ret;
}

Value tv_pop(State& vm, TransientVector* tv) {
  Heap& h = vm.heap;
  if (tv->cnt == 0) throw_error(ErrorKind::IllegalStateException, "Can't pop empty vector");
  uint32_t i = tv->cnt - 1;
  if (tv->cnt == 1 || (i & 31) > 0) {  // the last element is in the tail
    tv->tail->slots()[i & 31] = Value::nil();
    --tv->cnt;
    return Value::object(tv);
  }
  // The tail empties: the trie's last leaf becomes the tail (copied: tv owns its tail).
  uint32_t last = tv->cnt - 2;
  VectorNode* leaf = tv->root;
  for (uint32_t level = tv->shift; level > 0; level -= 5) leaf = leaf->child((last >> level) & 31);
  VectorNode* newtail = ensure_editable(h, tv, leaf);
  VectorNode* newroot = pop_tail(h, tv, tv->shift, tv->root);
  uint32_t newshift = tv->shift;
  if (newshift > 5 && newroot && newroot->slots()[1].is_nil()) {
    newroot = ensure_editable(h, tv, newroot->child(0));
    newshift -= 5;
  }
  set_root(h, tv, newroot);
  tv->tail = newtail;
  h.barrier(tv, newtail);
  tv->shift = newshift;
  --tv->cnt;
  return Value::object(tv);
}

Value tv_persistent(Heap& h, TransientVector* tv) {
  tv->flags &= ~kFlagTransient;
  if (tv->cnt == 0) return empty_vector(h);
  uint32_t tn = tv->cnt - tv->tailoff();
  VectorNode* tail = h.make_extra<VectorNode>(tn * sizeof(Value), tn);
  std::memcpy(static_cast<void*>(tail->slots()), tv->tail->slots(), tn * sizeof(Value));
  if (tv->cnt <= 32) return Value::object(h.make<Vector>(tv->cnt, 5u, nullptr, tail));
  return Value::object(h.make<Vector>(tv->cnt, tv->shift, tv->root, tail));
}

Value tv_nth(TransientVector* tv, int64_t i, Value not_found, bool has_default) {
  if (i >= 0 && i < tv->cnt) {
    auto idx = static_cast<uint32_t>(i);
    if (idx >= tv->tailoff()) return tv->tail->slots()[idx & 31];
    VectorNode* node = tv->root;
    for (uint32_t level = tv->shift; level > 0; level -= 5) node = node->child((idx >> level) & 31);
    return node->slots()[idx & 31];
  }
  if (has_default) return not_found;
  index_out_of_bounds(i);
}

// ---- hash map ----

Value thm_assoc(State& vm, TransientHashMap* m, Value key, Value val) {
  Heap& h = vm.heap;
  if (key.is_nil()) {
    m->null_val = val;
    h.barrier(m, val);
    if (!m->has_null) {
      m->has_null = true;
      ++m->count;
    }
    return Value::object(m);
  }
  uint32_t kh = hash(vm, key);
  bool added = false;
  HamtNode* r = hamt_assoc(vm, m, m->root, kh, key, val, &added);
  if (r != m->root) {
    m->root = r;
    h.barrier(m, r);
  }
  if (added) ++m->count;
  return Value::object(m);
}

Value thm_dissoc(State& vm, TransientHashMap* m, Value key) {
  if (key.is_nil()) {
    if (m->has_null) {
      m->has_null = false;
      m->null_val = Value::nil();
      --m->count;
    }
    return Value::object(m);
  }
  if (!m->root) return Value::object(m);
  uint32_t kh = hash(vm, key);
  bool removed = false;
  HamtNode* r = hamt_without(vm, m, m->root, kh, key, &removed);
  if (r != m->root) {
    m->root = r;
    vm.heap.barrier(m, r);
  }
  if (removed) --m->count;
  return Value::object(m);
}

Value thm_get(State& vm, TransientHashMap* m, Value key, Value not_found, bool* found) {
  const Value* slot = nullptr;
  if (key.is_nil()) {
    if (m->has_null) slot = &m->null_val;
  } else if (m->root) {
    slot = hamt_find(vm, m->root, hash(vm, key), key);
  }
  if (found) *found = slot != nullptr;
  return slot ? *slot : not_found;
}

Value thm_persistent(Heap& h, TransientHashMap* m) {
  m->flags &= ~kFlagTransient;
  return Value::object(h.make<HashMap>(m->count, m->root, m->has_null, m->null_val));
}

Value thm_of(Heap& h, const HashMap* m) {
  return Value::object(h.make<TransientHashMap>(m->count, m->root, m->has_null, m->null_val));
}

// ---- array map ----

int64_t tam_index(State& vm, const TransientArrayMap* m, Value key) {
  for (uint32_t i = 0; i < m->n; ++i)
    if (m->kvs[2 * i] == key || equiv(vm, key, m->kvs[2 * i])) return i;
  return -1;
}

Value tam_assoc(State& vm, TransientArrayMap* m, Value key, Value val) {
  Heap& h = vm.heap;
  int64_t i = tam_index(vm, m, key);
  if (i >= 0) {
    m->kvs[2 * i + 1] = val;
    h.barrier(m, val);
    return Value::object(m);
  }
  if (m->n >= TransientArrayMap::kCapacity) {
    // Grow into a transient hash map holding the pairs in order (Clojure leaves the
    // array map transient editable; so do we).
    RootScope scope(h);
    size_t pm = scope.push(hash_map_from(vm, m->kvs, m->n));
    size_t tm = scope.push(thm_of(h, static_cast<HashMap*>(scope[pm].as_obj())));
    return thm_assoc(vm, static_cast<TransientHashMap*>(scope[tm].as_obj()), key, val);
  }
  m->kvs[2 * m->n] = key;
  m->kvs[2 * m->n + 1] = val;
  h.barrier(m, key);
  h.barrier(m, val);
  ++m->n;
  return Value::object(m);
}

Value tam_dissoc(State& vm, TransientArrayMap* m, Value key) {
  int64_t i = tam_index(vm, m, key);
  if (i < 0) return Value::object(m);
  // As Clojure: the last pair moves into the hole.
  uint32_t last = m->n - 1;
  m->kvs[2 * i] = m->kvs[2 * last];
  m->kvs[2 * i + 1] = m->kvs[2 * last + 1];
  m->kvs[2 * last] = Value::nil();
  m->kvs[2 * last + 1] = Value::nil();
  --m->n;
  return Value::object(m);
}

Value tam_persistent(Heap& h, TransientArrayMap* m) {
  m->flags &= ~kFlagTransient;
  ArrayMap* r = alloc_array_map(h, m->n);
  std::memcpy(static_cast<void*>(r->kvs()), m->kvs, 2 * m->n * sizeof(Value));
  return Value::object(r);
}

// ---- dispatch helpers ----

Value tmap_assoc(State& vm, Value t, Value key, Value val) {
  if (is<TransientArrayMap>(t)) return tam_assoc(vm, editable<TransientArrayMap>(t), key, val);
  return thm_assoc(vm, editable<TransientHashMap>(t), key, val);
}

[[noreturn]] void not_a(Value t, const char* what) {
  throw_error(ErrorKind::ClassCastException,
              std::string("class ") + class_name(t) + " cannot be cast to class clojure.lang." + what);
}

}  // namespace

bool is_transient(Value v) {
  if (!v.is_obj()) return false;
  switch (v.as_obj()->type) {
    case ObjType::TransientVector:
    case ObjType::TransientArrayMap:
    case ObjType::TransientHashMap:
    case ObjType::TransientHashSet: return true;
    default: return false;
  }
}

bool is_editable(Value c) {
  return is_type(c, ObjType::Vector) || is_type(c, ObjType::ArrayMap) || is_type(c, ObjType::HashMap) ||
         is_type(c, ObjType::HashSet);
}

Value transient_of(State& vm, Value coll) {
  Heap& h = vm.heap;
  if (Vector* v = as<Vector>(coll)) {
    TransientVector* tv = h.make<TransientVector>(v->cnt, v->shift);
    // Root first, then the tail: each allocation is reachable from tv at once.
    if (v->root && v->cnt > 32) tv->root = ensure_editable(h, tv, v->root);
    // Only this vector's elements of its tail: a shared tail's slots past them belong
    // to other vectors (vector.h).
    tv->tail = v->tail ? vnode_copy(h, tv, v->tail->slots(), v->cnt - v->tailoff()) : new_vnode(h, tv);
    return Value::object(tv);
  }
  if (ArrayMap* a = as<ArrayMap>(coll)) {
    TransientArrayMap* t = h.make<TransientArrayMap>();
    t->n = a->n;
    for (uint32_t i = 0; i < 2 * TransientArrayMap::kCapacity; ++i) t->kvs[i] = i < 2 * a->n ? a->kvs()[i] : Value::nil();
    return Value::object(t);
  }
  if (HashMap* m = as<HashMap>(coll)) return thm_of(h, m);
  if (HashSet* s = as<HashSet>(coll)) {
    RootScope scope(h);
    size_t impl = scope.push(transient_of(vm, s->impl));
    return Value::object(h.make<TransientHashSet>(scope[impl]));
  }
  not_a(coll, "IEditableCollection");
}

Value persistent_of(State& vm, Value t) {
  Heap& h = vm.heap;
  if (!t.is_obj()) not_a(t, "ITransientCollection");
  switch (t.as_obj()->type) {
    case ObjType::TransientVector: return tv_persistent(h, editable<TransientVector>(t));
    case ObjType::TransientArrayMap: return tam_persistent(h, editable<TransientArrayMap>(t));
    case ObjType::TransientHashMap: return thm_persistent(h, editable<TransientHashMap>(t));
    case ObjType::TransientHashSet: {
      TransientHashSet* s = editable<TransientHashSet>(t);
      s->flags &= ~kFlagTransient;
      RootScope scope(h);
      size_t m = scope.push(persistent_of(vm, s->impl));
      return Value::object(h.make<HashSet>(scope[m]));
    }
    default: not_a(t, "ITransientCollection");
  }
}

bool transient_vector_append(State& vm, Value t, const Vector* v, uint32_t from, uint32_t to) {
  if (!is_type(t, ObjType::TransientVector)) return false;
  TransientVector* tv = editable<TransientVector>(t);
  Heap& h = vm.heap;
  while (from < to) {
    const uint32_t used = tv->cnt - tv->tailoff();
    if (used == 32) {  // a full tail goes into the trie (tv_conj)
      tv_conj(vm, tv, v->nth(from++));
      continue;
    }
    // As many items as fit in the tail and lie in from's leaf, copied in one run.
    const Value* leaf = v->array_for(from);
    const uint32_t n = std::min({32 - used, to - from, ((from | 31) + 1) - from});
    Value* dst = tv->tail->slots() + used;
    for (uint32_t k = 0; k < n; ++k) {
      dst[k] = leaf[(from + k) & 31];
      h.barrier(tv->tail, dst[k]);
    }
    tv->cnt += n;
    from += n;
  }
  return true;
}

Value transient_conj(State& vm, Value t, Value x) {
  if (!t.is_obj()) not_a(t, "ITransientCollection");
  switch (t.as_obj()->type) {
    case ObjType::TransientVector: return tv_conj(vm, editable<TransientVector>(t), x);
    case ObjType::TransientArrayMap:
    case ObjType::TransientHashMap: {
      editable<Obj>(t);
      // x is a map entry, a [k v] vector, or a seqable of entries (ATransientMap.conj).
      if (MapEntry* e = as<MapEntry>(x)) return tmap_assoc(vm, t, e->key, e->val);
      if (Vector* v = as<Vector>(x)) {
        if (v->cnt != 2) throw_error(ErrorKind::IllegalArgumentException, "Vector arg to map conj must be a pair");
        return tmap_assoc(vm, t, v->nth(0), v->nth(1));
      }
      RootScope scope(vm.heap);
      size_t ret = scope.push(t);
      size_t cur = scope.push(seq(vm, x));
      while (!scope[cur].is_nil()) {
        Value e = first(vm, scope[cur]);
        MapEntry* me = as<MapEntry>(e);
        if (!me) cannot_cast(e, "Map$Entry");
        scope[ret] = tmap_assoc(vm, scope[ret], me->key, me->val);
        scope[cur] = next(vm, scope[cur]);
      }
      return scope[ret];
    }
    case ObjType::TransientHashSet: {
      TransientHashSet* s = editable<TransientHashSet>(t);
      Value m = tmap_assoc(vm, s->impl, x, x);
      if (m != s->impl) {
        s->impl = m;
        vm.heap.barrier(s, m);
      }
      return t;
    }
    default: not_a(t, "ITransientCollection");
  }
}

Value transient_assoc(State& vm, Value t, Value key, Value val) {
  if (is<TransientVector>(t)) return tv_assoc(vm, editable<TransientVector>(t), key, val);
  if (is<TransientArrayMap>(t) || is<TransientHashMap>(t)) return tmap_assoc(vm, t, key, val);
  not_a(t, "ITransientAssociative");
}

Value transient_dissoc(State& vm, Value t, Value key) {
  if (is<TransientArrayMap>(t)) return tam_dissoc(vm, editable<TransientArrayMap>(t), key);
  if (is<TransientHashMap>(t)) return thm_dissoc(vm, editable<TransientHashMap>(t), key);
  not_a(t, "ITransientMap");
}

Value transient_disj(State& vm, Value t, Value x) {
  if (!is<TransientHashSet>(t)) not_a(t, "ITransientSet");
  TransientHashSet* s = editable<TransientHashSet>(t);
  Value m = transient_dissoc(vm, s->impl, x);
  if (m != s->impl) {
    s->impl = m;
    vm.heap.barrier(s, m);
  }
  return t;
}

Value transient_pop(State& vm, Value t) {
  if (!is<TransientVector>(t)) not_a(t, "ITransientVector");
  return tv_pop(vm, editable<TransientVector>(t));
}

int64_t transient_count(Value t) {
  switch (t.as_obj()->type) {
    case ObjType::TransientVector: return editable<TransientVector>(t)->cnt;
    case ObjType::TransientArrayMap: return editable<TransientArrayMap>(t)->n;
    case ObjType::TransientHashMap: return editable<TransientHashMap>(t)->count;
    case ObjType::TransientHashSet: return transient_count(editable<TransientHashSet>(t)->impl);
    default: not_a(t, "ITransientCollection");
  }
}

Value transient_get(State& vm, Value t, Value key, Value not_found, bool* found) {
  bool f = false;
  Value r = not_found;
  switch (t.as_obj()->type) {
    case ObjType::TransientVector: {
      TransientVector* tv = editable<TransientVector>(t);
      int64_t i;
      if (integer_key_index(key, &i) && i >= 0 && i < tv->cnt) {
        f = true;
        r = tv_nth(tv, i, not_found, true);
      }
      break;
    }
    case ObjType::TransientArrayMap: {
      TransientArrayMap* m = editable<TransientArrayMap>(t);
      int64_t i = tam_index(vm, m, key);
      if (i >= 0) {
        f = true;
        r = m->kvs[2 * i + 1];
      }
      break;
    }
    case ObjType::TransientHashMap: r = thm_get(vm, editable<TransientHashMap>(t), key, not_found, &f); break;
    case ObjType::TransientHashSet: {
      Value k = transient_get(vm, editable<TransientHashSet>(t)->impl, key, Value::nil(), &f);
      if (f) r = k;
      break;
    }
    default: not_a(t, "ITransientCollection");
  }
  if (found) *found = f;
  return r;
}

Value transient_nth(Value t, int64_t i, Value not_found, bool has_default) {
  if (!is<TransientVector>(t)) unsupported("nth", t);
  return tv_nth(editable<TransientVector>(t), i, not_found, has_default);
}

}  // namespace clove
