// string.cpp: the clojure.string namespace, and clojure.core/subs.
//
// Semantics follow clojure/string.clj over Java's String methods. Indices (index-of,
// last-index-of, subs) count code points; see runtime/text/unicode.h for how that relates
// to Java's UTF-16 indices.
#include <algorithm>

#include "runtime/coll/coll.h"
#include "runtime/coll/subvector.h"
#include "runtime/coll/vector.h"
#include "natives/text.h"
#include "runtime/print/print.h"
#include "runtime/text/unicode.h"

namespace clove {

namespace {

using text::decode_all;

// s.toString() for functions that accept any object as s; nil is a NullPointerException.
std::string to_string_arg(State& vm, Args a, int i, const char* fn) {
  if (a[i].is_nil()) throw_npe(fn, "string");
  if (String* s = as<String>(a[i])) return std::string(s->view());
  return str_of(vm, a[i]);
}

Value str_value(State& vm, std::string_view s) { return string_value(vm.heap, s); }

std::string to_utf8(std::u32string_view cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) text::append(out, c);
  return out;
}

[[noreturn]] void cast_to_char(Value v, const char* fn) {
  throw_error(ErrorKind::ClassCastException,
              fmt::format("{}: class {} cannot be cast to class java.lang.Character", fn,
                          value_type_name(v)));
}

// ---- clojure.core/subs ----

Value s_subs(State& vm, Args a) {
  String* s = arg_string(a, 0, "subs");
  int64_t len = s->ncodepoints;
  int64_t begin = arg_long(a, 1, "subs");
  int64_t end = a.size() > 2 ? arg_long(a, 2, "subs") : len;
  if (begin < 0 || end > len || begin > end)
    throw_error(ErrorKind::StringIndexOutOfBoundsException,
                fmt::format("begin {}, end {}, length {}", begin, end, len));
  size_t b = text::byte_offset(s, begin);
  size_t e = text::byte_offset(s, end);
  return str_value(vm, s->view().substr(b, e - b));
}

// ---- predicates ----

Value s_blank(State&, Args a) {
  if (a[0].is_nil()) return Value::t();
  std::string_view s = arg_chars(a, 0, "clojure.string/blank?")->view();
  for (size_t pos = 0; pos < s.size();)
    if (!text::is_whitespace(text::decode(s, pos))) return Value::f();
  return Value::t();
}

Value s_starts_with(State& vm, Args a) {
  std::string s = to_string_arg(vm, a, 0, "clojure.string/starts-with?");
  return Value::boolean(
      std::string_view(s).starts_with(arg_string(a, 1, "clojure.string/starts-with?")->view()));
}
Value s_ends_with(State& vm, Args a) {
  std::string s = to_string_arg(vm, a, 0, "clojure.string/ends-with?");
  return Value::boolean(
      std::string_view(s).ends_with(arg_string(a, 1, "clojure.string/ends-with?")->view()));
}
Value s_includes(State& vm, Args a) {
  std::string s = to_string_arg(vm, a, 0, "clojure.string/includes?");
  return Value::boolean(s.find(arg_chars(a, 1, "clojure.string/includes?")->view()) !=
                        std::string::npos);
}

// ---- case ----

Value s_upper(State& vm, Args a) {
  return str_value(vm, text::upper_case(to_string_arg(vm, a, 0, "clojure.string/upper-case")));
}
Value s_lower(State& vm, Args a) {
  return str_value(vm, text::lower_case(to_string_arg(vm, a, 0, "clojure.string/lower-case")));
}

Value s_capitalize(State& vm, Args a) {
  // Any value goes through its string, as Clojure's (.toString s); nil is an NPE.
  std::string str = to_string_arg(vm, a, 0, "clojure.string/capitalize");
  std::string_view s = str;
  if (s.empty()) return str_value(vm, s);
  size_t first_end = 0;
  text::decode(s, first_end);
  return str_value(
      vm, text::upper_case(s.substr(0, first_end)) + text::lower_case(s.substr(first_end)));
}

// ---- searching ----

// String.indexOf / lastIndexOf over code points, for a char or a string needle.
Value index_search(State& vm, Args a, bool last, const char* fn) {
  std::u32string s = decode_all(to_string_arg(vm, a, 0, fn));
  std::u32string needle;
  bool is_char = a[1].is_char();
  if (is_char)
    needle = std::u32string(1, static_cast<char32_t>(a[1].as_char()));
  else
    needle = decode_all(arg_string(a, 1, fn)->view());
  auto len = static_cast<int64_t>(s.size());
  size_t found;
  if (!last) {
    int64_t from = a.size() > 2 ? arg_long(a, 2, fn) : 0;
    from = std::clamp<int64_t>(from, 0, len);
    found = s.find(needle, static_cast<size_t>(from));
  } else {
    int64_t from = a.size() > 2 ? arg_long(a, 2, fn) : len;
    if (from < 0) return Value::nil();
    found = s.rfind(needle, static_cast<size_t>(std::min(from, len)));
  }
  if (found == std::u32string::npos) return Value::nil();
  return Value::small_int(static_cast<int64_t>(found));
}
Value s_index_of(State& vm, Args a) { return index_search(vm, a, false, "clojure.string/index-of"); }
Value s_last_index_of(State& vm, Args a) {
  return index_search(vm, a, true, "clojure.string/last-index-of");
}

// ---- building ----

Value s_join(State& vm, Args a) {
  RootScope scope(vm.heap);
  std::string sep = a.size() == 2 ? str_of(vm, a[0]) : "";
  std::string out;
  bool first_item = true;
  // A string element is appended as it is; anything else through str. The collection
  // stays rooted in the call's window, and with it a vector's elements.
  auto add = [&](Value x) {
    if (!first_item) out += sep;
    first_item = false;
    if (const String* s = as<String>(x))
      out += s->view();
    else
      out += str_of(vm, x);
  };
  if (VectorSlice s; vector_slice(a[a.size() - 1], &s)) {  // a vector or subvec: no seq to walk
    for (uint32_t i = s.from; i < s.to; ++i) add(s.vec->nth(i));
    vm.charge(s.to - s.from);  // a loop in C++: counts toward the instruction budget
    return str_value(vm, out);
  }
  size_t cursor = scope.push(seq(vm, a[a.size() - 1]));
  while (!scope[cursor].is_nil()) {
    add(first(vm, scope[cursor]));
    Value nxt = next(vm, scope[cursor]);
    scope[cursor] = nxt;
  }
  return str_value(vm, out);
}

Value s_reverse(State& vm, Args a) {
  std::u32string cps = decode_all(arg_chars(a, 0, "clojure.string/reverse")->view());
  std::reverse(cps.begin(), cps.end());
  return str_value(vm, to_utf8(cps));
}

Value s_escape(State& vm, Args a) {
  std::string_view s = arg_chars(a, 0, "clojure.string/escape")->view();
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    size_t start = pos;
    uint32_t cp = text::decode(s, pos);
    Value rep = vm.call(a[1], {Value::character(cp)});
    if (rep.is_nil())
      out += s.substr(start, pos - start);
    else
      out += str_of(vm, rep);
  }
  return str_value(vm, out);
}

Value s_re_quote_replacement(State& vm, Args a) {
  return str_value(
      vm, quote_replacement(arg_chars(a, 0, "clojure.string/re-quote-replacement")->view()));
}

// ---- trimming ----

// [begin, end) byte range of s without leading (left) and/or trailing (right) whitespace.
std::string_view trim_view(std::string_view s, bool left, bool right) {
  size_t b = 0, e = s.size();
  if (left) {
    while (b < e) {
      size_t next_pos = b;
      if (!text::is_whitespace(text::decode(s, next_pos))) break;
      b = next_pos;
    }
  }
  if (right) {
    while (e > b) {
      size_t start = e - 1;
      while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
      size_t p = start;
      if (!text::is_whitespace(text::decode(s, p))) break;
      e = start;
    }
  }
  return s.substr(b, e - b);
}
Value s_trim(State& vm, Args a) {
  return str_value(vm, trim_view(arg_chars(a, 0, "clojure.string/trim")->view(), true, true));
}
Value s_triml(State& vm, Args a) {
  return str_value(vm, trim_view(arg_chars(a, 0, "clojure.string/triml")->view(), true, false));
}
Value s_trimr(State& vm, Args a) {
  return str_value(vm, trim_view(arg_chars(a, 0, "clojure.string/trimr")->view(), false, true));
}
Value s_trim_newline(State& vm, Args a) {
  std::string_view s = arg_chars(a, 0, "clojure.string/trim-newline")->view();
  size_t e = s.size();
  while (e > 0 && (s[e - 1] == '\n' || s[e - 1] == '\r')) --e;
  return str_value(vm, s.substr(0, e));
}

// ---- splitting ----

Value pieces_vector(State& vm, const std::vector<std::string_view>& pieces) {
  std::vector<Value> items;
  items.reserve(pieces.size());
  for (std::string_view p : pieces) items.push_back(str_value(vm, p));
  return vector_from(vm.heap, items.data(), items.size());
}

Value s_split(State& vm, Args a) {
  std::string_view s = arg_chars(a, 0, "clojure.string/split")->view();
  Regex* re = arg_regex(a, 1, "clojure.string/split");
  int64_t limit = a.size() > 2 ? arg_long(a, 2, "clojure.string/split") : 0;
  return pieces_vector(vm, regex_split(re, s, limit));
}

// (split s #"\r?\n") without compiling the pattern.
Value s_split_lines(State& vm, Args a) {
  std::string_view s = arg_chars(a, 0, "clojure.string/split-lines")->view();
  std::vector<std::string_view> pieces;
  size_t index = 0;
  for (size_t nl = s.find('\n'); nl != std::string_view::npos; nl = s.find('\n', nl + 1)) {
    size_t start = nl > index && s[nl - 1] == '\r' ? nl - 1 : nl;
    pieces.push_back(s.substr(index, start - index));
    index = nl + 1;
  }
  if (index == 0) return pieces_vector(vm, {s});
  pieces.push_back(s.substr(index));
  while (!pieces.empty() && pieces.back().empty()) pieces.pop_back();
  return pieces_vector(vm, pieces);
}

// ---- replacing ----

// Replaces matches of re in s: with a Java replacement string, or with (f groups) as
// literal text. `all` false stops after the first match.
std::string regex_replace(State& vm, std::string_view s, Regex* re, Value replacement, bool all,
                          const char* fn) {
  String* rep_str = as<String>(replacement);
  std::string out;
  size_t copied = 0;
  Match m;
  for (size_t from = 0; from <= s.size() && regex_find(re, s, from, m);
       from = regex_next_start(s, m)) {
    out += s.substr(copied, m.start[0] - copied);
    if (rep_str) {
      append_replacement(out, re, s, m, rep_str->view());
    } else {
      Value r = vm.call(replacement, {match_groups(vm, re, s, m)});
      String* rs = as<String>(r);
      if (!rs)
        throw_error(ErrorKind::ClassCastException,
                    fmt::format("{}: class {} cannot be cast to class java.lang.String", fn,
                                value_type_name(r)));
      out += rs->view();
    }
    copied = m.end[0];
    if (!all) break;
  }
  out += s.substr(copied);
  return out;
}

// String.replace(CharSequence, CharSequence): every non-overlapping occurrence, left to
// right; an empty target inserts the replacement around every code point.
std::string replace_literal(std::string_view s, std::string_view target, std::string_view rep,
                            bool all) {
  std::string out;
  if (target.empty()) {
    out += rep;
    for (size_t pos = 0; pos < s.size();) {
      size_t start = pos;
      text::decode(s, pos);
      out += s.substr(start, pos - start);
      if (all) out += rep;
    }
    if (!all) out = std::string(rep) + std::string(s);
    return out;
  }
  size_t copied = 0;
  for (size_t at = s.find(target); at != std::string_view::npos; at = s.find(target, copied)) {
    out += s.substr(copied, at - copied);
    out += rep;
    copied = at + target.size();
    if (!all) break;
  }
  out += s.substr(copied);
  return out;
}

[[noreturn]] void invalid_match(State& vm, Value match) {
  throw_error(ErrorKind::IllegalArgumentException, "Invalid match arg: " + str_bounded(vm, match));
}

Value s_replace(State& vm, Args a) {
  const char* fn = "clojure.string/replace";
  std::string s = to_string_arg(vm, a, 0, fn);
  Value match = a[1], rep = a[2];
  if (match.is_char()) {
    if (!rep.is_char()) cast_to_char(rep, fn);
    std::string from, to;
    text::append(from, match.as_char());
    text::append(to, rep.as_char());
    return str_value(vm, replace_literal(s, from, to, true));
  }
  if (String* target = as<String>(match))
    return str_value(vm, replace_literal(s, target->view(), arg_chars(a, 2, fn)->view(), true));
  if (Regex* re = as<Regex>(match)) return str_value(vm, regex_replace(vm, s, re, rep, true, fn));
  invalid_match(vm, match);
}

Value s_replace_first(State& vm, Args a) {
  const char* fn = "clojure.string/replace-first";
  std::string s = to_string_arg(vm, a, 0, fn);
  Value match = a[1], rep = a[2];
  if (match.is_char()) {  // (str (subs s 0 i) replace (subs s (inc i))): any replacement value
    std::string from;
    text::append(from, match.as_char());
    return str_value(vm, replace_literal(s, from, str_of(vm, rep), false));
  }
  if (String* target = as<String>(match)) {
    std::string to = to_string_arg(vm, a, 2, fn);
    return str_value(vm, replace_literal(s, target->view(), to, false));
  }
  if (Regex* re = as<Regex>(match)) return str_value(vm, regex_replace(vm, s, re, rep, false, fn));
  invalid_match(vm, match);
}

}  // namespace

void install_string_natives(State& vm) {
  vm.def_native("clojure.core", "subs", s_subs, 2, 3,
                "Gives the part of s from index start up to but not including end (default: the "
                "end of s). Indices count code points. Throws StringIndexOutOfBoundsException "
                "unless 0 <= start <= end <= the length of s.", "([s start] [s start end])");
  const char* S = "clojure.string";
  vm.def_native(S, "blank?", s_blank, 1, 1,
                "True when s is nil, the empty string, or made only of whitespace characters.",
                "([s])");
  vm.def_native(
      S, "capitalize", s_capitalize, 1, 1,
                "Gives s with its first character in upper case and every other character in "
                "lower case.", "([s])");
  vm.def_native(S, "ends-with?", s_ends_with, 2, 2,
                "True when the string s finishes with substr.", "([s substr])");
  vm.def_native(
      S, "escape", s_escape, 2, 2,
                "Builds a new string from s by looking each character up in cmap: a character "
                "that maps to nil is kept as it is, any other is replaced by (str (cmap ch)).",
                "([s cmap])");
  vm.def_native(S, "includes?", s_includes, 2, 2,
                "True when substr occurs somewhere in the string s.", "([s substr])");
  vm.def_native(S, "index-of", s_index_of, 2, 3,
                "Gives the position of the first occurrence of value (a string or a character) in "
                "s, starting the search at from-index when given; nil when there is none.",
                "([s value] [s value from-index])");
  vm.def_native(S, "join", s_join, 1, 2,
                "Concatenates the str of each element of coll into one string, putting separator "
                "(when given) between neighbouring elements; nil elements give empty text.",
                "([coll] [separator coll])");
  vm.def_native(S, "last-index-of", s_last_index_of, 2, 3,
                "Gives the position of the last occurrence of value (a string or a character) in "
                "s, looking no further right than from-index when given; nil when there is none.",
                "([s value] [s value from-index])");
  vm.def_native(S, "lower-case", s_lower, 1, 1,
                "Gives s with every character converted to lower case.", "([s])");
  vm.def_native(
      S, "re-quote-replacement", s_re_quote_replacement, 1, 1,
                "Escapes the characters that replace and replace-first treat specially in a "
                "pattern replacement string ($ and \\), so that replacement is inserted literally.",
                "([replacement])");
  vm.def_native(S, "replace", s_replace, 3, 3,
                "Substitutes replacement for every occurrence of match in s. Pairs accepted: "
                "string with string, char with char, or a regex with a string or with a fn of the "
                "match. In a replacement string $1, ${name} insert groups and \\ escapes.",
                "([s match replacement])");
  vm.def_native(S, "replace-first", s_replace_first, 3, 3,
                "Like replace, but substitutes replacement for only the first occurrence of match "
                "in s. Accepts the same match/replacement pairs: char with char, string with "
                "string, or a regex with a string or a fn of the match.",
                "([s match replacement])");
  vm.def_native(S, "reverse", s_reverse, 1, 1,
                "Gives the string s with the order of its characters reversed.", "([s])");
  vm.def_native(S, "split", s_split, 2, 3,
                "Cuts s at each match of the regex re and gives the pieces as a vector (not "
                "lazy). With limit, at most limit pieces are made; without one, empty pieces at "
                "the end are dropped, and a negative limit keeps them.", "([s re] [s re limit])");
  vm.def_native(S, "split-lines", s_split_lines, 1, 1,
                "Cuts s at each line break (\\n or \\r\\n) and gives the lines as a vector, "
                "dropping empty lines at the end.", "([s])");
  vm.def_native(S, "starts-with?", s_starts_with, 2, 2,
                "True when the string s begins with substr.", "([s substr])");
  vm.def_native(S, "trim", s_trim, 1, 1,
                "Gives s without the whitespace at its start and its end.", "([s])");
  vm.def_native(S, "trim-newline", s_trim_newline, 1, 1,
                "Gives s with every \\n and \\r at its end removed; other trailing whitespace "
                "stays.", "([s])");
  vm.def_native(S, "triml", s_triml, 1, 1, "Gives s without the whitespace at its start.", "([s])");
  vm.def_native(S, "trimr", s_trimr, 1, 1, "Gives s without the whitespace at its end.", "([s])");
  vm.def_native(S, "upper-case", s_upper, 1, 1,
                "Gives s with every character converted to upper case.", "([s])");
}

}  // namespace clove
