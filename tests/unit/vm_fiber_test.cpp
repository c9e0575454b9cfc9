// vm_fiber_test.cpp: fibers (SPEC V8) seen from C++: their statuses, a suspended
// fiber's stack as a GC root, collection of unreachable suspended fibers, the memory a
// suspended fiber costs, bounded memory over a million yields, and error traces that
// cross fibers.
#include <gtest/gtest.h>

#include <iostream>
#include <string>

#include "api/runtime.h"
#include "core/error.h"
#include "runtime/coll/coll.h"
#include "runtime/print/print.h"
#include "vm/fiber.h"

using namespace clove;

namespace {

class FiberTest : public ::testing::Test {
 protected:
  Runtime vm;
  Value eval(const std::string& src) { return vm.eval_string(src, "<test>"); }
  std::string eval_str(const std::string& src) { return pr_str(vm, eval(src)); }
  /// The fiber a global var holds (the var keeps it reachable).
  Fiber* fiber_named(const std::string& name) {
    Fiber* f = as<Fiber>(eval(name));
    EXPECT_NE(f, nullptr) << name << " is not a fiber";
    return f;
  }
  void collect_n(int n) {
    for (int i = 0; i < n; ++i) vm.heap.collect();
  }
  /// Memory a fiber owns outside its heap cell that bytes_live does not count (it
  /// counts the cell and the stack).
  static size_t external_bytes(const Fiber* f) {
    return f->handlers.capacity() * sizeof(Handler) + f->bindings.capacity() * sizeof(f->bindings[0]) +
           f->boundary_pcs.capacity() * sizeof(uint32_t);
  }
};

}  // namespace

TEST_F(FiberTest, StatusTransitions) {
  eval("(def f (fiber/new (fn [a] (let [x (fiber/yield (inc a))] (fiber/yield [x (fiber/status (fiber/current))]) :end))))");
  Fiber* f = fiber_named("f");
  EXPECT_EQ(f->status, FiberStatus::New);
  EXPECT_TRUE(f->value.is_nil());
  EXPECT_TRUE(f->resumer == nullptr);

  EXPECT_EQ(eval_str("(fiber/resume f 41)"), "42");
  EXPECT_EQ(f->status, FiberStatus::Pending);
  EXPECT_EQ(pr_str(vm, f->value), "42");
  EXPECT_TRUE(f->resumer == nullptr);
  EXPECT_GT(f->depth, 0u);

  EXPECT_EQ(eval_str("(fiber/resume f :x)"), "[:x :alive]");
  EXPECT_EQ(f->status, FiberStatus::Pending);

  EXPECT_EQ(eval_str("(fiber/resume f)"), ":end");
  EXPECT_EQ(f->status, FiberStatus::Dead);
  EXPECT_EQ(pr_str(vm, f->value), ":end");
  EXPECT_EQ(f->stack.capacity(), 0u) << "a dead fiber keeps no stack";

  // Back on the root fiber, which is :alive.
  EXPECT_EQ(vm.fiber(), vm.root_fiber());
  EXPECT_EQ(vm.root_fiber()->status, FiberStatus::Alive);
  EXPECT_EQ(as<Fiber>(eval("(fiber/current)")), vm.root_fiber());
}

TEST_F(FiberTest, ErrorStatusAndMask) {
  eval("(def e (fiber/new (fn [] (throw (ex-info \"boom\" {:k 1}))) #{:error}))");
  Fiber* e = fiber_named("e");
  EXPECT_TRUE(e->mask & fiber_mask::kError);
  EXPECT_TRUE(e->mask & fiber_mask::kYield);
  EXPECT_EQ(eval_str("(ex-data (fiber/resume e))"), "{:k 1}");
  EXPECT_EQ(e->status, FiberStatus::Error);
  EXPECT_EQ(eval_str("(ex-message (fiber/value e))"), "\"boom\"");

  eval("(def t (fiber/new (fn [] (throw (ex-info \"thrown\" {})))))");
  Fiber* t = fiber_named("t");
  EXPECT_FALSE(t->mask & fiber_mask::kError);
  EXPECT_THROW(eval("(fiber/resume t)"), CloveError);
  EXPECT_EQ(t->status, FiberStatus::Error);
  EXPECT_EQ(vm.fiber(), vm.root_fiber());
}

TEST_F(FiberTest, ResumeFromAHostCall) {
  // fiber/resume called from C++ (State::call), not from Clove code.
  eval("(def g (fiber/new (fn [] (fiber/yield 1) (fiber/yield 2) 3)))");
  Value resume = eval("fiber/resume");
  Value g = eval("g");
  RootScope scope(vm.heap);
  scope.push(resume);
  scope.push(g);
  for (int64_t expect : {1, 2, 3}) {
    Value r = vm.call(resume, &g, 1);
    EXPECT_EQ(pr_str(vm, r), std::to_string(expect));
  }
  EXPECT_EQ(as<Fiber>(g)->status, FiberStatus::Dead);
  EXPECT_EQ(vm.fiber(), vm.root_fiber());
}

TEST_F(FiberTest, SuspendedStackIsAGcRoot) {
  // The vector and the string exist only in the suspended fiber's registers.
  eval("(def f (fiber/new (fn [] (let [v (vec (map inc (range 1000))) s (str \"held-\" (count v))]"
       "  (fiber/yield :suspended)"
       "  [(reduce + v) (count v) (nth v 999) s]))))");
  EXPECT_EQ(eval_str("(fiber/resume f)"), ":suspended");
  EXPECT_EQ(fiber_named("f")->status, FiberStatus::Pending);
  // Garbage, then several full collections, while it is suspended.
  eval("(dotimes [i 100] (vec (range 100)))");
  collect_n(5);
  EXPECT_GT(vm.heap.validate(), 0u);
  EXPECT_EQ(eval_str("(fiber/resume f)"), "[500500 1000 1000 \"held-1000\"]");
}

TEST_F(FiberTest, NestedSuspendedFibersAreGcRoots) {
  // A pending child referenced only from its pending parent's registers.
  eval("(def p (fiber/new (fn [] (let [c (fiber/new (fn [] (let [v (vec (range 500))] (fiber/yield :c) (reduce + v))))]"
       "  (fiber/resume c) (fiber/yield :p) (fiber/resume c)))))");
  EXPECT_EQ(eval_str("(fiber/resume p)"), ":p");
  collect_n(3);
  EXPECT_GT(vm.heap.validate(), 0u);
  EXPECT_EQ(eval_str("(fiber/resume p)"), "124750");
}

TEST_F(FiberTest, UnreachableSuspendedFiberIsCollected) {
  const std::string make = "(let [f (fiber/new (fn [] (let [v (vec (range 100000))] (fiber/yield 1) (count v))))]"
                           "  (fiber/resume f) nil)";
  eval(make);  // first run: compiles and interns whatever the code needs
  collect_n(2);
  size_t before = vm.heap.bytes_live();
  eval(make);  // a second suspended fiber holding 100,000 values, dropped at once
  collect_n(2);
  size_t after = vm.heap.bytes_live();
  // The vector alone is over 800 KB: nothing near that may stay.
  EXPECT_LT(after, before + 64 * 1024) << "before " << before << " after " << after;

  // The same fiber kept in a var stays, vector included: the check above means something.
  eval("(def kept (fiber/new (fn [] (let [v (vec (range 100000))] (fiber/yield 1) (count v)))))");
  eval("(fiber/resume kept)");
  collect_n(2);
  EXPECT_GT(vm.heap.bytes_live(), after + 100000 * sizeof(Value));
  EXPECT_EQ(eval_str("(fiber/resume kept)"), "100000");
}

TEST_F(FiberTest, TenThousandSuspendedFibersUnder4KiBEach) {
  constexpr int kFibers = 10000;
  // Warm up: compile and intern everything the measured form uses.
  eval("(def fs (mapv (fn [i] (let [f (fiber/new (fn [] (fiber/yield i) i))] (fiber/resume f) f)) (range 10)))");
  eval("(def fs nil)");
  collect_n(2);
  size_t before = vm.heap.bytes_live();
  eval("(def fs (mapv (fn [i] (let [f (fiber/new (fn [] (fiber/yield i) i))] (fiber/resume f) f)) (range " +
       std::to_string(kFibers) + ")))");
  collect_n(2);
  size_t heap_delta = vm.heap.bytes_live() - before;  // fibers and their stacks, closures, the vector fs
  Value fs = eval("fs");
  ASSERT_EQ(count(vm, fs), kFibers);
  size_t external = 0, slots = 0;
  for (int i = 0; i < kFibers; ++i) {
    Fiber* f = as<Fiber>(nth(vm, fs, i));
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(f->status, FiberStatus::Pending);
    external += external_bytes(f);
    slots += f->stack.capacity();
  }
  double per_fiber = static_cast<double>(heap_delta + external) / kFibers;
  std::cout << "[ fibers   ] " << kFibers << " suspended fibers: " << per_fiber << " bytes each (heap "
            << heap_delta / kFibers << " + vectors " << external / kFibers << "; "
            << slots / kFibers << " stack slots; sizeof(Fiber) " << sizeof(Fiber) << ")\n";
  RecordProperty("bytes_per_fiber", static_cast<int>(per_fiber));
  EXPECT_LT(per_fiber, 4096.0);
  // And they all still run to the end.
  EXPECT_EQ(eval_str("(reduce + (map fiber/resume fs))"), std::to_string(int64_t{kFibers} * (kFibers - 1) / 2));
}

TEST_F(FiberTest, AMillionYieldsKeepMemoryBounded) {
  // A million switches with a full collection at each would take minutes; what is
  // checked is the memory kept, not the collector (as coll_gc_test's long walks).
  if (vm.heap.stress() || vm.heap.incremental_stress()) GTEST_SKIP() << "not under GC stress";
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

TEST_F(FiberTest, ErrorTraceHasFramesOfBothFibers) {
  eval("(defn thrower-in-child [x] (throw (ex-info \"child failed\" {:x x})))");
  eval("(defn child-body [] (fiber/yield 1) (thrower-in-child 2) :not-tail)");
  eval("(defn resumer-in-parent [] (let [f (fiber/new child-body)] (fiber/resume f) (fiber/resume f) :not-tail))");
  std::string trace;
  try {
    eval("(resumer-in-parent)");
    FAIL() << "no exception";
  } catch (const CloveError& e) {
    ASSERT_FALSE(e.payload.is_nil());
    trace = vm.format_exception(e.payload);
  }
  EXPECT_NE(trace.find("child failed"), std::string::npos) << trace;
  size_t thrower = trace.find("thrower-in-child");
  size_t child = trace.find("child-body");
  size_t resume = trace.find("clove.fiber/resume");
  size_t parent = trace.find("resumer-in-parent");
  EXPECT_NE(thrower, std::string::npos) << trace;
  EXPECT_NE(child, std::string::npos) << trace;
  EXPECT_NE(resume, std::string::npos) << trace;
  EXPECT_NE(parent, std::string::npos) << trace;
  // Innermost first: the child's frames, then the resume, then the parent's.
  EXPECT_LT(thrower, child) << trace;
  EXPECT_LT(child, resume) << trace;
  EXPECT_LT(resume, parent) << trace;
}

TEST_F(FiberTest, ErrorTraceThroughTheErrorMask) {
  // Returned by resume (mask :error) and thrown again in the parent: the trace still
  // has the child's frames.
  eval("(defn masked-child [] (throw (ex-info \"masked\" {})))");
  eval("(defn rethrowing-parent [] (let [e (fiber/resume (fiber/new masked-child #{:error}))] (throw e)))");
  try {
    eval("(rethrowing-parent)");
    FAIL() << "no exception";
  } catch (const CloveError& e) {
    std::string trace = vm.format_exception(e.payload);
    EXPECT_NE(trace.find("masked-child"), std::string::npos) << trace;
    EXPECT_NE(trace.find("rethrowing-parent"), std::string::npos) << trace;
  }
}
