// asm_test.cpp: the assembler (compiler/asm.h) and clove.asm. Round trips: a real fn's
// listing, assembled, lists the same and behaves the same (hand-picked fns, the golden
// bytecode files, the whole core library). Bad input: an IllegalArgumentException
// naming the line, never a crash.
#include "compiler/asm.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "api/runtime.h"
#include "compiler/compiler.h"
#include "compiler/disasm.h"
#include "eval/core_lib.h"
#include "eval/loader.h"
#include "reader/reader.h"
#include "runtime/lang/verifier.h"
#include "runtime/print/print.h"
#include "state/namespace.h"

using namespace clove;

namespace {

namespace fs = std::filesystem;

class AsmTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { vm_ = new Runtime(); }
  static void TearDownTestSuite() {
    delete vm_;
    vm_ = nullptr;
  }
  static Runtime* vm_;
  Runtime& vm = *vm_;

  Value keep(Value v) {
    vm.permanent.push_back(v);
    return v;
  }
  Value eval(const std::string& src) { return keep(vm.eval_string(src, "<asm-test>")); }
  FnProto* fn_of(const std::string& src) {
    Closure* c = as<Closure>(eval(src));
    EXPECT_NE(c, nullptr) << src;
    return c ? c->fn : nullptr;
  }
  Value closure(FnProto* fp) {
    return keep(Value::object(make_closure(vm.heap, fp, static_cast<uint32_t>(fp->upvals.size()))));
  }
  /// Assembles the listing of fp; expects the result to list the same. Returns it.
  FnProto* round_trip(FnProto* fp, const std::string& what) {
    std::string listing = disassemble(vm, fp);
    FnProto* back = nullptr;
    try {
      back = assemble(vm, listing);
    } catch (const CloveError& e) {
      ADD_FAILURE() << what << ": " << e.what() << "\n" << listing;
      return nullptr;
    }
    keep(Value::object(back));
    EXPECT_EQ(disassemble(vm, back), listing) << what;
    return back;
  }
  /// pr-str of (f args...), or "throws: MESSAGE".
  std::string outcome(Value f, std::vector<Value> args) {
    try {
      return pr_str(vm, vm.call(f, args.data(), static_cast<int>(args.size())));
    } catch (const CloveError& e) {
      return std::string("throws: ") + e.what();
    }
  }
  /// The message of the IllegalArgumentException assembling `text` throws ("" if none).
  std::string asm_error_of(const std::string& text) {
    try {
      assemble(vm, text);
    } catch (const VMAbort&) {
      throw;
    } catch (const CloveError& e) {
      EXPECT_EQ(e.kind, ErrorKind::IllegalArgumentException) << e.what();
      return e.what();
    }
    return "";
  }
  void expect_asm_error(const std::string& text, const std::string& expect) {
    std::string e = asm_error_of(text);
    EXPECT_NE(e.find(expect), std::string::npos)
        << "message: " << (e.empty() ? "(assembled)" : e) << "\nexpected: " << expect << "\ntext:\n"
        << text;
  }
};
Runtime* AsmTest::vm_ = nullptr;

Value L(int64_t n) { return Value::small_int(n); }

// Each: source of a fn, and argument lists to compare the two fns on.
struct Case {
  const char* src;
  std::vector<std::vector<int64_t>> calls;
};

const Case kCases[] = {
    {"(fn sum-to [n] (loop [i 0 acc 0] (if (< i n) (recur (inc i) (+ acc i)) acc)))",
     {{0}, {10}, {1000}}},
    {"(fn mul ([x] (+ x 1)) ([x y] (* x y)) ([x y & more] (apply + x y more)))",
     {{1}, {3, 4}, {1, 2, 3, 4}}},
    {"(fn rest-args [& xs] (reduce + 0 xs))", {{}, {1}, {1, 2, 3}}},
    {"(fn adder [a] (fn [b] (fn [c] (+ a b c))))",
     {}},  // called in ClosuresMadeByAnAssembledFnWork
    {"(fn guarded [x] (try (quot 10 x) (catch ArithmeticException e :div0) (finally (str x))))",
     {{0}, {3}}},
    {"(fn rethrows [x] (try (if (pos? x) (throw (ex-info \"boom\" {:x x})) x) (catch "
     "clojure.lang.ExceptionInfo e (ex-data e))))",
     {{1}, {-1}}},
    {"(fn pick [x] (case x 1 :one 2 :two 3 :three (4 5) :more :other))", {{1}, {2}, {5}, {9}}},
    {"(fn kind [x] (case (str x) \"1\" :one \"2\" :two :none))", {{1}, {2}, {3}}},
    {"(fn parity [n] (letfn [(ev? [n] (if (zero? n) true (od? (dec n)))) (od? [n] (if (zero? n) "
     "false (ev? (dec n))))] "
     "(ev? n)))",
     {{10}, {7}}},
    {"(fn build [a b] [a b {a b} #{a b} (count [a b]) (nth [a b] 0) (get {a b} a) (list a b)])",
     {{1, 2}}},
    {"(fn consts [x] [x 1.5 ##Inf 1N 3/4 1.5M \\c :kw :ns/kw 'sym 'ns/sym '(1 (2)) #{:a} {:a [1 "
     "2]} #\"a.b\" nil true "
     "\"a string longer than sixty characters, so the listing once shortened it ...\" "
     "#inst \"2020-01-01T00:00:00.000-00:00\" #uuid \"0b9f7e3e-6f3e-4f0e-9a5e-6b1b1b1b1b1b\" "
     "\"tab\\tnl\\n\"])",
     {{7}}},
    {"(fn lazy [n] (doall (for [i (range n) :when (odd? i)] (* i i))))", {{10}}},
    {"(fn with-binding [x] (binding [*print-length* 2] (pr-str (range x))))", {{5}}},
    {"(fn big-frame [x] (let [a (inc x) b (inc a) c (inc b) d (inc c) e (inc d)] (if (> x 0) [a b "
     "c d e] "
     "(recur (inc x)))))",
     {{-3}, {1}}},
};

TEST_F(AsmTest, RealFunctionsRoundTripAndBehaveTheSame) {
  for (const Case& c : kCases) {
    FnProto* fp = fn_of(c.src);
    ASSERT_NE(fp, nullptr);
    FnProto* back = round_trip(fp, c.src);
    ASSERT_NE(back, nullptr) << c.src;
    EXPECT_EQ(verify_fn_proto(*back), "");
    Value f1 = closure(fp), f2 = closure(back);
    for (const auto& call : c.calls) {
      std::vector<Value> args;
      for (int64_t n : call) args.push_back(L(n));
      EXPECT_EQ(outcome(f2, args), outcome(f1, args)) << c.src;
    }
  }
}

// Spill slots (framesize > 256) and TRY's long form (a body past sBx's reach).
TEST_F(AsmTest, SpillSlotsAndLongJumpsRoundTrip) {
  std::string let = "(fn many [x] (let [";
  std::string sum;
  for (int k = 0; k < 300; ++k) {
    let += "a" + std::to_string(k) + (k ? " (inc a" + std::to_string(k - 1) + ") " : " x ");
    sum += " a" + std::to_string(k);
  }
  FnProto* many = fn_of(let + "] (+" + sum + ")))");
  FnProto* back = round_trip(many, "many");
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(outcome(closure(back), {L(1)}), outcome(closure(many), {L(1)}));
  std::string body = "(fn long-try [f] (try (do";
  for (int k = 0; k < 12000; ++k) body += " (f " + std::to_string(k) + ")";
  FnProto* long_try = fn_of(body + ") (catch Exception e :caught)))");
  back = round_trip(long_try, "long-try");
  ASSERT_NE(back, nullptr);
  Value thrower = eval("(fn [k] (when (= k 11999) (throw (Exception. \"x\"))))");
  EXPECT_EQ(outcome(closure(back), {thrower}), ":caught");
  EXPECT_EQ(outcome(closure(back), {eval("identity")}), "11999");
}

TEST_F(AsmTest, ClosuresMadeByAnAssembledFnWork) {
  FnProto* back = round_trip(fn_of("(fn adder [a] (fn [b] (fn [c] (+ a b c))))"), "adder");
  ASSERT_NE(back, nullptr);
  Value f = closure(back);
  Value a = L(1);
  Value g = keep(vm.call(f, &a, 1));
  Value b = L(10);
  Value h = keep(vm.call(g, &b, 1));
  Value c = L(100);
  EXPECT_EQ(pr_str(vm, vm.call(h, &c, 1)), "111");
}

// Every top-level form of the golden bytecode files (tests/bytecode), assembled from its
// listing and run in place of the compiled one, so later forms see its definitions.
TEST_F(AsmTest, GoldenListingsRoundTrip) {
  fs::path dir = fs::path(CLOVE_SOURCE_DIR) / "tests" / "bytecode";
  int forms = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".clj") continue;
    Runtime rt{RuntimeOptions{false}};
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    uint32_t id = rt.sources.add(e.path().filename().string(), text);
    StateReaderEnv env(rt);
    Reader reader(rt, env, rt.sources.text(id), id);
    Value form;
    while (reader.next(&form)) {
      rt.permanent.push_back(form);
      FnProto* fp = compile_toplevel(rt, form);
      rt.permanent.push_back(Value::object(fp));
      std::string listing = disassemble(rt, fp);
      FnProto* back = nullptr;
      try {
        back = assemble(rt, listing);
      } catch (const CloveError& err) {
        ADD_FAILURE() << e.path().filename() << ": " << err.what() << "\n" << listing;
        break;
      }
      rt.permanent.push_back(Value::object(back));
      EXPECT_EQ(disassemble(rt, back), listing) << e.path().filename();
      rt.call(Value::object(make_closure(rt.heap, back, 0)), nullptr, 0);
      ++forms;
    }
  }
  EXPECT_GT(forms, 20);
}

// Every fn of every namespace lists, assembles and lists the same.
TEST_F(AsmTest, WholeCoreLibraryRoundTrips) {
  for (const EmbeddedFile* f = kCoreLibrary; f->name; ++f) {
    std::string_view ns = lazy_library_ns(*f);
    if (!ns.empty()) vm.eval_string("(require '" + std::string(ns) + ")", "<asm-test>");
  }
  size_t n = 0;
  std::vector<Var*> vars;
  for (const auto& [sym, ns] : vm.namespaces())
    for (const auto& [name, var] : ns->mappings)
      if (var->ns == ns && is<Closure>(var->root)) vars.push_back(var);
  for (Var* var : vars) {
    round_trip(as<Closure>(var->root)->fn, var->ns->name->str() + "/" + var->sym->str());
    ++n;
  }
  EXPECT_GT(n, 300u);
}

TEST_F(AsmTest, CloveAsmFromClove) {
  eval("(def asm-sq (fn sq [x] (* x x)))");
  EXPECT_EQ(pr_str(vm, eval("(let [s (clove.asm/disasm asm-sq) g (clove.asm/asm s)] [(g 7) (= s "
                            "(clove.asm/disasm g))])")),
            "[49 true]");
  Value e =
      eval("(try (clove.asm/asm \"garbage\") (catch IllegalArgumentException e (ex-message e)))");
  EXPECT_EQ(pr_str(vm, e), "\"asm: line 1: unrecognized line `garbage`\"");
  e = eval("(try (clove.asm/disasm +) (catch IllegalArgumentException e (ex-message e)))");
  EXPECT_NE(pr_str(vm, e).find("native"), std::string::npos);
}

// A listing with upvalues: the assembled fn's closure starts with them nil.
TEST_F(AsmTest, UpvaluesStartNil) {
  FnProto* fp = assemble(vm,
                         "fn up  arities=1  upvals=1\n"
                         "  u0  captured  (register 0)\n"
                         "arity up [0]  framesize=1  constants=0\n"
                         "     0  GETUPVAL  0 0 0\n"
                         "     1  RET       0\n");
  keep(Value::object(fp));
  EXPECT_TRUE(vm.call(closure(fp), nullptr, 0).is_nil());
}

TEST_F(AsmTest, CommentsAndPositionsAreOptional) {
  FnProto* fp = assemble(vm,
                         "fn seven  arities=1  upvals=0\n"
                         "arity seven [0]  framesize=1  constants=1\n"
                         "     0  LOADK     0 0         ; 7    @3:4\n"
                         "     1  RET       0\n"
                         "  constants:\n"
                         "    k0  7\n");
  keep(Value::object(fp));
  EXPECT_EQ(pr_str(vm, vm.call(closure(fp), nullptr, 0)), "7");
  Proto* p = fp->fixed[0];
  ASSERT_EQ(p->positions.size(), 2u);
  EXPECT_EQ(p->positions[0].line, 3u);
  EXPECT_EQ(p->positions[0].col, 4u);
  EXPECT_FALSE(p->positions[1].known());
}

TEST_F(AsmTest, VarsResolveByNameAndAreInternedIfMissing) {
  FnProto* fp = assemble(vm,
                         "fn v  arities=1  upvals=0\n"
                         "arity v [0]  framesize=1  constants=2\n"
                         "     0  LOADI     0 5\n"
                         "     1  SETVAR    0 0\n"
                         "     2  GETVAR    0 1\n"
                         "     3  RET       0\n"
                         "  constants:\n"
                         "    k0  #'asm.test.fresh/five\n"
                         "    k1  #'clojure.core/inc\n");
  keep(Value::object(fp));
  EXPECT_EQ(vm.call(closure(fp), nullptr, 0), eval("inc"));
  EXPECT_EQ(pr_str(vm, eval("asm.test.fresh/five")), "5");
}

// Deeply nested fn blocks: no recursion in the assembler or the verifier.
TEST_F(AsmTest, DeeplyNestedBlocks) {
  std::string text;
  const int depth = 20000;
  for (int k = 0; k < depth; ++k) {
    bool last = k == depth - 1;
    text += fmt::format("fn f{}  arities=1  upvals=0\narity f{} [0]  framesize=1  constants={}\n",
                        k, k, last ? 0 : 1);
    text += last ? "     0  LOADNIL   0\n     1  RET       0\n"
                 : "     0  CLOSURE   0 0\n     1  RET       0\n";
    if (!last) text += fmt::format("  constants:\n    k0  <fn f{}>\n", k + 1);
  }
  FnProto* fp = assemble(vm, text);
  keep(Value::object(fp));
  EXPECT_EQ(verify_fn_proto(*fp), "");
}

// Listings with random operand digits changed: each either fails to assemble (an
// IllegalArgumentException) or verifies and then runs (under an instruction budget)
// to a value or a Clove exception; never a crash.
TEST_F(AsmTest, CorruptedOperandsNeverCrash) {
  std::vector<std::string> listings;
  for (const Case& c : kCases) listings.push_back(disassemble(vm, fn_of(c.src)));
  uint64_t seed = 12345;
  auto rnd = [&](uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % n;
  };
  int assembled = 0, rejected = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    std::string text = listings[rnd(listings.size())];
    for (int m = 0, tries = 0; m < 1 + static_cast<int>(rnd(3)) && tries < 1000; ++tries) {
      size_t at = rnd(text.size());
      size_t bol = text.rfind('\n', at);
      bol = bol == std::string::npos ? 0 : bol + 1;
      // Only digits of instruction lines, past the pc column.
      if (at < bol + 8 || text[at] < '0' || text[at] > '9' || text.compare(bol, 4, "    ") != 0)
        continue;
      text[at] = static_cast<char>('0' + rnd(10));
      ++m;
    }
    FnProto* fp = nullptr;
    try {
      fp = assemble(vm, text);
    } catch (const CloveError& e) {
      EXPECT_EQ(e.kind, ErrorKind::IllegalArgumentException);
      ++rejected;
      continue;
    }
    ++assembled;
    keep(Value::object(fp));
    Value f = closure(fp);
    Proto* p = fp->fixed.empty() ? fp->variadic : fp->fixed[0];
    std::vector<Value> args(p->nparams, L(3));
    vm.set_budget(100000);
    try {
      vm.call(f, args.data(), static_cast<int>(args.size()));
    } catch (const CloveError&) {
    }
    vm.set_budget(State::kUnlimited);
  }
  EXPECT_GT(assembled, 100);
  EXPECT_GT(rejected, 100);
}

// ---- bad input: an IllegalArgumentException naming the line ----

const char* kHeader = "fn bad  arities=1  upvals=0\narity bad [1]  framesize=2  constants=1\n";

TEST_F(AsmTest, UnknownOpcode) {
  expect_asm_error(std::string(kHeader) + "     0  FROB      0 0\n",
                   "asm: line 3: unknown opcode `FROB`");
}

TEST_F(AsmTest, WrongOperandCount) {
  expect_asm_error(std::string(kHeader) + "     0  LOADK     0\n",
                   "asm: line 3: LOADK takes 2 operands: A Bx");
  expect_asm_error(std::string(kHeader) + "     0  RET       0 1\n",
                   "asm: line 3: RET takes 1 operand: A (then `1`)");
  expect_asm_error(std::string(kHeader) + "     0  ADD       0 x 1\n", "operand B is `x`");
}

TEST_F(AsmTest, OperandOutOfRange) {
  expect_asm_error(std::string(kHeader) + "     0  MOVE      256 0 0\n",
                   "asm: line 3: MOVE operand A = 256 out of range 0..255");
  expect_asm_error(std::string(kHeader) + "     0  JMP       9000000\n",
                   "JMP operand sJ = 9000000 out of range");
}

TEST_F(AsmTest, RegisterOutsideTheFrame) {
  expect_asm_error(
      std::string(kHeader) +
          "     0  MOVE      1 0 0\n     1  MOVE      5 0 0\n     2  RET       0\n  constants:\n   "
          " k0  1\n",
      "asm: line 4: fn bad arity [1]: pc 1: MOVE operand A r5 outside the frame (framesize 2)");
}

TEST_F(AsmTest, JumpOutOfRange) {
  expect_asm_error(
      std::string(kHeader) + "     0  JMP       5\n     1  RET       0\n  constants:\n    k0  1\n",
      "asm: line 3: fn bad arity [1]: pc 0: JMP target 6 outside the code (0..1)");
}

TEST_F(AsmTest, MissingConstant) {
  expect_asm_error(std::string(kHeader) +
                       "     0  LOADK     0 3\n     1  RET       0\n  constants:\n    k0  1\n",
                   "asm: line 3: fn bad arity [1]: pc 0: LOADK constant k3 outside the constant "
                   "pool (1 constants)");
  expect_asm_error(std::string(kHeader) + "     0  RET       0\n",
                   "asm: line 2: arity says constants=1 but lists 0");
}

TEST_F(AsmTest, BadConstants) {
  std::string code = std::string(kHeader) + "     0  RET       0\n  constants:\n";
  expect_asm_error(code + "    k0  (1 2\n", "asm: line 5: constant k0:");
  expect_asm_error(code + "    k0  1 2\n", "asm: line 5: constant k0 is more than one form");
  expect_asm_error(code + "    k1  1\n", "asm: line 5: constant k1 out of order (expected k0)");
  expect_asm_error(code + "    k0  #'nonamespace\n", "bad var");
  expect_asm_error(code + "    k0  <fn missing>\n",
                   "asm: line 5: constant k0 <fn missing>: no `fn missing` block follows");
  expect_asm_error(
      code +
          "    k0  <fn other>\n\nfn wrong  arities=1  upvals=0\narity wrong [0]  framesize=1  "
          "constants=0\n"
          "     0  RET       0\n",
      "asm: line 5: constant k0 <fn other>, but the next fn block (line 7) is `fn wrong`");
  expect_asm_error(
      code +
          "    k0  1\n\nfn extra  arities=1  upvals=0\narity extra [0]  framesize=1  constants=0\n"
          "     0  RET       0\n",
      "asm: line 7: fn block `extra` is not named by any <fn extra> constant");
}

TEST_F(AsmTest, GarbageText) {
  expect_asm_error("", "not a listing");
  expect_asm_error("hello world", "asm: line 1: unrecognized line");
  expect_asm_error("fn", "asm: line 1: expected `fn NAME  arities=N  upvals=U`");
  expect_asm_error("fn f  arities=1  upvals=0\n  0  RET 0\n",
                   "asm: line 2: an instruction outside an `arity` block");
  expect_asm_error("fn f  arities=1  upvals=0\narity f [x]  framesize=1  constants=0\n",
                   "asm: line 2: expected `arity");
  expect_asm_error(std::string(kHeader) + "     1  RET       0\n",
                   "asm: line 3: pc 1 out of order (expected 0)");
  expect_asm_error(
      "fn f  arities=2  upvals=0\narity f [0]  framesize=1  constants=0\n     0  RET 0\n",
      "asm: line 1: fn f says arities=2 but has 1");
  expect_asm_error(
      "fn f  arities=1  upvals=1\narity f [0]  framesize=1  constants=0\n     0  RET 0\n",
      "asm: line 1: fn f says upvals=1 but lists 0");
  expect_asm_error(
      "fn f  arities=2  upvals=0\narity f [0+rest]  framesize=1  constants=0\n     0  RET 0\n"
      "arity f [1+rest]  framesize=2  constants=0\n     0  RET 0\n",
      "asm: line 4: fn f has a second variadic arity");
  expect_asm_error(std::string(kHeader) + "     0  RET 0 @x:y\n",
                   "asm: line 3: bad position `@x:y`");
  expect_asm_error(std::string(1000, '\x01'), "asm: line 1:");
}

TEST_F(AsmTest, BytecodeTheVerifierRejects) {
  // Falls off the end; ENDTRY without TRY; GETUPVAL with no upvalues.
  expect_asm_error(
      std::string(kHeader) + "     0  MOVE      1 0 0\n  constants:\n    k0  1\n",
      "asm: line 3: fn bad arity [1]: pc 0: the last instruction (MOVE) falls through");
  expect_asm_error(
      std::string(kHeader) + "     0  ENDTRY\n     1  RET       0\n  constants:\n    k0  1\n",
      "asm: line 3: fn bad arity [1]: pc 0: ENDTRY with no handler of this frame pushed");
  expect_asm_error(std::string(kHeader) +
                       "     0  GETUPVAL  0 0 0\n     1  RET       0\n  constants:\n    k0  1\n",
                   "GETUPVAL upvalue u0 outside the fn's 0 upvalues");
  expect_asm_error(std::string(kHeader) +
                       "     0  GETVAR    0 0\n     1  RET       0\n  constants:\n    k0  1\n",
                   "GETVAR constant k0 is a java.lang.Long, not a var");
}

}  // namespace
