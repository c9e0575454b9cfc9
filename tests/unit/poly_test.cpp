// Tests of polymorphism: host class values and their graph, record instances and
// their map view, protocol extension/dispatch and its cache, multimethods, GC of the
// new object types, and bad input (clear errors, never a crash).
#include <gtest/gtest.h>

#include "runtime/coll/coll.h"
#include "runtime/lang/class_value.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/multifn.h"
#include "runtime/print/print.h"
#include "runtime/lang/protocol.h"
#include "runtime/lang/record.h"
#include "api/runtime.h"

namespace clove {
namespace {

class Poly : public ::testing::Test {
 protected:
  Runtime vm;  // with the core library: the macros live in src/lib/05_poly.clj
  std::string eval(const std::string& src) { return pr_str(vm, vm.eval_string(src, "<test>")); }
  Value sym(const char* s) { return Value::object(vm.sym(s)); }
  /// The VM's class value of the built-in class with full name n.
  Value jclass(const char* n) { return class_named(vm, n); }
  Value kw(const char* s) { return Value::object(vm.kw(s)); }
  /// The class and message of the error `src` throws ("" when it throws none).
  std::string error_of(const std::string& src) {
    try {
      vm.eval_string(src, "<test>");
    } catch (const CloveError& e) {
      return std::string(error_class_name(e.kind)) + ": " + e.what();
    }
    return "";
  }
  RecordType* point_type() {
    RecordType* rt = vm.heap.make<RecordType>(vm.sym("test.Point"), true);
    rt->fields = {vm.kw("x"), vm.kw("y")};
    vm.permanent.push_back(Value::object(rt));
    return rt;
  }
};

TEST_F(Poly, ClassOfBuiltins) {
  EXPECT_EQ(class_of(vm, Value::small_int(1)), jclass("java.lang.Long"));
  EXPECT_EQ(class_of(vm, Value::from_double(1.5)), jclass("java.lang.Double"));
  EXPECT_EQ(class_of(vm, kw("k")), jclass("clojure.lang.Keyword"));
  EXPECT_TRUE(class_of(vm, Value::nil()).is_nil());
  EXPECT_EQ(class_name_of(Value::nil()), "nil");
}

// A class is one JavaClass per name per VM, whichever way code reaches it, distinct
// from the symbol naming it, and kept for the VM's lifetime.
TEST_F(Poly, ClassValuesAreInternedPerName) {
  Value longc = jclass("java.lang.Long");
  ASSERT_TRUE(is<JavaClass>(longc));
  EXPECT_EQ(as<JavaClass>(longc)->name_view(), "java.lang.Long");
  EXPECT_EQ(jclass("java.lang.Long").as_obj(), longc.as_obj());
  EXPECT_EQ(class_of(vm, Value::small_int(7)).as_obj(), longc.as_obj());
  EXPECT_EQ(vm.eval_string("Long", "<test>").as_obj(), longc.as_obj());
  EXPECT_EQ(vm.eval_string("java.lang.Long", "<test>").as_obj(), longc.as_obj());
  EXPECT_EQ(canonical_class(vm, sym("Long")).as_obj(), longc.as_obj());
  EXPECT_NE(longc, sym("java.lang.Long"));
  EXPECT_FALSE(equiv(vm, longc, sym("java.lang.Long")));
  EXPECT_TRUE(is_class_value(longc));
  EXPECT_FALSE(is_class_value(sym("java.lang.Long")));
  EXPECT_TRUE(is_class(vm, sym("java.lang.Long")));  // a name still denotes it
  // interfaces know they are; arrays are classes too; unknown names are none
  EXPECT_TRUE(class_is_interface(as<JavaClass>(jclass("clojure.lang.IFn"))));
  EXPECT_FALSE(class_is_interface(as<JavaClass>(longc)));
  // the core image's classes are made without the graph, and are the same objects
  EXPECT_EQ(class_named_trusted(vm, "java.lang.Long").as_obj(), longc.as_obj());
  Value seqable = class_named_trusted(vm, "clojure.lang.Seqable");
  EXPECT_EQ(jclass("clojure.lang.Seqable").as_obj(), seqable.as_obj());
  EXPECT_TRUE(class_is_interface(as<JavaClass>(seqable)));
  Value longs = vm.eval_string("(class (long-array 1))", "<test>");
  EXPECT_EQ(longs.as_obj(), jclass("[J").as_obj());
  EXPECT_TRUE(jclass("no.such.Klass").is_nil());
  EXPECT_TRUE(jclass("String").is_nil());  // a short name is canonical_class's
  // the same object after collections; the table keeps it alive
  const Obj* before = jclass("java.util.UUID").as_obj();
  for (int i = 0; i < 3; ++i) vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  EXPECT_EQ(jclass("java.util.UUID").as_obj(), before);
  // printed as the name, str as Class.toString
  EXPECT_EQ(pr_str(vm, longc), "java.lang.Long");
  EXPECT_EQ(str_of(vm, longc), "class java.lang.Long");
  EXPECT_EQ(str_of(vm, jclass("clojure.lang.IFn")), "interface clojure.lang.IFn");
  EXPECT_EQ(eval("[(= (hash String) (hash (class \"a\"))) (identical? String (class \"b\")) (symbol? Long) (class? 'Long)]"),
            "[true true false false]");
}

// Two VMs have their own class objects, each its VM's one of that name.
TEST_F(Poly, EachVmHasItsOwnClassObjects) {
  Runtime other;
  Value mine = jclass("java.lang.String"), theirs = class_named(other, "java.lang.String");
  ASSERT_TRUE(is<JavaClass>(theirs));
  EXPECT_NE(mine.as_obj(), theirs.as_obj());
  EXPECT_EQ(class_of(other, other.eval_string("\"x\"", "<test>")).as_obj(), theirs.as_obj());
}

TEST_F(Poly, CanonicalClassAcceptsShortJavaLangNames) {
  EXPECT_EQ(canonical_class(vm, sym("String")), jclass("java.lang.String"));
  EXPECT_EQ(canonical_class(vm, sym("java.lang.Number")), jclass("java.lang.Number"));
  EXPECT_EQ(canonical_class(vm, sym("ArithmeticException")), jclass("java.lang.ArithmeticException"));
  EXPECT_EQ(canonical_class(vm, jclass("java.lang.Number")), jclass("java.lang.Number"));
  EXPECT_TRUE(canonical_class(vm, sym("no.such.Class")).is_nil());
  EXPECT_TRUE(canonical_class(vm, sym("user/String")).is_nil());  // qualified: not a class
  EXPECT_TRUE(canonical_class(vm, Value::small_int(3)).is_nil());
}

TEST_F(Poly, AncestorsAreNearestFirstWithObjectLast) {
  std::vector<Value> a = class_ancestors(vm, sym("java.lang.Long"));
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a.front(), jclass("java.lang.Number"));
  EXPECT_EQ(a.back(), jclass("java.lang.Object"));
  EXPECT_TRUE(class_assignable(vm, sym("Number"), sym("java.lang.Long")));
  EXPECT_FALSE(class_assignable(vm, sym("java.lang.Long"), sym("Number")));
  EXPECT_TRUE(class_assignable(vm, sym("clojure.lang.IPersistentCollection"), sym("clojure.lang.PersistentVector")));
  EXPECT_TRUE(class_assignable(vm, sym("RuntimeException"), sym("java.lang.ArithmeticException")));
  EXPECT_FALSE(class_assignable(vm, sym("Number"), kw("not-a-class")));
}

// instance_check caches its answers for built-in values by (class symbol, type): asked
// again, each pair gives the same answer as the class graph, a short name and its full
// name agree, a non-class is refused every time, and a foreign class has no instances.
TEST_F(Poly, InstanceCheckAnswersTheSameWhenCached) {
  Value values[] = {Value::small_int(1), Value::from_double(1.5), kw("k"), sym("s"),
                    vm.eval_string("[1 2]", "<test>"), vm.eval_string("{:a 1}", "<test>"),
                    vm.eval_string("'(1)", "<test>"), vm.eval_string("\"str\"", "<test>")};
  const char* classes[] = {"Number", "java.lang.Number", "java.lang.Long", "clojure.lang.IPersistentVector",
                           "clojure.lang.IPersistentMap", "clojure.lang.Named", "java.lang.Object",
                           "clojure.lang.ISeq", "CharSequence", "java.lang.Comparable"};
  for (int round = 0; round < 3; ++round)
    for (Value x : values)
      for (const char* c : classes) {
        std::optional<bool> got = instance_check(vm, sym(c), x);
        ASSERT_TRUE(got.has_value()) << c;
        // the class graph's own answer, never cached
        EXPECT_EQ(*got, class_assignable(vm, sym(c), class_of(vm, x))) << c << " round " << round;
        EXPECT_EQ(*got, instance_of(vm, sym(c), x)) << c << " round " << round;
      }
  EXPECT_TRUE(*instance_check(vm, sym("Number"), Value::small_int(1)));
  EXPECT_FALSE(*instance_check(vm, sym("Number"), kw("k")));
  EXPECT_TRUE(*instance_check(vm, sym("clojure.lang.Named"), kw("k")));
  // instance_of answers false for a symbol that names no class, and caches nothing for
  // it: instance_check still refuses it afterwards.
  EXPECT_FALSE(instance_of(vm, sym("notaclass"), Value::small_int(1)));
  EXPECT_FALSE(instance_check(vm, sym("notaclass"), Value::small_int(1)).has_value());
  for (int round = 0; round < 2; ++round) {
    EXPECT_FALSE(instance_check(vm, kw("not-a-class"), Value::small_int(1)).has_value());
    EXPECT_FALSE(instance_check(vm, sym("user/String"), Value::small_int(1)).has_value());
    EXPECT_FALSE(*instance_check(vm, sym("java.net.URI"), Value::small_int(1)));
  }
  EXPECT_EQ(error_of("(instance? :k 1)"), error_of("(instance? :k 1)"));
  EXPECT_NE(error_of("(instance? :k 1)"), "");
}

TEST_F(Poly, RecordMapView) {
  RecordType* rt = point_type();
  Value vals[2] = {Value::small_int(1), Value::small_int(2)};
  Value p = make_instance(vm, rt, vals, 2);
  Record* r = as_instance(p);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(count(vm, p), 2);
  EXPECT_EQ(get(vm, p, kw("y")), Value::small_int(2));
  EXPECT_TRUE(get(vm, p, kw("z")).is_nil());
  Value p2 = assoc(vm, p, kw("z"), Value::small_int(3));
  EXPECT_TRUE(is_record(p2));
  EXPECT_EQ(count(vm, p2), 3);
  EXPECT_EQ(pr_str(vm, p2), "#test.Point{:x 1, :y 2, :z 3}");
  Value m = dissoc(vm, p, kw("x"));
  EXPECT_TRUE(is_map(m));
  EXPECT_EQ(pr_str(vm, m), "{:y 2}");
  EXPECT_TRUE(equiv(vm, p, make_instance(vm, rt, vals, 2)));
  EXPECT_EQ(hash(vm, p), hash(vm, make_instance(vm, rt, vals, 2)));
  EXPECT_FALSE(equiv(vm, p, m));
  Value plain[4] = {kw("x"), Value::small_int(1), kw("y"), Value::small_int(2)};
  EXPECT_FALSE(equiv(vm, p, map_from(vm, plain, 2)));
  EXPECT_FALSE(equiv(vm, map_from(vm, plain, 2), p));
}

// Records print through their hook in the per-type table as Clojure's print-method for
// IRecord does: their entries count one *print-level* and obey *print-length*, like a
// map's; so do the values inside other hooks (an atom's map, a tagged literal's form).
TEST_F(Poly, RecordsAndHooksKeepThePrintLevelAndLength) {
  eval("(defrecord PL [a b])");
  EXPECT_EQ(eval("(pr-str [(->PL [1] 2)])"), "\"[#user.PL{:a [1], :b 2}]\"");
  EXPECT_EQ(eval("(binding [*print-level* 2] (pr-str [(->PL [1] 2)]))"), "\"[#user.PL{:a #, :b 2}]\"");
  EXPECT_EQ(eval("(binding [*print-level* 1] (pr-str [(->PL [1] 2)]))"), "\"[#user.PL#]\"");
  EXPECT_EQ(eval("(binding [*print-level* 0] (pr-str (->PL 1 2)))"), "\"#user.PL#\"");
  EXPECT_EQ(eval("(binding [*print-length* 1] (pr-str (->PL [1 2] 2)))"), "\"#user.PL{:a [1 ...], ...}\"");
  EXPECT_EQ(eval("(binding [*print-level* 1] (pr-str [(tagged-literal 'x [1])]))"), "\"[#x #]\"");
  EXPECT_EQ(eval("(binding [*print-level* 1] (re-find #\" #\\]\\]$\" (pr-str [(atom [1])])))"), "\" #]]\"");
  EXPECT_EQ(eval("(str (->PL 1 2))").rfind("\"user.PL@", 0), 0u);
  std::string ts = eval("(deftype TS [x] Object (toString [_] (str \"TS:\" x))) [(str (->TS 1)) (print-str (->TS [1]))]");
  EXPECT_EQ(ts.rfind("[\"TS:1\" \"#object[user.TS 0x", 0), 0u) << ts;
  EXPECT_EQ(ts.substr(ts.size() - 10), " TS:[1]]\"]") << ts;
}

TEST_F(Poly, RecordConstructorChecksArity) {
  RecordType* rt = point_type();
  Value one = Value::small_int(1);
  EXPECT_THROW(make_instance(vm, rt, &one, 1), CloveError);
  EXPECT_EQ(error_of("(defrecord P [a b]) (->P 1)").rfind("clojure.lang.ArityException", 0), 0u);
  EXPECT_EQ(error_of("(defrecord P [a b]) (P. 1)").rfind("java.lang.IllegalArgumentException: No matching ctor", 0), 0u);
}

TEST_F(Poly, ProtocolDispatchAndCacheInvalidation) {
  eval("(defprotocol Sh (area [s]))");
  EXPECT_EQ(eval("(extend-type Number Sh (area [n] :number)) (area 1)"), ":number");
  // A more specific extension added later wins: extending clears the dispatch cache.
  EXPECT_EQ(eval("(extend-type Long Sh (area [n] :long)) [(area 1) (area 1.5)]"), "[:long :number]");
  EXPECT_EQ(eval("(extend-type Object Sh (area [n] :object)) [(area \"s\") (area 2)]"), "[:object :long]");
  EXPECT_EQ(error_of("(area nil)"),
            "java.lang.IllegalArgumentException: No implementation of method: :area of protocol: #'user/Sh found "
            "for class: nil");
}

TEST_F(Poly, ProtocolBadInput) {
  eval("(defprotocol Q (q [x]))");
  EXPECT_EQ(error_of("(extend String 5 {})"),
            "java.lang.ClassCastException: class java.lang.Long cannot be cast to class clove.lang.Protocol");
  EXPECT_EQ(error_of("(extend :not-a-class Q {:q identity})").rfind("java.lang.IllegalArgumentException: Can't extend", 0), 0u);
  EXPECT_EQ(error_of("(extend String Q {:nope identity})"),
            "java.lang.IllegalArgumentException: No method :nope in protocol user/Q");
  EXPECT_EQ(error_of("(extend String Q {\"q\" identity})"),
            "java.lang.IllegalArgumentException: No method \"q\" in protocol user/Q");
  EXPECT_EQ(error_of("(extend 42 Q {})"), "java.lang.IllegalArgumentException: Can't extend protocol user/Q to 42: not a class");
  EXPECT_EQ(error_of("(extend [1] Q {})"),
            "java.lang.IllegalArgumentException: Can't extend protocol user/Q to a clojure.lang.PersistentVector: not a class");
  EXPECT_EQ(error_of("(-pfn 1 2 3)"), "java.lang.IllegalArgumentException: -pfn takes a protocol and a method index");
  EXPECT_EQ(error_of("(instance? 5 1)"), "java.lang.ClassCastException: class java.lang.Long cannot be cast to class java.lang.Class");
  EXPECT_NE(error_of("(defprotocol Z (z []))").find("Definition of function z in protocol Z must take at least one arg."),
            std::string::npos);
}

TEST_F(Poly, MultimethodBadInput) {
  EXPECT_EQ(error_of("(methods inc)"),
            "java.lang.ClassCastException: class clove.lang.Native cannot be cast to class clojure.lang.MultiFn");
  EXPECT_EQ(error_of("(defmethod inc :x [_] 1)"),
            "java.lang.ClassCastException: class clove.lang.Native cannot be cast to class clojure.lang.MultiFn");
  eval("(defmulti mm :k)");
  EXPECT_NE(multifn_of(vm.var_value(vm.resolve_var(vm.current_ns(), vm.sym("mm")))), nullptr);
  EXPECT_EQ(error_of("(mm {:k 1})"), "java.lang.IllegalArgumentException: No method in multimethod 'mm' for dispatch value: 1");
}

TEST_F(Poly, ObjectsSurviveCollection) {
  eval("(defprotocol G (g [x])) (defrecord R [a] G (g [_] a)) (def r (->R [1 2]))"
       "(defmulti mg :t) (defmethod mg :a [x] (:v x))"
       "(def rf (reify G (g [_] :reified)))");
  vm.heap.collect();
  vm.heap.validate();
  EXPECT_EQ(eval("[(g r) (g rf) (mg {:t :a :v 5}) (assoc r :b 2)]"), "[[1 2] :reified 5 #user.R{:a [1 2], :b 2}]");
  vm.heap.collect();
  vm.heap.validate();
}

TEST_F(Poly, ThrowableToMap) {
  EXPECT_EQ(eval("(let [m (Throwable->map (ex-info \"a\" {:k 1} (ArithmeticException. \"b\")))]"
                 " [(:cause m) (:data m) (map :type (:via m))])"),
            "[\"b\" nil (clojure.lang.ExceptionInfo java.lang.ArithmeticException)]");
  EXPECT_EQ(error_of("(Throwable->map 1)"),
            "java.lang.ClassCastException: class java.lang.Long cannot be cast to class java.lang.Throwable");
}

// A record's methods read the fields they mention with (:f this), which compiles to one
// GETK; a type's (not a map) with (-field this i), a call.
TEST_F(Poly, RecordMethodsReadFieldsByKeywordTypesByIndex) {
  eval("(defprotocol Area (area [s]))");
  auto expansion_has = [&](const std::string& form, const std::string& piece) {
    return eval("(boolean (some #{'" + piece + "} (tree-seq coll? seq (macroexpand-1 '" + form + "))))") == "true";
  };
  const std::string rec = "(defrecord Rect [w h] Area (area [this] (* w h)))";
  const std::string typ = "(deftype Box [w h] Area (area [this] (* w h)))";
  EXPECT_TRUE(expansion_has(rec, "(:w this)"));
  EXPECT_FALSE(expansion_has(rec, "(clojure.core/-field this 0)"));
  EXPECT_TRUE(expansion_has(typ, "(clojure.core/-field this 0)"));
  EXPECT_FALSE(expansion_has(typ, "(:w this)"));
  eval(rec);
  eval(typ);
  EXPECT_EQ(eval("[(area (->Rect 3 4)) (area (Box. 5 6)) (area (map->Rect {:w 2 :h 7 :extra 1}))]"), "[12 30 14]");
}

// A deftype's inline interfaces are among its class's supertypes, a reify's are its own;
// protocol extensions to those interfaces reach both.
TEST_F(Poly, InlineInterfacesInTheClassGraph) {
  vm.eval_string(
      "(deftype PolyLookup [] clojure.lang.ILookup (valAt [_ k] k) (valAt [_ k nf] k) clojure.lang.Counted"
      " (count [_] 0))"
      "(def poly-reify (reify clojure.lang.IDeref (deref [_] 7)))"
      "(defprotocol PolyP (poly-p [x]))"
      "(extend-protocol PolyP clojure.lang.ILookup (poly-p [_] :lookup) clojure.lang.IDeref (poly-p [_] :deref)"
      " Object (poly-p [_] :object))",
      "<test>");
  Value cls = vm.eval_string("PolyLookup", "<test>");
  std::vector<Value> ps = class_parents(vm, cls);
  auto has = [&](const std::vector<Value>& xs, const char* n) {
    for (Value x : xs)
      if (x == jclass(n)) return true;
    return false;
  };
  EXPECT_TRUE(has(ps, "clojure.lang.ILookup"));
  EXPECT_TRUE(has(ps, "clojure.lang.Counted"));
  EXPECT_TRUE(has(ps, "clojure.lang.IType"));
  EXPECT_TRUE(class_assignable(vm, sym("clojure.lang.Counted"), cls));
  Value r = vm.eval_string("poly-reify", "<test>");
  EXPECT_TRUE(instance_of(vm, sym("clojure.lang.IDeref"), r));
  EXPECT_FALSE(instance_of(vm, sym("clojure.lang.ILookup"), r));
  EXPECT_EQ(eval("[(poly-p (->PolyLookup)) (poly-p poly-reify) (poly-p (reify)) @poly-reify (get (->PolyLookup) :q)]"),
            "[:lookup :deref :object 7 :q]");
}

// Java classes Clove emulates under another name are that class; one it does not know
// is accepted by protocols and instance? and matches no value.
TEST_F(Poly, ClassAliasesAndForeignClasses) {
  EXPECT_EQ(canonical_class(vm, sym("java.io.PushbackReader")), jclass("java.io.Reader"));
  EXPECT_TRUE(is_foreign_class_name(sym("java.net.URI")));
  EXPECT_FALSE(is_foreign_class_name(sym("java.util.Map")));   // known
  EXPECT_FALSE(is_foreign_class_name(sym("plain")));           // not dotted
  EXPECT_FALSE(is_foreign_class_name(kw("java.net.URI")));     // not a symbol
  EXPECT_EQ(eval("(do (defprotocol PolyQ (poly-q [x])) (extend-protocol PolyQ java.net.URI (poly-q [_] :uri)"
                 " String (poly-q [_] :s)) [(poly-q \"x\") (instance? java.net.URI \"x\") (satisfies? PolyQ 1)])"),
            "[:s false false]");
  EXPECT_EQ(error_of("(do (defprotocol PolyR (poly-r [x])) (extend :not-a-class PolyR {}))").rfind(
                "java.lang.IllegalArgumentException: Can't extend protocol", 0),
            0u);
}

}  // namespace
}  // namespace clove
