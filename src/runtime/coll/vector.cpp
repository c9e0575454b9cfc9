// vector.cpp: PersistentVector updates (path copying, after clojure.lang.PersistentVector).
#include "runtime/coll/vector.h"

#include <algorithm>
#include <cstring>

#include "core/error.h"
#include "runtime/coll/coll_util.h"

namespace clove {

VectorNode* new_vector_node(Heap& h, uint32_t len) {
  VectorNode* n = h.make_extra<VectorNode>(len * sizeof(Value), len);
  for (uint32_t i = 0; i < len; ++i) n->slots()[i] = Value::nil();
  return n;
}

namespace {

// A copy of `src` (32 slots; nullptr copies as an empty inner node).
VectorNode* clone_node(Heap& h, const VectorNode* src) {
  VectorNode* n = h.make_extra<VectorNode>(32 * sizeof(Value), 32u);
  if (src)
    std::memcpy(static_cast<void*>(n->slots()), src->slots(), 32 * sizeof(Value));
  else
    for (uint32_t i = 0; i < 32; ++i) n->slots()[i] = Value::nil();
  return n;
}

VectorNode* new_path(Heap& h, uint32_t level, VectorNode* node) {
  if (level == 0) return node;
  VectorNode* ret = new_vector_node(h, 32);
  ret->slots()[0] = Value::object(new_path(h, level - 5, node));
  return ret;
}

// Inserts the full leaf `tailnode` as the last leaf of a trie holding cnt elements.
VectorNode* push_tail(Heap& h, uint32_t cnt, uint32_t level, const VectorNode* parent, VectorNode* tailnode) {
  uint32_t subidx = ((cnt - 1) >> level) & 31;
  VectorNode* ret = clone_node(h, parent);
  VectorNode* insert;
  if (level == 5) {
    insert = tailnode;
  } else {
    VectorNode* child = parent ? parent->child(subidx) : nullptr;
    insert = child ? push_tail(h, cnt, level - 5, child, tailnode) : new_path(h, level - 5, tailnode);
  }
  ret->slots()[subidx] = Value::object(insert);
  return ret;
}

VectorNode* do_assoc(Heap& h, uint32_t level, const VectorNode* node, uint32_t i, Value x) {
  VectorNode* ret = clone_node(h, node);
  if (level == 0) {
    ret->slots()[i & 31] = x;
  } else {
    uint32_t subidx = (i >> level) & 31;
    ret->slots()[subidx] = Value::object(do_assoc(h, level - 5, node->child(subidx), i, x));
  }
  return ret;
}

// Removes the last leaf of a trie holding cnt elements; nullptr when the node empties.
VectorNode* pop_tail(Heap& h, uint32_t cnt, uint32_t level, const VectorNode* node) {
  uint32_t subidx = ((cnt - 2) >> level) & 31;
  if (level > 5) {
    VectorNode* newchild = pop_tail(h, cnt, level - 5, node->child(subidx));
    if (!newchild && subidx == 0) return nullptr;
    VectorNode* ret = clone_node(h, node);
    ret->slots()[subidx] = newchild ? Value::object(newchild) : Value::nil();
    return ret;
  }
  if (subidx == 0) return nullptr;
  VectorNode* ret = clone_node(h, node);
  ret->slots()[subidx] = Value::nil();
  return ret;
}

// A tail of `cap` slots holding the first `have` elements of `tail` (which has at
// least that many), the rest nil; `have` slots are claimed.
VectorNode* copy_tail(Heap& h, const VectorNode* tail, uint32_t have, uint32_t cap) {
  VectorNode* n = h.make_extra<VectorNode>(cap * sizeof(Value), cap);
  if (have) std::memcpy(static_cast<void*>(n->slots()), tail->slots(), have * sizeof(Value));
  for (uint32_t i = have; i < cap; ++i) n->slots()[i] = Value::nil();
  n->fill = have;
  return n;
}

}  // namespace

Value empty_vector(Heap& h, Value meta) {
  return Value::object(h.make<Vector>(0u, 5u, nullptr, nullptr, meta));
}

Value vector_conj(Heap& h, const Vector* v, Value x) {
  uint32_t cnt = v->cnt;
  uint32_t in_tail = cnt - v->tailoff();
  if (in_tail < 32) {
    VectorNode* t = v->tail;
    // The next slot of the tail is spare and unclaimed: take it (vector.h). Frozen
    // tails are left alone, so the frozen core library is never written to.
    if (t && in_tail < t->len && t->fill == in_tail && t->gc_color != Heap::kFixed) {
      t->slots()[in_tail] = x;
      t->fill = in_tail + 1;
      h.barrier(t, x);
      return Value::object(h.make<Vector>(cnt + 1, v->shift, v->root, t, v->meta));
    }
    uint32_t cap = in_tail < 2 ? in_tail + 1 : std::min<uint32_t>(32, 2 * in_tail);
    VectorNode* nt = copy_tail(h, t, in_tail, cap);
    nt->slots()[in_tail] = x;
    nt->fill = in_tail + 1;
    return Value::object(h.make<Vector>(cnt + 1, v->shift, v->root, nt, v->meta));
  }
  // The tail is full: push it into the trie.
  VectorNode* tailnode = v->tail;
  uint32_t newshift = v->shift;
  VectorNode* newroot;
  if ((cnt >> 5) > (1u << v->shift)) {  // root overflow: add a level
    newroot = new_vector_node(h, 32);
    newroot->slots()[0] = Value::object(v->root);
    newroot->slots()[1] = Value::object(new_path(h, v->shift, tailnode));
    newshift += 5;
  } else {
    newroot = push_tail(h, cnt, v->shift, v->root, tailnode);
  }
  VectorNode* nt = new_vector_node(h, 1);
  nt->slots()[0] = x;
  return Value::object(h.make<Vector>(cnt + 1, newshift, newroot, nt, v->meta));
}

Value vector_assoc(Heap& h, const Vector* v, int64_t i, Value x) {
  if (i >= 0 && i < v->cnt) {
    auto idx = static_cast<uint32_t>(i);
    if (idx >= v->tailoff()) {
      uint32_t in_tail = v->cnt - v->tailoff();
      VectorNode* nt = copy_tail(h, v->tail, in_tail, in_tail);
      nt->slots()[idx & 31] = x;
      return Value::object(h.make<Vector>(v->cnt, v->shift, v->root, nt, v->meta));
    }
    VectorNode* nr = do_assoc(h, v->shift, v->root, idx, x);
    return Value::object(h.make<Vector>(v->cnt, v->shift, nr, v->tail, v->meta));
  }
  if (i == v->cnt) return vector_conj(h, v, x);
  coll_detail::index_out_of_bounds(i);
}

Value vector_pop(Heap& h, const Vector* v) {
  uint32_t cnt = v->cnt;
  if (cnt == 0) throw_error(ErrorKind::IllegalStateException, "Can't pop empty vector");
  if (cnt == 1) return empty_vector(h, v->meta);
  if (cnt - v->tailoff() > 1) {
    uint32_t in_tail = cnt - v->tailoff();
    VectorNode* nt = copy_tail(h, v->tail, in_tail - 1, in_tail - 1);
    return Value::object(h.make<Vector>(cnt - 1, v->shift, v->root, nt, v->meta));
  }
  // The tail empties: the last leaf of the trie becomes the tail.
  VectorNode* nt = v->leaf_for(cnt - 2);
  VectorNode* newroot = pop_tail(h, cnt, v->shift, v->root);
  uint32_t newshift = v->shift;
  if (newshift > 5 && newroot && newroot->slots()[1].is_nil()) {
    newroot = newroot->child(0);
    newshift -= 5;
  }
  return Value::object(h.make<Vector>(cnt - 1, newshift, newroot, nt, v->meta));
}

Value vector_with_meta(Heap& h, const Vector* v, Value m) {
  return Value::object(h.make<Vector>(v->cnt, v->shift, v->root, v->tail, m));
}

Value vector_seq(Heap& h, Vector* v, uint32_t i) {
  if (i >= v->cnt) return Value::nil();
  return Value::object(h.make<VectorSeq>(v, v->array_for(i), i));
}

Value vector_seq_next(Heap& h, const VectorSeq* s) {
  uint32_t j = s->i + 1;
  if (j >= s->vec->cnt) return Value::nil();
  const Value* leaf = (j & 31) ? s->leaf : s->vec->array_for(j);
  return Value::object(h.make<VectorSeq>(s->vec, leaf, j));
}

}  // namespace clove
