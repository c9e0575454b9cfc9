// verifier_test.cpp: the bytecode verifier (runtime/lang/verifier.h). Real functions
// from the compiler verify, the whole core library included (false positives); then
// one field at a time is broken and the message must name the rule.
#include "runtime/lang/verifier.h"

#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "api/runtime.h"
#include "eval/core_lib.h"
#include "eval/loader.h"
#include "runtime/coll/coll.h"
#include "state/namespace.h"

using namespace clove;

namespace {

class VerifierTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { vm_ = new Runtime(); }
  static void TearDownTestSuite() {
    delete vm_;
    vm_ = nullptr;
  }
  static Runtime* vm_;
  Runtime& vm = *vm_;

  /// Compiles and runs `src`, which must evaluate to a closure; returns its FnProto
  /// (kept alive for the suite). Each call compiles afresh, so tests may break it.
  Value eval(const std::string& src) {
    Value v = vm.eval_string(src, "<verifier-test>");
    vm.permanent.push_back(v);
    return v;
  }
  FnProto* fn_of(const std::string& src) {
    Closure* c = as<Closure>(eval(src));
    EXPECT_NE(c, nullptr) << src;
    return c ? c->fn : nullptr;
  }
  /// The fixed arity of `fn` with `nparams` parameters; without nparams, the variadic
  /// arity, or else the first fixed one.
  static Proto* arity(FnProto* fn, int nparams = -1) {
    if (nparams < 0) return fn->variadic ? fn->variadic : fn->fixed.at(0);
    for (Proto* p : fn->fixed)
      if (p->nparams == nparams) return p;
    return nullptr;
  }
  /// The pc of the first instruction `op` in p, or -1.
  static long find(const Proto* p, Op op) {
    for (size_t pc = 0; pc < p->code.size(); ++pc)
      if (op_of(p->code[pc]) == op) return static_cast<long>(pc);
    return -1;
  }
  /// The first FnProto constant of p.
  static FnProto* inner(const Proto* p) {
    for (Value k : p->constants)
      if (FnProto* f = as<FnProto>(k)) return f;
    return nullptr;
  }
  /// Expects verification of fn to fail with a message containing `rule`.
  static void expect_broken(const FnProto* fn, const std::string& rule) {
    std::string e = verify_fn_proto(*fn);
    EXPECT_NE(e.find(rule), std::string::npos)
        << "message: " << (e.empty() ? "(valid)" : e) << "\nexpected: " << rule;
  }

  static constexpr const char* kMulti =
      "(fn mul ([x] (+ x 1)) ([x y] (* x y)) ([x y & more] (apply + x y more)))";
  static constexpr const char* kLoop =
      "(fn sum-to [n] (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc i)) acc)))";
  static constexpr const char* kClosure = "(let [a 1] (fn outer [x] (fn inner [] (+ a x))))";
  static constexpr const char* kTry =
      "(fn guarded [x] (try (/ 1 x) (catch ArithmeticException e :div0) (finally (str x))))";
  static constexpr const char* kCase =
      "(fn pick [x] (case x 1 :one 2 :two \"s\" :str (3 4) :more :other))";
  static constexpr const char* kLetfn =
      "(fn parity [n] (letfn [(ev? [n] (if (zero? n) true (od? (dec n)))) "
      "(od? [n] (if (zero? n) false (ev? (dec n))))] (ev? n)))";
  static constexpr const char* kColl = "(fn build [a b] [a b {a b} #{a b} (count a) (nth a 0)])";
};
Runtime* VerifierTest::vm_ = nullptr;

TEST_F(VerifierTest, CompiledFunctionsVerify) {
  for (const char* src : {kMulti, kLoop, kClosure, kTry, kCase, kLetfn, kColl})
    EXPECT_EQ(verify_fn_proto(*fn_of(src)), "") << src;
}

TEST_F(VerifierTest, VerifyProtoChecksOneArityAndItsNestedFns) {
  FnProto* fn = fn_of(kClosure);
  EXPECT_EQ(verify_proto(*arity(fn), fn), "");
  // Without its owner an arity that reads upvalues fails.
  EXPECT_NE(verify_proto(*arity(inner(arity(fn))), nullptr).find("upvalue"), std::string::npos);
}

// Every fn of every namespace, the lazily loaded libraries included: a false positive
// anywhere in the compiler's output fails here.
TEST_F(VerifierTest, WholeCoreLibraryVerifies) {
  for (const EmbeddedFile* f = kCoreLibrary; f->name; ++f) {
    std::string_view ns = lazy_library_ns(*f);
    if (!ns.empty()) vm.eval_string("(require '" + std::string(ns) + ")", "<verifier-test>");
  }
  std::vector<std::pair<std::string, Closure*>> fns;
  for (const auto& [sym, ns] : vm.namespaces()) {
    for (const auto& [name, var] : ns->mappings) {
      if (var->ns != ns) continue;  // referred: checked in its own namespace
      if (Closure* c = as<Closure>(var->root)) fns.emplace_back(ns->name->str() + "/" + name->str(), c);
    }
  }
  size_t checked = 0;
  for (const auto& [name, c] : fns) {
    // The core image defers bodies (marshal.md): read them, so that the code is checked.
    for (Proto* p : c->fn->fixed) ensure_body(vm, p);
    if (c->fn->variadic) ensure_body(vm, c->fn->variadic);
    EXPECT_EQ(verify_fn_proto(*c->fn), "") << name;
    ++checked;
  }
  EXPECT_GT(checked, 300u);
}

// Frames past 256 registers (SPILL/RELOAD) and a try body too long for TRY's sBx (the
// emitter's long form: TRY hops over two JMPs).
TEST_F(VerifierTest, SpillSlotsAndLongJumpsVerify) {
  std::string let = "(fn many [x] (let [";
  std::string sum;
  for (int k = 0; k < 300; ++k) {
    let += "a" + std::to_string(k) + (k ? " (inc a" + std::to_string(k - 1) + ") " : " x ");
    sum += " a" + std::to_string(k);
  }
  FnProto* many = fn_of(let + "] (+" + sum + ")))");
  EXPECT_GT(arity(many)->framesize, 256u);
  EXPECT_GE(find(arity(many), Op::SPILL), 0);
  EXPECT_EQ(verify_fn_proto(*many), "");
  std::string body = "(fn long-try [f] (try (do";
  for (int k = 0; k < 17000; ++k) body += " (f " + std::to_string(k) + ")";  // LOADI and CALL1 each
  FnProto* long_try = fn_of(body + ") (catch Exception e :caught)))");
  EXPECT_GT(arity(long_try)->code.size(), 32767u);
  EXPECT_EQ(verify_fn_proto(*long_try), "");
}

TEST_F(VerifierTest, UnknownOpcode) {
  FnProto* fn = fn_of(kMulti);
  arity(fn, 1)->code[0] = 0xFF;
  expect_broken(fn, "opcode 255 unknown");
}

TEST_F(VerifierTest, MessageNamesFnArityAndPc) {
  FnProto* fn = fn_of(kMulti);
  arity(fn, 2)->code[0] = 0xFF;
  expect_broken(fn, "fn mul arity [2]: pc 0: opcode 255 unknown");
}

TEST_F(VerifierTest, EmptyCode) {
  FnProto* fn = fn_of(kMulti);
  arity(fn, 1)->code.clear();
  arity(fn, 1)->positions.clear();
  expect_broken(fn, "no code");
}

TEST_F(VerifierTest, LastInstructionFallsThrough) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  p->code.back() = encode_abc(Op::NOP, 0, 0, 0);
  expect_broken(fn, "falls through past the end of the code");
}

TEST_F(VerifierTest, RegisterOutsideTheFrame) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  p->code[0] = encode_abc(Op::MOVE, p->framesize, 0, 0);
  expect_broken(fn, "MOVE operand A r" + std::to_string(p->framesize) + " outside the frame");
}

TEST_F(VerifierTest, AddiSourceRegisterOutsideTheFrame) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  p->code[0] = encode_absc(Op::ADDI, 0, p->framesize + 1, -1);
  expect_broken(fn, "ADDI operand B");
}

TEST_F(VerifierTest, JumpConditionRegisterOutsideTheFrame) {
  FnProto* fn = fn_of("(fn pick [x] (if x 1 2))");
  Proto* p = arity(fn);
  long pc = find(p, Op::JMPIFNOT) >= 0 ? find(p, Op::JMPIFNOT) : find(p, Op::JMPIF);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_asbx(op_of(p->code[pc]), 200, arg_sbx(p->code[pc]));
  expect_broken(fn, "operand A r200 outside the frame");
}

// The compare-and-skip ops (flag S): kLoop's (< i n) compiles to BRLT, (< n 2) to BRLTK.
TEST_F(VerifierTest, CompareAndSkipWithoutItsJmp) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  long pc = find(p, Op::BRLT);
  ASSERT_GE(pc, 0);
  ASSERT_EQ(op_of(p->code[pc + 1]), Op::JMP);
  p->code[pc + 1] = encode_abc(Op::MOVE, 0, 0, 0);
  expect_broken(fn, "pc " + std::to_string(pc) + ": BRLT is not followed by the JMP it runs or skips");
}

TEST_F(VerifierTest, CompareAndSkipAtTheEndOfTheCode) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  long pc = find(p, Op::BRLT);
  ASSERT_GE(pc, 0);
  p->code.back() = p->code[pc];  // nothing follows it
  expect_broken(fn, "BRLT is not followed by the JMP it runs or skips");
}

TEST_F(VerifierTest, CompareAndSkipWhoseSkipFallsOffTheCode) {
  // BRLT; JMP as the last two instructions: skipping the JMP runs past the end.
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  long pc = find(p, Op::BRLT);
  ASSERT_GE(pc, 0);
  size_t n = p->code.size();
  p->code[n - 3] = encode_sj(Op::JMP, 0);  // the loop's end (its test, peephole.h 5) goes on to them
  p->code[n - 2] = encode_abc(Op::BRLT, 0, 0, 1);
  p->code[n - 1] = encode_sj(Op::JMP, -1);
  expect_broken(fn, "falls through past the end of the code");
}

TEST_F(VerifierTest, CompareAndSkipFlagAndOperands) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  long pc = find(p, Op::BRLT);
  ASSERT_GE(pc, 0);
  Instr good = p->code[pc];
  p->code[pc] = encode_abc(Op::BRLT, arg_a(good), arg_b(good), 2);
  expect_broken(fn, "BRLT operand C is a flag, 0 or 1, not 2");
  p->code[pc] = encode_abc(Op::BRLT, arg_a(good), 250, arg_c(good));
  expect_broken(fn, "BRLT operand B r250 outside the frame");
  p->code[pc] = encode_abc(Op::BRLTK, arg_a(good), 200, arg_c(good));
  expect_broken(fn, "BRLTK constant k200 outside the constant pool");
}

TEST_F(VerifierTest, ConstantOperandOutsideThePool) {
  FnProto* fn = fn_of("(fn m [x] (mod x 7))");
  Proto* p = arity(fn);
  long pc = find(p, Op::MODK);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_abc(Op::MODK, arg_a(p->code[pc]), arg_b(p->code[pc]), 99);
  expect_broken(fn, "MODK constant k99 outside the constant pool");
}

TEST_F(VerifierTest, SpillSlotOutsideTheFrame) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  p->code[0] = encode_abx(Op::SPILL, 0, 300);
  expect_broken(fn, "SPILL operand B r300 outside the frame");
}

TEST_F(VerifierTest, ConstantIndexOutsideThePool) {
  FnProto* fn = fn_of(kMulti);
  Proto* p = arity(fn, 1);
  p->code[0] = encode_abx(Op::LOADK, 0, 999);
  expect_broken(fn, "LOADK constant k999 outside the constant pool");
}

TEST_F(VerifierTest, GetvarOfANonVar) {
  FnProto* fn = fn_of(kMulti);
  Proto* p = arity(fn);  // [x & more] calls apply through its var
  long pc = find(p, Op::GETVAR);
  ASSERT_GE(pc, 0);
  p->constants[arg_bx(p->code[pc])] = Value::small_int(3);
  expect_broken(fn, "GETVAR constant");
  expect_broken(fn, "not a var");
}

TEST_F(VerifierTest, ClosureOfANonFn) {
  FnProto* fn = fn_of(kClosure);
  Proto* p = arity(fn);
  long pc = find(p, Op::CLOSURE);
  ASSERT_GE(pc, 0);
  p->constants[arg_bx(p->code[pc])] = Value::nil();
  expect_broken(fn, "not a fn prototype");
}

TEST_F(VerifierTest, ClosureCapturesOutsideTheFrame) {
  FnProto* fn = fn_of(kClosure);
  FnProto* in = inner(arity(fn));
  for (UpvalDesc& d : in->upvals)
    if (d.from_register) d.index = 5000;
  expect_broken(fn, "captures r5000 outside the frame");
}

TEST_F(VerifierTest, ClosureCapturesAMissingUpvalue) {
  FnProto* fn = fn_of(kClosure);
  FnProto* in = inner(arity(fn));
  for (UpvalDesc& d : in->upvals)
    if (!d.from_register) d.index = 7;
  expect_broken(fn, "captures u7, outside the enclosing fn's 1 upvalues");
}

TEST_F(VerifierTest, GetupvalOutsideTheUpvalues) {
  FnProto* fn = fn_of(kClosure);
  FnProto* in = inner(arity(fn));
  Proto* p = arity(in);
  long pc = find(p, Op::GETUPVAL);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_abc(Op::GETUPVAL, 0, 9, 0);
  expect_broken(fn, "fn inner arity [0]: pc " + std::to_string(pc) +
                        ": GETUPVAL upvalue u9 outside the fn's 2 upvalues");
}

TEST_F(VerifierTest, GetupvalFlagIsZeroOrOne) {
  FnProto* fn = fn_of(kClosure);
  Proto* p = arity(inner(arity(fn)));
  long pc = find(p, Op::GETUPVAL);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_abc(Op::GETUPVAL, 0, 0, 2);
  expect_broken(fn, "GETUPVAL operand C is a flag, 0 or 1, not 2");
}

TEST_F(VerifierTest, JumpOutsideTheCode) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  long pc = find(p, Op::JMP);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_sj(Op::JMP, 1000);
  expect_broken(fn, "JMP target " + std::to_string(pc + 1001) + " outside the code");
  p->code[pc] = encode_sj(Op::JMP, -static_cast<int>(pc) - 2);
  expect_broken(fn, "JMP target -1 outside the code");
}

TEST_F(VerifierTest, TryHandlerOutsideTheCode) {
  FnProto* fn = fn_of(kTry);
  Proto* p = arity(fn);
  long pc = find(p, Op::TRY);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_asbx(Op::TRY, arg_a(p->code[pc]), 30000);
  expect_broken(fn, "TRY target");
}

TEST_F(VerifierTest, CallWindowOutsideTheFrame) {
  FnProto* fn = fn_of(kMulti);
  Proto* p = arity(fn);
  long pc = find(p, Op::CALL) >= 0 ? find(p, Op::CALL) : find(p, Op::TAILCALL);
  ASSERT_GE(pc, 0);
  Op op = op_of(p->code[pc]);
  unsigned a = p->framesize - 3;
  p->code[pc] = encode_abc(op, a, 4, 0);
  expect_broken(fn, fmt::format("{} window r{}..r{} outside the frame (framesize {})",
                                op_info(op).name, a, a + 6, p->framesize));
}

TEST_F(VerifierTest, NewvecWindowOutsideTheFrame) {
  FnProto* fn = fn_of(kColl);
  Proto* p = arity(fn);
  long pc = find(p, Op::NEWVEC);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_abc(Op::NEWVEC, 0, 1, p->framesize);
  expect_broken(fn, "NEWVEC window r1..r" + std::to_string(p->framesize) + " outside the frame");
}

TEST_F(VerifierTest, NewmapOfAnOddCount) {
  FnProto* fn = fn_of(kColl);
  Proto* p = arity(fn);
  long pc = find(p, Op::NEWMAP);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_abc(Op::NEWMAP, 0, 0, 1);
  expect_broken(fn, "NEWMAP of 1 registers");
}

TEST_F(VerifierTest, SwitchConstantNotAMap) {
  FnProto* fn = fn_of(kCase);
  Proto* p = arity(fn);
  long pc = find(p, Op::SWITCH);
  ASSERT_GE(pc, 0);
  p->constants[arg_bx(p->code[pc])] = Value::small_int(1);
  expect_broken(fn, "not a map");
}

TEST_F(VerifierTest, SwitchSlotNotALongInRange) {
  FnProto* fn = fn_of(kCase);
  Proto* p = arity(fn);
  long pc = find(p, Op::SWITCH);
  ASSERT_GE(pc, 0);
  Value& m = p->constants[arg_bx(p->code[pc])];
  m = assoc(vm, m, Value::small_int(99), Value::small_int(0));
  expect_broken(fn, "not a jump-table slot 1..n");
  m = assoc(vm, m, Value::small_int(99), Value::object(vm.kw("x")));
  expect_broken(fn, "not a jump-table slot 1..n");
}

TEST_F(VerifierTest, SwitchTableNotJumps) {
  FnProto* fn = fn_of(kCase);
  Proto* p = arity(fn);
  long pc = find(p, Op::SWITCH);
  ASSERT_GE(pc, 0);
  p->code[pc + 2] = encode_abc(Op::NOP, 0, 0, 0);
  expect_broken(fn, "SWITCH jump table slot 1 (pc " + std::to_string(pc + 2) + ") is not a JMP");
}

TEST_F(VerifierTest, SwitchTableRunsPastTheEnd) {
  FnProto* fn = fn_of(kCase);
  Proto* p = arity(fn);
  long pc = find(p, Op::SWITCH);
  ASSERT_GE(pc, 0);
  Value& m = p->constants[arg_bx(p->code[pc])];
  m = assoc(vm, m, Value::small_int(99), Value::small_int(100000));
  expect_broken(fn, "runs past the end of the code");
}

TEST_F(VerifierTest, FramesizeLimits) {
  FnProto* fn = fn_of(kMulti);
  Proto* p = arity(fn, 2);
  p->framesize = kMaxFrameSlots + 1;
  expect_broken(fn, "framesize 65536 above the limit 65535");
  p->framesize = 1;
  expect_broken(fn, "framesize 1 smaller than its 2 parameter registers");
  Proto* v = arity(fn);  // [x y & more]: three registers at least
  p->framesize = 16;
  v->framesize = 2;
  expect_broken(fn, "smaller than its 3 parameter registers");
}

TEST_F(VerifierTest, PositionsOnePerInstructionOrNone) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  p->positions.pop_back();
  expect_broken(fn, "positions for");
  p->positions.clear();
  EXPECT_EQ(verify_fn_proto(*fn), "");
}

TEST_F(VerifierTest, LocalsInsideTheFrameAndCode) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  ASSERT_FALSE(p->locals.empty());
  LocalInfo saved = p->locals[0];
  p->locals[0].reg = static_cast<uint16_t>(p->framesize);
  expect_broken(fn, "local n in r");
  p->locals[0] = saved;
  p->locals[0].end_pc = static_cast<uint32_t>(p->code.size() + 1);
  expect_broken(fn, "range");
  p->locals[0] = saved;
  p->locals[0].start_pc = p->locals[0].end_pc + 1;
  expect_broken(fn, "range");
}

TEST_F(VerifierTest, LiveRangesInsideTheFrameAndCode) {
  FnProto* fn = fn_of(kLoop);
  Proto* p = arity(fn);
  p->live.push_back(LiveRange{0, 1, static_cast<uint16_t>(p->framesize)});
  expect_broken(fn, "live range of r");
  p->live.back() = LiveRange{0, static_cast<uint32_t>(p->code.size() + 3), 0};
  expect_broken(fn, "outside the code");
}

TEST_F(VerifierTest, NonValueConstant) {
  FnProto* fn = fn_of(kMulti);
  Proto* p = arity(fn, 1);
  p->constants.push_back(Value::object(arity(fn, 2)));
  expect_broken(fn, "is not a value");
}

TEST_F(VerifierTest, FixedAritiesDistinctAndNotVariadic) {
  FnProto* fn = fn_of(kMulti);
  fn->fixed.push_back(arity(fn, 1));
  expect_broken(fn, "fn mul: two fixed arities of 1 parameters");
  fn->fixed.pop_back();
  fn->fixed.push_back(fn->variadic);
  expect_broken(fn, "has the variadic flag set");
  fn->fixed.pop_back();
  fn->variadic->variadic = false;
  expect_broken(fn, "lacks the variadic flag");
}

TEST_F(VerifierTest, NoArity) {
  FnProto* fn = fn_of(kLoop);
  fn->fixed.clear();
  expect_broken(fn, "no arity");
}

TEST_F(VerifierTest, CycleOfFnProtos) {
  FnProto* fn = fn_of(kClosure);
  FnProto* in = inner(arity(fn));
  arity(in)->constants.push_back(Value::object(fn));
  expect_broken(fn, "fn inner: its constants contain fn outer, which encloses it (a cycle");
  arity(in)->constants.back() = Value::object(in);
  expect_broken(fn, "a cycle");
}

TEST_F(VerifierTest, SharedNestedFnIsNotACycle) {
  FnProto* fn = fn_of(kClosure);
  FnProto* in = inner(arity(fn));
  arity(fn)->constants.push_back(Value::object(in));  // the same fn twice: a DAG
  EXPECT_EQ(verify_fn_proto(*fn), "");
}

// A chain of nested fns far deeper than any C++ stack could recurse.
TEST_F(VerifierTest, DeepNestingNeedsNoRecursion) {
  FnProto* next = nullptr;
  for (int k = 0; k < 200000; ++k) {
    Proto* p = vm.heap.make<Proto>();
    p->framesize = 1;
    p->code = {encode_abc(Op::LOADNIL, 0, 0, 0), encode_abc(Op::RET, 0, 0, 0)};
    if (next) p->constants.push_back(Value::object(next));
    FnProto* f = vm.heap.make<FnProto>();
    f->add_fixed(p);
    next = f;
  }
  vm.permanent.push_back(Value::object(next));
  EXPECT_EQ(verify_fn_proto(*next), "");
}

TEST_F(VerifierTest, EndtryWithoutTry) {
  FnProto* fn = fn_of(kTry);
  Proto* p = arity(fn);
  long pc = find(p, Op::TRY);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_abc(Op::NOP, 0, 0, 0);
  expect_broken(fn, "ENDTRY with no handler of this frame pushed");
}

TEST_F(VerifierTest, ReturnWithAHandlerPushed) {
  FnProto* fn = fn_of(kTry);
  Proto* p = arity(fn);
  long pc = find(p, Op::ENDTRY);
  ASSERT_GE(pc, 0);
  p->code[pc] = encode_abc(Op::NOP, 0, 0, 0);
  std::string e = verify_fn_proto(*fn);
  EXPECT_TRUE(e.find("handlers pushed") != std::string::npos ||
              e.find("of its handlers") != std::string::npos)
      << e;
}

TEST_F(VerifierTest, FaultLocatesTheInstruction) {
  FnProto* fn = fn_of(kMulti);
  Proto* p = arity(fn, 2);
  p->code[1] = 0xFE;
  VerifyFault where;
  EXPECT_NE(verify_fn_proto(*fn, &where), "");
  EXPECT_EQ(where.fn, fn);
  EXPECT_EQ(where.proto, p);
  EXPECT_EQ(where.pc, 1);
}

// Random instructions with operands near the limits: whatever verifies runs (under an
// instruction budget) to a value or a Clove exception, never a crash. The sanitizer
// build makes this a check that the rules cover every access the VM makes.
TEST_F(VerifierTest, RandomCodeThatVerifiesRunsSafely) {
  Var* sink = vm.intern(vm.find_or_create_ns(vm.sym("verifier.fuzz")), vm.sym("sink"));
  FnProto* nested = fn_of("(let [a 1] (fn [x] (+ a x)))");
  Value sw = eval("{1 1, :k 2, \"s\" 1}"), vec = eval("[1 2 3]");
  uint64_t seed = 42;
  auto rnd = [&](uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>((seed >> 33) % n);
  };
  int verified = 0;
  for (int iter = 0; iter < 4000; ++iter) {
    Proto* p = vm.heap.make<Proto>();
    p->framesize = 4 + rnd(8);
    p->nparams = static_cast<uint16_t>(rnd(3));
    p->constants = std::vector<Value>{Value::small_int(7),       Value::object(sink),
                                      Value::object(nested),     sw,
                                      Value::object(vm.kw("k")), vec};
    const unsigned nk = static_cast<unsigned>(p->constants.size());
    const unsigned len = 2 + rnd(10);
    for (unsigned pc = 0; pc < len; ++pc) {
      Op op = static_cast<Op>(rnd(static_cast<unsigned>(Op::kCount)));
      unsigned a = rnd(p->framesize + 1), b = rnd(p->framesize + 1), c = rnd(p->framesize + 1);
      int off = static_cast<int>(rnd(7)) - 3;
      Instr in = 0;
      switch (op_info(op).format) {
        case OpFormat::ABC:
          in = encode_abc(op, a, op_is_call(op) ? rnd(4) : b, c);
          break;
        case OpFormat::ABx:
          in = encode_abx(op, a, rnd(nk + 1));
          break;
        case OpFormat::AsBx:
          in = encode_asbx(op, a, op_is_jump(op) ? off : off * 100);
          break;
        case OpFormat::sJ:
          in = encode_sj(op, off);
          break;
        case OpFormat::ABsC:
          in = encode_absc(op, a, b, off);
          break;
        case OpFormat::A:
          in = encode_abc(op, a, 0, 0);
          break;
        case OpFormat::None:
          in = encode_abc(op, 0, 0, 0);
          break;
      }
      p->code.push_back(in);
    }
    p->code.push_back(encode_abc(Op::RET, rnd(p->framesize), 0, 0));
    FnProto* f = vm.heap.make<FnProto>();
    f->add_fixed(p);
    f->upvals.push_back(UpvalDesc{true, 0, nullptr});
    Value c = Value::object(make_closure(vm.heap, f, 1));
    vm.permanent.push_back(c);
    if (!verify_fn_proto(*f).empty()) {
      vm.permanent.pop_back();
      continue;
    }
    ++verified;
    std::vector<Value> args(p->nparams, Value::small_int(2));
    vm.set_budget(20000);
    try {
      vm.call(c, args.data(), static_cast<int>(args.size()));
    } catch (const CloveError&) {
    }
    vm.set_budget(State::kUnlimited);
    vm.permanent.pop_back();
  }
  EXPECT_GT(verified, 100);
}

// SETUPVAL's target is known only when it runs: the VM checks it (dispatch.cpp).
TEST_F(VerifierTest, SetupvalOnANonClosureThrows) {
  Proto* p = vm.heap.make<Proto>();
  p->framesize = 2;
  p->code = {encode_abc(Op::LOADNIL, 0, 0, 0), encode_abc(Op::LOADNIL, 1, 0, 0),
             encode_abc(Op::SETUPVAL, 0, 0, 1), encode_abc(Op::RET, 0, 0, 0)};
  FnProto* f = vm.heap.make<FnProto>();
  f->add_fixed(p);
  vm.permanent.push_back(Value::object(f));
  ASSERT_EQ(verify_fn_proto(*f), "");
  Value c = Value::object(make_closure(vm.heap, f, 0));
  vm.permanent.push_back(c);
  try {
    vm.call(c, nullptr, 0);
    FAIL() << "expected an exception";
  } catch (const CloveError& e) {
    EXPECT_NE(std::string(e.what()).find("SETUPVAL: u0 is not an upvalue"), std::string::npos)
        << e.what();
  }
  // A closure with too few upvalues, too.
  p->code[0] = encode_abc(Op::SELF, 0, 0, 0);
  try {
    vm.call(c, nullptr, 0);
    FAIL() << "expected an exception";
  } catch (const CloveError& e) {
    EXPECT_NE(std::string(e.what()).find("SETUPVAL: u0 is not an upvalue"), std::string::npos)
        << e.what();
  }
}

}  // namespace

namespace {
struct NeverReadBody final : DeferredSource {
  void load_body(State&, Proto*) override {}
  Value load_value(State&, uint32_t) override { return Value::nil(); }
};
}  // namespace

// A deferred arity's placeholder (kDeferredBody) passes only with a body to read: as
// code of its own it would run off the end.
TEST_F(VerifierTest, DeferredPlaceholderNeedsABodySource) {
  NeverReadBody source;
  Proto p;
  p.code.assign(1, kDeferredBody);
  p.framesize = 1;
  EXPECT_NE(verify_proto(p, nullptr), "");
  p.body_source = &source;
  EXPECT_EQ(verify_proto(p, nullptr), "");
  p.constants.push_back(Value::nil());  // not a placeholder any more
  EXPECT_NE(verify_proto(p, nullptr), "");
}
