// State (SPEC L10): atoms with validators and watches, volatiles, delays, deref, and
// their printing; the fns they call are natives, called back through the VM with GC
// stress on so that values held across those calls must be rooted.
#include <string>
#include <vector>

#include "coll_test_support.h"
#include "runtime/coll/ref_types.h"
#include "runtime/print/print.h"

namespace clove {
namespace {

using namespace test;

Value core_fn(State& vm, const char* name) { return vm.core_ns()->lookup(vm.sym(name))->root; }
Value call(State& vm, const char* name, std::initializer_list<Value> args) { return vm.call(core_fn(vm, name), args); }

std::vector<std::string> g_log;
// A watch fn that logs "key old new" (and allocates, so stress mode collects).
Value log_watch(State& vm, Args a) {
  g_log.push_back(pr_str(vm, a[0]) + " " + pr_str(vm, a[2]) + " " + pr_str(vm, a[3]));
  vm.heap.safepoint();
  return Value::nil();
}
int g_thunk_calls = 0;
Value thunk(State& vm, Args) {
  ++g_thunk_calls;
  vm.heap.safepoint();
  return S(vm, "computed");
}
Value failing_thunk(State& vm, Args) {
  ++g_thunk_calls;
  throw_error(ErrorKind::IllegalArgumentException, "boom");
}
Value fn_native(State& vm, NativeFn f, int min, int max) {
  return Value::object(vm.heap.make<Native>(f, make_string(vm.heap, "test/fn"), "", "", min, max));
}
// (fn [x] (str x "!")): a fresh string each time.
Value bang(State& vm, Args a) {
  vm.heap.safepoint();
  return S(vm, std::string(static_cast<String*>(a[0].as_obj())->view()) + "!");
}

TEST(CollState, AtomSwapResetCasAndWatches) {
  CollVM vm;
  vm.heap.set_stress(true);
  RootScope roots(vm.heap);
  size_t a = roots.push(call(vm, "atom", {I(0)}));
  g_log.clear();
  call(vm, "add-watch", {roots[a], K(vm, "k"), fn_native(vm, log_watch, 4, 4)});
  EXPECT_EQ(as_long(call(vm, "swap!", {roots[a], core_fn(vm, "inc")})), 1);
  EXPECT_EQ(as_long(call(vm, "reset!", {roots[a], I(5)})), 5);
  EXPECT_EQ(pr_str(vm, call(vm, "swap-vals!", {roots[a], core_fn(vm, "inc")})), "[5 6]");
  EXPECT_EQ(pr_str(vm, call(vm, "reset-vals!", {roots[a], I(9)})), "[6 9]");
  Value args[] = {roots[a], core_fn(vm, "+"), I(1), I(2), I(3)};
  EXPECT_EQ(as_long(vm.call(core_fn(vm, "swap!"), args, 5)), 15);
  EXPECT_TRUE(call(vm, "compare-and-set!", {roots[a], I(15), I(16)}).is_true());
  EXPECT_TRUE(call(vm, "compare-and-set!", {roots[a], I(15), I(17)}).is_false());
  EXPECT_EQ(g_log, (std::vector<std::string>{":k 0 1", ":k 1 5", ":k 5 6", ":k 6 9", ":k 9 15", ":k 15 16"}));
  call(vm, "remove-watch", {roots[a], K(vm, "k")});
  call(vm, "reset!", {roots[a], I(0)});
  EXPECT_EQ(g_log.size(), 6u);
  // Fresh strings through swap!, collected at every safepoint, stay intact.
  size_t s = roots.push(call(vm, "atom", {S(vm, "x")}));
  for (int i = 0; i < 5; ++i) call(vm, "swap!", {roots[s], fn_native(vm, bang, 1, 1)});
  EXPECT_EQ(pr_str(vm, call(vm, "deref", {roots[s]})), "\"x!!!!!\"");
}

TEST(CollState, ValidatorsAndMeta) {
  CollVM vm;
  Value pos = core_fn(vm, "pos?");
  Value vkw = K(vm, "validator"), mkw = K(vm, "meta");
  Value kv[] = {K(vm, "a"), I(1)};
  Value m = map_from(vm, kv, 1);
  Value args[] = {I(1), vkw, pos, mkw, m};
  Value a = vm.call(core_fn(vm, "atom"), args, 5);
  EXPECT_EQ(pr_str(vm, meta(a)), "{:a 1}");
  EXPECT_EQ(call(vm, "get-validator", {a}), pos);
  expect_error([&] { call(vm, "swap!", {a, core_fn(vm, "dec")}); }, ErrorKind::IllegalStateException, "Invalid reference state");
  expect_error([&] { call(vm, "reset!", {a, I(-1)}); }, ErrorKind::IllegalStateException, "Invalid reference state");
  expect_error([&] { call(vm, "compare-and-set!", {a, I(1), I(0)}); }, ErrorKind::IllegalStateException);
  EXPECT_EQ(as_long(call(vm, "deref", {a})), 1);  // unchanged by the failures
  Value bad_args[] = {I(-1), vkw, pos};
  expect_error([&] { vm.call(core_fn(vm, "atom"), bad_args, 3); }, ErrorKind::IllegalStateException, "Invalid reference state");
  Value b = call(vm, "atom", {I(-1)});
  expect_error([&] { call(vm, "set-validator!", {b, pos}); }, ErrorKind::IllegalStateException, "Invalid reference state");
  EXPECT_TRUE(call(vm, "get-validator", {b}).is_nil());
  call(vm, "reset-meta!", {b, m});
  EXPECT_EQ(pr_str(vm, meta(b)), "{:a 1}");
  expect_error([&] { call(vm, "reset!", {I(1), I(2)}); }, ErrorKind::ClassCastException, "clojure.lang.IAtom");
  expect_error([&] { call(vm, "deref", {I(5)}); }, ErrorKind::ClassCastException, "java.util.concurrent.Future");
  std::string p = pr_str(vm, a);
  EXPECT_EQ(p.rfind("#object[clojure.lang.Atom 0x", 0), 0u) << p;
  EXPECT_NE(p.find(" {:status :ready, :val 1}]"), std::string::npos) << p;
}

TEST(CollState, VolatileAndDelay) {
  CollVM vm;
  vm.heap.set_stress(true);
  Value v = call(vm, "volatile!", {I(1)});
  EXPECT_EQ(as_long(call(vm, "vreset!", {v, I(2)})), 2);
  EXPECT_EQ(as_long(call(vm, "deref", {v})), 2);
  EXPECT_TRUE(call(vm, "volatile?", {v}).is_true());
  EXPECT_TRUE(call(vm, "volatile?", {I(1)}).is_false());
  expect_error([&] { call(vm, "vreset!", {I(1), I(2)}); }, ErrorKind::ClassCastException);

  RootScope roots(vm.heap);
  g_thunk_calls = 0;
  size_t d = roots.push(call(vm, "-make-delay", {fn_native(vm, thunk, 0, 0)}));
  EXPECT_TRUE(call(vm, "delay?", {roots[d]}).is_true());
  EXPECT_FALSE(static_cast<Delay*>(roots[d].as_obj())->realized());
  EXPECT_NE(pr_str(vm, roots[d]).find("{:status :pending, :val nil}"), std::string::npos);
  EXPECT_EQ(pr_str(vm, call(vm, "force", {roots[d]})), "\"computed\"");
  EXPECT_EQ(pr_str(vm, call(vm, "deref", {roots[d]})), "\"computed\"");
  EXPECT_EQ(g_thunk_calls, 1);
  EXPECT_NE(pr_str(vm, roots[d]).find("{:status :ready, :val \"computed\"}"), std::string::npos);
  EXPECT_EQ(as_long(call(vm, "force", {I(5)})), 5);
  // A failing thunk runs once; its exception is rethrown by every deref.
  g_thunk_calls = 0;
  size_t f = roots.push(call(vm, "-make-delay", {fn_native(vm, failing_thunk, 0, 0)}));
  expect_error([&] { call(vm, "deref", {roots[f]}); }, ErrorKind::IllegalArgumentException, "boom");
  expect_error([&] { call(vm, "force", {roots[f]}); }, ErrorKind::IllegalArgumentException, "boom");
  EXPECT_EQ(g_thunk_calls, 1);
  EXPECT_TRUE(static_cast<Delay*>(roots[f].as_obj())->realized());
  EXPECT_GT(vm.heap.validate(), 0u);
}

}  // namespace
}  // namespace clove
