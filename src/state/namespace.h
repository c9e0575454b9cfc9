// namespace.h: vars and namespaces (Clojure's clojure.lang.Var and Namespace).
//
// A Var is a named, mutable root cell; compiled code holds the Var object in its
// constant pool and reads it with GETVAR, so redefining a var is seen by every caller.
// A dynamic var's value is looked up in the current fiber's binding stack first.
// A Namespace maps interned symbols to vars (its own interns and referred vars) and
// to aliased namespaces.
#pragma once
#include <unordered_map>
#include <unordered_set>

#include "gc/heap.h"
#include "core/object.h"
#include "core/ptr_map.h"
#include "runtime/text/string.h"

namespace clove {

struct Namespace;

struct DeferredSource;

struct Var : Obj {
  static constexpr ObjType kType = ObjType::Var;
  Namespace* ns;
  Symbol* sym;  // unqualified name
  Value root;
  Value meta;   // nil or a map; read it with var_meta (state.h), write it with set_meta
  /// Non-null while the metadata is still in the core image (deferred: meta is nil
  /// until var_meta reads section meta_section of it).
  DeferredSource* meta_source = nullptr;
  uint32_t meta_section = 0;
  bool bound = false;
  uint32_t thread_bound = 0;  // active `binding` frames for this var, across fibers
  Var(Namespace* n, Symbol* s) : Obj(kType), ns(n), sym(s) {}
  bool is_macro() const { return flags & kFlagMacro; }
  bool is_dynamic() const { return flags & kFlagDynamic; }
  /// Replaces the metadata (a deferred one too). The caller runs the heap's barrier.
  void set_meta(Value m) {
    meta = m;
    meta_source = nullptr;
  }
  bool is_private() const { return flags & kFlagPrivate; }
  void trace(Tracer& t);
};

struct Namespace : Obj {
  static constexpr ObjType kType = ObjType::Namespace;
  Symbol* name;
  using Mappings = PtrMap<Symbol*, Var*, TableAllocator>;
  Mappings mappings;                                // interned + referred, by simple name
  std::unordered_map<Symbol*, Namespace*> aliases;  // (require '[x :as a])
  /// clojure.core names this namespace does not see: (:refer-clojure :exclude [...]).
  /// Symbols are interned (kept alive by the Interner), so they need no tracing.
  std::unordered_set<Symbol*> core_excludes;
  Value meta;
  size_t counted = 0;  // map_bytes() as last counted in the heap (Heap::add_external)
  Namespace(Symbol* n, Heap& h) : Obj(kType), name(n), mappings(Mappings::allocator_type(&h)) {}
  /// What the three tables take outside the cell (for the two node-based ones an
  /// estimate: a node of 32 bytes per entry and a pointer per bucket).
  size_t map_bytes() const {
    return mappings.bytes() + (aliases.size() + core_excludes.size()) * 32 +
           (aliases.bucket_count() + core_excludes.bucket_count()) * sizeof(void*);
  }
  size_t external_bytes() const { return counted; }
  void trace(Tracer& t) {
    t.heap.recount_external(counted, map_bytes());  // changes made where no heap was at hand
    t.mark(name);
    t.mark(meta);
    for (auto& [k, v] : mappings) {
      t.mark(k);
      t.mark(v);
    }
    for (auto& [k, v] : aliases) {
      t.mark(k);
      t.mark(v);
    }
  }
  size_t byte_size() const { return sizeof(Namespace) + mappings.bytes() + aliases.size() * 32; }
  /// The var `sym` maps to here (own or referred), or nullptr.
  Var* lookup(Symbol* sym) const {
    auto it = mappings.find(sym);
    return it == mappings.end() ? nullptr : it->second;
  }
};

inline void Var::trace(Tracer& t) {
  t.mark(ns);
  t.mark(sym);
  t.mark(root);
  t.mark(meta);
}

}  // namespace clove
