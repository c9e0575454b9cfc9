// gc_pool_test.cpp: the small-object allocator (gc/pool.h) on its own, against a
// model, and the heap's use of it: size classes, large objects, byte accounting.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/error.h"
#include "gc/heap.h"
#include "gc/pool.h"
#include "runtime/text/string.h"

using namespace clove;

namespace {

// A live cell in the tests: a stamp in bytes 0..7, byte 9 kept clear of Pool::kFreeTag
// (it overlays Obj::gc_color), and the rest of the cell filled with the stamp's low byte.
void stamp(void* cell, size_t bytes, uint64_t id) {
  auto* c = static_cast<unsigned char*>(cell);
  std::memset(c, static_cast<int>(id & 0x7F), bytes);
  std::memcpy(c, &id, sizeof id);
  c[9] = 0;
}

bool stamped(const void* cell, size_t bytes, uint64_t id) {
  auto* c = static_cast<const unsigned char*>(cell);
  uint64_t got;
  std::memcpy(&got, c, sizeof got);
  if (got != id || c[9] != 0) return false;
  for (size_t i = 10; i < bytes; ++i)
    if (c[i] != (id & 0x7F)) return false;
  return true;
}

struct Roots : RootProvider {
  std::vector<Value> values;
  void trace_roots(Tracer& t) override {
    for (Value v : values) t.mark(v);
  }
};

// An object whose constructor throws, to check that its memory is given back.
struct Throwing : Obj {
  static constexpr ObjType kType = ObjType::BoxedLong;
  Throwing() : Obj(kType) { throw std::runtime_error("constructor failed"); }
};

}  // namespace

TEST(GcPoolTest, SizeClassesAreSixteenByteSteps) {
  EXPECT_EQ(Pool::class_of(1), 0u);
  EXPECT_EQ(Pool::class_of(16), 0u);
  EXPECT_EQ(Pool::class_of(17), 1u);
  EXPECT_EQ(Pool::cell_size_of(Pool::class_of(17)), 32u);
  EXPECT_EQ(Pool::cell_size_of(Pool::class_of(Pool::kMaxSmall)), Pool::kMaxSmall);
  EXPECT_EQ(Pool::class_of(Pool::kMaxSmall), Pool::kClasses - 1);
}

TEST(GcPoolTest, CellsAreAlignedAndInTheirClassPage) {
  Pool pool;
  for (size_t bytes = 1; bytes <= Pool::kMaxSmall; bytes += 7) {
    void* c = pool.alloc(bytes);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(c) % 16, 0u) << bytes;
    PoolPage* p = Pool::page_of(c);
    EXPECT_EQ(p->cell_size, Pool::cell_size_of(Pool::class_of(bytes)));
    EXPECT_GE(static_cast<char*>(c), p->cells());
    EXPECT_LE(static_cast<char*>(c) + bytes, reinterpret_cast<char*>(p) + PoolPage::kSize);
    // stamp() writes 10 bytes, and under ASan a cell's bytes past the request are
    // poisoned; the heap's smallest request is a 16-byte Obj header anyway.
    if (bytes < 16) continue;
    stamp(c, bytes, bytes);
    EXPECT_TRUE(pool.owns_live(c));
  }
}

TEST(GcPoolTest, FreedCellsAreReused) {
  Pool pool;
  void* a = pool.alloc(48);
  stamp(a, 48, 1);
  pool.free(a);
  EXPECT_FALSE(pool.owns_live(a));
  void* b = pool.alloc(40);  // same class (48)
  EXPECT_EQ(a, b);
  stamp(b, 40, 2);
  EXPECT_TRUE(pool.owns_live(b));
}

// Random allocations and frees of random sizes against a model (address -> stamp):
// cells never overlap, contents survive other traffic, and for_each_cell visits exactly
// the live cells.
TEST(GcPoolTest, RandomTrafficMatchesAModel) {
  Pool pool;
  std::mt19937_64 rng(12345);
  struct Cell {
    size_t bytes;
    uint64_t id;
  };
  std::map<char*, Cell> live;
  std::vector<char*> order;
  uint64_t next_id = 1;
  for (int round = 0; round < 200000; ++round) {
    bool do_alloc = live.empty() || rng() % 100 < 55;
    if (do_alloc) {
      size_t bytes = 16 + rng() % (Pool::kMaxSmall - 15);  // 16..kMaxSmall, as the heap asks
      char* c = static_cast<char*>(pool.alloc(bytes));
      ASSERT_EQ(reinterpret_cast<uintptr_t>(c) % 16, 0u);
      // No overlap with the neighbours in the model.
      auto after = live.lower_bound(c);
      ASSERT_TRUE(after == live.end() || after->first >= c + bytes);
      if (after != live.begin()) {
        auto before = std::prev(after);
        ASSERT_LE(before->first + before->second.bytes, c);
      }
      stamp(c, bytes, next_id);
      live[c] = Cell{bytes, next_id++};
      order.push_back(c);
    } else {
      size_t i = rng() % order.size();
      char* c = order[i];
      order[i] = order.back();
      order.pop_back();
      ASSERT_TRUE(stamped(c, live[c].bytes, live[c].id));
      live.erase(c);
      pool.free(c);
    }
  }
  size_t seen = 0;
  pool.for_each_cell([&](void* c) {
    auto it = live.find(static_cast<char*>(c));
    ASSERT_NE(it, live.end());
    EXPECT_TRUE(stamped(c, it->second.bytes, it->second.id));
    ++seen;
  });
  EXPECT_EQ(seen, live.size());
}

TEST(GcPoolTest, SweepFreesDeadCellsAndReleasesEmptyPages) {
  Pool pool;
  // Fill more than two pages of 64-byte cells.
  const size_t per_page = (PoolPage::kSize - PoolPage::kHeaderSize) / 64;
  std::vector<void*> cells;
  for (size_t i = 0; i < per_page * 2 + 10; ++i) {
    void* c = pool.alloc(64);
    stamp(c, 64, i % 2 ? 1 : 2);  // odd cells "dead" (stamp 1), even ones live (stamp 2)
    cells.push_back(c);
  }
  ASSERT_EQ(pool.page_count(), 3u);
  size_t visited = 0, killed = 0;
  for (size_t i = 0; i < pool.page_count();) {
    bool released = false;
    visited += pool.sweep_page(i, released, [&](void* c) {
      uint64_t id;
      std::memcpy(&id, c, sizeof id);
      if (id == 1) ++killed;
      return id == 1;
    });
    if (!released) ++i;
  }
  EXPECT_EQ(visited, cells.size());
  EXPECT_EQ(killed, cells.size() / 2);
  size_t live = 0;
  pool.for_each_cell([&](void* c) {
    EXPECT_TRUE(stamped(c, 64, 2));
    ++live;
  });
  EXPECT_EQ(live, cells.size() - killed);
  // Now kill everything: the pages that are not the class's current page go away.
  for (size_t i = 0; i < pool.page_count();) {
    bool released = false;
    pool.sweep_page(i, released, [](void*) { return true; });
    if (!released) ++i;
  }
  EXPECT_EQ(pool.page_count(), 1u);  // the current allocation page stays
  EXPECT_GE(pool.cached_pages(), 1u);
  size_t left = 0;
  pool.for_each_cell([&](void*) { ++left; });
  EXPECT_EQ(left, 0u);
  // Allocation goes on in the remaining and cached pages.
  for (size_t i = 0; i < per_page * 3; ++i) stamp(pool.alloc(64), 64, 3);
  size_t now = 0;
  pool.for_each_cell([&](void* c) {
    EXPECT_TRUE(stamped(c, 64, 3));
    ++now;
  });
  EXPECT_EQ(now, per_page * 3);
}

// A sweep keeps every page it empties while as many stay in use (the program allocates
// about as much again before the next cycle), and trim_cache, at the end of a cycle,
// gives back those beyond the pages in use (at least 16 stay).
TEST(GcPoolTest, EmptiedPagesAreKeptUpToThePagesInUse) {
  Pool pool;
  const size_t per_page = (PoolPage::kSize - PoolPage::kHeaderSize) / 64;
  const size_t pages = 80;
  for (size_t i = 0; i < per_page * pages; ++i) stamp(pool.alloc(64), 64, i < per_page * 40 ? 1 : 2);
  ASSERT_EQ(pool.page_count(), pages);
  // The first 40 pages die: all of them are kept (40 stay in use).
  auto sweep = [&](uint64_t dead) {
    for (size_t i = 0; i < pool.page_count();) {
      bool released = false;
      pool.sweep_page(i, released, [&](void* c) {
        uint64_t id;
        std::memcpy(&id, c, sizeof id);
        return id == dead;
      });
      if (!released) ++i;
    }
  };
  sweep(1);
  EXPECT_EQ(pool.page_count(), 40u);
  EXPECT_EQ(pool.cached_pages(), 40u);
  pool.trim_cache();
  EXPECT_EQ(pool.cached_pages(), 40u);
  // Then all but the current page die: the sweep keeps them, the trim leaves 16.
  sweep(2);
  EXPECT_EQ(pool.page_count(), 1u);
  EXPECT_GE(pool.cached_pages(), 40u);
  pool.trim_cache();
  EXPECT_EQ(pool.cached_pages(), 16u);
  // Allocation fills the emptied current page, then takes kept pages (nine of them).
  for (size_t i = 0; i < per_page * 10; ++i) stamp(pool.alloc(64), 64, 3);
  EXPECT_EQ(pool.cached_pages(), 7u);
  EXPECT_EQ(pool.page_count(), 10u);
}

// A destroyed pool's pages are reused by the next pool of the process (so a second VM
// does not fault in fresh memory), and a reused page holds only what the new pool put
// there: its cells are not mistaken for live ones of the old pool.
TEST(GcPoolTest, ANewPoolReusesTheLastPoolsPages) {
  const size_t per_page = (PoolPage::kSize - PoolPage::kHeaderSize) / 64;
  std::set<const void*> old_pages;
  {
    Pool a;
    for (size_t i = 0; i < per_page * 3; ++i) {
      void* c = a.alloc(64);
      stamp(c, 64, 7);
      old_pages.insert(Pool::page_of(c));
    }
    ASSERT_EQ(old_pages.size(), 3u);
  }
  Pool b;
  size_t reused = 0;
  std::set<const void*> new_pages;
  for (size_t i = 0; i < per_page * 2; ++i) {
    void* c = b.alloc(32);
    stamp(c, 32, 8);
    new_pages.insert(Pool::page_of(c));
  }
  for (const void* p : new_pages) reused += old_pages.count(p);
  EXPECT_EQ(reused, new_pages.size());
  size_t cells = 0;
  b.for_each_cell([&](void* c) {
    EXPECT_TRUE(stamped(c, 32, 8));
    ++cells;
  });
  EXPECT_EQ(cells, per_page * 2);
}

TEST(GcPoolTest, HeapCountsCellBytesAndFreesLargeObjects) {
  Heap h;
  h.set_stress(false);
  h.set_incremental_stress(false);
  Roots roots;
  h.add_root_provider(&roots);
  size_t before = h.bytes_live();
  String* small = make_string(h, "x");  // a small object: its whole cell is counted
  size_t small_bytes = h.bytes_live() - before;
  EXPECT_EQ(small_bytes % Pool::kGranule, 0u);
  EXPECT_GE(small_bytes, sizeof(String));
  std::string big_text(100000, 'b');
  String* big = make_string(h, big_text);  // a large object: malloc'd
  EXPECT_GE(h.bytes_live() - before - small_bytes, big_text.size());
  EXPECT_EQ(reinterpret_cast<uintptr_t>(big) % 16, 0u);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(small) % 16, 0u);
  roots.values = {Value::object(small), Value::object(big)};
  for (int i = 0; i < 2000; ++i) make_string(h, std::string(static_cast<size_t>(i % 900), 'g'));
  h.collect();
  EXPECT_EQ(h.object_count(), 2u);
  EXPECT_EQ(h.validate(), 2u);
  EXPECT_EQ(as<String>(roots.values[1])->view(), big_text);
  roots.values.clear();
  h.collect();
  EXPECT_EQ(h.object_count(), 0u);
  EXPECT_EQ(h.bytes_live(), before);
  h.remove_root_provider(&roots);
}

TEST(GcPoolTest, ThrowingConstructorGivesItsMemoryBack) {
  Heap h;
  size_t bytes = h.bytes_live(), objects = h.object_count();
  EXPECT_THROW(h.make<Throwing>(), std::runtime_error);
  EXPECT_THROW(h.make_extra<Throwing>(4096), std::runtime_error);
  EXPECT_EQ(h.bytes_live(), bytes);
  EXPECT_EQ(h.object_count(), objects);
  h.collect();
  EXPECT_NO_THROW(h.validate());
}

TEST(GcPoolTest, MemoryLimitCountsRealBytes) {
  Heap h;
  h.set_stress(false);
  h.set_incremental_stress(false);
  Roots roots;
  h.add_root_provider(&roots);
  // 1 MiB cap: keeping 32-byte strings alive must hit it after ~32768 of them.
  h.set_limit(1u << 20);
  size_t made = 0;
  try {
    for (;;) {
      roots.values.push_back(Value::object(make_string(h, "")));
      ++made;
      ASSERT_LT(made, 1000000u);
    }
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::OutOfMemoryError);
  }
  // The cap is reached within one cell of it: cells are counted whole, nothing else.
  EXPECT_GT(made, 1000u);
  EXPECT_LE(h.bytes_live(), size_t{1} << 20);
  EXPECT_GT(h.bytes_live() + 2 * Pool::kGranule * 2, size_t{1} << 20);
  roots.values.clear();
  h.set_limit(0);
  h.collect();
  EXPECT_EQ(h.object_count(), 0u);
  h.remove_root_provider(&roots);
}

TEST(GcPoolTest, SweepKeepsObjectsAllocatedDuringTheSweep) {
  Heap h;
  h.set_stress(false);
  h.set_incremental_stress(true);  // a cycle always running, tiny steps
  Roots roots;
  h.add_root_provider(&roots);
  for (int i = 0; i < 20000; ++i) {
    String* s = make_string(h, std::to_string(i));
    if (i % 3 == 0) roots.values.push_back(Value::object(s));
    h.safepoint();
  }
  EXPECT_NO_THROW(h.validate());
  for (size_t i = 0; i < roots.values.size(); ++i)
    EXPECT_EQ(as<String>(roots.values[i])->view(), std::to_string(i * 3));
  h.collect();
  EXPECT_EQ(h.object_count(), roots.values.size());
  h.remove_root_provider(&roots);
}

// A table block is a whole pool page outside the swept pages; given back, it is the
// next page the pool hands out (cells or another block), so nothing is lost.
TEST(GcPoolTest, TableBlocksComeFromAndGoBackToThePages) {
  Pool pool;
  void* a = pool.take_block();
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(a) % PoolPage::kSize, 0u);
  EXPECT_EQ(pool.page_count(), 0u);  // not a page of cells: the sweep never sees it
  std::memset(a, 0xAB, PoolPage::kSize);  // all of it is the caller's
  size_t cached = pool.cached_pages();
  pool.give_block(a);
  EXPECT_EQ(pool.cached_pages(), cached + 1);
  void* cell = pool.alloc(32);  // the first page of cells reuses it
  EXPECT_EQ(Pool::page_of(cell), a);
  EXPECT_EQ(pool.page_count(), 1u);
}

// The heap gives big tables a pool page and small ones malloc; both come back.
TEST(GcPoolTest, HeapTablesOfEverySizeRoundTrip) {
  Heap heap;
  for (size_t bytes : {size_t{64}, Heap::kTableBlockMin - 8, Heap::kTableBlockMin, size_t{32} << 10,
                       PoolPage::kSize, PoolPage::kSize + 16, size_t{1} << 20}) {
    SCOPED_TRACE(bytes);
    void* t = heap.alloc_table(bytes);
    ASSERT_NE(t, nullptr);
    std::memset(t, 0, bytes);
    heap.free_table(t, bytes);
  }
  EXPECT_NO_THROW(heap.validate());
}

// The VmFlags of the mapping holding p, from /proc/self/smaps ("" when not found).
static std::string vm_flags_of(const void* p) {
  FILE* f = std::fopen("/proc/self/smaps", "r");
  if (!f) return "";
  const uintptr_t a = reinterpret_cast<uintptr_t>(p);
  char line[512];
  bool inside = false;
  std::string flags;
  while (std::fgets(line, sizeof line, f)) {
    unsigned long lo = 0, hi = 0;
    if (std::sscanf(line, "%lx-%lx ", &lo, &hi) == 2) {  // a mapping's first line
      inside = a >= lo && a < hi;
    } else if (inside && std::strncmp(line, "VmFlags:", 8) == 0) {
      flags = line + 8;
      break;
    }
  }
  std::fclose(f);
  return flags;
}

// A pool's first arenas are of 4 KiB pages; past them it asks for transparent huge
// pages (pool.cpp, map_page): madvise(MADV_HUGEPAGE) marks the mapping "hg".
TEST(GcPoolTest, ArenasPastTheFirstFewAskForHugePages) {
  if (!std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled")) GTEST_SKIP() << "no transparent huge pages";
  Pool pool;
  std::vector<void*> blocks;
  // Up to 64 pages come from pools destroyed earlier in this process, then 32 per arena.
  for (int k = 0; k < 64 + 32 * 5; ++k) blocks.push_back(pool.take_block());
  std::string last = vm_flags_of(blocks.back());
  ASSERT_FALSE(last.empty());
  EXPECT_NE(last.find(" hg"), std::string::npos) << last;
  // The pool's first fresh arena is not (unless it is the process's first, kept for
  // start-up): find a block from it, past the shared pages.
  size_t small_seen = 0;
  for (void* b : blocks)
    if (vm_flags_of(b).find(" hg") == std::string::npos) ++small_seen;
  EXPECT_GE(small_seen, 32u * 2) << "the first arenas keep 4 KiB pages";
  for (void* b : blocks) pool.give_block(b);
}
