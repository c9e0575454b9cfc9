// read_literal.cpp: string, character and regex literals, with Clojure's escapes
// and error messages (LispReader's StringReader, CharacterReader, RegexReader).
#include <fmt/format.h>

#include "reader/reader_impl.h"
#include "runtime/text/regex.h"
#include "state/state.h"

namespace clove {

namespace {

int hex_digit(int32_t c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_surrogate(int32_t c) { return c >= 0xD800 && c <= 0xDFFF; }

std::string cp_text(int32_t c) {
  std::string s;
  text::append_code_point(s, c);
  return s;
}

}  // namespace

int32_t Reader::Impl::read_unicode_escape(SourcePos start) {
  int32_t first = in.peek();
  if (first == CharStream::kEof || hex_digit(first) < 0)
    fail(DiagKind::reader_invalid_escape, start,
         "Invalid unicode escape: \\u" + (first == CharStream::kEof ? std::string() : cp_text(first)));
  int32_t value = 0;
  int n = 0;
  while (n < 4 && in.peek() != CharStream::kEof && hex_digit(in.peek()) >= 0) {
    value = value * 16 + hex_digit(in.get());
    ++n;
  }
  if (n != 4)
    fail(DiagKind::reader_invalid_escape, start, fmt::format("Invalid character length: {}, should be: 4", n));
  return value;
}

Value Reader::Impl::read_string_literal(SourcePos start) {
  std::string out;
  for (;;) {
    SourcePos here = in.pos();
    int32_t c = in.get();
    if (c == CharStream::kEof) fail(DiagKind::reader_unterminated, start, "EOF while reading string");
    if (c == '"') break;
    if (c == '\\') {
      c = in.get();
      switch (c) {
        case CharStream::kEof: fail(DiagKind::reader_unterminated, start, "EOF while reading string");
        case 't': c = '\t'; break;
        case 'r': c = '\r'; break;
        case 'n': c = '\n'; break;
        case '\\': break;
        case '"': break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'u': {
          c = read_unicode_escape(here);
          if (c >= 0xD800 && c <= 0xDBFF) {
            // A UTF-16 surrogate pair written as two escapes is one code point.
            SourcePos low_pos = in.pos();
            if (in.get() != '\\' || in.get() != 'u')
              fail(DiagKind::reader_invalid_escape, here, fmt::format("Invalid unicode escape: lone surrogate \\u{:04X}", c));
            int32_t low = read_unicode_escape(low_pos);
            if (low < 0xDC00 || low > 0xDFFF)
              fail(DiagKind::reader_invalid_escape, here, fmt::format("Invalid unicode escape: lone surrogate \\u{:04X}", c));
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
          } else if (is_surrogate(c)) {
            fail(DiagKind::reader_invalid_escape, here, fmt::format("Invalid unicode escape: lone surrogate \\u{:04X}", c));
          }
          break;
        }
        default:
          if (c >= '0' && c <= '9') {
            if (c > '7') fail(DiagKind::reader_invalid_escape, here, "Invalid digit: " + cp_text(c));
            int32_t value = c - '0';
            for (int n = 1; n < 3 && in.peek() >= '0' && in.peek() <= '7'; ++n) value = value * 8 + (in.get() - '0');
            if (value > 0377)
              fail(DiagKind::reader_invalid_escape, here, "Octal escape sequence must be in range [0, 377].");
            c = value;
            break;
          }
          fail(DiagKind::reader_invalid_escape, here, "Unsupported escape character: \\" + cp_text(c));
      }
    }
    text::append_code_point(out, c);
  }
  return string_value(vm.heap, out);
}

Value Reader::Impl::read_char_literal(SourcePos start) {
  int32_t first = in.get();
  if (first == CharStream::kEof) fail(DiagKind::reader_unterminated, start, "EOF while reading character");
  std::string tok = read_token(first);
  if (utf8_count(tok) == 1) return Value::character(static_cast<uint32_t>(first));
  static const struct {
    const char* name;
    uint32_t c;
  } kNames[] = {{"newline", '\n'}, {"space", ' '}, {"tab", '\t'}, {"backspace", '\b'}, {"formfeed", '\f'}, {"return", '\r'}};
  for (const auto& n : kNames)
    if (tok == n.name) return Value::character(n.c);
  auto digits = [&](int base) {
    uint32_t v = 0;
    for (size_t i = 1; i < tok.size(); ++i) {
      int d = hex_digit(static_cast<unsigned char>(tok[i]));
      if (d < 0 || d >= base)
        fail(DiagKind::reader_invalid_character, start, "Invalid digit: " + tok.substr(i, 1));
      v = v * static_cast<uint32_t>(base) + static_cast<uint32_t>(d);
    }
    return v;
  };
  if (tok[0] == 'u') {
    if (tok.size() != 5) fail(DiagKind::reader_invalid_character, start, "Invalid unicode character: \\" + tok);
    uint32_t c = digits(16);
    if (is_surrogate(static_cast<int32_t>(c)))
      fail(DiagKind::reader_invalid_character, start, fmt::format("Invalid character constant: \\u{:x}", c));
    return Value::character(c);
  }
  if (tok[0] == 'o') {
    size_t len = tok.size() - 1;
    if (len > 3) fail(DiagKind::reader_invalid_character, start, fmt::format("Invalid octal escape sequence length: {}", len));
    uint32_t c = digits(8);
    if (c > 0377) fail(DiagKind::reader_invalid_character, start, "Octal escape sequence must be in range [0, 377].");
    return Value::character(c);
  }
  fail(DiagKind::reader_invalid_character, start, "Unsupported character: \\" + tok);
}

Value Reader::Impl::read_regex(SourcePos start) {
  // The pattern text is kept as written (escapes included) and compiled here, as
  // Clojure's reader does: the form is a java.util.regex.Pattern, a constant of the code
  // it appears in. A pattern that does not compile is a reader error whose cause is the
  // PatternSyntaxException.
  std::string src;
  for (;;) {
    int32_t c = in.get();
    if (c == CharStream::kEof) fail(DiagKind::reader_unterminated, start, "EOF while reading regex");
    if (c == '"') break;
    text::append_code_point(src, c);
    if (c == '\\') {
      c = in.get();
      if (c == CharStream::kEof) fail(DiagKind::reader_unterminated, start, "EOF while reading regex");
      text::append_code_point(src, c);
    }
  }
  // No safepoint comes between these allocations, so the source string needs no root.
  auto* source = static_cast<String*>(string_value(vm.heap, src).as_obj());
  try {
    return Value::object(make_regex(vm.heap, source));
  } catch (const CloveError& e) {
    Diagnostic d(DiagKind::reader_invalid_regex, start, e.what());
    d.cause = std::current_exception();
    throw d;
  }
}

}  // namespace clove
