// numbers.cpp: clojure.core's arithmetic and comparison functions (the Math class is
// in math.cpp).
//
// The compiler inlines binary +, -, <, ... into single instructions; these natives
// serve every other use: other arities, (apply + xs), passing + as a value.
#include <cmath>

#include "runtime/num/bigdecimal.h"
#include "natives/args.h"
#include "runtime/print/print.h"

namespace clove {

namespace {

/// An operand of + - * / inc dec and their unchecked forms: a number, or a value whose
/// type defines arithmetic (an embedding host's object: TypeInfo::arith). Else the
/// ClassCastException of arg_number.
Value arg_operand(Args a, int i, const char* fn) {
  Value v = a[i];
  if (v.is_obj() && type_of(v.as_obj()).arith) return v;
  return arg_number(a, i, fn);
}

Value fold(State& vm, Args a, ArithOp op, int64_t identity, const char* fn) {
  if (a.size() == 0) return Value::small_int(identity);
  // Two small ints (reduce with + or *): the checked operation here, without arith's
  // dispatch on kinds; overflow past 64 bits goes on to arith for its error.
  if (a.size() == 2 && a[0].is_small_int() && a[1].is_small_int()) {
    const int64_t x = a[0].as_small_int(), y = a[1].as_small_int();
    int64_t r;
    bool overflow = op == ArithOp::Add   ? __builtin_add_overflow(x, y, &r)
                    : op == ArithOp::Sub ? __builtin_sub_overflow(x, y, &r)
                    : op == ArithOp::Mul ? __builtin_mul_overflow(x, y, &r)
                                         : true;  // division and the rest: arith
    if (!overflow) return make_long(vm.heap, r);
  }
  Value acc = arg_operand(a, 0, fn);
  for (int i = 1; i < a.size(); ++i) acc = arith(vm, op, acc, arg_operand(a, i, fn));
  return acc;
}

Value n_add(State& vm, Args a) { return fold(vm, a, ArithOp::Add, 0, "+"); }
Value n_mul(State& vm, Args a) { return fold(vm, a, ArithOp::Mul, 1, "*"); }
Value n_sub(State& vm, Args a) {
  if (a.size() == 1) {  // negation: -0.0 for 0.0, as Numbers.minus(x)
    Value x = arg_operand(a, 0, "-");
    if (is_floating(x)) return Value::from_double(-floating_value(x));  // a Float negates to a Double
    if (auto* d = as<BigDecimal>(x)) return decimal_negate(vm, d);  // keeps the scale
    return arith(vm, ArithOp::Sub, Value::small_int(0), x);
  }
  return fold(vm, a, ArithOp::Sub, 0, "-");
}
Value n_div(State& vm, Args a) {
  if (a.size() == 1) return arith(vm, ArithOp::Div, Value::small_int(1), arg_operand(a, 0, "/"));
  return fold(vm, a, ArithOp::Div, 1, "/");
}
Value n_uadd(State& vm, Args a) { return arith(vm, ArithOp::UAdd, arg_operand(a, 0, "unchecked-add"), arg_operand(a, 1, "unchecked-add")); }
Value n_usub(State& vm, Args a) { return arith(vm, ArithOp::USub, arg_operand(a, 0, "unchecked-subtract"), arg_operand(a, 1, "unchecked-subtract")); }
Value n_umul(State& vm, Args a) { return arith(vm, ArithOp::UMul, arg_operand(a, 0, "unchecked-multiply"), arg_operand(a, 1, "unchecked-multiply")); }
Value n_uinc(State& vm, Args a) { return arith(vm, ArithOp::UAdd, arg_operand(a, 0, "unchecked-inc"), Value::small_int(1)); }
Value n_udec(State& vm, Args a) { return arith(vm, ArithOp::USub, arg_operand(a, 0, "unchecked-dec"), Value::small_int(1)); }
Value n_uneg(State& vm, Args a) {
  Value x = arg_operand(a, 0, "unchecked-negate");
  if (auto* d = as<BigDecimal>(x)) return decimal_negate(vm, d);
  return arith(vm, ArithOp::USub, Value::small_int(0), x);
}
// inc/dec of a small int (map inc, iterate inc): the sum here, without arith's
// dispatch on kinds (a small int plus one cannot overflow 64 bits).
Value n_inc(State& vm, Args a) {
  if (a[0].is_small_int()) return make_long(vm.heap, a[0].as_small_int() + 1);
  return arith(vm, ArithOp::Add, arg_operand(a, 0, "inc"), Value::small_int(1));
}
Value n_dec(State& vm, Args a) {
  if (a[0].is_small_int()) return make_long(vm.heap, a[0].as_small_int() - 1);
  return arith(vm, ArithOp::Sub, arg_operand(a, 0, "dec"), Value::small_int(1));
}
Value n_quot(State& vm, Args a) { return arith(vm, ArithOp::Quot, arg_number(a, 0, "quot"), arg_number(a, 1, "quot")); }
Value n_rem(State& vm, Args a) { return arith(vm, ArithOp::Rem, arg_number(a, 0, "rem"), arg_number(a, 1, "rem")); }
Value n_mod(State& vm, Args a) { return arith(vm, ArithOp::Mod, arg_number(a, 0, "mod"), arg_number(a, 1, "mod")); }

/// < > <= >= ==: one argument of any type is true, as (< x) is in Clojure; more must be numbers.
Value chain(Args a, CmpOp op, const char* fn) {
  if (a.size() == 1) return Value::t();
  for (int i = 0; i < a.size(); ++i) arg_number(a, i, fn);
  for (int i = 0; i + 1 < a.size(); ++i)
    if (!num_compare(op, a[i], a[i + 1])) return Value::f();
  return Value::t();
}
Value n_lt(State&, Args a) { return chain(a, CmpOp::Lt, "<"); }
Value n_le(State&, Args a) { return chain(a, CmpOp::Le, "<="); }
Value n_gt(State&, Args a) { return chain(a, CmpOp::Gt, ">"); }
Value n_ge(State&, Args a) { return chain(a, CmpOp::Ge, ">="); }
Value n_numeq(State&, Args a) { return chain(a, CmpOp::Eq, "=="); }

/// max/min: Numbers.max/min folded left, `(if (op best x) best x)`, so of equal values
/// the later argument wins ((max 1 1.0) is 1.0); a NaN argument wins outright, as
/// Clojure's max/min return ##NaN when any argument is NaN. One argument of any type is
/// returned as it is, as (max x) is x in Clojure.
Value extremum(Args a, CmpOp op, const char* fn) {
  if (a.size() == 1) return a[0];
  // Two small ints, the common case: compared here without num_compare's dispatch.
  if (a.size() == 2 && a[0].is_small_int() && a[1].is_small_int()) {
    return compare_as(op, a[0].as_small_int(), a[1].as_small_int()) ? a[0] : a[1];
  }
  auto nan = [](Value v) { return is_floating(v) && std::isnan(floating_value(v)); };
  Value best = arg_number(a, 0, fn);
  if (nan(best)) return best;
  for (int i = 1; i < a.size(); ++i) {
    Value x = arg_number(a, i, fn);
    if (nan(x) || !num_compare(op, best, x)) best = x;
    if (nan(best)) return best;
  }
  return best;
}
Value n_max(State&, Args a) { return extremum(a, CmpOp::Gt, "max"); }
Value n_min(State&, Args a) { return extremum(a, CmpOp::Lt, "min"); }
Value n_abs(State& vm, Args a) {
  Value x = arg_number(a, 0, "abs");
  if (is_floating(x)) return Value::from_double(std::fabs(floating_value(x)));  // a Float's is a Double
  if (is_long(x) && as_long(x) == INT64_MIN) return x;  // as Math/abs does
  if (auto* d = as<BigDecimal>(x)) return decimal_abs(vm, d);  // BigDecimal.abs(mc)
  return num_compare(CmpOp::Lt, x, Value::small_int(0)) ? arith(vm, ArithOp::Sub, Value::small_int(0), x) : x;
}

// zero?/pos?/neg?: x against 0; a small int compared here, without arg_number's and
// num_compare's calls.
Value sign_test(Args a, CmpOp op, const char* fn) {
  if (a[0].is_small_int()) return Value::boolean(compare_as<int64_t>(op, a[0].as_small_int(), 0));
  return Value::boolean(num_compare(op, arg_number(a, 0, fn), Value::small_int(0)));
}
Value n_zero(State&, Args a) { return sign_test(a, CmpOp::Eq, "zero?"); }
Value n_pos(State&, Args a) { return sign_test(a, CmpOp::Gt, "pos?"); }
Value n_neg(State&, Args a) { return sign_test(a, CmpOp::Lt, "neg?"); }
/// even?/odd?: the parity of an integer (long or BigInt); anything else is Clojure's
/// IllegalArgumentException "Argument must be an integer: x".
bool is_odd_integer(State& vm, Value x) {
  if (is_long(x)) return (as_long(x) & 1) != 0;
  if (auto* b = as<BigInt>(x)) return mpz_odd_p(b->z) != 0;
  throw_error(ErrorKind::IllegalArgumentException, fmt::format("Argument must be an integer: {}", str_bounded(vm, x)));
}
Value n_even(State& vm, Args a) { return Value::boolean(!is_odd_integer(vm, a[0])); }
Value n_odd(State& vm, Args a) { return Value::boolean(is_odd_integer(vm, a[0])); }
Value n_numberp(State&, Args a) { return Value::boolean(is_number(a[0])); }
Value n_integerp(State&, Args a) { return Value::boolean(is_long(a[0]) || is_type(a[0], ObjType::BigInt)); }
Value n_doublep(State&, Args a) { return Value::boolean(a[0].is_double()); }
Value n_double(State&, Args a) { return Value::from_double(to_double(arg_number(a, 0, "double"))); }
/// The number argument of float or unchecked-float (`fn`); nil is the JVM's
/// NullPointerException from the Number method (`method`) the cast calls.
Value float_cast_arg(Args a, const char* fn, const char* method) {
  if (a[0].is_nil())
    throw_error(ErrorKind::NullPointerException,
                fmt::format("Cannot invoke \"java.lang.Number.{}()\" because \"x\" is null", method));
  return arg_number(a, 0, fn);
}
/// RT.floatCast: a Float stays; any other number's double value must lie within
/// float's range (NaN does), else IllegalArgumentException "Value out of range for
/// float: x".
Value n_float(State& vm, Args a) {
  Value x = float_cast_arg(a, "float", "doubleValue");
  if (is_float(x)) return x;
  double d = to_double(x);
  if (!fits_float(d))
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("Value out of range for float: {}", str_bounded(vm, x)));
  return make_float(vm.heap, d2f(d));
}
/// RT.uncheckedFloatCast: Number.floatValue, out-of-range values becoming infinities.
Value n_unchecked_float(State& vm, Args a) {
  Value x = float_cast_arg(a, "unchecked-float", "floatValue");
  if (is_float(x)) return x;
  return make_float(vm.heap, d2f(to_double(x)));
}
/// RT.longCast: integers and ratios (truncated) must fit a long; doubles and
/// BigDecimals go through their double value, which must lie in [-2^63, 2^63].
/// IllegalArgumentException "Value out of range for long: x" otherwise.
Value n_long(State& vm, Args a) {
  Value x = arg_number(a, 0, "long");
  if (is_long(x)) return x;
  if (is<BigInt>(x) || is<Ratio>(x)) {
    Value n = is<Ratio>(x) ? arith(vm, ArithOp::Quot, x, Value::small_int(1)) : x;
    if (is_long(n)) return n;
    auto* b = as<BigInt>(n);
    if (mpz_fits_slong_p(b->z)) return make_long(vm.heap, mpz_get_si(b->z));
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("Value out of range for long: {}", bigint_to_string(b)));
  }
  double d = to_double(x);
  if (std::isnan(d)) return Value::small_int(0);
  if (d > 9.2233720368547758e18 || d < -9.2233720368547758e18)
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("Value out of range for long: {}", format_double(d)));
  if (d >= 9.2233720368547758e18) return make_long(vm.heap, INT64_MAX);
  return make_long(vm.heap, static_cast<int64_t>(d));
}

}  // namespace

void def_static_value(State& vm, std::string_view cls, std::string_view name, Value v) {
  Var* var = vm.intern(vm.find_or_create_ns(vm.sym(cls)), vm.sym(name));
  var->root = v;
  var->bound = true;
  vm.heap.barrier(var, v);
}

void install_number_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "+", n_add, 0, -1,
                "Adds the numbers; (+) is 0. Longs do not promote to bigger types: throws "
                "ArithmeticException when a long sum overflows.", "([] [x] [x y] [x y & more])");
  vm.def_native(C, "-", n_sub, 1, -1,
                "With one argument gives -x; with more, subtracts each y from x in turn. Throws "
                "ArithmeticException when a long result overflows.", "([x] [x y] [x y & more])");
  vm.def_native(C, "*", n_mul, 0, -1,
                "Multiplies the numbers; (*) is 1. Throws ArithmeticException when a long product "
                "overflows.", "([] [x] [x y] [x y & more])");
  vm.def_native(C, "/", n_div, 1, -1,
                "Divides x by each y in turn, or gives 1/x with a single argument. Integers that "
                "do not divide evenly give a ratio. Throws ArithmeticException when an integer is "
                "divided by zero.", "([x] [x y] [x y & more])");
  vm.def_native(C, "unchecked-add", n_uadd, 2, 2,
                "Adds two longs with two's-complement wraparound instead of an overflow check.",
                "([x y])");
  vm.def_native(C, "unchecked-subtract", n_usub, 2, 2,
                "Subtracts y from x as longs, wrapping around on overflow instead of throwing.",
                "([x y])");
  vm.def_native(C, "unchecked-multiply", n_umul, 2, 2,
                "Multiplies two longs, wrapping around on overflow instead of throwing.",
                "([x y])");
  vm.def_native(C, "unchecked-inc", n_uinc, 1, 1,
                "Gives x + 1, wrapping Long/MAX_VALUE around to Long/MIN_VALUE instead of "
                "throwing.", "([x])");
  vm.def_native(C, "unchecked-dec", n_udec, 1, 1,
                "Gives x - 1, wrapping Long/MIN_VALUE around to Long/MAX_VALUE instead of "
                "throwing.", "([x])");
  vm.def_native(C, "unchecked-negate", n_uneg, 1, 1,
                "Gives -x without an overflow check, so Long/MIN_VALUE stays Long/MIN_VALUE.",
                "([x])");
  vm.def_native(C, "inc", n_inc, 1, 1,
                "Adds one to x. Throws ArithmeticException when a long x is Long/MAX_VALUE.",
                "([x])");
  vm.def_native(C, "dec", n_dec, 1, 1,
                "Subtracts one from x. Throws ArithmeticException when a long x is Long/MIN_VALUE.",
                "([x])");
  vm.def_native(C, "quot", n_quot, 2, 2,
                "Integer division of num by div with the fractional part dropped (rounding toward "
                "zero). Throws ArithmeticException when an integer div is zero.", "([num div])");
  vm.def_native(C, "rem", n_rem, 2, 2,
                "The remainder left by quot: num - div * (quot num div), which takes the sign of "
                "num. Throws ArithmeticException when an integer div is zero.", "([num div])");
  vm.def_native(C, "mod", n_mod, 2, 2,
                "The modulus of num by div, rounded toward negative infinity so that a nonzero "
                "result has the sign of div: (mod -7 2) is 1, where rem gives -1.", "([num div])");
  vm.def_native(C, "<", n_lt, 1, -1,
                "True when each number is smaller than the next (strictly increasing), false "
                "otherwise.", "([x] [x y] [x y & more])");
  vm.def_native(C, "<=", n_le, 1, -1,
                "True when no number is greater than the one after it (increasing or equal), "
                "false otherwise.", "([x] [x y] [x y & more])");
  vm.def_native(C, ">", n_gt, 1, -1,
                "True when each number is larger than the next (strictly decreasing), false "
                "otherwise.", "([x] [x y] [x y & more])");
  vm.def_native(C, ">=", n_ge, 1, -1,
                "True when no number is smaller than the one after it (decreasing or equal), "
                "false otherwise.", "([x] [x y] [x y & more])");
  vm.def_native(C, "==", n_numeq, 1, -1,
                "Numeric equality: true when all numbers have the same value whatever their type "
                "(1, 1.0 and 1N), false otherwise.", "([x] [x y] [x y & more])");
  vm.def_native(C, "max", n_max, 1, -1,
                "Gives the largest of the numbers.", "([x] [x y] [x y & more])");
  vm.def_native(C, "min", n_min, 1, -1,
                "Gives the smallest of the numbers.", "([x] [x y] [x y & more])");
  vm.def_native(C, "abs", n_abs, 1, 1,
                "Gives the magnitude of a, the number without its sign.", "([a])");
  vm.def_native(C, "zero?", n_zero, 1, 1, "True when num equals zero, false otherwise.", "([num])");
  vm.def_native(C, "pos?", n_pos, 1, 1, "True when num is above zero, false otherwise.", "([num])");
  vm.def_native(C, "neg?", n_neg, 1, 1, "True when num is below zero, false otherwise.", "([num])");
  vm.def_native(C, "even?", n_even, 1, 1,
                "True when the integer n is divisible by 2. Throws IllegalArgumentException when "
                "n is not an integer.", "([n])");
  vm.def_native(C, "odd?", n_odd, 1, 1,
                "True when the integer n leaves remainder 1 or -1 on division by 2. Throws "
                "IllegalArgumentException when n is not an integer.", "([n])");
  vm.def_native(C, "number?", n_numberp, 1, 1, "True when x is any kind of number.", "([x])");
  vm.def_native(C, "integer?", n_integerp, 1, 1,
                "True when n is a whole-number type (long, int, short, byte, BigInt or "
                "BigInteger), false for doubles even when integral.", "([n])");
  vm.def_native(C, "double?", n_doublep, 1, 1, "True when x is a double.", "([x])");
  vm.def_native(C, "double", n_double, 1, 1, "Converts the number x to a double.", "([x])");
  vm.def_native(C, "long", n_long, 1, 1,
                "Converts the number x to a long, dropping any fractional part.", "([x])");
  vm.def_native(C, "float", n_float, 1, 1, "Coerce to float: a java.lang.Float. Throws IllegalArgumentException when the value is outside float's range (infinities included; NaN is kept).", "([x])");
  vm.def_native(C, "unchecked-float", n_unchecked_float, 1, 1, "Coerce to float (a java.lang.Float), without range checks: out-of-range values become infinities.", "([x])");
  install_math_natives(vm);
  def_static_value(vm, "Long", "MAX_VALUE", make_long(vm.heap, INT64_MAX));
  def_static_value(vm, "Long", "MIN_VALUE", make_long(vm.heap, INT64_MIN));
}

}  // namespace clove
