// string.cpp: strings, symbols, keywords and their interning.
#include "runtime/string.h"

#include <cstring>

namespace clove {

uint32_t utf8_count(std::string_view s) {
  uint32_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

String* make_string(Heap& h, std::string_view s) {
  String* str = h.make_extra<String>(s.size() + 1, static_cast<uint32_t>(s.size()), utf8_count(s));
  std::memcpy(str->data(), s.data(), s.size());
  str->data()[s.size()] = '\0';
  return str;
}

std::string Symbol::str() const {
  if (!ns) return std::string(name_view());
  std::string out(ns_view());
  out += '/';
  out += name_view();
  return out;
}

static std::string intern_key(std::string_view ns, std::string_view name) {
  std::string k;
  k.reserve(ns.size() + name.size() + 1);
  k += ns;
  k += '\0';
  k += name;
  return k;
}

Symbol* Interner::symbol(std::string_view ns, std::string_view name) {
  std::string key = intern_key(ns, name);
  auto it = symbols_.find(key);
  if (it != symbols_.end()) return it->second;
  String* n = ns.empty() ? nullptr : make_string(heap_, ns);
  String* nm = make_string(heap_, name);
  Symbol* s = heap_.make<Symbol>(n, nm);
  symbols_.emplace(std::move(key), s);
  return s;
}

Symbol* Interner::symbol(std::string_view q) {
  size_t slash = q.find('/');
  if (slash == std::string_view::npos || q == "/" || slash == 0 || slash + 1 == q.size())
    return symbol({}, q);
  return symbol(q.substr(0, slash), q.substr(slash + 1));
}

Keyword* Interner::keyword(std::string_view ns, std::string_view name) {
  std::string key = intern_key(ns, name);
  auto it = keywords_.find(key);
  if (it != keywords_.end()) return it->second;
  Keyword* k = heap_.make<Keyword>(symbol(ns, name));
  keywords_.emplace(std::move(key), k);
  return k;
}

Keyword* Interner::keyword(std::string_view q) {
  size_t slash = q.find('/');
  if (slash == std::string_view::npos || q == "/" || slash == 0 || slash + 1 == q.size())
    return keyword({}, q);
  return keyword(q.substr(0, slash), q.substr(slash + 1));
}

void Interner::trace(Tracer& t) {
  for (auto& [k, s] : symbols_) t.mark(s);
  for (auto& [k, kw] : keywords_) t.mark(kw);
}

}  // namespace clove
