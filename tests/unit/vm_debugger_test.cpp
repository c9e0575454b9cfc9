// The debugger in the VM (vm/debugger.h): BREAK patched in and out with the original
// kept, listings unchanged, a host's stops at breakpoints, steps and exceptions, and
// locals by name with dead registers unavailable.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "api/runtime.h"
#include "compiler/disasm.h"
#include "natives/clove_debug/frame_eval.h"
#include "runtime/print/print.h"
#include "vm/debugger.h"

namespace clove {
namespace {

/// Records each stop: reason, innermost frame's line, locals as "name=value".
struct Recorder : DebugHost {
  Runtime& vm;
  std::vector<std::string> log;
  std::vector<StepMode> plan;  // the step to choose at each stop (then None)
  explicit Recorder(Runtime& v) : vm(v) {}
  void stopped(const StopEvent& e) override {
    std::vector<FrameView> fr = clove_frames(vm, e.fiber);
    std::string s = std::string(stop_reason_name(e.reason)) + "@" + std::to_string(fr.empty() ? 0 : fr[0].pos.line);
    if (!fr.empty())
      for (const LocalView& l : vm.debugger().locals(e.fiber, fr[0]))
        s += " " + l.name->str() + "=" + (l.available ? pr_str(vm, l.value) : "?");
    log.push_back(s);
    StepMode m = plan.empty() ? StepMode::None : plan.front();
    if (!plan.empty()) plan.erase(plan.begin());
    vm.debugger().step(m, e.fiber);
  }
};

const char* kSource =
    "(defn g [a]\n"             // 1
    "  (let [b (inc a)]\n"      // 2
    "    (* b 10)))\n"          // 3
    "(defn f [x]\n"             // 4
    "  (let [y (* x 2)]\n"      // 5
    "    (+ (g y)\n"            // 6
    "       y)))\n";            // 7

class Debug : public ::testing::Test {
 protected:
  Runtime vm;
  Recorder host{vm};
  void SetUp() override {
    vm.debugger().set_host(&host);
    vm.eval_string(kSource, "dbg.clj");
  }
  void TearDown() override { vm.debugger().set_host(nullptr); }
  FnProto* fn(const char* name) {
    return as<Closure>(vm.resolve_var(vm.current_ns(), vm.sym(name))->root)->fn;
  }
  std::string call_f(int n) { return pr_str(vm, vm.eval_string("(f " + std::to_string(n) + ")", "<test>")); }
};

TEST_F(Debug, BreakIsPatchedInAndOutKeepingTheOriginal) {
  Proto* p = fn("g")->fixed[0];
  std::vector<Instr> before = p->code;
  std::string listing = disassemble(vm, fn("g"));
  int id = vm.debugger().set_fn_breakpoint(fn("g"));
  EXPECT_EQ(static_cast<Op>(p->code[0] & 0xFF), Op::NOP);
  EXPECT_TRUE(is_breakpoint(p->code[0]));
  EXPECT_EQ(p->code[0] >> 8, before[0] >> 8);  // the operands stay
  EXPECT_EQ(original_instr(p, 0), before[0]);
  EXPECT_EQ(disassemble(vm, fn("g")), listing);  // listings show the original
  EXPECT_TRUE(vm.debugger().clear_breakpoint(id));
  EXPECT_EQ(p->code, before);
  EXPECT_TRUE(p->breaks.empty());
  EXPECT_FALSE(vm.debugger().clear_breakpoint(id));
}

TEST_F(Debug, LineBreakpointStopsWithLocals) {
  vm.debugger().set_line_breakpoint("dbg.clj", 3);
  EXPECT_EQ(call_f(4), "98");
  ASSERT_EQ(host.log.size(), 1u);
  EXPECT_EQ(host.log[0], "breakpoint@3 a=? b=9");  // a's register is dead after (inc a)
}

// A loop's test is copied to the end of its body (peephole.h, 5): a breakpoint on the
// test's line stops at every iteration, as when recur jumped back to the one test.
TEST_F(Debug, LineBreakpointOnALoopTestStopsEveryIteration) {
  vm.eval_string(
      "(defn sum-to [n]\n"           // 1
      "  (loop [i 0 acc 0]\n"        // 2
      "    (if (< i n)\n"            // 3
      "      (recur (inc i)\n"       // 4
      "             (+ acc i))\n"    // 5
      "      acc)))\n",              // 6
      "loop.clj");
  vm.debugger().set_line_breakpoint("loop.clj", 3);
  EXPECT_EQ(pr_str(vm, vm.eval_string("(sum-to 4)", "<test>")), "6");
  ASSERT_EQ(host.log.size(), 5u);  // i = 0, 1, 2, 3, and 4 when the test fails
  EXPECT_EQ(host.log[0], "breakpoint@3 n=4 i=0 acc=0");
  EXPECT_EQ(host.log[4], "breakpoint@3 n=4 i=4 acc=6");
}

TEST_F(Debug, StepsOverIntoAndOut) {
  vm.debugger().set_line_breakpoint("dbg.clj", 5);
  host.plan = {StepMode::Over, StepMode::Into, StepMode::Out};
  EXPECT_EQ(call_f(1), "32");
  ASSERT_EQ(host.log.size(), 4u);
  EXPECT_EQ(host.log[0].substr(0, 12), "breakpoint@5");
  EXPECT_EQ(host.log[1].substr(0, 6), "step@6");
  EXPECT_EQ(host.log[2].substr(0, 6), "step@2");
  EXPECT_EQ(host.log[3].substr(0, 6), "step@6");  // back in f, at the (+ ...) after the call
}

TEST_F(Debug, NoBreakpointNoStop) {
  EXPECT_EQ(call_f(2), "54");
  EXPECT_TRUE(host.log.empty());
}

TEST_F(Debug, UncaughtExceptionStopsBeforeUnwinding) {
  vm.debugger().break_on_uncaught = true;
  vm.eval_string("(defn boom [q] (throw (ex-info \"boom\" {:q q})))", "boom.clj");
  EXPECT_THROW(vm.eval_string("(boom 5)", "<test>"), CloveError);
  ASSERT_EQ(host.log.size(), 1u);
  EXPECT_EQ(host.log[0].substr(0, 11), "exception@1");
  // Caught exceptions do not stop unless every throw is asked for.
  host.log.clear();
  vm.eval_string("(try (boom 1) (catch Exception e nil))", "<test>");
  EXPECT_TRUE(host.log.empty());
  vm.debugger().break_on_throw = true;
  vm.eval_string("(try (boom 1) (catch Exception e nil))", "<test>");
  EXPECT_EQ(host.log.size(), 1u);
}

// A breakpoint on a core fn whose body the image still defers (marshal.md, "Deferred
// bodies") reads the body first, patches its first instruction and stops there.
TEST_F(Debug, FnBreakpointOnADeferredCoreFn) {
  FnProto* il = as<Closure>(vm.resolve_var(vm.core_ns(), vm.sym("interleave"))->root)->fn;
  Proto* two = nullptr;
  for (Proto* p : il->fixed)
    if (p->nparams == 2) two = p;
  ASSERT_NE(two, nullptr);
  ASSERT_NE(two->body_source, nullptr);
  int id = vm.debugger().set_fn_breakpoint(il);
  EXPECT_EQ(two->body_source, nullptr);
  EXPECT_TRUE(is_breakpoint(two->code[0]));
  EXPECT_EQ(pr_str(vm, vm.eval_string("(interleave [1] [2])", "<test>")), "(1 2)");
  ASSERT_EQ(host.log.size(), 2u);  // the call, then its lazy rest's call while printing
  for (const std::string& stop : host.log) EXPECT_EQ(stop.substr(0, 10), "breakpoint") << stop;
  EXPECT_TRUE(vm.debugger().clear_breakpoint(id));
}

}  // namespace
}  // namespace clove
