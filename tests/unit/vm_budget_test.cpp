// vm_budget_test.cpp: the instruction budget and interrupts (SPEC V9, vm/budget.cpp):
// aborting a run that has no fiber to catch :budget, suspending and resuming one that
// has, counting work inside natives, and every conformance program run in slices of a
// few hundred instructions with the same output as an unlimited run.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <thread>

#include "api/runtime.h"
#include "compiler/compiler.h"
#include "reader/reader.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/function.h"
#include "runtime/print/print.h"
#include "vm/fiber.h"

namespace clove {
namespace {

class Budget : public ::testing::Test {
 protected:
  Runtime vm;
  /// Budgets and sizes shrink under GC stress, where every allocation collects.
  int64_t scale() const { return vm.heap.stress() || vm.heap.incremental_stress() ? 100 : 1; }
  std::string eval(const std::string& src) { return pr_str(vm, vm.eval_string(src, "<test>")); }
  Value var(const char* qualified) { return vm.var_value(vm.resolve_var(vm.core_ns(), vm.sym(qualified))); }
  /// The error kind `src` ends with, or nullopt when it returns.
  std::optional<ErrorKind> error_kind(const std::string& src, bool* aborted = nullptr) {
    try {
      vm.eval_string(src, "<test>");
    } catch (const VMAbort& e) {
      if (aborted) *aborted = true;
      return e.kind;
    } catch (const CloveError& e) {
      if (aborted) *aborted = false;
      return e.kind;
    }
    return std::nullopt;
  }
  /// Resumes fiber `fib` (a Value) with `slice` instructions at a time until it is no
  /// longer :pending; returns its value, counting the resumes in *resumes.
  Value resume_sliced(Value fib, int64_t slice, int* resumes) {
    Value resume = var("clove.fiber/resume");
    Fiber* f = as<Fiber>(fib);
    Value r;
    *resumes = 0;
    do {
      vm.set_budget(slice);
      r = vm.call(resume, {fib});
      ++*resumes;
    } while (f->status == FiberStatus::Pending);
    vm.set_budget(State::kUnlimited);
    return r;
  }
};

TEST_F(Budget, SpentBudgetAbortsTheRunAndCannotBeCaught) {
  vm.set_budget(100000);
  bool aborted = false;
  EXPECT_EQ(error_kind("(loop [i 0] (recur (inc i)))", &aborted), ErrorKind::BudgetExhaustedError);
  EXPECT_TRUE(aborted);
  vm.set_budget(100000);
  EXPECT_EQ(error_kind("(loop [] (try (loop [i 0] (recur (inc i))) (catch Throwable e :caught)) (recur))", &aborted),
            ErrorKind::BudgetExhaustedError);
  EXPECT_TRUE(aborted);
  // A loop whose recur jumps back through a copy of its test (peephole.h, 5): the
  // copy's backward jump polls, with the body on either branch of the test.
  vm.set_budget(100000);
  EXPECT_EQ(error_kind("(loop [i 0] (if (< i 10) (recur (- i 1)) i))"), ErrorKind::BudgetExhaustedError);
  vm.set_budget(100000);
  EXPECT_EQ(error_kind("(loop [i 0] (if (= i 10) i (recur (- i 1))))"), ErrorKind::BudgetExhaustedError);
  // Deep recursion (calls, no loop) is counted too.
  vm.set_budget(100000);
  EXPECT_EQ(error_kind("(defn f [n] (if (zero? n) 0 (+ 1 (f (dec n))))) (f 1000000)"), ErrorKind::BudgetExhaustedError);
  // The VM is intact and runs again with a new budget.
  vm.set_budget(State::kUnlimited);
  EXPECT_EQ(eval("(reduce + (range 10))"), "45");
  EXPECT_EQ(vm.fiber(), vm.root_fiber());
  EXPECT_EQ(vm.fiber()->depth, 0u);
  EXPECT_TRUE(vm.fiber()->handlers.empty());
}

TEST_F(Budget, FiniteWorkUnderTheBudgetIsUnaffected) {
  vm.set_budget(10000000);
  EXPECT_EQ(eval("(reduce + (map inc (range 1000)))"), "500500");
  EXPECT_GT(vm.budget_left(), 0);
  EXPECT_LT(vm.budget_left(), 10000000);
}

TEST_F(Budget, OneChargeLargerThanASliceIsCoveredByTheReserve) {
  // A call charges its callee's code size, which can be far more than one slice.
  vm.set_budget(State::kUnlimited);
  vm.charge(50 * 65536);
  EXPECT_EQ(eval("(+ 1 2)"), "3");
  vm.set_budget(100 * 65536);
  vm.charge(50 * 65536);
  EXPECT_EQ(eval("(+ 1 2)"), "3");
  EXPECT_GT(vm.budget_left(), 40 * 65536);
  EXPECT_LT(vm.budget_left(), 50 * 65536);
  vm.set_budget(State::kUnlimited);
}

TEST_F(Budget, NativesThatLoopCountTheirWork) {
  // Each loops in C++ over a seq of 10^7 elements: far past a budget of 10^5.
  for (const char* src : {"(count (seq (vec (range 10000000))))", "(vec (range 10000000))",
                          "(set (range 10000000))", "(apply + (range 10000000))",
                          "(count (filter odd? (range 10000000)))",
                          "(sort (range 10000000))"}) {
    vm.set_budget(100000 / scale());
    EXPECT_EQ(error_kind(src), ErrorKind::BudgetExhaustedError) << src;
  }
  // A macro whose expansion never ends: the compiler's call into it is aborted.
  vm.set_budget(State::kUnlimited);
  eval("(defmacro forever [] (loop [] (recur)))");
  vm.set_budget(100000);
  EXPECT_EQ(error_kind("(forever)"), ErrorKind::BudgetExhaustedError);
  vm.set_budget(State::kUnlimited);
}

// Compiling counts too: a form of 20,000 additions runs no call or loop the VM would
// count, so only the compiler's ten per form analysed can spend a budget of 10,000.
TEST_F(Budget, CompilingCountsTenPerForm) {
  std::string big = "[";
  for (int i = 0; i < 20000; ++i) big += "(+ 1 2) ";
  big += "]";
  vm.limits.budget_overrun = 1000;
  vm.set_budget(10000);
  EXPECT_EQ(error_kind(big), ErrorKind::BudgetExhaustedError);
  vm.set_budget(State::kUnlimited);
  vm.set_budget(1000000);
  EXPECT_EQ(error_kind(big), std::nullopt);  // 60,000 forms' worth fits
  vm.set_budget(State::kUnlimited);
}

TEST_F(Budget, FiberCatchingBudgetSuspendsAndResumes) {
  bool small = scale() > 1;
  Value fib = vm.eval_string(small ? "(def f (fiber/new (fn [] (reduce + (map inc (range 1000)))) #{:budget})) f"
                                   : "(def f (fiber/new (fn [] (reduce + (map inc (range 100000)))) #{:budget})) f",
                             "<t>");
  vm.permanent.push_back(fib);
  int resumes = 0;
  Value r = resume_sliced(fib, small ? 100 : 1000, &resumes);
  EXPECT_EQ(pr_str(vm, r), small ? "500500" : "5000050000");
  EXPECT_EQ(as<Fiber>(fib)->status, FiberStatus::Dead);
  EXPECT_GT(resumes, small ? 10 : 100);
  // Suspended by the budget, a fiber is :pending and resume returns nil.
  Value g = vm.eval_string("(def g (fiber/new (fn [] (loop [i 0] (if (< i 100000) (recur (inc i)) i))) #{:budget})) g",
                           "<t>");
  vm.set_budget(500);
  EXPECT_EQ(pr_str(vm, vm.call(var("clove.fiber/resume"), {g})), "nil");
  // The budget stays spent after the suspension: only the host gives more.
  EXPECT_LT(vm.budget_left(), 0);
  vm.set_budget(State::kUnlimited);
  EXPECT_EQ(eval("(fiber/status g)"), ":pending");
  EXPECT_EQ(eval("(fiber/resume g)"), "100000");
}

TEST_F(Budget, ChainsOfFibersSuspendTogether) {
  // The inner fiber does not catch :budget: it and the outer one (which does) suspend;
  // resuming the outer goes on inside the inner. Yields of the inner still go to the outer.
  Value outer = vm.eval_string(R"(
    (def log (atom []))
    (def outer
      (fiber/new
        (fn []
          (let [inner (fiber/new (fn [] (dotimes [i 3]
                                          (swap! log conj (reduce + (range 2000)))
                                          (fiber/yield i))
                                        :inner-done))]
            (loop [acc []]
              (let [v (fiber/resume inner)]
                (if (= :dead (fiber/status inner)) (conj acc v) (recur (conj acc v)))))))
        #{:budget}))
    outer)", "<t>");
  int resumes = 0;
  Value r = resume_sliced(outer, 200, &resumes);
  EXPECT_EQ(pr_str(vm, r), "[0 1 2 :inner-done]");
  EXPECT_EQ(eval("@log"), "[1999000 1999000 1999000]");
  EXPECT_GT(resumes, 10);
  // The inner fiber of a suspended chain cannot be resumed on its own.
  Value o2 = vm.eval_string(R"(
    (def inner2 (fiber/new (fn [] (loop [i 0] (recur (inc i))))))
    (def outer2 (fiber/new (fn [] (fiber/resume inner2)) #{:budget}))
    outer2)", "<t>");
  vm.set_budget(1000);
  vm.call(var("clove.fiber/resume"), {o2});
  vm.set_budget(State::kUnlimited);
  EXPECT_EQ(eval("[(fiber/status outer2) (fiber/status inner2)]"), "[:pending :pending]");
  EXPECT_EQ(eval("(try (fiber/resume inner2) (catch IllegalStateException e :refused))"), ":refused");
}

TEST_F(Budget, InterruptFromAnotherThread) {
  auto interrupt_soon = [&] {
    return std::thread([&] {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
      vm.interrupt();
    });
  };
  std::thread t = interrupt_soon();
  EXPECT_EQ(error_kind("(loop [i 0] (recur (inc i)))"), ErrorKind::InterruptedError);
  t.join();
  // An Error: (catch Exception e) lets it pass, (catch Throwable e) catches it.
  t = interrupt_soon();
  EXPECT_EQ(error_kind("(try (loop [i 0] (recur (inc i))) (catch Exception e :wrong))"), ErrorKind::InterruptedError);
  t.join();
  t = interrupt_soon();
  EXPECT_EQ(eval("(try (loop [i 0] (recur (inc i))) (catch Throwable e (type e)))"), "clove.lang.InterruptedError");
  t.join();
  // Inside a native's own loop.
  t = interrupt_soon();
  EXPECT_EQ(error_kind("(count (seq (vec (range 100000000))))"), ErrorKind::InterruptedError);
  t.join();
  EXPECT_EQ(eval("(+ 1 2)"), "3");
}

// ---- every conformance program, run in budget slices ----

namespace fs = std::filesystem;

std::string read_text(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs the program form by form, each form in a fiber that catches :budget, resumed
/// `slice` instructions at a time (compiling a form runs with no budget). Returns
/// what it printed.
std::string run_sliced(const fs::path& file, int64_t slice, int* resumes) {
  Runtime vm;
  std::string out;
  vm.set_out([&](std::string_view s) { out += s; });
  vm.set_err([](std::string_view) {});
  vm.load_path.push_back(file.parent_path().string());
  if (Var* v = vm.resolve_var(vm.core_ns(), vm.sym("*print-namespace-maps*"))) v->root = Value::t();
  vm.push_current_bindings({"*warn-on-reflection*", "*math-context*", "*print-meta*", "*print-length*",
                            "*print-level*", "*print-namespace-maps*", "*data-readers*",
                            "*default-data-reader-fn*", "*command-line-args*", "*unchecked-math*", "*assert*",
                            "*1", "*2", "*3", "*e"});
  std::string text = read_text(file);
  uint32_t id = vm.sources.add(file.string(), text);
  StateReaderEnv env(vm);
  ReaderOptions opts;
  Reader reader(vm, env, vm.sources.text(id), id, opts);
  Value resume = vm.var_value(vm.resolve_var(vm.core_ns(), vm.sym("clove.fiber/resume")));
  RootScope scope(vm.heap);
  size_t slot = scope.push(Value::nil());
  Value form;
  try {
    while (reader.next(&form)) {
      scope[slot] = form;
      FnProto* fp = compile_toplevel(vm, form, CompileOptions{});
      scope[slot] = Value::object(fp);
      Fiber* f = vm.heap.make<Fiber>();
      f->fn = Value::object(make_closure(vm.heap, fp, 0));
      f->mask = fiber_mask::kBudget | fiber_mask::kYield;
      scope[slot] = Value::object(f);
      do {
        vm.set_budget(slice);
        vm.call(resume, {Value::object(f)});
        ++*resumes;
      } while (f->status == FiberStatus::Pending);
      vm.set_budget(State::kUnlimited);
    }
  } catch (const std::exception& e) {
    out += std::string("\n<<error: ") + e.what() + ">>";
  }
  return out;
}

TEST(BudgetSlices, ConformanceProgramsGiveTheSameOutput) {
  {
    // 100+ programs again: the conformance groups already run under GC stress.
    Runtime probe;
    if (probe.heap.stress() || probe.heap.incremental_stress()) GTEST_SKIP() << "not under GC stress";
  }
  fs::path root = fs::path(CLOVE_SOURCE_DIR) / "tests" / "conformance";
  // Programs whose meaning depends on running at the top level rather than inside a
  // fiber (yield outside a fiber, the root fiber's status), or on the working folder.
  const std::set<std::string> skip = {"yield_outside.clj", "status_transitions.clj", "printing.clj",
                                      "fiber_pred.clj", "nested.clj", "load_file.clj"};
  int programs = 0, resumes = 0;
  for (const auto& group : fs::directory_iterator(root)) {
    if (!group.is_directory()) continue;
    std::string g = group.path().filename().string();
    if (g == "limits" || g == "examples" || g == "gen") continue;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(group.path())) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
      std::string ext = p.extension().string();
      if (ext != ".clj" && ext != ".cljc") continue;
      if (p.filename().string().find(".jvm.") != std::string::npos) continue;
      fs::path base = p;
      base.replace_extension();
      if (fs::exists(base.string() + ".exit") || fs::exists(base.string() + ".err") || fs::exists(base.string() + ".in") ||
          !fs::exists(base.string() + ".out") || skip.count(p.filename().string()))
        continue;
      std::string text = read_text(p);
      if (text.find("labels: slow") != std::string::npos || text.find("System/exit") != std::string::npos) continue;
      int n = 0;
      std::string got = run_sliced(p, 397, &n);
      EXPECT_EQ(got, read_text(base.string() + ".out")) << p;
      resumes += n;
      ++programs;
    }
  }
  std::cout << "[ budget   ] " << programs << " programs, " << resumes << " resumes in slices of 397 instructions\n";
  EXPECT_GT(programs, 100);
}

}  // namespace
}  // namespace clove
