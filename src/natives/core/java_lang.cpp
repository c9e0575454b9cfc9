// java_lang.cpp: the static fields and methods of java.lang's Integer, Long, Short, Byte,
// Double, Float, Boolean, Character and String, and of java.util.UUID, that Clojure code
// commonly calls (Integer/MAX_VALUE, Double/POSITIVE_INFINITY, Long/toHexString,
// String/join, java.util.UUID/fromString, ...). java.lang.X/m is X/m (State::resolve).
// The parsers (Integer/parseInt, Long/valueOf of a string, ...) and Character's tests
// are in chars.cpp, Math in math.cpp, System in system.cpp.
//
// Arguments follow Clojure's reflector: an int parameter takes a long within int's
// range (ArithmeticException "integer overflow" otherwise), a long parameter a long, a
// double parameter of a method without overloads any number.
#include <bit>
#include <cctype>
#include <cfloat>
#include <chrono>
#include <climits>
#include <cmath>

#include "natives/args.h"
#include "runtime/coll/coll.h"
#include "runtime/host/array.h"
#include "runtime/host/stream.h"
#include "runtime/host/tagged.h"
#include "runtime/print/print.h"
#include "runtime/text/unicode.h"

namespace clove {

namespace {

int32_t int_arg(Args a, int i, const char* fn) { return java_int(arg_long(a, i, fn)); }
int32_t radix_arg(Args a, int i, const char* fn) {
  int32_t r = a.size() > i ? int_arg(a, i, fn) : 10;
  return r < 2 || r > 36 ? 10 : r;  // Java falls back to 10 outside 2..36
}

// Long.toString(n, radix) / Integer.toString: signed, lower-case digits.
std::string to_radix(int64_t n, int radix) {
  if (n == 0) return "0";
  bool neg = n < 0;
  uint64_t u = neg ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
  std::string s;
  while (u) {
    s.insert(s.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[u % radix]);
    u /= radix;
  }
  return neg ? "-" + s : s;
}
// toHexString / toOctalString / toBinaryString: the bits as unsigned, `bits` wide.
std::string unsigned_digits(uint64_t u, int shift) {
  if (u == 0) return "0";
  std::string s;
  uint64_t mask = (uint64_t{1} << shift) - 1;
  while (u) {
    s.insert(s.begin(), "0123456789abcdef"[u & mask]);
    u >>= shift;
  }
  return s;
}

Value str(State& vm, const std::string& s) { return string_value(vm.heap, s); }
// Calls the function in var `qualified` ("Double/parseDouble").
Value call_var(State& vm, const char* qualified, const Value* args, int n) {
  Var* v = vm.resolve_var(vm.core_ns(), vm.sym(qualified));
  return vm.call(vm.var_value(v), args, n);
}

// ---- Integer and Long ----
template <int Shift, bool Wide>
Value j_unsigned_string(State& vm, Args a) {
  uint64_t u = Wide ? static_cast<uint64_t>(arg_long(a, 0, "toString"))
                    : static_cast<uint32_t>(int_arg(a, 0, "toString"));
  return str(vm, unsigned_digits(u, Shift));
}
template <bool Wide>
Value j_to_string(State& vm, Args a) {
  int64_t n = Wide ? arg_long(a, 0, "toString") : int_arg(a, 0, "toString");
  return str(vm, to_radix(n, radix_arg(a, 1, "toString")));
}
template <bool Wide>
Value j_bit_count(State&, Args a) {
  return Value::small_int(Wide ? std::popcount(static_cast<uint64_t>(arg_long(a, 0, "bitCount")))
                               : std::popcount(static_cast<uint32_t>(int_arg(a, 0, "bitCount"))));
}
template <bool Wide>
Value j_leading_zeros(State&, Args a) {
  return Value::small_int(Wide ? std::countl_zero(static_cast<uint64_t>(arg_long(a, 0, "numberOfLeadingZeros")))
                               : std::countl_zero(static_cast<uint32_t>(int_arg(a, 0, "numberOfLeadingZeros"))));
}
template <bool Wide>
Value j_trailing_zeros(State&, Args a) {
  return Value::small_int(Wide ? std::countr_zero(static_cast<uint64_t>(arg_long(a, 0, "numberOfTrailingZeros")))
                               : std::countr_zero(static_cast<uint32_t>(int_arg(a, 0, "numberOfTrailingZeros"))));
}
template <bool Wide>
Value j_highest_one_bit(State& vm, Args a) {
  uint64_t u = Wide ? static_cast<uint64_t>(arg_long(a, 0, "highestOneBit"))
                    : static_cast<uint32_t>(int_arg(a, 0, "highestOneBit"));
  uint64_t r = u ? uint64_t{1} << (63 - std::countl_zero(u)) : 0;
  return Wide ? make_long(vm.heap, static_cast<int64_t>(r)) : Value::small_int(static_cast<int32_t>(r));
}
template <bool Wide>
Value j_lowest_one_bit(State& vm, Args a) {
  int64_t n = Wide ? arg_long(a, 0, "lowestOneBit") : int_arg(a, 0, "lowestOneBit");
  uint64_t u = static_cast<uint64_t>(n);
  int64_t r = static_cast<int64_t>(u & (0 - u));
  return Wide ? make_long(vm.heap, r) : Value::small_int(static_cast<int32_t>(r));
}
template <bool Wide>
Value j_compare(State&, Args a) {
  int64_t x = Wide ? arg_long(a, 0, "compare") : int_arg(a, 0, "compare");
  int64_t y = Wide ? arg_long(a, 1, "compare") : int_arg(a, 1, "compare");
  return Value::small_int(x < y ? -1 : x > y ? 1 : 0);
}
template <bool Wide>
Value j_signum(State&, Args a) {
  int64_t x = Wide ? arg_long(a, 0, "signum") : int_arg(a, 0, "signum");
  return Value::small_int(x < 0 ? -1 : x > 0 ? 1 : 0);
}
// Integer.sum/max/min work in int (sum wraps); Long's in long (sum wraps too).
Value int_sum(State&, Args a) {
  return Value::small_int(static_cast<int32_t>(static_cast<uint32_t>(int_arg(a, 0, "sum")) +
                                               static_cast<uint32_t>(int_arg(a, 1, "sum"))));
}
Value int_max(State&, Args a) { return Value::small_int(std::max(int_arg(a, 0, "max"), int_arg(a, 1, "max"))); }
Value int_min(State&, Args a) { return Value::small_int(std::min(int_arg(a, 0, "min"), int_arg(a, 1, "min"))); }
Value long_sum(State& vm, Args a) {
  return make_long(vm.heap, static_cast<int64_t>(static_cast<uint64_t>(arg_long(a, 0, "sum")) +
                                                 static_cast<uint64_t>(arg_long(a, 1, "sum"))));
}
Value long_max(State& vm, Args a) { return make_long(vm.heap, std::max(arg_long(a, 0, "max"), arg_long(a, 1, "max"))); }
Value long_min(State& vm, Args a) { return make_long(vm.heap, std::min(arg_long(a, 0, "min"), arg_long(a, 1, "min"))); }

// ---- Double and Float ----
Value double_compare(State&, Args a) {
  // Double.compare: -0.0 before 0.0, NaN after everything and equal to itself.
  double x = to_double(arg_number(a, 0, "compare")), y = to_double(arg_number(a, 1, "compare"));
  if (x < y) return Value::small_int(-1);
  if (x > y) return Value::small_int(1);
  int64_t bx = std::bit_cast<int64_t>(x), by = std::bit_cast<int64_t>(y);
  if (std::isnan(x)) bx = 0x7ff8000000000000LL;
  if (std::isnan(y)) by = 0x7ff8000000000000LL;
  return Value::small_int(bx == by ? 0 : bx < by ? -1 : 1);
}
Value double_to_string(State& vm, Args a) { return str(vm, format_double(to_double(arg_number(a, 0, "toString")))); }
// Double.valueOf(String) or valueOf(double): a long matches neither overload.
Value double_value_of(State& vm, Args a) {
  Value s = a[0];
  if (is<String>(s)) return call_var(vm, "Double/parseDouble", &s, 1);
  if (!is_floating(a[0]))
    throw_error(ErrorKind::IllegalArgumentException, "No matching method valueOf found taking 1 args");
  return Value::from_double(floating_value(a[0]));
}
Value double_sum(State&, Args a) {
  return Value::from_double(to_double(arg_number(a, 0, "sum")) + to_double(arg_number(a, 1, "sum")));
}

// ---- Integer/Long valueOf: a string is parsed, a number is converted ----
template <bool Wide>
Value j_value_of(State& vm, Args a) {
  if (is<String>(a[0]) || a[0].is_nil() || a.size() == 2)
  {
    Value args[2] = {a[0], a.size() == 2 ? a[1] : Value::nil()};
    return call_var(vm, Wide ? "Long/parseLong" : "Integer/parseInt", args, a.size());
  }
  return Wide ? make_long(vm.heap, arg_long(a, 0, "valueOf")) : Value::small_int(int_arg(a, 0, "valueOf"));
}

// ---- Boolean ----
Value boolean_value_of(State&, Args a) {
  if (a[0].is_bool()) return a[0];
  String* s = as<String>(a[0]);
  if (!s) return Value::f();
  std::string_view v = s->view();
  return Value::boolean(v.size() == 4 && (v[0] | 32) == 't' && (v[1] | 32) == 'r' && (v[2] | 32) == 'u' &&
                        (v[3] | 32) == 'e');
}
Value boolean_to_string(State& vm, Args a) {
  if (!a[0].is_bool()) throw_error(ErrorKind::ClassCastException,
                                   fmt::format("class {} cannot be cast to class java.lang.Boolean", value_type_name(a[0])));
  return str(vm, a[0].is_true() ? "true" : "false");
}

// ---- Character ----
// Character.digit(ch, radix): the digit's value, or -1 when ch is no digit of radix.
int digit_value(uint32_t c, int radix) {
  int d = c >= '0' && c <= '9' ? static_cast<int>(c - '0')
          : c >= 'a' && c <= 'z' ? static_cast<int>(c - 'a' + 10)
          : c >= 'A' && c <= 'Z' ? static_cast<int>(c - 'A' + 10)
                                 : -1;
  return radix < 2 || radix > 36 || d >= radix ? -1 : d;
}
uint32_t char_arg(Args a, int i, const char* fn) {
  if (a[i].is_char()) return a[i].as_char();
  int64_t n = arg_long(a, i, fn);  // the int code point overloads
  return n < 0 || n > 0x10FFFF ? 0xFFFFFFFF : static_cast<uint32_t>(n);
}
Value char_digit(State&, Args a) { return Value::small_int(digit_value(char_arg(a, 0, "digit"), int_arg(a, 1, "digit"))); }
Value char_numeric_value(State&, Args a) { return Value::small_int(digit_value(char_arg(a, 0, "getNumericValue"), 36)); }
Value char_to_string(State& vm, Args a) {
  std::string s;
  text::append_code_point(s, char_arg(a, 0, "toString"));
  return str(vm, s);
}
Value char_value_of(State&, Args a) {
  if (!a[0].is_char()) throw_error(ErrorKind::ClassCastException,
                                   fmt::format("class {} cannot be cast to class java.lang.Character", value_type_name(a[0])));
  return a[0];
}

// ---- String ----
// The characters of a char array as a string.
std::string char_array_text(State& vm, const JavaArray* arr) {
  std::string s;
  for (uint32_t i = 0; i < arr->length; ++i) text::append_code_point(s, array_load(vm.heap, arr, i).as_char());
  return s;
}
// String.valueOf(x): the text str gives (a char array's chars). nil picks the char[]
// overload on the JVM, which throws.
Value string_value_of(State& vm, Args a) {
  if (a[0].is_nil())
    throw_error(ErrorKind::NullPointerException, "Cannot read the array length because \"value\" is null");
  if (JavaArray* arr = as<JavaArray>(a[0]); arr && arr->kind == ArrayKind::Char) return str(vm, char_array_text(vm, arr));
  return str(vm, str_of(vm, a[0]));
}
// String.join(delimiter, elements...) or String.join(delimiter, iterable).
Value string_join(State& vm, Args a) {
  std::string sep = str_of(vm, a[0]);
  std::string out;
  bool first_one = true;
  auto add = [&](Value x) {
    if (!first_one) out += sep;
    first_one = false;
    out += x.is_nil() ? "null" : str_of(vm, x);
  };
  if (a.size() == 2 && !is<String>(a[1]) && !a[1].is_nil()) {
    RootScope scope(vm.heap);
    size_t s = scope.push(seq(vm, a[1]));
    for (; !scope[s].is_nil(); scope[s] = next(vm, scope[s])) {
      vm.charge(1);
      add(first(vm, scope[s]));
    }
  } else {
    for (int i = 1; i < a.size(); ++i) add(a[i]);
  }
  return str(vm, out);
}
// String.format(fmt, args...): clojure.core/format (a single Object[] argument spreads).
Value string_format(State& vm, Args a) {
  std::vector<Value> args;
  for (int i = 0; i < a.size(); ++i) args.push_back(a[i]);
  if (args.size() == 2)
    if (JavaArray* arr = as<JavaArray>(args[1]); arr && arr->kind == ArrayKind::Object) {
      args.pop_back();
      for (uint32_t i = 0; i < arr->length; ++i) args.push_back(arr->values()[i]);
    }
  return call_var(vm, "clojure.core/format", args.data(), static_cast<int>(args.size()));
}

// ---- java.util.UUID ----
Value uuid_from_string(State& vm, Args a) {
  if (a[0].is_nil())
    throw_error(ErrorKind::NullPointerException, "Cannot invoke \"String.length()\" because \"name\" is null");
  String* s = arg_string(a, 0, "fromString");
  uint64_t msb = 0, lsb = 0;
  if (!parse_uuid_text(s->view(), &msb, &lsb))
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("Invalid UUID string: {}", s->view()));
  return Value::object(vm.heap.make<Uuid>(msb, lsb));
}

Value uuid_random(State& vm, Args) { return call_var(vm, "clojure.core/random-uuid", nullptr, 0); }

void def_int_class(State& vm, const char* cls, bool wide) {
  auto def = [&](const char* name, NativeFn f, int lo, int hi, const char* doc, const char* arglists) {
    vm.def_native(cls, name, f, lo, hi, doc, arglists);
  };
  if (wide) {
    def("toHexString", j_unsigned_string<4, true>, 1, 1, "The long's 64 bits as unsigned hex digits (\"ff\").", "([n])");
    def("toOctalString", j_unsigned_string<3, true>, 1, 1, "The long's 64 bits as unsigned octal digits.", "([n])");
    def("toBinaryString", j_unsigned_string<1, true>, 1, 1, "The long's 64 bits as unsigned binary digits.", "([n])");
    def("toString", j_to_string<true>, 1, 2, "The long in radix (default 10, 2..36), signed.", "([n] [n radix])");
    def("bitCount", j_bit_count<true>, 1, 1, "The number of one bits in the long's 64 bits.", "([n])");
    def("numberOfLeadingZeros", j_leading_zeros<true>, 1, 1, "Zero bits above the highest one bit (64 for 0).", "([n])");
    def("numberOfTrailingZeros", j_trailing_zeros<true>, 1, 1, "Zero bits below the lowest one bit (64 for 0).", "([n])");
    def("highestOneBit", j_highest_one_bit<true>, 1, 1, "The long with only its highest one bit kept (0 for 0).", "([n])");
    def("lowestOneBit", j_lowest_one_bit<true>, 1, 1, "The long with only its lowest one bit kept (0 for 0).", "([n])");
    def("compare", j_compare<true>, 2, 2, "-1, 0 or 1 as x is less than, equal to or greater than y.", "([x y])");
    def("signum", j_signum<true>, 1, 1, "-1, 0 or 1: the sign of the long.", "([n])");
    def("sum", long_sum, 2, 2, "x + y, wrapping on overflow as Java's long arithmetic.", "([x y])");
    def("max", long_max, 2, 2, "The greater of two longs.", "([x y])");
    def("min", long_min, 2, 2, "The lesser of two longs.", "([x y])");
    def("valueOf", j_value_of<true>, 1, 2, "A string parsed as Long/parseLong (radix optional), or a long as is.", "([x] [s radix])");
  } else {
    def("toHexString", j_unsigned_string<4, false>, 1, 1, "The int's 32 bits as unsigned hex digits ((Integer/toHexString -1) is \"ffffffff\").", "([n])");
    def("toOctalString", j_unsigned_string<3, false>, 1, 1, "The int's 32 bits as unsigned octal digits.", "([n])");
    def("toBinaryString", j_unsigned_string<1, false>, 1, 1, "The int's 32 bits as unsigned binary digits.", "([n])");
    def("toString", j_to_string<false>, 1, 2, "The int in radix (default 10, 2..36), signed.", "([n] [n radix])");
    def("bitCount", j_bit_count<false>, 1, 1, "The number of one bits in the int's 32 bits.", "([n])");
    def("numberOfLeadingZeros", j_leading_zeros<false>, 1, 1, "Zero bits above the highest one bit (32 for 0).", "([n])");
    def("numberOfTrailingZeros", j_trailing_zeros<false>, 1, 1, "Zero bits below the lowest one bit (32 for 0).", "([n])");
    def("highestOneBit", j_highest_one_bit<false>, 1, 1, "The int with only its highest one bit kept (0 for 0).", "([n])");
    def("lowestOneBit", j_lowest_one_bit<false>, 1, 1, "The int with only its lowest one bit kept (0 for 0).", "([n])");
    def("compare", j_compare<false>, 2, 2, "-1, 0 or 1 as x is less than, equal to or greater than y.", "([x y])");
    def("signum", j_signum<false>, 1, 1, "-1, 0 or 1: the sign of the int.", "([n])");
    def("sum", int_sum, 2, 2, "x + y in 32 bits, wrapping on overflow as Java's int arithmetic.", "([x y])");
    def("max", int_max, 2, 2, "The greater of two ints.", "([x y])");
    def("min", int_min, 2, 2, "The lesser of two ints.", "([x y])");
    def("valueOf", j_value_of<false>, 1, 2, "A string parsed as Integer/parseInt (radix optional), or an int as is.", "([x] [s radix])");
  }
}

// The text of a String constructor's argument: a string, a StringBuilder, a char array,
// or a byte array (its bytes, read as UTF-8 as slurp reads a file); a charset name
// after a byte array must be UTF-8.
std::string string_ctor_text(State& vm, Args a, int from) {
  int n = a.size() - from;
  if (n == 0) return "";
  Value x = a[from];
  JavaArray* arr = as<JavaArray>(x);
  if (n == 2 && arr && arr->kind == ArrayKind::Byte) {
    check_utf8_charset(vm, a[from + 1]);
  } else if (n != 1) {
    throw_error(ErrorKind::IllegalArgumentException, "No matching ctor found for class java.lang.String");
  }
  if (String* s = as<String>(x)) return std::string(s->view());
  if (arr && arr->kind == ArrayKind::Char) return char_array_text(vm, arr);
  if (arr && arr->kind == ArrayKind::Byte) return std::string(reinterpret_cast<const char*>(arr->bytes()), arr->length);
  if (as_writer(x)) return str_of(vm, x);  // a StringBuilder's text
  throw_error(ErrorKind::IllegalArgumentException, "No matching ctor found for class java.lang.String");
}

}  // namespace

void check_utf8_charset(State& vm, Value charset) {
  std::string cs = str_of(vm, charset);
  for (char& c : cs) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (cs != "UTF-8" && cs != "UTF8")
    throw_error(ErrorKind::IOException,  // Java's UnsupportedEncodingException is one
                fmt::format("Unsupported charset: {} (Clove's strings are UTF-8)", str_of(vm, charset)));
}

Value construct_java_lang_class(State& vm, std::string_view cls, Args a, int from) {
  int n = a.size() - from;
  if (cls == "String" || cls == "java.lang.String") return str(vm, string_ctor_text(vm, a, from));
  if (cls == "java.util.Date" || cls == "Date") {
    if (n == 0) {
      vm.require_capability(CapabilityId::Time, "java.util.Date.");
      auto t = std::chrono::system_clock::now().time_since_epoch();
      return Value::object(vm.heap.make<Inst>(std::chrono::duration_cast<std::chrono::milliseconds>(t).count()));
    }
    if (n == 1) return Value::object(vm.heap.make<Inst>(arg_long(a, from, "java.util.Date.")));
  }
  if ((cls == "java.util.UUID" || cls == "UUID") && n == 2) {
    auto msb = static_cast<uint64_t>(arg_long(a, from, "java.util.UUID."));
    auto lsb = static_cast<uint64_t>(arg_long(a, from + 1, "java.util.UUID."));
    return Value::object(vm.heap.make<Uuid>(msb, lsb));
  }
  return Value::nil();
}

void install_java_lang_natives(State& vm) {
  Heap& h = vm.heap;
  def_int_class(vm, "Integer", false);
  def_int_class(vm, "Long", true);
  def_static_value(vm, "Integer", "MAX_VALUE", Value::small_int(INT32_MAX));
  def_static_value(vm, "Integer", "MIN_VALUE", Value::small_int(INT32_MIN));
  def_static_value(vm, "Integer", "SIZE", Value::small_int(32));
  def_static_value(vm, "Integer", "BYTES", Value::small_int(4));
  def_static_value(vm, "Long", "SIZE", Value::small_int(64));
  def_static_value(vm, "Long", "BYTES", Value::small_int(8));
  def_static_value(vm, "Short", "MAX_VALUE", Value::small_int(INT16_MAX));
  def_static_value(vm, "Short", "MIN_VALUE", Value::small_int(INT16_MIN));
  def_static_value(vm, "Byte", "MAX_VALUE", Value::small_int(INT8_MAX));
  def_static_value(vm, "Byte", "MIN_VALUE", Value::small_int(INT8_MIN));

  const char* D = "Double";
  def_static_value(vm, D, "MAX_VALUE", Value::from_double(DBL_MAX));
  def_static_value(vm, D, "MIN_VALUE", Value::from_double(std::numeric_limits<double>::denorm_min()));
  def_static_value(vm, D, "MIN_NORMAL", Value::from_double(DBL_MIN));
  def_static_value(vm, D, "POSITIVE_INFINITY", Value::from_double(HUGE_VAL));
  def_static_value(vm, D, "NEGATIVE_INFINITY", Value::from_double(-HUGE_VAL));
  def_static_value(vm, D, "NaN", Value::from_double(std::nan("")));
  vm.def_native(D, "compare", double_compare, 2, 2,
                "Double.compare: -1, 0 or 1, with -0.0 before 0.0 and NaN after every other double.", "([x y])");
  vm.def_native(D, "toString", double_to_string, 1, 1, "The double's text as str gives it (\"1.0E10\").", "([d])");
  vm.def_native(D, "sum", double_sum, 2, 2, "x + y as doubles.", "([x y])");
  vm.def_native(D, "valueOf", double_value_of, 1, 1, "A string parsed as Double/parseDouble, or a double as is (a long matches no overload).",
                "([x])");

  const char* F = "Float";
  auto flt = [&](float f) { return Value::object(h.make<BoxedFloat>(f)); };
  def_static_value(vm, F, "MAX_VALUE", flt(FLT_MAX));
  def_static_value(vm, F, "MIN_VALUE", flt(std::numeric_limits<float>::denorm_min()));
  def_static_value(vm, F, "POSITIVE_INFINITY", flt(HUGE_VALF));
  def_static_value(vm, F, "NEGATIVE_INFINITY", flt(-HUGE_VALF));
  def_static_value(vm, F, "NaN", flt(std::nanf("")));

  def_static_value(vm, "Boolean", "TRUE", Value::t());
  def_static_value(vm, "Boolean", "FALSE", Value::f());
  vm.def_native("Boolean", "valueOf", boolean_value_of, 1, 1,
                "A boolean as is; a string is true when it is \"true\" ignoring case.", "([x])");
  vm.def_native("Boolean", "toString", boolean_to_string, 1, 1, "\"true\" or \"false\".", "([b])");

  const char* K = "Character";
  def_static_value(vm, K, "MAX_VALUE", Value::character(0xFFFF));
  def_static_value(vm, K, "MIN_VALUE", Value::character(0));
  def_static_value(vm, K, "MIN_RADIX", Value::small_int(2));
  def_static_value(vm, K, "MAX_RADIX", Value::small_int(36));
  vm.def_native(K, "digit", char_digit, 2, 2,
                "The value of ASCII digit or letter ch in radix, or -1 when it is not one.", "([ch radix])");
  vm.def_native(K, "getNumericValue", char_numeric_value, 1, 1,
                "The value of an ASCII digit or letter (\\a is 10), or -1.", "([ch])");
  vm.def_native(K, "toString", char_to_string, 1, 1, "A one-character string.", "([ch])");
  vm.def_native(K, "valueOf", char_value_of, 1, 1, "The char itself.", "([ch])");

  const char* S = "String";
  vm.def_native(S, "valueOf", string_value_of, 1, 1,
                "The text of x as str gives it; a char array's characters. NullPointerException for nil.", "([x])");
  vm.def_native(S, "join", string_join, 1, -1,
                "The elements' text separated by delimiter: (String/join \",\" coll) or "
                "(String/join \",\" a b c); nil elements are \"null\".",
                "([delimiter coll] [delimiter & elements])");
  vm.def_native(S, "format", string_format, 1, -1, "clojure.core/format (an Object array argument spreads).",
                "([fmt & args])");

  const char* U = "java.util.UUID";
  vm.def_native(U, "randomUUID", uuid_random, 0, 0, "A random (version 4) UUID: clojure.core/random-uuid.", "([])");
  vm.def_native(U, "fromString", uuid_from_string, 1, 1,
                "Parses a UUID's text; IllegalArgumentException \"Invalid UUID string: s\" when it is not one.",
                "([s])");
}

}  // namespace clove
