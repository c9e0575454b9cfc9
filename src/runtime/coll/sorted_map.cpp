// sorted_map.cpp: the red-black tree behind sorted maps and sets (Okasaki 1999; the
// add/remove/append/balance functions follow clojure.lang.PersistentTreeMap).
#include "runtime/coll/sorted_map.h"

#include <stdexcept>
#include <string>

#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/num/number.h"
#include "state/state.h"

namespace clove {

namespace {

struct Tree {
  State& vm;
  Heap& h;
  Value comp;
  TreeNode* found = nullptr;

  int cmp(Value a, Value b) { return sorted_compare(vm, comp, a, b); }

  TreeNode* red(Value k, Value v, TreeNode* l, TreeNode* r) { return h.make<TreeNode>(k, v, l, r, true); }
  TreeNode* black(Value k, Value v, TreeNode* l, TreeNode* r) { return h.make<TreeNode>(k, v, l, r, false); }
  static bool is_red(const TreeNode* n) { return n && n->red; }
  static bool is_black(const TreeNode* n) { return n && !n->red; }
  TreeNode* blacken(TreeNode* n) { return n->red ? black(n->key, n->val, n->left, n->right) : n; }
  TreeNode* redden(TreeNode* n) {
    if (n->red) throw_error(ErrorKind::UnsupportedOperationException, "Invariant violation");
    return red(n->key, n->val, n->left, n->right);
  }

  TreeNode* left_balance(Value k, Value v, TreeNode* ins, TreeNode* right) {
    if (is_red(ins) && is_red(ins->left))
      return red(ins->key, ins->val, blacken(ins->left), black(k, v, ins->right, right));
    if (is_red(ins) && is_red(ins->right))
      return red(ins->right->key, ins->right->val, black(ins->key, ins->val, ins->left, ins->right->left),
                 black(k, v, ins->right->right, right));
    return black(k, v, ins, right);
  }

  TreeNode* right_balance(Value k, Value v, TreeNode* left, TreeNode* ins) {
    if (is_red(ins) && is_red(ins->right))
      return red(ins->key, ins->val, black(k, v, left, ins->left), blacken(ins->right));
    if (is_red(ins) && is_red(ins->left))
      return red(ins->left->key, ins->left->val, black(k, v, left, ins->left->left),
                 black(ins->key, ins->val, ins->left->right, ins->right));
    return black(k, v, left, ins);
  }

  // Compares on the way down, allocates on the way back up. When a node compares equal
  // (found is set), the path to it is copied with the new value, following the
  // directions taken on the way down rather than comparing again: a comparator need not
  // be consistent (it may answer at random), and the tree's shape must not depend on it.
  // nullptr: the key is present with this very value, nothing to change.
  TreeNode* add(TreeNode* t, Value key, Value val) {
    if (!t) return red(key, val, nullptr, nullptr);
    int c = cmp(key, t->key);
    if (c == 0) {
      found = t;
      if (t->val == val) return nullptr;
      return h.make<TreeNode>(t->key, val, t->left, t->right, t->red);
    }
    TreeNode* ins = add(c < 0 ? t->left : t->right, key, val);
    if (!ins) return nullptr;
    if (found) {  // a replaced value: same shape, same colours
      return c < 0 ? h.make<TreeNode>(t->key, t->val, ins, t->right, t->red)
                   : h.make<TreeNode>(t->key, t->val, t->left, ins, t->red);
    }
    if (c < 0) return t->red ? red(t->key, t->val, ins, t->right) : left_balance(t->key, t->val, ins, t->right);
    return t->red ? red(t->key, t->val, t->left, ins) : right_balance(t->key, t->val, t->left, ins);
  }

  TreeNode* balance_left_del(Value k, Value v, TreeNode* del, TreeNode* right) {
    if (is_red(del)) return red(k, v, blacken(del), right);
    if (is_black(right)) return right_balance(k, v, del, redden(right));
    if (is_red(right) && is_black(right->left))
      return red(right->left->key, right->left->val, black(k, v, del, right->left->left),
                 right_balance(right->key, right->val, right->left->right, redden(right->right)));
    throw_error(ErrorKind::UnsupportedOperationException, "Invariant violation");
  }

  TreeNode* balance_right_del(Value k, Value v, TreeNode* left, TreeNode* del) {
    if (is_red(del)) return red(k, v, left, blacken(del));
    if (is_black(left)) return left_balance(k, v, redden(left), del);
    if (is_red(left) && is_black(left->right))
      return red(left->right->key, left->right->val,
                 left_balance(left->key, left->val, redden(left->left), left->right->left),
                 black(k, v, left->right->right, del));
    throw_error(ErrorKind::UnsupportedOperationException, "Invariant violation");
  }

  // Joins two subtrees whose keys are all ordered left < right.
  TreeNode* append(TreeNode* left, TreeNode* right) {
    if (!left) return right;
    if (!right) return left;
    if (left->red) {
      if (right->red) {
        TreeNode* app = append(left->right, right->left);
        if (is_red(app))
          return red(app->key, app->val, red(left->key, left->val, left->left, app->left),
                     red(right->key, right->val, app->right, right->right));
        return red(left->key, left->val, left->left, red(right->key, right->val, app, right->right));
      }
      return red(left->key, left->val, left->left, append(left->right, right));
    }
    if (right->red) return red(right->key, right->val, append(left, right->left), right->right);
    TreeNode* app = append(left->right, right->left);
    if (is_red(app))
      return red(app->key, app->val, black(left->key, left->val, left->left, app->left),
                 black(right->key, right->val, app->right, right->right));
    return balance_left_del(left->key, left->val, left->left, black(right->key, right->val, app, right->right));
  }

  // nullptr with found == nullptr: key absent; nullptr with found set: the tree empties.
  TreeNode* remove(TreeNode* t, Value key) {
    if (!t) return nullptr;
    int c = cmp(key, t->key);
    if (c == 0) {
      found = t;
      return append(t->left, t->right);
    }
    TreeNode* del = remove(c < 0 ? t->left : t->right, key);
    if (!del && !found) return nullptr;
    if (c < 0) {
      if (is_black(t->left)) return balance_left_del(t->key, t->val, del, t->right);
      return red(t->key, t->val, del, t->right);
    }
    if (is_black(t->right)) return balance_right_del(t->key, t->val, t->left, del);
    return red(t->key, t->val, t->left, del);
  }
};

Value push_nodes(Heap& h, TreeNode* t, Value stack, bool asc) {
  while (t) {
    stack = list_cons(h, Value::object(t), stack);
    t = asc ? t->left : t->right;
  }
  return stack;
}

void visit(const TreeNode* t, void (*f)(void*, Value, Value), void* ctx) {
  while (t) {
    visit(t->left, f, ctx);
    f(ctx, t->key, t->val);
    t = t->right;
  }
}

// lo/hi: the bounds the keys must lie between, or nullptr (also when order is not checked).
int black_height(State& vm, const TreeNode* t, Value comp, bool check_order, const Value* lo,
                 const Value* hi) {
  if (!t) return 1;
  if (t->red && (Tree::is_red(t->left) || Tree::is_red(t->right))) throw std::logic_error("red node with a red child");
  if (check_order) {
    if (lo && sorted_compare(vm, comp, *lo, t->key) >= 0)
      throw std::logic_error("keys out of order");
    if (hi && sorted_compare(vm, comp, t->key, *hi) >= 0)
      throw std::logic_error("keys out of order");
  }
  int l = black_height(vm, t->left, comp, check_order, lo, &t->key);
  int r = black_height(vm, t->right, comp, check_order, &t->key, hi);
  if (l != r) throw std::logic_error("unequal black heights");
  return l + (t->red ? 0 : 1);
}

}  // namespace

namespace {

// The sign of a comparator's non-boolean answer, as Clojure reads it (Number.intValue).
int answer_sign(Value r) {
  if (r.is_nil()) throw_error(ErrorKind::NullPointerException, "Comparator returned nil");
  if (!is_number(r))
    throw_error(ErrorKind::ClassCastException,
                std::string("class ") + coll_detail::class_name(r) + " cannot be cast to class java.lang.Number");
  if (is_long(r)) {
    auto i = static_cast<int32_t>(as_long(r));  // Number.intValue
    return i < 0 ? -1 : i > 0 ? 1 : 0;
  }
  double d = to_double(r);  // Number.intValue truncates toward zero
  return d <= -1 ? -1 : d >= 1 ? 1 : 0;
}

}  // namespace

int sorted_compare(State& vm, Value comp, Value a, Value b) {
  if (comp.is_nil()) return compare(vm, a, b);
  Value r = vm.call(comp, {a, b});
  if (r.is_bool()) {
    if (r.is_true()) return -1;
    return vm.call(comp, {b, a}).truthy() ? 1 : 0;
  }
  return answer_sign(r);
}

bool sorted_less(State& vm, Value comp, Value a, Value b) {
  if (comp.is_nil()) return compare(vm, a, b) < 0;
  Value r = vm.call(comp, {a, b});
  if (r.is_bool()) return r.is_true();
  return answer_sign(r) < 0;
}

TreeNode* TreeSeq::node() const { return static_cast<TreeNode*>(static_cast<List*>(stack.as_obj())->first.as_obj()); }

Value empty_sorted_map(Heap& h, Value comp, Value meta) {
  return Value::object(h.make<SortedMap>(nullptr, 0u, comp, meta));
}

TreeNode* sorted_map_find(State& vm, const SortedMap* m, Value key) {
  RootScope scope(vm.heap);
  scope.push(Value::object(m));
  scope.push(key);
  TreeNode* t = m->root;
  while (t) {
    int c = sorted_compare(vm, m->comp, key, t->key);
    if (c == 0) return t;
    t = c < 0 ? t->left : t->right;
  }
  return nullptr;
}

Value sorted_map_assoc(State& vm, SortedMap* m, Value key, Value val) {
  RootScope scope(vm.heap);
  scope.push(Value::object(m));
  scope.push(key);
  scope.push(val);
  Tree tr{vm, vm.heap, m->comp};
  TreeNode* t = tr.add(m->root, key, val);
  if (!t) return Value::object(m);  // present with this value
  if (tr.found) return Value::object(vm.heap.make<SortedMap>(t, m->count, m->comp, m->meta));
  return Value::object(vm.heap.make<SortedMap>(tr.blacken(t), m->count + 1, m->comp, m->meta));
}

Value sorted_map_dissoc(State& vm, SortedMap* m, Value key) {
  RootScope scope(vm.heap);
  scope.push(Value::object(m));
  scope.push(key);
  Tree tr{vm, vm.heap, m->comp};
  TreeNode* t = tr.remove(m->root, key);
  if (!t) {
    if (!tr.found) return Value::object(m);
    return empty_sorted_map(vm.heap, m->comp, m->meta);
  }
  return Value::object(vm.heap.make<SortedMap>(tr.blacken(t), m->count - 1, m->comp, m->meta));
}

Value sorted_map_seq(Heap& h, const SortedMap* m, bool asc, bool keys_only) {
  if (m->count == 0) return Value::nil();
  Value stack = push_nodes(h, m->root, Value::nil(), asc);
  return Value::object(h.make<TreeSeq>(stack, m->count, asc, keys_only));
}

Value sorted_map_seq_from(State& vm, SortedMap* m, Value key, bool asc, bool keys_only) {
  if (m->count == 0) return Value::nil();
  Heap& h = vm.heap;
  RootScope scope(h);
  scope.push(Value::object(m));
  scope.push(key);
  size_t stack = scope.push(Value::nil());
  TreeNode* t = m->root;
  while (t) {
    int c = sorted_compare(vm, m->comp, key, t->key);
    if (c == 0) {
      scope[stack] = list_cons(h, Value::object(t), scope[stack]);
      break;
    }
    if (asc ? c < 0 : c > 0) {
      scope[stack] = list_cons(h, Value::object(t), scope[stack]);
      t = asc ? t->left : t->right;
    } else {
      t = asc ? t->right : t->left;
    }
  }
  if (scope[stack].is_nil()) return Value::nil();
  return Value::object(h.make<TreeSeq>(scope[stack], -1, asc, keys_only));
}

Value tree_seq_first(Heap& h, const TreeSeq* s) {
  TreeNode* t = s->node();
  if (s->keys_only) return t->key;
  return Value::object(h.make<MapEntry>(t->key, t->val));
}

Value tree_seq_next(Heap& h, const TreeSeq* s) {
  auto* top = static_cast<List*>(s->stack.as_obj());
  TreeNode* t = s->node();
  Value rest = top->rest;
  Value stack = push_nodes(h, s->asc ? t->right : t->left, rest, s->asc);
  if (stack.is_nil()) return stack;
  return Value::object(h.make<TreeSeq>(stack, s->cnt < 0 ? -1 : s->cnt - 1, s->asc, s->keys_only));
}

void sorted_map_visit(const SortedMap* m, void (*f)(void* ctx, Value k, Value v), void* ctx) { visit(m->root, f, ctx); }

Value empty_sorted_set(Heap& h, Value comp, Value meta) {
  RootScope scope(h);
  size_t m = scope.push(empty_sorted_map(h, comp));
  return Value::object(h.make<SortedSet>(scope[m], meta));
}

Value sorted_set_conj(State& vm, SortedSet* s, Value x) {
  auto* m = static_cast<SortedMap*>(s->impl.as_obj());
  RootScope scope(vm.heap);
  scope.push(Value::object(s));
  if (sorted_map_find(vm, m, x)) return Value::object(s);
  size_t r = scope.push(sorted_map_assoc(vm, m, x, x));
  return Value::object(vm.heap.make<SortedSet>(scope[r], s->meta));
}

Value sorted_set_disj(State& vm, SortedSet* s, Value x) {
  RootScope scope(vm.heap);
  scope.push(Value::object(s));
  Value r = sorted_map_dissoc(vm, static_cast<SortedMap*>(s->impl.as_obj()), x);
  if (r == s->impl) return Value::object(s);
  size_t slot = scope.push(r);
  return Value::object(vm.heap.make<SortedSet>(scope[slot], s->meta));
}

void sorted_map_validate(State& vm, const SortedMap* m, bool check_order) {
  if (Tree::is_red(m->root)) throw std::logic_error("red root");
  black_height(vm, m->root, m->comp, check_order, nullptr, nullptr);
  uint32_t n = 0;
  sorted_map_visit(m, [](void* c, Value, Value) { ++*static_cast<uint32_t*>(c); }, &n);
  if (n != m->count) throw std::logic_error("count mismatch: " + std::to_string(n) + " vs " + std::to_string(m->count));
}

}  // namespace clove
