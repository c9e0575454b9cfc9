// unicode.cpp: UTF-8 decoding, code point indexing, and Java's character rules
// (classification from utf8proc's tables; String case mapping with Java's special cases).
#include "runtime/text/unicode.h"

#include <utf8proc.h>

namespace clove::text {

uint32_t decode(std::string_view s, size_t& pos) {
  auto b0 = static_cast<unsigned char>(s[pos]);
  size_t n = seq_len(b0);
  if (n == 1 || pos + n > s.size()) {
    ++pos;
    return b0;
  }
  uint32_t cp = b0 & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3F);
  pos += n;
  return cp;
}

void append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void append_code_point(std::string& out, int32_t c) {
  if (c >= 0 && c <= 0x10FFFF) append(out, static_cast<uint32_t>(c));
}

size_t byte_offset(std::string_view s, int64_t index) {
  size_t pos = 0;
  for (int64_t i = 0; i < index && pos < s.size(); ++i)
    pos += seq_len(static_cast<unsigned char>(s[pos]));
  return pos < s.size() ? pos : s.size();
}

size_t byte_offset(const String* s, int64_t index) {
  if (s->is_ascii()) return static_cast<size_t>(index);
  return byte_offset(s->view(), index);
}

int64_t cp_index(std::string_view s, size_t off) {
  int64_t n = 0;
  for (size_t pos = 0; pos < off && pos < s.size(); ++n)
    pos += seq_len(static_cast<unsigned char>(s[pos]));
  return n;
}

std::u32string decode_all(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) out += static_cast<char32_t>(decode(s, pos));
  return out;
}

namespace {
utf8proc_category_t category(uint32_t cp) {
  if (cp > 0x10FFFF) return UTF8PROC_CATEGORY_CN;
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp));
}
}  // namespace

bool is_whitespace(uint32_t cp) {
  if ((cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F)) return true;
  if (cp == 0xA0 || cp == 0x2007 || cp == 0x202F) return false;  // non-breaking spaces
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

bool is_letter(uint32_t cp) {
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LL || c == UTF8PROC_CATEGORY_LT ||
         c == UTF8PROC_CATEGORY_LM || c == UTF8PROC_CATEGORY_LO;
}
bool is_digit(uint32_t cp) { return category(cp) == UTF8PROC_CATEGORY_ND; }
bool is_upper(uint32_t cp) { return category(cp) == UTF8PROC_CATEGORY_LU; }
bool is_lower(uint32_t cp) { return category(cp) == UTF8PROC_CATEGORY_LL; }

uint32_t to_upper(uint32_t cp) {
  if (cp > 0x10FFFF) return cp;
  return static_cast<uint32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
}
uint32_t to_lower(uint32_t cp) {
  if (cp > 0x10FFFF) return cp;
  return static_cast<uint32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

std::string upper_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t pos = 0; pos < s.size();) {
    if (auto c = static_cast<unsigned char>(s[pos]); c < 0x80) {  // ASCII, the common case
      out.push_back(static_cast<char>(c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c));
      ++pos;
      continue;
    }
    uint32_t cp = decode(s, pos);
    // Unicode SpecialCasing.txt's unconditional mappings that Java applies (the common ones).
    switch (cp) {
      case 0x00DF:
        out += "SS";
        continue;  // ß
      case 0x0149:
        out += "\xCA\xBCN";
        continue;  // ŉ -> ʼN
      case 0xFB00:
        out += "FF";
        continue;
      case 0xFB01:
        out += "FI";
        continue;
      case 0xFB02:
        out += "FL";
        continue;
      case 0xFB03:
        out += "FFI";
        continue;
      case 0xFB04:
        out += "FFL";
        continue;
      case 0xFB05:
      case 0xFB06:
        out += "ST";
        continue;
      default:
        append(out, to_upper(cp));
    }
  }
  return out;
}

std::string lower_case(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  uint32_t prev = 0;
  for (size_t pos = 0; pos < s.size();) {
    if (auto c = static_cast<unsigned char>(s[pos]); c < 0x80) {  // ASCII, the common case
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c));
      prev = c;
      ++pos;
      continue;
    }
    uint32_t cp = decode(s, pos);
    if (cp == 0x0130) {  // İ -> i + combining dot above
      out += "i\xCC\x87";
    } else if (cp == 0x03A3) {  // Σ: final sigma after a letter when no letter follows
      size_t look = pos;
      bool next_letter = look < s.size() && is_letter(decode(s, look));
      append(out, is_letter(prev) && !next_letter ? 0x03C2 : 0x03C3);
    } else {
      append(out, to_lower(cp));
    }
    prev = cp;
  }
  return out;
}

}  // namespace clove::text
