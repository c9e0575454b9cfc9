// Maps and sets: array maps, promotion to the HAMT, collisions, nil keys, random
// operations against std::map, dissoc down to empty, and Clojure's iteration order.
#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "coll_test_support.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/map_seq.h"
#include "runtime/coll/transient.h"

namespace clove {
namespace {

using namespace test;

std::vector<Value> keys_of(State& vm, Value m) {
  std::vector<Value> out;
  for (Value s = seq(vm, m); !s.is_nil(); s = next(vm, s)) {
    Value e = first(vm, s);
    out.push_back(is_map(m) ? static_cast<MapEntry*>(e.as_obj())->key : e);
  }
  return out;
}

std::vector<int64_t> long_keys(State& vm, Value m) {
  std::vector<int64_t> out;
  for (Value k : keys_of(vm, m)) out.push_back(as_long(k));
  return out;
}

TEST(CollMap, ArrayMapKeepsInsertionOrderAndPromotes) {
  CollVM vm;
  Value m = empty_array_map(vm.heap);
  for (int i = 0; i < 8; ++i) m = assoc(vm, m, I(100 - i), I(i));
  EXPECT_TRUE(is<ArrayMap>(m));
  EXPECT_EQ(long_keys(vm, m), (std::vector<int64_t>{100, 99, 98, 97, 96, 95, 94, 93}));
  Value same = assoc(vm, m, I(99), I(1));  // same key and identical value: unchanged
  EXPECT_EQ(same, m);
  m = assoc(vm, m, I(99), I(42));  // replacing keeps the position
  EXPECT_EQ(long_keys(vm, m)[1], 99);
  EXPECT_EQ(as_long(get(vm, m, I(99))), 42);
  Value big = assoc(vm, m, I(5), I(5));
  EXPECT_TRUE(is<HashMap>(big));
  EXPECT_EQ(count(vm, big), 9);
  for (int i = 0; i < 8; ++i) EXPECT_TRUE(contains(vm, big, I(100 - i)));
  // dissoc keeps array maps as array maps, down to empty.
  for (int i = 0; i < 8; ++i) m = dissoc(vm, m, I(100 - i));
  EXPECT_TRUE(is<ArrayMap>(m));
  EXPECT_EQ(count(vm, m), 0);
  EXPECT_TRUE(seq(vm, m).is_nil());
}

TEST(CollMap, KeywordLookupsPredictThePairFromTheLastOne) {
  CollVM vm;
  Value a = K(vm, "a"), b = K(vm, "b");
  auto* ka = static_cast<Keyword*>(a.as_obj());
  Value ab = empty_array_map(vm.heap);
  ab = assoc(vm, ab, a, I(1));
  ab = assoc(vm, ab, b, I(2));
  Value ba = empty_array_map(vm.heap);
  ba = assoc(vm, ba, b, I(20));
  ba = assoc(vm, ba, a, I(10));
  EXPECT_EQ(as_long(get(vm, ba, a)), 10);
  EXPECT_EQ(ka->slot_hint, 1u);  // found at pair 1: tried first next time
  EXPECT_EQ(as_long(get(vm, ba, a)), 10);
  EXPECT_EQ(as_long(get(vm, ab, a)), 1);  // the prediction misses: scanned, hint moved
  EXPECT_EQ(ka->slot_hint, 0u);
  // A hint past a map's pairs, or at a pair holding another key, never answers.
  ka->slot_hint = 7;
  EXPECT_EQ(as_long(get(vm, ab, a)), 1);
  ka->slot_hint = 1;
  EXPECT_TRUE(get(vm, assoc(vm, empty_array_map(vm.heap), b, I(3)), a).is_nil());
  EXPECT_EQ(ka->slot_hint, 1u);  // a miss leaves it
}

TEST(CollMap, IterationOrderMatchesClojure) {
  CollVM vm;
  // (into {} (map (fn [i] [i i]) (range 20)))
  std::vector<Value> kvs;
  for (int i = 0; i < 20; ++i) {
    kvs.push_back(I(i));
    kvs.push_back(I(i));
  }
  Value m = map_from(vm, kvs.data(), 20);
  EXPECT_EQ(long_keys(vm, m),
            (std::vector<int64_t>{0, 7, 1, 4, 15, 13, 6, 17, 3, 12, 2, 19, 11, 9, 5, 14, 16, 10, 18, 8}));
  // (dissoc m 3 5 7 9 11 13 15 17 19 1 0 2): array node packed back into a bitmap node
  for (int k : {3, 5, 7, 9, 11, 13, 15, 17, 19, 1, 0, 2}) m = dissoc(vm, m, I(k));
  EXPECT_EQ(long_keys(vm, m), (std::vector<int64_t>{4, 6, 12, 14, 16, 10, 18, 8}));
  // (hash-map :a 1 :b 2 :c 3 "x" 4 nil 5 [1] 6) => {nil 5, "x" 4, :c 3, :b 2, [1] 6, :a 1}
  Value one[] = {I(1)};
  Value hkv[] = {K(vm, "a"), I(1), K(vm, "b"), I(2), K(vm, "c"), I(3), S(vm, "x"), I(4), Value::nil(), I(5), vector_from(vm.heap, one, 1), I(6)};
  Value hm = hash_map_from(vm, hkv, 6);
  std::vector<Value> ks = keys_of(vm, hm);
  ASSERT_EQ(ks.size(), 6u);
  EXPECT_TRUE(ks[0].is_nil());
  EXPECT_TRUE(equiv(vm, ks[1], S(vm, "x")));
  EXPECT_EQ(ks[2], K(vm, "c"));
  EXPECT_EQ(ks[3], K(vm, "b"));
  EXPECT_TRUE(equiv(vm, ks[4], vector_from(vm.heap, one, 1)));
  EXPECT_EQ(ks[5], K(vm, "a"));
  // (into #{} (range 40))
  std::vector<Value> items;
  for (int i = 0; i < 40; ++i) items.push_back(I(i));
  Value s = set_from(vm, items.data(), items.size());
  EXPECT_EQ(long_keys(vm, s), (std::vector<int64_t>{0, 7, 20, 27, 1, 24, 39, 4, 15, 21, 31, 32, 33, 13, 22, 36, 29, 6, 28, 25,
                                                     34, 17, 3, 12, 2, 23, 35, 19, 11, 9, 5, 14, 26, 16, 38, 30, 10, 18, 37, 8}));
}

TEST(CollMap, HashCollisions) {
  CollVM vm;
  const char* names[] = {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "x"};
  EXPECT_EQ(hash(vm, S(vm, "Aa")), hash(vm, S(vm, "BB")));
  EXPECT_EQ(hash(vm, S(vm, "AaAa")), hash(vm, S(vm, "BBBB")));
  EXPECT_EQ(hash(vm, S(vm, "AaBB")), hash(vm, S(vm, "BBAa")));
  std::vector<Value> kvs;
  for (const char* n : names) {
    kvs.push_back(S(vm, n));
    kvs.push_back(I(1));
  }
  Value m = hash_map_from(vm, kvs.data(), 7);
  // (apply hash-map ...) => {"AaAa" 1, "BBBB" 1, "AaBB" 1, "BBAa" 1, "x" 1, "Aa" 1, "BB" 1}
  const char* order[] = {"AaAa", "BBBB", "AaBB", "BBAa", "x", "Aa", "BB"};
  std::vector<Value> ks = keys_of(vm, m);
  ASSERT_EQ(ks.size(), 7u);
  for (size_t i = 0; i < 7; ++i) EXPECT_TRUE(equiv(vm, ks[i], S(vm, order[i]))) << i;
  for (const char* n : names) EXPECT_TRUE(contains(vm, m, S(vm, n))) << n;
  EXPECT_FALSE(contains(vm, m, S(vm, "CC")));
  // Remove collision members one at a time, down to empty.
  for (const char* n : names) {
    int64_t before = count(vm, m);
    m = dissoc(vm, m, S(vm, n));
    EXPECT_EQ(count(vm, m), before - 1);
    EXPECT_FALSE(contains(vm, m, S(vm, n)));
    EXPECT_EQ(dissoc(vm, m, S(vm, n)), m);  // absent key: unchanged
  }
  EXPECT_EQ(count(vm, m), 0);
  EXPECT_TRUE(seq(vm, m).is_nil());
}

TEST(CollMap, NilKeysAndValues) {
  CollVM vm;
  Value m = empty_hash_map(vm.heap);
  m = assoc(vm, m, Value::nil(), I(1));
  m = assoc(vm, m, I(2), Value::nil());
  EXPECT_EQ(count(vm, m), 2);
  EXPECT_EQ(as_long(get(vm, m, Value::nil())), 1);
  EXPECT_TRUE(contains(vm, m, I(2)));
  EXPECT_TRUE(get(vm, m, I(2), I(9)).is_nil());
  EXPECT_EQ(as_long(get(vm, m, I(3), I(9))), 9);
  m = dissoc(vm, m, Value::nil());
  EXPECT_FALSE(contains(vm, m, Value::nil()));
  EXPECT_EQ(count(vm, m), 1);
  Value am = assoc(vm, Value::nil(), Value::nil(), Value::nil());  // (assoc nil nil nil) => {nil nil}
  EXPECT_TRUE(is<ArrayMap>(am));
  EXPECT_TRUE(contains(vm, am, Value::nil()));
  Value items[] = {Value::nil(), I(1)};
  Value s = set_from(vm, items, 2);
  EXPECT_TRUE(contains(vm, s, Value::nil()));
  EXPECT_EQ(count(vm, s), 2);
}

// A key drawn from a mix of types, with its model key.
struct KeyGen {
  Runtime& vm;
  std::mt19937_64 rng{7};
  std::pair<Value, std::string> next() {
    int64_t n = static_cast<int64_t>(rng() % 3000);
    switch (rng() % 4) {
      case 0: return {I(n), "i" + std::to_string(n)};
      case 1: {
        // Strings built from colliding blocks ("Aa"/"BB") collide in groups.
        std::string s;
        for (int b = 0; b < 4; ++b) s += ((n >> b) & 1) ? "Aa" : "BB";
        s += std::to_string(n % 50);
        return {S(vm, s), "s" + s};
      }
      case 2: return {K(vm, "k" + std::to_string(n)), "k" + std::to_string(n)};
      default: {
        Value pair[] = {I(n % 40), I(n / 40)};
        return {vector_from(vm.heap, pair, 2), "v" + std::to_string(n % 40) + "," + std::to_string(n / 40)};
      }
    }
  }
};

TEST(CollMap, RandomOpsAgainstModel) {
  CollVM vm;
  KeyGen gen{vm};
  std::mt19937_64 rng(99);
  std::map<std::string, int64_t> model;
  std::map<std::string, Value> model_keys;
  Value m = empty_array_map(vm.heap);
  Value s = set_from(vm, nullptr, 0);
  std::map<std::string, int> set_model;
  for (int step = 0; step < 30000; ++step) {
    auto [k, mk] = gen.next();
    int op = static_cast<int>(rng() % 10);
    if (op < 6) {
      int64_t v = static_cast<int64_t>(rng() % 100000);
      m = assoc(vm, m, k, I(v));
      model[mk] = v;
      model_keys[mk] = k;
      s = conj(vm, s, k);
      set_model[mk] = 1;
    } else if (op < 9) {
      m = dissoc(vm, m, k);
      model.erase(mk);
      model_keys.erase(mk);
      s = set_disj(vm, static_cast<HashSet*>(s.as_obj()), k);
      set_model.erase(mk);
    } else {
      bool found = model.count(mk) > 0;
      ASSERT_EQ(contains(vm, m, k), found) << mk;
      if (found) {
        ASSERT_EQ(as_long(get(vm, m, k)), model[mk]);
      }
      ASSERT_EQ(contains(vm, s, k), set_model.count(mk) > 0);
    }
    ASSERT_EQ(count(vm, m), static_cast<int64_t>(model.size())) << "step " << step;
    ASSERT_EQ(count(vm, s), static_cast<int64_t>(set_model.size()));
  }
  for (auto& [mk, k] : model_keys) ASSERT_EQ(as_long(get(vm, m, k)), model[mk]) << mk;
  // The seq visits every entry exactly once.
  std::map<std::string, int> seen;
  for (Value k : keys_of(vm, m)) {
    (void)k;
    seen[""]++;
  }
  EXPECT_EQ(seen[""], static_cast<int>(model.size()));
  // Empty everything.
  for (auto& [mk, k] : model_keys) m = dissoc(vm, m, k);
  EXPECT_EQ(count(vm, m), 0);
  EXPECT_TRUE(seq(vm, m).is_nil());
}

TEST(CollMap, LargeIntegerMap) {
  CollVM vm;
  Value m = empty_hash_map(vm.heap);
  const int n = 100000;
  for (int i = 0; i < n; ++i) m = assoc(vm, m, I(i * 7), I(i));
  EXPECT_EQ(count(vm, m), n);
  for (int i = 0; i < n; ++i) ASSERT_EQ(as_long(get(vm, m, I(i * 7))), i);
  EXPECT_FALSE(contains(vm, m, I(3)));
  int64_t walked = 0;
  for (Value s = seq(vm, m); !s.is_nil(); s = next(vm, s)) ++walked;
  EXPECT_EQ(walked, n);
  for (int i = 0; i < n; i += 2) m = dissoc(vm, m, I(i * 7));
  EXPECT_EQ(count(vm, m), n / 2);
  for (int i = 0; i < n; ++i) ASSERT_EQ(contains(vm, m, I(i * 7)), i % 2 == 1);
}

// Clojure's rule for a hash map's order: by the keys' 5-bit hash digits, lowest first;
// keys with equal hashes in the order they were added. Checked on maps large enough to
// have every node kind at every depth, built persistently and by a transient, and after
// removing half the keys (Array nodes packed back into Bitmap nodes).
TEST(CollMap, OrderIsHashDigitOrderAtScale) {
  CollVM vm;
  RootScope roots(vm.heap);
  std::mt19937_64 rng(7);
  std::vector<int64_t> added;
  for (int i = 0; i < 40000; ++i) added.push_back(static_cast<int64_t>(rng() % 100000000));
  auto digit_key = [&](int64_t k) {
    uint64_t h = hash(vm, I(k)), r = 0;
    for (int d = 0; d < 7; ++d) r = (r << 5) | ((h >> (5 * d)) & 31);  // digit 0 most significant
    return r;
  };
  auto expected = [&](const std::vector<int64_t>& keys) {
    std::vector<int64_t> distinct;
    std::map<int64_t, bool> seen;
    for (int64_t k : keys)
      if (!seen[k]) {
        seen[k] = true;
        distinct.push_back(k);
      }
    std::stable_sort(distinct.begin(), distinct.end(),
                     [&](int64_t a, int64_t b) { return digit_key(a) < digit_key(b); });
    return distinct;
  };
  size_t pm = roots.push(empty_hash_map(vm.heap));
  for (int64_t k : added) roots[pm] = assoc(vm, roots[pm], I(k), I(k));
  EXPECT_EQ(long_keys(vm, roots[pm]), expected(added));
  size_t tm = roots.push(transient_of(vm, empty_hash_map(vm.heap)));
  for (int64_t k : added) roots[tm] = transient_assoc(vm, roots[tm], I(k), I(k));
  roots[tm] = persistent_of(vm, roots[tm]);
  EXPECT_EQ(long_keys(vm, roots[tm]), expected(added));
  std::map<int64_t, bool> gone;
  for (size_t i = 1; i < added.size(); i += 2) {
    roots[pm] = dissoc(vm, roots[pm], I(added[i]));
    gone[added[i]] = true;
  }
  std::vector<int64_t> want;
  for (int64_t k : expected(added))
    if (!gone.count(k)) want.push_back(k);
  EXPECT_EQ(long_keys(vm, roots[pm]), want);
  // Shrink to empty in a random order, persistently and through a transient, checking
  // the order as array nodes of both kinds are packed back into bitmap nodes.
  std::vector<int64_t> rest = want;
  std::shuffle(rest.begin(), rest.end(), rng);
  size_t tr = roots.push(transient_of(vm, roots[pm]));
  std::map<int64_t, bool> removed;
  for (size_t i = 0; i < rest.size(); ++i) {
    roots[pm] = dissoc(vm, roots[pm], I(rest[i]));
    roots[tr] = transient_dissoc(vm, roots[tr], I(rest[i]));
    removed[rest[i]] = true;
    size_t left = rest.size() - i - 1;
    if (left == 5000 || left == 300 || left == 17 || left == 9 || left == 0) {
      std::vector<int64_t> now;
      for (int64_t k : want)
        if (!removed.count(k)) now.push_back(k);
      EXPECT_EQ(long_keys(vm, roots[pm]), now) << left;
      EXPECT_EQ(count(vm, roots[pm]), static_cast<int64_t>(left));
      for (size_t j = i + 1; j < std::min(rest.size(), i + 50); ++j) ASSERT_EQ(as_long(get(vm, roots[pm], I(rest[j]))), rest[j]);
    }
  }
  EXPECT_TRUE(seq(vm, roots[pm]).is_nil());
  EXPECT_EQ(count(vm, persistent_of(vm, roots[tr])), 0);
}

// Keys alone at their position in an Array node are stored in the node itself, not in
// a node of their own (hash_map.h): at 32,768 keys (about one key per bottom-level
// position) the map takes 36 bytes per entry; with a node per lone key, as in
// Clojure's ArrayNode, it took 55.
TEST(CollMap, LoneKeysTakeNoNodeOfTheirOwn) {
  CollVM vm;
  RootScope roots(vm.heap);
  vm.heap.collect();
  size_t before = vm.heap.bytes_live();
  const int n = 32768;
  size_t m = roots.push(empty_hash_map(vm.heap));
  for (int i = 0; i < n; ++i) roots[m] = assoc(vm, roots[m], I(i * 7), I(i));
  vm.heap.collect();
  double per_entry = static_cast<double>(vm.heap.bytes_live() - before) / n;
  EXPECT_LT(per_entry, 40.0);
  EXPECT_GT(per_entry, 16.0);  // a key and a value
  for (int i = 0; i < n; ++i) ASSERT_EQ(as_long(get(vm, roots[m], I(i * 7))), i);
}

TEST(CollMap, ConjOnMaps) {
  CollVM vm;
  Value m = empty_array_map(vm.heap);
  m = conj(vm, m, map_entry(vm.heap, K(vm, "a"), I(1)));
  Value pair[] = {K(vm, "b"), I(2)};
  m = conj(vm, m, vector_from(vm.heap, pair, 2));
  Value other[] = {K(vm, "c"), I(3)};
  m = conj(vm, m, map_from(vm, other, 1));
  m = conj(vm, m, Value::nil());
  EXPECT_EQ(count(vm, m), 3);
  EXPECT_EQ(as_long(get(vm, m, K(vm, "c"))), 3);
  expect_error([&] { conj(vm, m, vector_from(vm.heap, pair, 1)); }, ErrorKind::IllegalArgumentException,
               "Vector arg to map conj must be a pair");
  // Map entries behave as vectors.
  Value e = map_entry(vm.heap, K(vm, "a"), I(1));
  EXPECT_FALSE(equiv(vm, e, vector_from(vm.heap, pair, 2)));
  Value ab[] = {K(vm, "a"), I(1)};
  EXPECT_TRUE(equiv(vm, e, vector_from(vm.heap, ab, 2)));
  EXPECT_EQ(hash(vm, e), hash(vm, vector_from(vm.heap, ab, 2)));
  EXPECT_EQ(count(vm, e), 2);
  EXPECT_EQ(nth(vm, e, 1), I(1));
  EXPECT_EQ(count(vm, conj(vm, e, I(3))), 3);
}

TEST(CollSet, Basics) {
  CollVM vm;
  Value items[] = {I(1), I(2), I(1), D(1.0), S(vm, "a"), S(vm, "a")};
  Value s = set_from(vm, items, 6);
  EXPECT_EQ(count(vm, s), 4);  // 1 and 1.0 differ, like Clojure
  EXPECT_TRUE(contains(vm, s, S(vm, "a")));
  EXPECT_TRUE(equiv(vm, get(vm, s, S(vm, "a")), S(vm, "a")));
  EXPECT_TRUE(get(vm, s, I(5)).is_nil());
  Value s2 = conj(vm, s, I(2));
  EXPECT_EQ(s2, s);  // already present: identical
  Value d = set_disj(vm, static_cast<HashSet*>(s.as_obj()), I(1));
  EXPECT_EQ(count(vm, d), 3);
  Value kv[] = {K(vm, "m"), I(1)};
  Value md = with_meta(vm, s, map_from(vm, kv, 1));
  EXPECT_TRUE(equiv(vm, md, s));
  EXPECT_FALSE(meta(md).is_nil());
}

}  // namespace
}  // namespace clove
