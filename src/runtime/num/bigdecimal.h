// bigdecimal.h: java.math.BigDecimal arithmetic on BigDecimal values (bignum.h) with
// Clojure's *math-context* (clojure.lang.Numbers.BigDecimalOps).
//
// A BigDecimal is unscaled * 10^-scale. Without a math context the operations are
// exact, with Java's result scales: a sum has the larger scale, a product the sum of
// the scales, a quotient the scale dividend.scale - divisor.scale raised just enough
// to hold the exact result (or ArithmeticException "Non-terminating decimal
// expansion; no exact representable decimal result."). With a math context (bound by
// `with-precision`) every result is rounded to `precision` significant digits with the
// context's rounding mode (Java's MathContext; preferred scales as in the JDK's
// BigDecimal add/divide/divideToIntegralValue). Operands that are longs, BigInts or
// Ratios are converted first as Clojure's Numbers.toBigDecimal does (a Ratio by a
// division that obeys the math context).
//
// Limits: a scale must fit an int32 (else ArithmeticException "Overflow"/"Underflow",
// as Java); an intermediate needing more than kMaxDecimalDigits digits throws
// ArithmeticException instead of exhausting memory (e.g. (+ 1E999999999M 1M)).
#pragma once
#include <gmp.h>

#include <cstdint>
#include <string_view>

#include "gc/heap.h"
#include "runtime/num/bignum.h"
#include "runtime/num/number.h"

namespace clove {

class State;

/// java.math.RoundingMode.
enum class RoundingMode : uint8_t { Up, Down, Ceiling, Floor, HalfUp, HalfDown, HalfEven, Unnecessary };

/// java.math.MathContext: precision in significant decimal digits (0: unlimited,
/// i.e. exact arithmetic) and the rounding mode applied when digits are dropped.
struct MathContext {
  uint32_t precision = 0;
  RoundingMode rounding = RoundingMode::HalfUp;
};

/// The most decimal digits a BigDecimal operation may materialise (about 4 MB).
constexpr int64_t kMaxDecimalDigits = 10'000'000;

/// Parses a RoundingMode name: "HALF_UP", "FLOOR", ... (also Java's legacy
/// "ROUND_HALF_UP" spelling). False for anything else.
bool parse_rounding_mode(std::string_view name, RoundingMode* out);
/// The Java name of a rounding mode ("HALF_UP").
const char* rounding_mode_name(RoundingMode m);

/// The math context in effect in `vm`: the value of clojure.core/*math-context* (nil,
/// or a map {:precision n :rounding :HALF_UP} as made by `with-precision`, read through
/// the type table's lookup). Unlimited when the var is nil or missing (a State without
/// clojure.core's library). Throws ClassCastException when the var holds anything else.
MathContext current_math_context(State& vm);

/// out = 10^n, for 0 <= n <= kMaxDecimalDigits; ArithmeticException past the limit.
void pow10_checked(mpz_t out, int64_t n);

/// a op b where at least one operand is a BigDecimal and neither is a double (the
/// others: long, BigInt, Ratio); the result is a BigDecimal. Uses the current math
/// context. Throws ArithmeticException "Divide by zero" for a zero divisor of / quot
/// rem mod, "Non-terminating decimal expansion; ..." for an inexact unlimited
/// division, "Rounding necessary" under rounding mode UNNECESSARY, "Division
/// impossible" when an integral quotient does not fit the precision.
/// Sub is add of the negated subtrahend, as Numbers.minus; Mod is Clojure's `mod`
/// (rem, then + divisor when the signs differ).
Value decimal_arith(State& vm, ArithOp op, Value a, Value b);
/// -x of a BigDecimal (BigDecimal.negate(mc)).
Value decimal_negate(State& vm, const BigDecimal* x);
/// |x| of a BigDecimal (BigDecimal.abs(mc)).
Value decimal_abs(State& vm, const BigDecimal* x);
/// Clojure's toBigDecimal of a long, BigInt, Ratio or BigDecimal under the current
/// math context (a Ratio is divided; a BigDecimal is returned as is).
Value to_bigdecimal(State& vm, Value x);
/// Numeric comparison (-1, 0, 1) of two non-double numbers, at least one a BigDecimal,
/// as BigDecimal.compareTo after Clojure's toBigDecimal without a math context (so a
/// Ratio with a non-terminating expansion throws ArithmeticException). Never
/// materialises a huge power of ten: 1E999999999M compares instantly.
int decimal_compare(Value a, Value b);
/// Clojure's rationalize of a BigDecimal: an exact BigInt or Ratio (1.5M -> 3/2, 2.0M -> 2N).
Value decimal_rationalize(Heap& h, const BigDecimal* d);

}  // namespace clove
