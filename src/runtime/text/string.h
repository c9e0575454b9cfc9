// string.h: strings, symbols and keywords.
//
// String: immutable UTF-8 bytes stored inline after the header. `count`, `nth` and
// `subs` index by code point (SPEC L9); an all-ASCII string (the common case) is
// flagged so those are O(1).
// Symbol: an optional namespace and a name. Symbols without metadata are interned
// per VM (Interner), so the compiler can compare them by pointer; `with-meta` makes a
// fresh, uninterned copy, and `=` compares by namespace and name.
// Keyword: always interned; `identical?` works as in Clojure.
#pragma once
#include <string>
#include <string_view>
#include <vector>
#include <unordered_map>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

struct String : Obj {
  static constexpr ObjType kType = ObjType::String;
  uint32_t nbytes;
  uint32_t ncodepoints;
  String(uint32_t nb, uint32_t ncp) : Obj(kType), nbytes(nb), ncodepoints(ncp) {}
  char* data() { return reinterpret_cast<char*>(this + 1); }
  const char* data() const { return reinterpret_cast<const char*>(this + 1); }
  std::string_view view() const { return {data(), nbytes}; }
  bool is_ascii() const { return nbytes == ncodepoints; }
  void trace(Tracer&) {}
  size_t byte_size() const { return sizeof(String) + nbytes + 1; }
};

/// Allocates a string holding a copy of `s` (must be valid UTF-8; not checked here).
String* make_string(Heap& h, std::string_view s);
inline Value string_value(Heap& h, std::string_view s) { return Value::object(make_string(h, s)); }
/// Number of code points in valid UTF-8 text.
uint32_t utf8_count(std::string_view s);

struct Symbol : Obj {
  static constexpr ObjType kType = ObjType::Symbol;
  String* ns;    // nullptr when unqualified
  String* name;
  Value meta;    // nil or a map
  Symbol(String* n, String* nm) : Obj(kType), ns(n), name(nm) {}
  std::string_view ns_view() const { return ns ? ns->view() : std::string_view{}; }
  std::string_view name_view() const { return name->view(); }
  std::string str() const;  // "ns/name" or "name"
  void trace(Tracer& t) {
    t.mark(ns);
    t.mark(name);
    t.mark(meta);
  }
};

struct Keyword : Obj {
  static constexpr ObjType kType = ObjType::Keyword;
  Symbol* sym;  // the keyword's namespace and name
  /// The pair index where this keyword was last found in an array map, tried first by
  /// array_map_keyword_index (runtime/coll/array_map.h): maps built by the same code
  /// keep their keys in the same order, so `(:x body)` finds :x where it found it last
  /// (a prediction like LuaJIT's HREFK, which predicts a constant key's hash slot).
  /// A cache only: never marshalled, any value is safe.
  uint32_t slot_hint = 0;
  explicit Keyword(Symbol* s) : Obj(kType), sym(s) {}
  std::string str() const { return ":" + sym->str(); }
  void trace(Tracer& t) { t.mark(sym); }
};

/// Per-VM tables of interned symbols and keywords (held strongly; a RootProvider part).
///
/// Open-addressing tables (linear probing, never deleted from) keyed by a hash of the
/// namespace and name, compared against the interned object's own strings: a lookup
/// builds no key string. The analyzer canonicalises every symbol it sees through
/// symbol(), so this lookup is on the start-up path thousands of times.
class Interner {
 public:
  explicit Interner(Heap& h)
      : heap_(h), symbols_(h, 2048), keywords_(h, 128) {}
  Symbol* symbol(std::string_view ns, std::string_view name);
  /// Parses "ns/name" or "name" ("/" alone is the division symbol).
  Symbol* symbol(std::string_view qualified);
  Keyword* keyword(std::string_view ns, std::string_view name);
  Keyword* keyword(std::string_view qualified);
  /// The symbol and keyword whose namespace is the empty string, `/name` ((symbol "" "a"),
  /// (keyword "" "a") print `/a` and `:/a`): distinct from the unqualified ones, as on
  /// the JVM, where the namespace is "" rather than null.
  Symbol* symbol_empty_ns(std::string_view name);
  Keyword* keyword_empty_ns(std::string_view name);
  /// find_keyword of the keyword whose namespace is the empty string.
  Keyword* find_keyword_empty_ns(std::string_view name) const;
  /// The keyword ns/name if it has been interned, else nullptr (Clojure's find-keyword).
  Keyword* find_keyword(std::string_view ns, std::string_view name) const;
  /// The symbol ns/name (ns empty: unqualified) if it has been interned, else nullptr.
  Symbol* find_symbol(std::string_view ns, std::string_view name) const;
  /// The interned symbol with s's namespace and name: s itself unless s was made by
  /// with-meta. Answered from a small cache of interned symbols first.
  Symbol* canonical(Symbol* s) {
    size_t i = (reinterpret_cast<uintptr_t>(s) >> 4) & (kRecent - 1);
    if (recent_[i] == s) return s;
    Symbol* c = s->ns && s->ns_view().empty() ? symbol_empty_ns(s->name_view()) : symbol(s->ns_view(), s->name_view());
    recent_[(reinterpret_cast<uintptr_t>(c) >> 4) & (kRecent - 1)] = c;
    return c;
  }
  /// Calls f(Keyword*) for every interned keyword, in no particular order (completion).
  template <class F>
  void each_keyword(F&& f) const {
    for (const auto& slot : keywords_.slots)
      if (slot.obj) f(slot.obj);
  }
  void trace(Tracer& t);
  /// Called once every object interned so far is frozen (Heap::freeze): from then on
  /// trace() marks only what is interned later, instead of walking both tables at every
  /// collection (frozen objects are never marked again).
  void freeze() {
    frozen_ = true;
    since_freeze_.clear();
  }

 private:
  /// One table: slots of {hash, object}, a power of two in size, at most 3/4 full.
  template <class T>
  struct Table {
    struct Slot {
      uint64_t hash = 0;
      T* obj = nullptr;
    };
    Table(Heap& h, size_t first) : slots(TableAllocator<Slot>(&h)), initial(first) {}
    std::vector<Slot, TableAllocator<Slot>> slots;  // a pool page when big (Heap::alloc_table)
    size_t count = 0;
    size_t initial;  // slots at the first insertion (a power of two)
  };
  // `qualified`: the object has a namespace, the empty string when ns is empty.
  template <class T, class Make>
  T* intern(Table<T>& t, std::string_view ns, bool qualified, std::string_view name, Make&& make);
  template <class T>
  T* find(const Table<T>& t, uint64_t hash, std::string_view ns, bool qualified, std::string_view name) const;

  Heap& heap_;
  bool frozen_ = false;
  std::vector<Obj*> since_freeze_;  // interned after freeze(): what trace() marks
  // First sizes (the constructor): the core library interns about 1,200 symbols (2,048
  // slots hold 1,536 without growing, where growing from 1,024 touched 16 KiB more) and
  // a few dozen keywords.
  Table<Symbol> symbols_;
  Table<Keyword> keywords_;
  // Direct-mapped by address, holding only interned symbols. Interned symbols are never
  // freed, so a hit (an entry equal to the symbol asked about) proves it is interned
  // even if the cell of some other, freed symbol was reused.
  static constexpr size_t kRecent = 1024;
  Symbol* recent_[kRecent] = {};
};

}  // namespace clove
