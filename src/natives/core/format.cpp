// format.cpp: clojure.core/format and printf with java.util.Formatter's syntax:
//   %[argument_index$][flags][width][.precision]conversion
// Conversions: b B h H s S c C d o x X e E f g G % n; flags - # + space 0 , ( and the
// < (previous argument) index. Date/time (%t) and hex floats (%a) are not supported.
//
// Floating point follows Java, which differs from C's printf: the value's shortest
// round-tripping decimal digits (Double.toString's) are rounded HALF_UP to the
// requested precision, so (format "%.2f" 0.125) is "0.13" and (format "%.1f" 0.15)
// is "0.2". Longs are not accepted by %f/%e/%g, nor doubles by %d, as in Java.
// Unlike Java, %d %o %x also accept big ints (1N), Clove having no separate BigInteger.
#include <charconv>
#include <cmath>

#include "runtime/num/bignum.h"
#include "runtime/coll/coll.h"
#include "natives/text.h"
#include "runtime/print/print.h"
#include "runtime/text/unicode.h"

namespace clove {

namespace {

struct Spec {
  std::string text;   // the specifier as written, for error messages
  int arg_index = 0;  // 1-based explicit index; 0 = ordinary; -1 = previous (<)
  bool left = false, alt = false, plus = false, space = false, zero = false, group = false,
       paren = false;
  int width = -1, precision = -1;
  char conv = 0;
};

[[noreturn]] void conversion_mismatch(char conv, Value v) {
  throw_error(ErrorKind::IllegalFormatConversionException,
              fmt::format("{} != {}", conv, value_type_name(v)));
}

// A decimal number as digits and the position of the decimal point: value = 0.digits ×
// 10^point (so point = number of integer digits; it may be <= 0 or past the digits).
struct Decimal {
  std::string digits;
  int64_t point = 0;
};

Decimal shortest_digits(double d) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, std::fabs(d), std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));  // "1.2345e+02"
  size_t e = sci.find('e');
  Decimal out;
  for (char c : sci.substr(0, e))
    if (c != '.') out.digits += c;
  int exp10 = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+'), sci.data() + sci.size(), exp10);
  out.point = exp10 + 1;
  return out;
}

Decimal bigdecimal_digits(const BigDecimal* b) {
  char* s = mpz_get_str(nullptr, 10, b->unscaled);
  Decimal out;
  out.digits = s[0] == '-' ? s + 1 : s;
  free(s);
  out.point = static_cast<int64_t>(out.digits.size()) - b->scale;
  return out;
}

// Keeps `keep` digits of d (rounding HALF_UP on the next one), padding with zeros. A
// carry out of the first digit adds a leading 1 (keep + 1 digits, point + 1).
void round_to(Decimal& d, int64_t keep) {
  if (keep < 0) {  // the value rounds to zero at this position
    d.digits = "0";
    d.point += -keep + 1;
    return;
  }
  if (static_cast<int64_t>(d.digits.size()) > keep) {
    bool up = d.digits[static_cast<size_t>(keep)] >= '5';
    d.digits.resize(static_cast<size_t>(keep));
    if (up) {
      int64_t i = keep - 1;
      for (; i >= 0; --i) {
        if (d.digits[static_cast<size_t>(i)] == '9') {
          d.digits[static_cast<size_t>(i)] = '0';
        } else {
          ++d.digits[static_cast<size_t>(i)];
          break;
        }
      }
      if (i < 0) {  // 9.99 -> 10.0: one more integer digit
        d.digits.insert(d.digits.begin(), '1');
        ++d.point;
      }
    }
  }
  if (static_cast<int64_t>(d.digits.size()) < keep)
    d.digits.append(static_cast<size_t>(keep) - d.digits.size(), '0');
}

bool is_zero(const Decimal& d) { return d.digits.find_first_not_of('0') == std::string::npos; }

std::string group_thousands(std::string_view ip) {
  std::string out;
  for (size_t i = 0; i < ip.size(); ++i) {
    if (i > 0 && (ip.size() - i) % 3 == 0) out += ',';
    out += ip[i];
  }
  return out;
}

// %f body (no sign): integer digits, '.', precision digits.
std::string fixed(Decimal d, int precision, bool group, bool alt) {
  if (d.point <= 0) {
    d.digits.insert(0, static_cast<size_t>(-d.point + 1), '0');
    d.point = 1;
  }
  round_to(d, d.point + precision);
  std::string ip = d.digits.substr(0, static_cast<size_t>(d.point));
  size_t nz = ip.find_first_not_of('0');
  ip = nz == std::string::npos ? "0" : ip.substr(nz);
  std::string out = group ? group_thousands(ip) : ip;
  if (precision > 0 || alt) out += '.';
  out += d.digits.substr(static_cast<size_t>(d.point));
  return out;
}

// %e body (no sign): d.ddd e±XX.
std::string scientific(Decimal d, int precision, bool alt) {
  int64_t exp10 = 0;
  if (is_zero(d)) {
    d.digits = std::string(static_cast<size_t>(precision) + 1, '0');
  } else {
    size_t nz = d.digits.find_first_not_of('0');
    d.digits.erase(0, nz);
    d.point -= static_cast<int64_t>(nz);
    round_to(d, precision + 1);
    d.digits.resize(static_cast<size_t>(precision) + 1);  // drop a carry's extra zero
    exp10 = d.point - 1;
  }
  std::string out(1, d.digits[0]);
  if (precision > 0 || alt) out += '.';
  out += d.digits.substr(1);
  out += fmt::format("e{}{:02}", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
  return out;
}

// %g: Java rounds to `precision` significant digits, then picks %f when
// 10^-4 <= rounded < 10^precision, else %e.
std::string general(Decimal d, int precision, bool group) {
  if (precision == 0) precision = 1;
  if (is_zero(d)) return fixed(d, precision - 1, group, false);
  Decimal r = d;
  size_t nz = r.digits.find_first_not_of('0');
  r.digits.erase(0, nz);
  r.point -= static_cast<int64_t>(nz);
  round_to(r, precision);
  int64_t exp10 = r.point - 1;
  if (exp10 >= -4 && exp10 < precision)
    return fixed(d, static_cast<int>(precision - 1 - exp10), group, false);
  return scientific(d, precision - 1, false);
}

// Applies sign flags, zero padding and width to a number's digits.
std::string finish_number(const Spec& sp, bool negative, std::string body) {
  std::string prefix, suffix;
  if (negative) {
    if (sp.paren) {
      prefix = "(";
      suffix = ")";
    } else {
      prefix = "-";
    }
  } else if (sp.plus) {
    prefix = "+";
  } else if (sp.space) {
    prefix = " ";
  }
  if (sp.zero && sp.width > 0) {
    auto len = static_cast<int>(prefix.size() + body.size() + suffix.size());
    if (len < sp.width) body.insert(0, static_cast<size_t>(sp.width - len), '0');
  }
  return prefix + body + suffix;
}

std::string format_integer(const Spec& sp, Value v) {
  bool big = is<BigInt>(v);
  if (!is_long(v) && !big) conversion_mismatch(sp.conv, v);
  std::string digits;
  bool negative = false;
  if (big) {
    digits = bigint_to_string(static_cast<BigInt*>(v.as_obj()));
    if (digits[0] == '-') {
      negative = true;
      digits.erase(0, 1);
    }
    if (sp.conv != 'd') {
      mpz_t abs;
      mpz_init(abs);
      mpz_abs(abs, static_cast<BigInt*>(v.as_obj())->z);
      char* s = mpz_get_str(nullptr, sp.conv == 'o' ? 8 : 16, abs);
      digits = s;
      free(s);
      mpz_clear(abs);
    }
  } else {
    int64_t n = as_long(v);
    if (sp.conv == 'd') {
      negative = n < 0;
      digits = fmt::format("{}", n < 0 ? -static_cast<uint64_t>(n) : static_cast<uint64_t>(n));
    } else {  // Java prints a negative long in octal/hex as its 64-bit two's complement
      digits = sp.conv == 'o' ? fmt::format("{:o}", static_cast<uint64_t>(n))
                              : fmt::format("{:x}", static_cast<uint64_t>(n));
    }
  }
  if (sp.conv == 'd' && sp.group) digits = group_thousands(digits);
  if (sp.alt && sp.conv == 'o') digits.insert(0, "0");
  if (sp.alt && sp.conv == 'x') digits.insert(0, "0x");
  return finish_number(sp, negative, digits);
}

std::string format_float(const Spec& sp, Value v) {
  Decimal d;
  bool negative;
  if (is_floating(v)) {  // a Float formats as its double value, as java.util.Formatter does
    double x = floating_value(v);
    if (std::isnan(x) || std::isinf(x)) {
      std::string body = std::isnan(x) ? "NaN" : "Infinity";
      bool neg = std::isinf(x) && x < 0;
      Spec no_zero = sp;
      no_zero.zero = false;
      return std::isnan(x) ? body : finish_number(no_zero, neg, body);
    }
    negative = std::signbit(x);
    d = shortest_digits(x);
  } else if (BigDecimal* b = as<BigDecimal>(v)) {
    negative = mpz_sgn(b->unscaled) < 0;
    d = bigdecimal_digits(b);
  } else {
    conversion_mismatch(sp.conv, v);
  }
  int precision = sp.precision < 0 ? 6 : sp.precision;
  std::string body = sp.conv == 'f'   ? fixed(d, precision, sp.group, sp.alt)
                     : sp.conv == 'e' ? scientific(d, precision, sp.alt)
                                      : general(d, precision, sp.group);
  return finish_number(sp, negative, body);
}

// Java's hashCode for %h: String.hashCode over UTF-16 units, Long.hashCode; else Clove's hash.
uint32_t java_hash(State& vm, Value v) {
  if (String* s = as<String>(v)) {
    uint32_t h = 0;
    std::string_view sv = s->view();
    for (size_t pos = 0; pos < sv.size();) {
      uint32_t cp = text::decode(sv, pos);
      if (cp >= 0x10000) {
        h = h * 31 + (0xD800 + ((cp - 0x10000) >> 10));
        h = h * 31 + (0xDC00 + ((cp - 0x10000) & 0x3FF));
      } else {
        h = h * 31 + cp;
      }
    }
    return h;
  }
  if (is_long(v)) {
    auto n = static_cast<uint64_t>(as_long(v));
    return static_cast<uint32_t>(n ^ (n >> 32));
  }
  return hash(vm, v);
}

// The text of one conversion with its argument, before width padding.
std::string convert(State& vm, const Spec& sp, Value v) {
  switch (sp.conv) {
    case 'b':
      return v.is_nil() ? "false" : v.is_bool() ? (v.truthy() ? "true" : "false") : "true";
    case 'h':
      return v.is_nil() ? "null" : fmt::format("{:x}", java_hash(vm, v));
    case 's':
      return v.is_nil() ? "null" : str_of(vm, v);
    case 'c': {
      if (v.is_nil()) return "null";
      if (!v.is_char()) conversion_mismatch(sp.conv, v);
      std::string out;
      text::append(out, v.as_char());
      return out;
    }
    case 'd':
    case 'o':
    case 'x':
      return v.is_nil() ? "null" : format_integer(sp, v);
    case 'e':
    case 'f':
    case 'g':
      return v.is_nil() ? "null" : format_float(sp, v);
    default:
      throw_error(ErrorKind::UnknownFormatConversionException,
                  fmt::format("Conversion = '{}'", sp.conv));
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Parses the specifier at fmt[pos] (just after '%'); advances pos past it.
Spec parse_spec(std::string_view f, size_t& pos) {
  size_t start = pos - 1;
  Spec sp;
  // argument_index$ (digits then '$'); otherwise those digits are the width.
  size_t p = pos;
  while (p < f.size() && is_digit(f[p])) ++p;
  if (p > pos && p < f.size() && f[p] == '$') {
    sp.arg_index = std::stoi(std::string(f.substr(pos, p - pos)));
    pos = p + 1;
  }
  std::string flags;
  for (; pos < f.size() && std::string_view("-#+ 0,(<").find(f[pos]) != std::string_view::npos;
       ++pos) {
    char c = f[pos];
    flags += c;
    switch (c) {
      case '-':
        sp.left = true;
        break;
      case '#':
        sp.alt = true;
        break;
      case '+':
        sp.plus = true;
        break;
      case ' ':
        sp.space = true;
        break;
      case '0':
        sp.zero = true;
        break;
      case ',':
        sp.group = true;
        break;
      case '(':
        sp.paren = true;
        break;
      case '<':
        sp.arg_index = -1;
        break;
    }
  }
  p = pos;
  while (pos < f.size() && is_digit(f[pos])) ++pos;
  if (pos > p) sp.width = std::stoi(std::string(f.substr(p, pos - p)));
  if (pos < f.size() && f[pos] == '.') {
    p = ++pos;
    while (pos < f.size() && is_digit(f[pos])) ++pos;
    if (pos == p) throw_error(ErrorKind::UnknownFormatConversionException, "Conversion = '.'");
    sp.precision = std::stoi(std::string(f.substr(p, pos - p)));
  }
  if (pos >= f.size()) throw_error(ErrorKind::UnknownFormatConversionException, "Conversion = '%'");
  sp.conv = f[pos++];
  sp.text = std::string(f.substr(start, pos - start));
  if (sp.left && sp.zero)
    throw_error(ErrorKind::IllegalFormatFlagsException, fmt::format("Flags = '{}'", flags));
  if (sp.plus && sp.space)
    throw_error(ErrorKind::IllegalFormatFlagsException, fmt::format("Flags = '{}'", flags));
  if ((sp.left || sp.zero) && sp.width < 0)
    throw_error(ErrorKind::IllegalFormatException,
                sp.text /* MissingFormatWidthException's message */);
  return sp;
}

}  // namespace

/// java.util.Formatter.format over Clove values (see the top of this file).
std::string java_format(State& vm, std::string_view f, const Value* args, int nargs) {
  std::string out;
  int ordinary = 0, last = -1;
  for (size_t pos = 0; pos < f.size();) {
    size_t pct = f.find('%', pos);
    if (pct == std::string_view::npos) {
      out += f.substr(pos);
      break;
    }
    out += f.substr(pos, pct - pos);
    pos = pct + 1;
    Spec sp = parse_spec(f, pos);
    char lower = static_cast<char>(std::tolower(static_cast<unsigned char>(sp.conv)));
    bool upper =
        sp.conv != lower && std::string_view("bhscxeg").find(lower) != std::string_view::npos;
    std::string piece;
    if (sp.conv == 'n') {
      out += '\n';
      continue;
    }
    if (sp.conv == '%') {
      piece = "%";
    } else {
      if (std::string_view("bhscdoxefg").find(lower) == std::string_view::npos ||
          (sp.conv == 'D' || sp.conv == 'O' || sp.conv == 'F'))
        throw_error(ErrorKind::UnknownFormatConversionException,
                    fmt::format("Conversion = '{}'", sp.conv));
      int index = sp.arg_index > 0 ? sp.arg_index - 1 : sp.arg_index < 0 ? last : ordinary++;
      if (index < 0 || index >= nargs)
        throw_error(ErrorKind::MissingFormatArgumentException,
                    fmt::format("Format specifier '{}'", sp.text));
      last = index;
      Spec lower_spec = sp;
      lower_spec.conv = lower;
      piece = convert(vm, lower_spec, args[index]);
      if (sp.precision >= 0 && std::string_view("bhsc").find(lower) != std::string_view::npos)
        piece = piece.substr(0, text::byte_offset(piece, sp.precision));
      if (upper) piece = text::upper_case(piece);
    }
    auto len = static_cast<int>(utf8_count(piece));
    if (sp.width > len) {
      std::string pad(static_cast<size_t>(sp.width - len), ' ');
      piece = sp.left ? piece + pad : pad + piece;
    }
    out += piece;
  }
  return out;
}

namespace {

Value f_format(State& vm, Args a) {
  std::vector<Value> rest;
  for (int i = 1; i < a.size(); ++i) rest.push_back(a[i]);
  if (a[0].is_nil()) throw_npe("format", "format string");
  return string_value(vm.heap, java_format(vm, arg_string(a, 0, "format")->view(), rest.data(),
                                           static_cast<int>(rest.size())));
}

Value f_printf(State& vm, Args a) {
  std::vector<Value> rest;
  for (int i = 1; i < a.size(); ++i) rest.push_back(a[i]);
  if (a[0].is_nil()) throw_npe("printf", "format string");
  vm.write_out(java_format(vm, arg_string(a, 0, "printf")->view(), rest.data(),
                           static_cast<int>(rest.size())));
  return Value::nil();
}

}  // namespace

void install_format_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(
      C, "format", f_format, 1, -1,
      "Formats a string using java.lang.String.format syntax: "
      "%[index$][flags][width][.precision]conversion "
      "with conversions b h s c d o x e f g % n (upper-case variants upper-case the result).",
      "([fmt & args])");
  vm.def_native(C, "printf", f_printf, 1, -1, "Prints formatted output, as per format.",
                "([fmt & args])");
}

}  // namespace clove
