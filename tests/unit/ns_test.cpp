// Namespaces and loading (SPEC L12) and clojure.test (SPEC T5): require/use/refer
// over files in a temporary load-path root, the errors (missing namespace, missing or
// private var, cyclic load), :refer-clojure :exclude, and clojure.test's results.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <unistd.h>

#include "runtime/coll/coll.h"
#include "eval/loader.h"
#include "runtime/print/print.h"
#include "api/runtime.h"

namespace clove {
namespace {

namespace fs = std::filesystem;

class Ns : public ::testing::Test {
 protected:
  void SetUp() override {
    root = fs::temp_directory_path() / fmt::format("clove_ns_test_{}_{}", ::getpid(), counter++);
    fs::create_directories(root);
    vm.load_path.push_back(root.string());
  }
  void TearDown() override { fs::remove_all(root); }

  void write(const std::string& rel, const std::string& text) {
    fs::path p = root / rel;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
  }
  std::string eval(const std::string& src) { return pr_str(vm, vm.eval_string(src, "<test>")); }
  /// The message of the runtime error `src` raises ("" and a test failure if none).
  std::string error_of(const std::string& src) {
    try {
      vm.eval_string(src, "<test>");
    } catch (const CloveError& e) {
      if (Exception* x = as<Exception>(e.payload)) return x->message ? std::string(x->message->view()) : "";
      return e.what();
    } catch (const Diagnostic& d) {
      return d.what();
    }
    ADD_FAILURE() << "no error for " << src;
    return "";
  }

  Runtime vm;
  fs::path root;
  static inline int counter = 0;
};

TEST_F(Ns, LibResourceMunging) {
  EXPECT_EQ(lib_resource("my.lib-x"), "/my/lib_x");
  EXPECT_EQ(lib_resource("a"), "/a");
}

TEST_F(Ns, RequireAliasReferAndLoadOnce) {
  eval("(def loads (atom 0))");
  write("my/lib_x.clj",
        "(ns my.lib-x) (swap! user/loads inc) (defn f [x] (* 2 x)) (def y 7) (defn- hidden [] 1)");
  EXPECT_EQ(eval("(require '[my.lib-x :as m :refer [y]]) [(m/f 2) y @loads]"), "[4 7 1]");
  EXPECT_EQ(eval("(require 'my.lib-x) (require '[my.lib-x]) @loads"), "1");
  EXPECT_EQ(eval("(require 'my.lib-x :reload) @loads"), "2");
  EXPECT_EQ(eval("(ns-name *ns*)"), "user");  // *ns* restored after loading
  EXPECT_EQ(eval("(contains? (loaded-libs) 'my.lib-x)"), "true");
}

// The user namespace and the core ones are frozen: aliasing or referring a frozen
// namespace's var under a new symbol stores a young key into a frozen map, which the
// barrier must remember (heap.validate checks it), and the alias works after
// collections.
TEST_F(Ns, NewAliasAndReferNamesInFrozenNamespacesSurviveCollection) {
  eval("(require '[clojure.string :as fresh-alias-s :refer [join] :rename {join fresh-join-s}])");
  EXPECT_NO_THROW(vm.heap.validate());
  vm.heap.collect();
  vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  EXPECT_EQ(eval("[(fresh-alias-s/upper-case \"a\") (fresh-join-s \",\" [1 2])]"), "[\"A\" \"1,2\"]");
}

TEST_F(Ns, CljcAndCloveExtensions) {
  write("a/one.cljc", "(ns a.one) (def v #?(:clove :clove :clj :jvm))");
  write("a/two.clove", "(ns a.two) (def v 2)");
  EXPECT_EQ(eval("(require 'a.one 'a.two) [a.one/v a.two/v]"), "[:clove 2]");
}

TEST_F(Ns, PrefixListsAndReferAll) {
  write("p/q.clj", "(ns p.q) (def a 1) (def b 2)");
  write("p/r.clj", "(ns p.r) (def c 3)");
  EXPECT_EQ(eval("(require '(p [q :refer :all] [r :as rr])) [a b rr/c]"), "[1 2 3]");
}

TEST_F(Ns, UseWithOnlyExcludeRename) {
  write("u/v.clj", "(ns u.v) (def a 1) (def b 2) (def c 3)");
  EXPECT_EQ(eval("(use '[u.v :only [a] :rename {a aa}]) aa"), "1");
  EXPECT_EQ(eval("(ns user2) (use '[u.v :exclude [a]]) [b c]"), "[2 3]");
  EXPECT_NE(error_of("(ns user3) (use '[u.v :exclude [a]]) a").find("Unable to resolve symbol: a"), std::string::npos);
}

TEST_F(Ns, MissingNamespaceNamesFilesAndRoots) {
  std::string msg = error_of("(require 'no.such-lib)");
  EXPECT_NE(msg.find("Could not locate no/such_lib.clj, no/such_lib.cljc or no/such_lib.clove"), std::string::npos)
      << msg;
  EXPECT_NE(msg.find(root.string()), std::string::npos) << msg;
}

TEST_F(Ns, MissingAndPrivateReferredVars) {
  write("m/n.clj", "(ns m.n) (def a 1) (defn- p [] 2)");
  EXPECT_EQ(error_of("(require '[m.n :refer [zz]])"), "zz does not exist");
  EXPECT_EQ(error_of("(require '[m.n :refer [p]])"), "p is not public");
}

TEST_F(Ns, PrivateVarUsedQualifiedIsACompileErrorWithPosition) {
  write("m/priv.clj", "(ns m.priv) (defn- p [] 2) (def ^:private q 3) (defn pub [] (p))");
  eval("(require 'm.priv)");
  try {
    vm.eval_string("(+ 1\n   (m.priv/p))", "<test>");
    FAIL() << "no error";
  } catch (const Diagnostic& d) {
    EXPECT_NE(std::string(d.what()).find("var: #'m.priv/p is not public"), std::string::npos) << d.what();
    EXPECT_EQ(d.pos.line, 2u);
  }
  EXPECT_NE(error_of("m.priv/q").find("var: #'m.priv/q is not public"), std::string::npos);
  EXPECT_EQ(eval("(m.priv/pub)"), "2");              // fine from inside its namespace
  EXPECT_EQ(eval("(#'m.priv/p)"), "2");              // (var ...) reaches private vars, as in Clojure
}

TEST_F(Ns, CyclicLoadIsAnErrorNamingTheChainAndFiles) {
  write("cyc/a.clj", "(ns cyc.a (:require cyc.b))");
  write("cyc/b.clj", "(ns cyc.b (:require cyc.a))");
  std::string msg = error_of("(require 'cyc.a)");
  EXPECT_NE(msg.find("Cyclic load dependency: [ /cyc/a ]->/cyc/b->[ /cyc/a ]"), std::string::npos) << msg;
  EXPECT_NE(msg.find("cyc/a.clj -> "), std::string::npos) << msg;
  EXPECT_NE(msg.find("cyc/b.clj"), std::string::npos) << msg;
  EXPECT_EQ(eval("(ns-name *ns*)"), "user");
  EXPECT_TRUE(vm.pending_loads.empty());
}

TEST_F(Ns, NamespaceNotFoundAfterLoading) {
  write("wrong/name.clj", "(ns something.else)");
  EXPECT_EQ(error_of("(require 'wrong.name)"), "namespace 'wrong.name' not found after loading '/wrong/name'");
}

TEST_F(Ns, ReferClojureExclude) {
  EXPECT_EQ(eval("(ns ex1 (:refer-clojure :exclude [inc])) (defn inc [x] (+ x 10)) (inc 1)"), "11");
  EXPECT_NE(error_of("(ns ex2 (:refer-clojure :exclude [dec])) (dec 1)").find("Unable to resolve symbol: dec"),
            std::string::npos);
  EXPECT_EQ(eval("(clojure.core/dec 1)"), "0");  // qualified use still works
  EXPECT_EQ(eval("(ns ex3 (:refer-clojure :only [+])) (+ 1 2)"), "3");
  EXPECT_EQ(eval("(clojure.core/ns ex4 (:refer-clojure :rename {inc plus1})) (plus1 1)"), "2");
  EXPECT_NE(error_of("(inc 1)").find("Unable to resolve symbol: inc"), std::string::npos);
}

TEST_F(Ns, NsDocstringAndAttrMap) {
  EXPECT_EQ(eval("(ns doc.me \"The doc.\" {:author \"x\"}) (:doc (meta *ns*))"), "\"The doc.\"");
  EXPECT_EQ(eval("(:author (meta (the-ns 'doc.me)))"), "\"x\"");
}

TEST_F(Ns, NamespaceFunctions) {
  EXPECT_EQ(eval("(in-ns 'n.one) (def v 1) (clojure.core/in-ns 'user) (ns-name (the-ns 'n.one))"), "n.one");
  EXPECT_EQ(eval("[(some? (find-ns 'n.one)) (find-ns 'n.none)]"), "[true nil]");
  EXPECT_EQ(error_of("(the-ns 'n.none)"), "No namespace: n.none found");
  EXPECT_EQ(eval("(alias 'o 'n.one) o/v"), "1");
  EXPECT_EQ(eval("[(ns-resolve 'n.one 'v) (resolve 'o/v) (find-var 'n.one/v) (find-var 'n.one/zz)]"),
            "[#'n.one/v #'n.one/v #'n.one/v nil]");
  EXPECT_EQ(eval("(ns-resolve 'n.one '{v 1} 'v)"), "nil");
  EXPECT_EQ(eval("(intern 'n.one 'w 5) n.one/w"), "5");
  EXPECT_EQ(eval("(alter-var-root #'n.one/w + 10) n.one/w"), "15");
  EXPECT_EQ(eval("(vec (sort (keys (ns-interns 'n.one))))"), "[v w]");
  EXPECT_EQ(eval("(create-ns 'n.two) (some #(= 'n.two (ns-name %)) (all-ns))"), "true");
  EXPECT_EQ(eval("(contains? (ns-refers 'n.one) 'map)"), "true");
  EXPECT_EQ(eval("(get (ns-aliases *ns*) 'o)"), pr_str(vm, Value::object(vm.find_ns(vm.sym("n.one")))));
}

TEST_F(Ns, LoadAndLoadFile) {
  write("lf/x.clj", "(ns lf.x) (def z 9) (load \"y\")");
  write("lf/y.clj", "(in-ns 'lf.x) (def w 10)");
  EXPECT_EQ(eval("(require 'lf.x) [lf.x/z lf.x/w]"), "[9 10]");
  write("plain.clj", "(ns plain.file) (def q 3) :done");
  EXPECT_EQ(eval(fmt::format("(load-file \"{}\")", (root / "plain.clj").string())), ":done");
  EXPECT_EQ(eval("[plain.file/q (ns-name *ns*)]"), "[3 user]");
  EXPECT_NE(error_of("(load-file \"/no/such/file.clj\")").find("/no/such/file.clj (No such file or directory)"),
            std::string::npos);
}

TEST_F(Ns, BadLibspecs) {
  EXPECT_NE(error_of("(require \"str\")").find("a libspec is a symbol, a vector or a prefix list"), std::string::npos);
  EXPECT_NE(error_of("(require '[clojure.string :bogus 1])").find("Unsupported option(s) supplied: :bogus"),
            std::string::npos);
  EXPECT_NE(error_of("(require '(clojure [a.b]))").find("lib names inside prefix lists must not contain periods"),
            std::string::npos);
  EXPECT_NE(error_of("(ns bad.clause (:requires x))").find("unsupported reference :requires"), std::string::npos);
}

TEST_F(Ns, AsAliasDoesNotLoadButALaterRequireDoes) {
  write("al/lib.clj", "(ns al.lib) (def v 1)");
  EXPECT_EQ(eval("(require '[al.lib :as-alias al]) [(some? (find-ns 'al.lib)) ::al/k]"), "[true :al.lib/k]");
  EXPECT_EQ(eval("(find-var 'al.lib/v)"), "nil");
  EXPECT_EQ(eval("(require 'al.lib) al/v"), "1");
}

TEST_F(Ns, ClojureTestIsLoadedLazily) {
  EXPECT_EQ(vm.find_ns(vm.sym("clojure.test")), nullptr);
  eval("(require 'clojure.test)");
  EXPECT_NE(vm.find_ns(vm.sym("clojure.test")), nullptr);
}

TEST_F(Ns, ClojureTestCountsAndReports) {
  eval("(ns t.one (:require [clojure.test :refer [deftest is are testing run-tests]]))");
  eval(
      "(deftest ok (is (= 1 1)) (are [x y] (= x y) 1 1 2 2))\n"
      "(deftest bad (testing \"ctx\" (is (= 1 2) \"msg\")))\n"
      "(deftest boom (is (throw (ex-info \"b\" {}))))");
  std::string out;
  vm.set_out([&out](std::string_view s) { out += s; });
  std::string summary = eval("(run-tests)");
  vm.set_out(nullptr);
  EXPECT_EQ(summary, "{:test 3, :pass 3, :fail 1, :error 1, :type :summary}");
  EXPECT_NE(out.find("\nTesting t.one\n"), std::string::npos) << out;
  EXPECT_NE(out.find("FAIL in (bad) (<test>:2)\nctx\nmsg\nexpected: (= 1 2)\n  actual: (not (= 1 2))\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("ERROR in (boom) (<test>:3)"), std::string::npos) << out;
  EXPECT_NE(out.find("Ran 3 tests containing 5 assertions.\n1 failures, 1 errors.\n"), std::string::npos) << out;
}

TEST_F(Ns, AssertExprIsExtensible) {
  eval("(ns t.two (:require [clojure.test :as t]))");
  eval("(defmethod t/assert-expr 'always-yes [msg form] `(t/do-report {:type :pass :message ~msg}))");
  eval("(t/deftest ext (t/is (always-yes 1 2 3)))");
  std::string out;
  vm.set_out([&out](std::string_view s) { out += s; });
  std::string summary = eval("(t/run-tests)");
  vm.set_out(nullptr);
  EXPECT_EQ(summary, "{:test 1, :pass 1, :fail 0, :error 0, :type :summary}") << out;
}

// A var's watches and validator live in State::var_refs (kFlagWatched on the var): the
// collector keeps them alive, def compiled after add-watch runs them (-bind-root!), and
// removing the last of them clears the flag, so def is a plain SETVAR again.
TEST_F(Ns, VarWatchesSurviveCollectionAndLeaveNoTrace) {
  eval("(def vw-log (atom [])) (def vw 1)");
  eval("(add-watch #'vw :k (let [tag (str \"w\" 1)] (fn [k r o n] (swap! vw-log conj [tag o n]))))");
  Var* v = vm.resolve_var(vm.current_ns(), vm.sym("vw"));
  ASSERT_NE(v, nullptr);
  EXPECT_TRUE(v->flags & kFlagWatched);
  vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  eval("(alter-var-root #'vw inc)");
  eval("(def vw 7)");
  EXPECT_EQ(eval("@vw-log"), "[[\"w1\" 1 2] [\"w1\" 2 7]]");
  eval("(remove-watch #'vw :k)");
  EXPECT_FALSE(v->flags & kFlagWatched);
  EXPECT_EQ(vm.var_refs.count(v), 0u);
  eval("(def vw 8)");
  EXPECT_EQ(eval("[vw (count @vw-log)]"), "[8 2]");
  // What def compiles to for a watched var refuses anything but a var.
  EXPECT_EQ(eval("(try (clojure.core/-bind-root! 1 2) (catch ClassCastException e (ex-message e)))"),
            "\"-bind-root!: class java.lang.Long cannot be cast to class clojure.lang.Var\"");
}

}  // namespace
}  // namespace clove
