// char_stream.h: the reader's view of source text: UTF-8 decoded to code points, with
// 1-based line and column (columns count code points) for every character.
#pragma once
#include <cstdint>
#include <string_view>

#include "core/source.h"

namespace clove {

class CharStream {
 public:
  static constexpr int32_t kEof = -1;

  /// A UTF-8 byte order mark at the start of `text` is skipped (editors on Windows
  /// write one); it takes no column.
  CharStream(std::string_view text, uint32_t file) : text_(text), file_(file) {
    if (text_.starts_with("\xEF\xBB\xBF")) off_ = 3;
  }

  /// The next code point without consuming it, or kEof. Throws a
  /// reader_invalid_character Diagnostic on malformed UTF-8.
  int32_t peek() {
    if (off_ >= text_.size()) return kEof;
    if (peek_len_ == 0) decode();
    return peek_cp_;
  }
  /// Consumes and returns the next code point (kEof at the end).
  int32_t get() {
    int32_t c = peek();
    if (c == kEof) return c;
    off_ += peek_len_;
    peek_len_ = 0;
    if (c == '\n') {
      ++line_;
      col_ = 1;
    } else {
      ++col_;
    }
    return c;
  }
  /// Position of the next character.
  SourcePos pos() const { return SourcePos{file_, line_, col_}; }
  size_t offset() const { return off_; }
  std::string_view text() const { return text_; }

 private:
  void decode();

  std::string_view text_;
  uint32_t file_;
  size_t off_ = 0;
  uint32_t line_ = 1, col_ = 1;
  int32_t peek_cp_ = 0;
  size_t peek_len_ = 0;  // bytes of the decoded peek; 0 = not decoded yet
};

/// Clojure's whitespace: Java's Character.isWhitespace plus the comma.
bool reader_is_whitespace(int32_t c);
/// A control character that is not whitespace (Java's isISOControl and not
/// isWhitespace): U+0000-U+0008, U+000E-U+001B, U+007F-U+009F. Clojure reads these as
/// parts of symbols; Clove rejects them outside strings, regexes, comments and
/// character literals (a NUL byte in a source file is a corrupt file, not a name).
bool reader_is_control(int32_t c);
/// A character that starts a reader macro (Clojure's isMacro).
bool reader_is_macro(int32_t c);
/// A macro character that also ends a token (all macros except # ' %).
bool reader_is_terminating_macro(int32_t c);

}  // namespace clove
