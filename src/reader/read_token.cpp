// read_token.cpp: tokens: numbers, nil/true/false, symbols and keywords.
//
// The accepted shapes are those of Clojure's LispReader (intPat, ratioPat, floatPat,
// symbolPat), matched by hand with the same alternatives and the same errors.
#include <charconv>
#include <cmath>

#include "reader/reader_impl.h"
#include "runtime/num/bignum.h"
#include "runtime/num/number.h"
#include "state/state.h"

namespace clove {

namespace {

bool all_of(std::string_view s, bool (*pred)(char)) {
  if (s.empty()) return false;
  for (char c : s)
    if (!pred(c)) return false;
  return true;
}
bool is_dec(char c) { return c >= '0' && c <= '9'; }
bool is_oct(char c) { return c >= '0' && c <= '7'; }
bool is_hex(char c) { return is_dec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_alnum(char c) { return is_dec(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/// A mpz_t that clears itself.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  ~Mpz() { mpz_clear(v); }
};

enum class Match { Yes, No, Invalid };

/// intPat: [-+]?(0|[1-9][0-9]*|0[xX]hex+|0[0-7]+|[1-9][0-9]?[rR][0-9A-Za-z]+|0[0-9]+)N?
Match match_integer(Heap& h, std::string_view s, Value* out, std::string* err) {
  bool neg = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return Match::No;
  Mpz z;
  // Radix form; its digits swallow a trailing N, as the JVM's greedy pattern does.
  if (s[0] >= '1' && s[0] <= '9') {
    size_t k = 1;
    if (k < s.size() && is_dec(s[k])) ++k;
    if (k + 1 < s.size() && (s[k] == 'r' || s[k] == 'R') && all_of(s.substr(k + 1), is_alnum)) {
      int radix = std::stoi(std::string(s.substr(0, k)));
      std::string_view digits = s.substr(k + 1);
      if (radix < 2 || radix > 36) {
        *err = "Radix out of range";
        return Match::Invalid;
      }
      if (!parse_integer_digits(digits, radix, z.v)) {
        *err = "For input string: \"" + std::string(digits) + "\" under radix " + std::to_string(radix);
        return Match::Invalid;
      }
      if (neg) mpz_neg(z.v, z.v);
      *out = integer_value(h, z.v);
      return Match::Yes;
    }
  }
  bool big = s.back() == 'N';
  if (big) s.remove_suffix(1);
  if (s.empty()) return Match::No;
  int base = 0;
  std::string_view digits;
  if (s == "0" || (s[0] != '0' && all_of(s, is_dec))) {
    base = 10;
    digits = s;
  } else if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && all_of(s.substr(2), is_hex)) {
    base = 16;
    digits = s.substr(2);
  } else if (s.size() > 1 && s[0] == '0' && all_of(s.substr(1), is_oct)) {
    base = 8;
    digits = s.substr(1);
  } else if (s.size() > 1 && s[0] == '0' && all_of(s.substr(1), is_dec)) {
    return Match::Invalid;  // 08, 099: matches the pattern but is no number
  } else {
    return Match::No;
  }
  parse_integer_digits(digits, base, z.v);
  if (neg) mpz_neg(z.v, z.v);
  *out = big ? make_bigint(h, z.v) : integer_value(h, z.v);
  return Match::Yes;
}

/// ratioPat: [-+]?[0-9]+/[0-9]+
Match match_ratio(Heap& h, std::string_view s, Value* out, std::string* err) {
  size_t slash = s.find('/');
  if (slash == std::string_view::npos) return Match::No;
  std::string_view num = s.substr(0, slash), den = s.substr(slash + 1);
  std::string_view num_digits = num;
  if (!num_digits.empty() && (num_digits[0] == '+' || num_digits[0] == '-')) num_digits.remove_prefix(1);
  if (!all_of(num_digits, is_dec) || !all_of(den, is_dec)) return Match::No;
  Mpz n, d;
  parse_integer_digits(num_digits, 10, n.v);
  if (num[0] == '-') mpz_neg(n.v, n.v);
  parse_integer_digits(den, 10, d.v);
  if (mpz_sgn(d.v) == 0) {
    *err = "Divide by zero";
    return Match::Invalid;
  }
  // Clojure divides the two parts as longs when both fit (4/2 -> 2), else as BigInts.
  bool demote = mpz_fits_slong_p(n.v) && mpz_fits_slong_p(d.v);
  *out = make_ratio(h, n.v, d.v, demote);
  return Match::Yes;
}

/// floatPat: [-+]?[0-9]+(\.[0-9]*)?([eE][-+]?[0-9]+)?M?
Match match_float(Heap& h, std::string_view s, Value* out) {
  bool decimal = !s.empty() && s.back() == 'M';
  std::string_view body = decimal ? s.substr(0, s.size() - 1) : s;
  size_t i = 0;
  if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
  size_t start = i;
  while (i < body.size() && is_dec(body[i])) ++i;
  if (i == start) return Match::No;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && is_dec(body[i])) ++i;
  }
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    size_t es = i;
    while (i < body.size() && is_dec(body[i])) ++i;
    if (i == es) return Match::No;
  }
  if (i != body.size()) return Match::No;
  if (decimal) return parse_bigdecimal(h, body, out) ? Match::Yes : Match::Invalid;
  std::string_view digits = body[0] == '+' ? body.substr(1) : body;
  double d = 0;
  auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), d);
  if (ec == std::errc::result_out_of_range) {
    // Java: overflow is an infinity, underflow a (signed) zero.
    size_t e = digits.find_first_of("eE");
    bool tiny = e != std::string_view::npos && digits[e + 1] == '-';
    d = tiny ? 0.0 : HUGE_VAL;
    if (digits[0] == '-') d = -d;
  } else if (ec != std::errc() || p != digits.data() + digits.size()) {
    return Match::Invalid;
  }
  *out = Value::from_double(d);
  return Match::Yes;
}

bool non_digit_non_slash(char c) { return !is_dec(c) && c != '/'; }

/// Clojure's symbolPat `[:]?([\D&&[^/]].*/)?(/|[\D&&[^/]][^/]*)` tried in the JVM's
/// backtracking order; sets ns (with its trailing '/', empty if absent) and name.
bool match_symbol_pattern(std::string_view s, std::string_view* ns, std::string_view* name) {
  auto name_ok = [](std::string_view n) {
    return n == "/" || (!n.empty() && non_digit_non_slash(n[0]) && n.find('/') == std::string_view::npos);
  };
  for (int colon = (s.size() > 0 && s[0] == ':') ? 1 : 0; colon >= 0; --colon) {
    std::string_view r = s.substr(static_cast<size_t>(colon));
    if (!r.empty() && non_digit_non_slash(r[0])) {
      // Group 1 present: ends at a '/' (the greedy .* tries the last one first).
      for (size_t k = r.size(); k-- > 1;) {
        if (r[k] == '/' && name_ok(r.substr(k + 1))) {
          *ns = r.substr(0, k + 1);
          *name = r.substr(k + 1);
          return true;
        }
      }
    }
    if (name_ok(r)) {
      *ns = {};
      *name = r;
      return true;
    }
  }
  return false;
}

}  // namespace

bool parse_number_literal(Heap& h, std::string_view tok, Value* out, std::string* err) {
  err->clear();
  for (auto matcher : {match_integer, match_ratio}) {
    Match m = matcher(h, tok, out, err);
    if (m == Match::Yes) return true;
    if (m == Match::Invalid) {
      if (err->empty()) *err = "Invalid number: " + std::string(tok);
      return false;
    }
  }
  if (match_float(h, tok, out) == Match::Yes) return true;
  *err = "Invalid number: " + std::string(tok);
  return false;
}

std::string Reader::Impl::read_token(int32_t first) {
  std::string tok;
  text::append_code_point(tok, first);
  for (;;) {
    int32_t c = in.peek();
    if (c == CharStream::kEof || reader_is_whitespace(c) || reader_is_terminating_macro(c)) return tok;
    check_control(c, in.pos());
    text::append_code_point(tok, in.get());
  }
}

Value Reader::Impl::read_number(int32_t first, SourcePos start) {
  std::string tok;
  text::append_code_point(tok, first);
  for (;;) {
    int32_t c = in.peek();
    if (c == CharStream::kEof || reader_is_whitespace(c) || reader_is_macro(c)) break;
    check_control(c, in.pos());
    text::append_code_point(tok, in.get());
  }
  Value v;
  std::string err;
  if (!parse_number_literal(vm.heap, tok, &v, &err)) fail(DiagKind::reader_invalid_number, start, err);
  return v;
}

Value Reader::Impl::interpret_token(const std::string& tok, SourcePos start) {
  if (tok == "nil") return Value::nil();
  if (tok == "true") return Value::t();
  if (tok == "false") return Value::f();
  std::string_view s = tok, ns, name;
  auto invalid = [&]() -> Value { fail(DiagKind::reader_invalid_token, start, "Invalid token: " + tok); };
  if (!match_symbol_pattern(s, &ns, &name)) return invalid();
  if ((ns.size() >= 2 && ns.substr(ns.size() - 2) == ":/") || name.back() == ':' ||
      s.find("::", 1) != std::string_view::npos)
    return invalid();
  if (s.substr(0, 2) == "::") {
    if (opts.edn) return invalid();  // EDN has no auto-resolved keywords
    // ::name is in the current namespace; ::alias/name in the aliased one.
    std::string_view rest = s.substr(2);
    size_t slash = rest.find('/');
    if (slash == std::string_view::npos || rest == "/") {
      Symbol* cur = env.current_ns();
      if (!cur) return invalid();
      return Value::object(vm.names.keyword(cur->name_view(), rest));
    }
    Symbol* target = env.resolve_alias(vm.names.symbol({}, rest.substr(0, slash)));
    // In a branch of #? that is not selected the alias may belong to another platform.
    if (!target && suppress) return Value::object(vm.names.keyword(rest));
    if (!target) return invalid();
    return Value::object(vm.names.keyword(target->name_view(), rest.substr(slash + 1)));
  }
  if (s[0] == ':') return Value::object(vm.names.keyword(s.substr(1)));
  return Value::object(vm.names.symbol(s));
}

}  // namespace clove
