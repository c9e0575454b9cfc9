// bignum.cpp: BigInt, Ratio and BigDecimal on GMP (see bignum.h).
#include "runtime/num/bignum.h"

#include <charconv>
#include <climits>
#include <cmath>
#include <vector>

#include "core/error.h"
#include "core/murmur3.h"
#include "runtime/num/bigdecimal.h"
#include "runtime/num/number.h"

namespace clove {

namespace {

/// RAII holders so early returns and throws never leak GMP memory.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  ~Mpz() { mpz_clear(v); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};
struct Mpq {
  mpq_t v;
  Mpq() { mpq_init(v); }
  ~Mpq() { mpq_clear(v); }
  Mpq(const Mpq&) = delete;
  Mpq& operator=(const Mpq&) = delete;
};

void set_int64(mpz_t z, int64_t i) {
  static_assert(sizeof(long) == sizeof(int64_t), "GMP's si functions need a 64-bit long");
  mpz_set_si(z, static_cast<long>(i));
}

bool fits_int64(const mpz_t z) { return mpz_fits_slong_p(z) != 0; }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

/// java.math.BigInteger.hashCode: fold the big-endian 32-bit magnitude words with
/// h = 31*h + word, then multiply by the sign.
int32_t java_biginteger_hash(const mpz_t z) {
  int sign = mpz_sgn(z);
  if (sign == 0) return 0;
  size_t count = 0;
  std::vector<uint32_t> words((mpz_sizeinbase(z, 2) + 31) / 32 + 1);
  mpz_export(words.data(), &count, 1, sizeof(uint32_t), 0, 0, z);
  uint32_t h = 0;
  for (size_t i = 0; i < count; ++i) h = 31 * h + words[i];
  return static_cast<int32_t>(sign < 0 ? 0u - h : h);
}

/// Category for Clojure's `=` (clojure.lang.Numbers.category).
enum class Category { None, Integer, Floating, Ratio, Decimal };
Category category(Value v) {
  if (is_long(v) || is<BigInt>(v)) return Category::Integer;
  if (is_floating(v)) return Category::Floating;
  if (is<Ratio>(v)) return Category::Ratio;
  if (is<BigDecimal>(v)) return Category::Decimal;
  return Category::None;
}

/// Double nearest to the decimal text (correctly rounded by from_chars); overflow
/// gives an infinity and underflow a signed zero, as Java's parseDouble does.
double decimal_text_to_double(const std::string& s) {
  double d = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec == std::errc::result_out_of_range) {
    bool neg = !s.empty() && s[0] == '-';
    size_t e = s.find_first_of("eE");
    bool big = e == std::string::npos || s[e + 1] != '-';
    double mag = big ? HUGE_VAL : 0.0;
    return neg ? -mag : mag;
  }
  return d;
}

}  // namespace

void register_bignum_types(TypeInfo* table) {
  register_type<BigInt>(table);
  register_type<Ratio>(table);
  register_type<BigDecimal>(table);
}

namespace {
/// Counts a new number's limbs in the heap (TypeInfo::external uncounts them when it is
/// freed); OutOfMemoryError past the cap, the number then being garbage.
template <class N>
Value counted(Heap& h, N* n) {
  h.adopt_external(n->external_bytes());
  h.check_limit();
  return Value::object(n);
}
}  // namespace

Value make_bigint(Heap& h, int64_t i) {
  BigInt* b = h.make<BigInt>();
  set_int64(b->z, i);
  return counted(h, b);
}

Value make_bigint(Heap& h, const mpz_t z) {
  BigInt* b = h.make<BigInt>();
  mpz_set(b->z, z);
  return counted(h, b);
}

Value integer_value(Heap& h, const mpz_t z) {
  if (fits_int64(z)) return make_long(h, mpz_get_si(z));
  return make_bigint(h, z);
}

Value make_ratio(Heap& h, const mpz_t num, const mpz_t den, bool demote) {
  if (mpz_sgn(den) == 0) throw_error(ErrorKind::ArithmeticException, "Divide by zero");
  Mpq q;
  mpz_set(mpq_numref(q.v), num);
  mpz_set(mpq_denref(q.v), den);
  mpq_canonicalize(q.v);
  if (mpz_cmp_ui(mpq_denref(q.v), 1) == 0) {
    if (demote && fits_int64(mpq_numref(q.v))) return make_long(h, mpz_get_si(mpq_numref(q.v)));
    return make_bigint(h, mpq_numref(q.v));
  }
  Ratio* r = h.make<Ratio>();
  mpq_set(r->q, q.v);
  return counted(h, r);
}

Value make_bigdecimal(Heap& h, const mpz_t unscaled, int32_t scale) {
  BigDecimal* d = h.make<BigDecimal>();
  mpz_set(d->unscaled, unscaled);
  d->scale = scale;
  return counted(h, d);
}

bool parse_integer_digits(std::string_view digits, int base, mpz_t z) {
  if (digits.empty() || base < 2 || base > 36) return false;
  for (char c : digits)
    if (digit_value(c) >= base) return false;
  std::string s(digits);
  return mpz_set_str(z, s.c_str(), base) == 0;
}

bool parse_bigdecimal(Heap& h, std::string_view t, Value* out) {
  size_t i = 0;
  bool neg = false;
  if (i < t.size() && (t[i] == '+' || t[i] == '-')) neg = t[i++] == '-';
  std::string digits;
  size_t frac = 0;
  while (i < t.size() && t[i] >= '0' && t[i] <= '9') digits += t[i++];
  if (i < t.size() && t[i] == '.') {
    ++i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      digits += t[i++];
      ++frac;
    }
  }
  if (digits.empty()) return false;
  int64_t exp = 0;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool eneg = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) eneg = t[i++] == '-';
    if (i >= t.size()) return false;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') {
      exp = exp * 10 + (t[i++] - '0');
      if (exp > INT32_MAX) return false;
    }
    if (eneg) exp = -exp;
  }
  if (i != t.size()) return false;
  int64_t scale = static_cast<int64_t>(frac) - exp;
  if (scale > INT32_MAX || scale < INT32_MIN) return false;
  Mpz u;
  mpz_set_str(u.v, digits.c_str(), 10);
  if (neg) mpz_neg(u.v, u.v);
  *out = make_bigdecimal(h, u.v, static_cast<int32_t>(scale));
  return true;
}

std::string bigint_to_string(const BigInt* b) {
  std::string s(mpz_sizeinbase(b->z, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, b->z);
  s.resize(std::char_traits<char>::length(s.c_str()));
  return s;
}

std::string ratio_to_string(const Ratio* r) {
  std::string s(mpz_sizeinbase(mpq_numref(r->q), 10) + mpz_sizeinbase(mpq_denref(r->q), 10) + 3, '\0');
  mpq_get_str(s.data(), 10, r->q);
  s.resize(std::char_traits<char>::length(s.c_str()));
  return s;
}

// Java's BigDecimal.toString (layoutChars with scientific notation).
std::string bigdecimal_to_string(const BigDecimal* d) {
  Mpz mag;
  mpz_abs(mag.v, d->unscaled);
  std::string coeff(mpz_sizeinbase(mag.v, 10) + 2, '\0');
  mpz_get_str(coeff.data(), 10, mag.v);
  coeff.resize(std::char_traits<char>::length(coeff.c_str()));
  std::string out = mpz_sgn(d->unscaled) < 0 ? "-" : "";
  int64_t scale = d->scale;
  int64_t len = static_cast<int64_t>(coeff.size());
  int64_t adjusted = -scale + (len - 1);
  if (scale == 0) return out + coeff;
  if (scale > 0 && adjusted >= -6) {
    int64_t pad = scale - len;
    if (pad >= 0) {
      out += "0.";
      out.append(static_cast<size_t>(pad), '0');
      out += coeff;
    } else {
      out += coeff.substr(0, static_cast<size_t>(len - scale));
      out += '.';
      out += coeff.substr(static_cast<size_t>(len - scale));
    }
    return out;
  }
  out += coeff[0];
  if (len > 1) {
    out += '.';
    out += coeff.substr(1);
  }
  if (adjusted != 0) {
    out += 'E';
    if (adjusted > 0) out += '+';
    out += std::to_string(adjusted);
  }
  return out;
}

bool is_bignum(Value v) { return is<BigInt>(v) || is<Ratio>(v) || is<BigDecimal>(v); }

bool to_rational(Value v, mpq_t q) {
  if (is_long(v)) {
    mpq_set_si(q, static_cast<long>(as_long(v)), 1);
  } else if (BigInt* b = as<BigInt>(v)) {
    mpq_set_z(q, b->z);
  } else if (Ratio* r = as<Ratio>(v)) {
    mpq_set(q, r->q);
  } else if (BigDecimal* d = as<BigDecimal>(v)) {
    Mpz pow;
    pow10_checked(pow.v, d->scale < 0 ? -static_cast<int64_t>(d->scale) : d->scale);
    if (d->scale >= 0) {
      mpz_set(mpq_numref(q), d->unscaled);
      mpz_set(mpq_denref(q), pow.v);
      mpq_canonicalize(q);
    } else {
      mpz_mul(mpq_numref(q), d->unscaled, pow.v);
      mpz_set_ui(mpq_denref(q), 1);
    }
  } else {
    return false;
  }
  return true;
}

bool bignum_equiv(Value a, Value b) {
  Category ca = category(a);
  if (ca == Category::None || ca != category(b)) return false;
  if (ca == Category::Floating) return a.as_double() == b.as_double();
  if (ca == Category::Decimal) return decimal_compare(a, b) == 0;  // 1.0M = 1.00M
  Mpq qa, qb;
  to_rational(a, qa.v);
  to_rational(b, qb.v);
  return mpq_equal(qa.v, qb.v) != 0;
}

uint32_t bignum_hash(Value v) {
  if (BigInt* b = as<BigInt>(v)) {
    if (fits_int64(b->z)) return murmur3::hash_long(mpz_get_si(b->z));
    return static_cast<uint32_t>(java_biginteger_hash(b->z));
  }
  if (Ratio* r = as<Ratio>(v))
    return static_cast<uint32_t>(java_biginteger_hash(mpq_numref(r->q)) ^ java_biginteger_hash(mpq_denref(r->q)));
  if (BigDecimal* d = as<BigDecimal>(v)) {
    // Numbers.hasheq: zero hashes as BigDecimal.ZERO; otherwise stripTrailingZeros().hashCode(),
    // and BigDecimal.hashCode is 31 * unscaled.hashCode() + scale.
    if (mpz_sgn(d->unscaled) == 0) return 0;
    Mpz u;
    mpz_set(u.v, d->unscaled);
    int64_t scale = d->scale;
    while (mpz_divisible_ui_p(u.v, 10)) {
      mpz_divexact_ui(u.v, u.v, 10);
      --scale;
    }
    uint32_t h = 31u * static_cast<uint32_t>(java_biginteger_hash(u.v)) + static_cast<uint32_t>(scale);
    return h;
  }
  return 0;
}

double bignum_to_double(Value v) {
  if (BigInt* b = as<BigInt>(v)) {
    std::string s(mpz_sizeinbase(b->z, 10) + 2, '\0');
    mpz_get_str(s.data(), 10, b->z);
    s.resize(std::char_traits<char>::length(s.c_str()));
    return decimal_text_to_double(s);
  }
  if (BigDecimal* d = as<BigDecimal>(v)) {
    std::string s(mpz_sizeinbase(d->unscaled, 10) + 2, '\0');
    mpz_get_str(s.data(), 10, d->unscaled);
    s.resize(std::char_traits<char>::length(s.c_str()));
    return decimal_text_to_double(s + "e" + std::to_string(-static_cast<int64_t>(d->scale)));
  }
  if (Ratio* r = as<Ratio>(v)) {
    // Clojure: BigDecimal(num).divide(BigDecimal(den), MathContext.DECIMAL64).doubleValue():
    // 16 significant digits, round half even, then the nearest double.
    Mpz n, q, rem, pow, twice;
    mpz_abs(n.v, mpq_numref(r->q));
    const mpz_srcptr den = mpq_denref(r->q);
    int64_t shift = 16 - (static_cast<int64_t>(mpz_sizeinbase(n.v, 10)) - static_cast<int64_t>(mpz_sizeinbase(den, 10)));
    auto divide = [&](int64_t s) {
      // q = floor(n * 10^s / den), rem the remainder of the scaled division.
      Mpz num, d2;
      mpz_set(num.v, n.v);
      mpz_set(d2.v, den);
      mpz_ui_pow_ui(pow.v, 10, static_cast<unsigned long>(s < 0 ? -s : s));
      if (s >= 0) mpz_mul(num.v, num.v, pow.v);
      else mpz_mul(d2.v, d2.v, pow.v);
      mpz_fdiv_qr(q.v, rem.v, num.v, d2.v);
      mpz_mul_2exp(twice.v, rem.v, 1);
      return mpz_cmp(twice.v, d2.v);  // compares 2*rem with the divisor
    };
    Mpz lo, hi;
    mpz_ui_pow_ui(lo.v, 10, 15);
    mpz_ui_pow_ui(hi.v, 10, 16);
    int half = divide(shift);
    while (mpz_cmp(q.v, hi.v) >= 0) half = divide(--shift);
    while (mpz_cmp(q.v, lo.v) < 0) half = divide(++shift);
    if (half > 0 || (half == 0 && mpz_odd_p(q.v))) mpz_add_ui(q.v, q.v, 1);
    std::string s(mpz_sizeinbase(q.v, 10) + 2, '\0');
    mpz_get_str(s.data(), 10, q.v);
    s.resize(std::char_traits<char>::length(s.c_str()));
    double d = decimal_text_to_double(s + "e" + std::to_string(-shift));
    return mpz_sgn(mpq_numref(r->q)) < 0 ? -d : d;
  }
  if (is_long(v)) return static_cast<double>(as_long(v));
  if (is_floating(v)) return floating_value(v);
  return 0.0;
}

int bignum_compare(Value a, Value b) {
  // BigDecimal against a long, BigInt, Ratio or BigDecimal: BigDecimal.compareTo after
  // Clojure's toBigDecimal (a non-terminating Ratio throws, as on the JVM).
  if ((is<BigDecimal>(a) || is<BigDecimal>(b)) && !is_floating(a) && !is_floating(b) && is_number(a) &&
      is_number(b))
    return decimal_compare(a, b);
  Mpq qa, qb;
  for (int side = 0; side < 2; ++side) {
    Value v = side == 0 ? a : b;
    mpq_ptr q = side == 0 ? qa.v : qb.v;
    if (is_floating(v)) {
      double d = floating_value(v);
      if (std::isnan(d)) return 2;
      if (std::isinf(d)) return (d > 0) == (side == 0) ? 1 : -1;
      mpq_set_d(q, d);
    } else if (!to_rational(v, q)) {
      throw_error(ErrorKind::ClassCastException,
                  std::string(value_type_name(v)) + " cannot be cast to class java.lang.Number");
    }
  }
  int c = mpq_cmp(qa.v, qb.v);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace clove
