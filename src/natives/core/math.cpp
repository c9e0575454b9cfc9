// math.cpp: the java.lang.Math class (`Math/sqrt`, `(. Math max a b)`, `Math/PI`): every
// static method and field of Java 17's Math that applies to Clove's longs and doubles.
//
// Arguments follow Clojure's reflector (clojure.lang.Reflector): a method with one
// overload of its arity converts any number to its parameter type ((Math/sqrt 4) is
// 2.0); among overloads, a double parameter takes only a double and a long or int
// parameter only a long, so (Math/max 1 2) is the long 2, (Math/max 1.0 2.0) the double
// 2.0, and (Math/max 1 2.0) or (Math/round 2) is an IllegalArgumentException "No
// matching method max found taking 2 args", as on the JVM. A float parameter takes only
// a Float ((Math/abs (float -1)) is the Float 1.0), as Reflector.paramArgTypeMatch
// decides. Math/random is in numeric.cpp, with rand.
#include <bit>
#include <cfloat>
#include <climits>
#include <cmath>
#include <cstring>

#include "natives/args.h"

namespace clove {

namespace {

[[noreturn]] void no_matching(const char* method, int nargs) {
  throw_error(ErrorKind::IllegalArgumentException,
              fmt::format("No matching method {} found taking {} args", method, nargs));
}
[[noreturn]] void overflow(const char* what) { throw_error(ErrorKind::ArithmeticException, what); }

// A double parameter of a method with one overload of its arity: any number.
double any_d(Args a, int i, const char* fn) { return to_double(arg_number(a, i, fn)); }
// A long parameter of a method with one overload of its arity: any number, truncated.
int64_t any_l(Args a, int i, const char* fn) {
  Value x = arg_number(a, i, fn);
  if (is_long(x)) return as_long(x);
  double d = to_double(x);
  if (std::isnan(d)) return 0;
  if (d >= 9.2233720368547758e18) return INT64_MAX;
  if (d <= -9.2233720368547758e18) return INT64_MIN;
  return static_cast<int64_t>(d);
}
// Parameters of an overloaded method: a double only for a double, a long for a long.
bool all_doubles(Args a) {
  for (int i = 0; i < a.size(); ++i)
    if (!a[i].is_double()) return false;
  return true;
}
bool all_longs(Args a) {
  for (int i = 0; i < a.size(); ++i)
    if (!is_long(a[i])) return false;
  return true;
}
double dbl(Args a, int i, const char* method) {
  if (!a[i].is_double()) no_matching(method, a.size());
  return a[i].as_double();
}
int64_t lng(Args a, int i, const char* method) {
  if (!is_long(a[i])) no_matching(method, a.size());
  return as_long(a[i]);
}

// A float parameter of an overloaded method: a Float only.
bool is_f(Args a, int i) { return is_float(a[i]); }
float flt(Args a, int i, const char* method) {
  if (!is_float(a[i])) no_matching(method, a.size());
  return as_float(a[i]);
}

Value D(double d) { return Value::from_double(d); }
Value L(State& vm, int64_t x) { return make_long(vm.heap, x); }
Value F(State& vm, float f) { return make_float(vm.heap, f); }

// ---- one overload: doubles in, a double out ----
#define CLOVE_MATH_D1(NAME, EXPR)                                 \
  Value m_##NAME(State&, Args a) {                                \
    double x = any_d(a, 0, "Math/" #NAME);                        \
    return D(EXPR);                                               \
  }
#define CLOVE_MATH_D2(NAME, EXPR)                                 \
  Value m_##NAME(State&, Args a) {                                \
    double x = any_d(a, 0, "Math/" #NAME);                        \
    double y = any_d(a, 1, "Math/" #NAME);                        \
    return D(EXPR);                                               \
  }
CLOVE_MATH_D1(sqrt, std::sqrt(x))
CLOVE_MATH_D1(cbrt, static_cast<double>(std::cbrt(static_cast<long double>(x))))  // glibc's double cbrt(27) is 3.0000000000000004
CLOVE_MATH_D1(floor, std::floor(x))
CLOVE_MATH_D1(ceil, std::ceil(x))
CLOVE_MATH_D1(rint, std::nearbyint(x))
CLOVE_MATH_D1(sin, std::sin(x))
CLOVE_MATH_D1(cos, std::cos(x))
CLOVE_MATH_D1(tan, std::tan(x))
CLOVE_MATH_D1(asin, std::asin(x))
CLOVE_MATH_D1(acos, std::acos(x))
CLOVE_MATH_D1(atan, std::atan(x))
CLOVE_MATH_D1(sinh, std::sinh(x))
CLOVE_MATH_D1(cosh, std::cosh(x))
CLOVE_MATH_D1(tanh, std::tanh(x))
CLOVE_MATH_D1(exp, std::exp(x))
CLOVE_MATH_D1(expm1, std::expm1(x))
CLOVE_MATH_D1(log, std::log(x))
CLOVE_MATH_D1(log10, std::log10(x))
CLOVE_MATH_D1(log1p, std::log1p(x))
CLOVE_MATH_D1(toDegrees, x * 57.29577951308232)      // Math.RADIANS_TO_DEGREES
CLOVE_MATH_D1(toRadians, x * 0.017453292519943295)   // Math.DEGREES_TO_RADIANS
CLOVE_MATH_D2(pow, std::pow(x, y))
CLOVE_MATH_D2(atan2, std::atan2(x, y))
CLOVE_MATH_D2(hypot, std::hypot(x, y))
CLOVE_MATH_D2(IEEEremainder, std::remainder(x, y))
#undef CLOVE_MATH_D1
#undef CLOVE_MATH_D2

// ---- overloaded with float: a double only ----
Value m_signum(State& vm, Args a) {
  if (is_f(a, 0)) {
    float x = as_float(a[0]);
    return F(vm, x == 0 || std::isnan(x) ? x : std::copysign(1.0f, x));
  }
  double x = dbl(a, 0, "signum");
  return D(x == 0 || std::isnan(x) ? x : std::copysign(1.0, x));
}
Value m_ulp(State& vm, Args a) {
  if (is_f(a, 0)) {
    float x = std::fabs(as_float(a[0]));
    if (std::isnan(x) || std::isinf(x)) return F(vm, x);
    if (x == FLT_MAX) return F(vm, std::ldexp(1.0f, 104));
    return F(vm, std::nextafter(x, INFINITY) - x);
  }
  double x = std::fabs(dbl(a, 0, "ulp"));
  if (std::isnan(x) || std::isinf(x)) return D(x);
  if (x == DBL_MAX) return D(std::ldexp(1.0, 971));
  return D(std::nextafter(x, INFINITY) - x);
}
Value m_next_up(State& vm, Args a) {
  if (is_f(a, 0)) return F(vm, std::nextafter(as_float(a[0]), INFINITY));
  return D(std::nextafter(dbl(a, 0, "nextUp"), INFINITY)); }
Value m_next_down(State& vm, Args a) {
  if (is_f(a, 0)) return F(vm, std::nextafter(as_float(a[0]), -INFINITY));
  return D(std::nextafter(dbl(a, 0, "nextDown"), -INFINITY)); }
Value m_next_after(State& vm, Args a) {  // nextAfter(float start, double direction)
  if (is_f(a, 0)) {
    float x = as_float(a[0]);
    double dir = dbl(a, 1, "nextAfter");
    if (std::isnan(x) || std::isnan(dir)) return F(vm, NAN);
    if (static_cast<double>(x) == dir) return F(vm, static_cast<float>(dir));
    return F(vm, std::nextafter(x, static_cast<double>(x) < dir ? INFINITY : -INFINITY));
  }
  return D(std::nextafter(dbl(a, 0, "nextAfter"), dbl(a, 1, "nextAfter"))); }
Value m_copy_sign(State& vm, Args a) {
  if (is_f(a, 0)) return F(vm, std::copysign(as_float(a[0]), flt(a, 1, "copySign")));
  return D(std::copysign(dbl(a, 0, "copySign"), dbl(a, 1, "copySign"))); }
Value m_fma(State& vm, Args a) {
  if (is_f(a, 0)) return F(vm, std::fma(as_float(a[0]), flt(a, 1, "fma"), flt(a, 2, "fma")));
  return D(std::fma(dbl(a, 0, "fma"), dbl(a, 1, "fma"), dbl(a, 2, "fma"))); }
Value m_scalb(State& vm, Args a) {
  if (is_f(a, 0)) return F(vm, std::scalbn(as_float(a[0]), java_int(lng(a, 1, "scalb"))));
  return D(std::scalbn(dbl(a, 0, "scalb"), java_int(lng(a, 1, "scalb")))); }
/// The unbiased exponent: 1024 for NaN and infinities, -1023 for zero and subnormals.
Value m_get_exponent(State&, Args a) {
  if (is_f(a, 0)) {  // 128 for NaN and infinities, -127 for zero and subnormals
    uint32_t bits = std::bit_cast<uint32_t>(as_float(a[0]));
    return Value::small_int(static_cast<int32_t>((bits >> 23) & 0xff) - 127);
  }
  double x = dbl(a, 0, "getExponent");
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return Value::small_int(static_cast<int32_t>((bits >> 52) & 0x7ff) - 1023);
}
/// Math.round: the closest long, ties toward positive infinity; NaN is 0 and values
/// past the long range give Long/MIN_VALUE or MAX_VALUE.
Value m_round(State& vm, Args a) {
  if (is_f(a, 0)) {  // round(float) is an int (a long in Clove)
    float x = as_float(a[0]);
    if (std::isnan(x)) return Value::small_int(0);
    double r = std::floor(static_cast<double>(x));
    if (static_cast<double>(x) - r >= 0.5) r += 1;
    if (r >= 2147483647.0) return Value::small_int(INT32_MAX);
    if (r <= -2147483648.0) return Value::small_int(INT32_MIN);
    return Value::small_int(static_cast<int64_t>(r));
  }
  double x = dbl(a, 0, "round");
  if (std::isnan(x)) return Value::small_int(0);
  double r = std::floor(x);
  if (x - r >= 0.5) r += 1;
  if (r >= 9.2233720368547758e18) return L(vm, INT64_MAX);
  if (r <= -9.2233720368547758e18) return L(vm, INT64_MIN);
  return L(vm, static_cast<int64_t>(r));
}

// ---- long and double overloads ----
Value m_abs(State& vm, Args a) {
  if (is_f(a, 0)) return F(vm, std::fabs(as_float(a[0])));
  if (a[0].is_double()) return D(std::fabs(a[0].as_double()));
  int64_t x = lng(a, 0, "abs");
  return L(vm, x == INT64_MIN ? x : (x < 0 ? -x : x));
}
// Math.max/min on doubles: NaN if either is, and -0.0 below 0.0.
Value m_max(State& vm, Args a) {
  if (all_longs(a)) return L(vm, std::max(as_long(a[0]), as_long(a[1])));
  if (is_f(a, 0) && is_f(a, 1)) {
    float x = as_float(a[0]), y = as_float(a[1]);
    if (std::isnan(x) || std::isnan(y)) return F(vm, NAN);
    if (x == 0 && y == 0) return F(vm, std::signbit(x) ? y : x);
    return F(vm, x >= y ? x : y);
  }
  if (!all_doubles(a)) no_matching("max", 2);
  double x = a[0].as_double(), y = a[1].as_double();
  if (std::isnan(x) || std::isnan(y)) return D(NAN);
  if (x == 0 && y == 0) return D(std::signbit(x) ? y : x);
  return D(x >= y ? x : y);
}
Value m_min(State& vm, Args a) {
  if (all_longs(a)) return L(vm, std::min(as_long(a[0]), as_long(a[1])));
  if (is_f(a, 0) && is_f(a, 1)) {
    float x = as_float(a[0]), y = as_float(a[1]);
    if (std::isnan(x) || std::isnan(y)) return F(vm, NAN);
    if (x == 0 && y == 0) return F(vm, std::signbit(y) ? y : x);
    return F(vm, x <= y ? x : y);
  }
  if (!all_doubles(a)) no_matching("min", 2);
  double x = a[0].as_double(), y = a[1].as_double();
  if (std::isnan(x) || std::isnan(y)) return D(NAN);
  if (x == 0 && y == 0) return D(std::signbit(y) ? y : x);
  return D(x <= y ? x : y);
}

// ---- exact long arithmetic: ArithmeticException instead of wrapping ----
Value m_add_exact(State& vm, Args a) {
  int64_t r;
  if (__builtin_add_overflow(lng(a, 0, "addExact"), lng(a, 1, "addExact"), &r)) overflow("long overflow");
  return L(vm, r);
}
Value m_subtract_exact(State& vm, Args a) {
  int64_t r;
  if (__builtin_sub_overflow(lng(a, 0, "subtractExact"), lng(a, 1, "subtractExact"), &r)) overflow("long overflow");
  return L(vm, r);
}
Value m_multiply_exact(State& vm, Args a) {
  int64_t r;
  if (__builtin_mul_overflow(lng(a, 0, "multiplyExact"), lng(a, 1, "multiplyExact"), &r)) overflow("long overflow");
  return L(vm, r);
}
Value m_increment_exact(State& vm, Args a) {
  int64_t x = lng(a, 0, "incrementExact");
  if (x == INT64_MAX) overflow("long overflow");
  return L(vm, x + 1);
}
Value m_decrement_exact(State& vm, Args a) {
  int64_t x = lng(a, 0, "decrementExact");
  if (x == INT64_MIN) overflow("long overflow");
  return L(vm, x - 1);
}
Value m_negate_exact(State& vm, Args a) {
  int64_t x = lng(a, 0, "negateExact");
  if (x == INT64_MIN) overflow("long overflow");
  return L(vm, -x);
}
Value m_abs_exact(State& vm, Args a) {
  int64_t x = lng(a, 0, "absExact");
  if (x == INT64_MIN) overflow("Overflow to represent absolute value of Long.MIN_VALUE");
  return L(vm, x < 0 ? -x : x);
}
Value m_to_int_exact(State&, Args a) { return Value::small_int(java_int(any_l(a, 0, "Math/toIntExact"))); }
Value m_multiply_full(State& vm, Args a) {
  return L(vm, int64_t{java_int(any_l(a, 0, "Math/multiplyFull"))} * java_int(any_l(a, 1, "Math/multiplyFull")));
}
/// The high 64 bits of the 128-bit product.
Value m_multiply_high(State& vm, Args a) {
  __int128 p = static_cast<__int128>(any_l(a, 0, "Math/multiplyHigh")) * any_l(a, 1, "Math/multiplyHigh");
  return L(vm, static_cast<int64_t>(p >> 64));
}
/// Math.floorDiv: the quotient rounded toward negative infinity (Long/MIN_VALUE by -1
/// wraps, as in Java).
int64_t floor_div(int64_t x, int64_t y) {
  if (y == 0) overflow("/ by zero");
  if (x == INT64_MIN && y == -1) return INT64_MIN;
  int64_t q = x / y;
  if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
  return q;
}
Value m_floor_div(State& vm, Args a) { return L(vm, floor_div(lng(a, 0, "floorDiv"), lng(a, 1, "floorDiv"))); }
Value m_floor_mod(State& vm, Args a) {
  int64_t x = lng(a, 0, "floorMod"), y = lng(a, 1, "floorMod");
  if (y == -1) return Value::small_int(0);
  return L(vm, x - floor_div(x, y) * y);
}

}  // namespace

void install_math_natives(State& vm) {
  const char* M = "Math";
  struct Entry {
    const char* name;
    NativeFn fn;
    int arity;
    const char* doc;
    const char* arglists;
  };
  static const Entry entries[] = {
      {"sqrt", m_sqrt, 1, "The positive square root of a (a double).", "([a])"},
      {"cbrt", m_cbrt, 1, "The cube root of a (a double).", "([a])"},
      {"floor", m_floor, 1, "The largest integral double <= a.", "([a])"},
      {"ceil", m_ceil, 1, "The smallest integral double >= a.", "([a])"},
      {"rint", m_rint, 1, "The integral double closest to a, ties to even.", "([a])"},
      {"sin", m_sin, 1, "The sine of a radians.", "([a])"},
      {"cos", m_cos, 1, "The cosine of a radians.", "([a])"},
      {"tan", m_tan, 1, "The tangent of a radians.", "([a])"},
      {"asin", m_asin, 1, "The arc sine of a, in [-pi/2, pi/2].", "([a])"},
      {"acos", m_acos, 1, "The arc cosine of a, in [0, pi].", "([a])"},
      {"atan", m_atan, 1, "The arc tangent of a, in [-pi/2, pi/2].", "([a])"},
      {"sinh", m_sinh, 1, "The hyperbolic sine of x.", "([x])"},
      {"cosh", m_cosh, 1, "The hyperbolic cosine of x.", "([x])"},
      {"tanh", m_tanh, 1, "The hyperbolic tangent of x.", "([x])"},
      {"exp", m_exp, 1, "e raised to the power a.", "([a])"},
      {"expm1", m_expm1, 1, "e^x - 1, accurate for x near 0.", "([x])"},
      {"log", m_log, 1, "The natural logarithm of a.", "([a])"},
      {"log10", m_log10, 1, "The base-10 logarithm of a.", "([a])"},
      {"log1p", m_log1p, 1, "ln(1 + x), accurate for x near 0.", "([x])"},
      {"toDegrees", m_toDegrees, 1, "An angle in radians converted to degrees.", "([angrad])"},
      {"toRadians", m_toRadians, 1, "An angle in degrees converted to radians.", "([angdeg])"},
      {"pow", m_pow, 2, "a raised to the power b (a double).", "([a b])"},
      {"atan2", m_atan2, 2, "The angle theta of the point (x, y), from (atan2 y x).", "([y x])"},
      {"hypot", m_hypot, 2, "sqrt(x^2 + y^2) without intermediate overflow.", "([x y])"},
      {"IEEEremainder", m_IEEEremainder, 2, "The remainder of f1 / f2 as IEEE 754 defines it.", "([f1 f2])"},
      {"signum", m_signum, 1, "The sign of a double: -1.0, 0.0 or 1.0 (zeros and NaN as given).", "([d])"},
      {"ulp", m_ulp, 1, "The size of an ulp of d: the distance to the next double larger in magnitude.", "([d])"},
      {"nextUp", m_next_up, 1, "The double next to d toward positive infinity.", "([d])"},
      {"nextDown", m_next_down, 1, "The double next to d toward negative infinity.", "([d])"},
      {"nextAfter", m_next_after, 2, "The double next to start in the direction of direction.", "([start direction])"},
      {"copySign", m_copy_sign, 2, "magnitude with the sign of sign.", "([magnitude sign])"},
      {"fma", m_fma, 3, "a * b + c, rounded once.", "([a b c])"},
      {"scalb", m_scalb, 2, "d * 2^scale-factor, rounded once.", "([d scale-factor])"},
      {"getExponent", m_get_exponent, 1, "The unbiased exponent of d.", "([d])"},
      {"round", m_round, 1, "The long closest to a double, ties toward positive infinity.", "([a])"},
      {"abs", m_abs, 1, "The absolute value of a long or double (Long/MIN_VALUE stays itself).", "([a])"},
      {"max", m_max, 2, "The greater of two longs or two doubles.", "([a b])"},
      {"min", m_min, 2, "The smaller of two longs or two doubles.", "([a b])"},
      {"addExact", m_add_exact, 2, "x + y; ArithmeticException on long overflow.", "([x y])"},
      {"subtractExact", m_subtract_exact, 2, "x - y; ArithmeticException on long overflow.", "([x y])"},
      {"multiplyExact", m_multiply_exact, 2, "x * y; ArithmeticException on long overflow.", "([x y])"},
      {"incrementExact", m_increment_exact, 1, "a + 1; ArithmeticException on long overflow.", "([a])"},
      {"decrementExact", m_decrement_exact, 1, "a - 1; ArithmeticException on long overflow.", "([a])"},
      {"negateExact", m_negate_exact, 1, "-a; ArithmeticException on long overflow.", "([a])"},
      {"absExact", m_abs_exact, 1, "The absolute value of a; ArithmeticException for Long/MIN_VALUE.", "([a])"},
      {"toIntExact", m_to_int_exact, 1, "value as an int; ArithmeticException when it does not fit.", "([value])"},
      {"multiplyFull", m_multiply_full, 2, "The long product of two ints.", "([x y])"},
      {"multiplyHigh", m_multiply_high, 2, "The high 64 bits of the 128-bit product of two longs.", "([x y])"},
      {"floorDiv", m_floor_div, 2, "x / y rounded toward negative infinity.", "([x y])"},
      {"floorMod", m_floor_mod, 2, "x - (floorDiv x y) * y: the modulus with the sign of y.", "([x y])"},
  };
  for (const Entry& e : entries) vm.def_native(M, e.name, e.fn, e.arity, e.arity, e.doc, e.arglists);
  def_static_value(vm, M, "PI", Value::from_double(M_PI));
  def_static_value(vm, M, "E", Value::from_double(M_E));
}

}  // namespace clove
