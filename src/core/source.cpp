// source.cpp: SourceRegistry and the diagnostic renderer.
#include "core/source.h"

#include <fmt/format.h>

namespace clove {

SourceRegistry::SourceRegistry() { add("<unknown>", ""); }

uint32_t SourceRegistry::add(std::string name, std::string text) {
  Entry& e = entries_.emplace_back();
  e.name = std::move(name);
  e.owned = std::move(text);
  e.text = e.owned;  // the deque never moves its elements, so the view stays valid
  return static_cast<uint32_t>(entries_.size() - 1);
}

uint32_t SourceRegistry::add_static(std::string name, std::string_view text) {
  Entry& e = entries_.emplace_back();
  e.name = std::move(name);
  e.text = text;
  e.is_static = true;
  return static_cast<uint32_t>(entries_.size() - 1);
}

const std::string& SourceRegistry::name(uint32_t id) const {
  return entries_[id < entries_.size() ? id : 0].name;
}
uint32_t SourceRegistry::find(const std::string& name) const {
  for (size_t i = entries_.size(); i-- > 1;)
    if (entries_[i].name == name) return static_cast<uint32_t>(i);
  return 0;
}
std::string_view SourceRegistry::text(uint32_t id) const {
  return entries_[id < entries_.size() ? id : 0].text;
}

std::string SourceRegistry::line_text(uint32_t id, uint32_t line) const {
  std::string_view t = text(id);
  size_t pos = 0;
  for (uint32_t l = 1; l < line; ++l) {
    pos = t.find('\n', pos);
    if (pos == std::string::npos) return "";
    ++pos;
  }
  if (pos > t.size()) return "";
  size_t end = t.find('\n', pos);
  return std::string(t.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
}

std::string SourceRegistry::format(SourcePos p) const {
  if (!p.known()) return "<unknown>";
  return fmt::format("{}:{}:{}", name(p.file), p.line, p.col);
}

std::string SourceRegistry::snippet(SourcePos p) const {
  if (!p.known()) return "";
  std::string line = line_text(p.file, p.line);
  if (line.empty()) return "";
  if (line.back() == '\r') line.pop_back();  // CRLF line ends
  // Control characters (a NUL byte, an ESC starting a terminal escape sequence) are
  // shown as '?', one column each like the code point they stand for.
  std::string shown;
  shown.reserve(line.size());
  for (size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c < 0x20 && c != '\t') || c == 0x7F) {
      shown += '?';
    } else if (c == 0xC2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(line[i + 1]) <= 0x9F) {
      shown += '?';  // U+0080..U+009F
      ++i;
    } else {
      shown += static_cast<char>(c);
    }
  }
  line = std::move(shown);
  std::string gutter = fmt::format("{:>5} | ", p.line);
  // The caret goes under code point p.col; count bytes up to it, keeping tabs.
  std::string pad;
  uint32_t cp = 1;
  for (size_t i = 0; i < line.size() && cp < p.col; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    pad += (c == '\t') ? '\t' : ' ';
    ++cp;
  }
  return fmt::format("{}{}\n{:>5} | {}^", gutter, line, "", pad);
}

const char* diag_kind_name(DiagKind k) {
  static const char* names[] = {
#define CLOVE_X(k) #k,
      CLOVE_DIAG_KINDS(CLOVE_X)
#undef CLOVE_X
  };
  return names[static_cast<int>(k)];
}

std::string render_diagnostic(const Diagnostic& d, const SourceRegistry& src) {
  std::string out = fmt::format("{} at ({}).\n{}", d.is_reader() ? "Syntax error reading source" : "Syntax error compiling",
                                src.format(d.pos), d.what());
  std::string snip = src.snippet(d.pos);
  if (!snip.empty()) out += "\n" + snip;
  // Nested macros often expand at the same call site (defn -> fn -> fn*): list each site once.
  SourcePos last{};
  for (const SourcePos& p : d.expansion) {
    if (p == last) continue;
    out += fmt::format("\n  in macro expansion at {}", src.format(p));
    last = p;
  }
  return out;
}

}  // namespace clove
