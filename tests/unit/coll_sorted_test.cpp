// Sorted maps and sets (red-black trees) against std::map over thousands of random
// operations with the invariants checked, comparator fns (numeric and boolean results),
// seqs in both directions, subseq/rsubseq; the persistent queue against std::deque; the
// lazy hash-map seq against the map's own traversal; string seqs.
#include <algorithm>
#include <deque>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "coll_test_support.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/string_seq.h"
#include "runtime/print/print.h"

namespace clove {
namespace {

using namespace test;

void map_visit_for_test(State& vm, Value m, std::vector<Value>& keys) {
  hash_map_visit(static_cast<HashMap*>(m.as_obj()), [](void* c, Value k, Value) { static_cast<std::vector<Value>*>(c)->push_back(k); }, &keys);
}

Value core_fn(State& vm, const char* name) { return vm.core_ns()->lookup(vm.sym(name))->root; }

std::vector<int64_t> keys_in_order(State& vm, Value s) {
  std::vector<int64_t> out;
  for (; !s.is_nil(); s = next(vm, s)) {
    Value e = first(vm, s);
    out.push_back(as_long(is<MapEntry>(e) ? static_cast<MapEntry*>(e.as_obj())->key : e));
  }
  return out;
}

// A comparator fn: (fn [a b] (- b a)), i.e. descending order.
Value desc_numeric(State& vm, Args a) { return Value::small_int(as_long(a[1]) - as_long(a[0])); }
// A boolean comparator: (fn [a b] (> a b)).
Value desc_boolean(State& vm, Args a) { return Value::boolean(as_long(a[0]) > as_long(a[1])); }
int g_gc_calls = 0;
// An ascending comparator that reaches a safepoint and allocates garbage on every call.
Value asc_collecting(State& vm, Args a) {
  ++g_gc_calls;
  Value junk[] = {I(1), I(2)};
  vector_from(vm.heap, junk, 2);
  vm.heap.safepoint();
  return Value::small_int(compare(vm, a[0], a[1]));
}
Value comparator(State& vm, NativeFn f) {
  return Value::object(vm.heap.make<Native>(f, make_string(vm.heap, "test/cmp"), "", "", 2, 2));
}

void random_ops(State& vm, Value comp, bool descending, int nops) {
  std::mt19937 rng(5);
  RootScope roots(vm.heap);
  size_t m = roots.push(empty_sorted_map(vm.heap, comp));
  std::map<int64_t, int64_t> model;
  for (int op = 0; op < nops; ++op) {
    int64_t k = rng() % 500;
    if (rng() % 3) {
      roots[m] = assoc(vm, roots[m], I(k), I(op));
      model[k] = op;
    } else {
      roots[m] = dissoc(vm, roots[m], I(k));
      model.erase(k);
    }
    vm.heap.safepoint();
    if (op % 500 == 0) sorted_map_validate(vm, static_cast<SortedMap*>(roots[m].as_obj()));
  }
  sorted_map_validate(vm, static_cast<SortedMap*>(roots[m].as_obj()));
  ASSERT_EQ(count(vm, roots[m]), static_cast<int64_t>(model.size()));
  std::vector<int64_t> want;
  for (auto& [k, v] : model) want.push_back(k);
  if (descending) std::reverse(want.begin(), want.end());
  EXPECT_EQ(keys_in_order(vm, seq(vm, roots[m])), want);
  std::vector<int64_t> rev(want.rbegin(), want.rend());
  EXPECT_EQ(keys_in_order(vm, vm.call(core_fn(vm, "rseq"), {roots[m]})), rev);
  for (int64_t k = 0; k < 500; ++k) {
    auto it = model.find(k);
    ASSERT_EQ(contains(vm, roots[m], I(k)), it != model.end());
    if (it != model.end()) {
      ASSERT_EQ(as_long(get(vm, roots[m], I(k))), it->second);
    }
  }
}

TEST(CollSorted, MapMatchesModelWithCompare) {
  CollVM vm;
  random_ops(vm, Value::nil(), false, vm.heap.stress() ? 3000 : 20000);
}

TEST(CollSorted, MapMatchesModelWithComparatorFns) {
  CollVM vm;
  random_ops(vm, comparator(vm, desc_numeric), true, 4000);
  random_ops(vm, comparator(vm, desc_boolean), true, 4000);
}

TEST(CollSorted, ComparatorThatCollectsKeepsTreeIntact) {
  CollVM vm;
  vm.heap.set_stress(true);  // a full collection at every comparator call
  g_gc_calls = 0;
  random_ops(vm, comparator(vm, asc_collecting), false, 400);
  EXPECT_GT(g_gc_calls, 400);
  EXPECT_GT(vm.heap.validate(), 0u);
}

// Comparators that break the contract: each answer depends on a call counter or a
// seeded generator, not on the keys. The tree must stay well-formed (or the operation
// throw) whatever they answer.
uint64_t g_bad_calls = 0;
std::mt19937 g_bad_rng(11);
Value cycling_cmp(State&, Args) {
  return Value::small_int(static_cast<int64_t>(g_bad_calls++ % 3) - 1);
}
Value random_cmp(State&, Args) {
  return Value::small_int(static_cast<int64_t>(g_bad_rng() % 3) - 1);
}
Value random_bool_cmp(State&, Args) { return Value::boolean(g_bad_rng() % 2); }
Value random_double_cmp(State&, Args) { return D(static_cast<double>(g_bad_rng() % 5) - 2.5); }
// Mostly random numbers, sometimes a throw, nil or a string.
Value hostile_cmp(State& vm, Args) {
  switch (g_bad_rng() % 40) {
    case 0:
      throw_error(ErrorKind::IllegalStateException, "comparator gave up");
    case 1:
      return Value::nil();
    case 2:
      return S(vm, "x");
    default:
      return Value::small_int(static_cast<int64_t>(g_bad_rng() % 3) - 1);
  }
}

// Random assoc/dissoc/conj/disj/lookup/subseq on a map and a set ordered by `comp`; the
// shape invariants and the count are checked after every operation (an operation may
// throw a CloveError and must then leave the collection as it was).
void inconsistent_ops(State& vm, Value comp, int nops) {
  std::mt19937 rng(3);
  RootScope roots(vm.heap);
  size_t m = roots.push(empty_sorted_map(vm.heap, comp));
  size_t s = roots.push(empty_sorted_set(vm.heap, comp));
  size_t prev = roots.push(Value::nil());
  int thrown = 0;
  for (int op = 0; op < nops; ++op) {
    Value k = I(static_cast<int64_t>(rng() % 200));
    for (size_t slot : {m, s}) {
      roots[prev] = roots[slot];
      try {
        switch (rng() % 5) {
          case 0:
          case 1:
            roots[slot] = slot == m ? assoc(vm, roots[slot], k, I(op)) : conj(vm, roots[slot], k);
            break;
          case 2:
            roots[slot] = slot == m ? dissoc(vm, roots[slot], k)
                                    : vm.call(core_fn(vm, "disj"), {roots[slot], k});
            break;
          case 3:
            get(vm, roots[slot], k);
            break;
          default:
            if (Value sq = vm.call(core_fn(vm, "subseq"), {roots[slot], core_fn(vm, ">="), k});
                !sq.is_nil())
              count(vm, sq);
        }
      } catch (const CloveError&) {
        ++thrown;
        ASSERT_EQ(roots[slot], roots[prev]);
      }
      auto* map =
          slot == m
              ? static_cast<SortedMap*>(roots[m].as_obj())
              : static_cast<SortedMap*>(static_cast<SortedSet*>(roots[s].as_obj())->impl.as_obj());
      ASSERT_NO_THROW(sorted_map_validate(vm, map, false)) << "op " << op;
      int64_t n = 0;
      for (Value q = seq(vm, roots[slot]); !q.is_nil(); q = next(vm, q)) ++n;
      ASSERT_EQ(n, count(vm, roots[slot])) << "op " << op;
    }
    vm.heap.safepoint();
  }
  if (comp.is_obj() && as<Native>(comp)->fn == hostile_cmp) {
    EXPECT_GT(thrown, 0);
  }
}

TEST(CollSorted, InconsistentComparatorsKeepTreeWellFormed) {
  CollVM vm;
  int n = vm.heap.stress() ? 300 : 3000;
  g_bad_calls = 0;
  inconsistent_ops(vm, comparator(vm, cycling_cmp), n);
  for (NativeFn f : {random_cmp, random_bool_cmp, random_double_cmp, hostile_cmp}) {
    g_bad_rng.seed(11);
    inconsistent_ops(vm, comparator(vm, f), n);
  }
}

// The shape of Clojure's (into (sorted-set-by (fn [a b] (dec (rand-int 3)))) (range 10000)),
// which replaced a value along a path that a second round of comparisons chose.
TEST(CollSorted, RandomComparatorInto) {
  CollVM vm;
  for (bool set : {true, false}) {
    g_bad_rng.seed(7);
    RootScope roots(vm.heap);
    Value comp = comparator(vm, random_cmp);
    size_t c = roots.push(set ? empty_sorted_set(vm.heap, comp) : empty_sorted_map(vm.heap, comp));
    for (int64_t i = 0; i < 10000; ++i)
      roots[c] = set ? conj(vm, roots[c], I(i)) : assoc(vm, roots[c], I(i), I(i));
    auto* map =
        set ? static_cast<SortedMap*>(static_cast<SortedSet*>(roots[c].as_obj())->impl.as_obj())
            : static_cast<SortedMap*>(roots[c].as_obj());
    EXPECT_NO_THROW(sorted_map_validate(vm, map, false));
    EXPECT_GT(count(vm, roots[c]), 0);
    EXPECT_LE(count(vm, roots[c]), 10000);
  }
}

TEST(CollSorted, SetsEqualityHashAndPrinting) {
  CollVM vm;
  Value ss = vm.call(core_fn(vm, "sorted-set"), {I(3), I(1), I(2), I(1)});
  EXPECT_EQ(pr_str(vm, ss), "#{1 2 3}");
  Value hs = set_from(vm, std::vector<Value>{I(1), I(2), I(3)}.data(), 3);
  EXPECT_TRUE(equiv(vm, ss, hs));
  EXPECT_TRUE(equiv(vm, hs, ss));
  EXPECT_EQ(hash(vm, ss), hash(vm, hs));
  EXPECT_EQ(pr_str(vm, conj(vm, ss, I(0))), "#{0 1 2 3}");
  EXPECT_EQ(pr_str(vm, vm.call(core_fn(vm, "sorted-set-by"), {core_fn(vm, ">"), I(1), I(3), I(2)})), "#{3 2 1}");
  Value sm = vm.call(core_fn(vm, "sorted-map"), {I(3), I(1), I(1), I(2)});
  EXPECT_EQ(pr_str(vm, sm), "{1 2, 3 1}");
  Value kv[] = {I(1), I(2), I(3), I(1)};
  EXPECT_TRUE(equiv(vm, sm, map_from(vm, kv, 2)));
  EXPECT_EQ(hash(vm, sm), hash(vm, map_from(vm, kv, 2)));
  EXPECT_EQ(pr_str(vm, vm.call(core_fn(vm, "sorted-map-by"), {core_fn(vm, ">"), I(1), I(2), I(3), I(4)})), "{3 4, 1 2}");
  EXPECT_EQ(pr_str(vm, vm.call(core_fn(vm, "sorted-map"), {})), "{}");
  EXPECT_TRUE(vm.call(core_fn(vm, "sorted?"), {sm}).is_true());
  EXPECT_TRUE(vm.call(core_fn(vm, "sorted?"), {hs}).is_false());
  Value m = with_meta(vm, sm, map_from(vm, kv, 1));
  EXPECT_EQ(pr_str(vm, meta(m)), "{1 2}");
  EXPECT_EQ(pr_str(vm, dissoc(vm, sm, I(1))), "{3 1}");
  EXPECT_EQ(pr_str(vm, first(vm, sm)), "[1 2]");
  EXPECT_TRUE(seq(vm, vm.call(core_fn(vm, "sorted-set"), {})).is_nil());
  // A sorted map is callable as a map and is a map for map?/coll?.
  EXPECT_TRUE(is_map(sm) && is_coll(sm) && is_counted(sm));
  EXPECT_EQ(as_long(vm.call(sm, {I(3)})), 1);
}

TEST(CollSorted, SubseqAndRsubseq) {
  CollVM vm;
  Value ss = vm.call(core_fn(vm, "sorted-set"), {I(1), I(2), I(3), I(4), I(5)});
  Value sm = vm.call(core_fn(vm, "sorted-map"), {I(1), I(1), I(2), I(2), I(3), I(3), I(4), I(4)});
  Value lt = core_fn(vm, "<"), le = core_fn(vm, "<="), gt = core_fn(vm, ">"), ge = core_fn(vm, ">=");
  Value sub = core_fn(vm, "subseq"), rsub = core_fn(vm, "rsubseq");
  EXPECT_EQ(pr_str(vm, vm.call(sub, {sm, gt, I(2)})), "([3 3] [4 4])");
  EXPECT_EQ(pr_str(vm, vm.call(sub, {ss, ge, I(2)})), "(2 3 4 5)");
  EXPECT_EQ(pr_str(vm, vm.call(sub, {ss, lt, I(3)})), "(1 2)");
  EXPECT_EQ(pr_str(vm, vm.call(rsub, {ss, lt, I(4)})), "(3 2 1)");
  EXPECT_EQ(pr_str(vm, vm.call(rsub, {ss, ge, I(4)})), "(5 4)");
  Value args[] = {ss, ge, I(2), lt, I(4)};
  EXPECT_EQ(pr_str(vm, vm.call(sub, args, 5)), "(2 3)");
  Value rargs[] = {ss, gt, I(1), le, I(4)};
  EXPECT_EQ(pr_str(vm, vm.call(rsub, rargs, 5)), "(4 3 2)");
  EXPECT_TRUE(vm.call(sub, {ss, gt, I(9)}).is_nil());
  Value between[] = {ss, gt, I(5), lt, I(9)};
  EXPECT_TRUE(vm.call(sub, between, 5).is_nil());
  expect_error([&] { vm.call(sub, {hash_map_from(vm, nullptr, 0), gt, I(1)}); }, ErrorKind::ClassCastException,
               "clojure.lang.Sorted");
}

TEST(CollSorted, BadInputErrors) {
  CollVM vm;
  Value sm = vm.call(core_fn(vm, "sorted-map"), {I(1), I(1)});
  expect_error([&] { assoc(vm, sm, K(vm, "a"), I(2)); }, ErrorKind::ClassCastException, "cannot be cast");
  expect_error([&] { get(vm, sm, K(vm, "a")); }, ErrorKind::ClassCastException, "cannot be cast");
  expect_error([&] { vm.call(core_fn(vm, "sorted-map"), {I(1)}); }, ErrorKind::IllegalArgumentException,
               "No value supplied for key: 1");
  Value bad = comparator(vm, [](State& vm, Args) { return S(vm, "x"); });
  expect_error([&] { vm.call(core_fn(vm, "sorted-set-by"), {bad, I(1), I(2)}); }, ErrorKind::ClassCastException,
               "java.lang.Number");
  expect_error([&] { vm.call(core_fn(vm, "rseq"), {I(1)}); }, ErrorKind::ClassCastException, "Sorted");
}

TEST(CollQueue, MatchesDequeModel) {
  CollVM vm;
  std::mt19937 rng(9);
  RootScope roots(vm.heap);
  Var* empty = vm.find_ns(vm.sym("clojure.lang.PersistentQueue"))->lookup(vm.sym("EMPTY"));
  ASSERT_NE(empty, nullptr);
  size_t q = roots.push(empty->root);
  std::deque<int64_t> model;
  for (int op = 0; op < 20000; ++op) {
    if (rng() % 3 || model.empty()) {
      roots[q] = conj(vm, roots[q], I(op));
      model.push_back(op);
    } else {
      ASSERT_EQ(as_long(peek(vm, roots[q])), model.front());
      roots[q] = pop(vm, roots[q]);
      model.pop_front();
    }
    vm.heap.safepoint();
  }
  ASSERT_EQ(count(vm, roots[q]), static_cast<int64_t>(model.size()));
  std::vector<int64_t> want(model.begin(), model.end());
  EXPECT_EQ(keys_in_order(vm, seq(vm, roots[q])), want);
  std::vector<Value> items;
  for (int64_t x : model) items.push_back(I(x));
  EXPECT_TRUE(equiv(vm, roots[q], vector_from(vm.heap, items.data(), items.size())));
  EXPECT_TRUE(equiv(vm, list_from(vm.heap, items.data(), items.size()), roots[q]));
  EXPECT_EQ(hash(vm, roots[q]), hash(vm, vector_from(vm.heap, items.data(), items.size())));
}

TEST(CollQueue, EmptyPeekPopAndPrinting) {
  CollVM vm;
  Value e = empty_queue(vm.heap);
  EXPECT_TRUE(peek(vm, e).is_nil());
  EXPECT_EQ(pop(vm, e), e);  // Clojure: popping an empty queue returns it
  EXPECT_TRUE(seq(vm, e).is_nil());
  Value q = conj(vm, conj(vm, e, I(1)), I(2));
  std::string p = pr_str(vm, q);
  EXPECT_EQ(p.rfind("#object[clojure.lang.PersistentQueue 0x", 0), 0u) << p;
  EXPECT_NE(p.find(" \"clojure.lang.PersistentQueue@3e2\"]"), std::string::npos) << p;  // Java hashCode of (1 2)
  EXPECT_NE(pr_str(vm, pop(vm, q)).find("PersistentQueue@21\""), std::string::npos);
  EXPECT_EQ(pr_str(vm, seq(vm, q)), "(1 2)");
  EXPECT_TRUE(is_sequential(q) && is_counted(q) && !is_seq(q));
}

TEST(CollHashSeq, WalksTrieLazilyInVisitOrder) {
  CollVM vm;
  std::mt19937 rng(1);
  RootScope roots(vm.heap);
  for (int size : {1, 2, 9, 17, 33, 100, 1000, 20000}) {
    size_t m = roots.push(empty_hash_map(vm.heap));
    for (int i = 0; i < size; ++i) roots[m] = assoc(vm, roots[m], I(static_cast<int64_t>(rng() % 1000000)), I(i));
    if (size == 17) roots[m] = assoc(vm, roots[m], Value::nil(), I(-1));
    if (size == 33)  // colliding Java string hashes make collision nodes
      for (const char* c : {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"}) roots[m] = assoc(vm, roots[m], S(vm, c), I(0));
    std::vector<Value> visited;
    map_visit_for_test(vm, roots[m], visited);
    size_t s = roots.push(seq(vm, roots[m]));
    ASSERT_TRUE(is<HashMapSeq>(roots[s]));
    EXPECT_EQ(count(vm, roots[s]), static_cast<int64_t>(visited.size()));
    size_t i = 0;
    for (Value cur = roots[s]; !cur.is_nil(); cur = next(vm, cur), ++i) {
      auto* e = static_cast<MapEntry*>(first(vm, cur).as_obj());
      ASSERT_LT(i, visited.size());
      ASSERT_EQ(e->key, visited[i]) << "size " << size << " at " << i;
    }
    EXPECT_EQ(i, visited.size());
  }
}

TEST(CollStringSeq, CodePoints) {
  CollVM vm;
  Value s = seq(vm, S(vm, "h\xC3\xA9llo\xF0\x9F\x98\x80"));
  ASSERT_TRUE(is<StringSeq>(s));
  EXPECT_EQ(count(vm, s), 6);
  EXPECT_EQ(pr_str(vm, s), "(\\h \\\xC3\xA9 \\l \\l \\o \\\xF0\x9F\x98\x80)");
  EXPECT_EQ(pr_str(vm, rest(vm, S(vm, "ab"))), "(\\b)");
  EXPECT_EQ(count(vm, next(vm, s)), 5);
  EXPECT_TRUE(seq(vm, S(vm, "")).is_nil());
  Value chars[] = {Value::character('a'), Value::character('b')};
  EXPECT_TRUE(equiv(vm, seq(vm, S(vm, "ab")), vector_from(vm.heap, chars, 2)));
}

}  // namespace
}  // namespace clove
