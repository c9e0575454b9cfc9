// chars.cpp: characters and text-to-number parsing: clojure.core's char, int,
// char-escape-string, char-name-string, parse-long, parse-double, parse-boolean, and
// shims for the java.lang statics Clojure code calls (Character/isDigit,
// Integer/parseInt, Long/parseLong, Double/parseDouble, ...).
//
// Characters are Unicode code points, so (char 0x1F600) is a character here where
// Clojure (UTF-16 chars) throws; values outside [0, 0x10FFFF] throw as in Clojure.
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "runtime/coll/coll.h"
#include "runtime/print/print.h"
#include "natives/text.h"
#include "runtime/text/unicode.h"

namespace clove {

namespace {

// ---- char and int ----

Value c_char(State& vm, Args a) {
  Value v = a[0];
  if (v.is_char()) return v;
  if (v.is_nil()) throw_npe("char", "argument");
  if (!is_number(v))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("char: class {} cannot be cast to class java.lang.Character",
                            value_type_name(v)));
  double d = is_long(v) ? 0 : to_double(v);
  int64_t n =
      is_long(v)
          ? as_long(v)
          : (std::isnan(d) ? 0 : static_cast<int64_t>(std::trunc(std::clamp(d, -1e18, 1e18))));
  if (n < 0 || n > 0x10FFFF)  // the message shows the value as given (1.0E10, not 10000000000)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("Value out of range for char: {}", str_of(vm, v)));
  return Value::character(static_cast<uint32_t>(n));
}

Value c_int(State&, Args a) {
  Value v = a[0];
  if (v.is_char()) return Value::small_int(v.as_char());
  if (v.is_nil()) throw_npe("int", "argument");
  if (!is_number(v))
    throw_error(
        ErrorKind::ClassCastException,
        fmt::format("int: class {} cannot be cast to class java.lang.Number", value_type_name(v)));
  if (is_long(v)) {
    int64_t n = as_long(v);
    if (n < INT32_MIN || n > INT32_MAX)
      throw_error(ErrorKind::ArithmeticException, "integer overflow");
    return Value::small_int(n);
  }
  // RT.intCast(Object), as for a boxed argument: truncate to a long first, then check
  // the int range (a primitive double literal on the JVM checks before truncating and
  // throws IllegalArgumentException instead; Clove has no primitive locals to tell).
  double d = std::trunc(to_double(v));
  if (std::isnan(d)) return Value::small_int(0);
  if (d < INT32_MIN || d > INT32_MAX)
    throw_error(ErrorKind::ArithmeticException, "integer overflow");
  return Value::small_int(static_cast<int64_t>(d));
}

// ---- Character/ statics: take a char (or an int code point, as Java's int overloads) ----

uint32_t arg_code_point(Args a, int i, const char* fn) {
  Value v = a[i];
  if (v.is_char()) return v.as_char();
  if (is_long(v) && as_long(v) >= 0 && as_long(v) <= 0x10FFFF)
    return static_cast<uint32_t>(as_long(v));
  if (v.is_nil()) throw_npe(fn, "character");
  throw_error(ErrorKind::ClassCastException,
              fmt::format("{}: class {} cannot be cast to class java.lang.Character", fn,
                          value_type_name(v)));
}

Value ch_is_digit(State&, Args a) {
  return Value::boolean(text::is_digit(arg_code_point(a, 0, "Character/isDigit")));
}
Value ch_is_letter(State&, Args a) {
  return Value::boolean(text::is_letter(arg_code_point(a, 0, "Character/isLetter")));
}
Value ch_is_letter_or_digit(State&, Args a) {
  uint32_t c = arg_code_point(a, 0, "Character/isLetterOrDigit");
  return Value::boolean(text::is_letter(c) || text::is_digit(c));
}
Value ch_is_whitespace(State&, Args a) {
  return Value::boolean(text::is_whitespace(arg_code_point(a, 0, "Character/isWhitespace")));
}
Value ch_is_upper(State&, Args a) {
  return Value::boolean(text::is_upper(arg_code_point(a, 0, "Character/isUpperCase")));
}
Value ch_is_lower(State&, Args a) {
  return Value::boolean(text::is_lower(arg_code_point(a, 0, "Character/isLowerCase")));
}
// Case mapping keeps the argument's kind: a char gives a char, an int code point an int.
Value ch_to_upper(State&, Args a) {
  uint32_t c = text::to_upper(arg_code_point(a, 0, "Character/toUpperCase"));
  return a[0].is_char() ? Value::character(c) : Value::small_int(c);
}
Value ch_to_lower(State&, Args a) {
  uint32_t c = text::to_lower(arg_code_point(a, 0, "Character/toLowerCase"));
  return a[0].is_char() ? Value::character(c) : Value::small_int(c);
}

// ---- Java's number parsing ----

[[noreturn]] void bad_input(std::string_view s, int radix = 10) {
  std::string msg = fmt::format("For input string: \"{}\"", s);
  if (radix != 10) msg += fmt::format(" under radix {}", radix);
  throw_error(ErrorKind::NumberFormatException, msg);
}

/// Long.parseLong(s, radix): optional sign, then digits of the radix (ASCII digits and
/// letters); NumberFormatException with Java's message otherwise or on overflow.
int64_t java_parse_long(std::string_view s, int radix, int64_t min, int64_t max) {
  if (radix < 2)
    throw_error(ErrorKind::NumberFormatException,
                fmt::format("radix {} less than Character.MIN_RADIX", radix));
  if (radix > 36)
    throw_error(ErrorKind::NumberFormatException,
                fmt::format("radix {} greater than Character.MAX_RADIX", radix));
  size_t i = 0;
  bool neg = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    i = 1;
  }
  if (i >= s.size()) bad_input(s, radix);
  // Accumulate negatively, as Java does, so the most negative value fits.
  int64_t limit = neg ? min : -max;
  int64_t acc = 0;
  for (; i < s.size(); ++i) {
    char c = s[i];
    int d = c >= '0' && c <= '9'   ? c - '0'
            : c >= 'a' && c <= 'z' ? c - 'a' + 10
            : c >= 'A' && c <= 'Z' ? c - 'A' + 10
                                   : 99;
    if (d >= radix) bad_input(s, radix);
    if (acc < (limit + d) / radix) bad_input(s, radix);  // acc * radix - d < limit
    acc = acc * radix - d;
  }
  return neg ? acc : -acc;
}

bool all_digits(std::string_view s, bool hex) {
  if (s.empty()) return false;
  for (char c : s)
    if (!(hex ? std::isxdigit(static_cast<unsigned char>(c))
              : std::isdigit(static_cast<unsigned char>(c))))
      return false;
  return true;
}

/// Double.parseDouble's grammar (FloatingDecimal): surrounding chars <= ' ' ignored,
/// sign, NaN | Infinity | decimal with exponent | hex with binary exponent, optional
/// f/F/d/D suffix. nullopt when s does not follow it.
std::optional<double> java_parse_double(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= ' ') ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= ' ') --e;
  std::string_view t = s.substr(b, e - b);
  bool neg = false;
  if (!t.empty() && (t[0] == '+' || t[0] == '-')) {
    neg = t[0] == '-';
    t.remove_prefix(1);
  }
  if (t == "NaN") return std::nan("");
  if (t == "Infinity") return neg ? -HUGE_VAL : HUGE_VAL;
  if (!t.empty() && std::string_view("fFdD").find(t.back()) != std::string_view::npos)
    t.remove_suffix(1);
  bool hex = t.size() > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
  std::string_view body = hex ? t.substr(2) : t;
  size_t exp_at = body.find_first_of(hex ? "pP" : "eE");
  std::string_view mant = body.substr(0, exp_at);
  if (hex && exp_at == std::string_view::npos)
    return std::nullopt;  // a hex float needs its p exponent
  if (exp_at != std::string_view::npos) {
    std::string_view ex = body.substr(exp_at + 1);
    if (!ex.empty() && (ex[0] == '+' || ex[0] == '-')) ex.remove_prefix(1);
    if (!all_digits(ex, false)) return std::nullopt;
  }
  size_t dot = mant.find('.');
  std::string_view ip = mant.substr(0, dot),
                   fp = dot == std::string_view::npos ? "" : mant.substr(dot + 1);
  if (ip.empty() && fp.empty()) return std::nullopt;
  if ((!ip.empty() && !all_digits(ip, hex)) || (!fp.empty() && !all_digits(fp, hex)))
    return std::nullopt;
  double d = 0;
  auto res = std::from_chars(body.data(), body.data() + body.size(), d,
                             hex ? std::chars_format::hex : std::chars_format::general);
  if (res.ec == std::errc::result_out_of_range) {
    // Past the double range: overflow to infinity or underflow to zero, as Java does.
    d = std::strtod(std::string(hex ? t : body).c_str(), nullptr);
  } else if (res.ec != std::errc() || res.ptr != body.data() + body.size()) {
    return std::nullopt;
  }
  return neg ? -d : d;
}

std::string_view arg_parse_string(Args a, int i, const char* fn) {
  if (a[i].is_nil())
    throw_error(ErrorKind::NumberFormatException, "Cannot parse null string: null");
  return arg_string(a, i, fn)->view();
}
int arg_radix(Args a, int i, const char* fn) {
  return i < a.size() ? static_cast<int>(arg_long(a, i, fn)) : 10;
}

Value j_parse_int(State&, Args a) {
  return Value::small_int(java_parse_long(arg_parse_string(a, 0, "Integer/parseInt"),
                                          arg_radix(a, 1, "Integer/parseInt"), INT32_MIN,
                                          INT32_MAX));
}
Value j_parse_long(State& vm, Args a) {
  return make_long(vm.heap,
                   java_parse_long(arg_parse_string(a, 0, "Long/parseLong"),
                                   arg_radix(a, 1, "Long/parseLong"), INT64_MIN, INT64_MAX));
}
Value j_parse_double(State&, Args a) {
  if (a[0].is_nil()) throw_npe("Double/parseDouble", "string");
  std::string_view s = arg_string(a, 0, "Double/parseDouble")->view();
  std::optional<double> d = java_parse_double(s);
  if (!d) {
    bool blank = true;
    for (char c : s) blank = blank && static_cast<unsigned char>(c) <= ' ';
    if (blank) throw_error(ErrorKind::NumberFormatException, "empty String");
    bad_input(s);
  }
  return Value::from_double(*d);
}
Value j_parse_boolean(State&, Args a) {
  String* s = as<String>(a[0]);
  if (!s) return Value::f();
  std::string lower = text::lower_case(s->view());
  return Value::boolean(lower == "true");
}

// ---- clojure.core parse-* (Clojure 1.11): nil for unparseable strings ----

[[noreturn]] void expected_string(Value v) {
  throw_error(ErrorKind::IllegalArgumentException,
              fmt::format("Expected string, got {}", v.is_nil() ? "nil" : value_type_name(v)));
}
Value p_parse_long(State& vm, Args a) {
  String* s = as<String>(a[0]);
  if (!s) expected_string(a[0]);
  try {
    return make_long(vm.heap, java_parse_long(s->view(), 10, INT64_MIN, INT64_MAX));
  } catch (const CloveError&) {
    return Value::nil();
  }
}
Value p_parse_double(State&, Args a) {
  String* s = as<String>(a[0]);
  if (!s) expected_string(a[0]);
  std::optional<double> d = java_parse_double(s->view());
  return d ? Value::from_double(*d) : Value::nil();
}
Value p_parse_boolean(State&, Args a) {
  String* s = as<String>(a[0]);
  if (!s) expected_string(a[0]);
  if (s->view() == "true") return Value::t();
  if (s->view() == "false") return Value::f();
  return Value::nil();
}

// A var holding a constant value, defined at install time.
void def_value(State& vm, std::string_view name, Value v, const char* doc) {
  Var* var = vm.intern(vm.core_ns(), vm.sym(name));
  var->root = v;
  var->bound = true;
  vm.heap.barrier(var, v);
  Value kvs[] = {Value::object(vm.kw("doc")), string_value(vm.heap, doc)};
  var->set_meta(map_from(vm, kvs, 1));
  vm.heap.barrier(var, var->meta);
}

Value char_string_map(State& vm, std::initializer_list<std::pair<uint32_t, const char*>> entries) {
  std::vector<Value> kvs;
  for (auto& [c, s] : entries) {
    kvs.push_back(Value::character(c));
    kvs.push_back(string_value(vm.heap, s));
  }
  return map_from(vm, kvs.data(), entries.size());
}

// Double/isNaN, isInfinite, isFinite: a number of any kind widens to a double, as a Java
// call would widen it; anything else is a ClassCastException.
double double_arg(Args a, const char* fn) {
  if (!is_number(a[0]))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class java.lang.Number", fn, value_type_name(a[0])));
  return to_double(a[0]);
}
Value j_double_is_nan(State&, Args a) { return Value::boolean(std::isnan(double_arg(a, "Double/isNaN"))); }
Value j_double_is_infinite(State&, Args a) { return Value::boolean(std::isinf(double_arg(a, "Double/isInfinite"))); }
Value j_double_is_finite(State&, Args a) { return Value::boolean(std::isfinite(double_arg(a, "Double/isFinite"))); }

}  // namespace

void install_char_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "char", c_char, 1, 1,
                "Converts x, a character or an integer code point, to a character (a Unicode code "
                "point). Throws IllegalArgumentException for a value outside the code point range.",
                "([x])");
  vm.def_native(C, "int", c_int, 1, 1,
                "Coerce to int: a char's code point, or a number truncated toward zero; "
                "ArithmeticException outside "
                "the int range.",
                "([x])");
  vm.def_native(C, "parse-long", p_parse_long, 1, 1,
                "Reads s as a decimal integer with an optional + or - sign, giving a long, or nil "
                "when s is not exactly that or does not fit in a long. Throws "
                "IllegalArgumentException when s is not a string.", "([s])");
  vm.def_native(
      C, "parse-double", p_parse_double, 1, 1,
                "Reads s as a floating-point number (optional sign, digits with an optional "
                "fraction and exponent, or NaN / Infinity; surrounding whitespace is ignored), "
                "giving a double, or nil when s does not have that form. The accepted syntax is "
                "that of Java's Double.valueOf.", "([s])");
  vm.def_native(C, "parse-boolean", p_parse_boolean, 1, 1,
                "Gives true for the string \"true\" and false for \"false\" (exact, lower case), "
                "and nil for any other string.", "([s])");
  def_value(vm, "char-escape-string",
            char_string_map(vm, {{'\n', "\\n"},
                                 {'\t', "\\t"},
                                 {'\r', "\\r"},
                                 {'"', "\\\""},
                                 {'\\', "\\\\"},
                                 {'\f', "\\f"},
                                 {'\b', "\\b"}}),
            "Map from a character to the escape sequence (as a string) that Clojure source uses for it inside "
            "a string literal; nil for characters that need no escape.");
  def_value(vm, "char-name-string",
            char_string_map(vm, {{'\n', "newline"},
                                 {'\t', "tab"},
                                 {' ', "space"},
                                 {'\b', "backspace"},
                                 {'\f', "formfeed"},
                                 {'\r', "return"}}),
            "Map from a character to the name that follows the backslash in its character literal "
            "(\\newline, \\space, ...); nil for characters without such a name.");

  const char* K = "Character";
  vm.def_native(K, "isDigit", ch_is_digit, 1, 1, "True for a decimal digit (category Nd).",
                "([c])");
  vm.def_native(K, "isLetter", ch_is_letter, 1, 1, "True for a letter (categories Lu Ll Lt Lm Lo).",
                "([c])");
  vm.def_native(K, "isLetterOrDigit", ch_is_letter_or_digit, 1, 1,
                "True for a letter or decimal digit.", "([c])");
  vm.def_native(K, "isWhitespace", ch_is_whitespace, 1, 1,
                "True for Java whitespace: space separators except non-breaking ones, and \\t \\n "
                "\\u000B \\f \\r "
                "\\u001C-\\u001F.",
                "([c])");
  vm.def_native(K, "isUpperCase", ch_is_upper, 1, 1, "True for an upper-case letter (category Lu).",
                "([c])");
  vm.def_native(K, "isLowerCase", ch_is_lower, 1, 1, "True for a lower-case letter (category Ll).",
                "([c])");
  vm.def_native(K, "toUpperCase", ch_to_upper, 1, 1,
                "The upper-case mapping of a char (or int code point).", "([c])");
  vm.def_native(K, "toLowerCase", ch_to_lower, 1, 1,
                "The lower-case mapping of a char (or int code point).", "([c])");

  vm.def_native("Integer", "parseInt", j_parse_int, 1, 2,
                "Parses a signed int in the radix (default 10); NumberFormatException if invalid "
                "or out of range.",
                "([s] [s radix])");
  vm.def_native("Long", "parseLong", j_parse_long, 1, 2,
                "Parses a signed long in the radix (default 10); NumberFormatException if invalid "
                "or out of range.",
                "([s] [s radix])");
  vm.def_native("Double", "parseDouble", j_parse_double, 1, 1,
                "Parses a double with Java's grammar (NaN, Infinity, hex floats, f/d suffixes); "
                "NumberFormatException "
                "if invalid.",
                "([s])");
  vm.def_native("Double", "isNaN", j_double_is_nan, 1, 1, "True if the number v is NaN.", "([v])");
  vm.def_native("Double", "isInfinite", j_double_is_infinite, 1, 1, "True if the number v is an infinity.", "([v])");
  vm.def_native("Double", "isFinite", j_double_is_finite, 1, 1, "True if the number v is neither NaN nor an infinity.",
                "([d])");
  vm.def_native("Boolean", "parseBoolean", j_parse_boolean, 1, 1,
                "True when s is \"true\" ignoring case, false otherwise (nil included).", "([s])");
}

}  // namespace clove
