// gc_pacing_test.cpp: the collector keeps pace with the program (Lua 5.4's pause and
// step multiplier): whatever a program allocates, cycles keep completing and the heap
// stays within a small multiple of what is live. Programs run through a whole VM; a
// native, (probe), records the heap's size as they run.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "api/runtime.h"
#include "gc/heap.h"
#include "runtime/lang/function.h"

using namespace clove;

namespace {

size_t g_peak = 0;  // the largest bytes_live() a (probe) saw

Value n_probe(State& vm, Args) {
  g_peak = std::max(g_peak, vm.heap.bytes_live());
  return Value::nil();
}

class GcPacing : public ::testing::Test {
 protected:
  Runtime vm;
  void SetUp() override {
    // Millions of allocations with a full collection at each would take hours; the
    // stress modes do not pace anyway.
    if (vm.heap.stress() || vm.heap.incremental_stress()) GTEST_SKIP() << "not under GC stress";
    vm.def_native("user", "probe", n_probe, 0, 0, "Records the heap's size (test only).");
    vm.heap.collect();
    g_peak = vm.heap.bytes_live();
    base_ = vm.heap.bytes_live();
  }
  Value eval(const std::string& src) { return vm.eval_string(src, "<test>"); }
  /// Bound on the heap for a program that keeps `live` bytes: the pause lets it grow to
  /// twice what is live (at least kMinThreshold), a cycle allocates a little more as it runs.
  size_t bound(size_t live) const { return std::max(Heap::kMinThreshold, 2 * (base_ + live)) * 2; }
  size_t base_ = 0;
};

}  // namespace

// Two numbers live, but every (* i i) past 2^47 is a boxed long: short-lived garbage in
// the smallest size class. Cycles used to chase the allocation (the sweep walked the
// pages made while it ran, and the live estimate counted what was allocated during the
// cycle), so each cycle found twice the "live" bytes of the one before.
TEST_F(GcPacing, BoxedLongLoopKeepsCollecting) {
  const size_t before = vm.heap.collections();
  Value v = eval(
      "(loop [i 12000000 acc 0]"
      "  (when (zero? (bit-and i 16383)) (probe))"
      "  (if (< i 15000000) (recur (inc i) (rem (+ acc (* i i)) 1000000007)) acc))");
  EXPECT_TRUE(v.is_small_int());
  EXPECT_GT(vm.heap.collections(), before + 10) << "3,000,000 boxed longs (~96 MB) allocated";
  EXPECT_LT(g_peak, bound(0));
  EXPECT_LT(vm.heap.bytes_live(), bound(0));
  EXPECT_LT(vm.heap.estimate(), bound(0));
}

// The same with vectors, which always pace well: a reference for the test above.
TEST_F(GcPacing, VectorLoopKeepsCollecting) {
  const size_t before = vm.heap.collections();
  eval("(loop [i 0 acc 0] (when (zero? (bit-and i 16383)) (probe)) (if (< i 2000000) (recur (inc i) (+ acc (count [i i]))) acc))");
  EXPECT_GT(vm.heap.collections(), before + 10);
  EXPECT_LT(g_peak, bound(0));
}

// A big transient live set (apply realizes 500,000 arguments) must not stop the cycles
// that follow it: the next threshold comes from what the cycle found live, not from all
// that was allocated while it ran, and cycles go on once the big set is garbage.
TEST_F(GcPacing, CyclesContinueAfterABigTransientLiveSet) {
  EXPECT_EQ(eval("(count (apply str (repeat 500000 \"ab\")))").as_small_int(), 1000000);
  const size_t after_apply = vm.heap.collections();
  g_peak = 0;
  Value v = eval(
      "(count (reduce (fn [m i] (when (zero? (bit-and i 1023)) (probe)) (update-in m [(rem i 100) :a] (fnil inc 0)))"
      "               {} (range 300000)))");
  EXPECT_EQ(v.as_small_int(), 100);
  EXPECT_GT(vm.heap.collections(), after_apply + 5) << "cycles stopped after the big live set";
  // The first cycle may start late (the pause is relative to the big set); later ones
  // must see the small live set again: a few MB, where the big set was over 50 MB. (The
  // bound once had slack from base_, the core library's size, which is smaller since
  // its fns' bodies are read on first call: marshal.md, "Deferred bodies".)
  EXPECT_LT(vm.heap.estimate(), bound(2u << 20));
}

// Collection keeps pace with a live set that grows: the heap stays within a small
// multiple of what is live, and what was live is kept.
TEST_F(GcPacing, GrowingLiveSetStaysWithinAFactorOfLive) {
  Value v = eval(
      "(def big (loop [i 0 v (transient [])] (when (zero? (bit-and i 4095)) (probe))"
      "  (if (< i 1000000) (recur (inc i) (conj! v (* i 1000000000))) (persistent! v))))"
      "(count big)");
  EXPECT_EQ(v.as_small_int(), 1000000);
  vm.heap.collect();
  const size_t live = vm.heap.bytes_live() - base_;
  EXPECT_GT(live, 1000000u * 16) << "the boxed elements are live";
  EXPECT_LT(g_peak, 3 * (base_ + live) + Heap::kMinThreshold);
  EXPECT_NO_THROW(vm.heap.validate());
}

// The core library is frozen when the VM is made (Heap::freeze): a cycle marks and
// sweeps only what the program made, so a program keeping almost nothing live runs
// many cheap cycles and its heap stays near the frozen core plus kMinThreshold.
TEST_F(GcPacing, RootScansSkipTheFrozenInternerAndNatives) {
  // The core library interns about 1,600 symbols and keywords and defines over 400
  // natives; once frozen, a root scan must not visit them at every cycle.
  const std::vector<Obj*> before = vm.heap.root_marks(vm);
  EXPECT_LT(before.size(), 300u) << "a root scan visits the frozen interner or native registry";
  Symbol* fresh = vm.names.symbol("a-symbol-interned-after-the-freeze");
  Var* v = vm.def_native("user", "probe-2", n_probe, 0, 0, "A native defined after the freeze (test only).");
  const std::vector<Obj*> after = vm.heap.root_marks(vm);
  EXPECT_NE(std::find(after.begin(), after.end(), fresh), after.end()) << "a symbol interned later is a root";
  EXPECT_NE(std::find(after.begin(), after.end(), v->root.as_obj()), after.end()) << "a native defined later is a root";
  vm.heap.collect();
  EXPECT_EQ(vm.names.symbol("a-symbol-interned-after-the-freeze"), fresh);
  EXPECT_NO_THROW(vm.heap.validate());
}

TEST_F(GcPacing, TheCoreLibraryIsFrozenAndCyclesSkipIt) {
  EXPECT_GT(vm.heap.frozen_bytes(), size_t{512} << 10) << "the core library should be frozen";
  const size_t before = vm.heap.collections();
  eval("(probe) (loop [i 0 acc []] (if (< i 2000000) (recur (inc i) (if (zero? (mod i 1000)) [] (conj acc i))) (probe)))");
  EXPECT_GT(vm.heap.collections() - before, 10u);
  EXPECT_LT(g_peak, vm.heap.frozen_bytes() + 4 * Heap::kMinThreshold + (size_t{2} << 20));
  EXPECT_NO_THROW(vm.heap.validate());
}
