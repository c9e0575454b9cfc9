// numeric.cpp: the rest of clojure.core's numbers (SPEC L8): promoting arithmetic
// (+' -' *' inc' dec'), bit operations on longs, coercions to the big types (bigint
// biginteger bigdec num), ratio parts, numeric type predicates, and random numbers
// (rand rand-int shuffle). Arithmetic itself is runtime/num/number.h; big numbers are
// runtime/num/bignum.h (GMP).
#include <algorithm>
#include <climits>
#include <cmath>
#include <random>
#include <vector>

#include "runtime/num/bigdecimal.h"
#include "runtime/num/bignum.h"
#include "runtime/coll/coll.h"
#include "natives/args.h"
#include "runtime/print/print.h"

namespace clove {

namespace {

// ---- promoting arithmetic ----

/// x op y for two longs, as a BigInt when the long result would overflow
/// (clojure.lang.Numbers addP/minusP/multiplyP).
Value promoting(State& vm, ArithOp op, Value a, Value b) {
  if (is_long(a) && is_long(b)) {
    int64_t x = as_long(a), y = as_long(b), r;
    bool overflow = op == ArithOp::Add   ? __builtin_add_overflow(x, y, &r)
                    : op == ArithOp::Sub ? __builtin_sub_overflow(x, y, &r)
                                         : __builtin_mul_overflow(x, y, &r);
    if (!overflow) return make_long(vm.heap, r);
    mpz_t zx, zy;
    mpz_init_set_si(zx, x);
    mpz_init_set_si(zy, y);
    if (op == ArithOp::Add) mpz_add(zx, zx, zy);
    else if (op == ArithOp::Sub) mpz_sub(zx, zx, zy);
    else mpz_mul(zx, zx, zy);
    Value v = make_bigint(vm.heap, zx);
    mpz_clear(zx);
    mpz_clear(zy);
    return v;
  }
  return arith(vm, op, a, b);
}

Value fold_promoting(State& vm, Args a, ArithOp op, int64_t identity, const char* fn) {
  if (a.size() == 0) return Value::small_int(identity);
  Value acc = arg_number(a, 0, fn);
  for (int i = 1; i < a.size(); ++i) acc = promoting(vm, op, acc, arg_number(a, i, fn));
  return acc;
}

Value p_add(State& vm, Args a) { return fold_promoting(vm, a, ArithOp::Add, 0, "+'"); }
Value p_mul(State& vm, Args a) { return fold_promoting(vm, a, ArithOp::Mul, 1, "*'"); }
Value p_sub(State& vm, Args a) {
  if (a.size() == 1) {
    Value x = arg_number(a, 0, "-'");
    if (is_floating(x)) return Value::from_double(-floating_value(x));
    if (auto* d = as<BigDecimal>(x)) return decimal_negate(vm, d);
    return promoting(vm, ArithOp::Sub, Value::small_int(0), x);
  }
  return fold_promoting(vm, a, ArithOp::Sub, 0, "-'");
}
Value p_inc(State& vm, Args a) { return promoting(vm, ArithOp::Add, arg_number(a, 0, "inc'"), Value::small_int(1)); }
Value p_dec(State& vm, Args a) { return promoting(vm, ArithOp::Sub, arg_number(a, 0, "dec'"), Value::small_int(1)); }

// ---- bit operations (clojure.lang.Numbers: longs only, shift counts mod 64) ----

int64_t bit_arg(Args a, int i) {
  Value v = a[i];
  if (is_long(v)) return as_long(v);
  if (v.is_nil()) throw_error(ErrorKind::NullPointerException, "Cannot perform bit operation on nil");
  throw_error(ErrorKind::IllegalArgumentException,
              fmt::format("bit operation not supported for: class {}", value_type_name(v)));
}

template <class Op>
Value bit_fold(State& vm, Args a, Op op) {
  int64_t acc = bit_arg(a, 0);
  for (int i = 1; i < a.size(); ++i) acc = op(acc, bit_arg(a, i));
  return make_long(vm.heap, acc);
}

Value b_and(State& vm, Args a) { return bit_fold(vm, a, [](int64_t x, int64_t y) { return x & y; }); }
Value b_or(State& vm, Args a) { return bit_fold(vm, a, [](int64_t x, int64_t y) { return x | y; }); }
Value b_xor(State& vm, Args a) { return bit_fold(vm, a, [](int64_t x, int64_t y) { return x ^ y; }); }
Value b_and_not(State& vm, Args a) { return bit_fold(vm, a, [](int64_t x, int64_t y) { return x & ~y; }); }
Value b_not(State& vm, Args a) { return make_long(vm.heap, ~bit_arg(a, 0)); }
uint64_t bit_of(int64_t n) { return uint64_t{1} << (n & 63); }
Value b_shl(State& vm, Args a) {
  return make_long(vm.heap, static_cast<int64_t>(static_cast<uint64_t>(bit_arg(a, 0)) << (bit_arg(a, 1) & 63)));
}
Value b_shr(State& vm, Args a) { return make_long(vm.heap, bit_arg(a, 0) >> (bit_arg(a, 1) & 63)); }
Value b_ushr(State& vm, Args a) {
  return make_long(vm.heap, static_cast<int64_t>(static_cast<uint64_t>(bit_arg(a, 0)) >> (bit_arg(a, 1) & 63)));
}
Value b_test(State&, Args a) { return Value::boolean((static_cast<uint64_t>(bit_arg(a, 0)) & bit_of(bit_arg(a, 1))) != 0); }
Value b_set(State& vm, Args a) { return make_long(vm.heap, static_cast<int64_t>(static_cast<uint64_t>(bit_arg(a, 0)) | bit_of(bit_arg(a, 1)))); }
Value b_clear(State& vm, Args a) { return make_long(vm.heap, static_cast<int64_t>(static_cast<uint64_t>(bit_arg(a, 0)) & ~bit_of(bit_arg(a, 1)))); }
Value b_flip(State& vm, Args a) { return make_long(vm.heap, static_cast<int64_t>(static_cast<uint64_t>(bit_arg(a, 0)) ^ bit_of(bit_arg(a, 1)))); }

// ---- coercions ----

/// mpz holder that clears itself.
struct Z {
  mpz_t z;
  Z() { mpz_init(z); }
  ~Z() { mpz_clear(z); }
  Z(const Z&) = delete;
  Z& operator=(const Z&) = delete;
};

[[noreturn]] void bad_number_text(std::string_view s) {
  throw_error(ErrorKind::NumberFormatException, fmt::format("For input string: \"{}\"", s));
}

/// The integer part of any number (truncating toward zero) or of a decimal string.
void integer_part(Heap& h, Value x, mpz_t out, const char* fn) {
  if (is_long(x)) {
    mpz_set_si(out, as_long(x));
  } else if (auto* b = as<BigInt>(x)) {
    mpz_set(out, b->z);
  } else if (auto* r = as<Ratio>(x)) {
    mpz_tdiv_q(out, mpq_numref(r->q), mpq_denref(r->q));
  } else if (auto* d = as<BigDecimal>(x)) {
    Z p;
    if (d->scale >= 0) {
      // 10^scale past the digit limit only means |x| < 1 when the unscaled value is smaller.
      if (d->scale > kMaxDecimalDigits && static_cast<int64_t>(mpz_sizeinbase(d->unscaled, 10)) < d->scale) {
        mpz_set_ui(out, 0);
        return;
      }
      pow10_checked(p.z, d->scale);
      mpz_tdiv_q(out, d->unscaled, p.z);
    } else {
      pow10_checked(p.z, -static_cast<int64_t>(d->scale));
      mpz_mul(out, d->unscaled, p.z);
    }
  } else if (is_floating(x)) {
    // Clojure: BigDecimal.valueOf(x).toBigInteger(), i.e. the printed digits, truncated
    // (a Float's of its double value: (double x)).
    double v = floating_value(x);
    if (!std::isfinite(v)) throw_error(ErrorKind::NumberFormatException, "Infinite or NaN");
    Value dec;
    if (!parse_bigdecimal(h, format_double(v), &dec)) bad_number_text(format_double(v));
    integer_part(h, dec, out, fn);
  } else if (auto* s = as<String>(x)) {
    std::string_view t = s->view();
    bool neg = !t.empty() && t[0] == '-';
    std::string_view digits = (!t.empty() && (t[0] == '-' || t[0] == '+')) ? t.substr(1) : t;
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
        !parse_integer_digits(digits, 10, out))
      bad_number_text(t);
    if (neg) mpz_neg(out, out);
  } else {
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class java.lang.Number", fn, value_type_name(x)));
  }
}

Value c_bigint(State& vm, Args a) {
  if (is<BigInt>(a[0])) return a[0];
  Z z;
  integer_part(vm.heap, a[0], z.z, "bigint");
  return make_bigint(vm.heap, z.z);
}

/// BigDecimal's NumberFormatException message for text that is not a decimal number.
[[noreturn]] void bad_decimal_text(std::string_view t) {
  for (char c : t)
    if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
      throw_error(ErrorKind::NumberFormatException,
                  fmt::format("Character {} is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark.", c));
  size_t e = t.find_first_of("eE");
  std::string_view mantissa = t.substr(0, e);
  if (!t.empty() && mantissa.find_first_of("0123456789") == std::string_view::npos)
    throw_error(ErrorKind::NumberFormatException, "No digits found.");
  if (e != std::string_view::npos) {  // a well-formed exponent that does not fit an int32 scale
    std::string_view exp = t.substr(e + 1);
    if (!exp.empty() && (exp[0] == '+' || exp[0] == '-')) exp.remove_prefix(1);
    if (!exp.empty() && exp.find_first_not_of("0123456789") == std::string_view::npos &&
        mantissa.find_first_not_of("0123456789.+-") == std::string_view::npos)
      throw_error(ErrorKind::NumberFormatException, "Exponent overflow.");
  }
  throw_error(ErrorKind::NumberFormatException, fmt::format("Not a decimal number: \"{}\"", t));
}

/// clojure.core/bigdec: a BigDecimal stays; a double goes through its printed text
/// (BigDecimal.valueOf); a Ratio is divided under *math-context*; integers convert
/// exactly; a string is parsed as Java's BigDecimal(String).
Value c_bigdec(State& vm, Args a) {
  Value x = a[0];
  if (is<BigDecimal>(x)) return x;
  if (is_long(x) || is<BigInt>(x) || is<Ratio>(x)) return to_bigdecimal(vm, x);
  Value out;
  if (is_floating(x)) {
    // BigDecimal.valueOf(double): the decimal text Double.toString prints (a Float's
    // double value: (bigdec (float 0.1)) is 0.10000000149011612M).
    double d = floating_value(x);
    if (!std::isfinite(d)) throw_error(ErrorKind::NumberFormatException, "Infinite or NaN");
    if (!parse_bigdecimal(vm.heap, format_double(d), &out)) bad_number_text(format_double(d));
    return out;
  }
  if (auto* s = as<String>(x)) {
    if (!parse_bigdecimal(vm.heap, s->view(), &out)) bad_decimal_text(s->view());
    return out;
  }
  if (x.is_nil()) throw_error(ErrorKind::NullPointerException, "bigdec: argument is nil");
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class java.lang.Number", value_type_name(x)));
}

/// clojure.core/rationalize (Numbers.rationalize): doubles through BigDecimal.valueOf,
/// BigDecimals to an exact BigInt or Ratio; other numbers are returned as they are.
Value c_rationalize(State& vm, Args a) {
  Value x = arg_number(a, 0, "rationalize");
  if (is_floating(x)) {
    double d = floating_value(x);
    if (!std::isfinite(d)) throw_error(ErrorKind::NumberFormatException, "Infinite or NaN");
    Value dec;
    if (!parse_bigdecimal(vm.heap, format_double(d), &dec)) bad_number_text(format_double(d));
    return decimal_rationalize(vm.heap, as<BigDecimal>(dec));
  }
  if (auto* d = as<BigDecimal>(x)) return decimal_rationalize(vm.heap, d);
  return x;
}

/// Hook for with-precision: the *math-context* value for `precision` digits and a
/// rounding mode named by a symbol or keyword (HALF_UP, RoundingMode/FLOOR, :HALF_EVEN).
Value c_math_context(State& vm, Args a) {
  int64_t precision = arg_long(a, 0, "with-precision");
  if (precision < 0) throw_error(ErrorKind::IllegalArgumentException, "Digits < 0");
  if (precision > INT32_MAX) throw_error(ErrorKind::IllegalArgumentException, "Digits > Integer.MAX_VALUE");
  std::string_view name = "HALF_UP";
  if (auto* sym = as<Symbol>(a[1])) name = sym->name_view();
  else if (auto* k = as<Keyword>(a[1])) name = k->sym->name_view();
  else if (!a[1].is_nil())
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("with-precision: the rounding mode must be a symbol, not {}", value_type_name(a[1])));
  RoundingMode mode;
  if (!parse_rounding_mode(name, &mode))
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("No enum constant java.math.RoundingMode.{}", name));
  Value kvs[4] = {Value::object(vm.kw("precision")), make_long(vm.heap, precision), Value::object(vm.kw("rounding")),
                  Value::object(vm.kw(rounding_mode_name(mode)))};
  return map_from(vm, kvs, 2);
}

Value c_num(State&, Args a) {
  if (!a[0].is_nil() && !is_number(a[0]))  // (num nil) is nil, as a cast of null
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.Number", value_type_name(a[0])));
  return a[0];
}

Ratio* ratio_arg(Args a) {
  Ratio* r = as<Ratio>(a[0]);
  if (!r)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class clojure.lang.Ratio", value_type_name(a[0])));
  return r;
}
// Clojure returns a java.math.BigInteger, which prints without the N suffix; Clove has
// no separate BigInteger type, so a part that fits a long is a long (printing the same).
Value c_numerator(State& vm, Args a) { return integer_value(vm.heap, mpq_numref(ratio_arg(a)->q)); }
Value c_denominator(State& vm, Args a) { return integer_value(vm.heap, mpq_denref(ratio_arg(a)->q)); }

// ---- predicates ----

Value q_ratio(State&, Args a) { return Value::boolean(is<Ratio>(a[0])); }
Value q_decimal(State&, Args a) { return Value::boolean(is<BigDecimal>(a[0])); }
Value q_rational(State&, Args a) { return Value::boolean(is_long(a[0]) || is<BigInt>(a[0]) || is<Ratio>(a[0]) || is<BigDecimal>(a[0])); }
Value q_float(State&, Args a) { return Value::boolean(is_floating(a[0])); }
Value q_int(State&, Args a) { return Value::boolean(is_long(a[0])); }
Value q_pos_int(State&, Args a) { return Value::boolean(is_long(a[0]) && as_long(a[0]) > 0); }
Value q_neg_int(State&, Args a) { return Value::boolean(is_long(a[0]) && as_long(a[0]) < 0); }
Value q_nat_int(State&, Args a) { return Value::boolean(is_long(a[0]) && as_long(a[0]) >= 0); }

// ---- random numbers ----

/// The thread's generator: a 64-bit Mersenne Twister seeded from std::random_device.
std::mt19937_64& rng() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return gen;
}
double uniform01() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng()); }

Value r_rand(State&, Args a) {
  double r = uniform01();
  if (a.size() == 0) return Value::from_double(r);
  return Value::from_double(to_double(arg_number(a, 0, "rand")) * r);
}
Value r_rand_int(State& vm, Args a) {
  double n = to_double(arg_number(a, 0, "rand-int"));
  return make_long(vm.heap, static_cast<int64_t>(n * uniform01()));
}
// (shuffle coll): coll must be a java.util.Collection (any collection or seq but a map),
// as Clojure's (java.util.ArrayList. coll); nil is a NullPointerException.
Value r_shuffle(State& vm, Args a) {
  if (a[0].is_nil())
    throw_error(ErrorKind::NullPointerException, "Cannot invoke \"java.util.Collection.toArray()\" because \"c\" is null");
  if (!is_coll(a[0]) || is_map(a[0]))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.util.Collection", value_type_name(a[0])));
  std::vector<Value> items;
  RootScope scope(vm.heap);
  size_t slot = scope.push(a[0]);
  for (Value s = seq(vm, a[0]); !s.is_nil(); s = next(vm, s)) {
    scope[slot] = s;
    items.push_back(first(vm, s));
  }
  std::shuffle(items.begin(), items.end(), rng());  // Fisher-Yates (Knuth, TAOCP 3.4.2)
  return vector_from(vm.heap, items.data(), items.size());
}

}  // namespace

void install_numeric_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "+'", p_add, 0, -1,
                "Adds the numbers like +, but a long sum that overflows is promoted to a BigInt "
                "instead of throwing; (+') is 0.", "([] [x] [x y] [x y & more])");
  vm.def_native(C, "-'", p_sub, 1, -1,
                "Negates x, or subtracts each y from x in turn, like - but promoting to BigInt "
                "when a long result overflows.", "([x] [x y] [x y & more])");
  vm.def_native(C, "*'", p_mul, 0, -1,
                "Multiplies the numbers like *, but promotes to BigInt when a long product "
                "overflows; (*') is 1.", "([] [x] [x y] [x y & more])");
  vm.def_native(C, "inc'", p_inc, 1, 1,
                "Adds one to x, promoting to BigInt instead of throwing when x is Long/MAX_VALUE.",
                "([x])");
  vm.def_native(C, "dec'", p_dec, 1, 1,
                "Subtracts one from x, promoting to BigInt instead of throwing when x is "
                "Long/MIN_VALUE.", "([x])");

  vm.def_native(C, "bit-and", b_and, 2, -1,
                "Keeps only the bits set in every one of the integer arguments (bitwise AND). "
                "Throws IllegalArgumentException for a non-integer.", "([x y] [x y & more])");
  vm.def_native(C, "bit-or", b_or, 2, -1,
                "Gives the bits set in any of the integer arguments.", "([x y] [x y & more])");
  vm.def_native(C, "bit-xor", b_xor, 2, -1,
                "Gives the bits set in an odd number of the integer arguments (exclusive or).",
                "([x y] [x y & more])");
  vm.def_native(C, "bit-and-not", b_and_not, 2, -1,
                "Gives the bits of x that are clear in y and in every further argument: x and "
                "(not y).", "([x y] [x y & more])");
  vm.def_native(C, "bit-not", b_not, 1, 1,
                "Inverts every bit of the integer x (ones' complement).", "([x])");
  vm.def_native(C, "bit-shift-left", b_shl, 2, 2,
                "Moves the bits of x up by n places, filling with zeros (n is taken mod 64).",
                "([x n])");
  vm.def_native(C, "bit-shift-right", b_shr, 2, 2,
                "Moves the bits of x down by n places, copying the sign bit into the vacated high "
                "bits (n is taken mod 64).", "([x n])");
  vm.def_native(C, "unsigned-bit-shift-right", b_ushr, 2, 2,
                "Moves the bits of x down by n places, filling the high bits with zeros whatever "
                "the sign (n is taken mod 64).", "([x n])");
  vm.def_native(C, "bit-test", b_test, 2, 2,
                "True when bit n (counting from 0 at the least significant end) of x is 1.",
                "([x n])");
  vm.def_native(C, "bit-set", b_set, 2, 2, "Gives x with bit n turned on.", "([x n])");
  vm.def_native(C, "bit-clear", b_clear, 2, 2, "Gives x with bit n turned off.", "([x n])");
  vm.def_native(C, "bit-flip", b_flip, 2, 2, "Gives x with bit n inverted.", "([x n])");

  vm.def_native(C, "bigint", c_bigint, 1, 1,
                "Converts x to a BigInt: doubles, ratios and decimals lose their fractional part, "
                "and strings are parsed as decimal integers.", "([x])");
  vm.def_native(C, "biginteger", c_bigint, 1, 1,
                "Converts x to an arbitrary-precision integer. Clove has one such type, so the "
                "result is a BigInt, as from bigint.", "([x])");
  vm.def_native(C, "bigdec", c_bigdec, 1, 1,
                "Converts x to a BigDecimal; a double goes through its printed decimal text and a "
                "ratio is divided under *math-context*.", "([x])");
  vm.def_native(C, "rationalize", c_rationalize, 1, 1,
                "Gives the exact rational value of num: a double becomes the ratio or integer its "
                "decimal text denotes.", "([num])");
  vm.def_native(C, "-math-context", c_math_context, 2, 2, "Hook for with-precision: the *math-context* value {:precision n :rounding :MODE} for a precision and a rounding mode symbol.", "([precision rounding])");
  vm.def_native(C, "num", c_num, 1, 1,
                "Gives x back unchanged, as a Number; x must already be a number.", "([x])");
  vm.def_native(C, "numerator", c_numerator, 1, 1,
                "Gives the top part of a ratio (a long when it fits, else a BigInt; Clojure gives "
                "a BigInteger).", "([r])");
  vm.def_native(C, "denominator", c_denominator, 1, 1,
                "Gives the bottom part of a ratio (a long when it fits, else a BigInt; Clojure "
                "gives a BigInteger).", "([r])");

  vm.def_native(C, "ratio?", q_ratio, 1, 1, "True when n is a ratio.", "([n])");
  vm.def_native(C, "decimal?", q_decimal, 1, 1, "True when n is a BigDecimal.", "([n])");
  vm.def_native(C, "rational?", q_rational, 1, 1,
                "True when n is exact: an integer, a ratio or a BigDecimal.", "([n])");
  vm.def_native(C, "float?", q_float, 1, 1, "True when n is a double or a float.", "([n])");
  vm.def_native(C, "int?", q_int, 1, 1,
                "True when x is an integer of a fixed width (long, int, short or byte), not a "
                "BigInt.", "([x])");
  vm.def_native(C, "pos-int?", q_pos_int, 1, 1,
                "True when x is a fixed-width integer (as for int?) greater than zero.", "([x])");
  vm.def_native(C, "neg-int?", q_neg_int, 1, 1,
                "True when x is a fixed-width integer (as for int?) less than zero.", "([x])");
  vm.def_native(C, "nat-int?", q_nat_int, 1, 1,
                "True when x is a fixed-width integer (as for int?) that is zero or more.",
                "([x])");

  vm.def_native(C, "rand", r_rand, 0, 1,
                "Gives a random double that is at least 0 and less than n (1 when n is not given).",
                "([] [n])");
  vm.def_native(C, "rand-int", r_rand_int, 1, 1,
                "Gives a random integer that is at least 0 and less than n.", "([n])");
  vm.def_native("Math", "random", r_rand, 0, 0, "A random double in [0.0, 1.0), as java.lang.Math/random.", "([])");
  vm.def_native(C, "shuffle", r_shuffle, 1, 1,
                "Gives a vector holding the elements of coll in a random order.", "([coll])");
}

}  // namespace clove
