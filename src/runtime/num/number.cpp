// number.cpp: arithmetic and comparison on longs and doubles with Clojure's rules.
//
// Longs overflow into ArithmeticException "long overflow" (Numbers.add etc. in
// Clojure 1.11: Math.addExact's message); the unchecked ops wrap (two's complement).
// Any double operand makes the result a double. Integer division that is not exact
// yields a ratio; big ints and ratios are handled by runtime/num/bignum.cpp when either
// operand is one, big decimals by runtime/num/bigdecimal.cpp.
#include "runtime/num/number.h"

#include <bit>
#include <cmath>
#include <string>

#include <fmt/format.h>

#include "core/error.h"
#include "core/murmur3.h"
#include "runtime/num/bigdecimal.h"
#include "runtime/num/bignum.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

namespace {

/// A long division that is not exact: the ratio x/y in lowest terms.
Value long_ratio(Heap& h, int64_t x, int64_t y) {
  mpz_t n, d;
  mpz_init(n);
  mpz_init(d);
  mpz_set_si(n, x);
  mpz_set_si(d, y);
  Value r = make_ratio(h, n, d, true);
  mpz_clear(n);
  mpz_clear(d);
  return r;
}

/// quot, rem or mod with a Ratio operand (y non-zero), as clojure.lang.Numbers.RatioOps:
/// quot is the truncated quotient as a BigInt, rem is x - quot * y (a BigInt when
/// integral, else a Ratio), and mod adds y to a non-zero rem when x and y differ in sign
/// (clojure.core/mod).
Value ratio_quot_rem_mod(Heap& h, ArithOp op, const mpq_t x, const mpq_t y) {
  mpq_t r;
  mpz_t q;
  mpq_init(r);
  mpz_init(q);
  struct Clear {
    mpq_t* r;
    mpz_t* q;
    ~Clear() { mpq_clear(*r); mpz_clear(*q); }
  } clear{&r, &q};
  mpq_div(r, x, y);
  mpz_tdiv_q(q, mpq_numref(r), mpq_denref(r));
  if (op == ArithOp::Quot) return make_bigint(h, q);
  mpq_set_z(r, q);
  mpq_mul(r, r, y);
  mpq_sub(r, x, r);
  if (op == ArithOp::Mod && mpq_sgn(r) != 0 && (mpq_sgn(x) > 0) != (mpq_sgn(y) > 0)) mpq_add(r, r, y);
  if (mpz_cmp_ui(mpq_denref(r), 1) == 0) return make_bigint(h, mpq_numref(r));
  return make_ratio(h, mpq_numref(r), mpq_denref(r), false);
}

/// Exact arithmetic on integers and ratios (at least one a BigInt or Ratio), as
/// clojure.lang.Numbers does it: an integral result stays a BigInt, a fractional one is
/// a Ratio. Any BigDecimal operand makes it BigDecimal arithmetic (bigdecimal.h).
Value rational_arith(State& vm, ArithOp op, Value a, Value b) {
  if (is<BigDecimal>(a) || is<BigDecimal>(b)) return decimal_arith(vm, op, a, b);
  Heap& h = vm.heap;
  mpq_t x, y, r;
  mpq_init(x);
  mpq_init(y);
  mpq_init(r);
  to_rational(a, x);
  to_rational(b, y);
  struct Clear {
    mpq_t *x, *y, *r;
    ~Clear() { mpq_clear(*x); mpq_clear(*y); mpq_clear(*r); }
  } clear{&x, &y, &r};
  bool integers = mpz_cmp_ui(mpq_denref(x), 1) == 0 && mpz_cmp_ui(mpq_denref(y), 1) == 0;
  switch (op) {
    case ArithOp::Add: case ArithOp::UAdd: mpq_add(r, x, y); break;
    case ArithOp::Sub: case ArithOp::USub: mpq_sub(r, x, y); break;
    case ArithOp::Mul: case ArithOp::UMul: mpq_mul(r, x, y); break;
    case ArithOp::Div:
      if (mpq_sgn(y) == 0) throw_error(ErrorKind::ArithmeticException, "Divide by zero");
      mpq_div(r, x, y);
      break;
    case ArithOp::Quot: case ArithOp::Rem: case ArithOp::Mod: {
      if (mpq_sgn(y) == 0) throw_error(ErrorKind::ArithmeticException, "Divide by zero");
      if (!integers) return ratio_quot_rem_mod(h, op, x, y);
      mpz_t q;
      mpz_init(q);
      if (op == ArithOp::Quot) mpz_tdiv_q(q, mpq_numref(x), mpq_numref(y));
      else if (op == ArithOp::Rem) mpz_tdiv_r(q, mpq_numref(x), mpq_numref(y));
      else mpz_fdiv_r(q, mpq_numref(x), mpq_numref(y));
      Value v = make_bigint(h, q);
      mpz_clear(q);
      return v;
    }
  }
  if (mpz_cmp_ui(mpq_denref(r), 1) == 0) return make_bigint(h, mpq_numref(r));
  return make_ratio(h, mpq_numref(r), mpq_denref(r), false);
}

}  // namespace

bool is_number(Value v) { return v.is_double() || is_long(v) || is_bignum(v) || is_float(v); }

Value make_float(Heap& h, float f) {
  if (f != f) f = std::bit_cast<float>(uint32_t{0x7fc00000});  // Float.floatToIntBits's NaN
  return Value::object(h.make<BoxedFloat>(f));
}

bool fits_float(double d) {
  constexpr double kMax = 3.4028234663852886e38;  // Float.MAX_VALUE
  return !(d < -kMax || d > kMax);
}

const char* value_type_name(Value v) {
  if (v.is_nil()) return "nil";
  if (v.is_double()) return "java.lang.Double";
  if (v.is_small_int()) return "java.lang.Long";
  if (v.is_bool()) return "java.lang.Boolean";
  if (v.is_char()) return "java.lang.Character";
  if (v.is_obj()) {
    const TypeInfo& ti = type_of(v.as_obj());
    return ti.class_name ? ti.class_name(v.as_obj()) : ti.name;  // per instance: records, arrays, ...
  }
  return "clove.lang.Internal";
}

[[noreturn]] static void not_a_number(Value v) {
  if (v.is_nil()) throw_error(ErrorKind::NullPointerException, "Cannot perform arithmetic on nil");
  throw_error(ErrorKind::ClassCastException,
              std::string("class ") + value_type_name(v) + " cannot be cast to class java.lang.Number");
}

// Java's d2l / d2i: truncate, saturate, NaN -> 0.
int64_t d2l(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 9223372036854775807.0) return INT64_MAX;
  if (d <= -9223372036854775808.0) return INT64_MIN;
  return static_cast<int64_t>(d);
}
float d2f(double d) {
  if (std::isfinite(d) && std::fabs(d) > 3.4028234663852886e38) {  // beyond FLT_MAX
    // Up to half an ulp past FLT_MAX still rounds to FLT_MAX.
    float max = std::bit_cast<float>(uint32_t{0x7f7fffff});
    return std::fabs(d) < 3.4028235677973366e38 ? (d > 0 ? max : -max)
                                                 : (d > 0 ? HUGE_VALF : -HUGE_VALF);
  }
  return static_cast<float>(d);
}
int32_t d2i(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 2147483647.0) return INT32_MAX;
  if (d <= -2147483648.0) return INT32_MIN;
  return static_cast<int32_t>(d);
}

namespace {
// The low 64 bits of a big number's integer part (BigInteger.longValue).
int64_t bignum_low_bits(Value v) {
  struct Gmp {  // cleared on every exit, to_rational may throw
    mpq_t q;
    mpz_t z;
    Gmp() {
      mpq_init(q);
      mpz_init(z);
    }
    ~Gmp() {
      mpz_clear(z);
      mpq_clear(q);
    }
  } g;
  to_rational(v, g.q);
  mpz_tdiv_q(g.z, mpq_numref(g.q), mpq_denref(g.q));
  mpz_fdiv_r_2exp(g.z, g.z, 64);  // z mod 2^64, in [0, 2^64)
  uint64_t u = 0;
  size_t count = 0;
  mpz_export(&u, &count, -1, sizeof u, 0, 0, g.z);
  return static_cast<int64_t>(u);
}

}  // namespace

int64_t number_long_value(Value v) {
  if (is_long(v)) return as_long(v);
  if (is_floating(v)) return d2l(floating_value(v));
  return bignum_low_bits(v);  // BigInt, Ratio, BigDecimal
}

int32_t number_int_value(Value v) {
  if (is_floating(v)) return d2i(floating_value(v));
  return static_cast<int32_t>(static_cast<uint32_t>(number_long_value(v)));
}

int64_t index_int_cast_slow(Value v) {
  if (v.is_small_int()) {
    int64_t n = v.as_small_int();
    if (n < INT32_MIN || n > INT32_MAX) throw_error(ErrorKind::ArithmeticException, "integer overflow");
    return n;
  }
  if (v.is_nil()) throw_error(ErrorKind::NullPointerException, "Cannot convert nil to an int index");
  if (!is_number(v))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.Number", value_type_name(v)));
  if (is_floating(v)) {
    double d = floating_value(v);
    if (d <= INT32_MIN - 1.0 || d >= INT32_MAX + 1.0)  // truncation would leave int's range
      throw_error(ErrorKind::ArithmeticException, "integer overflow");
    return d2l(d);
  }
  int64_t n = number_long_value(v);
  if (n < INT32_MIN || n > INT32_MAX) throw_error(ErrorKind::ArithmeticException, "integer overflow");
  return n;
}

bool integer_key_index(Value key, int64_t* out) {
  if (!is_long(key) && !is<BigInt>(key)) return false;
  *out = static_cast<int32_t>(static_cast<uint32_t>(number_long_value(key)));
  return true;
}

double to_double(Value v) {
  if (v.is_double()) return v.as_double();
  if (is_long(v)) return static_cast<double>(as_long(v));
  if (is_float(v)) return static_cast<double>(as_float(v));
  if (is_bignum(v)) return bignum_to_double(v);
  not_a_number(v);
}

static Value long_arith(Heap& h, ArithOp op, int64_t x, int64_t y) {
  int64_t r;
  switch (op) {
    case ArithOp::Add:
      if (__builtin_add_overflow(x, y, &r)) throw_error(ErrorKind::ArithmeticException, "long overflow");
      return make_long(h, r);
    case ArithOp::Sub:
      if (__builtin_sub_overflow(x, y, &r)) throw_error(ErrorKind::ArithmeticException, "long overflow");
      return make_long(h, r);
    case ArithOp::Mul:
      if (__builtin_mul_overflow(x, y, &r)) throw_error(ErrorKind::ArithmeticException, "long overflow");
      return make_long(h, r);
    case ArithOp::UAdd:
      return make_long(h, static_cast<int64_t>(static_cast<uint64_t>(x) + static_cast<uint64_t>(y)));
    case ArithOp::USub:
      return make_long(h, static_cast<int64_t>(static_cast<uint64_t>(x) - static_cast<uint64_t>(y)));
    case ArithOp::UMul:
      return make_long(h, static_cast<int64_t>(static_cast<uint64_t>(x) * static_cast<uint64_t>(y)));
    case ArithOp::Div:
      if (y == 0) throw_error(ErrorKind::ArithmeticException, "Divide by zero");
      // (/ Long/MIN_VALUE -1) is Long/MIN_VALUE, as on the JVM (its negation wraps).
      if (y == -1) return make_long(h, static_cast<int64_t>(0 - static_cast<uint64_t>(x)));
      if (x % y == 0) return make_long(h, x / y);
      return long_ratio(h, x, y);
    case ArithOp::Quot:
      if (y == 0) throw_error(ErrorKind::ArithmeticException, "Divide by zero");
      if (y == -1) return make_long(h, static_cast<int64_t>(0 - static_cast<uint64_t>(x)));
      return make_long(h, x / y);
    case ArithOp::Rem:
      if (y == 0) throw_error(ErrorKind::ArithmeticException, "Divide by zero");
      if (y == -1) return Value::small_int(0);
      return make_long(h, x % y);
    case ArithOp::Mod:
      if (y == 0) throw_error(ErrorKind::ArithmeticException, "Divide by zero");
      if (y == -1) return Value::small_int(0);
      return make_long(h, floor_mod(x, y));
  }
  return Value::nil();
}

static Value double_arith(ArithOp op, double x, double y) {
  switch (op) {
    case ArithOp::Add:
    case ArithOp::UAdd:
      return Value::from_double(x + y);
    case ArithOp::Sub:
    case ArithOp::USub:
      return Value::from_double(x - y);
    case ArithOp::Mul:
    case ArithOp::UMul:
      return Value::from_double(x * y);
    case ArithOp::Div:
      return Value::from_double(x / y);
    case ArithOp::Quot:
    case ArithOp::Rem:
    case ArithOp::Mod: {
      // clojure.lang.Numbers.quotient/remainder(double, double): q = trunc(x / y) and
      // x - q * y (not fmod, which rounds differently); mod as clojure.core/mod from rem.
      if (y == 0.0) throw_error(ErrorKind::ArithmeticException, "Divide by zero");
      double q = x / y;
      if (!std::isfinite(q)) throw_error(ErrorKind::NumberFormatException, "Infinite or NaN");
      q = std::trunc(q);
      if (op == ArithOp::Quot) return Value::from_double(q);
      double m = x - q * y;
      if (op == ArithOp::Mod && m != 0.0 && ((x > 0) != (y > 0))) m += y;
      return Value::from_double(m);
    }
  }
  return Value::from_double(x / y);
}

Value arith(State& vm, ArithOp op, Value a, Value b) {
  if (is_long(a) && is_long(b)) return long_arith(vm.heap, op, as_long(a), as_long(b));
  // A double with a small long, the mix the interpreter's fast paths leave here most
  // ((/ 1.0 n), (* 0.5 i)): the general path below computes the same, later.
  if (a.is_double() && b.is_small_int()) return double_arith(op, a.as_double(), static_cast<double>(b.as_small_int()));
  if (a.is_small_int() && b.is_double()) return double_arith(op, static_cast<double>(a.as_small_int()), b.as_double());
  // A type that defines arithmetic of its own (an embedding host's objects).
  if (a.is_obj() && type_of(a.as_obj()).arith) return type_of(a.as_obj()).arith(vm, static_cast<uint8_t>(op), a, b);
  if (b.is_obj() && type_of(b.as_obj()).arith) return type_of(b.as_obj()).arith(vm, static_cast<uint8_t>(op), a, b);
  if (is_floating(a) || is_floating(b)) {  // a Float computes as a double (Numbers.DoubleOps)
    if (!is_number(a)) not_a_number(a);
    if (!is_number(b)) not_a_number(b);
    return double_arith(op, to_double(a), to_double(b));
  }
  if (!is_number(a)) not_a_number(a);
  if (!is_number(b)) not_a_number(b);
  return rational_arith(vm, op, a, b);
}

bool num_compare(CmpOp op, Value a, Value b) {
  if (is_long(a) && is_long(b)) return compare_as(op, as_long(a), as_long(b));
  if (!is_number(a)) not_a_number(a);
  if (!is_number(b)) not_a_number(b);
  if (is_floating(a) || is_floating(b)) return compare_as(op, to_double(a), to_double(b));
  int c = bignum_compare(a, b);
  if (c == 2) return false;  // NaN: unordered
  switch (op) {
    case CmpOp::Lt: return c < 0;
    case CmpOp::Le: return c <= 0;
    case CmpOp::Gt: return c > 0;
    case CmpOp::Ge: return c >= 0;
    case CmpOp::Eq: return c == 0;
  }
  return false;
}

bool num_equiv(Value a, Value b) {
  if (is_long(a) && is_long(b)) return as_long(a) == as_long(b);
  if (is_floating(a) && is_floating(b)) return floating_value(a) == floating_value(b);
  if (is_floating(a) || is_floating(b)) return false;  // different categories
  if (is_bignum(a) || is_bignum(b)) return bignum_equiv(a, b);
  return false;
}

uint32_t num_hash(Value v) {
  if (is_long(v)) return murmur3::hash_long(as_long(v));
  if (v.is_double()) {
    double d = v.as_double();
    if (d == 0.0) d = 0.0;  // -0.0 hashes as 0.0
    uint64_t bits = std::bit_cast<uint64_t>(d);
    return static_cast<uint32_t>(bits ^ (bits >> 32));
  }
  if (is_float(v)) {  // Float.hashCode (floatToIntBits), but -0.0f as 0.0f (Numbers.hasheq)
    float f = as_float(v);
    if (f == 0.0f) f = 0.0f;
    return std::bit_cast<uint32_t>(f);
  }
  return bignum_hash(v);
}

}  // namespace clove
