// gc_limit_test.cpp: the memory cap (SPEC V9, Heap::set_limit) seen from Clove code.
// Each way a program can grow memory (strings, string builders and writers, vectors,
// maps, big numbers, reader buffers, interned keywords and symbols, vars, a fiber's
// stack, many fibers, compiled code) trips the cap with an
// OutOfMemoryError that `catch` can handle, as an Error and a Throwable; afterwards
// the heap is consistent, back under the cap, and the VM runs code again. Memory
// outside the cells is counted (Heap::external_bytes) and given back when its owner is
// freed.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

#include "api/runtime.h"
#include "core/error.h"
#include "gc/heap.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/function.h"
#include "runtime/print/print.h"
#include "vm/fiber.h"

using namespace clove;

namespace {

class GcLimit : public ::testing::Test {
 protected:
  Runtime vm;
  size_t cap_ = 0;

  void SetUp() override {
    // Tens of megabytes allocated with a full collection at every safepoint would take
    // hours; the cap's accounting does not depend on the pacing mode.
    if (vm.heap.stress() || vm.heap.incremental_stress()) GTEST_SKIP() << "not under GC stress";
    vm.heap.collect();
  }
  void TearDown() override { vm.heap.set_limit(0); }
  Value eval(const std::string& src) { return vm.eval_string(src, "<test>"); }
  /// The printed value of src, or "uncaught: MESSAGE" for an error escaping it.
  std::string eval_str(const std::string& src) {
    try {
      return pr_str(vm, eval(src));
    } catch (const CloveError& e) {
      return std::string("uncaught: ") + e.what();
    }
  }
  /// Caps the heap `headroom` bytes above what it holds now.
  void cap_above_now(size_t headroom) {
    vm.heap.collect();  // the headroom is above live data, not above garbage not yet swept
    cap_ = vm.heap.bytes_live() + headroom;
    vm.heap.set_limit(cap_);
  }
  /// Runs `form` under the cap, expecting it to be stopped by an OutOfMemoryError that
  /// Clove code catches (as OutOfMemoryError, and as Error and Throwable); then checks
  /// the heap and that the VM still works.
  void expect_caught(const std::string& form) {
    SCOPED_TRACE(form);
    EXPECT_EQ(eval_str("(try " + form + " :no-error (catch OutOfMemoryError e (ex-message e)))"),
              "\"memory limit of " + limit_text() + " exceeded\"");
    EXPECT_EQ(eval_str("(try " + form + " :no-error (catch Error e (class e)))"), "java.lang.OutOfMemoryError");
    EXPECT_EQ(eval_str("(try " + form + " :no-error (catch Throwable e :caught))"), ":caught");
    // Not an Exception: (catch Exception e) lets it through, as on the JVM.
    try {
      eval("(try " + form + " (catch Exception e :wrongly-caught))");
      ADD_FAILURE() << "no error escaped";
    } catch (const CloveError& e) {
      EXPECT_EQ(e.kind, ErrorKind::OutOfMemoryError);
    }
    expect_usable();
  }
  /// After an OutOfMemoryError: a collection brings the heap under the cap, the heap is
  /// consistent, and code runs (and allocates) again.
  void expect_usable() {
    vm.heap.collect();
    EXPECT_LT(vm.heap.bytes_live(), cap_);
    EXPECT_NO_THROW(vm.heap.validate());
    EXPECT_EQ(eval_str("(+ 1 2)"), "3");
    EXPECT_EQ(eval_str("(reduce + (map inc (range 1000)))"), "500500");
    EXPECT_EQ(eval_str("(count (apply str (repeat 100 \"ab\")))"), "200");
  }
  std::string limit_text() const {
    if (cap_ % (size_t{1} << 20) == 0) return std::to_string(cap_ >> 20) + " MiB";
    if (cap_ % (size_t{1} << 10) == 0) return std::to_string(cap_ >> 10) + " KiB";
    return std::to_string(cap_) + " bytes";
  }
};

}  // namespace

TEST_F(GcLimit, BigString) {
  cap_above_now(8u << 20);
  expect_caught("(count (clojure.string/join (repeat 2000000 \"abcdefgh\")))");
}

TEST_F(GcLimit, StringBuilderAndStringWriter) {
  cap_above_now(8u << 20);
  expect_caught("(let [sb (StringBuilder.)] (dotimes [_ 3000000] (.append sb \"abcdefgh\")) (.length sb))");
  expect_caught("(count (with-out-str (dotimes [_ 3000000] (print \"abcdefgh\"))))");
  expect_caught("(let [sb (StringBuilder.)] (.setLength sb 100000000) (.length sb))");
}

TEST_F(GcLimit, BigVector) {
  cap_above_now(8u << 20);
  expect_caught("(count (vec (range 3000000)))");
  expect_caught("(count (persistent! (reduce conj! (transient []) (range 3000000))))");
}

TEST_F(GcLimit, BigMap) {
  cap_above_now(8u << 20);
  expect_caught("(count (into {} (map (fn [i] [i i]) (range 1000000))))");
  expect_caught("(count (into #{} (range 1000000)))");
}

TEST_F(GcLimit, BigNumbers) {
  // 100000! is a number of 1.5 million bits (190 KB): the limbs are counted.
  cap_above_now(384u << 10);
  expect_caught("(reduce *' (range 1 100000))");
  // Under a larger cap the product is computed: the numbers it made on the way were
  // garbage, collected as it went.
  vm.heap.set_limit(0);
  cap_above_now(4u << 20);
  EXPECT_EQ(eval_str("(count (str (reduce *' (range 1 20000))))"), "77333");
  // Holding them all is too much.
  expect_caught("(count (doall (reductions *' (range 1 20000))))");
}

// The reader's buffers: a huge string literal, and the collection read from a huge
// text.
TEST_F(GcLimit, ReadStringOfAHugeString) {
  eval("(require 'clojure.edn)");
  eval("(def text (let [sb (StringBuilder.)] (.append sb \"[\") (dotimes [_ 1000000] (.append sb \"1 \")) (.append sb \"]\") (str sb)))");
  eval("(def literal (let [sb (StringBuilder.)] (.append sb \"\\\"\") (dotimes [_ 1000000] (.append sb \"abcdefgh\")) (.append sb \"\\\"\") (str sb)))");
  cap_above_now(4u << 20);
  expect_caught("(count (read-string text))");
  expect_caught("(count (read-string literal))");
  expect_caught("(count (clojure.edn/read-string literal))");
  vm.heap.set_limit(0);
  eval("(def text nil) (def literal nil)");
}

// Interned keywords and symbols, and vars, stay for the VM's life: what they took
// is not given back, so each is tripped once, in its own VM, caught, and then the VM
// still evaluates (+ 1 2) (on the reserve the cap lends after passing it).
void expect_caught_once(Runtime& vm, const std::string& form, size_t cap) {
  SCOPED_TRACE(form);
  vm.heap.collect();
  vm.heap.set_limit(vm.heap.bytes_live() + cap);
  EXPECT_EQ(pr_str(vm, vm.eval_string("(try " + form + " :no-error (catch OutOfMemoryError e :caught))", "<test>")),
            ":caught");
  EXPECT_EQ(pr_str(vm, vm.eval_string("(+ 1 2)", "<test>")), "3");
  EXPECT_NO_THROW(vm.heap.validate());
  vm.heap.set_limit(0);
  EXPECT_EQ(pr_str(vm, vm.eval_string("(count (apply str (repeat 100 \"ab\")))", "<test>")), "200");
}

TEST_F(GcLimit, InternedKeywords) { expect_caught_once(vm, "(dotimes [i 2000000] (keyword (str \"k\" i)))", 4u << 20); }
TEST_F(GcLimit, InternedNamespacedKeywords) {
  expect_caught_once(vm, "(count (mapv #(keyword \"gc-limit\" (str \"k\" %)) (range 2000000)))", 4u << 20);
}
TEST_F(GcLimit, InternedSymbols) { expect_caught_once(vm, "(dotimes [i 2000000] (symbol (str \"s\" i)))", 4u << 20); }
// Vars: each def grows a namespace's maps (and compiles a little code).
TEST_F(GcLimit, ManyDefs) {
  expect_caught_once(vm, "(binding [*ns* (create-ns 'gc-limit-defs)] (dotimes [i 1000000] (eval (list 'def (symbol (str \"v\" i)) i))))",
                     4u << 20);
}

// Compiled code: many small functions, each compiled by eval, all kept.
TEST_F(GcLimit, ManyCompiledFunctions) {
  cap_above_now(4u << 20);
  expect_caught("(count (mapv (fn [i] (eval (list 'fn ['x] (list '+ 'x i (list '* 'x i))))) (range 1000000)))");
}

TEST_F(GcLimit, DeepRecursionGrowsTheStack) {
  eval("(defn deep [n] (if (zero? n) 0 (inc (deep (dec n)))))");
  cap_above_now(8u << 20);
  expect_caught("(deep 900000)");
  // The stack grown for it stays (a fiber's stack never shrinks) and counts: it still
  // fits under the cap, and shallower recursion runs.
  EXPECT_EQ(eval_str("(deep 10000)"), "10000");
}

TEST_F(GcLimit, ManyFibers) {
  cap_above_now(8u << 20);
  expect_caught("(count (mapv (fn [i] (doto (fiber/new (fn [] (fiber/yield i) i)) fiber/resume)) (range 200000)))");
}

TEST_F(GcLimit, HugeGeneratedFunction) {
  // A function of 100,000 calls: its forms, its compilation and its code.
  eval("(def a (atom 0))");
  cap_above_now(8u << 20);
  expect_caught("((eval (list 'fn [] (cons 'do (map (fn [i] (list 'swap! 'a '+ i)) (range 100000))))))");
}

TEST_F(GcLimit, StreamingALazySeqDoesNotTrip) {
  cap_above_now(4u << 20);
  EXPECT_EQ(eval_str("(count (filter odd? (range 3000000)))"), "1500000");
  EXPECT_EQ(eval_str("(reduce + (map inc (range 3000000)))"), "4500001500000");
  // Boxed longs (past 2^47), all garbage at once.
  EXPECT_EQ(eval_str("(loop [i 0 acc 0] (if (< i 3000000) (recur (inc i) (rem (+ acc (* i 1000000000)) 1000000007)) (pos? acc)))"),
            "true");
}

// Paths that trip the cap in a few dozen allocations, so they run under GC stress too
// (a collection at every allocating safepoint): strings and big numbers by doubling,
// a huge string literal read, a fiber's stack by recursion (which allocates nothing).
TEST(GcLimitAnyMode, FewAllocations) {
  Runtime vm;
  vm.eval_string("(defn deep [n] (if (zero? n) 0 (inc (deep (dec n)))))", "<test>");
  vm.eval_string("(def lit (loop [s \"ab\"] (if (< (count s) 4000000) (recur (str s s)) (str \"\\\"\" s \"\\\"\"))))", "<test>");
  vm.heap.collect();
  const size_t cap = vm.heap.bytes_live() + (4u << 20);
  vm.heap.set_limit(cap);
  for (const char* form : {"(loop [s \"ab\"] (recur (str s s)))", "(loop [n 3N] (recur (*' n n)))",
                           "(count (read-string (str lit lit)))", "(deep 1000000)"}) {
    SCOPED_TRACE(form);
    EXPECT_EQ(pr_str(vm, vm.eval_string(std::string("(try ") + form + " (catch OutOfMemoryError e :caught))", "<test>")),
              ":caught");
    EXPECT_EQ(pr_str(vm, vm.eval_string("(+ 1 2)", "<test>")), "3");
    vm.heap.collect();
    EXPECT_LT(vm.heap.bytes_live(), cap);
    EXPECT_NO_THROW(vm.heap.validate());
  }
  vm.heap.set_limit(0);
}

// The host's option: RuntimeOptions::max_memory caps a new VM.
TEST(GcLimitHost, VMOptionsMaxMemory) {
  RuntimeOptions opts;
  opts.max_memory = 48u << 20;
  Runtime capped(opts);
  EXPECT_EQ(capped.heap.limit(), 48u << 20);
  if (capped.heap.stress() || capped.heap.incremental_stress()) GTEST_SKIP() << "not under GC stress";
  try {
    capped.eval_string("(count (vec (range 10000000)))", "<test>");
    ADD_FAILURE() << "no error";
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::OutOfMemoryError);
    EXPECT_NE(std::string(e.what()).find("memory limit of 48 MiB exceeded"), std::string::npos) << e.what();
  }
  EXPECT_EQ(pr_str(capped, capped.eval_string("(+ 1 2)", "<test>")), "3");
  RuntimeOptions tiny;
  tiny.max_memory = 1024;
  EXPECT_THROW(Runtime{tiny}, std::invalid_argument);
}

TEST_F(GcLimit, UncaughtErrorReachesTheHost) {
  cap_above_now(8u << 20);
  try {
    eval("(count (vec (range 3000000)))");
    ADD_FAILURE() << "no error";
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::OutOfMemoryError);
    EXPECT_NE(std::string(e.what()).find("memory limit of " + limit_text() + " exceeded"), std::string::npos) << e.what();
  }
  expect_usable();
}

// What is counted outside the cells comes back when its owner is freed.
TEST_F(GcLimit, ExternalBytesAreGivenBack) {
  // The root fiber's stack grows for apply's 100,000 arguments and stays grown: it is
  // left out of the comparison.
  auto external = [&] { return vm.heap.external_bytes() - vm.root_fiber()->stack_counted; };
  const size_t base = external();
  eval("(def big (reduce *' (range 1 3000)))");
  eval("(def sb (doto (StringBuilder.) (.append (apply str (repeat 100000 \"x\")))))");
  eval("(def f (fiber/new (fn [] (letfn [(d [n] (if (zero? n) (fiber/yield 0) (inc (d (dec n)))))] (d 20000)))))");
  eval("(fiber/resume f)");
  eval("(def g (eval (list 'fn ['x] (cons 'do (map (fn [i] (list 'inc 'x)) (range 2000))))))");
  vm.heap.collect();
  Fiber* f = as<Fiber>(eval("f"));
  ASSERT_NE(f, nullptr);
  EXPECT_GE(f->stack_counted, 20000 * 3 * sizeof(Value));
  const size_t held = external() - base;
  EXPECT_GT(held, 100000u + 20000 * 3 * sizeof(Value) + 2000 * sizeof(Instr)) << "held " << held;
  eval("(def big nil) (def sb nil) (def f nil) (def g nil)");
  vm.heap.collect();
  vm.heap.collect();
  EXPECT_LT(external(), base + 64 * 1024) << "base " << base << " now " << external();
}

// A fiber that ends drops its stack: the count follows when the fiber is next traced.
TEST_F(GcLimit, EndedFiberGivesItsStackBack) {
  eval("(def f (fiber/new (fn [] (letfn [(d [n] (if (zero? n) 0 (inc (d (dec n)))))] (d 20000)))))");
  const size_t before = vm.heap.external_bytes();
  EXPECT_EQ(eval_str("(fiber/resume f)"), "20000");
  vm.heap.collect();
  Fiber* f = as<Fiber>(eval("f"));
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->stack_counted, 0u);
  EXPECT_LT(vm.heap.external_bytes(), before + 16 * 1024);
}
