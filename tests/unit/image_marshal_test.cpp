// image_marshal_test.cpp: marshal and images (SPEC E7) seen from C++: corrupt input
// never crashes (every prefix and every one-byte change of real encodings), values made
// by unmarshal survive collections, natives go by registered name only, and the core
// library's namespace image gives a VM the same namespaces as compiling the sources.
// The Clove-level round trips are tests/conformance/marshal/.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <bit>
#include <set>
#include <string>

#include "api/runtime.h"
#include "compiler/disasm.h"
#include "core/error.h"
#include "image/image.h"
#include "image/marshal.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/function.h"
#include "runtime/lang/host_class.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "runtime/text/string.h"

using namespace clove;

namespace {

class Marshal : public ::testing::Test {
 public:
  Runtime vm;
  Value eval(const std::string& src) { return vm.eval_string(src, "<test>"); }
  std::string bytes_of(const std::string& src) { return marshal(vm, eval(src)); }
  /// Unmarshals `bytes`: true for a value, false for a clean error. Corrupt data is an
  /// IllegalArgumentException; data that is well formed but runs Clove code while it is
  /// built (a sorted set's comparator changed into a keyword) may fail as that code fails.
  bool reads(std::string_view bytes) {
    try {
      RootScope scope(vm.heap);
      scope.push(unmarshal(vm, bytes));
      return true;
    } catch (const CloveError&) {
      return false;
    }
  }
  /// reads(), expecting the clean error to be unmarshal's own.
  bool reads_or_rejects(std::string_view bytes) {
    try {
      RootScope scope(vm.heap);
      scope.push(unmarshal(vm, bytes));
      return true;
    } catch (const CloveError& e) {
      EXPECT_EQ(e.kind, ErrorKind::IllegalArgumentException) << e.what();
      EXPECT_EQ(std::string(e.what()).rfind("unmarshal: ", 0), 0u) << e.what();
      return false;
    }
  }
};

const char* const kSamples[] = {
    "[1 \"two\" :three 'four 5.5 \\6 7N 8/9 1.5M nil true]",
    "{:a [1 2] :b #{3 4} :c (list 5 6) :d (sorted-map 1 2)}",
    "(let [x 10] (fn f ([y] (+ x y)) ([y & zs] (apply f y zs))))",
    "(let [a (atom nil)] (reset! a [a (delay 1) (lazy-seq [2])]) a)",
    "(doall (map inc (range 40)))",
    "(fn [x] (try (case x 1 :one :other) (catch Exception e (ex-message e)) (finally nil)))",
    "(reify clojure.lang.ILookup (valAt [_ k] k) (valAt [_ k nf] nf) clojure.lang.Counted (count [_] 2))",
    "(do (deftype MarshalT [n] clojure.lang.Counted (count [_] n) clojure.lang.IFn (invoke [_ x] [n x])) (->MarshalT 3))",
    "[(float 0.1) (float -0.0) (float ##NaN) (float-array [1.5 2.5]) {(float 1) 2.0}]",
    "[String (class 1) clojure.lang.IFn (class (long-array 0)) {Long :l} (into-array String [\"a\"])]",
    "(let [v (vec (range 40))] [(subvec v 1 35) (with-meta (subvec v 33) {:m 1}) (seq (subvec v 2 4))])",
};

// A deftype implementing interfaces, unmarshaled in a VM that never defined it, keeps
// its interfaces (kRecordTypeIfaces), as a reify does (kReifyIfaces).
TEST(MarshalInterfaces, ATypeKeepsItsInterfacesInAnotherVM) {
  std::string bytes;
  {
    Runtime a;
    bytes = marshal(a, a.eval_string("(deftype MarshalU [xs] clojure.lang.Counted (count [_] (count xs))"
                                      " clojure.lang.Indexed (nth [_ i] (nth xs i)) (nth [_ i nf] (nth xs i nf)))"
                                      "[(->MarshalU [:a :b :c]) (reify clojure.lang.IDeref (deref [_] :d))]",
                                      "<test>"));
  }
  Runtime b;
  Value v = unmarshal(b, bytes);
  b.permanent.push_back(v);
  Value t = nth(b, v, 0), r = nth(b, v, 1);
  EXPECT_EQ(count(b, t), 3);
  EXPECT_EQ(pr_str(b, nth(b, t, 1)), ":b");
  EXPECT_TRUE(is_counted(t));
  EXPECT_TRUE(has_traits(r, trait::IDeref));
  b.permanent.push_back(r);
  EXPECT_EQ(pr_str(b, b.call(b.eval_string("deref", "<test>"), {r})), ":d");
}

/// Every proper prefix of `bytes` is unmarshal's clean error.
void every_prefix_rejected(Marshal& m, const std::string& bytes) {
  for (size_t n = 0; n < bytes.size(); ++n)
    EXPECT_FALSE(m.reads_or_rejects(std::string_view(bytes).substr(0, n))) << n;
}

/// Every change of one byte of `bytes` (by +1, +0x80, +0xFF) reads or is a clean
/// error, and the heap is sound afterwards.
void every_change_survived(Marshal& m, const std::string& bytes) {
  for (size_t i = 0; i < bytes.size(); ++i)
    for (int delta : {1, 0x80, 0xFF}) {
      std::string bad = bytes;
      bad[i] = static_cast<char>(bad[i] + delta);
      m.reads(bad);
    }
  m.vm.heap.collect();
  EXPECT_NO_THROW(m.vm.heap.validate());
}

TEST_F(Marshal, EveryPrefixIsACleanError) {
  for (const char* src : kSamples) {
    SCOPED_TRACE(src);
    std::string bytes = bytes_of(src);
    ASSERT_TRUE(reads(bytes));
    every_prefix_rejected(*this, bytes);
  }
}

TEST_F(Marshal, EveryOneByteChangeReadsOrIsACleanError) {
  for (const char* src : kSamples) {
    SCOPED_TRACE(src);
    every_change_survived(*this, bytes_of(src));
  }
}

// A class value (kClass) comes back as the reading VM's own object of that name: in
// data, as a map key and as a constant of compiled code, in the same VM and in another.
TEST_F(Marshal, ClassesComeBackAsTheInternedClass) {
  std::string bytes = bytes_of(
      "(do (defmacro marshal-class-const [] (class 1))"
      "    [String (class (long-array 0)) {clojure.lang.IFn :f} (fn [] (marshal-class-const))])");
  auto check = [&](Runtime& in) {
    RootScope scope(in.heap);
    size_t slot = scope.push(unmarshal(in, bytes));
    in.heap.collect();
    Value v = scope[slot];
    EXPECT_EQ(nth(in, v, 0).as_obj(), class_named(in, "java.lang.String").as_obj());
    EXPECT_EQ(nth(in, v, 1).as_obj(), class_named(in, "[J").as_obj());
    EXPECT_EQ(pr_str(in, get(in, nth(in, v, 2), class_named(in, "clojure.lang.IFn"))), ":f");
    Value from_code = in.call(nth(in, v, 3), {});
    EXPECT_EQ(from_code.as_obj(), class_named(in, "java.lang.Long").as_obj());
    EXPECT_EQ(from_code.as_obj(), in.eval_string("Long", "<test>").as_obj());
  };
  check(vm);
  Runtime other;
  check(other);
}

// A class name the reading VM does not know is unmarshal's clean error.
TEST_F(Marshal, AnUnknownClassNameIsRejected) {
  std::string bytes = bytes_of("java.util.UUID");
  size_t at = bytes.find("java.util.UUID");
  ASSERT_NE(at, std::string::npos);
  bytes[at + 10] = 'X';  // java.util.XUID
  EXPECT_FALSE(reads_or_rejects(bytes));
  every_prefix_rejected(*this, bytes_of("[Long clojure.lang.ISeq]"));
}

// A Float (kFloat: 4 bytes after the tag) comes back a Float with the same bits, NaN
// and -0.0 included; a float array's elements come back Floats.
TEST_F(Marshal, FloatsComeBackAsFloats) {
  for (const char* src : {"(float 0.1)", "(float -0.0)", "(float ##NaN)", "(unchecked-float 1e300)", "(float 1.4e-45)"}) {
    SCOPED_TRACE(src);
    RootScope roots(vm.heap);
    Value v = roots[roots.push(eval(src))];
    std::string bytes = marshal(vm, v);
    ASSERT_EQ(bytes.size(), 10u + 1 + 4);  // header, kFloat, the float's bits
    EXPECT_EQ(static_cast<uint8_t>(bytes[10]), 7);
    Value r = unmarshal(vm, bytes);
    ASSERT_TRUE(is_float(r));
    EXPECT_EQ(std::bit_cast<uint32_t>(as_float(r)), std::bit_cast<uint32_t>(as_float(v)));
  }
  RootScope scope(vm.heap);
  size_t arr = scope.push(unmarshal(vm, bytes_of("(float-array [0.1 2])")));
  size_t f = scope.push(eval("(fn [a] [(vec a) (map class a)])"));
  EXPECT_EQ(pr_str(vm, vm.call(scope[f], {scope[arr]})), "[[0.1 2.0] (java.lang.Float java.lang.Float)]");
}

TEST_F(Marshal, ValuesSurviveCollections) {
  std::string bytes = bytes_of(kSamples[3]);
  RootScope scope(vm.heap);
  size_t slot = scope.push(unmarshal(vm, bytes));
  vm.heap.collect();
  vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  Value a = scope[slot];
  EXPECT_EQ(pr_str(vm, vm.call(eval("(fn [a] [(identical? a (first @a)) (force (second @a)) (seq (nth @a 2))])"),
                               {a})),
            "[true 1 (2)]");
}

// A fiber that caught the :budget signal itself stops at a poll point of a closure: it
// is written with that pc, and the copy goes on from there to the same result.
TEST_F(Marshal, ABudgetPausedFiberGoesOnWhereItStopped) {
  eval("(require '[clove.marshal :as m])"
       "(def f (fiber/new (fn [n] (loop [i 0 acc []] (if (< i n) (recur (inc i) (conj acc (* i i))) (reduce + acc))))"
       "                  #{:budget}))");
  vm.set_budget(20000);
  Value r = eval("(fiber/resume f 50000)");
  vm.set_budget(State::kUnlimited);
  ASSERT_TRUE(r.is_nil());
  ASSERT_EQ(pr_str(vm, eval("(fiber/status f)")), ":pending");
  std::string bytes = marshal(vm, eval("f"));
  for (size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(reads_or_rejects(std::string_view(bytes).substr(0, n))) << n;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string bad = bytes;
    bad[i] = static_cast<char>(bad[i] + 1);
    reads(bad);
  }
  eval("(def g (m/unmarshal (m/marshal f)))");
  vm.heap.collect();
  EXPECT_EQ(pr_str(vm, eval("[(fiber/status g) (fiber/resume g) (fiber/status g) (fiber/resume f)]")),
            "[:pending 41665416675000 :dead 41665416675000]");
}

TEST_F(Marshal, AFiberInsideBindingKeepsItsBindings) {
  eval("(require '[clove.marshal :as m]) (def ^:dynamic *d* 0)"
       "(def f (fiber/new (fn [] (binding [*d* 1] (binding [*d* 2] (fiber/yield *d*)) *d*))))");
  ASSERT_EQ(pr_str(vm, eval("(fiber/resume f)")), "2");
  std::string bytes = marshal(vm, eval("f"));
  for (size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(reads_or_rejects(std::string_view(bytes).substr(0, n))) << n;
  for (size_t i = 0; i < bytes.size(); ++i)
    for (int delta : {1, 0x40, 0x80}) {
      std::string bad = bytes;
      bad[i] = static_cast<char>(bad[i] + delta);
      reads(bad);
    }
  vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  EXPECT_EQ(pr_str(vm, eval("(let [g (m/unmarshal (m/marshal f))] [(fiber/resume g) (fiber/resume f) *d*])")), "[1 1 0]");
}

/// Changes each byte of `bytes` by each delta in turn: the result must fail to read with
/// a Clove error, or read as a value that, if it is a fiber, resumes (up to 10 times,
/// under a budget, since the changed code may loop) to its end or to a Clove error.
void resume_each_change(Runtime& vm, const std::string& bytes, std::initializer_list<int> deltas) {
  RootScope scope(vm.heap);
  size_t resume = scope.push(vm.eval_string(
      "(fn [f] (loop [i 0] (when (and (< i 10) (= :pending (fiber/status f))) (fiber/resume f i) (recur (inc i)))))",
      "<test>"));
  for (size_t i = 0; i < bytes.size(); ++i)
    for (int delta : deltas) {
      std::string bad = bytes;
      bad[i] = static_cast<char>(bad[i] + delta);
      try {
        Value f = unmarshal(vm, bad);
        scope.push(f);
        vm.set_budget(200000);
        if (is<Fiber>(f)) vm.call(scope[resume], {f});
      } catch (const CloveError&) {
      }
    }
  vm.set_budget(State::kUnlimited);
}

// Fibers suspended while a native waits in call_then: every prefix is a clean error,
// and every one-byte change either fails to read or gives a fiber whose resumption
// ends normally or with a Clove error (the continuations check what they cast). The
// changed code may redefine anything, so each fiber gets a VM of its own.
TEST(MarshalFibers, FibersWaitingInNativesSurviveCorruption) {
  const char* const fibers[] = {
      "(let [f (fiber/new (fn [] (doall (map (fn [x] (fiber/yield x)) [1 2 3]))))] (fiber/resume f) f)",
      "(let [a (atom 1) f (fiber/new (fn [] (swap! a (fn [x] (+ x (fiber/yield x))))))] (fiber/resume f) f)",
      "(let [f (fiber/new (fn [] (let [d (delay (fiber/yield 1) 2)] (force d))))] (fiber/resume f) f)",
      "(let [f (fiber/new (fn [] (count (map (fn [x] (fiber/yield x)) (range 3)))))] (fiber/resume f) f)",
  };
  for (const char* src : fibers) {
    SCOPED_TRACE(src);
    Runtime vm;
    std::string bytes = marshal(vm, vm.eval_string(src, "<test>"));
    for (size_t n = 0; n < bytes.size(); ++n) EXPECT_THROW(unmarshal(vm, std::string_view(bytes).substr(0, n)), CloveError);
    resume_each_change(vm, bytes, {1, 0x80});
    vm.heap.collect();
    EXPECT_NO_THROW(vm.heap.validate());
  }
}

TEST_F(Marshal, ABudgetPausedChainOfFibersGoesOnInTheInnermost) {
  // outer (which catches :budget) resumed mid, which resumed inner; the budget ran out in
  // inner, so all three are paused, linked child to resumer. The copy goes on inside
  // its own inner and returns through mid to outer, as the original does.
  eval("(require '[clove.marshal :as m])"
       "(def outer (fiber/new (fn [] [:outer (fiber/resume (fiber/new (fn [] [:mid (fiber/resume (fiber/new (fn []"
       "  (loop [i 0 acc 0] (if (< i 100000) (recur (inc i) (+ acc i)) acc)))))])))]) #{:budget}))");
  vm.set_budget(5000);
  ASSERT_TRUE(eval("(fiber/resume outer)").is_nil());
  vm.set_budget(State::kUnlimited);
  ASSERT_EQ(pr_str(vm, eval("(fiber/status outer)")), ":pending");
  std::string bytes = marshal(vm, eval("outer"));
  for (size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(reads_or_rejects(std::string_view(bytes).substr(0, n))) << n;
  resume_each_change(vm, bytes, {1, 0x20, 0x80});
  eval("(def copy (m/unmarshal (m/marshal outer)))");
  vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  EXPECT_EQ(pr_str(vm, eval("[(fiber/status copy) (fiber/resume copy) (fiber/status copy) (fiber/resume outer)]")),
            "[:pending [:outer [:mid 4999950000]] :dead [:outer [:mid 4999950000]]]");
  // A copy paused again by the budget, then copied again, still goes on.
  eval("(def o2 (fiber/new (fn [] [:outer (fiber/resume (fiber/new (fn [] [:mid (fiber/resume (fiber/new (fn []"
       "  (loop [i 0 acc 0] (if (< i 100000) (recur (inc i) (+ acc i)) acc)))))])))]) #{:budget}))");
  vm.set_budget(5000);
  ASSERT_TRUE(eval("(fiber/resume o2)").is_nil());
  vm.set_budget(State::kUnlimited);
  eval("(def c2 (m/unmarshal (m/marshal o2)))");
  vm.set_budget(5000);
  ASSERT_TRUE(eval("(fiber/resume c2)").is_nil());
  vm.set_budget(State::kUnlimited);
  EXPECT_EQ(pr_str(vm, eval("(let [c3 (m/unmarshal (m/marshal c2))] [(fiber/resume c3) (fiber/status c2)])")),
            "[[:outer [:mid 4999950000]] :pending]");
}

TEST_F(Marshal, AFiberUnderAFunctionWithSpillSlotsGoesOn) {
  // 300 locals live across the yield: the function's frame has spill slots, and its
  // CALL places the callee (the yield) above its last slot.
  std::string binds, sum;
  for (int i = 0; i < 300; ++i) {
    binds += " a" + std::to_string(i) + " (+ x " + std::to_string(i) + ")";
    sum += " a" + std::to_string(i);
  }
  eval("(require '[clove.marshal :as m])"
       "(def f (fiber/new (fn [x] (let [" + binds + "] (fiber/yield :paused) (+" + sum + ")))))");
  ASSERT_EQ(pr_str(vm, eval("(fiber/resume f 1)")), ":paused");
  std::string bytes = marshal(vm, eval("f"));
  for (size_t n = 0; n < bytes.size(); n += 7) EXPECT_FALSE(reads_or_rejects(std::string_view(bytes).substr(0, n))) << n;
  eval("(def g (m/unmarshal (m/marshal f)))");
  vm.heap.collect();
  EXPECT_EQ(pr_str(vm, eval("[(fiber/resume g) (fiber/status g) (fiber/resume f)]")), "[45150 :dead 45150]");
}

// A closure called by CALL1 ((g x) with g a local) has its frame above all of its
// caller's registers, as an out-of-line call's: a fiber suspended inside it is read
// back with that layout and goes on to the same result.
TEST_F(Marshal, AFiberInsideAOneArgumentCallOfALocalGoesOn) {
  eval("(require '[clove.marshal :as m])"
       "(def f (fiber/new (fn [x] (let [g (fn [y] (* 10 (fiber/yield y)))] (+ 1 (g x))))))");
  ASSERT_EQ(pr_str(vm, eval("(fiber/resume f 4)")), "4");
  std::string bytes = marshal(vm, eval("f"));
  for (size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(reads_or_rejects(std::string_view(bytes).substr(0, n))) << n;
  eval("(def g (m/unmarshal (m/marshal f)))");
  vm.heap.collect();
  EXPECT_EQ(pr_str(vm, eval("[(fiber/resume g 5) (fiber/status g) (fiber/resume f 6)]")), "[51 :dead 61]");
}

// LEAFCALL calls its var out of line when the var no longer holds a leaf: a fiber
// suspended in the fn it holds now reads back with that frame layout and goes on.
TEST_F(Marshal, AFiberInsideALeafCallOfARedefinedVarGoesOn) {
  eval("(require '[clove.marshal :as m])"
       "(defn t [x] (if (ratio? x) :ratio :not))"  // a LEAFCALL of ratio?
       "(alter-var-root #'clojure.core/ratio? (constantly (fn [x] (fiber/yield x))))"
       "(def f (fiber/new (fn [x] (t x))))");
  ASSERT_EQ(pr_str(vm, eval("(fiber/resume f 4)")), "4");
  std::string bytes = marshal(vm, eval("f"));
  for (size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(reads_or_rejects(std::string_view(bytes).substr(0, n))) << n;
  eval("(def g (m/unmarshal (m/marshal f)))");
  vm.heap.collect();
  EXPECT_EQ(pr_str(vm, eval("[(fiber/resume g true) (fiber/status g) (fiber/resume f false)]")), "[:ratio :dead :not]");
}

TEST_F(Marshal, NativesGoByRegisteredName) {
  EXPECT_EQ(unmarshal(vm, bytes_of("str")), eval("str"));
  // A native made outside def_native has no name to be found by.
  Native* n = vm.heap.make<Native>([](State&, Args) { return Value::nil(); }, make_string(vm.heap, "user/anon"), "",
                                   "", 0, 0);
  try {
    marshal(vm, Value::object(n));
    FAIL() << "marshalled a native without a registered name";
  } catch (const CloveError& e) {
    EXPECT_NE(std::string(e.what()).find("without a registered name"), std::string::npos) << e.what();
  }
  // Reading a name this VM lacks is an error naming it.
  std::string bytes = bytes_of("str");
  size_t at = bytes.find("clojure.core/str");
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at, 16, "clojure.core/stz");
  try {
    unmarshal(vm, bytes);
    FAIL() << "read an unknown native";
  } catch (const CloveError& e) {
    EXPECT_NE(std::string(e.what()).find("no native named clojure.core/stz"), std::string::npos) << e.what();
  }
}

// find_native answers from the var of the name when its root is the registry's entry,
// and from the registry otherwise (a var rebound to a copy, a native defined again);
// a name nobody defined interns nothing.
TEST_F(Marshal, FindNativeAgreesWithTheRegistry) {
  Value str = eval("str");
  EXPECT_EQ(vm.find_native("clojure.core/str"), str.as_obj());
  EXPECT_EQ(vm.find_native("clojure.core//"), eval("clojure.core//").as_obj());
  // The var holds a with-meta copy (same name, not registered): the registry's entry.
  eval("(alter-var-root #'clojure.core/str (fn [f] (with-meta f {:copy true})))");
  EXPECT_NE(eval("str"), str);
  EXPECT_EQ(vm.find_native("clojure.core/str"), str.as_obj());
  // Defined again: the new native, and the old one is no longer the entry.
  Var* v = vm.def_native("clojure.core", "str", [](State&, Args) { return Value::nil(); }, 0, -1, "", "");
  EXPECT_EQ(vm.find_native("clojure.core/str"), v->root.as_obj());
  EXPECT_EQ(vm.natives.find("clojure.core/str"), v->root.as_obj());
  EXPECT_EQ(str.as_obj()->flags & kFlagRegistered, 0);
  // Unknown names: nullptr, and nothing interned on the way.
  EXPECT_EQ(vm.find_native("no.such.ns/no-such-native"), nullptr);
  EXPECT_EQ(vm.names.find_symbol({}, "no.such.ns"), nullptr);
  EXPECT_EQ(vm.names.find_symbol({}, "no-such-native"), nullptr);
  EXPECT_EQ(vm.find_native("noslash"), nullptr);
  EXPECT_EQ(vm.find_native("/x"), nullptr);
  EXPECT_EQ(vm.find_native("x/"), nullptr);
}

/// The names of every var of every namespace, as "ns/name".
std::set<std::string> all_vars(Runtime& vm) {
  std::set<std::string> out;
  for (auto& [name, ns] : vm.namespaces())
    for (auto& [sym, var] : ns->mappings)
      if (var->ns == ns) out.insert(std::string(ns->name->name_view()) + "/" + std::string(sym->name_view()));
  return out;
}

TEST(NamespaceImage, TheCoreImageGivesTheSameNamespacesAsTheSources) {
  Runtime from_image;
  RuntimeOptions opts;
  opts.use_core_image = false;
  Runtime from_source(opts);
  EXPECT_EQ(all_vars(from_image), all_vars(from_source));
  EXPECT_GT(all_vars(from_image).size(), 900u);
  for (const char* src : {"(map inc [1 2 3])", "(macroexpand '(when a b))", "(str (->> (range 10) (filter odd?)))",
                          "(meta #'clojure.core/map)", "(:arglists (meta #'clojure.core/reduce))"}) {
    SCOPED_TRACE(src);
    EXPECT_EQ(pr_str(from_image, from_image.eval_string(src, "<test>")),
              pr_str(from_source, from_source.eval_string(src, "<test>")));
  }
}

TEST(NamespaceImage, SavedNamespacesLoadIntoAnotherVm) {
  Runtime a;
  a.eval_string("(ns img.test) (defn sq [x] (* x x)) (def ^:dynamic *d* 5) (defmacro m [x] `(sq ~x))", "<test>");
  std::string image = save_namespaces(a);
  Runtime b;
  load_namespaces(b, image);
  EXPECT_EQ(pr_str(b, b.eval_string("(img.test/sq 7)", "<test>")), "49");
  EXPECT_EQ(pr_str(b, b.eval_string("(binding [img.test/*d* 6] img.test/*d*)", "<test>")), "6");
  EXPECT_EQ(pr_str(b, b.eval_string("(img.test/m 3)", "<test>")), "9");
  b.heap.collect();
  EXPECT_NO_THROW(b.heap.validate());
}

TEST(NamespaceImage, ErrorsInImageCodeQuoteTheCoreSources) {
  Runtime vm;
  try {
    vm.eval_string("(reduce + 5)", "<test>");
    FAIL();
  } catch (const CloveError& e) {
    std::string report = vm.format_exception(e.payload);
    EXPECT_NE(report.find("clove/lib/"), std::string::npos) << report;
  }
}

}  // namespace

namespace {

std::string from_hex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  return out;
}

/// The positions of the first fixed arity of the function v.
const std::vector<SourcePos>& positions_of(Value v) {
  return as<Closure>(v)->fn->fixed.at(0)->positions;
}

}  // namespace

// Format version 2 writes an arity's positions as runs of instructions sharing one; the
// reader expands them back to one per instruction, the same as the compiler made.
TEST_F(Marshal, PositionsRoundTripAsRuns) {
  Value f = eval("(fn [x]\n  (let [y (+ x 1)]\n    (str \"x=\" x\n         \" y=\" y)))");
  RootScope scope(vm.heap);
  scope.push(f);
  std::string bytes = marshal(vm, f);
  EXPECT_EQ(static_cast<uint8_t>(bytes[4]), kMarshalVersion);
  Value g = unmarshal(vm, bytes);
  scope.push(g);
  const auto &a = positions_of(f), &b = positions_of(g);
  ASSERT_EQ(a.size(), b.size());
  ASSERT_EQ(a.size(), as<Closure>(f)->fn->fixed.at(0)->code.size());
  std::set<uint32_t> lines;
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].line, b[i].line) << i;
    EXPECT_EQ(a[i].col, b[i].col) << i;
    EXPECT_EQ(vm.sources.name(a[i].file), vm.sources.name(b[i].file)) << i;
    lines.insert(b[i].line);
  }
  EXPECT_GE(lines.size(), 3u);  // several runs, not one
}

// Version 1 data (one position per instruction) still reads. These bytes are the closure
// `(defn add-and-describe [x] (let [y (+ x 1)] (str "x=" x " y=" y)))`, written over
// lines 2-5 of a file named /tmp/v1.clj, marshalled by the last Clove that wrote
// version 1 (a byte array printed as hex).
TEST_F(Marshal, ReadsFormatVersion1) {
  std::string bytes = from_hex(
      "434c564d0108040002002c2b1015757365722f6164642d616e642d6465736372696265010b2f746d702f76312e636c6a02010001"
      "060208010006170700010b0100000204010002060200010500002101040003290c636c6f6a7572652e636f7265037374721002"
      "783d100320793d0601030b01040601040a01050a010405010405021100017800000600110001790001060706000600010607020601"
      "030604040606050605000000");
  ASSERT_EQ(bytes[4], 1);
  RootScope scope(vm.heap);
  Value f = scope[scope.push(unmarshal(vm, bytes))];
  ASSERT_TRUE(is<Closure>(f));
  Value arg = Value::small_int(41);
  EXPECT_EQ(pr_str(vm, vm.call(f, &arg, 1)), "\"x=41 y=42\"");
  const auto& ps = positions_of(f);
  ASSERT_EQ(ps.size(), as<Closure>(f)->fn->fixed.at(0)->code.size());
  EXPECT_EQ(vm.sources.name(ps.at(0).file), "/tmp/v1.clj");
  EXPECT_EQ(ps.at(0).line, 3u);  // (+ x 1)
}

// A run longer than the instructions left, or an empty one, is corrupt data.
TEST_F(Marshal, BadRunsOfPositionsAreRejected) {
  std::string bytes = bytes_of("(fn [x] (+ x 1))");
  for (size_t n = 0; n < bytes.size(); ++n)
    for (uint8_t b : {0x00, 0x7F}) {
      std::string changed = bytes;
      changed[n] = static_cast<char>(b);
      reads_or_rejects(changed);
    }
}

// ---- deferred bodies (marshal.md, "Deferred bodies") ----
namespace {

/// Every arity of the closure v's FnProto.
std::vector<Proto*> arities_of(Value v) {
  FnProto* fn = as<Closure>(v)->fn;
  std::vector<Proto*> out(fn->fixed.begin(), fn->fixed.end());
  if (fn->variadic) out.push_back(fn->variadic);
  return out;
}

bool deferred(const Proto* p) {
  return p->body_source != nullptr && p->code.size() == 1 && p->code[0] == kDeferredBody;
}

const char* const kDeferSource =
    "(defn defer-f ([x] (let [g (fn [y] (str \"f:\" x y))] (g 1))) ([x & more] (apply str x \"|\" more)))"
    "(defn defer-g [m] (reduce-kv (fn [acc k v] (+ acc v (count (str k)))) 0 m))"
    "(def defer-h (let [secret \"f:\"] (fn [s] (str secret s))))"
    "[defer-f defer-g defer-h]";

const char* const kDeferCalls[] = {"((nth v 0) 5)", "((nth v 0) 5 6 7)", "((nth v 1) {:a 1 :bb 2})",
                                   "((nth v 2) \"x\")"};

/// Calls each of kDeferCalls with v bound to `fns`, printed.
std::vector<std::string> call_all(Runtime& vm, Value fns) {
  std::vector<std::string> out;
  for (const char* call : kDeferCalls) {
    Value f = vm.eval_string(std::string("(fn [v] ") + call + ")", "<test>");
    out.push_back(pr_str(vm, vm.call(f, {fns})));
  }
  return out;
}

}  // namespace

// Read with the default options (not lazy), deferred bodies are all read and verified
// before unmarshal returns, and the functions behave as the originals.
TEST_F(Marshal, DeferredBodiesReadEagerlyBehaveTheSame) {
  RootScope scope(vm.heap);
  Value fns = scope[scope.push(eval(kDeferSource))];
  MarshalOptions opts;
  opts.defer_bodies = true;
  std::string deferred_bytes = marshal(vm, fns, opts), plain = marshal(vm, fns);
  EXPECT_NE(deferred_bytes, plain);  // it did defer
  Runtime other;
  RootScope other_scope(other.heap);
  Value back = other_scope[other_scope.push(unmarshal(other, deferred_bytes))];
  for (int i = 0; i < 3; ++i)
    for (Proto* p : arities_of(nth(other, back, i))) {
      EXPECT_EQ(p->body_source, nullptr);
      EXPECT_GT(p->code.size(), 1u);
      EXPECT_FALSE(p->positions.empty());
    }
  EXPECT_EQ(call_all(other, back), call_all(vm, fns));
  other.heap.collect();
  EXPECT_NO_THROW(other.heap.validate());
}

// Read trusted with lazy_bodies, an arity keeps its body in the bytes until it first
// runs; one that never runs is still complete for disasm and marshal.
TEST_F(Marshal, LazyBodiesAreReadOnFirstCall) {
  RootScope scope(vm.heap);
  Value fns = scope[scope.push(eval(kDeferSource))];
  MarshalOptions mopts;
  mopts.defer_bodies = true;
  static std::string bytes;  // outlives the VM that reads it, as the linked-in image does
  bytes = marshal(vm, fns, mopts);
  Runtime other;
  UnmarshalOptions uopts;
  uopts.trusted = true;
  uopts.lazy_bodies = true;
  RootScope other_scope(other.heap);
  Value back = other_scope[other_scope.push(unmarshal(other, bytes, uopts))];
  for (int i = 0; i < 3; ++i)
    for (Proto* p : arities_of(nth(other, back, i))) EXPECT_TRUE(deferred(p));
  // One call reads only the arity it runs.
  Value f = nth(other, back, 0), arg = Value::small_int(5);
  EXPECT_EQ(pr_str(other, other.call(f, &arg, 1)), "\"f:51\"");
  EXPECT_FALSE(deferred(as<Closure>(f)->fn->fixed.at(0)));
  EXPECT_TRUE(deferred(as<Closure>(f)->fn->variadic));
  // disasm of an arity never run reads its body.
  Value g = nth(other, back, 1);
  std::string listing = disassemble(other, as<Closure>(g)->fn);
  EXPECT_NE(listing.find("TAILCALL"), std::string::npos) << listing;
  EXPECT_FALSE(deferred(arities_of(g).at(0)));
  // marshal of a closure whose arity never ran writes the whole body.
  Value h = nth(other, back, 2);
  ASSERT_TRUE(deferred(arities_of(h).at(0)));
  std::string again = marshal(other, h);
  Runtime third;
  RootScope third_scope(third.heap);
  Value h3 = third_scope[third_scope.push(unmarshal(third, again))];
  Value s = string_value(third.heap, "x");
  EXPECT_EQ(pr_str(third, third.call(h3, &s, 1)), "\"f:x\"");
  EXPECT_EQ(call_all(other, back), call_all(vm, fns));
  other.heap.collect();
  EXPECT_NO_THROW(other.heap.validate());
}

// Two bodies that share an object with identity the value does not hold (an atom a
// macro put in both) cannot each have their own copy: the writer writes the bodies in
// place, and the two fns still share one atom.
TEST_F(Marshal, BodiesSharingAnAtomAreNotDeferred) {
  RootScope scope(vm.heap);
  Value fns = scope[scope.push(eval("(def shared-cell (atom 0)) (defmacro the-cell [] shared-cell)"
                                    "(defn bump! [] (swap! (the-cell) inc)) (defn peek-cell [] @(the-cell))"
                                    "[bump! peek-cell]"))];
  MarshalOptions opts;
  opts.defer_bodies = true;
  std::string bytes = marshal(vm, fns, opts);
  EXPECT_EQ(bytes, marshal(vm, fns));  // nothing deferred
  Runtime other;
  RootScope other_scope(other.heap);
  Value back = other_scope[other_scope.push(unmarshal(other, bytes))];
  other.call(nth(other, back, 0), nullptr, 0);
  other.call(nth(other, back, 0), nullptr, 0);
  EXPECT_EQ(pr_str(other, other.call(nth(other, back, 1), nullptr, 0)), "2");
}

// Deferred data from outside is checked as any other: every truncation and every
// one-byte change reads (all bodies verified) or is a clean error, never a crash.
TEST_F(Marshal, CorruptDeferredBodiesAreCleanErrors) {
  RootScope scope(vm.heap);
  Value fns = scope[scope.push(eval("(defn cd-f [x] (+ x 1)) (defn cd-g [s] (str s \"!\" (cd-f 1))) [cd-f cd-g]"))];
  MarshalOptions opts;
  opts.defer_bodies = true;
  std::string bytes = marshal(vm, fns, opts);
  ASSERT_TRUE(reads(bytes));
  every_prefix_rejected(*this, bytes);
  every_change_survived(*this, bytes);
}

// Data without deferred arities is version 2 data under another version byte: the
// reader still reads it as version 2.
TEST_F(Marshal, ReadsFormatVersion2) {
  std::string bytes = bytes_of("(let [x 10] (fn [y & zs] (apply + x y zs)))");
  bytes[4] = 2;
  RootScope scope(vm.heap);
  Value f = scope[scope.push(unmarshal(vm, bytes))];
  Value args[] = {Value::small_int(1), Value::small_int(2)};
  EXPECT_EQ(pr_str(vm, vm.call(f, args, 2)), "13");
}

// The core library's image defers its fns' bodies: a fresh VM has read none of
// interleave's, and a call reads the one arity it runs; the collector sees the body
// (the frozen Proto is remembered) under a full collection and validation.
TEST(NamespaceImage, CoreFnsReadTheirBodiesOnFirstCall) {
  Runtime vm;
  Value il = vm.eval_string("clojure.core/interleave", "<test>");
  ASSERT_TRUE(is<Closure>(il));
  for (Proto* p : arities_of(il)) EXPECT_TRUE(deferred(p)) << p->nparams;
  EXPECT_EQ(pr_str(vm, vm.eval_string("(interleave [1 2] [:a :b])", "<test>")), "(1 :a 2 :b)");
  Proto* two = nullptr;
  for (Proto* p : arities_of(il))
    if (p->nparams == 2 && !p->variadic) two = p;
  ASSERT_NE(two, nullptr);
  EXPECT_FALSE(deferred(two));
  EXPECT_TRUE(deferred(as<Closure>(il)->fn->variadic));
  vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  EXPECT_EQ(pr_str(vm, vm.eval_string("(interleave [1 2] [:a :b] \"xy\")", "<test>")), "(1 :a \\x 2 :b \\y)");
}

// Reading a sorted set runs its comparator, and a map's keys of a deftype run their
// equals and hash: a deferred comparator's body would come only after the value, so
// such values are written with the bodies in place, and read back.
TEST_F(Marshal, ValuesWhoseReadingRunsCodeAreNotDeferred) {
  for (const char* src : {"(defn by-len [a b] (compare (count a) (count b))) [by-len (sorted-set-by by-len \"ccc\" \"a\" \"bb\")]",
                          "(deftype DeferKey [k] Object (equals [_ o] (= k (.-k o))) (hashCode [_] (hash k)))"
                          "(defn key-of [x] (->DeferKey x)) [key-of {(key-of 1) :one (key-of 2) :two}]"}) {
    SCOPED_TRACE(src);
    RootScope scope(vm.heap);
    Value v = scope[scope.push(eval(src))];
    size_t deferred = 99;
    MarshalOptions opts;
    opts.defer_bodies = true;
    opts.deferred_bodies = &deferred;
    std::string bytes = marshal(vm, v, opts);
    EXPECT_EQ(deferred, 0u);
    EXPECT_TRUE(reads_or_rejects(bytes));
  }
}

// The core image defers var metadata too: read on first use, by meta, doc,
// alter-meta! (which keeps what was there) and reset-meta! (which replaces it).
TEST(NamespaceImage, CoreVarMetadataIsReadOnFirstUse) {
  Runtime vm;
  auto var_of = [&](const char* name) {
    Var* v = vm.resolve_var(vm.core_ns(), vm.sym(name));
    EXPECT_NE(v, nullptr) << name;
    return v;
  };
  Var* il = var_of("interleave");
  Var* jx = var_of("juxt");
  Var* cm = var_of("complement");
  for (Var* v : {il, jx, cm}) {
    EXPECT_NE(v->meta_source, nullptr) << v->sym->str();
    EXPECT_TRUE(v->meta.is_nil());
  }
  EXPECT_EQ(pr_str(vm, vm.eval_string("(:arglists (meta #'interleave))", "<test>")), "([] [c1] [c1 c2] [c1 c2 & colls])");
  EXPECT_EQ(il->meta_source, nullptr);
  EXPECT_EQ(pr_str(vm, vm.eval_string("(do (alter-meta! #'juxt assoc :x 1) [(:x (meta #'juxt)) (:name (meta #'juxt))])",
                                      "<test>")),
            "[1 juxt]");
  EXPECT_EQ(pr_str(vm, vm.eval_string("(do (reset-meta! #'complement {:y 2}) (meta #'complement))", "<test>")), "{:y 2}");
  EXPECT_EQ(cm->meta_source, nullptr);
  vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  EXPECT_EQ(pr_str(vm, vm.eval_string("(meta #'complement)", "<test>")), "{:y 2}");
}

// A deferred value (tag 9) belongs to the core image only: in any other data it is a
// clean error.
TEST_F(Marshal, ADeferredValueOutsideTheCoreImageIsRejected) {
  std::string bytes = bytes_of("nil");
  bytes.back() = 9;  // kDeferred in place of the value
  bytes.push_back(0);
  try {
    unmarshal(vm, bytes);
    FAIL() << "read a deferred value";
  } catch (const CloveError& e) {
    EXPECT_NE(std::string(e.what()).find("a deferred value outside the core image"), std::string::npos) << e.what();
  }
}

// A vector longer than one leaf is read 32 elements at a time (its full leaves made as
// they are read): every size around the leaf and level boundaries comes back equal,
// element for element, with its metadata, and a long vector nested in one shares a
// leaf-sized tail with nothing.
TEST_F(Marshal, LongVectorsAreRebuiltLeafByLeaf) {
  for (int n : {0, 1, 31, 32, 33, 63, 64, 65, 1024, 1056, 1057, 33 * 32 + 1, 32 * 32 * 32 + 33, 40000}) {
    SCOPED_TRACE(n);
    std::string src = fmt::format("(with-meta (vec (map (fn [i] (if (zero? (mod i 100)) [i (str i)] i)) (range {}))) {{:n {}}})", n, n);
    std::string bytes = bytes_of(src);
    RootScope scope(vm.heap);
    size_t back = scope.push(unmarshal(vm, bytes));
    size_t orig = scope.push(eval(src));
    EXPECT_EQ(pr_str(vm, vm.call(eval("(fn [a b] [(= a b) (count a) (meta a) (vector? a) (= (seq a) (seq b))])"),
                                 {scope[back], scope[orig]})),
              fmt::format("[true {} {{:n {}}} true true]", n, n));
    EXPECT_NO_THROW(vm.heap.validate());
  }
  // Nested long vectors (each read through the same pending stack).
  std::string nested = "(vec (for [i (range 70)] (vec (range i (+ i 70)))))";
  RootScope scope(vm.heap);
  size_t back = scope.push(unmarshal(vm, bytes_of(nested)));
  EXPECT_EQ(pr_str(vm, vm.call(eval(fmt::format("(fn [a] (= a {}))", nested)), {scope[back]})), "true");
}
