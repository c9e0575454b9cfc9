// string.cpp: strings, symbols, keywords and their interning.
#include "runtime/text/string.h"

#include <cstring>

namespace clove {

uint32_t utf8_count(std::string_view s) {
  // The bytes that are not continuation bytes (10xxxxxx), counted eight at a time: a
  // continuation byte has bit 7 set and bit 6 clear, and w << 1 moves each byte's bit 6
  // to its bit 7; the multiply sums the eight 0/1 bytes into the top byte.
  constexpr uint64_t kHigh = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
  const char* p = s.data();
  size_t n = s.size();
  uint64_t cont = 0;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    cont += (((w & ~(w << 1) & kHigh) >> 7) * kOnes) >> 56;
  }
  for (; n; ++p, --n) cont += (static_cast<unsigned char>(*p) & 0xC0) == 0x80;
  return static_cast<uint32_t>(s.size() - cont);
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

namespace {

/// A 64-bit hash of `s` mixed into `h`, eight bytes at a time (names are short).
uint64_t mix_bytes(uint64_t h, std::string_view s) {
  constexpr uint64_t kMul = 0x9E3779B97F4A7C15ull;
  const char* p = s.data();
  size_t n = s.size();
  while (n >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  uint64_t w = 0;
  if (n) std::memcpy(&w, p, n);  // (an empty view's data() may be null)
  h = (h ^ w ^ (uint64_t{s.size()} << 56)) * kMul;
  return h ^ (h >> 32);
}

uint64_t name_hash(std::string_view ns, std::string_view name) {
  return mix_bytes(mix_bytes(0x243F6A8885A308D3ull, ns), name);
}

bool same_name(const Symbol* s, std::string_view ns, bool qualified, std::string_view name) {
  return s->name_view() == name && s->ns_view() == ns && (s->ns != nullptr) == qualified;
}
bool same_name(const Keyword* k, std::string_view ns, bool qualified, std::string_view name) {
  return same_name(k->sym, ns, qualified, name);
}

}  // namespace

template <class T>
T* Interner::find(const Table<T>& t, uint64_t h, std::string_view ns, bool qualified, std::string_view name) const {
  if (t.slots.empty()) return nullptr;
  size_t mask = t.slots.size() - 1;
  for (size_t i = h & mask; t.slots[i].obj; i = (i + 1) & mask)
    if (t.slots[i].hash == h && same_name(t.slots[i].obj, ns, qualified, name)) return t.slots[i].obj;
  return nullptr;
}

template <class T, class Make>
T* Interner::intern(Table<T>& t, std::string_view ns, bool qualified, std::string_view name, Make&& make) {
  uint64_t h = name_hash(ns, name);
  if (T* found = find(t, h, ns, qualified, name)) return found;
  // New: make it first (make may allocate and collect, but the tables are unchanged by
  // that), then insert, growing when 3/4 full.
  T* obj = make();
  if ((t.count + 1) * 4 > t.slots.size() * 3) {
    // The tables are memory of the VM outside the cells: counted in the heap (and
    // against its cap) first, never given back but when they grow again.
    const size_t slot = sizeof(typename Table<T>::Slot);
    const size_t n = t.slots.empty() ? t.initial : t.slots.size() * 2;
    heap_.add_external(n * slot);
    auto old = std::move(t.slots);
    t.slots.assign(n, {});
    heap_.sub_external(old.size() * slot);
    size_t mask = t.slots.size() - 1;
    for (const auto& sl : old) {
      if (!sl.obj) continue;
      size_t i = sl.hash & mask;
      while (t.slots[i].obj) i = (i + 1) & mask;
      t.slots[i] = sl;
    }
  }
  size_t mask = t.slots.size() - 1;
  size_t i = h & mask;
  while (t.slots[i].obj) i = (i + 1) & mask;
  t.slots[i] = {h, obj};
  ++t.count;
  if (frozen_) since_freeze_.push_back(obj);
  return obj;
}

Symbol* Interner::symbol(std::string_view ns, std::string_view name) {
  return intern(symbols_, ns, !ns.empty(), name, [&] {
    // Qualified symbols share their namespace's string: the name of the unqualified
    // symbol spelled like the namespace (interned already for most, as namespace names
    // are), instead of a copy each.
    String* n = ns.empty() ? nullptr : symbol({}, ns)->name;
    String* nm = make_string(heap_, name);
    return heap_.make<Symbol>(n, nm);
  });
}

Symbol* Interner::symbol(std::string_view q) {
  size_t slash = q.find('/');
  if (slash == std::string_view::npos || q == "/" || slash == 0 || slash + 1 == q.size())
    return symbol({}, q);
  return symbol(q.substr(0, slash), q.substr(slash + 1));
}

Keyword* Interner::keyword(std::string_view ns, std::string_view name) {
  return intern(keywords_, ns, !ns.empty(), name, [&] { return heap_.make<Keyword>(symbol(ns, name)); });
}

Symbol* Interner::symbol_empty_ns(std::string_view name) {
  return intern(symbols_, {}, true, name, [&] {
    String* n = make_string(heap_, "");
    String* nm = make_string(heap_, name);
    return heap_.make<Symbol>(n, nm);
  });
}

Keyword* Interner::keyword_empty_ns(std::string_view name) {
  return intern(keywords_, {}, true, name, [&] { return heap_.make<Keyword>(symbol_empty_ns(name)); });
}

Keyword* Interner::find_keyword_empty_ns(std::string_view name) const {
  return find(keywords_, name_hash({}, name), {}, true, name);
}

Keyword* Interner::find_keyword(std::string_view ns, std::string_view name) const {
  return find(keywords_, name_hash(ns, name), ns, !ns.empty(), name);
}

Symbol* Interner::find_symbol(std::string_view ns, std::string_view name) const {
  return find(symbols_, name_hash(ns, name), ns, !ns.empty(), name);
}

Keyword* Interner::keyword(std::string_view q) {
  size_t slash = q.find('/');
  if (slash == std::string_view::npos || q == "/" || slash == 0 || slash + 1 == q.size())
    return keyword({}, q);
  return keyword(q.substr(0, slash), q.substr(slash + 1));
}

void Interner::trace(Tracer& t) {
  if (frozen_) {
    for (Obj* o : since_freeze_) t.mark(o);
    return;
  }
  for (const auto& sl : symbols_.slots)
    if (sl.obj) t.mark(sl.obj);
  for (const auto& sl : keywords_.slots)
    if (sl.obj) t.mark(sl.obj);
}

}  // namespace clove
