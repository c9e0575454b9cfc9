// gc_test.cpp: the collector on its own: reachability through roots and objects,
// the write barrier during incremental marking, pacing, stress mode and validate().
#include <gtest/gtest.h>

#include "core/error.h"
#include "gc/heap.h"
#include "runtime/text/string.h"
#include "state/namespace.h"

using namespace clove;

namespace {
struct Roots : RootProvider {
  std::vector<Value> values;
  void trace_roots(Tracer& t) override {
    for (Value v : values) t.mark(v);
  }
};

/// Makes garbage until the pacing starts an incremental cycle (the heap is then marking).
void allocate_until_marking(Heap& h) {
  size_t guard = 0;
  while (h.phase() != GcPhase::Mark && guard++ < 100000) {
    for (int i = 0; i < 64; ++i) make_string(h, std::string(200, 'x'));
    h.safepoint();
  }
}
}  // namespace

TEST(GcTest, UnreachableObjectsAreFreedReachableKept) {
  Heap h;
  Roots roots;
  h.add_root_provider(&roots);
  Symbol* kept = h.make<Symbol>(nullptr, make_string(h, "kept"));
  roots.values.push_back(Value::object(kept));
  for (int i = 0; i < 1000; ++i) make_string(h, "garbage");
  EXPECT_EQ(h.object_count(), 1002u);
  h.collect();
  EXPECT_EQ(h.object_count(), 2u);  // the symbol and its name string
  EXPECT_EQ(kept->name_view(), "kept");
  EXPECT_EQ(h.validate(), 2u);
  h.remove_root_provider(&roots);
}

TEST(GcTest, TempRootsAndRootScope) {
  Heap h;
  {
    RootScope scope(h);
    scope.push(Value::object(make_string(h, "pinned")));
    make_string(h, "loose");
    h.collect();
    EXPECT_EQ(h.object_count(), 1u);
  }
  h.collect();
  EXPECT_EQ(h.object_count(), 0u);
}

TEST(GcTest, BarrierKeepsObjectsStoredIntoBlackObjectsDuringMarking) {
  Heap h;
  h.set_stress(false);
  h.set_incremental_stress(false);  // this test drives the normal pacing itself
  Roots roots;
  h.add_root_provider(&roots);
  // A var reachable from the roots, behind enough live objects that marking takes
  // many steps; make lots of garbage so incremental marking starts.
  Var* v = h.make<Var>(nullptr, nullptr);
  for (int i = 0; i < 20000; ++i) roots.values.push_back(Value::object(make_string(h, std::string(100, 'l'))));
  roots.values.push_back(Value::object(v));
  allocate_until_marking(h);
  ASSERT_EQ(h.phase(), GcPhase::Mark);
  // Finish marking the var (it is black), then store a fresh white string into it.
  while (v->gc_color != Heap::kBlack && h.phase() == GcPhase::Mark) {
    make_string(h, std::string(4000, 'y'));
    h.safepoint();
  }
  String* fresh = make_string(h, "fresh");
  v->root = Value::object(fresh);
  h.barrier(v, v->root);
  // Drive the cycle to completion.
  while (h.phase() != GcPhase::Pause) {
    make_string(h, std::string(4000, 'z'));
    h.safepoint();
  }
  h.collect();
  EXPECT_EQ(as<String>(v->root)->view(), "fresh");
  EXPECT_NO_THROW(h.validate());
  h.remove_root_provider(&roots);
}

// An object the barrier greys waits for the atomic phase (Lua's grayagain), so storing
// into it again and again while marking does not rescan it after every store.
TEST(GcTest, BarrierGreyedObjectIsRescannedOnlyInTheAtomicPhase) {
  Heap h;
  h.set_stress(false);
  h.set_incremental_stress(false);
  Roots roots;
  h.add_root_provider(&roots);
  // Enough live objects that marking takes many steps; the var is marked first (the
  // grey stack is last in, first out).
  for (int i = 0; i < 20000; ++i) roots.values.push_back(Value::object(make_string(h, std::string(100, 'l'))));
  Var* v = h.make<Var>(nullptr, nullptr);
  roots.values.push_back(Value::object(v));
  allocate_until_marking(h);
  ASSERT_EQ(h.phase(), GcPhase::Mark);
  while (v->gc_color != Heap::kBlack && h.phase() == GcPhase::Mark) {
    make_string(h, std::string(1000, 'y'));
    h.safepoint();
  }
  ASSERT_EQ(h.phase(), GcPhase::Mark) << "marking ended too soon for this test";
  int stores = 0, steps_while_grey = 0;
  while (h.phase() == GcPhase::Mark) {
    String* fresh = make_string(h, "fresh" + std::to_string(stores++));
    v->root = Value::object(fresh);
    h.barrier(v, v->root);
    EXPECT_EQ(v->gc_color, Heap::kGray);
    make_string(h, std::string(1000, 'z'));
    h.safepoint();  // a mark step: v stays grey, waiting for the atomic phase
    if (h.phase() == GcPhase::Mark) {
      EXPECT_EQ(v->gc_color, Heap::kGray);
      ++steps_while_grey;
    }
  }
  EXPECT_GT(steps_while_grey, 0);
  while (h.phase() != GcPhase::Pause) {
    make_string(h, std::string(1000, 'w'));
    h.safepoint();
  }
  EXPECT_EQ(as<String>(v->root)->view(), "fresh" + std::to_string(stores - 1));
  EXPECT_NO_THROW(h.validate());
  h.remove_root_provider(&roots);
}

TEST(GcTest, PacingRunsCyclesByBytesAllocated) {
  Heap h;
  h.set_stress(false);
  h.set_incremental_stress(false);
  for (int i = 0; i < 20000; ++i) {
    make_string(h, std::string(1000, 'q'));
    h.safepoint();
  }
  EXPECT_GT(h.collections(), 0u);
  EXPECT_LT(h.bytes_live(), 16u << 20);  // 20 MB allocated, little retained
}

TEST(GcTest, StressModeCollectsAtEverySafepointAfterAllocation) {
  Heap h;
  h.set_incremental_stress(false);
  h.set_stress(true);
  make_string(h, "a");
  h.safepoint();
  EXPECT_EQ(h.collections(), 1u);
  h.safepoint();  // nothing allocated since: no work owed
  EXPECT_EQ(h.collections(), 1u);
  make_string(h, "b");
  h.safepoint();
  EXPECT_EQ(h.collections(), 2u);
}

TEST(GcTest, MemoryLimitIsACatchableError) {
  Heap h;
  h.set_limit(1 << 20);
  RootScope scope(h);
  try {
    for (int i = 0; i < 100000; ++i) scope.push(Value::object(make_string(h, std::string(100, 'm'))));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::OutOfMemoryError);
  }
}

TEST(GcTest, IncrementalStressKeepsACycleRunning) {
  Heap h;
  h.set_incremental_stress(true);
  Roots roots;
  h.add_root_provider(&roots);
  Var* v = h.make<Var>(nullptr, nullptr);
  roots.values.push_back(Value::object(v));
  for (int i = 0; i < 2000; ++i) {
    // Keep replacing the var's value: every store goes through the barrier.
    v->root = Value::object(make_string(h, "v" + std::to_string(i)));
    h.barrier(v, v->root);
    make_string(h, "garbage");
    h.safepoint();
  }
  EXPECT_GT(h.collections(), 0u);
  h.collect();
  EXPECT_EQ(as<String>(v->root)->view(), "v1999");
  EXPECT_NO_THROW(h.validate());
  h.remove_root_provider(&roots);
}

// Memory outside the cells: counted in bytes_live() and against the cap, given back by
// sub_external; add_external past the cap throws and counts nothing.
TEST(GcTest, ExternalBytesCountAgainstTheCap) {
  Heap h;
  const size_t base = h.bytes_live();
  h.add_external(1000);
  EXPECT_EQ(h.bytes_live(), base + 1000);
  EXPECT_EQ(h.external_bytes(), 1000u);
  h.sub_external(400);
  EXPECT_EQ(h.external_bytes(), 600u);
  h.set_limit(base + (1u << 20));
  try {
    h.add_external(2u << 20);
    FAIL() << "no error";
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::OutOfMemoryError);
    EXPECT_NE(std::string(e.what()).find("memory limit of"), std::string::npos);
  }
  EXPECT_EQ(h.external_bytes(), 600u) << "nothing counted for the failed request";
  // A reserve is lent once the cap is passed, so the error can be handled...
  EXPECT_NO_THROW(h.add_external(1u << 20));
  // ... and taken back when a collection ends under the cap.
  h.sub_external(1u << 20);
  h.collect();
  EXPECT_THROW(h.add_external(1u << 20), CloveError);
  h.sub_external(600);
  EXPECT_EQ(h.external_bytes(), 0u);
  h.set_limit(0);
}

// reserve_counted grows a container, counting the new buffer first; past the cap it
// changes nothing.
TEST(GcTest, ReserveCountedGrowsAndCounts) {
  Heap h;
  std::vector<Value> v;
  size_t counted = 0;
  h.reserve_counted(v, 100, counted);
  EXPECT_GE(v.capacity(), 100u);
  EXPECT_EQ(counted, v.capacity() * sizeof(Value));
  EXPECT_EQ(h.external_bytes(), counted);
  h.reserve_counted(v, 1000, counted);
  EXPECT_EQ(counted, v.capacity() * sizeof(Value));
  EXPECT_EQ(h.external_bytes(), counted) << "the old buffer is uncounted";
  h.set_limit(h.bytes_live() + 4096);
  const size_t cap_before = v.capacity();
  EXPECT_THROW(h.reserve_counted(v, 100000, counted), CloveError);
  EXPECT_EQ(v.capacity(), cap_before);
  EXPECT_EQ(h.external_bytes(), counted);
  h.set_limit(0);
  h.sub_external(counted);
}

// Under a cap the pacing starts cycles early and finishes them near the cap, so a
// program making garbage fast stays under a cap a few times its live size.
TEST(GcTest, GarbageStaysUnderACap) {
  Heap h;
  h.set_stress(false);
  h.set_incremental_stress(false);
  Roots roots;
  h.add_root_provider(&roots);
  for (int i = 0; i < 2000; ++i) roots.values.push_back(Value::object(make_string(h, std::string(1000, 'l'))));
  h.set_limit(h.bytes_live() + (3u << 20));
  EXPECT_NO_THROW({
    for (int i = 0; i < 200000; ++i) {
      make_string(h, std::string(200, 'g'));
      h.safepoint();
    }
  });
  EXPECT_GT(h.collections(), 10u);
  h.set_limit(0);
  h.remove_root_provider(&roots);
}

// ---- frozen objects (Heap::freeze) ----

TEST(GcFreeze, FrozenObjectsAreNeitherMarkedNorFreed) {
  Heap h;
  Roots roots;
  h.add_root_provider(&roots);
  Var* v = h.make<Var>(nullptr, nullptr);
  v->root = Value::object(make_string(h, "old"));
  make_string(h, "unreachable, frozen anyway");
  h.freeze();
  EXPECT_EQ(v->gc_color, Heap::kFixed);
  EXPECT_GT(h.frozen_bytes(), 0u);
  const size_t frozen = h.object_count();
  for (int i = 0; i < 1000; ++i) make_string(h, "garbage");
  h.collect();
  // Nothing frozen was freed, though nothing reaches it; the new garbage was.
  EXPECT_EQ(h.object_count(), frozen);
  EXPECT_EQ(as<String>(v->root)->view(), "old");
  // A cycle's live estimate leaves the frozen bytes out of the pacing: the next cycle
  // comes after the program's own allocation, not after the frozen heap doubles.
  EXPECT_LE(h.threshold(), h.frozen_bytes() + std::max(Heap::kMinThreshold, 2 * (h.estimate() - h.frozen_bytes())));
  EXPECT_NO_THROW(h.validate());
  h.remove_root_provider(&roots);
}

TEST(GcFreeze, AStoreIntoAFrozenObjectIsRemembered) {
  Heap h;
  h.set_stress(false);
  h.set_incremental_stress(false);
  Roots roots;
  h.add_root_provider(&roots);
  Var* v = h.make<Var>(nullptr, nullptr);
  roots.values.push_back(Value::object(v));
  h.freeze();
  // Only the barrier tells the collector that a frozen var now holds a young string:
  // no cycle marks the var itself.
  v->root = Value::object(make_string(h, "young"));
  h.barrier(v, v->root);
  EXPECT_EQ(h.remembered_count(), 1u);
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 20000; ++i) make_string(h, std::string(100, 'g'));
    h.safepoint();
    h.collect();
  }
  EXPECT_EQ(as<String>(v->root)->view(), "young");
  EXPECT_NO_THROW(h.validate());
  // A second store needs no second entry.
  v->root = Value::object(make_string(h, "younger"));
  h.barrier(v, v->root);
  EXPECT_EQ(h.remembered_count(), 1u);
  h.collect();
  EXPECT_EQ(as<String>(v->root)->view(), "younger");
  h.remove_root_provider(&roots);
}

TEST(GcFreeze, ValidateFindsAFrozenObjectStoredIntoWithoutABarrier) {
  Heap h;
  Roots roots;
  h.add_root_provider(&roots);
  Var* v = h.make<Var>(nullptr, nullptr);
  roots.values.push_back(Value::object(v));
  h.freeze();
  v->root = Value::object(make_string(h, "unbarriered"));  // the bug validate exists to catch
  try {
    h.validate();
    ADD_FAILURE() << "validate() accepted a frozen var pointing to a young string";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("not frozen, and is not remembered"), std::string::npos) << e.what();
  }
  h.remove_root_provider(&roots);
}

TEST(GcFreeze, TouchRemembersAFrozenObjectChangedInBulk) {
  Heap h;
  Var* v = h.make<Var>(nullptr, nullptr);
  h.freeze();
  h.touch(v);
  h.touch(v);
  EXPECT_EQ(h.remembered_count(), 1u);
  EXPECT_TRUE(v->flags & kFlagRemembered);
}

// ---- generations (gc/heap.h, generational mode) ----
namespace {
/// A heap in generational mode without the stress modes, holding `n` strings of 200
/// bytes (about n * 240 bytes live) through `roots`.
struct GenHeap {
  Heap h;
  Roots roots;
  explicit GenHeap(int n) {
    h.set_stress(false);
    h.set_incremental_stress(false);
    h.set_generational(true);
    h.add_root_provider(&roots);
    for (int i = 0; i < n; ++i) roots.values.push_back(Value::object(make_string(h, std::string(200, 'o'))));
  }
  ~GenHeap() { h.remove_root_provider(&roots); }
  /// Allocates garbage through safepoints until `minors` more minor cycles have finished.
  void run_minors(size_t minors) {
    const size_t target = h.minor_collections() + minors;
    size_t guard = 0;
    while (h.minor_collections() < target && guard++ < 1000000) {
      for (int i = 0; i < 64; ++i) make_string(h, std::string(100, 'g'));
      h.safepoint();
    }
    ASSERT_GE(h.minor_collections(), target) << "no minor cycle ran";
  }
};
}  // namespace

TEST(GcGenerations, SurvivorsOfABigHeapBecomeOldAndMinorCyclesDoNotMarkThem) {
  GenHeap g(40000);  // ~9 MB: above kMinGenerationalLive
  g.h.collect();
  Obj* first = g.roots.values.front().as_obj();
  EXPECT_EQ(first->gc_color, Heap::kOld);
  g.run_minors(2);
  // A minor cycle marks the young objects it reaches (none here), not the 9 MB.
  EXPECT_LT(g.h.marked_bytes(), size_t{1} << 20);
  EXPECT_EQ(as<String>(g.roots.values.front())->view(), std::string(200, 'o'));
  EXPECT_LT(g.h.object_count(), 40000u + 20000u) << "minor cycles free young garbage";
  EXPECT_NO_THROW(g.h.validate());
}

TEST(GcGenerations, ASmallHeapMakesNothingOld) {
  GenHeap g(100);
  g.h.collect();
  EXPECT_NE(g.roots.values.front().as_obj()->gc_color, Heap::kOld);
  for (int i = 0; i < 20000; ++i) make_string(g.h, std::string(100, 'g'));
  g.h.collect();
  EXPECT_EQ(g.h.minor_collections(), 0u);
}

TEST(GcGenerations, AStoreIntoAnOldObjectIsRememberedUntilTheNextMajorCycle) {
  GenHeap g(40000);
  Var* v = g.h.make<Var>(nullptr, nullptr);
  g.roots.values.push_back(Value::object(v));
  g.h.collect();
  ASSERT_EQ(v->gc_color, Heap::kOld);
  const size_t before = g.h.remembered_count();
  v->root = Value::object(make_string(g.h, "young"));
  g.h.barrier(v, v->root);
  EXPECT_EQ(g.h.remembered_count(), before + 1);
  g.run_minors(3);
  EXPECT_EQ(as<String>(v->root)->view(), "young");
  EXPECT_NO_THROW(g.h.validate());
  g.h.collect();  // a major cycle traces everything: the var leaves the list
  EXPECT_EQ(g.h.remembered_count(), before);
  EXPECT_EQ(as<String>(v->root)->view(), "young");
}

TEST(GcGenerations, ValidateFindsAnOldObjectStoredIntoWithoutABarrier) {
  GenHeap g(40000);
  Var* v = g.h.make<Var>(nullptr, nullptr);
  g.roots.values.push_back(Value::object(v));
  g.h.collect();
  ASSERT_EQ(v->gc_color, Heap::kOld);
  v->root = Value::object(make_string(g.h, "unbarriered"));  // the bug validate exists to catch
  try {
    g.h.validate();
    ADD_FAILURE() << "validate() accepted an old var pointing to a young string";
  } catch (const std::logic_error& e) {
    EXPECT_NE(std::string(e.what()).find("points to a young"), std::string::npos) << e.what();
  }
}

TEST(GcGenerations, OldDataThatDiesIsFreedByALaterMajorCycle) {
  GenHeap g(40000);
  g.h.collect();
  const size_t big = g.h.bytes_live();
  g.roots.values.clear();  // the old strings die; only a major cycle can free them
  const size_t cycles = g.h.collections();
  size_t guard = 0;
  while (g.h.bytes_live() > big / 2 && guard++ < 1000000) {
    for (int i = 0; i < 64; ++i) make_string(g.h, std::string(100, 'g'));
    g.h.safepoint();
  }
  EXPECT_LE(g.h.bytes_live(), big / 2);
  EXPECT_LE(g.h.collections() - cycles, Heap::kMaxMinors + 1) << "old garbage outlived kMaxMinors minor cycles";
  EXPECT_GE(g.h.minor_collections(), 1u);
}

TEST(GcGenerations, LeavingGenerationalModeWhitensOldObjects) {
  GenHeap g(40000);
  g.h.collect();
  ASSERT_EQ(g.roots.values.front().as_obj()->gc_color, Heap::kOld);
  g.h.set_generational(false);
  EXPECT_LT(g.roots.values.front().as_obj()->gc_color, Heap::kGray);
  g.h.collect();
  EXPECT_EQ(g.h.minor_collections(), 0u);
  EXPECT_NE(g.roots.values.front().as_obj()->gc_color, Heap::kOld);
  EXPECT_NO_THROW(g.h.validate());
}
