// regex.cpp: Regex and Matcher objects on PCRE2 (compile, Java-style syntax errors,
// find/match, Java's replacement strings and Pattern.split).
#define PCRE2_CODE_UNIT_WIDTH 8
#include "runtime/text/regex.h"

#include <memory>

#include <fmt/format.h>
#include <pcre2.h>

#include "core/error.h"
#include "core/type_table.h"
#include "runtime/text/unicode.h"

namespace clove {

Regex::~Regex() { pcre2_code_free(code); }

namespace {

// Java's description of the common syntax errors (PatternSyntaxException's text), and
// the index Java reports, from PCRE2's error code and offset (already a code point index).
struct JavaSyntaxError {
  std::string description;
  int64_t index;
};

JavaSyntaxError java_error(int code, int64_t index, std::string_view pattern,
                           const std::string& pcre_msg) {
  auto len = static_cast<int64_t>(utf8_count(pattern));
  auto char_at = [&](int64_t i) -> uint32_t {
    if (i < 0 || i >= len) return 0;
    size_t off = text::byte_offset(pattern, i);
    return text::decode(pattern, off);
  };
  switch (code) {
    case PCRE2_ERROR_MISSING_CLOSING_PARENTHESIS:
      return {"Unclosed group", len};
    case PCRE2_ERROR_UNMATCHED_CLOSING_PARENTHESIS:
      return {"Unmatched closing ')'", index > 0 ? index - 1 : 0};
    case PCRE2_ERROR_MISSING_SQUARE_BRACKET:
      return {"Unclosed character class", len > 0 ? len - 1 : 0};
    case PCRE2_ERROR_END_BACKSLASH:
      return {"Unexpected internal error", len};
    case PCRE2_ERROR_CLASS_RANGE_ORDER:
      return {"Illegal character range", index};
    case PCRE2_ERROR_QUANTIFIER_OUT_OF_ORDER:
      return {"Illegal repetition range", index};
    case PCRE2_ERROR_UNKNOWN_ESCAPE:
      return {"Illegal/unsupported escape sequence", index};
    case PCRE2_ERROR_QUANTIFIER_INVALID: {
      int64_t at = index > 0 && index <= len ? index - 1 : index;
      std::string q;
      text::append(q, char_at(at));
      return {fmt::format("Dangling meta character '{}'", q), at};
    }
    case PCRE2_ERROR_DUPLICATE_SUBPATTERN_NAME: {
      size_t off = text::byte_offset(pattern, index);
      size_t open = pattern.rfind('<', off == 0 ? 0 : off - 1);
      size_t close = pattern.find('>', open == std::string_view::npos ? 0 : open);
      std::string name = open != std::string_view::npos && close != std::string_view::npos
                             ? std::string(pattern.substr(open + 1, close - open - 1))
                             : "";
      int64_t after = close != std::string_view::npos ? text::cp_index(pattern, close)
                                                      : index;  // Java points at the >
      return {fmt::format("Named capturing group <{}> is already defined", name), after};
    }
    default: {
      std::string d = pcre_msg;
      if (!d.empty()) d[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(d[0])));
      return {d, index};
    }
  }
}

[[noreturn]] void throw_syntax(const JavaSyntaxError& e, std::string_view pattern) {
  std::string msg = fmt::format("{} near index {}\n{}", e.description, e.index, pattern);
  if (e.index >= 0 && e.index < static_cast<int64_t>(utf8_count(pattern))) {
    msg += '\n';
    msg.append(static_cast<size_t>(e.index), ' ');
    msg += '^';
  }
  throw_error(ErrorKind::PatternSyntaxException, msg);
}

struct MatchDataFree {
  void operator()(pcre2_match_data* d) const { pcre2_match_data_free(d); }
};

// Match data reused across calls on this thread (grown to the largest group count seen).
pcre2_match_data* scratch_match_data(uint32_t pairs) {
  thread_local std::unique_ptr<pcre2_match_data, MatchDataFree> data;
  thread_local uint32_t capacity = 0;
  if (!data || capacity < pairs) {
    capacity = std::max<uint32_t>(pairs, 16);
    data.reset(pcre2_match_data_create(capacity, nullptr));
    if (!data) throw std::bad_alloc();
  }
  return data.get();
}

// The match context every match runs with: PCRE2's limits on one pcre2_match call, so
// that a pattern that backtracks catastrophically ((a|aa)*b, (x+x+)+y) or nests a
// backtracking point per character ((a|b)*c over megabytes) fails with an error
// instead of running for hours or growing the heap by gigabytes (PCRE2's own
// defaults allow 20 GB). Java has no such limits: it runs on (backtracking) or
// throws StackOverflowError (nesting), at far smaller inputs than these.
pcre2_match_context* limited_match_context() {
  static pcre2_match_context* const ctx = [] {
    pcre2_match_context* c = pcre2_match_context_create(nullptr);
    if (!c) throw std::bad_alloc();
    pcre2_set_match_limit(c, kRegexMatchLimit);
    pcre2_set_depth_limit(c, kRegexDepthLimit);
    pcre2_set_heap_limit(c, kRegexHeapLimitKiB);
    return c;
  }();
  return ctx;
}

/// The pattern as an error message quotes it: #"...", cut after 80 code points.
std::string quoted_pattern(const Regex* re) {
  std::string_view p = re->source->view();
  constexpr size_t kShown = 80;
  if (utf8_count(p) <= kShown) return fmt::format("#\"{}\"", p);
  return fmt::format("#\"{}...\"", p.substr(0, text::byte_offset(p, kShown)));
}

[[noreturn]] void throw_match_error(const Regex* re, int rc) {
  switch (rc) {
    case PCRE2_ERROR_MATCHLIMIT:
      throw_error(ErrorKind::RuntimeException,
                  fmt::format("Regex match limit exceeded: more than {} backtracking steps matching {}",
                              kRegexMatchLimit, quoted_pattern(re)));
    case PCRE2_ERROR_DEPTHLIMIT:
      throw_error(ErrorKind::RuntimeException,
                  fmt::format("Regex depth limit exceeded: more than {} nested backtracking points matching {}",
                              kRegexDepthLimit, quoted_pattern(re)));
    case PCRE2_ERROR_HEAPLIMIT:
      throw_error(ErrorKind::RuntimeException,
                  fmt::format("Regex heap limit exceeded: more than {} MiB of backtracking memory matching {}",
                              kRegexHeapLimitKiB / 1024, quoted_pattern(re)));
    case PCRE2_ERROR_NOMEMORY:
      throw_error(ErrorKind::RuntimeException,
                  fmt::format("Regex match out of memory matching {}", quoted_pattern(re)));
    default: {
      PCRE2_UCHAR buf[256];
      pcre2_get_error_message(rc, buf, sizeof buf);
      throw_error(ErrorKind::IllegalArgumentException,
                  fmt::format("Regex match failed: {}", reinterpret_cast<const char*>(buf)));
    }
  }
}

bool run_match(const Regex* re, std::string_view subject, size_t from, uint32_t options, Match& m) {
  if (from > subject.size()) return false;
  pcre2_match_data* md = scratch_match_data(re->ngroups + 1);
  // The subject's UTF-8 is checked on the first search of a scan (from 0); later
  // searches of the same subject skip the check, keeping a scan linear.
  if (from > 0) options |= PCRE2_NO_UTF_CHECK;
  int rc = pcre2_match(re->code, reinterpret_cast<PCRE2_SPTR>(subject.data()), subject.size(), from,
                       options, md, limited_match_context());
  if (rc == PCRE2_ERROR_NOMATCH) return false;
  if (rc < 0) throw_match_error(re, rc);
  PCRE2_SIZE* ov = pcre2_get_ovector_pointer(md);
  m.start.assign(re->ngroups + 1, Match::npos);
  m.end.assign(re->ngroups + 1, Match::npos);
  for (uint32_t g = 0; g <= re->ngroups && g < static_cast<uint32_t>(rc); ++g) {
    if (ov[2 * g] == PCRE2_UNSET) continue;
    m.start[g] = ov[2 * g];
    m.end[g] = ov[2 * g + 1];
  }
  return true;
}

}  // namespace

Regex* make_regex(Heap& h, String* source) {
  std::string_view java = source->view();
  std::vector<uint32_t> src_index;
  std::string pattern = translate_java_regex(java, &src_index);
  pcre2_compile_context* ctx = pcre2_compile_context_create(nullptr);
  pcre2_set_newline(ctx, PCRE2_NEWLINE_ANYCRLF);
  int err = 0;
  PCRE2_SIZE err_off = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   PCRE2_UTF, &err, &err_off, ctx);
  pcre2_compile_context_free(ctx);
  if (!code) {
    PCRE2_UCHAR buf[256];
    pcre2_get_error_message(err, buf, sizeof buf);
    int64_t idx = err_off < src_index.size() ? src_index[err_off] : utf8_count(java);
    throw_syntax(java_error(err, idx, java, reinterpret_cast<const char*>(buf)), java);
  }
  uint32_t ngroups = 0;
  size_t bytes = 0;
  pcre2_pattern_info(code, PCRE2_INFO_CAPTURECOUNT, &ngroups);
  pcre2_pattern_info(code, PCRE2_INFO_SIZE, &bytes);
  return h.make<Regex>(source, code, ngroups, bytes);
}

bool regex_find(const Regex* re, std::string_view subject, size_t from, Match& m) {
  return run_match(re, subject, from, 0, m);
}

bool regex_match_whole(const Regex* re, std::string_view subject, Match& m) {
  return run_match(re, subject, 0, PCRE2_ANCHORED | PCRE2_ENDANCHORED, m);
}

size_t regex_next_start(std::string_view subject, const Match& m) {
  size_t end = m.end[0];
  if (end != m.start[0]) return end;
  return end < subject.size() ? end + text::seq_len(static_cast<unsigned char>(subject[end]))
                              : end + 1;
}

int regex_group_number(const Regex* re, std::string_view name) {
  std::string n(name);
  int rc = pcre2_substring_number_from_name(re->code, reinterpret_cast<PCRE2_SPTR>(n.c_str()));
  return rc < 0 ? -1 : rc;
}

void append_replacement(std::string& out, const Regex* re, std::string_view subject, const Match& m,
                        std::string_view rep) {
  auto put_group = [&](uint32_t g) {
    if (m.matched(g)) out += m.group(subject, g);
  };
  for (size_t i = 0; i < rep.size();) {
    char c = rep[i];
    if (c == '\\') {
      if (i + 1 >= rep.size())
        throw_error(ErrorKind::IllegalArgumentException, "character to be escaped is missing");
      size_t j = i + 1;
      text::decode(rep, j);
      out += rep.substr(i + 1, j - i - 1);
      i = j;
    } else if (c == '$') {
      if (i + 1 >= rep.size())
        throw_error(ErrorKind::IllegalArgumentException,
                    "Illegal group reference: group index is missing");
      if (rep[i + 1] == '{') {
        size_t close = rep.find('}', i + 2);
        if (close == std::string_view::npos)
          throw_error(ErrorKind::IllegalArgumentException,
                      "named capturing group is missing trailing '}'");
        std::string_view name = rep.substr(i + 2, close - i - 2);
        if (name.empty())
          throw_error(ErrorKind::IllegalArgumentException,
                      "named capturing group has 0 length name");
        int g = regex_group_number(re, name);
        if (g < 0)
          throw_error(ErrorKind::IllegalArgumentException,
                      fmt::format("No group with name {{{}}}", name));
        put_group(static_cast<uint32_t>(g));
        i = close + 1;
      } else {
        char d = rep[i + 1];
        if (d < '0' || d > '9')
          throw_error(ErrorKind::IllegalArgumentException, "Illegal group reference");
        // Java takes further digits while the number still names an existing group.
        uint32_t g = static_cast<uint32_t>(d - '0');
        size_t j = i + 2;
        while (j < rep.size() && rep[j] >= '0' && rep[j] <= '9') {
          uint32_t longer = g * 10 + static_cast<uint32_t>(rep[j] - '0');
          if (longer > re->ngroups) break;
          g = longer;
          ++j;
        }
        if (g > re->ngroups)
          throw_error(ErrorKind::IndexOutOfBoundsException, fmt::format("No group {}", g));
        put_group(g);
        i = j;
      }
    } else {
      out += c;
      ++i;
    }
  }
}

std::string quote_replacement(std::string_view s) {
  if (s.find_first_of("\\$") == std::string_view::npos) return std::string(s);
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '$') out += '\\';
    out += c;
  }
  return out;
}

std::vector<std::string_view> regex_split(const Regex* re, std::string_view subject,
                                          int64_t limit) {
  // Transcribed from the behaviour of java.util.regex.Pattern.split (JDK 8+).
  std::vector<std::string_view> pieces;
  bool limited = limit > 0;
  size_t index = 0;
  bool any = false;
  Match m;
  for (size_t from = 0; from <= subject.size() && regex_find(re, subject, from, m);
       from = regex_next_start(subject, m)) {
    any = true;
    if (!limited || static_cast<int64_t>(pieces.size()) < limit - 1) {
      if (index == 0 && m.start[0] == 0 && m.end[0] == 0) continue;  // no leading empty piece
      pieces.push_back(subject.substr(index, m.start[0] - index));
      index = m.end[0];
    } else if (static_cast<int64_t>(pieces.size()) == limit - 1) {
      pieces.push_back(subject.substr(index));
      index = m.end[0];
      break;
    }
  }
  if (!any || index == 0) return {subject};
  if (!limited || static_cast<int64_t>(pieces.size()) < limit)
    pieces.push_back(subject.substr(index));
  if (limit == 0)
    while (!pieces.empty() && pieces.back().empty()) pieces.pop_back();
  return pieces;
}

void register_text_types(TypeInfo* table) {
  register_type<Regex>(table);
  register_type<Matcher>(table);
}

}  // namespace clove
