// regex.h: compiled regular expressions (java.util.regex.Pattern) and matchers, on PCRE2.
//
// Patterns are written in Java's syntax, the one Clojure programs use. Most of it is
// PCRE2's syntax too; translate_java_regex rewrites the parts that differ before PCRE2
// compiles the pattern in UTF mode:
//   \uXXXX (and surrogate pairs)  -> \x{...}
//   \0ooo octal                   -> \o{ooo}
//   \p{Lower} ... (POSIX, ASCII)  -> [[:lower:]] ...; \p{IsLatin} -> \p{Latin};
//   \p{javaLowerCase} -> \p{Ll}; \p{IsAlphabetic} -> \p{L}; \p{gc=Lu}, \p{sc=Greek}
//   (?u) (?d) flags               -> dropped (no PCRE2 equivalent; (?U) turns on (*UCP))
//   [a-d[m-p]] class union        -> [a-dm-p]
// Not supported (an IllegalArgumentException naming the construct, never a silent
// mismatch): class intersection `&&` and negated nested classes `[a[^b]]`.
// As in Java, \d \w \s \b are ASCII-only unless (?U) is given; `.`, `^`, `$` treat
// \n, \r and \r\n as line terminators.
//
// Positions in Match are byte offsets into the UTF-8 subject; callers convert to code
// point indices (runtime/text/unicode.h) where the language exposes them.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gc/heap.h"
#include "core/object.h"
#include "runtime/text/string.h"

struct pcre2_real_code_8;

namespace clove {

struct Regex : Obj {
  static constexpr ObjType kType = ObjType::Regex;
  String* source;           // the pattern as written; what str and pr show
  pcre2_real_code_8* code;  // owned, freed by the destructor
  uint32_t ngroups;         // capturing groups (not counting group 0)
  size_t code_bytes;        // PCRE2's size of the compiled pattern, for GC pacing
  Regex(String* src, pcre2_real_code_8* c, uint32_t n, size_t bytes)
      : Obj(kType), source(src), code(c), ngroups(n), code_bytes(bytes) {}
  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;
  void trace(Tracer& t) { t.mark(source); }
  size_t byte_size() const { return sizeof(Regex) + code_bytes; }
};

/// The result of one match: byte offsets [start[g], end[g]) of group g (0 = whole
/// match); npos in both for a group that did not participate.
struct Match {
  static constexpr size_t npos = static_cast<size_t>(-1);
  std::vector<size_t> start, end;
  bool matched(uint32_t g) const { return g < start.size() && start[g] != npos; }
  std::string_view group(std::string_view subject, uint32_t g) const {
    return subject.substr(start[g], end[g] - start[g]);
  }
};

/// java.util.regex.Matcher: a regex walking over one subject (re-matcher, re-find).
struct Matcher : Obj {
  static constexpr ObjType kType = ObjType::Matcher;
  Regex* regex;
  String* subject;
  size_t next = 0;         // byte offset where the next find starts
  bool has_match = false;  // whether `last` holds a match (re-groups needs one)
  bool exhausted = false;  // a find failed; later finds fail too
  Match last;
  Matcher(Regex* r, String* s) : Obj(kType), regex(r), subject(s) {}
  void trace(Tracer& t) {
    t.mark(regex);
    t.mark(subject);
  }
  size_t byte_size() const { return sizeof(Matcher) + last.start.capacity() * 2 * sizeof(size_t); }
};

/// Rewrites a Java-syntax pattern into PCRE2 syntax (see the list at the top of this
/// file). `src_index`, if given, receives for each output byte (plus one past the end)
/// the code point index in `java` it came from, to report errors at Java's positions.
/// Throws IllegalArgumentException for the unsupported constructs.
std::string translate_java_regex(std::string_view java, std::vector<uint32_t>* src_index = nullptr);

/// Compiles a Java-syntax pattern. A syntax error throws PatternSyntaxException with
/// Java's message layout: "Unclosed group near index 1\n(" (description, index in
/// code points, the pattern, and a caret line when the index is inside it).
Regex* make_regex(Heap& h, String* source);

/// Limits on one match (one find, or matching a whole subject), past which it throws a
/// RuntimeException naming the limit ("Regex match limit exceeded: ..."), so that a
/// catastrophically backtracking pattern cannot hang the program or exhaust memory.
/// Steps: PCRE2's match limit (its default, about a second of backtracking).
inline constexpr uint32_t kRegexMatchLimit = 10'000'000;
/// Backtracking points open at once (PCRE2's depth limit): (a|b)* keeps two per
/// repetition, so this bounds such a group to half a million repetitions (Java's
/// recursive matcher overflows its stack after some thousands).
inline constexpr uint32_t kRegexDepthLimit = 1'000'000;
/// Memory for backtracking (PCRE2's heap limit, in KiB): 256 MiB.
inline constexpr uint32_t kRegexHeapLimitKiB = 256 * 1024;

/// Finds the first match in subject at or after byte offset `from`. False if none.
/// Throws RuntimeException when the match exceeds one of the limits above.
bool regex_find(const Regex* re, std::string_view subject, size_t from, Match& m);
/// Matches the whole subject (Matcher.matches). False if it does not match. Throws as
/// regex_find.
bool regex_match_whole(const Regex* re, std::string_view subject, Match& m);
/// Where the next find starts after match m (Java: its end, or one code point further
/// when it was empty, so finds always make progress).
size_t regex_next_start(std::string_view subject, const Match& m);
/// Group number of a named group, or -1.
int regex_group_number(const Regex* re, std::string_view name);

/// Appends Java's Matcher.appendReplacement expansion of `replacement` for m: $n and
/// ${name} insert groups (nothing for an unmatched group), \x inserts x literally.
/// Errors as Java: IllegalArgumentException "Illegal group reference", "character to be
/// escaped is missing", "No group with name {x}"; IndexOutOfBoundsException "No group n".
void append_replacement(std::string& out, const Regex* re, std::string_view subject, const Match& m,
                        std::string_view replacement);
/// Matcher.quoteReplacement: backslash-escapes '\' and '$'.
std::string quote_replacement(std::string_view s);

/// Pattern.split(subject, limit): the pieces between matches; limit > 0 caps the count
/// (the last piece holds the rest), limit == 0 also drops trailing empty pieces,
/// limit < 0 keeps them. A zero-width match at the start yields no leading empty piece.
std::vector<std::string_view> regex_split(const Regex* re, std::string_view subject, int64_t limit);

/// Registers Regex and Matcher with the type table (see type_table.h).
void register_text_types(TypeInfo* table);

}  // namespace clove
