// bigdecimal.cpp: BigDecimal arithmetic (see bigdecimal.h). The algorithms follow the
// JDK's java.math.BigDecimal (add with preAlign, doRound, divide with a preferred
// scale, divideToIntegralValue) re-expressed on GMP integers.
#include "runtime/num/bigdecimal.h"

#include <algorithm>
#include <climits>
#include <string>

#include "core/error.h"
#include "state/state.h"

namespace clove {

namespace {

constexpr const char* kNonTerminating = "Non-terminating decimal expansion; no exact representable decimal result.";

/// A decimal being computed: u * 10^-scale, with a 64-bit scale so overflow of Java's
/// int32 scale is detected when the result is boxed (make_dec).
struct Dec {
  mpz_t u;
  int64_t scale = 0;
  Dec() { mpz_init(u); }
  ~Dec() { mpz_clear(u); }
  Dec(const Dec&) = delete;
  Dec& operator=(const Dec&) = delete;
  void set(const Dec& o) {
    mpz_set(u, o.u);
    scale = o.scale;
  }
};

struct Z {
  mpz_t v;
  Z() { mpz_init(v); }
  ~Z() { mpz_clear(v); }
  Z(const Z&) = delete;
  Z& operator=(const Z&) = delete;
};

[[noreturn]] void arithmetic_error(const char* msg) { throw_error(ErrorKind::ArithmeticException, msg); }

/// Number of decimal digits of |u| (1 for zero), as BigDecimal.precision().
int64_t digit_count(const mpz_t u) {
  if (mpz_sgn(u) == 0) return 1;
  auto n = static_cast<int64_t>(mpz_sizeinbase(u, 10));  // exact or one too many
  if (n == 1) return 1;
  Z p;
  mpz_ui_pow_ui(p.v, 10, static_cast<unsigned long>(n - 1));
  return mpz_cmpabs(u, p.v) < 0 ? n - 1 : n;
}

/// u *= 10^n for n >= 0.
void mul_pow10(mpz_t u, int64_t n) {
  if (n == 0 || mpz_sgn(u) == 0) return;
  Z p;
  pow10_checked(p.v, n);
  mpz_mul(u, u, p.v);
}

/// q = n / d rounded by `mode` (d != 0); returns whether the division was inexact.
/// ArithmeticException "Rounding necessary" for an inexact UNNECESSARY division.
bool div_round(mpz_t q, const mpz_t n, const mpz_t d, RoundingMode mode) {
  Z r;
  mpz_tdiv_qr(q, r.v, n, d);
  if (mpz_sgn(r.v) == 0) return false;
  int sign = mpz_sgn(n) * mpz_sgn(d);  // sign of the exact quotient
  bool away = false;                   // increment the magnitude of q
  switch (mode) {
    case RoundingMode::Up: away = true; break;
    case RoundingMode::Down: away = false; break;
    case RoundingMode::Ceiling: away = sign > 0; break;
    case RoundingMode::Floor: away = sign < 0; break;
    case RoundingMode::HalfUp:
    case RoundingMode::HalfDown:
    case RoundingMode::HalfEven: {
      Z twice;
      mpz_mul_2exp(twice.v, r.v, 1);
      int c = mpz_cmpabs(twice.v, d);
      if (c > 0) away = true;
      else if (c < 0) away = false;
      else away = mode == RoundingMode::HalfUp || (mode == RoundingMode::HalfEven && mpz_odd_p(q));
      break;
    }
    case RoundingMode::Unnecessary: arithmetic_error("Rounding necessary");
  }
  if (away) {
    if (sign > 0) mpz_add_ui(q, q, 1);
    else mpz_sub_ui(q, q, 1);
  }
  return true;
}

/// Java's doRound: drops digits beyond mc.precision with mc's rounding mode (again
/// after a carry that adds a digit). Returns whether anything was dropped.
bool round_to(Dec& x, const MathContext& mc) {
  if (mc.precision == 0) return false;
  bool inexact = false;
  int64_t digits = digit_count(x.u);
  while (digits > mc.precision) {
    int64_t drop = digits - mc.precision;
    Z p;
    pow10_checked(p.v, drop);
    inexact |= div_round(x.u, x.u, p.v, mc.rounding);
    x.scale -= drop;
    digits = digit_count(x.u);
  }
  return inexact;
}

/// Removes trailing zeros while the scale stays >= preferred (stripZerosToMatchScale).
void strip_zeros_to(Dec& x, int64_t preferred) {
  if (mpz_sgn(x.u) == 0 || x.scale <= preferred) return;
  Z rest, ten;
  mpz_set_ui(ten.v, 10);
  auto zeros = static_cast<int64_t>(mpz_remove(rest.v, x.u, ten.v));
  int64_t n = std::min(zeros, x.scale - preferred);
  if (n <= 0) return;
  Z p;
  pow10_checked(p.v, n);
  mpz_divexact(x.u, x.u, p.v);
  x.scale -= n;
}

/// Raises x's scale to `scale` (>= x.scale) by appending zeros.
void rescale_up(Dec& x, int64_t scale) {
  if (scale <= x.scale) return;
  mul_pow10(x.u, scale - x.scale);
  x.scale = scale;
}

int32_t saturate(int64_t s) { return static_cast<int32_t>(std::clamp<int64_t>(s, INT32_MIN, INT32_MAX)); }

/// Boxes x; Java's checkScale: a nonzero value whose scale leaves the int32 range is an
/// ArithmeticException ("Underflow" for too many fraction digits, else "Overflow").
Value make_dec(Heap& h, const Dec& x) {
  if (x.scale > INT32_MAX || x.scale < INT32_MIN) {
    if (mpz_sgn(x.u) != 0) arithmetic_error(x.scale > 0 ? "Underflow" : "Overflow");
    return make_bigdecimal(h, x.u, saturate(x.scale));
  }
  return make_bigdecimal(h, x.u, static_cast<int32_t>(x.scale));
}

/// out = x / y (y != 0) as BigDecimal.divide(divisor) (unlimited) or divide(divisor, mc).
void dec_divide(const Dec& x, const Dec& y, const MathContext& mc, Dec& out) {
  int64_t preferred = x.scale - y.scale;
  if (mpz_sgn(y.u) == 0) arithmetic_error("Divide by zero");
  if (mpz_sgn(x.u) == 0) {
    mpz_set_ui(out.u, 0);
    out.scale = saturate(preferred);
    return;
  }
  if (mc.precision == 0) {
    // Exact: the reduced denominator must be 2^a 5^b; then x/y = n 2^(k-a) 5^(k-b) / 10^k.
    Z g, n, d, two, five, f;
    mpz_gcd(g.v, x.u, y.u);
    mpz_divexact(n.v, x.u, g.v);
    mpz_divexact(d.v, y.u, g.v);
    if (mpz_sgn(d.v) < 0) {
      mpz_neg(n.v, n.v);
      mpz_neg(d.v, d.v);
    }
    mpz_set_ui(two.v, 2);
    mpz_set_ui(five.v, 5);
    auto a = static_cast<int64_t>(mpz_remove(d.v, d.v, two.v));
    auto b = static_cast<int64_t>(mpz_remove(d.v, d.v, five.v));
    if (mpz_cmp_ui(d.v, 1) != 0) arithmetic_error(kNonTerminating);
    int64_t k = std::max(a, b);
    mpz_mul_2exp(n.v, n.v, static_cast<mp_bitcnt_t>(k - a));
    mpz_ui_pow_ui(f.v, 5, static_cast<unsigned long>(k - b));
    mpz_mul(out.u, n.v, f.v);
    out.scale = preferred + k;
    strip_zeros_to(out, preferred);
    return;
  }
  // Rounded: e = floor(log10 |x.u / y.u|); the quotient gets precision digits, i.e.
  // scale preferred + (precision - 1 - e).
  Z ax, ay, t1, t2;
  mpz_abs(ax.v, x.u);
  mpz_abs(ay.v, y.u);
  int64_t e = digit_count(ax.v) - digit_count(ay.v);
  mpz_set(t1.v, ax.v);
  mpz_set(t2.v, ay.v);
  if (e < 0) mul_pow10(t1.v, -e);
  else mul_pow10(t2.v, e);
  if (mpz_cmp(t1.v, t2.v) < 0) --e;
  int64_t shift = static_cast<int64_t>(mc.precision) - 1 - e;
  Z num, den;
  mpz_set(num.v, x.u);
  mpz_set(den.v, y.u);
  if (shift >= 0) mul_pow10(num.v, shift);
  else mul_pow10(den.v, -shift);
  bool inexact = div_round(out.u, num.v, den.v, mc.rounding);
  out.scale = preferred + shift;
  if (inexact) {
    round_to(out, mc);  // a carry (9.99 -> 10.0) adds a digit
  } else {
    strip_zeros_to(out, preferred);
  }
}

/// out = x + y, BigDecimal.add(augend) or add(augend, mc).
void dec_add(const Dec& x0, const Dec& y0, const MathContext& mc, Dec& out) {
  Dec x, y;
  x.set(x0);
  y.set(y0);
  if (mc.precision != 0) {
    bool xz = mpz_sgn(x.u) == 0, yz = mpz_sgn(y.u) == 0;
    if (xz || yz) {
      int64_t preferred = std::max(x.scale, y.scale);
      if (xz && yz) {
        mpz_set_ui(out.u, 0);
        out.scale = preferred;
        return;
      }
      out.set(xz ? y : x);
      round_to(out, mc);
      if (out.scale > preferred) {
        strip_zeros_to(out, preferred);
      } else if (out.scale < preferred) {
        int64_t precision_diff = static_cast<int64_t>(mc.precision) - digit_count(out.u);
        int64_t scale_diff = preferred - out.scale;
        rescale_up(out, precision_diff >= scale_diff ? preferred : out.scale + precision_diff);
      }
      return;
    }
    if (x.scale != y.scale) {
      // preAlign: an addend entirely below the rounding position only matters through
      // its sign, so it is replaced by a one-digit sticky value just below that position.
      Dec& big = x.scale < y.scale ? x : y;
      Dec& small = x.scale < y.scale ? y : x;
      int64_t est_ulp_scale = big.scale - digit_count(big.u) + mc.precision;
      int64_t small_high = small.scale - digit_count(small.u) + 1;
      if (small_high > big.scale + 2 && small_high > est_ulp_scale + 2) {
        mpz_set_si(small.u, mpz_sgn(small.u));
        small.scale = std::max(big.scale, est_ulp_scale) + 3;
      }
    }
  }
  int64_t scale = std::max(x.scale, y.scale);
  rescale_up(x, scale);
  rescale_up(y, scale);
  mpz_add(out.u, x.u, y.u);
  out.scale = scale;
  round_to(out, mc);
}

/// out = x * y, BigDecimal.multiply (then doRound with mc).
void dec_mul(const Dec& x, const Dec& y, const MathContext& mc, Dec& out) {
  if (digit_count(x.u) + digit_count(y.u) > kMaxDecimalDigits + 1)
    arithmetic_error("BigDecimal result too large (more than 10000000 digits)");
  mpz_mul(out.u, x.u, y.u);
  out.scale = x.scale + y.scale;
  round_to(out, mc);
}

/// out = the integer part of x / y (y != 0), BigDecimal.divideToIntegralValue(divisor[, mc]).
void dec_int_quotient(const Dec& x, const Dec& y, const MathContext& mc, Dec& out) {
  if (mpz_sgn(y.u) == 0) arithmetic_error("Divide by zero");
  int64_t preferred = x.scale - y.scale;
  Dec ax, ay;
  ax.set(x);
  ay.set(y);
  int64_t scale = std::max(x.scale, y.scale);
  rescale_up(ax, scale);
  rescale_up(ay, scale);
  mpz_tdiv_q(out.u, ax.u, ay.u);
  if (mpz_sgn(out.u) == 0) {  // |x| < |y| or x = 0
    out.scale = saturate(preferred);
    return;
  }
  out.scale = 0;
  if (mc.precision == 0) {
    if (preferred < 0) strip_zeros_to(out, preferred);
    else rescale_up(out, preferred);
    return;
  }
  int64_t p = mc.precision;
  int64_t digits = digit_count(out.u);
  if (digits > p) {
    // Representable only when the digits past the precision are zeros.
    Z pw, r;
    pow10_checked(pw.v, digits - p);
    mpz_tdiv_r(r.v, out.u, pw.v);
    if (mpz_sgn(r.v) != 0) arithmetic_error("Division impossible");
    mpz_divexact(out.u, out.u, pw.v);
    out.scale = p - digits;
  }
  int64_t precision_diff = p - digit_count(out.u);
  if (preferred > out.scale && precision_diff > 0)
    rescale_up(out, out.scale + std::min(precision_diff, preferred - out.scale));
  else
    strip_zeros_to(out, preferred);
}

/// Clojure's toBigDecimal of a non-double number (negated first when `negate`: a
/// BigDecimal subtrahend is negated and rounded as BigDecimal.negate(mc), any other
/// is negated exactly before conversion, as Numbers.minus does).
void to_dec(Value v, const MathContext& mc, bool negate, Dec& out) {
  if (is_long(v)) {
    if (negate && as_long(v) == INT64_MIN) arithmetic_error("long overflow");  // LongOps.negate
    mpz_set_si(out.u, static_cast<long>(as_long(v)));
    out.scale = 0;
  } else if (const BigInt* b = as<BigInt>(v)) {
    mpz_set(out.u, b->z);
    out.scale = 0;
  } else if (const BigDecimal* d = as<BigDecimal>(v)) {
    mpz_set(out.u, d->unscaled);
    out.scale = d->scale;
    if (negate) {
      mpz_neg(out.u, out.u);
      round_to(out, mc);
    }
    return;
  } else if (const Ratio* r = as<Ratio>(v)) {
    Dec n, d;
    mpz_set(n.u, mpq_numref(r->q));
    mpz_set(d.u, mpq_denref(r->q));
    if (negate) mpz_neg(n.u, n.u);
    dec_divide(n, d, mc, out);
    return;
  } else {
    throw_error(ErrorKind::ClassCastException,
                std::string("class ") + value_type_name(v) + " cannot be cast to class java.math.BigDecimal");
  }
  if (negate) mpz_neg(out.u, out.u);
}

/// Compares two decimals by value without building 10^|scale difference| blindly:
/// signs first, then adjusted exponents, then the aligned digits.
int dec_compare(const Dec& x, const Dec& y) {
  int sx = mpz_sgn(x.u), sy = mpz_sgn(y.u);
  if (sx != sy) return sx < sy ? -1 : 1;
  if (sx == 0) return 0;
  int64_t ex = digit_count(x.u) - x.scale, ey = digit_count(y.u) - y.scale;
  if (ex != ey) return (ex < ey) == (sx > 0) ? -1 : 1;
  // Same adjusted exponent: the scale difference is at most the difference in digits.
  Dec ax, ay;
  ax.set(x);
  ay.set(y);
  int64_t scale = std::max(x.scale, y.scale);
  rescale_up(ax, scale);
  rescale_up(ay, scale);
  int c = mpz_cmp(ax.u, ay.u);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

/// Whether a non-double number is zero (a Ratio never is).
bool is_zero(Value v) {
  if (is_long(v)) return as_long(v) == 0;
  if (const BigInt* b = as<BigInt>(v)) return mpz_sgn(b->z) == 0;
  if (const BigDecimal* d = as<BigDecimal>(v)) return mpz_sgn(d->unscaled) == 0;
  return false;
}

/// (get m :name nil) of a map, through the type table (num sits below coll).
Value map_get(State& vm, Obj* m, std::string_view name) {
  return type_of(m).lookup(vm, m, Value::object(vm.kw(name)), Value::nil());
}

}  // namespace

bool parse_rounding_mode(std::string_view name, RoundingMode* out) {
  if (name.substr(0, 6) == "ROUND_") name.remove_prefix(6);
  static constexpr std::pair<std::string_view, RoundingMode> kModes[] = {
      {"UP", RoundingMode::Up},           {"DOWN", RoundingMode::Down},
      {"CEILING", RoundingMode::Ceiling}, {"FLOOR", RoundingMode::Floor},
      {"HALF_UP", RoundingMode::HalfUp},  {"HALF_DOWN", RoundingMode::HalfDown},
      {"HALF_EVEN", RoundingMode::HalfEven}, {"UNNECESSARY", RoundingMode::Unnecessary}};
  for (auto& [n, m] : kModes)
    if (n == name) {
      *out = m;
      return true;
    }
  return false;
}

const char* rounding_mode_name(RoundingMode m) {
  switch (m) {
    case RoundingMode::Up: return "UP";
    case RoundingMode::Down: return "DOWN";
    case RoundingMode::Ceiling: return "CEILING";
    case RoundingMode::Floor: return "FLOOR";
    case RoundingMode::HalfUp: return "HALF_UP";
    case RoundingMode::HalfDown: return "HALF_DOWN";
    case RoundingMode::HalfEven: return "HALF_EVEN";
    case RoundingMode::Unnecessary: return "UNNECESSARY";
  }
  return "HALF_UP";
}

MathContext current_math_context(State& vm) {
  if (!vm.core_ns()) return {};
  Var* var = vm.core_ns()->lookup(vm.sym("*math-context*"));
  if (!var || (!var->thread_bound && (!var->bound || var->root.is_nil()))) return {};
  Value ctx = vm.var_value(var);
  if (ctx.is_nil()) return {};
  // A persistent map (not a record): {:precision n :rounding :MODE}.
  if (has_traits(ctx, trait::IPersistentMap) && !has_traits(ctx, trait::IRecord)) {
    Value p = map_get(vm, ctx.as_obj(), "precision");
    Value r = map_get(vm, ctx.as_obj(), "rounding");
    RoundingMode mode = RoundingMode::HalfUp;
    Keyword* k = as<Keyword>(r);
    if (is_long(p) && as_long(p) >= 0 && as_long(p) <= INT32_MAX &&
        (r.is_nil() || (k && parse_rounding_mode(k->sym->name_view(), &mode))))
      return MathContext{static_cast<uint32_t>(as_long(p)), mode};
  }
  throw_error(ErrorKind::ClassCastException,
              std::string("*math-context* must be nil or a math context {:precision n :rounding :HALF_UP}, not ") +
                  value_type_name(ctx));
}

void pow10_checked(mpz_t out, int64_t n) {
  if (n < 0 || n > kMaxDecimalDigits)
    arithmetic_error("BigDecimal result too large (more than 10000000 digits)");
  mpz_ui_pow_ui(out, 10, static_cast<unsigned long>(n));
}

Value decimal_arith(State& vm, ArithOp op, Value a, Value b) {
  MathContext mc = current_math_context(vm);
  bool subtract = op == ArithOp::Sub || op == ArithOp::USub;
  // Numbers.divide/quotient/remainder test the divisor for zero before converting it.
  if ((op == ArithOp::Div || op == ArithOp::Quot || op == ArithOp::Rem || op == ArithOp::Mod) && is_zero(b))
    arithmetic_error("Divide by zero");
  Dec x, y, r;
  to_dec(a, mc, false, x);
  to_dec(b, mc, subtract, y);
  switch (op) {
    case ArithOp::Add: case ArithOp::UAdd:
    case ArithOp::Sub: case ArithOp::USub:
      dec_add(x, y, mc, r);
      break;
    case ArithOp::Mul: case ArithOp::UMul:
      dec_mul(x, y, mc, r);
      break;
    case ArithOp::Div:
      dec_divide(x, y, mc, r);
      break;
    case ArithOp::Quot:
      dec_int_quotient(x, y, mc, r);
      break;
    case ArithOp::Rem:
    case ArithOp::Mod: {
      // remainder = x - divideToIntegralValue(x, y) * y, exactly.
      Dec q, prod, neg;
      dec_int_quotient(x, y, mc, q);
      dec_mul(q, y, MathContext{}, prod);
      mpz_neg(prod.u, prod.u);
      dec_add(x, prod, MathContext{}, r);
      // Clojure's mod: (if (or (zero? m) (= (pos? num) (pos? div))) m (+ m div)).
      if (op == ArithOp::Mod && mpz_sgn(r.u) != 0 && (mpz_sgn(x.u) > 0) != (mpz_sgn(y.u) > 0)) {
        Dec m;
        m.set(r);
        dec_add(m, y, mc, r);
      }
      break;
    }
  }
  return make_dec(vm.heap, r);
}

namespace {
// x with its unscaled value mapped by `op` (mpz_neg, mpz_abs), the scale kept, rounded
// to *math-context*.
Value map_unscaled(State& vm, const BigDecimal* x, void (*op)(mpz_ptr, mpz_srcptr)) {
  Dec d;
  op(d.u, x->unscaled);
  d.scale = x->scale;
  round_to(d, current_math_context(vm));
  return make_dec(vm.heap, d);
}
}  // namespace

Value decimal_negate(State& vm, const BigDecimal* x) { return map_unscaled(vm, x, mpz_neg); }

Value decimal_abs(State& vm, const BigDecimal* x) { return map_unscaled(vm, x, mpz_abs); }

Value to_bigdecimal(State& vm, Value x) {
  if (is<BigDecimal>(x)) return x;
  Dec d;
  to_dec(x, current_math_context(vm), false, d);
  return make_dec(vm.heap, d);
}

int decimal_compare(Value a, Value b) {
  Dec x, y;
  to_dec(a, MathContext{}, false, x);
  to_dec(b, MathContext{}, false, y);
  return dec_compare(x, y);
}

Value decimal_rationalize(Heap& h, const BigDecimal* d) {
  Z u, p;
  mpz_set(u.v, d->unscaled);
  if (d->scale < 0) {
    pow10_checked(p.v, -static_cast<int64_t>(d->scale));
    mpz_mul(u.v, u.v, p.v);
    return make_bigint(h, u.v);
  }
  pow10_checked(p.v, d->scale);
  return make_ratio(h, u.v, p.v, false);
}

}  // namespace clove
