// Persistent vector: random operations against std::vector, deep tries, seqs, errors.
#include <random>
#include <vector>

#include "coll_test_support.h"
#include "runtime/coll/subvector.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"

namespace clove {
namespace {

using namespace test;

void expect_same(State& vm, Value v, const std::vector<int64_t>& model) {
  ASSERT_TRUE(is_vector(v));
  ASSERT_EQ(count(vm, v), static_cast<int64_t>(model.size()));
  for (size_t i = 0; i < model.size(); ++i) ASSERT_EQ(as_long(nth(vm, v, i)), model[i]) << "index " << i;
}

TEST(CollVector, ConjPastEveryTrieLevel) {
  CollVM vm;
  Value v = empty_vector(vm.heap);
  std::vector<int64_t> model;
  for (int64_t i = 0; i < 33000; ++i) {  // past 32, 1024 and 32768: three trie levels
    v = conj(vm, v, I(i));
    model.push_back(i);
    if (i == 31 || i == 32 || i == 1023 || i == 1024 || i == 1056 || i == 32767 || i == 32800) expect_same(vm, v, model);
  }
  expect_same(vm, v, model);
  EXPECT_EQ(static_cast<Vector*>(v.as_obj())->shift, 15u);
  // Pop all the way back down, checking at the level boundaries.
  while (!model.empty()) {
    v = pop(vm, v);
    model.pop_back();
    size_t n = model.size();
    if (n == 32768 || n == 32767 || n == 1056 || n == 1024 || n == 1023 || n == 33 || n == 32 || n == 1 || n == 0)
      expect_same(vm, v, model);
  }
  EXPECT_EQ(count(vm, v), 0);
}

TEST(CollVector, RandomOpsAgainstModel) {
  CollVM vm;
  std::mt19937_64 rng(42);
  Value v = empty_vector(vm.heap);
  std::vector<int64_t> model;
  std::vector<std::pair<Value, std::vector<int64_t>>> snapshots;
  for (int step = 0; step < 20000; ++step) {
    int op = static_cast<int>(rng() % 10);
    if (op < 5 || model.empty()) {
      int64_t x = static_cast<int64_t>(rng() % 1000000);
      v = conj(vm, v, I(x));
      model.push_back(x);
    } else if (op < 8) {
      size_t i = rng() % model.size();
      int64_t x = static_cast<int64_t>(rng() % 1000000);
      v = assoc(vm, v, I(static_cast<int64_t>(i)), I(x));
      model[i] = x;
    } else {
      v = pop(vm, v);
      model.pop_back();
    }
    if (step % 997 == 0) snapshots.emplace_back(v, model);
  }
  expect_same(vm, v, model);
  // Persistence: older versions are unchanged.
  for (auto& [sv, sm] : snapshots) expect_same(vm, sv, sm);
}

const VectorNode* tail_of(Value v) { return static_cast<Vector*>(v.as_obj())->tail; }

TEST(CollVector, ConjAppendsInPlaceToAnUnclaimedTailSlot) {
  CollVM vm;
  Value v = empty_vector(vm.heap);
  for (int i = 0; i < 5; ++i) v = conj(vm, v, I(i));  // tail capacity 8, 5 claimed
  Value a = conj(vm, v, I(100));
  EXPECT_EQ(tail_of(a), tail_of(v));  // took slot 5 in place
  Value b = conj(vm, v, I(200));      // slot 5 is a's now: b copies
  EXPECT_NE(tail_of(b), tail_of(v));
  Value a2 = conj(vm, a, I(101));
  EXPECT_EQ(tail_of(a2), tail_of(v));
  expect_same(vm, v, {0, 1, 2, 3, 4});
  expect_same(vm, a, {0, 1, 2, 3, 4, 100});
  expect_same(vm, b, {0, 1, 2, 3, 4, 200});
  expect_same(vm, a2, {0, 1, 2, 3, 4, 100, 101});
  EXPECT_FALSE(equiv(vm, a, b));
  // assoc and pop copy exactly the vector's own elements, never a neighbour's.
  Value p = pop(vm, a2);
  expect_same(vm, p, {0, 1, 2, 3, 4, 100});
  EXPECT_EQ(tail_of(p)->len, 6u);
  Value s = assoc(vm, v, I(4), I(-4));
  expect_same(vm, s, {0, 1, 2, 3, -4});
  EXPECT_EQ(tail_of(s)->len, 5u);
}

TEST(CollVector, ConjChainCopiesTheTailLogarithmically) {
  CollVM vm;
  Value v = empty_vector(vm.heap);
  std::vector<const VectorNode*> tails;
  for (int i = 0; i < 32; ++i) {
    v = conj(vm, v, I(i));
    if (tails.empty() || tails.back() != tail_of(v)) tails.push_back(tail_of(v));
  }
  // Capacities 1, 2, 4, 8, 16, 32: six tails for 32 conj, not 32.
  ASSERT_EQ(tails.size(), 6u);
  EXPECT_EQ(tails.back()->len, 32u);
  EXPECT_EQ(tails.back()->fill, 32u);
  v = conj(vm, v, I(32));  // the full tail moves into the trie as a leaf
  std::vector<int64_t> model;
  for (int i = 0; i <= 32; ++i) model.push_back(i);
  expect_same(vm, v, model);
}

TEST(CollVector, TransientOfASharedTailSeesOnlyItsElements) {
  CollVM vm;
  Value v = empty_vector(vm.heap);
  for (int i = 0; i < 3; ++i) v = conj(vm, v, I(i));  // capacity 4
  Value a = conj(vm, v, I(99));                       // claims slot 3 in place
  ASSERT_EQ(tail_of(a), tail_of(v));
  Value t = transient_of(vm, v);
  EXPECT_EQ(transient_count(t), 3);
  EXPECT_TRUE(transient_nth(t, 3, Value::nil(), true).is_nil());
  t = transient_conj(vm, t, I(7));
  expect_same(vm, persistent_of(vm, t), {0, 1, 2, 7});
  expect_same(vm, a, {0, 1, 2, 99});
  expect_same(vm, v, {0, 1, 2});
}

TEST(CollVector, RandomBranchingAgainstModel) {
  // Every operation applies to a random earlier version, so tails are shared and
  // claimed by many branches.
  CollVM vm;
  std::mt19937_64 rng(7);
  std::vector<std::pair<Value, std::vector<int64_t>>> versions{{empty_vector(vm.heap), {}}};
  for (int step = 0; step < 20000; ++step) {
    auto [v, model] = versions[rng() % versions.size()];
    int op = static_cast<int>(rng() % 10);
    if (op < 6 || model.empty()) {
      int64_t x = static_cast<int64_t>(rng() % 1000);
      v = conj(vm, v, I(x));
      model.push_back(x);
    } else if (op < 8) {
      size_t i = rng() % model.size();
      v = assoc(vm, v, I(static_cast<int64_t>(i)), I(-1));
      model[i] = -1;
    } else {
      v = pop(vm, v);
      model.pop_back();
    }
    if (versions.size() < 400) versions.emplace_back(v, model);
    else versions[rng() % versions.size()] = {v, model};
  }
  for (auto& [v, model] : versions) expect_same(vm, v, model);
}

TEST(CollVector, VectorFromMatchesConj) {
  CollVM vm;
  for (size_t n : {0u, 1u, 31u, 32u, 33u, 64u, 1024u, 1025u, 1056u, 1057u, 32768u, 32800u, 33000u}) {
    std::vector<Value> items;
    std::vector<int64_t> model;
    Value c = empty_vector(vm.heap);
    for (size_t i = 0; i < n; ++i) {
      items.push_back(I(static_cast<int64_t>(i)));
      model.push_back(static_cast<int64_t>(i));
      c = conj(vm, c, I(static_cast<int64_t>(i)));
    }
    Value v = vector_from(vm.heap, items.data(), items.size());
    expect_same(vm, v, model);
    EXPECT_EQ(static_cast<Vector*>(v.as_obj())->shift, static_cast<Vector*>(c.as_obj())->shift) << n;
    EXPECT_TRUE(equiv(vm, v, c));
    EXPECT_EQ(hash(vm, v), hash(vm, c));
    // Building on top of a vector_from vector keeps working.
    Value w = conj(vm, v, I(-1));
    model.push_back(-1);
    expect_same(vm, w, model);
    if (n > 0) {
      Value p = pop(vm, v);
      model.pop_back();
      model.pop_back();
      expect_same(vm, p, model);
    }
  }
}

TEST(CollVector, SeqWalksEveryElement) {
  CollVM vm;
  std::vector<Value> items;
  for (int i = 0; i < 2000; ++i) items.push_back(I(i));
  Value v = vector_from(vm.heap, items.data(), items.size());
  int64_t i = 0;
  for (Value s = seq(vm, v); !s.is_nil(); s = next(vm, s), ++i) {
    ASSERT_EQ(as_long(first(vm, s)), i);
    ASSERT_EQ(count(vm, s), 2000 - i);
  }
  EXPECT_EQ(i, 2000);
  EXPECT_TRUE(seq(vm, empty_vector(vm.heap)).is_nil());
  EXPECT_EQ(as_long(nth(vm, seq(vm, v), 1500)), 1500);
}

TEST(CollVector, PeekGetContains) {
  CollVM vm;
  Value items[] = {I(10), I(20), I(30)};
  Value v = vector_from(vm.heap, items, 3);
  EXPECT_EQ(as_long(peek(vm, v)), 30);
  EXPECT_TRUE(peek(vm, empty_vector(vm.heap)).is_nil());
  EXPECT_EQ(as_long(get(vm, v, I(1))), 20);
  EXPECT_TRUE(get(vm, v, I(3)).is_nil());
  EXPECT_TRUE(get(vm, v, I(-1)).is_nil());
  EXPECT_TRUE(get(vm, v, K(vm, "a")).is_nil());
  EXPECT_EQ(as_long(get(vm, v, I(7), I(99))), 99);
  EXPECT_TRUE(contains(vm, v, I(2)));
  EXPECT_FALSE(contains(vm, v, I(3)));
  EXPECT_FALSE(contains(vm, v, K(vm, "a")));
  EXPECT_EQ(as_long(nth(vm, v, 5, I(-7))), -7);
  EXPECT_EQ(as_long(first(vm, v)), 10);
  EXPECT_EQ(as_long(first(vm, next(vm, v))), 20);
  EXPECT_EQ(count(vm, rest(vm, v)), 2);
}

TEST(CollVector, Errors) {
  CollVM vm;
  Value items[] = {I(1), I(2)};
  Value v = vector_from(vm.heap, items, 2);
  expect_error([&] { nth(vm, v, 5); }, ErrorKind::IndexOutOfBoundsException);
  expect_error([&] { nth(vm, v, -1); }, ErrorKind::IndexOutOfBoundsException);
  expect_error([&] { assoc(vm, vector_from(vm.heap, items, 1), I(5), I(0)); }, ErrorKind::IndexOutOfBoundsException);
  expect_error([&] { assoc(vm, v, K(vm, "a"), I(1)); }, ErrorKind::IllegalArgumentException, "Key must be integer");
  expect_error([&] { pop(vm, empty_vector(vm.heap)); }, ErrorKind::IllegalStateException, "Can't pop empty vector");
  expect_error([&] { dissoc(vm, v, I(0)); }, ErrorKind::ClassCastException, "clojure.lang.IPersistentMap");
  // assoc at count appends.
  EXPECT_EQ(count(vm, assoc(vm, v, I(2), I(3))), 3);
}

TEST(CollVector, Metadata) {
  CollVM vm;
  Value kv[] = {K(vm, "tag"), I(1)};
  Value m = map_from(vm, kv, 1);
  Value items[] = {I(1)};
  Value v = with_meta(vm, vector_from(vm.heap, items, 1), m);
  EXPECT_TRUE(equiv(vm, meta(v), m));
  EXPECT_TRUE(equiv(vm, meta(conj(vm, v, I(2))), m));  // conj keeps metadata
  EXPECT_TRUE(equiv(vm, meta(pop(vm, v)), m));
  EXPECT_TRUE(meta(vector_from(vm.heap, items, 1)).is_nil());
  expect_error([&] { with_meta(vm, I(1), m); }, ErrorKind::ClassCastException, "IObj");
}

// subvec views (subvector.h): random subvec, conj, assoc and pop on views against a
// model; the viewed vector never changes, and a view of a view views the first vector.
TEST(CollVector, SubvecViewsAgainstModel) {
  CollVM vm;
  std::mt19937_64 rng(7);
  std::vector<int64_t> base_model;
  Value base = empty_vector(vm.heap);
  for (int64_t i = 0; i < 2000; ++i) {
    base = conj(vm, base, I(i));
    base_model.push_back(i);
  }
  for (int round = 0; round < 200; ++round) {
    size_t a = rng() % base_model.size(), b = a + rng() % (base_model.size() - a + 1);
    Value v = subvector(vm, base, static_cast<int64_t>(a), static_cast<int64_t>(b));
    std::vector<int64_t> model(base_model.begin() + a, base_model.begin() + b);
    if (model.empty()) {
      EXPECT_TRUE(is<Vector>(v));  // an empty range is [] itself
      continue;
    }
    ASSERT_TRUE(is<SubVector>(v));
    EXPECT_EQ(static_cast<SubVector*>(v.as_obj())->vec, base.as_obj());
    for (int step = 0; step < 30 && !model.empty(); ++step) {
      int op = static_cast<int>(rng() % 4);
      if (op == 0) {
        int64_t x = static_cast<int64_t>(rng() % 100000);
        v = conj(vm, v, I(x));
        model.push_back(x);
      } else if (op == 1) {
        size_t i = rng() % (model.size() + 1);  // count itself appends
        int64_t x = static_cast<int64_t>(rng() % 100000);
        v = assoc(vm, v, I(static_cast<int64_t>(i)), I(x));
        if (i == model.size()) model.push_back(x); else model[i] = x;
      } else if (op == 2) {
        v = pop(vm, v);
        model.pop_back();
      } else {
        size_t s = rng() % model.size(), e = s + rng() % (model.size() - s + 1);
        Value w = subvector(vm, v, static_cast<int64_t>(s), static_cast<int64_t>(e));
        if (e > s) {
          ASSERT_TRUE(is<SubVector>(w));
          EXPECT_TRUE(is<Vector>(Value::object(static_cast<SubVector*>(w.as_obj())->vec)));
        }
        v = w;
        model = std::vector<int64_t>(model.begin() + s, model.begin() + e);
      }
      expect_same(vm, v, model);
      if (model.empty()) break;
    }
  }
  expect_same(vm, base, base_model);
}

TEST(CollVector, SubvecErrorsAndEnds) {
  CollVM vm;
  Value v = conj(vm, conj(vm, conj(vm, empty_vector(vm.heap), I(1)), I(2)), I(3));
  expect_error([&] { subvector(vm, v, 2, 1); }, ErrorKind::IndexOutOfBoundsException, "");
  expect_error([&] { subvector(vm, v, -1, 1); }, ErrorKind::IndexOutOfBoundsException, "");
  expect_error([&] { subvector(vm, v, 0, 4); }, ErrorKind::IndexOutOfBoundsException, "");
  Value s = subvector(vm, v, 1, 2);
  expect_error([&] { nth(vm, s, 1); }, ErrorKind::IndexOutOfBoundsException, "");
  expect_error([&] { assoc(vm, s, I(2), I(0)); }, ErrorKind::IndexOutOfBoundsException, "");
  Value e = pop(vm, s);  // popping the last element gives [] itself
  EXPECT_TRUE(is<Vector>(e));
  EXPECT_EQ(count(vm, e), 0);
  EXPECT_EQ(as_long(peek(vm, s)), 2);
}

// A view keeps its vector alive: with only the view rooted, a full collection frees
// nothing it reads.
TEST(CollVector, SubvecKeepsItsVectorAlive) {
  CollVM vm;
  RootScope scope(vm.heap);
  size_t slot;
  {
    Value v = empty_vector(vm.heap);
    for (int64_t i = 0; i < 5000; ++i) v = conj(vm, v, I(i));
    slot = scope.push(subvector(vm, v, 4000, 4100));
  }
  vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  std::vector<int64_t> model;
  for (int64_t i = 4000; i < 4100; ++i) model.push_back(i);
  expect_same(vm, scope[slot], model);
  EXPECT_EQ(count(vm, seq(vm, scope[slot])), 100);
}

}  // namespace
}  // namespace clove
