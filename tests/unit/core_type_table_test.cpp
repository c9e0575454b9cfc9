// core_type_table_test.cpp: the type table (core/object.h's TypeInfo, core/traits.h):
// every type's trait bits agree with the predicates (is_seq, is_counted, ...) and with
// the class graph (instance?, supers), the operations a trait promises are registered,
// the generic operations' inline cases agree with the table's entries, and an
// operation registered for a type is what the generic operation dispatches to.
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "api/runtime.h"
#include "core/object.h"
#include "core/traits.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/host_object.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"

namespace clove {
namespace {

/// A sample of (nearly) every object type, made by Clove code.
const char* const kSamples[] = {
    "140737488355328",  // a boxed long
    "(float 1.5)",
    "1N", "1/2", "1.5M", "\"ab\"", "'s", ":k",
    "'(1 2)", "()", "(cons 1 [2])", "((fn [& xs] xs) 1 2)", "(lazy-seq [1 2])", "(reduced 1)",
    "[1 2]", "(seq [1 2])", "(chunk-first (seq [1 2]))", "(chunk-buffer 2)",
    "(chunk-cons (chunk-first (seq [1 2])) nil)", "(range 3)", "(first {1 2})", "{1 2}",
    "(apply hash-map (range 40))", "#{1 2}", "(seq {1 2})", "(seq (apply hash-map (range 40)))", "(seq \"ab\")",
    "(long-array 2)", "(object-array 2)", "(seq (long-array 2))", "(seq (object-array 2))",
    "(transient [1])", "(transient {1 2})", "(transient (apply hash-map (range 40)))", "(transient #{1})",
    "(sorted-map 1 2)", "(sorted-set 1)", "(seq (sorted-map 1 2))", "(seq (sorted-set 1))",
    "(conj clojure.lang.PersistentQueue/EMPTY 1)", "(seq (conj clojure.lang.PersistentQueue/EMPTY 1))",
    "(fn [] 1)", "count", "#'clojure.core/count", "*ns*", "(ex-info \"x\" {})", "(ArithmeticException. \"x\")",
    "(atom 1)", "(volatile! 1)", "(delay 1)", "#\"a\"", "(re-matcher #\"a\" \"a\")",
    "TtRec", "(->TtRec 1)", "(->TtType 1)", "(reify)", "TtProto", "String",
    "#uuid \"00000000-0000-0000-0000-000000000001\"", "#inst \"2020-01-01\"", "(tagged-literal 'a 1)",
    "(reader-conditional '(:clj 1) false)",
    "*out*", "(java.io.StringWriter.)", "(java.io.File. \"a\")", "(StringBuilder.)",
    "(subvec [1 2 3] 1)", "(seq (subvec [1 2 3] 1))",
};

/// Object types no Clove expression hands out as a value.
const std::set<ObjType> kInternal = {ObjType::VectorNode, ObjType::HamtNode, ObjType::TreeNode, ObjType::Proto,
                                     ObjType::FnProto,    ObjType::Fiber,    ObjType::MultiFn,  ObjType::LineReader};

class TypeTable : public ::testing::Test {
 protected:
  Runtime vm;
  std::vector<Value> samples;  // rooted by vm.permanent

  void SetUp() override {
    vm.eval_string("(defrecord TtRec [x]) (deftype TtType [a]) (defprotocol TtProto (tt-m [x]))", "<test>");
    for (const char* src : kSamples) {
      Value v = vm.eval_string(src, "<test>");
      vm.permanent.push_back(v);
      samples.push_back(v);
    }
    // A host object (runtime/lang/host_object.h) whose class gives no behaviour: what an
    // embedding host's object is before it says what it can do.
    RecordType* host_class = vm.heap.make<RecordType>(vm.sym("tt.HostThing"), false);
    host_class->host = &no_behaviour_;
    vm.permanent.push_back(Value::object(host_class));
    Value host_object = Value::object(vm.heap.make<HostObject>(host_class, nullptr, false));
    vm.permanent.push_back(host_object);
    samples.push_back(host_object);
  }
  Value sym(const char* s) { return Value::object(vm.sym(s)); }
  /// A host class that supports none of the operations.
  struct NoBehaviour : HostClass {
    bool supports(Op) const override { return false; }
    void finalize(void*) noexcept override {}
    std::string str(State&, HostObject*) override { return ""; }
    bool equiv(State&, HostObject*, HostObject*) override { return false; }
    uint32_t hash(State&, HostObject*) override { return 0; }
    int64_t count(State&, HostObject*) override { return 0; }
    Value lookup(State&, HostObject*, Value, Value nf) override { return nf; }
    Value nth(State&, HostObject*, int64_t) override { return Value::nil(); }
    Value seq(State&, HostObject*) override { return Value::nil(); }
    Value arith(State&, ArithOp, Value, Value) override { return Value::nil(); }
  };
  NoBehaviour no_behaviour_;
  static TypeInfo& entry(ObjType t) { return detail::g_type_table[static_cast<int>(t)]; }
};

TEST_F(TypeTable, SamplesCoverEveryTypeButTheInternalOnes) {
  std::set<ObjType> seen;
  for (Value v : samples)
    if (v.is_obj()) seen.insert(v.as_obj()->type);
  for (int i = 0; i < static_cast<int>(ObjType::kCount); ++i) {
    auto t = static_cast<ObjType>(i);
    if (!kInternal.count(t)) {
      EXPECT_TRUE(seen.count(t)) << "no sample of " << type_name(t);
    }
  }
}

TEST_F(TypeTable, TraitsAreClosedUnderSuperInterfaces) {
  for (int i = 0; i < static_cast<int>(ObjType::kCount); ++i) {
    const TypeInfo& ti = type_info(static_cast<ObjType>(i));
    EXPECT_EQ(ti.traits, trait_closure(ti.traits)) << ti.name;
    EXPECT_STREQ(ti.name, type_name(static_cast<ObjType>(i)));
  }
}

TEST_F(TypeTable, PredicatesReadTheBits) {
  for (Value v : samples) {
    Traits t = v.is_obj() ? type_of(v.as_obj()).traits : 0;
    std::string what = pr_str(vm, Value::object(vm.sym(class_name_of(v))));
    EXPECT_EQ(is_seq(v), (t & trait::ISeq) != 0) << what;
    EXPECT_EQ(is_counted(v), (t & trait::Counted) != 0) << what;
    EXPECT_EQ(is_sequential(v), (t & trait::Sequential) != 0) << what;
    EXPECT_EQ(is_coll(v), (t & trait::IPersistentCollection) != 0) << what;
    EXPECT_EQ(is_vector(v), (t & trait::IPersistentVector) != 0) << what;
    EXPECT_EQ(is_set(v), (t & trait::IPersistentSet) != 0) << what;
    // is_map names the built-in map implementations: every IPersistentMap but records.
    EXPECT_EQ(is_map(v), (t & trait::IPersistentMap) && !(t & trait::IRecord)) << what;
  }
}

// instance? of every interface, on a sample of every type, is the type's bit. (An
// exception's class adds what its kind implements: ex-info's IExceptionInfo.)
TEST_F(TypeTable, InstanceOfEveryInterfaceIsTheBit) {
  for (Value v : samples) {
    if (!v.is_obj()) continue;
    Traits t = type_of(v.as_obj()).traits;
    if (is_type(v, ObjType::Exception) && class_name_of(v) == "clojure.lang.ExceptionInfo") t |= trait::IExceptionInfo;
    for (int i = 0; i < static_cast<int>(TraitId::kCount); ++i) {
      auto id = static_cast<TraitId>(i);
      EXPECT_EQ(instance_of(vm, sym(trait_name(id)), v), (t & (Traits{1} << i)) != 0)
          << class_name_of(v) << " instance? " << trait_name(id);
    }
  }
}

// The same on the classes themselves, for every type that names its class.
TEST_F(TypeTable, ClassGraphMatchesTheBits) {
  for (int k = 0; k < static_cast<int>(ObjType::kCount); ++k) {
    const TypeInfo& ti = type_info(static_cast<ObjType>(k));
    if (ti.class_name) continue;  // its class varies per instance
    Value cls = sym(ti.name);
    ASSERT_TRUE(is_class(vm, cls)) << ti.name;
    std::vector<Value> parents = class_parents(vm, cls);
    ASSERT_FALSE(parents.empty()) << ti.name;
    EXPECT_EQ(parents[0], class_named(vm, ti.superclass ? ti.superclass : "java.lang.Object")) << ti.name;
    for (int i = 0; i < static_cast<int>(TraitId::kCount); ++i) {
      auto id = static_cast<TraitId>(i);
      EXPECT_EQ(class_assignable(vm, sym(trait_name(id)), cls), (ti.traits & (Traits{1} << i)) != 0)
          << ti.name << " isa? " << trait_name(id);
    }
  }
}

TEST_F(TypeTable, DirectInterfacesAreTheMinimalOnes) {
  auto names = [&](std::vector<Value> vs) {
    std::vector<std::string> out;
    for (Value v : vs) out.push_back(class_name_of(v) == "java.lang.Class" ? pr_str(vm, v) : "?");
    return out;
  };
  EXPECT_EQ(names(class_parents(vm, sym("clojure.lang.PersistentVector"))),
            (std::vector<std::string>{"java.lang.Object", "clojure.lang.IPersistentVector", "clojure.lang.IFn",
                                      "clojure.lang.IObj", "clojure.lang.IEditableCollection", "clojure.lang.IHashEq",
                                      "java.util.List", "java.util.RandomAccess", "java.lang.Comparable",
                                      "clojure.lang.IReduce", "clojure.lang.IKVReduce", "java.io.Serializable"}));
  EXPECT_EQ(names(class_parents(vm, vm.eval_string("TtRec", "<test>"))),
            (std::vector<std::string>{"java.lang.Object", "clojure.lang.IRecord", "clojure.lang.IPersistentMap",
                                      "clojure.lang.IObj", "clojure.lang.IHashEq", "java.util.Map"}));
  EXPECT_EQ(names(class_parents(vm, sym("java.io.StringWriter"))), (std::vector<std::string>{"java.io.Writer"}));
  EXPECT_EQ(names(class_parents(vm, sym("clojure.lang.ISeq"))),
            (std::vector<std::string>{"clojure.lang.IPersistentCollection"}));
}

// What a trait promises, the type's entry provides.
TEST_F(TypeTable, TraitsComeWithTheirOperations) {
  for (int k = 0; k < static_cast<int>(ObjType::kCount); ++k) {
    const TypeInfo& ti = type_info(static_cast<ObjType>(k));
    Traits t = ti.traits;
    if (t & trait::ISeq) {
      EXPECT_TRUE(ti.seq || (ti.first && ti.next)) << ti.name;
    }
    if (t & trait::Counted) {
      EXPECT_TRUE(ti.count) << ti.name;
    }
    if (t & trait::Indexed) {
      EXPECT_TRUE(ti.nth) << ti.name;
    }
    if (t & trait::ILookup) {
      EXPECT_TRUE(ti.lookup) << ti.name;
    }
    if (t & trait::Associative) {
      EXPECT_TRUE(ti.assoc && ti.contains) << ti.name;
    }
    if (t & trait::IPersistentMap) {
      EXPECT_TRUE(ti.dissoc && ti.equiv && ti.hash) << ti.name;
    }
    if (t & trait::IPersistentSet) {
      EXPECT_TRUE(ti.contains && ti.equiv && ti.hash) << ti.name;
    }
    if (t & trait::IPersistentCollection) {
      EXPECT_TRUE(ti.conj || (t & trait::ISeq)) << ti.name;
    }
    if ((t & trait::IPersistentCollection) && !(t & trait::ISeq)) {
      EXPECT_TRUE(ti.seq) << ti.name;
    }
    if (t & trait::IMeta) {
      EXPECT_TRUE(ti.meta) << ti.name;
    }
    if (t & trait::IObj) {
      EXPECT_TRUE(ti.with_meta) << ti.name;
    }
  }
}

// The generic operations' inline cases give what the table's entries give.
TEST_F(TypeTable, InlineCasesAgreeWithTheTable) {
  for (Value v : samples) {
    if (!v.is_obj()) continue;
    Obj* o = v.as_obj();
    // A host object's entries ask its class, which may support nothing (they throw as
    // on a Java object); tests/unit/api_test.cpp covers them through the API.
    if (o->type == ObjType::HostObject) continue;
    // deftype and reify instances: their entries call the methods the form gives and
    // throw as on a type without the interface otherwise (UserTypesDispatchToTheirMethods)
    if (o->type == ObjType::TypeInstance || o->type == ObjType::Reify) continue;
    const TypeInfo& ti = type_of(o);
    std::string what = class_name_of(v);
    if (ti.count) EXPECT_EQ(count(vm, v), ti.count(vm, o)) << what;
    if (ti.seq) EXPECT_TRUE(equiv(vm, seq(vm, v), ti.seq(vm, o))) << what;
    if (ti.first && is_seq(v)) EXPECT_TRUE(equiv(vm, first(vm, v), ti.first(vm, o))) << what;
    if (ti.next && is_seq(v)) EXPECT_TRUE(equiv(vm, next(vm, v), ti.next(vm, o))) << what;
    // (A Matcher's nth throws before a match, as Java's group(): its sample has none.)
    if (ti.nth && o->type != ObjType::Matcher)
      EXPECT_TRUE(equiv(vm, nth(vm, v, 0, Value::nil()), ti.nth(vm, o, 0, Value::nil(), true))) << what;
    if (ti.lookup)
      EXPECT_TRUE(equiv(vm, get(vm, v, Value::small_int(0)), ti.lookup(vm, o, Value::small_int(0), Value::nil())))
          << what;
    if (ti.meta) EXPECT_EQ(meta(v), ti.meta(o)) << what;
  }
}

// A type that registers an operation is dispatched to; a bit makes a predicate true.
TEST_F(TypeTable, RegisteredOperationsAreDispatchedTo) {
  Value box = vm.eval_string("(volatile! 1)", "<test>");
  vm.permanent.push_back(box);
  TypeInfo& ti = entry(ObjType::Volatile);
  TypeInfo saved = ti;
  EXPECT_THROW(count(vm, box), CloveError);
  EXPECT_FALSE(is_counted(box));
  ti.count = [](State&, Obj*) { return int64_t{42}; };
  ti.seq = [](State& vm, Obj*) {
    Value xs[2] = {Value::small_int(7), Value::small_int(8)};
    return list_from(vm.heap, xs, 2);
  };
  ti.lookup = [](State&, Obj*, Value key, Value) { return key; };
  ti.equiv = [](State&, Obj*, Value other) { return is_map(other); };
  ti.hash = [](State&, Obj*) { return uint32_t{12345}; };
  ti.traits |= trait::Counted;
  EXPECT_EQ(count(vm, box), 42);
  EXPECT_TRUE(is_counted(box));
  EXPECT_EQ(first(vm, box), Value::small_int(7));
  EXPECT_EQ(nth(vm, seq(vm, box), 1), Value::small_int(8));
  EXPECT_EQ(get(vm, box, Value::small_int(5)), Value::small_int(5));
  EXPECT_TRUE(equiv(vm, box, vm.eval_string("{}", "<test>")));
  EXPECT_EQ(hash(vm, box), 12345u);
  ti = saved;
  EXPECT_FALSE(is_counted(box));
  EXPECT_EQ(get(vm, box, Value::small_int(5)), Value::nil());
}

// A deftype or reify implementing clojure.lang interfaces: the generic operations call
// its methods, the predicates and has_traits see the interfaces it names, and a type
// naming none keeps the old behaviour (no count, get gives not-found, identity =).
TEST_F(TypeTable, UserTypesDispatchToTheirMethods) {
  Value t = vm.eval_string(
      "(deftype TtColl [xs] clojure.lang.Counted (count [_] (count xs)) clojure.lang.Indexed"
      " (nth [_ i] (nth xs i)) (nth [_ i nf] (nth xs i nf)) clojure.lang.Seqable (seq [_] (seq xs))"
      " clojure.lang.ILookup (valAt [_ k] (get xs k)) (valAt [_ k nf] (get xs k nf)) clojure.lang.Sequential"
      " clojure.lang.IPersistentStack (peek [_] (peek xs)) (pop [_] (TtColl. (pop xs))))"
      "(->TtColl [10 20 30])",
      "<test>");
  vm.permanent.push_back(t);
  EXPECT_EQ(count(vm, t), 3);
  EXPECT_EQ(nth(vm, t, 1), Value::small_int(20));
  EXPECT_EQ(nth(vm, t, 7, Value::small_int(-1)), Value::small_int(-1));
  EXPECT_EQ(get(vm, t, Value::small_int(2)), Value::small_int(30));
  EXPECT_EQ(first(vm, t), Value::small_int(10));
  EXPECT_EQ(peek(vm, t), Value::small_int(30));
  EXPECT_EQ(count(vm, pop(vm, t)), 2);
  EXPECT_TRUE(is_counted(t));
  EXPECT_TRUE(is_sequential(t));
  EXPECT_TRUE(is_coll(t));  // IPersistentStack > IPersistentCollection
  EXPECT_FALSE(is_vector(t));
  EXPECT_TRUE(has_traits(t, trait::Indexed | trait::ILookup));
  EXPECT_EQ(instance_traits_of(t) & trait::Seqable, trait::Seqable);
  EXPECT_TRUE(equiv(vm, t, vm.eval_string("[10 20 30]", "<test>")));  // Sequential: element-wise
  EXPECT_EQ(hash(vm, t), hash(vm, t));  // no IHashEq: the identity hash, as on the JVM

  Value plain = vm.eval_string("(->TtType 1)", "<test>");
  vm.permanent.push_back(plain);
  EXPECT_THROW(count(vm, plain), CloveError);
  EXPECT_EQ(get(vm, plain, Value::small_int(0), Value::small_int(9)), Value::small_int(9));
  EXPECT_FALSE(is_counted(plain));
  EXPECT_EQ(instance_traits_of(plain), Traits{0});
  EXPECT_FALSE(equiv(vm, plain, vm.eval_string("(->TtType 1)", "<test>")));

  // a form naming Counted without giving count: AbstractMethodError
  Value half = vm.eval_string("(deftype TtHalf [] clojure.lang.Counted) (->TtHalf)", "<test>");
  vm.permanent.push_back(half);
  EXPECT_TRUE(is_counted(half));
  try {
    count(vm, half);
    ADD_FAILURE() << "count of TtHalf did not throw";
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::AbstractMethodError);
  }
}

// Classes that vary per instance take their name from the table.
TEST_F(TypeTable, PerInstanceClassNames) {
  EXPECT_EQ(class_name_of(vm.eval_string("(long-array 1)", "<test>")), "[J");
  EXPECT_EQ(class_name_of(vm.eval_string("(seq (long-array 1))", "<test>")), "clojure.lang.ArraySeq$ArraySeq_long");
  EXPECT_EQ(class_name_of(vm.eval_string("(->TtRec 1)", "<test>")), "user.TtRec");
  EXPECT_EQ(class_name_of(vm.eval_string("(ex-info \"x\" {})", "<test>")), "clojure.lang.ExceptionInfo");
  EXPECT_STREQ(value_type_name(vm.eval_string("(ArithmeticException. \"x\")", "<test>")), "java.lang.ArithmeticException");
}

}  // namespace
}  // namespace clove
