// unicode.h: code-point level helpers over UTF-8 text, with Java's character rules.
//
// Strings are UTF-8 (runtime/text/string.h) and Clove indexes them by code point: `count`,
// `subs`, `index-of` and regex match positions all count code points. For text in the
// Basic Multilingual Plane this is exactly Java's UTF-16 indexing; a character outside
// it (an emoji, say) counts as 1 here where Java counts 2 (a surrogate pair).
//
// Classification and case mapping follow java.lang.Character and String.toUpperCase /
// toLowerCase in the root locale, using utf8proc's Unicode tables plus Java's
// special casings (ß -> SS, final sigma, ...) that utf8proc's simple mappings lack.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/text/string.h"

namespace clove::text {

/// Decodes the code point at s[pos] and advances pos past it. A malformed byte decodes
/// as itself (one byte), so scanning always makes progress.
uint32_t decode(std::string_view s, size_t& pos);
/// Appends code point cp as UTF-8.
void append(std::string& out, uint32_t cp);
/// Appends c as UTF-8 when it is a code point (0..0x10FFFF, surrogates included) and
/// nothing otherwise (a negative value such as the reader's end-of-input mark). The
/// reader and the printer write characters with it.
void append_code_point(std::string& out, int32_t c);
/// Number of bytes in the UTF-8 sequence that starts with lead byte b (1 for junk).
inline size_t seq_len(unsigned char b) {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : b < 0xF8 ? 4 : 1;
}

/// Byte offset of code point `index` in s, 0 <= index <= code point count (O(1) for ASCII).
size_t byte_offset(const String* s, int64_t index);
size_t byte_offset(std::string_view s, int64_t index);
/// Code point index of byte offset `off` in s (off on a code point boundary).
int64_t cp_index(std::string_view s, size_t off);
/// The code points of s.
std::u32string decode_all(std::string_view s);

// ---- java.lang.Character ----
bool is_whitespace(uint32_t cp);  // Character.isWhitespace
bool is_letter(uint32_t cp);      // categories Lu Ll Lt Lm Lo
bool is_digit(uint32_t cp);       // category Nd
bool is_upper(uint32_t cp);  // Character.isUpperCase, by category Lu (Other_Uppercase not included)
bool is_lower(uint32_t cp);  // Character.isLowerCase, by category Ll (Other_Lowercase not included)
uint32_t to_upper(uint32_t cp);  // simple mapping, Character.toUpperCase
uint32_t to_lower(uint32_t cp);  // simple mapping, Character.toLowerCase

// ---- java.lang.String ----
/// String.toUpperCase(Locale.ROOT): full mappings (ß -> SS, ligatures split).
std::string upper_case(std::string_view s);
/// String.toLowerCase(Locale.ROOT): İ -> i̇, Σ -> ς at the end of a word.
std::string lower_case(std::string_view s);

}  // namespace clove::text
