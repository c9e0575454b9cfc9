// printer_test.cpp: pr-str / print / str of every built-in value (SPEC L16 for data)
// and the big-number types (BigInt, Ratio, BigDecimal: text, equality, hashing).
// Expected strings were produced by JVM Clojure 1.11 (pr-str, print-str, str).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "reader/reader.h"
#include "runtime/num/bignum.h"
#include "core/print_context.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/ref_types.h"
#include "runtime/lang/exception.h"
#include "state/namespace.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "api/runtime.h"

using namespace clove;

namespace {

class PrinterTest : public ::testing::Test {
 protected:
  Runtime vm{RuntimeOptions{.load_core_library = false}};  // natives only: no compiler needed
  Value rd(std::string_view s) { return read_one(vm, s); }
  std::string pr(Value v) { return pr_str(vm, v); }
  std::string pr(std::string_view src) { return pr_str(vm, rd(src)); }
  std::string print(Value v) {
    std::string out;
    print_value(vm, out, v, false);
    return out;
  }
  std::string print(std::string_view src) { return print(rd(src)); }
  std::string str(std::string_view src) { return str_of(vm, rd(src)); }
  Value d(double x) { return Value::from_double(x); }
  void set_core(const char* name, Value v) {
    Var* var = vm.intern(vm.core_ns(), vm.sym(name));
    var->root = v;
    var->bound = true;
  }
};

TEST_F(PrinterTest, Atoms) {
  EXPECT_EQ(pr(Value::nil()), "nil");
  EXPECT_EQ(print(Value::nil()), "nil");
  EXPECT_EQ(str_of(vm, Value::nil()), "");
  EXPECT_EQ(pr(Value::t()), "true");
  EXPECT_EQ(pr(Value::f()), "false");
  EXPECT_EQ(pr(Value::small_int(-1)), "-1");
  EXPECT_EQ(pr(make_long(vm.heap, INT64_MIN)), "-9223372036854775808");
  EXPECT_EQ(pr(make_long(vm.heap, INT64_MAX)), "9223372036854775807");
  EXPECT_EQ(pr(Value::object(vm.kw("a"))), ":a");
  EXPECT_EQ(pr(Value::object(vm.names.keyword("a", "b"))), ":a/b");
  EXPECT_EQ(pr(Value::object(vm.sym("a/b"))), "a/b");
  EXPECT_EQ(pr(Value::object(vm.names.symbol({}, "a b"))), "a b");
  EXPECT_EQ(pr(Value::object(vm.names.keyword({}, "a b"))), ":a b");
}

TEST_F(PrinterTest, Doubles) {
  struct Case {
    double d;
    const char* text;
  } cases[] = {
      {1.0, "1.0"}, {0.1, "0.1"}, {1e10, "1.0E10"}, {1e-5, "1.0E-5"}, {-0.0, "-0.0"}, {0.0, "0.0"},
      {1e7, "1.0E7"}, {9999999.0, "9999999.0"}, {1e-3, "0.001"}, {0.0001, "1.0E-4"}, {123.456, "123.456"},
      {1e21, "1.0E21"}, {1e100, "1.0E100"}, {5e-324, "4.9E-324"},
      {1.7976931348623157E308, "1.7976931348623157E308"}, {100.0, "100.0"}, {1234567.0, "1234567.0"},
      {12345678.9, "1.23456789E7"}, {0.3, "0.3"}, {1.0 / 3, "0.3333333333333333"}, {2e-3, "0.002"},
      {3.0e-4, "3.0E-4"}, {1.5, "1.5"}, {1.0e15, "1.0E15"}, {1.2345678901234567E19, "1.2345678901234567E19"},
      {9.223372036854776E18, "9.223372036854776E18"}, {22.0 / 7, "3.142857142857143"}, {-1.5, "-1.5"},
      {-1e-7, "-1.0E-7"}, {0.00001234, "1.234E-5"}, {12345.678, "12345.678"}, {1e6, "1000000.0"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(pr(d(c.d)), c.text) << c.text;
    EXPECT_EQ(format_double(c.d), c.text);
  }
  EXPECT_EQ(pr(d(std::numeric_limits<double>::quiet_NaN())), "##NaN");
  EXPECT_EQ(pr(d(HUGE_VAL)), "##Inf");
  EXPECT_EQ(pr(d(-HUGE_VAL)), "##-Inf");
  EXPECT_EQ(print(d(HUGE_VAL)), "##Inf");
  EXPECT_EQ(str_of(vm, d(std::numeric_limits<double>::quiet_NaN())), "NaN");
  EXPECT_EQ(str_of(vm, d(HUGE_VAL)), "Infinity");
  EXPECT_EQ(str_of(vm, d(-HUGE_VAL)), "-Infinity");
  EXPECT_EQ(pr("[##NaN ##Inf]"), "[##NaN ##Inf]");
  EXPECT_EQ(str("[##NaN]"), "[##NaN]");
}

TEST_F(PrinterTest, Characters) {
  EXPECT_EQ(pr(Value::character('a')), "\\a");
  EXPECT_EQ(print(Value::character('a')), "a");
  EXPECT_EQ(str_of(vm, Value::character('a')), "a");
  EXPECT_EQ(pr(Value::character('\n')), "\\newline");
  EXPECT_EQ(print(Value::character('\n')), "\n");
  EXPECT_EQ(pr(Value::character(' ')), "\\space");
  EXPECT_EQ(pr(Value::character('\t')), "\\tab");
  EXPECT_EQ(pr(Value::character('\b')), "\\backspace");
  EXPECT_EQ(pr(Value::character('\f')), "\\formfeed");
  EXPECT_EQ(pr(Value::character('\r')), "\\return");
  EXPECT_EQ(pr(Value::character(0xE9)), "\\é");
  EXPECT_EQ(pr(Value::character(0)), std::string("\\") + std::string(1, '\0'));
  EXPECT_EQ(pr(Value::character(0x1F600)), "\\😀");
  EXPECT_EQ(pr("(\\a \\b)"), "(\\a \\b)");
  EXPECT_EQ(print("(\\a \\b)"), "(a b)");
  EXPECT_EQ(str("(\\a \\b)"), "(\\a \\b)");
}

TEST_F(PrinterTest, Strings) {
  Value s = string_value(vm.heap, std::string("a\"b\\c\nd\te\rf\bg\fh") + '\0' + "i\x07");
  EXPECT_EQ(pr(s), std::string("\"a\\\"b\\\\c\\nd\\te\\rf\\bg\\fh") + '\0' + "i\x07\"");
  EXPECT_EQ(print(s), std::string("a\"b\\c\nd\te\rf\bg\fh") + '\0' + "i\x07");
  EXPECT_EQ(str_of(vm, s), print(s));
  EXPECT_EQ(pr(string_value(vm.heap, "é")), "\"é\"");
  EXPECT_EQ(pr(string_value(vm.heap, "")), "\"\"");
  EXPECT_EQ(print(string_value(vm.heap, "")), "");
  EXPECT_EQ(pr("[1 \"a\"]"), "[1 \"a\"]");
  EXPECT_EQ(print("[1 \"a\"]"), "[1 a]");
  EXPECT_EQ(str("[1 \"a\"]"), "[1 \"a\"]");
  EXPECT_EQ(print("{:a 1 :b \"x\"}"), "{:a 1, :b x}");
}

TEST_F(PrinterTest, Collections) {
  EXPECT_EQ(pr("()"), "()");
  EXPECT_EQ(pr("(1 2)"), "(1 2)");
  EXPECT_EQ(pr("[]"), "[]");
  EXPECT_EQ(pr("[nil]"), "[nil]");
  EXPECT_EQ(pr("{}"), "{}");
  EXPECT_EQ(pr("{:a 1 :b \"x\"}"), "{:a 1, :b \"x\"}");
  EXPECT_EQ(pr("{nil nil}"), "{nil nil}");
  EXPECT_EQ(pr("#{}"), "#{}");
  EXPECT_EQ(pr("#{1}"), "#{1}");
  EXPECT_EQ(pr("'a"), "(quote a)");
  EXPECT_EQ(pr("@a"), "(clojure.core/deref a)");
  Value v = rd("[1 2 3]");
  EXPECT_EQ(pr(seq(vm, v)), "(1 2 3)");
  EXPECT_EQ(pr(rest(vm, v)), "(2 3)");
  EXPECT_EQ(pr(cons(vm, Value::small_int(1), Value::nil())), "(1)");
  EXPECT_EQ(pr(cons(vm, Value::small_int(0), v)), "(0 1 2 3)");
  Value m = rd("{:a 1}");
  EXPECT_EQ(pr(first(vm, m)), "[:a 1]");
  EXPECT_EQ(pr(seq(vm, m)), "([:a 1])");
  EXPECT_EQ(pr(map_entry(vm.heap, Value::small_int(1), Value::nil())), "[1 nil]");
}

TEST_F(PrinterTest, BigNumbers) {
  EXPECT_EQ(pr("1N"), "1N");
  EXPECT_EQ(print("1N"), "1N");
  EXPECT_EQ(str("1N"), "1");
  EXPECT_EQ(pr("1/3"), "1/3");
  EXPECT_EQ(str("-1/3"), "-1/3");
  EXPECT_EQ(pr("1.5M"), "1.5M");
  EXPECT_EQ(str("1.5M"), "1.5");
  EXPECT_EQ(str("1.50M"), "1.50");
  EXPECT_EQ(pr("0.001M"), "0.001M");
  EXPECT_EQ(pr("1E+3M"), "1E+3M");
  EXPECT_EQ(str("1E+3M"), "1E+3");
  EXPECT_EQ(pr("1e-10M"), "1E-10M");
  EXPECT_EQ(pr("123456789012345678901234567890N"), "123456789012345678901234567890N");
  EXPECT_EQ(str("123456789012345678901234567890N"), "123456789012345678901234567890");
  EXPECT_EQ(pr("[1N 1/2 1M]"), "[1N 1/2 1M]");
}

TEST_F(PrinterTest, PrintLengthAndLevel) {
  set_core("*print-length*", Value::small_int(2));
  EXPECT_EQ(pr("[1 2 3]"), "[1 2 ...]");
  EXPECT_EQ(pr("(1 2 3)"), "(1 2 ...)");
  EXPECT_EQ(pr("{:a 1 :b 2 :c 3}"), "{:a 1, :b 2, ...}");
  EXPECT_EQ(pr("#{1}"), "#{1}");
  EXPECT_EQ(pr("[1 2]"), "[1 2]");
  EXPECT_EQ(pr("[]"), "[]");
  set_core("*print-length*", Value::small_int(0));
  EXPECT_EQ(pr("[1]"), "[...]");
  EXPECT_EQ(pr("[]"), "[]");
  set_core("*print-length*", Value::nil());
  set_core("*print-level*", Value::small_int(2));
  EXPECT_EQ(pr("[1 [2 [3 [4]]]]"), "[1 [2 #]]");
  EXPECT_EQ(pr("{:a {:b {:c 1}}}"), "{:a {:b #}}");
  EXPECT_EQ(pr("[[]]"), "[[]]");
  EXPECT_EQ(pr("((()))"), "((#))");
  set_core("*print-level*", Value::small_int(0));
  EXPECT_EQ(pr("[1]"), "#");
  EXPECT_EQ(pr("1"), "1");
}

TEST_F(PrinterTest, PrintMeta) {
  Value v = rd("^{:a 1} [1]");
  EXPECT_EQ(pr(v), "[1]");
  set_core("*print-meta*", Value::t());
  EXPECT_EQ(pr(v), "^{:a 1} [1]");
  EXPECT_EQ(print(v), "[1]");
  EXPECT_EQ(pr(rd("^String x")), "^String x");
}

TEST_F(PrinterTest, NamespaceMaps) {
  EXPECT_EQ(pr("{:a/b 1 :a/c 2}"), "{:a/b 1, :a/c 2}");
  set_core("*print-namespace-maps*", Value::t());
  EXPECT_EQ(pr("{:a/b 1 :a/c 2}"), "#:a{:b 1, :c 2}");
  EXPECT_EQ(pr("{a/b 1 a/c 2}"), "#:a{b 1, c 2}");
  EXPECT_EQ(pr("{:a/b 1 :c 2}"), "{:a/b 1, :c 2}");
  EXPECT_EQ(pr("{:a/b {:a/c 1}}"), "#:a{:b #:a{:c 1}}");
  EXPECT_EQ(pr("{}"), "{}");
}

TEST_F(PrinterTest, VarsNamespacesFunctions) {
  Var* v = vm.intern(vm.current_ns(), vm.sym("x"));
  EXPECT_EQ(pr(Value::object(v)), "#'user/x");
  EXPECT_EQ(str_of(vm, Value::object(v)), "#'user/x");
  EXPECT_EQ(pr(Value::object(vm.current_ns())), "#namespace[user]");
  EXPECT_EQ(str_of(vm, Value::object(vm.current_ns())), "user");
  Var* inc = vm.resolve_var(vm.current_ns(), vm.sym("clojure.core/str"));
  if (inc && inc->bound) {
    std::string s = pr(inc->root);
    EXPECT_EQ(s.rfind("#object[clojure.core$str 0x", 0), 0u) << s;
    EXPECT_NE(s.find(" \"clojure.core$str@"), std::string::npos) << s;
    EXPECT_EQ(str_of(vm, inc->root).rfind("clojure.core$str@", 0), 0u);
  }
}

TEST_F(PrinterTest, Exceptions) {
  Exception* e = vm.make_exception(ErrorKind::Exception, "x");
  EXPECT_EQ(pr(Value::object(e)), "#error {\n :cause \"x\"\n :via\n [{:type java.lang.Exception\n   :message \"x\"}]\n :trace\n []}");
  EXPECT_EQ(print(Value::object(e)), "#error {\n :cause x\n :via\n [{:type java.lang.Exception\n   :message x}]\n :trace\n []}");
  EXPECT_EQ(str_of(vm, Value::object(e)), "java.lang.Exception: x");
  Exception* info = vm.make_exception(ErrorKind::ExceptionInfo, "boom");
  info->data = rd("{:a 1}");
  EXPECT_EQ(str_of(vm, Value::object(info)), "clojure.lang.ExceptionInfo: boom {:a 1}");
  info->cause = Value::object(e);
  EXPECT_EQ(pr(Value::object(info)),
            "#error {\n :cause \"x\"\n :via\n [{:type clojure.lang.ExceptionInfo\n   :message \"boom\"\n   :data {:a 1}}\n"
            "  {:type java.lang.Exception\n   :message \"x\"}]\n :trace\n []}");
}

TEST_F(PrinterTest, DeepDataIsAnErrorNotACrash) {
  Value v = Value::nil();
  for (int i = 0; i < 20000; ++i) v = vector_from(vm.heap, &v, 1);
  RootScope keep(vm.heap);
  keep.push(v);
  try {
    pr(v);
    ADD_FAILURE() << "expected an error";
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::StackOverflowError);
  }
  // The depth counter is reset after the error: printing works again.
  EXPECT_EQ(pr("[[1]]"), "[[1]]");
}

TEST_F(PrinterTest, BoundedPrintingForErrorReports) {
  RootScope keep(vm.heap);
  std::vector<Value> items;
  for (int i = 0; i < 150; ++i) items.push_back(Value::small_int(i));
  Value long_vec = vector_from(vm.heap, items.data(), items.size());
  keep.push(long_vec);
  std::string s = pr_str_bounded(vm, long_vec);
  EXPECT_EQ(s.rfind("[0 1 2 ", 0), 0u) << s;
  EXPECT_NE(s.find(" 98 99 ...]"), std::string::npos) << s;
  EXPECT_EQ(pr_str_bounded(vm, rd("[1 [2 [3]]]"),
                           PrintBounds{.length = 100, .level = 2, .max_chars = 100}),
            "[1 [2 #]]");
  // Tighter bindings of the program's still apply.
  set_core("*print-length*", Value::small_int(2));
  EXPECT_EQ(pr_str_bounded(vm, rd("[1 2 3]")), "[1 2 ...]");
  set_core("*print-length*", Value::small_int(1000));
  EXPECT_NE(pr_str_bounded(vm, long_vec).find(" 99 ...]"), std::string::npos);
  set_core("*print-length*", Value::nil());
  // The text stops after max_chars bytes, on a character boundary, then "...".
  EXPECT_EQ(pr_str_bounded(vm, long_vec, PrintBounds{.length = 100, .level = 10, .max_chars = 10}),
            "[0 1 2 3 4...");
  Value accented = rd("[\"\u00e9\u00e9\u00e9\u00e9\"]");  // each é is 2 bytes
  EXPECT_EQ(pr_str_bounded(vm, accented, PrintBounds{.length = 100, .level = 10, .max_chars = 5}),
            "[\"\xC3\xA9...");
  EXPECT_EQ(
      pr_str_bounded(vm, rd("[1 2]"), PrintBounds{.length = 100, .level = 10, .max_chars = 5}),
      "[1 2]");
  // Deep data prints its first levels.
  Value deep = Value::nil();
  for (int i = 0; i < 100000; ++i) deep = vector_from(vm.heap, &deep, 1);
  keep.push(deep);
  EXPECT_EQ(pr_str_bounded(vm, deep), "[[[[[[[[[[#]]]]]]]]]]");
  // str_bounded: strings raw, collections bounded.
  EXPECT_EQ(str_bounded(vm, rd("\"s\"")), "s");
  EXPECT_NE(str_bounded(vm, long_vec).find(" 99 ...]"), std::string::npos);
}

// ---- print and str hooks in the per-type table ----

// Swaps a type's print and str hooks in the per-type table for one test (the table is
// filled once, at startup; the type's own hooks come back at the end of the scope).
class SwapHooks {
 public:
  SwapHooks(ObjType t, PrintHook print, PrintHook str)
      : ti_(const_cast<TypeInfo&>(type_info(t))), print_(ti_.print), str_(ti_.str) {
    ti_.print = print;
    ti_.str = str;
  }
  ~SwapHooks() {
    ti_.print = print_;
    ti_.str = str_;
  }

 private:
  TypeInfo& ti_;
  PrintHook print_, str_;
};

Value volatile_of(State& vm, Value v) { return Value::object(vm.heap.make<Volatile>(v)); }

// "#v " then the held value: a wrapper that adds no level of its own, as TaggedLiteral.
void print_wrapper(PrintContext& p, Value v) {
  p.out += p.readably ? "#v " : "#v-print ";
  p.value(static_cast<Volatile*>(v.as_obj())->val);
}
// "#c{x ...}": a collection-like body, as a record's fields.
void print_coll_like(PrintContext& p, Value v) {
  p.out += "#c";
  if (!p.enter_coll()) return;
  p.out += '{';
  Value items = static_cast<Volatile*>(v.as_obj())->val;
  for (int64_t i = 0; i < count(p.vm, items); ++i) {
    if (i > 0) p.out += ' ';
    if (p.length_limit() >= 0 && i == p.length_limit()) {
      p.out += "...";
      break;
    }
    p.value(nth(p.vm, items, i));
  }
  p.out += '}';
  p.leave_coll();
}
void str_hook(PrintContext& p, Value v) { p.out += "str:" + p.str(static_cast<Volatile*>(v.as_obj())->val); }

TEST_F(PrinterTest, TypesPrintThroughTheirHooksInTheTypeTable) {
  SwapHooks swap(ObjType::Volatile, print_wrapper, str_hook);
  RootScope keep(vm.heap);
  Value v = volatile_of(vm, rd("[1 \"s\" \\c]"));
  keep.push(v);
  EXPECT_EQ(pr(v), "#v [1 \"s\" \\c]");  // nested values printed readably
  EXPECT_EQ(print(v), "#v-print [1 s c]");
  EXPECT_EQ(str_of(vm, v), "str:[1 \"s\" \\c]");
  EXPECT_EQ(pr("[1]"), "[1]");  // other types are unaffected
}

TEST_F(PrinterTest, NestedValuesOfAHookKeepThePrintLevelAndLength) {
  SwapHooks swap(ObjType::Volatile, print_wrapper, nullptr);
  RootScope keep(vm.heap);
  size_t w = keep.push(rd("[[1 [2 [3]]]]"));
  keep[w] = volatile_of(vm, keep[w]);
  size_t outer = keep.push(vector_from(vm.heap, &keep[w], 1));  // [#v [[1 [2 [3]]]]]
  set_core("*print-level*", Value::small_int(3));
  // The vectors inside the hook are at levels 2, 3, 4: the count goes on through it.
  EXPECT_EQ(pr(keep[outer]), "[#v [[1 #]]]");
  set_core("*print-level*", Value::nil());
  set_core("*print-length*", Value::small_int(1));
  EXPECT_EQ(pr(keep[outer]), "[#v [[1 ...]]]");
  // The str hook's default: str of a type without one is its pr text.
  EXPECT_EQ(str_of(vm, keep[outer]), "[#v [[1 ...]]]");
}

TEST_F(PrinterTest, ACollectionLikeHookCountsAPrintLevel) {
  SwapHooks swap(ObjType::Volatile, print_coll_like, nullptr);
  RootScope keep(vm.heap);
  size_t c = keep.push(volatile_of(vm, rd("[1 [2] 3]")));
  size_t outer = keep.push(vector_from(vm.heap, &keep[c], 1));  // [#c{1 [2] 3}]
  EXPECT_EQ(pr(keep[outer]), "[#c{1 [2] 3}]");
  set_core("*print-level*", Value::small_int(2));
  EXPECT_EQ(pr(keep[outer]), "[#c{1 # 3}]");
  set_core("*print-level*", Value::small_int(1));
  EXPECT_EQ(pr(keep[outer]), "[#c#]");
  set_core("*print-level*", Value::nil());
  set_core("*print-length*", Value::small_int(2));
  EXPECT_EQ(pr(keep[outer]), "[#c{1 [2] ...}]");
}

TEST_F(PrinterTest, TheDepthLimitCountsThroughHooks) {
  SwapHooks swap(ObjType::Volatile, print_wrapper, nullptr);
  RootScope keep(vm.heap);
  size_t v = keep.push(Value::nil());
  for (uint32_t i = 0; i < kMaxPrintDepth + 10; ++i) keep[v] = volatile_of(vm, keep[v]);
  try {
    pr(keep[v]);
    ADD_FAILURE() << "expected an error";
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::StackOverflowError);
  }
  EXPECT_EQ(pr(volatile_of(vm, Value::small_int(1))), "#v 1");
}

// ---- big numbers ----

TEST_F(PrinterTest, BigNumberEquality) {
  EXPECT_TRUE(bignum_equiv(rd("1N"), Value::small_int(1)));
  EXPECT_TRUE(bignum_equiv(Value::small_int(1), rd("1N")));
  EXPECT_FALSE(bignum_equiv(rd("1/2"), d(0.5)));
  EXPECT_FALSE(bignum_equiv(rd("1.5M"), d(1.5)));
  EXPECT_TRUE(bignum_equiv(rd("1.5M"), rd("1.50M")));
  EXPECT_FALSE(bignum_equiv(rd("1N"), rd("1M")));
  EXPECT_FALSE(bignum_equiv(rd("1M"), Value::small_int(1)));
  EXPECT_TRUE(bignum_equiv(rd("1/3"), rd("2/6")));
  EXPECT_FALSE(bignum_equiv(rd("1/3"), rd("1/4")));
  EXPECT_FALSE(bignum_equiv(rd("1N"), Value::nil()));
  EXPECT_TRUE(bignum_equiv(rd("9223372036854775808"), rd("9223372036854775808N")));
}

TEST_F(PrinterTest, BigNumberHashesMatchClojure) {
  // (hash x) in Clojure 1.11.
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("1N"))), 1392991556);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("0N"))), 0);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("-5N"))), 1222806974);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("9223372036854775808N"))), -2147483648);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("123456789012345678901234567890N"))), 1915528825);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("-123456789012345678901234567890N"))), -1915528825);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("1/3"))), 2);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("-1/3"))), -4);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("123456789012345678901/2"))), -1480862888);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("1.5M"))), 466);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("1.50M"))), 466);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("0M"))), 0);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("0.00M"))), 0);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("1M"))), 31);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("10M"))), 30);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("1E+1M"))), 30);
  EXPECT_EQ(static_cast<int32_t>(bignum_hash(rd("-2.5M"))), -774);
}

TEST_F(PrinterTest, BigNumberConversions) {
  EXPECT_EQ(bignum_to_double(rd("1/3")), 1.0 / 3);
  EXPECT_EQ(bignum_to_double(rd("-1/3")), -1.0 / 3);
  // Clojure rounds a ratio to 16 significant digits first (MathContext.DECIMAL64).
  EXPECT_EQ(pr(d(bignum_to_double(rd("2/3")))), "0.6666666666666667");
  EXPECT_EQ(pr(d(bignum_to_double(rd("-2/3")))), "-0.6666666666666667");
  EXPECT_EQ(pr(d(bignum_to_double(rd("1/7")))), "0.1428571428571429");
  EXPECT_EQ(pr(d(bignum_to_double(rd("123456789012345678901/7")))), "1.763668414462081E19");
  EXPECT_EQ(bignum_to_double(rd("1.5M")), 1.5);
  EXPECT_EQ(bignum_to_double(rd("1E+400M")), HUGE_VAL);
  EXPECT_EQ(bignum_to_double(rd("9007199254740993N")), 9007199254740992.0);  // round to nearest even
  EXPECT_EQ(bignum_compare(rd("1/3"), rd("1/2")), -1);
  EXPECT_EQ(bignum_compare(rd("1/2"), d(0.5)), 0);
  EXPECT_EQ(bignum_compare(rd("1N"), d(HUGE_VAL)), -1);
  EXPECT_EQ(bignum_compare(d(-HUGE_VAL), rd("1N")), -1);
  EXPECT_EQ(bignum_compare(rd("1N"), d(std::nan(""))), 2);
  EXPECT_EQ(bignum_compare(rd("2.0M"), Value::small_int(2)), 0);
  Value s = string_value(vm.heap, "x");
  EXPECT_THROW(bignum_compare(rd("1N"), s), CloveError);
  EXPECT_TRUE(is_bignum(rd("1N")));
  EXPECT_FALSE(is_bignum(Value::small_int(1)));
  EXPECT_TRUE(is<BigInt>(make_bigint(vm.heap, 5)));
  mpz_t one, zero;
  mpz_init_set_ui(one, 1);
  mpz_init_set_ui(zero, 0);
  EXPECT_THROW(make_ratio(vm.heap, one, zero, true), CloveError);
  mpz_clear(one);
  mpz_clear(zero);
  Value out;
  EXPECT_FALSE(parse_bigdecimal(vm.heap, "1e", &out));
  EXPECT_FALSE(parse_bigdecimal(vm.heap, "", &out));
  EXPECT_FALSE(parse_bigdecimal(vm.heap, "1.5x", &out));
  EXPECT_FALSE(parse_bigdecimal(vm.heap, "1e99999999999", &out));
  EXPECT_TRUE(parse_bigdecimal(vm.heap, ".5", &out));
  EXPECT_EQ(pr(out), "0.5M");
}

}  // namespace
