// bignum.h: arbitrary-precision numbers on GMP: BigInt, Ratio and BigDecimal.
//
// BigInt      clojure.lang.BigInt: an integer of any size (mpz_t). `1N` is a BigInt even
//             though it fits a long; Clojure's arithmetic keeps BigInts BigInt, so the
//             demotion to a long happens only where Clojure does it (reading a literal
//             without N: integer_value()).
// Ratio       clojure.lang.Ratio: a fraction (mpq_t), always in lowest terms with a
//             denominator > 1; a ratio that would be integral is never built
//             (make_ratio returns the integer instead).
// BigDecimal  java.math.BigDecimal: unscaled * 10^-scale, an mpz_t and an int32 scale,
//             exactly like Java (1.50M has unscaled 150 and scale 2 and prints "1.50").
//
// Equality and hashing follow clojure.lang.Numbers: `=` needs the same category
// (integer: long/BigInt; ratio; decimal; floating), BigDecimals compare by value
// (1.5M = 1.50M), and hashes match Clojure's `hash` bit for bit.
#pragma once
#include <gmp.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "gc/heap.h"
#include "core/object.h"
#include "core/type_table.h"

namespace clove {

struct BigInt : Obj {
  static constexpr ObjType kType = ObjType::BigInt;
  mpz_t z;
  BigInt() : Obj(kType) { mpz_init(z); }
  ~BigInt() { mpz_clear(z); }
  BigInt(const BigInt&) = delete;
  BigInt& operator=(const BigInt&) = delete;
  void trace(Tracer&) {}
  size_t byte_size() const { return sizeof(BigInt) + mpz_size(z) * sizeof(mp_limb_t); }
  /// The limbs, counted by the make_ functions (the number never changes after them).
  size_t external_bytes() const { return limb_bytes(z); }
  static size_t limb_bytes(const mpz_t x) { return static_cast<size_t>(x->_mp_alloc) * sizeof(mp_limb_t); }
};

struct Ratio : Obj {
  static constexpr ObjType kType = ObjType::Ratio;
  mpq_t q;  // canonical: gcd(num, den) = 1, den > 1
  Ratio() : Obj(kType) { mpq_init(q); }
  ~Ratio() { mpq_clear(q); }
  Ratio(const Ratio&) = delete;
  Ratio& operator=(const Ratio&) = delete;
  void trace(Tracer&) {}
  size_t byte_size() const {
    return sizeof(Ratio) + (mpz_size(mpq_numref(q)) + mpz_size(mpq_denref(q))) * sizeof(mp_limb_t);
  }
  size_t external_bytes() const { return BigInt::limb_bytes(mpq_numref(q)) + BigInt::limb_bytes(mpq_denref(q)); }
};

struct BigDecimal : Obj {
  static constexpr ObjType kType = ObjType::BigDecimal;
  mpz_t unscaled;     // the value is unscaled * 10^(-scale)
  int32_t scale = 0;  // digits after the decimal point (negative: trailing zeros)
  BigDecimal() : Obj(kType) { mpz_init(unscaled); }
  ~BigDecimal() { mpz_clear(unscaled); }
  BigDecimal(const BigDecimal&) = delete;
  BigDecimal& operator=(const BigDecimal&) = delete;
  void trace(Tracer&) {}
  size_t byte_size() const { return sizeof(BigDecimal) + mpz_size(unscaled) * sizeof(mp_limb_t); }
  size_t external_bytes() const { return BigInt::limb_bytes(unscaled); }
};

/// Registers BigInt, Ratio and BigDecimal in the per-type table (called from type_info's init).
void register_bignum_types(TypeInfo* table);

// ---- construction ----
/// A BigInt holding i (always a BigInt, like `1N`).
Value make_bigint(Heap& h, int64_t i);
/// A BigInt holding a copy of z.
Value make_bigint(Heap& h, const mpz_t z);
/// The integer z as a long when it fits, else a BigInt (Clojure's reduceBigInt, used for
/// literals without N and for results Clojure demotes).
Value integer_value(Heap& h, const mpz_t z);
/// num/den in lowest terms: a Ratio, or the integer when den divides num. The integer is
/// a long when `demote` (both operands were longs in Clojure's divide) and fits, else a
/// BigInt. Throws ArithmeticException "Divide by zero" when den is 0.
Value make_ratio(Heap& h, const mpz_t num, const mpz_t den, bool demote);
/// unscaled * 10^-scale as a BigDecimal (no normalisation: the scale is kept).
Value make_bigdecimal(Heap& h, const mpz_t unscaled, int32_t scale);

// ---- text ----
/// Parses digits [0-9a-zA-Z]+ in `base` (2..36) into z; false if any digit is invalid.
bool parse_integer_digits(std::string_view digits, int base, mpz_t z);
/// Parses Java BigDecimal syntax: [+-]digits[.digits][(e|E)[+-]digits], at least one
/// digit in the mantissa. Returns false (leaving *out alone) when malformed or when the
/// scale does not fit an int32.
bool parse_bigdecimal(Heap& h, std::string_view text, Value* out);
/// Decimal text of a BigInt, without the N suffix.
std::string bigint_to_string(const BigInt* b);
/// "num/den".
std::string ratio_to_string(const Ratio* r);
/// Java's BigDecimal.toString (scientific when scale < 0 or the adjusted exponent is
/// below -6: "1E+3", "1E-10"), without the M suffix.
std::string bigdecimal_to_string(const BigDecimal* d);

// ---- the numeric tower ----
/// True for BigInt, Ratio and BigDecimal values.
bool is_bignum(Value v);
/// Clojure's `=` when at least one side is a bignum (the other may be anything).
bool bignum_equiv(Value a, Value b);
/// Clojure's `hash` of a BigInt, Ratio or BigDecimal (Numbers.hasheq): a BigInt that
/// fits a long hashes like that long (Murmur3.hashLong); otherwise Java's
/// BigInteger/BigDecimal hashCode (BigDecimal after stripping trailing zeros) and
/// num.hashCode() ^ den.hashCode() for ratios.
uint32_t bignum_hash(Value v);
/// The value as a double (nearest, like Java's doubleValue()).
double bignum_to_double(Value v);
/// Numeric comparison (Clojure's `compare`/`==` ordering) of two numbers of which at
/// least one is a bignum; the other may be a long, double or bignum. NaN compares as
/// unordered: returns 2. Otherwise -1, 0 or 1. A BigDecimal against a Ratio with a
/// non-terminating expansion throws ArithmeticException, as Clojure's toBigDecimal.
int bignum_compare(Value a, Value b);
/// Sets q to the exact value of any non-double number (long, BigInt, Ratio,
/// BigDecimal); false for anything else. ArithmeticException for a BigDecimal whose
/// |scale| exceeds kMaxDecimalDigits (bigdecimal.h) rather than building 10^scale.
bool to_rational(Value v, mpq_t q);

}  // namespace clove
