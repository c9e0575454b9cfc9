// protocol.h: protocols (defprotocol) and their per-class implementations.
//
// A Protocol names its methods (in declaration order) and holds one Impl per class it
// has been extended to: the class value (host_class.h: a class symbol or a RecordType,
// or nil for nil itself) and a vector of method fns indexed like `methods` (nil where
// the extension gave no fn).
//
// Each protocol method is a Clove fn (made by the defprotocol macro) whose body asks
// find_protocol_fns for the implementation vector of its first argument and tail-calls
// the fn at its index, so dispatch never recurses on the C++ stack. The search order
// follows Clojure's find-protocol-impl: a reify object's own implementations; the
// value's exact class; its supertypes nearest first (superclass chain before
// interfaces, java.lang.Object last). nil matches only an extension to nil.
//
// Dispatch cache: the result of the search is cached per concrete type (an ObjType, an
// exception class, or a RecordType) in the protocol; extending the protocol clears the
// cache. (An inline cache at each call site can later sit in front of it: SPEC V10.)
#pragma once
#include <unordered_map>
#include <vector>

#include "gc/heap.h"
#include "state/namespace.h"
#include "core/object.h"
#include "runtime/text/string.h"

namespace clove {

class State;

struct Protocol : Obj {
  static constexpr ObjType kType = ObjType::Protocol;
  struct Impl {
    Value cls;  // a class value, or nil for the extension to nil
    Value fns;  // a vector of fns, one per method (nil: not implemented)
  };
  struct CacheEntry {
    Value key_obj;  // keeps a RecordType key alive (nil for built-in keys)
    int32_t impl;   // index into impls, -1 = no implementation
  };
  Symbol* name;                  // user/Shape
  Var* var;                      // #'user/Shape, for messages
  std::vector<Keyword*> methods; // :area :perimeter ...
  Value doc;                     // nil or a string
  std::vector<Impl> impls;       // in extension order
  std::unordered_map<uint64_t, CacheEntry> cache;
  /// The last keys found, direct-mapped by their bits 4-5 (a record type's address is
  /// 16-aligned): a hit skips the hash table. Every key here is also in `cache`, which
  /// keeps its type alive, so an address cannot be reused while it is here; cleared
  /// with `cache`. Key 0 is no key (type keys start at 1).
  struct Recent {
    uint64_t key = 0;
    int32_t impl = -1;
  };
  static constexpr size_t kRecent = 4;
  Recent recent[kRecent];
  static size_t recent_slot(uint64_t key) { return (key >> 4) & (kRecent - 1); }
  void clear_cache() {
    cache.clear();
    for (Recent& r : recent) r = Recent{};
  }
  Protocol(Symbol* n, Var* v) : Obj(kType), name(n), var(v), doc(Value::nil()) {}
  void trace(Tracer& t) {
    t.mark(name);
    t.mark(var);
    for (Keyword* k : methods) t.mark(k);
    t.mark(doc);
    for (Impl& i : impls) {
      t.mark(i.cls);
      t.mark(i.fns);
    }
    for (auto& [k, e] : cache) t.mark(e.key_obj);
  }
  size_t byte_size() const {
    return sizeof(Protocol) + methods.capacity() * 8 + impls.capacity() * sizeof(Impl) + cache.size() * 32;
  }
  /// The index of method keyword k, or -1.
  int method_index(Value k) const {
    for (size_t i = 0; i < methods.size(); ++i)
      if (Value::object(methods[i]) == k) return static_cast<int>(i);
    return -1;
  }
};

/// Adds (or replaces) the extension of `p` to class `cls` (a class value or nil) with
/// the fns of `method_map` ({:area fn ...}). Throws IllegalArgumentException when cls
/// is not a class, or a key is not a method of p.
void extend_protocol(State& vm, Protocol* p, Value cls, Value method_map);
/// The implementation vector for x (see the search order above), or nil.
Value find_protocol_fns(State& vm, Protocol* p, Value x);
/// The fn implementing method `index` of p for x. Throws IllegalArgumentException
/// "No implementation of method: :area of protocol: #'user/Shape found for class: X".
Value protocol_method_fn(State& vm, Protocol* p, int index, Value x);
/// protocol_method_fn for a protocol given as a value: the PFN instruction's and the
/// -pfn native's dispatch (defprotocol's method fns). Throws IllegalArgumentException
/// when p is not a protocol, and what protocol_method_fn throws.
Value protocol_dispatch(State& vm, Value p, int64_t index, Value x);
/// Whether class value cls (or nil) has an extension of its own (extends?).
bool protocol_extends(State& vm, Protocol* p, Value cls);
/// The classes p is extended to, in extension order (extenders).
std::vector<Value> protocol_extenders(const Protocol* p);
/// Builds the method vector for p from a {:method fn} map (helper for reify).
Value protocol_fns_from_map(State& vm, Protocol* p, Value method_map);

}  // namespace clove
