// End-to-end tests of the compiler through the VM, with only natives and special
// forms loaded (no core library): special forms, closures, tail calls, recur, try,
// inlining and folding, errors with positions.
#include <gtest/gtest.h>

#include "compiler/compiler.h"
#include "runtime/coll/coll.h"
#include "runtime/print/print.h"
#include "api/runtime.h"
#include "runtime/lang/function.h"

namespace clove {
namespace {

class CompilerEval : public ::testing::Test {
 protected:
  Runtime vm{RuntimeOptions{false}};
  std::string eval(const std::string& src) {
    Value v = vm.eval_string(src, "<test>");
    return pr_str(vm, v);
  }
  Diagnostic compile_error(const std::string& src) {
    try {
      vm.eval_string(src, "<test>");
    } catch (const Diagnostic& d) {
      return d;
    }
    ADD_FAILURE() << "no compile error for " << src;
    return Diagnostic(DiagKind::compile_error, {}, "none");
  }
};

TEST_F(CompilerEval, Literals) {
  EXPECT_EQ(eval("1"), "1");
  EXPECT_EQ(eval("nil"), "nil");
  EXPECT_EQ(eval("\"s\""), "\"s\"");
  EXPECT_EQ(eval(":k"), ":k");
  EXPECT_EQ(eval("()"), "()");
  EXPECT_EQ(eval("[1 2 [3]]"), "[1 2 [3]]");
  EXPECT_EQ(eval("'(a b)"), "(a b)");
  EXPECT_EQ(eval("100000"), "100000");
  EXPECT_EQ(eval("1.5"), "1.5");
}

TEST_F(CompilerEval, ArithmeticInlinedAndFolded) {
  EXPECT_EQ(eval("(+ 1 2)"), "3");
  EXPECT_EQ(eval("(def x 5) (+ x 1 2)"), "8");
  EXPECT_EQ(eval("(def x 5) (- x)"), "-5");
  EXPECT_EQ(eval("(def x 5) (> x 3)"), "true");
  EXPECT_EQ(eval("(def x 5) (>= 3 x)"), "false");
  EXPECT_EQ(eval("(def x 5) [(inc x) (dec x) (zero? x) (not x) (= x 5) (== x 5.0) (* x x) (/ x 5)]"),
            "[6 4 false false true true 25 1]");
}

TEST_F(CompilerEval, LetAndFn) {
  EXPECT_EQ(eval("(let* [a 1 b (+ a 1)] [a b])"), "[1 2]");
  EXPECT_EQ(eval("((fn* [a b] (- a b)) 10 3)"), "7");
  EXPECT_EQ(eval("((fn* ([] 0) ([a] a) ([a & r] r)) 1 2 3)"), "(2 3)");
  EXPECT_EQ(eval("(((fn* [x] (fn* [y] [x y])) 1) 2)"), "[1 2]");
  EXPECT_EQ(eval("((((fn* [x] (fn* [y] (fn* [z] [x y z]))) 1) 2) 3)"), "[1 2 3]");
}

TEST_F(CompilerEval, LoopRecurAndSelfTailCalls) {
  EXPECT_EQ(eval("(loop* [i 0 acc 0] (if (< i 10) (recur (inc i) (+ acc i)) acc))"), "45");
  EXPECT_EQ(eval("(loop* [a 1 b 2 n 3] (if (zero? n) [a b] (recur b a (dec n))))"), "[2 1]");
  EXPECT_EQ(eval("(def f (fn* f [n] (if (zero? n) :done (f (dec n))))) (f 100000)"), ":done");
  EXPECT_EQ(eval("((fn* [n acc] (if (zero? n) acc (recur (dec n) (+ acc n)))) 100 0)"), "5050");
}

TEST_F(CompilerEval, TryCatchFinally) {
  EXPECT_EQ(eval("(try (throw (ex-info \"boom\" {})) (catch Exception e :caught))"), ":caught");
  EXPECT_EQ(eval("(try 1 (finally 2))"), "1");
  EXPECT_EQ(eval("(def a 0) (try (try (throw (ex-info \"x\" {})) (finally (def a 5))) (catch :default e a))"), "5");
  EXPECT_EQ(eval("(def b 0) [(try 1 (finally (def b 6))) b]"), "[1 6]");
  EXPECT_EQ(eval("(try (/ 1 0) (catch ArithmeticException e :div) (catch Exception e :other))"), ":div");
  EXPECT_EQ(eval("(let* [x 7] (try (throw (ex-info \"x\" {})) (catch Exception e (+ x 1))))"), "8");
}

TEST_F(CompilerEval, LetfnCaseAndCollections) {
  EXPECT_EQ(eval("(letfn* [ev? (fn* ev? [n] (if (zero? n) true (od? (dec n)))) od? (fn* od? [n] (if (zero? n) false (ev? (dec n))))] (ev? 10))"), "true");
  EXPECT_EQ(eval("(case* 2 :none [1 :one 2 :two])"), ":two");
  EXPECT_EQ(eval("(case* 9 :none [1 :one 2 :two])"), ":none");
  EXPECT_EQ(eval("(let* [x 1] [x {:k x} [x]])"), "[1 {:k 1} [1]]");
}

TEST_F(CompilerEval, SetLiteralWithLocal) { EXPECT_EQ(eval("(let* [x 1] #{x 2})"), "#{1 2}"); }

TEST_F(CompilerEval, BigLiteralsAndCalls) {
  std::string v = "(let* [x 1] (count [";
  for (int i = 0; i < 5000; ++i) v += "x ";
  EXPECT_EQ(eval(v + "]))"), "5000");
  std::string c = "(let* [x 1] (vector";
  for (int i = 0; i < 300; ++i) c += " x";
  EXPECT_EQ(eval("(count " + c + ")))"), "300");
  std::string sum = "(+";
  for (int i = 1; i <= 1000; ++i) sum += " " + std::to_string(i);
  EXPECT_EQ(eval(sum + ")"), "500500");
  std::string live = "(let* [";
  for (int i = 0; i < 300; ++i) live += "a" + std::to_string(i) + " (inc " + std::to_string(i) + ") ";
  live += "] (+";
  for (int i = 0; i < 300; ++i) live += " a" + std::to_string(i);
  EXPECT_EQ(eval(live + "))"), std::to_string(300 * 301 / 2));
}

TEST_F(CompilerEval, UnresolvedSymbolHasItsPosition) {
  Diagnostic d = compile_error("(do 1\n  (foo bar))");
  EXPECT_EQ(d.kind, DiagKind::compile_unresolved_symbol);
  EXPECT_STREQ(d.what(), "Unable to resolve symbol: foo in this context");
  EXPECT_EQ(d.pos.line, 2u);
  EXPECT_EQ(d.pos.col, 4u);
}

TEST_F(CompilerEval, RecurErrors) {
  Diagnostic d = compile_error("(loop* [i 0]\n  (do (recur 1) 2))");
  EXPECT_EQ(d.kind, DiagKind::compile_invalid_recur);
  EXPECT_STREQ(d.what(), "Can only recur from tail position");
  EXPECT_EQ(d.pos.line, 2u);
  EXPECT_EQ(d.pos.col, 7u);
  d = compile_error("(loop* [i 0] (recur 1 2))");
  EXPECT_EQ(d.kind, DiagKind::compile_recur_arity);
  EXPECT_STREQ(d.what(), "Mismatched argument count to recur, expected: 1 args, got: 2");
  d = compile_error("(loop* [] (try (recur)))");
  EXPECT_STREQ(d.what(), "Cannot recur across try");
  d = compile_error("(recur 1)");
  EXPECT_EQ(d.kind, DiagKind::compile_invalid_recur);
}

TEST_F(CompilerEval, BadSpecialForms) {
  EXPECT_EQ(compile_error("(if)").kind, DiagKind::compile_bad_special_form);
  EXPECT_EQ(compile_error("(let* [1 2] 3)").kind, DiagKind::compile_bad_binding);
  EXPECT_EQ(compile_error("(let* [a] 3)").kind, DiagKind::compile_bad_binding);
  EXPECT_EQ(compile_error("(fn* [a 1] a)").kind, DiagKind::compile_bad_binding);
  EXPECT_EQ(compile_error("(try 1 (catch NoSuchClass e 2))").kind, DiagKind::compile_bad_special_form);
  EXPECT_EQ(compile_error("(var nope)").kind, DiagKind::compile_unresolved_symbol);
  EXPECT_EQ(compile_error("(let* [x 1] (set! x 2))").kind, DiagKind::compile_bad_special_form);
  EXPECT_EQ(compile_error("(fn* ([a] 1) ([b] 2))").kind, DiagKind::compile_bad_special_form);
}

TEST_F(CompilerEval, DeepNestingIsAnErrorNotACrash) {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "(do ";
  deep += "1";
  for (int i = 0; i < 100000; ++i) deep += ")";
  try {
    vm.eval_string(deep, "<deep>");
    ADD_FAILURE() << "expected an error";
  } catch (const Diagnostic& d) {
    EXPECT_TRUE(d.kind == DiagKind::compile_too_large || d.kind == DiagKind::reader_too_deep) << d.what();
  }
  // Built by a program rather than read: the compiler's own bound applies.
  Value form = Value::small_int(1);
  RootScope roots(vm.heap);
  size_t slot = roots.push(form);
  for (int i = 0; i < 100000; ++i) {
    Value items[2] = {Value::object(vm.sym("do")), roots[slot]};
    roots[slot] = list_from(vm.heap, items, 2);
  }
  try {
    compile_toplevel(vm, roots[slot]);
    ADD_FAILURE() << "expected an error";
  } catch (const Diagnostic& d) {
    EXPECT_EQ(d.kind, DiagKind::compile_too_large);
  }
}

TEST_F(CompilerEval, DefFlagsAndVarConstant) {
  EXPECT_EQ(eval("(def ^:dynamic *d* 1) (var *d*)"), "#'user/*d*");
  Var* v = vm.resolve_var(vm.current_ns(), vm.sym("*d*"));
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->is_dynamic());
  EXPECT_EQ(eval("(def ^:private p \"doc\" 2) p"), "2");
  EXPECT_TRUE(vm.resolve_var(vm.current_ns(), vm.sym("p"))->is_private());
}

// A Proto lives as long as its function: its tables carry no spare capacity left over
// from emitting (a core library's worth of protos is resident in every VM).
TEST_F(CompilerEval, ProtoTablesHaveNoSpareCapacity) {
  eval("(def f (fn* f [a b] (let* [c (if a b 1) d [c a]] (loop* [i 0 acc d] (if (< i 3) (recur (inc i) [acc i]) acc)))))");
  Var* v = vm.resolve_var(vm.current_ns(), vm.sym("f"));
  ASSERT_TRUE(v && v->root.is_obj());
  auto* c = as<Closure>(v->root);
  ASSERT_TRUE(c);
  ASSERT_FALSE(c->fn->fixed.empty());
  const Proto* p = c->fn->fixed[0];
  EXPECT_FALSE(p->live.empty());
  EXPECT_EQ(p->code.capacity(), p->code.size());
  EXPECT_EQ(p->constants.capacity(), p->constants.size());
  EXPECT_EQ(p->positions.capacity(), p->positions.size());
  EXPECT_EQ(p->locals.capacity(), p->locals.size());
  EXPECT_EQ(p->live.capacity(), p->live.size());
}

}  // namespace
}  // namespace clove
