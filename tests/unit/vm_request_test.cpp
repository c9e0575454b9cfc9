// vm_request_test.cpp: natives that hand calls to the dispatch loop (State::tail_call,
// call_then with continuations and unwind hooks; docs/design/vm.md "Stackless
// natives"), from every kind of call site, and the stackless core natives.
#include <gtest/gtest.h>

#include "api/vm.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/function.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "vm/fiber.h"

namespace clove {
namespace {

// (test/twice f x): (f (f x)), both calls made by the loop through a continuation.
Value twice_k2(State&, Args, Value, Value result) { return result; }
Value twice_k1(State& vm, Args a, Value, Value result) {
  Value arg[1] = {result};
  return vm.call_then(a[0], arg, 1, twice_k2, Value::nil());
}
Value twice(State& vm, Args a) {
  Value arg[1] = {a[1]};
  return vm.call_then(a[0], arg, 1, twice_k1, Value::nil());
}

// (test/via f & args): a tail call of f.
Value via(State& vm, Args a) {
  std::vector<Value> args;
  for (int i = 1; i < a.size(); ++i) args.push_back(a[i]);
  return vm.tail_call(a[0], args.data(), static_cast<int>(args.size()));
}

// (test/guarded f): calls f; an exception unwinding past this native is recorded in
// test/*seen* (the unwind hook), then goes on to the caller.
int g_unwinds = 0;
Value guarded_k(State&, Args, Value, Value result) { return result; }
void guarded_unwind(State& vm, Value ctx, Value exc) {
  ++g_unwinds;
  EXPECT_TRUE(is<Exception>(exc));
  EXPECT_EQ(ctx, Value::object(vm.kw("ctx")));
}
Value guarded(State& vm, Args a) { return vm.call_then(a[0], nullptr, 0, guarded_k, Value::object(vm.kw("ctx")), guarded_unwind); }

// (test/context n): a continuation chain that counts down n calls of
// (constantly nil), carrying n in its context: checks ctx survives collections.
Value context_k(State& vm, Args a, Value ctx, Value) {
  int64_t n = as_long(first(vm, ctx));
  Value big = nth(vm, ctx, 1);
  if (n == 0) return big;
  vm.heap.collect();
  Value pair[2] = {make_long(vm.heap, n - 1), big};
  return vm.call_then(a[0], nullptr, 0, context_k, vector_from(vm.heap, pair, 2));
}
Value context(State& vm, Args a) {
  Value items[3] = {Value::small_int(1), Value::small_int(2), Value::small_int(3)};
  Value pair[2] = {Value::small_int(5), vector_from(vm.heap, items, 3)};
  return vm.call_then(a[0], nullptr, 0, context_k, vector_from(vm.heap, pair, 2));
}

class Requests : public ::testing::Test {
 protected:
  VM vm;
  Requests() {
    vm.def_native("test", "twice", twice, 2, 2, "");
    vm.def_native("test", "via", via, 1, -1, "");
    vm.def_native("test", "guarded", guarded, 1, 1, "");
    vm.def_native("test", "context", context, 1, 1, "");
    g_unwinds = 0;
  }
  std::string eval(const std::string& src) { return pr_str(vm, vm.eval_string(src, "<test>")); }
  std::string error_of(const std::string& src) {
    try {
      vm.eval_string(src, "<test>");
    } catch (const CloveError& e) {
      return e.what();
    }
    return "no error";
  }
};

TEST_F(Requests, CallThenChainsContinuations) {
  EXPECT_EQ(eval("(test/twice inc 1)"), "3");
  EXPECT_EQ(eval("(test/twice (fn [x] (* x 10)) 2)"), "200");
  // In tail position (TAILCALL of a native), as an argument, through apply and a var.
  EXPECT_EQ(eval("((fn [x] (test/twice inc x)) 5)"), "7");
  EXPECT_EQ(eval("[(test/twice inc 0) (test/twice dec 0)]"), "[2 -2]");
  EXPECT_EQ(eval("(apply test/twice [inc 1])"), "3");
  EXPECT_EQ(eval("(#'test/twice inc 1)"), "3");
  // The callee is a native, a keyword, a var.
  EXPECT_EQ(eval("(test/twice :a {:a {:a 4}})"), "4");
  EXPECT_EQ(eval("(test/twice #'inc 1)"), "3");
  // Nested: a continuation's callee makes requests of its own.
  EXPECT_EQ(eval("(test/twice (fn [x] (test/twice inc x)) 0)"), "4");
}

TEST_F(Requests, CallThenFromCxx) {
  Var* v = vm.resolve_var(vm.find_ns(vm.sym("test")), vm.sym("twice"));
  ASSERT_NE(v, nullptr);
  Value inc = vm.var_value(vm.resolve_var(vm.core_ns(), vm.sym("inc")));
  Value r = vm.call(v->root, {inc, Value::small_int(40)});
  EXPECT_EQ(pr_str(vm, r), "42");
  EXPECT_EQ(vm.fiber()->depth, 0u);
}

TEST_F(Requests, TailCallReplacesTheNativesFrame) {
  EXPECT_EQ(eval("(test/via + 1 2 3)"), "6");
  EXPECT_EQ(eval("(test/via test/via test/via + 1 2)"), "3");
  EXPECT_EQ(eval("(test/via (fn [& xs] (vec xs)) 1 2)"), "[1 2]");
  // Deep non-tail recursion through a tail-calling native uses Clove frames, not the
  // C++ stack: far deeper than the C++ stack would allow.
  // (Shallower under GC stress: every collection rescans the whole stack.)
  std::string n = vm.heap.stress() || vm.heap.incremental_stress() ? "2000" : "200000";
  EXPECT_EQ(eval("(defn deep [n] (if (zero? n) 0 (inc (test/via deep (dec n))))) (deep " + n + ")"), n);
  EXPECT_EQ(eval("(defn deep2 [n] (if (zero? n) 0 (inc (apply deep2 [(dec n)])))) (deep2 " + n + ")"), n);
}

TEST_F(Requests, UnwindHookSeesExceptions) {
  EXPECT_EQ(eval("(try (test/guarded (fn [] (throw (ex-info \"x\" {})))) (catch Exception e (ex-message e)))"),
            "\"x\"");
  EXPECT_EQ(g_unwinds, 1);
  // A handler inside the callee: nothing unwinds past the native.
  EXPECT_EQ(eval("(test/guarded (fn [] (try (throw (ex-info \"y\" {})) (catch Exception e 1))))"), "1");
  EXPECT_EQ(g_unwinds, 1);
  // Escaping to the host.
  EXPECT_NE(error_of("(test/guarded (fn [] (/ 1 0)))").find("Divide by zero"), std::string::npos);
  EXPECT_EQ(g_unwinds, 2);
  EXPECT_EQ(vm.fiber()->depth, 0u);
  EXPECT_TRUE(vm.fiber()->handlers.empty());
}

TEST_F(Requests, ContextStaysRootedAcrossCollections) {
  EXPECT_EQ(eval("(test/context (constantly nil))"), "[1 2 3]");
}

TEST_F(Requests, ErrorsInContinuationsHaveTraces) {
  std::string e = error_of("(defn bad [] (test/twice (fn [x] (throw (ex-info \"deep\" {}))) 1)) (bad)");
  EXPECT_NE(e.find("deep"), std::string::npos);
  Value exc = vm.last_exception();
  std::string trace = vm.format_exception(exc);
  EXPECT_NE(trace.find("test/twice"), std::string::npos) << trace;
  EXPECT_NE(trace.find("user/bad"), std::string::npos) << trace;
}

// A fiber can yield inside every stackless native's callback: a generator of what
// each yields.
TEST_F(Requests, YieldInsideStacklessNatives) {
  auto gen = [&](const std::string& body) { return eval("(vec (fiber-seq (fn [] " + body + ")))"); };
  EXPECT_EQ(gen("(test/twice (fn [x] (fiber/yield x) (inc x)) 1)"), "[1 2]");
  EXPECT_EQ(gen("(fiber/yield (test/via (fn [x] (fiber/yield x) :r) 1))"), "[1 :r]");
  EXPECT_EQ(gen("(apply (fn [& xs] (fiber/yield xs)) (map (fn [x] (fiber/yield x) x) [1 2]))"), "[1 2 (1 2)]");
  EXPECT_EQ(gen("(let [a (atom 0)] (swap! a (fn [x] (fiber/yield :in) (inc x))) (fiber/yield @a))"), "[:in 1]");
  EXPECT_EQ(gen("(fiber/yield @(delay (fiber/yield :d) 2))"), "[:d 2]");
  EXPECT_EQ(gen("(fiber/yield (first (lazy-seq (fiber/yield :l) [7])))"), "[:l 7]");
  EXPECT_EQ(gen("(fiber/yield (count (map (fn [x] (fiber/yield x) x) [1 2 3])))"), "[1 2 3 3]");
  EXPECT_EQ(gen("(fiber/yield (nth (map (fn [x] (fiber/yield x) x) (list 1 2 3)) 1))"), "[1 2 2]");
  EXPECT_EQ(gen("(fiber/yield (vec (map (fn [x] (fiber/yield x) x) (list 1 2))))"), "[1 2 [1 2]]");
}

TEST_F(Requests, YieldAcrossCxxFrameIsAClearError) {
  std::string e = error_of("(vec (fiber-seq (fn [] (sort (fn [a b] (fiber/yield a) (compare a b)) [2 1]))))");
  EXPECT_NE(e.find("cannot yield across a C++ frame: clojure.core/sort"), std::string::npos) << e;
  // Catchable inside the fiber, which then goes on.
  EXPECT_EQ(eval("(vec (fiber-seq (fn [] (fiber/yield (try (sort (fn [a b] (fiber/yield a) 0) [2 1]) "
                 "(catch IllegalStateException e :caught))) (fiber/yield :after))))"),
            "[:caught :after]");
  EXPECT_EQ(vm.fiber(), vm.root_fiber());
}

}  // namespace
}  // namespace clove
