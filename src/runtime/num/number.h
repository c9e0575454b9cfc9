// number.h: longs (immediate or boxed), doubles, and the numeric tower's entry points.
//
// A Clojure long is a full int64. Values in [-2^47, 2^47) are immediate (Value::small_int);
// the rest live in a BoxedLong. Code never tests for the box itself: use is_long/as_long
// and make_long. Arithmetic here follows Clojure: +, -, *, inc, dec throw
// ArithmeticException "long overflow" on long overflow; the unchecked-* family wraps.
// Big ints, ratios and big decimals (GMP) join this tower in runtime/bignum.*.
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

class State;

struct BoxedLong : Obj {
  static constexpr ObjType kType = ObjType::BoxedLong;
  int64_t value;
  explicit BoxedLong(int64_t v) : Obj(kType), value(v) {}
  void trace(Tracer&) {}
};

/// A java.lang.Float: what `float`, `unchecked-float`, `aget` of a float array and the
/// float overloads of Math give. A heap object, as a BoxedLong is, so that it is an
/// ordinary row of the type table (class, instance?, protocol dispatch) rather than a
/// new immediate kind every switch over the tags would need (docs/design/values.md).
/// Equal (=) to the double of the same value, hashed and printed as Java's Float; in
/// arithmetic it is a double, as Clojure's Numbers puts Float in the DOUBLE category.
struct BoxedFloat : Obj {
  static constexpr ObjType kType = ObjType::BoxedFloat;
  float value;
  explicit BoxedFloat(float f) : Obj(kType), value(f) {}
  void trace(Tracer&) {}
};

inline Value make_long(Heap& h, int64_t i) {
  if (Value::fits_small(i)) return Value::small_int(i);
  return Value::object(h.make<BoxedLong>(i));
}
inline bool is_long(Value v) { return v.is_small_int() || is<BoxedLong>(v); }
/// A Float holding f (NaNs become Java's canonical float NaN, 0x7fc00000).
Value make_float(Heap& h, float f);
inline bool is_float(Value v) { return is<BoxedFloat>(v); }
/// The float in v; v must satisfy is_float.
inline float as_float(Value v) { return static_cast<BoxedFloat*>(v.as_obj())->value; }
/// A double or a Float: Clojure's floating-point category (float? is true, arithmetic
/// is in doubles).
inline bool is_floating(Value v) { return v.is_double() || is_float(v); }
/// The value of a double or a Float (is_floating(v)) as a double.
inline double floating_value(Value v) {
  return v.is_double() ? v.as_double() : static_cast<double>(as_float(v));
}
/// Whether d is within float's range (RT.floatCast): |d| <= Float.MAX_VALUE, or NaN.
bool fits_float(double d);

/// Whether one of x and y is a double and the other a small long; then dx and dy are
/// both as doubles. With a double operand, Clojure's arithmetic (clojure.lang.Numbers,
/// DoubleOps) computes in doubles: (/ 1.0 0) is ##Inf, (+ 0.5 1) is 1.5. The dispatch
/// loop's fast path for + - * / on such a pair.
inline bool double_and_small(Value x, Value y, double& dx, double& dy) {
  if (x.is_double() && y.is_small_int()) {
    dx = x.as_double();
    dy = static_cast<double>(y.as_small_int());
    return true;
  }
  if (x.is_small_int() && y.is_double()) {
    dx = static_cast<double>(x.as_small_int());
    dy = y.as_double();
    return true;
  }
  return false;
}
/// clojure.core/mod on longs (b != 0; b == -1 with INT64_MIN is the caller's case): the
/// remainder moved by one divisor when its sign differs from the divisor's.
inline int64_t floor_mod(int64_t a, int64_t b) {
  int64_t r = a % b;
  return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}
/// Java's d2l / d2i: truncate toward zero, saturate at the type's bounds, NaN -> 0.
int64_t d2l(double d);
int32_t d2i(double d);
/// Java's d2f: the nearest float, infinities beyond float's range (a plain C++ cast of
/// an out-of-range double is undefined).
float d2f(double d);
/// Number.longValue of a number (is_number(v)): doubles as d2l, big integers, ratios and
/// decimals keep the low 64 bits of their integer part (BigInteger.longValue).
int64_t number_long_value(Value v);
/// Number.intValue of a number: doubles as d2i, everything else the low 32 bits of
/// number_long_value (Long.intValue wraps).
int32_t number_int_value(Value v);
/// RT.intCast of an index given as any number (nth, subvec): number_long_value (so
/// doubles and ratios truncate toward zero and NaN is 0), then ArithmeticException
/// "integer overflow" outside Java's int range. NullPointerException for nil,
/// ClassCastException ("cannot be cast to class java.lang.Number") for anything else.
int64_t index_int_cast_slow(Value v);
inline int64_t index_int_cast(Value v) {
  if (v.is_small_int() && v.as_small_int() == static_cast<int32_t>(v.as_small_int())) return v.as_small_int();
  return index_int_cast_slow(v);
}
/// Clojure's Util.isInteger test for a key used as an index (get, contains?, find and
/// assoc on a vector or string): true for a long or big int, with its Number.intValue
/// in *out (the low 32 bits, as the JVM truncates `(get v 4294967296)` to index 0);
/// false for any other key.
bool integer_key_index(Value key, int64_t* out);
/// The long in v; v must satisfy is_long.
inline int64_t as_long(Value v) {
  return v.is_small_int() ? v.as_small_int() : static_cast<BoxedLong*>(v.as_obj())->value;
}
/// True for every numeric value (long, double, big int, ratio, big decimal).
bool is_number(Value v);

/// Generic arithmetic on any two numbers; throws ClassCastException naming the
/// operand's type for non-numbers, ArithmeticException on overflow or divide by zero.
/// Allocates in vm's heap; BigDecimal results round to vm's *math-context*.
enum class ArithOp : uint8_t { Add, Sub, Mul, Div, Quot, Rem, Mod, UAdd, USub, UMul };
Value arith(State& vm, ArithOp op, Value a, Value b);
/// Numeric comparison (<, <=, >, >=, ==); throws ClassCastException for non-numbers.
enum class CmpOp : uint8_t { Lt, Le, Gt, Ge, Eq };
bool num_compare(CmpOp op, Value a, Value b);
/// `x op y` on two C++ numbers of one type (num_compare's long and double cases, and
/// the natives' small-int shortcuts).
template <class T>
constexpr bool compare_as(CmpOp op, T x, T y) {
  switch (op) {
    case CmpOp::Lt: return x < y;
    case CmpOp::Le: return x <= y;
    case CmpOp::Gt: return x > y;
    case CmpOp::Ge: return x >= y;
    case CmpOp::Eq: return x == y;
  }
  return false;
}
/// Clojure's `=` on two values of which at least one is a number: same category
/// (integer, floating, ratio, decimal) and equal value. ##NaN is not = to itself.
bool num_equiv(Value a, Value b);
/// Clojure's `hash` of a number (Murmur3 of a long; Double.hashCode for doubles).
uint32_t num_hash(Value v);
/// The number as a double (longs convert, doubles pass through).
double to_double(Value v);
/// The class name of v ("java.lang.String", "user.Point", "[J"; "nil" for nil): the
/// type table's class_name for types whose class differs per instance, else the
/// type's name. What `class` names and error messages print.
const char* value_type_name(Value v);

}  // namespace clove
