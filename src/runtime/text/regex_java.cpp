// regex_java.cpp: translate_java_regex, rewriting java.util.regex syntax into PCRE2
// syntax (the differences are listed at the top of runtime/text/regex.h).
#include <cctype>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.h"
#include "runtime/text/regex.h"
#include "runtime/text/unicode.h"

namespace clove {

namespace {

// Java's POSIX property classes (ASCII-only by default) and their PCRE2 POSIX names.
const std::unordered_map<std::string_view, std::string_view>& posix_classes() {
  static const std::unordered_map<std::string_view, std::string_view> m{
      {"Lower", "lower"}, {"Upper", "upper"}, {"ASCII", "ascii"}, {"Alpha", "alpha"},
      {"Digit", "digit"}, {"Alnum", "alnum"}, {"Punct", "punct"}, {"Graph", "graph"},
      {"Print", "print"}, {"Blank", "blank"}, {"Cntrl", "cntrl"}, {"XDigit", "xdigit"},
      {"Space", "space"}};
  return m;
}

// Java property names that map onto a PCRE2 \p name.
const std::unordered_map<std::string_view, std::string_view>& java_properties() {
  static const std::unordered_map<std::string_view, std::string_view> m{
      {"javaLowerCase", "Ll"},  {"javaUpperCase", "Lu"},   {"javaTitleCase", "Lt"},
      {"javaLetter", "L"},      {"javaDigit", "Nd"},       {"javaLetterOrDigit", "Xan"},
      {"javaAlphabetic", "L"},  {"javaWhitespace", "Xsp"}, {"javaSpaceChar", "Z"},
      {"IsAlphabetic", "L"},    {"IsLetter", "L"},         {"IsDigit", "Nd"},
      {"IsUppercase", "Lu"},    {"IsLowercase", "Ll"},     {"IsTitlecase", "Lt"},
      {"IsWhite_Space", "Xsp"}, {"IsWhiteSpace", "Xsp"},   {"IsPunctuation", "P"},
      {"IsControl", "Cc"},      {"IsIdeographic", "Han"},  {"IsLetterOrDigit", "Xan"}};
  return m;
}

class Translator {
 public:
  Translator(std::string_view in, std::vector<uint32_t>* map) : in_(in), map_(map) {}

  std::string run() {
    while (pos_ < in_.size()) step_outside();
    if (map_) map_->push_back(cp_index_);
    if (ucp_) out_.insert(0, "(*UCP)");
    if (ucp_ && map_) map_->insert(map_->begin(), 6, 0);
    return std::move(out_);
  }

 private:
  std::string_view in_;
  std::vector<uint32_t>* map_;
  std::string out_;
  size_t pos_ = 0;
  uint32_t cp_index_ = 0;  // code point index of in_[pos_]
  bool ucp_ = false;

  void emit(std::string_view s, uint32_t at) {
    out_ += s;
    if (map_) map_->insert(map_->end(), s.size(), at);
  }
  char peek(size_t k = 0) const { return pos_ + k < in_.size() ? in_[pos_ + k] : '\0'; }
  // Copies one code point through unchanged.
  void copy_one() {
    size_t start = pos_;
    text::decode(in_, pos_);
    emit(in_.substr(start, pos_ - start), cp_index_++);
  }
  void skip(size_t bytes) {
    for (size_t end = pos_ + bytes; pos_ < end;) {
      text::decode(in_, pos_);
      ++cp_index_;
    }
  }
  [[noreturn]] void unsupported(const std::string& what) {
    throw_error(ErrorKind::PatternSyntaxException,
                fmt::format("{} is not supported near index {}\n{}", what, cp_index_, in_));
  }

  void step_outside() {
    char c = peek();
    if (c == '\\') {
      escape(false);
    } else if (c == '[') {
      char_class();
    } else if (c == '(' && peek(1) == '?') {
      group_flags();
    } else {
      copy_one();
    }
  }

  // (?flags) and (?flags:...): drop Java's u and d (no PCRE2 equivalent) and U (which
  // means "ungreedy" in PCRE2; Java's UNICODE_CHARACTER_CLASS becomes (*UCP)).
  void group_flags() {
    size_t k = 2;
    while (pos_ + k < in_.size() &&
           (std::isalpha(static_cast<unsigned char>(in_[pos_ + k])) || in_[pos_ + k] == '-'))
      ++k;
    char term = peek(k);
    if (k == 2 || (term != ')' && term != ':')) {
      copy_one();  // "(" of (?:, (?=, (?<name>, ...; the rest is copied normally
      return;
    }
    std::string flags;
    for (size_t i = 2; i < k; ++i) {
      char f = in_[pos_ + i];
      if (f == 'U') ucp_ = true;
      if (f != 'u' && f != 'd' && f != 'U') flags += f;
    }
    uint32_t at = cp_index_;
    skip(k + 1);
    while (!flags.empty() && flags.back() == '-') flags.pop_back();
    if (flags.empty()) {
      if (term == ':') emit("(?:", at);
      return;
    }
    emit(fmt::format("(?{}{}", flags, term), at);
  }

  // A backslash escape at pos_, inside a class or not.
  void escape(bool in_class) {
    char e = peek(1);
    uint32_t at = cp_index_;
    if (e == 'Q') {  // \Q...\E: copied verbatim, PCRE2 reads it the same way
      size_t end = in_.find("\\E", pos_ + 2);
      size_t stop = end == std::string_view::npos ? in_.size() : end + 2;
      while (pos_ < stop) copy_one();
      return;
    }
    if (e == 'u' && pos_ + 6 <= in_.size() && all_hex(pos_ + 2, 4)) {
      uint32_t cp = hex(pos_ + 2, 4);
      skip(6);
      if (cp >= 0xD800 && cp < 0xDC00 && peek() == '\\' && peek(1) == 'u' &&
          pos_ + 6 <= in_.size() && all_hex(pos_ + 2, 4)) {
        uint32_t lo = hex(pos_ + 2, 4);
        if (lo >= 0xDC00 && lo < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          skip(6);
        }
      }
      emit(fmt::format("\\x{{{:x}}}", cp), at);
      return;
    }
    if (e == '0') {  // Java: \0 then 1-3 octal digits (the 3-digit form only up to 0377)
      size_t n = 0;
      while (n < 3 && peek(2 + n) >= '0' && peek(2 + n) <= '7') ++n;
      if (n == 3 && peek(2) > '3') n = 2;
      if (n == 0) {
        throw_error(
            ErrorKind::PatternSyntaxException,
            fmt::format("Illegal octal escape sequence near index {}\n{}", cp_index_ + 2, in_));
      }
      std::string digits(in_.substr(pos_ + 2, n));
      skip(2 + n);
      emit(fmt::format("\\o{{{}}}", digits), at);
      return;
    }
    if (e == 'p' || e == 'P') {
      property(in_class, e == 'P');
      return;
    }
    copy_one();
    if (pos_ < in_.size()) copy_one();
  }

  bool all_hex(size_t from, size_t n) const {
    for (size_t i = 0; i < n; ++i)
      if (!std::isxdigit(static_cast<unsigned char>(in_[from + i]))) return false;
    return true;
  }
  uint32_t hex(size_t from, size_t n) const {
    return static_cast<uint32_t>(std::stoul(std::string(in_.substr(from, n)), nullptr, 16));
  }

  // \p{Name}, \P{Name}, \pL.
  void property(bool in_class, bool negated) {
    uint32_t at = cp_index_;
    std::string_view name;
    size_t len;
    if (peek(2) == '{') {
      size_t close = in_.find('}', pos_ + 3);
      if (close == std::string_view::npos) {
        copy_one();  // let PCRE2 report the malformed property
        return;
      }
      name = in_.substr(pos_ + 3, close - pos_ - 3);
      len = close + 1 - pos_;
    } else {
      name = in_.substr(pos_ + 2, pos_ + 2 < in_.size() ? 1 : 0);
      len = 2 + name.size();
    }
    skip(len);
    const char* p = negated ? "P" : "p";
    if (auto it = posix_classes().find(name); it != posix_classes().end()) {
      std::string cls = fmt::format("[:{}{}:]", negated ? "^" : "", it->second);
      emit(in_class ? cls : "[" + cls + "]", at);
      return;
    }
    if (auto it = java_properties().find(name); it != java_properties().end()) {
      emit(fmt::format("\\{}{{{}}}", p, it->second), at);
      return;
    }
    std::string_view pcre = name;
    for (std::string_view prefix : {"Is", "script=", "sc=", "general_category=", "gc="})
      if (pcre.starts_with(prefix) && pcre.size() > prefix.size()) {
        pcre.remove_prefix(prefix.size());
        break;
      }
    emit(fmt::format("\\{}{{{}}}", p, pcre), at);
  }

  // A character class [...] starting at pos_. Java's nested classes are unions; the
  // non-negated ones are flattened into the enclosing class.
  void char_class() {
    copy_one();  // [
    if (peek() == '^') copy_one();
    if (peek() == ']') copy_one();  // a leading ] is a literal
    class_body();
  }

  void class_body() {
    while (pos_ < in_.size()) {
      char c = peek();
      if (c == ']') {
        copy_one();
        return;
      }
      if (c == '\\') {
        escape(true);
      } else if (c == '&' && peek(1) == '&') {
        unsupported("Character class intersection (&&)");
      } else if (c == '[' && peek(1) == ':') {
        copy_one();  // PCRE2 POSIX class; Java reads it as literal characters
      } else if (c == '[') {
        if (peek(1) == '^') unsupported("A negated nested character class");
        skip(1);  // drop the nested [ and its ], keeping the contents
        nested_body();
      } else {
        copy_one();
      }
    }
  }

  // The contents of a nested class and of the classes nested in it, to its ]: a depth
  // count rather than recursion, so any nesting depth runs in constant C++ stack.
  void nested_body() {
    size_t depth = 1;
    while (pos_ < in_.size()) {
      char c = peek();
      if (c == ']') {
        skip(1);
        if (--depth == 0) return;
      } else if (c == '\\') {
        escape(true);
      } else if (c == '&' && peek(1) == '&') {
        unsupported("Character class intersection (&&)");
      } else if (c == '[') {
        if (peek(1) == '^') unsupported("A negated nested character class");
        skip(1);
        ++depth;
      } else {
        copy_one();
      }
    }
  }
};

}  // namespace

std::string translate_java_regex(std::string_view java, std::vector<uint32_t>* src_index) {
  if (src_index) src_index->clear();
  return Translator(java, src_index).run();
}

}  // namespace clove
