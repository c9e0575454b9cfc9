// bignum_test.cpp: BigDecimal arithmetic (runtime/num/bigdecimal.h): Java's exact scale
// rules, rounding under a math context, comparisons that never build huge powers of
// ten, limits (scale overflow, digit cap) and *math-context* through with-precision.
// Expected texts come from JVM Clojure 1.11 (java.math.BigDecimal).
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "core/error.h"
#include "runtime/num/bigdecimal.h"
#include "runtime/num/bignum.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "api/runtime.h"

using namespace clove;

namespace {

/// Arithmetic in a VM without clojure.core's library, so without *math-context*
/// (exact arithmetic).
class BareDecimalTest : public ::testing::Test {
 protected:
  Runtime vm{RuntimeOptions{.load_core_library = false}};
  Heap& heap = vm.heap;
  Value dec(const char* text) {
    Value v;
    EXPECT_TRUE(parse_bigdecimal(heap, text, &v)) << text;
    return v;
  }
  static std::string text(Value v) {
    EXPECT_TRUE(is<BigDecimal>(v));
    return bigdecimal_to_string(as<BigDecimal>(v));
  }
  std::string op(ArithOp o, const char* a, const char* b) { return text(arith(vm, o, dec(a), dec(b))); }
  /// The message of the ArithmeticException `f` throws ("" when it does not throw).
  template <class F>
  static std::string arithmetic_error(F f) {
    try {
      f();
    } catch (const CloveError& e) {
      EXPECT_EQ(e.kind, ErrorKind::ArithmeticException);
      return e.what();
    }
    return "";
  }
};

TEST_F(BareDecimalTest, SumScaleIsTheLargerScale) {
  EXPECT_EQ(op(ArithOp::Add, "1.5", "2.25"), "3.75");
  EXPECT_EQ(op(ArithOp::Add, "0.1", "0.2"), "0.3");
  EXPECT_EQ(op(ArithOp::Sub, "1.50", "0.5"), "1.00");
  EXPECT_EQ(op(ArithOp::Sub, "1.5", "1.5"), "0.0");
  EXPECT_EQ(op(ArithOp::Add, "1E+3", "1"), "1001");
  EXPECT_EQ(op(ArithOp::Add, "1E+3", "1E+2"), "1.1E+3");
  EXPECT_EQ(op(ArithOp::UAdd, "1.5", "1"), "2.5");
}

TEST_F(BareDecimalTest, ProductScaleIsTheSumOfScales) {
  EXPECT_EQ(op(ArithOp::Mul, "1.5", "2"), "3.0");
  EXPECT_EQ(op(ArithOp::Mul, "0.1", "0.1"), "0.01");
  EXPECT_EQ(op(ArithOp::Mul, "1E-5", "1E-5"), "1E-10");
  EXPECT_EQ(op(ArithOp::Mul, "0", "1.50"), "0.00");
  EXPECT_EQ(op(ArithOp::UMul, "1E+3", "1.0"), "1.0E+3");
}

TEST_F(BareDecimalTest, ContagionWithLongsBigIntsAndRatios) {
  EXPECT_EQ(text(arith(vm, ArithOp::Add, dec("1.5"), Value::small_int(2))), "3.5");
  EXPECT_EQ(text(arith(vm, ArithOp::Sub, Value::small_int(1), dec("1.5"))), "-0.5");
  EXPECT_EQ(text(arith(vm, ArithOp::Add, dec("1.5"), make_bigint(heap, 1))), "2.5");
  mpz_t n, d;
  mpz_init_set_ui(n, 1);
  mpz_init_set_ui(d, 4);
  Value quarter = make_ratio(heap, n, d, false);
  mpz_set_ui(d, 3);
  Value third = make_ratio(heap, n, d, false);
  mpz_clear(n);
  mpz_clear(d);
  EXPECT_EQ(text(arith(vm, ArithOp::Add, dec("1.5"), quarter)), "1.75");
  EXPECT_EQ(arithmetic_error([&] { arith(vm, ArithOp::Add, dec("1.5"), third); }),
            "Non-terminating decimal expansion; no exact representable decimal result.");
  // A double operand makes the result a double.
  Value r = arith(vm, ArithOp::Add, dec("1.5"), Value::from_double(1.0));
  ASSERT_TRUE(r.is_double());
  EXPECT_EQ(r.as_double(), 2.5);
}

TEST_F(BareDecimalTest, DivideUsesThePreferredScale) {
  EXPECT_EQ(op(ArithOp::Div, "1", "8"), "0.125");
  EXPECT_EQ(op(ArithOp::Div, "10", "4"), "2.5");
  EXPECT_EQ(op(ArithOp::Div, "100", "10"), "10");
  EXPECT_EQ(op(ArithOp::Div, "6.0", "2.00"), "3");
  EXPECT_EQ(op(ArithOp::Div, "1E+3", "1"), "1E+3");
  EXPECT_EQ(op(ArithOp::Div, "0", "5.00"), "0E+2");
  EXPECT_EQ(op(ArithOp::Div, "0.000", "5"), "0.000");
  EXPECT_EQ(op(ArithOp::Div, "1", "1E+10"), "1E-10");
  EXPECT_EQ(text(arith(vm, ArithOp::Div, dec("1"), Value::small_int(1024))), "0.0009765625");
}

TEST_F(BareDecimalTest, DivideErrors) {
  EXPECT_EQ(arithmetic_error([&] { op(ArithOp::Div, "1", "3"); }),
            "Non-terminating decimal expansion; no exact representable decimal result.");
  EXPECT_EQ(arithmetic_error([&] { op(ArithOp::Div, "1", "0"); }), "Divide by zero");
  EXPECT_EQ(arithmetic_error([&] { op(ArithOp::Div, "0", "0.0"); }), "Divide by zero");
  EXPECT_EQ(arithmetic_error([&] { op(ArithOp::Quot, "7", "0"); }), "Divide by zero");
  EXPECT_EQ(arithmetic_error([&] { op(ArithOp::Rem, "7", "0"); }), "Divide by zero");
  EXPECT_EQ(arithmetic_error([&] { op(ArithOp::Mod, "7", "0"); }), "Divide by zero");
}

TEST_F(BareDecimalTest, QuotRemMod) {
  EXPECT_EQ(text(arith(vm, ArithOp::Quot, dec("7.5"), Value::small_int(2))), "3.0");
  EXPECT_EQ(text(arith(vm, ArithOp::Rem, dec("7.5"), Value::small_int(2))), "1.5");
  EXPECT_EQ(text(arith(vm, ArithOp::Quot, dec("-7.5"), Value::small_int(2))), "-3.0");
  EXPECT_EQ(text(arith(vm, ArithOp::Rem, dec("-7.5"), Value::small_int(2))), "-1.5");
  EXPECT_EQ(text(arith(vm, ArithOp::Mod, dec("-7.5"), Value::small_int(2))), "0.5");
  EXPECT_EQ(text(arith(vm, ArithOp::Mod, dec("7.5"), Value::small_int(-2))), "-0.5");
  EXPECT_EQ(text(arith(vm, ArithOp::Quot, dec("1E+3"), Value::small_int(3))), "333");
  EXPECT_EQ(op(ArithOp::Quot, "100", "0.3"), "333");
  EXPECT_EQ(op(ArithOp::Rem, "100", "0.3"), "0.1");
  EXPECT_EQ(op(ArithOp::Mod, "1.5", "0.25"), "0.00");
}

TEST_F(BareDecimalTest, NegateAndAbsKeepTheScale) {
  EXPECT_EQ(text(decimal_negate(vm, as<BigDecimal>(dec("1E+3")))), "-1E+3");
  EXPECT_EQ(text(decimal_negate(vm, as<BigDecimal>(dec("0.00")))), "0.00");
  EXPECT_EQ(text(decimal_abs(vm, as<BigDecimal>(dec("-2.50")))), "2.50");
}

TEST_F(BareDecimalTest, ComparisonsAreByValue) {
  EXPECT_EQ(decimal_compare(dec("1.0"), dec("1.00")), 0);
  EXPECT_EQ(decimal_compare(dec("1.5"), Value::small_int(2)), -1);
  EXPECT_EQ(decimal_compare(Value::small_int(2), dec("1.99")), 1);
  EXPECT_EQ(decimal_compare(dec("-1E+3"), dec("-999.5")), -1);
  EXPECT_TRUE(num_equiv(dec("1.0"), dec("1.00")));
  EXPECT_TRUE(num_compare(CmpOp::Eq, dec("2.0"), Value::small_int(2)));
  EXPECT_FALSE(num_equiv(dec("2.0"), Value::small_int(2)));  // different categories
  // Hashes of equal values agree, computed or read.
  EXPECT_EQ(num_hash(arith(vm, ArithOp::Mul, dec("1.5"), Value::small_int(2))), num_hash(dec("3")));
  EXPECT_EQ(num_hash(dec("3.0")), 93u);  // (hash 3.0M) on the JVM
}

TEST_F(BareDecimalTest, HugeExponentsAreFastOrAClearError) {
  auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(decimal_compare(dec("1E999999999"), Value::small_int(1)), 1);
  EXPECT_EQ(decimal_compare(dec("1E-999999999"), Value::small_int(0)), 1);
  EXPECT_TRUE(num_equiv(dec("1E999999999"), dec("1E+999999999")));
  EXPECT_EQ(op(ArithOp::Mul, "1E+1000000", "1E+1000000"), "1E+2000000");
  EXPECT_EQ(op(ArithOp::Div, "1E999999999", "1E-999999999"), "1E+1999999998");
  EXPECT_EQ(op(ArithOp::Add, "1E999999999", "1E999999999"), "2E+999999999");
  EXPECT_EQ(arithmetic_error([&] { op(ArithOp::Mul, "1E-2000000000", "1E-2000000000"); }), "Underflow");
  EXPECT_EQ(arithmetic_error([&] { op(ArithOp::Mul, "1E+2000000000", "1E+2000000000"); }), "Overflow");
  EXPECT_EQ(op(ArithOp::Mul, "0E-2000000000", "0E-2000000000"), "0E-2147483647");
  // Exact 1E999999999 + 1 needs a billion digits: refused, not attempted.
  std::string msg = arithmetic_error([&] { op(ArithOp::Add, "1E999999999", "1"); });
  EXPECT_NE(msg.find("too large"), std::string::npos) << msg;
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

TEST(RoundingModeTest, NamesRoundTrip) {
  for (auto m : {RoundingMode::Up, RoundingMode::Down, RoundingMode::Ceiling, RoundingMode::Floor,
                 RoundingMode::HalfUp, RoundingMode::HalfDown, RoundingMode::HalfEven, RoundingMode::Unnecessary}) {
    RoundingMode back;
    ASSERT_TRUE(parse_rounding_mode(rounding_mode_name(m), &back));
    EXPECT_EQ(back, m);
  }
  RoundingMode m;
  EXPECT_TRUE(parse_rounding_mode("ROUND_HALF_EVEN", &m));
  EXPECT_EQ(m, RoundingMode::HalfEven);
  EXPECT_FALSE(parse_rounding_mode("half_up", &m));
  EXPECT_FALSE(parse_rounding_mode("", &m));
}

TEST(MathContextTest, WithoutTheVarIsUnlimited) {
  Runtime vm{RuntimeOptions{.load_core_library = false}};
  EXPECT_EQ(current_math_context(vm).precision, 0u);
}

/// with-precision and *math-context* through the whole VM.
class DecimalVMTest : public ::testing::Test {
 protected:
  Runtime vm;
  std::string eval(const char* src) { return pr_str(vm, vm.eval_string(src, "<test>")); }
  std::string error(const char* src) {
    try {
      vm.eval_string(src, "<test>");
    } catch (const CloveError& e) {
      return e.what();
    }
    return "";
  }
};

TEST_F(DecimalVMTest, WithPrecisionRounds) {
  EXPECT_EQ(eval("(with-precision 10 (/ 1M 3))"), "0.3333333333M");
  EXPECT_EQ(eval("(with-precision 3 :rounding FLOOR (/ 2M 3))"), "0.666M");
  EXPECT_EQ(eval("(with-precision 3 :rounding HALF_EVEN (+ 1.225M 0M))"), "1.22M");
  EXPECT_EQ(eval("(with-precision 2 (- 1M 1.55M))"), "-0.6M");
  EXPECT_EQ(eval("(with-precision 2 (inc 99M))"), "1.0E+2M");
  EXPECT_EQ(eval("(with-precision 5 (+ 1.5M 1/3))"), "1.8333M");
  EXPECT_EQ(eval("(with-precision 10 (+ 1E999999999M 1M))"), "1.000000000E+999999999M");
  // The binding ends with the form, also when it throws.
  EXPECT_EQ(eval("[(try (with-precision 3 (throw (ex-info \"x\" {}))) (catch Exception e 0)) *math-context*]"),
            "[0 nil]");
  EXPECT_NE(error("(/ 1M 3)").find("Non-terminating"), std::string::npos);
}

TEST_F(DecimalVMTest, WithPrecisionErrors) {
  EXPECT_EQ(error("(with-precision 3 :rounding UNNECESSARY (/ 1M 3))"), "Rounding necessary");
  EXPECT_EQ(error("(with-precision -1 (/ 1M 4))"), "Digits < 0");
  EXPECT_EQ(error("(with-precision 3 :rounding SIDEWAYS (/ 1M 4))"), "No enum constant java.math.RoundingMode.SIDEWAYS");
  EXPECT_EQ(error("(with-precision 2 (quot 12345M 7))"), "Division impossible");
  EXPECT_NE(error("(binding [*math-context* 5] (+ 1M 1M))").find("*math-context*"), std::string::npos);
}

TEST_F(DecimalVMTest, CoercionsAndPrinting) {
  EXPECT_EQ(eval("[(* 1.5M 2) (/ 1M 8) (+ 1E+3M 0) (- 1E+3M) (abs -1E+3M)]"), "[3.0M 0.125M 1000M -1E+3M 1E+3M]");
  EXPECT_EQ(eval("[(rationalize 1.5M) (rationalize 2.0M) (rationalize 1E+3M) (rationalize 0.1)]"), "[3/2 2N 1000N 1/10]");
  EXPECT_EQ(eval("[(bigdec 1/4) (bigdec 3) (bigdec 1.5) (bigdec \"1.5e3\") (bigint 1.99M) (long -1.9M)]"),
            "[0.25M 3M 1.5M 1.5E+3M 1N -1]");
  EXPECT_EQ(eval("(with-precision 3 (bigdec 2/3))"), "0.667M");
  EXPECT_NE(error("(long 1E+30M)").find("Value out of range for long"), std::string::npos);
  EXPECT_NE(error("(bigdec \"abc\")").find("Character a is neither"), std::string::npos);
}

TEST_F(DecimalVMTest, SurvivesCollections) {
  vm.heap.set_stress(true);
  EXPECT_EQ(eval("(reduce + (map (fn [i] (/ (bigdec i) 8)) (range 200)))"), "2487.500M");
  EXPECT_EQ(eval("(with-precision 20 (reduce * (repeat 30 1.1M)))"), "17.449402268886407317M");
  vm.heap.set_stress(false);
}

}  // namespace
