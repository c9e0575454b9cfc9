// The .clove-only compiler rules (compiler/analyze/clove_mode.h): the shadowing guard
// (SPEC L14) and compile-time unquote (SPEC L3), on a VM with natives only (no core
// library). A .clove load is simulated as Runtime::load_file does it: compiling_clove_file
// set while the source, named "*.clove", is evaluated.
#include <gtest/gtest.h>

#include "compiler/analyze/clove_mode.h"
#include "runtime/print/print.h"
#include "api/runtime.h"

namespace clove {
namespace {

class CloveMode : public ::testing::Test {
 protected:
  Runtime vm{RuntimeOptions{false}};

  std::string eval_in(const std::string& src, const std::string& name, bool clove_file) {
    bool saved = vm.compiling_clove_file;
    vm.compiling_clove_file = clove_file;
    try {
      Value v = vm.eval_string(src, name);
      vm.compiling_clove_file = saved;
      return pr_str(vm, v);
    } catch (...) {
      vm.compiling_clove_file = saved;
      throw;
    }
  }
  std::string clove(const std::string& src) { return eval_in(src, "t.clove", true); }
  std::string clj(const std::string& src) { return eval_in(src, "t.clj", false); }

  Diagnostic clove_error(const std::string& src) {
    try {
      clove(src);
    } catch (const Diagnostic& d) {
      return d;
    }
    ADD_FAILURE() << "no compile error for " << src;
    return Diagnostic(DiagKind::compile_error, {}, "none");
  }
};

TEST(CloveModeNames, GeneratedNames) {
  EXPECT_TRUE(is_generated_name("G__12"));
  EXPECT_TRUE(is_generated_name("vec__3"));
  EXPECT_TRUE(is_generated_name("x__12__auto__"));
  EXPECT_TRUE(is_generated_name("p1__7#"));
  EXPECT_TRUE(is_generated_name("rest__7#"));
  EXPECT_TRUE(is_generated_name("x#"));
  EXPECT_FALSE(is_generated_name("count"));
  EXPECT_FALSE(is_generated_name("a__b"));
  EXPECT_FALSE(is_generated_name("x__"));
  EXPECT_FALSE(is_generated_name("x2"));
  EXPECT_FALSE(is_generated_name(""));
}

TEST_F(CloveMode, LetShadowingACoreVarIsAnErrorAtTheLocal) {
  Diagnostic d = clove_error("(let* [a 1\n       count 2] count)");
  EXPECT_EQ(d.kind, DiagKind::compile_shadowing);
  EXPECT_EQ(d.pos.line, 2u);
  EXPECT_EQ(d.pos.col, 8u);
  std::string msg = d.what();
  EXPECT_NE(msg.find("Local `count` at t.clove:2:8"), std::string::npos) << msg;
  EXPECT_NE(msg.find("#'clojure.core/count"), std::string::npos) << msg;
  EXPECT_NE(msg.find("let-shadow"), std::string::npos) << msg;
}

TEST_F(CloveMode, EveryKindOfLocalIsChecked) {
  EXPECT_EQ(clove_error("(fn* [x first] x)").kind, DiagKind::compile_shadowing);
  EXPECT_EQ(clove_error("(fn* ([] 1) ([a & rest] a))").kind, DiagKind::compile_shadowing);
  EXPECT_EQ(clove_error("(loop* [count 0] count)").kind, DiagKind::compile_shadowing);
  EXPECT_EQ(clove_error("(letfn* [first (fn* [] 1)] (first))").kind, DiagKind::compile_shadowing);
  EXPECT_EQ(clove_error("(try 1 (catch :default str 2))").kind, DiagKind::compile_shadowing);
}

TEST_F(CloveMode, VarOfTheCurrentNamespaceNamesItsDefinition) {
  Diagnostic d = clove_error("(def total 1)\n(let* [total 2] total)");
  EXPECT_EQ(d.kind, DiagKind::compile_shadowing);
  std::string msg = d.what();
  EXPECT_NE(msg.find("#'user/total (defined at t.clove:1:1)"), std::string::npos) << msg;
}

TEST_F(CloveMode, AllowedShadowing) {
  // Names that are not vars, generated names, and symbols marked by let-shadow.
  EXPECT_EQ(clove("(let* [n 1] n)"), "1");
  EXPECT_EQ(clove("(def G__5 1) (let* [G__5 2] G__5)"), "2");
  EXPECT_EQ(clove("(let* [^{:clove/allow-shadow true} count 3] count)"), "3");
  // A fn's own name is not checked (named fns for recursion, like (def f (fn f ...))).
  EXPECT_EQ(clove("((fn* count [x] x) 4)"), "4");
  // Qualified var names never clash with locals.
  EXPECT_EQ(clove("(let* [x 5] x)"), "5");
}

TEST_F(CloveMode, CljFilesKeepClojureBehaviour) {
  EXPECT_EQ(clj("(let* [count 2] count)"), "2");
  EXPECT_EQ(clj("((fn* [first] first) 3)"), "3");
  // A .clj source compiled while a .clove file loads (an embedded library required from
  // it) is not subject to the .clove rules either.
  EXPECT_EQ(eval_in("(let* [count 4] count)", "lib.clj", true), "4");
}

TEST_F(CloveMode, CompileTimeUnquoteIsAConstant) {
  EXPECT_EQ(clove("(def x ~(+ 1 2)) x"), "3");
  EXPECT_EQ(clove("[~(str \"a\" \"b\") ~(vector 1 2)]"), "[\"ab\" [1 2]]");
  // The value is data, not code: a list stays a list.
  EXPECT_EQ(clove("~(list 1 2)"), "(1 2)");
  // Evaluated once, while compiling: the fn returns the same value on every call.
  EXPECT_EQ(clove("(def calls 0) (def f (fn* [] ~(do (def calls (+ calls 1)) calls))) [(f) (f) calls]"),
            "[1 1 1]");
}

TEST_F(CloveMode, CompileTimeUnquoteErrors) {
  // Locals do not exist yet at compile time.
  EXPECT_EQ(clove_error("(let* [a 1] ~a)").kind, DiagKind::compile_unresolved_symbol);
  Diagnostic d = clove_error("(clojure.core/unquote 1 2)");
  EXPECT_EQ(d.kind, DiagKind::compile_bad_special_form);
  d = clove_error("(+ 1\n   ~(throw (ex-info \"boom\" {})))");
  EXPECT_EQ(d.kind, DiagKind::compile_error);
  EXPECT_EQ(d.pos.line, 2u);
  EXPECT_NE(std::string(d.what()).find("boom"), std::string::npos) << d.what();
}

TEST_F(CloveMode, UnquoteOutsideCloveFilesIsNotEvaluated) {
  // Without the core library clojure.core/unquote is not even declared; with it, the
  // call fails at run time (tests/conformance/clove/unquote_in_clj).
  EXPECT_THROW(clj("~(+ 1 2)"), Diagnostic);
  // Quoted unquote forms are data in .clove files too.
  EXPECT_EQ(clove("'~x"), "(clojure.core/unquote x)");
}

}  // namespace
}  // namespace clove
