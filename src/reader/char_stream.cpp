// char_stream.cpp: UTF-8 decoding and Clojure's character classes for the reader.
#include "reader/char_stream.h"

#include <fmt/format.h>
#include <utf8proc.h>

namespace clove {

void CharStream::decode() {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text_.data() + off_),
                            static_cast<utf8proc_ssize_t>(text_.size() - off_), &cp);
  if (n <= 0)
    throw Diagnostic(DiagKind::reader_invalid_character, pos(),
                     fmt::format("Invalid UTF-8 byte in source: 0x{:02X}", static_cast<unsigned char>(text_[off_])));
  peek_cp_ = cp;
  peek_len_ = static_cast<size_t>(n);
}

bool reader_is_whitespace(int32_t c) {
  if (c == ' ' || c == ',' || (c >= '\t' && c <= '\r') || (c >= 0x1C && c <= 0x1F)) return true;
  if (c < 0x80) return false;
  // Java's isWhitespace: space separators except the non-breaking ones, line and
  // paragraph separators.
  if (c == 0x00A0 || c == 0x2007 || c == 0x202F) return false;
  auto cat = utf8proc_category(c);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL || cat == UTF8PROC_CATEGORY_ZP;
}

bool reader_is_control(int32_t c) {
  return (c >= 0 && c <= 0x08) || (c >= 0x0E && c <= 0x1B) || (c >= 0x7F && c <= 0x9F);
}

bool reader_is_macro(int32_t c) {
  switch (c) {
    case '"': case ';': case '\'': case '@': case '^': case '`': case '~': case '(':
    case ')': case '[': case ']': case '{': case '}': case '\\': case '%': case '#':
      return true;
    default:
      return false;
  }
}

bool reader_is_terminating_macro(int32_t c) {
  return c != '#' && c != '\'' && c != '%' && reader_is_macro(c);
}

}  // namespace clove
