// vm_fiber_slow_test.cpp: a million yields keep memory bounded (the fiber's stack and
// the heap do not grow). Apart from vm_fiber_test.cpp because a million switches take
// minutes under CLOVE_GC_STRESS, whose CI jobs skip `slow` tests.
// labels: slow
#include <gtest/gtest.h>

#include <string>

#include "api/vm.h"
#include "runtime/print/print.h"
#include "vm/fiber.h"

using namespace clove;

namespace {

class FiberTest : public ::testing::Test {
 protected:
  VM vm;
  Value eval(const std::string& src) { return vm.eval_string(src, "<test>"); }
  std::string eval_str(const std::string& src) { return pr_str(vm, eval(src)); }
  Fiber* fiber_named(const std::string& name) {
    Fiber* f = as<Fiber>(eval(name));
    EXPECT_NE(f, nullptr) << name << " is not a fiber";
    return f;
  }
  void collect_n(int n) {
    for (int i = 0; i < n; ++i) vm.heap.collect();
  }
};

}  // namespace

TEST_F(FiberTest, AMillionYieldsKeepMemoryBounded) {
  eval("(def g (fiber/new (fn [] (loop [i 0] (recur (+ i (fiber/yield i)))))))");
  eval("(fiber/resume g)");
  eval("(dotimes [_ 1000] (fiber/resume g 1))");  // warm up
  collect_n(2);
  Fiber* g = fiber_named("g");
  size_t before = vm.heap.bytes_live();
  size_t stack_before = g->stack.capacity();
  EXPECT_EQ(eval_str("(loop [n 0 last nil] (if (< n 1000000) (recur (inc n) (fiber/resume g 1)) last))"), "1001000");
  collect_n(2);
  size_t after = vm.heap.bytes_live();
  EXPECT_LT(after, before + 16 * 1024) << "before " << before << " after " << after;
  EXPECT_EQ(g->stack.capacity(), stack_before) << "the fiber's stack grew over the yields";
  EXPECT_EQ(vm.root_fiber()->handlers.size(), 0u);
  EXPECT_LE(vm.root_fiber()->depth, 1u);

  // The same through fiber-seq: the realized head is not kept.
  collect_n(1);
  before = vm.heap.bytes_live();
  EXPECT_EQ(eval_str("(count (fiber-seq (fn [] (dotimes [i 1000000] (fiber/yield i)))))"), "1000000");
  collect_n(2);
  EXPECT_LT(vm.heap.bytes_live(), before + 64 * 1024);
}
