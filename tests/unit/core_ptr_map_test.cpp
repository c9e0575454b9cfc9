// PtrMap (core/ptr_map.h): open addressing with backward-shift deletion, checked
// against std::unordered_map over random insertions and erasures.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <unordered_map>
#include <vector>

#include "core/ptr_map.h"

namespace clove {
namespace {

struct alignas(16) Thing {
  int id;
};

TEST(PtrMap, InsertFindEraseAgreeWithUnorderedMap) {
  std::vector<Thing> things(3000);
  for (int i = 0; i < 3000; ++i) things[i].id = i;
  PtrMap<Thing*, int> map;
  std::unordered_map<Thing*, int> ref;
  std::mt19937 rng(42);
  for (int step = 0; step < 200000; ++step) {
    Thing* k = &things[rng() % things.size()];
    switch (rng() % 4) {
      case 0:
      case 1:
        map[k] = step;
        ref[k] = step;
        break;
      case 2:
        ASSERT_EQ(map.erase(k), ref.erase(k)) << "step " << step;
        break;
      default: {
        auto it = map.find(k);
        auto r = ref.find(k);
        ASSERT_EQ(it == map.end(), r == ref.end()) << "step " << step;
        if (r != ref.end()) ASSERT_EQ(it->second, r->second);
      }
    }
    ASSERT_EQ(map.size(), ref.size());
  }
  // Every entry is reachable after all the shifting, and iteration visits each once.
  size_t seen = 0;
  for (auto& [k, v] : map) {
    ASSERT_EQ(ref.at(k), v);
    ++seen;
  }
  EXPECT_EQ(seen, ref.size());
  for (auto& [k, v] : ref) EXPECT_EQ(map.at(k), v);
}

TEST(PtrMap, OperatorBracketMakesADefaultEntry) {
  Thing a{1}, b{2};
  PtrMap<Thing*, Thing*> map;
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.find(&a), map.end());
  EXPECT_EQ(map[&a], nullptr);
  EXPECT_EQ(map.size(), 1u);
  map[&a] = &b;
  EXPECT_EQ(map.at(&a), &b);
  EXPECT_EQ(map.count(&b), 0u);
  EXPECT_THROW(map.at(&b), std::out_of_range);
  EXPECT_EQ(map.erase(&b), 0u);
  EXPECT_EQ(map.erase(&a), 1u);
  EXPECT_TRUE(map.empty());
  EXPECT_EQ(map.begin(), map.end());
}

TEST(PtrMap, ReserveAvoidsGrowing) {
  std::vector<Thing> things(1000);
  PtrMap<Thing*, int> map;
  map.reserve(1000);
  size_t bytes = map.bytes();
  for (auto& t : things) map[&t] = t.id;
  EXPECT_EQ(map.bytes(), bytes);
  EXPECT_EQ(map.size(), 1000u);
  // At most 3/4 full.
  EXPECT_GE(bytes / sizeof(PtrMap<Thing*, int>::Entry) * 3, size_t{1000} * 4);
}

// Keys that collide on their home slot (addresses 2^k apart hash apart, so use a dense
// run that wraps the table's end) still erase correctly.
TEST(PtrMap, EraseInsideAWrappedRun) {
  std::vector<Thing> things(6);
  PtrMap<Thing*, int> map;
  for (int round = 0; round < 50; ++round) {
    for (int i = 0; i < 6; ++i) map[&things[i]] = i;
    for (int i = round % 6, n = 0; n < 6; i = (i + 1) % 6, ++n) {
      ASSERT_EQ(map.erase(&things[i]), 1u);
      for (int j = 0; j < 6; ++j) {
        bool erased = false;
        for (int m = 0, x = round % 6; m <= n; x = (x + 1) % 6, ++m) erased |= x == j;
        ASSERT_EQ(map.count(&things[j]), erased ? 0u : 1u);
      }
    }
  }
}

}  // namespace
}  // namespace clove
