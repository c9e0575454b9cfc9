// hash.cpp: Clojure's `hash` (clojure.lang.Util.hasheq), bit for bit:
//   nil 0; numbers via num_hash; booleans and characters their Java hashCode;
//   strings Murmur3.hashInt(String.hashCode()); symbols hashCombine(Murmur3 of the
//   name's UTF-16 units, ns.hashCode()); keywords symbol hash + 0x9e3779b9;
//   sequential collections Murmur3.hashOrdered; maps and sets Murmur3.hashUnordered
//   (a map hashes as the set of its [k v] entries); types above coll with their own
//   equality (records, files, UUIDs, instants, tagged literals) register their hash
//   in the type table (TypeInfo::hash); anything else hashes by identity.
// Immutable values cache their hash in Obj::hash_cache (0 = not computed yet). Each
// level of nesting checks the C++ stack (check_native_stack): data nested too deep
// throws StackOverflowError rather than crashing.
#include <string_view>

#include "core/murmur3.h"
#include "core/stack_guard.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/identity_hash.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/map_ops.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/subvector.h"
#include "runtime/coll/vector.h"
#include "runtime/num/number.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

namespace {

// Calls f(unit) for each UTF-16 code unit of UTF-8 text.
template <class F>
void for_each_utf16(std::string_view s, F&& f) {
  for (size_t pos = 0; pos < s.size();) {
    uint32_t cp = coll_detail::utf8_decode(s, pos);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      f(static_cast<uint16_t>(0xD800 + (cp >> 10)));
      f(static_cast<uint16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      f(static_cast<uint16_t>(cp));
    }
  }
}

// java.lang.String.hashCode.
uint32_t java_string_hash(std::string_view s) {
  uint32_t h = 0;
  for_each_utf16(s, [&](uint16_t u) { h = 31 * h + u; });
  return h;
}

// Murmur3.hashUnencodedChars.
uint32_t hash_unencoded_chars(std::string_view s) {
  using namespace murmur3;
  uint32_t h1 = 0, pending = 0, len = 0;
  bool odd = false;
  for_each_utf16(s, [&](uint16_t u) {
    ++len;
    if (!odd) {
      pending = u;
      odd = true;
    } else {
      h1 = mix_h1(h1, mix_k1(pending | (static_cast<uint32_t>(u) << 16)));
      odd = false;
    }
  });
  if (odd) h1 ^= mix_k1(pending);
  return fmix(h1, 2 * len);
}


uint32_t symbol_hash(const Symbol* s) {
  return murmur3::hash_combine(hash_unencoded_chars(s->name_view()), s->ns ? java_string_hash(s->ns_view()) : 0);
}

}  // namespace

uint32_t hash_ordered(State& vm, Value coll) {
  uint32_t h = 1, n = 0;
  if (VectorSlice s; vector_slice(coll, &s)) {
    for (uint32_t i = s.from; i < s.to; ++i) h = 31 * h + hash(vm, s.vec->nth(i));
    return murmur3::mix_coll_hash(h, s.to - s.from);
  }
  RootScope scope(vm.heap);
  size_t s = scope.push(seq(vm, coll));
  size_t f = scope.push(Value::nil());
  while (!scope[s].is_nil()) {
    scope[f] = first(vm, scope[s]);
    h = 31 * h + hash(vm, scope[f]);
    ++n;
    scope[s] = next(vm, scope[s]);
  }
  return murmur3::mix_coll_hash(h, n);
}

uint32_t hash_unordered(State& vm, Value coll) {
  uint32_t h = 0, n = 0;
  RootScope scope(vm.heap);
  size_t s = scope.push(seq(vm, coll));
  while (!scope[s].is_nil()) {
    h += hash(vm, first(vm, scope[s]));
    ++n;
    scope[s] = next(vm, scope[s]);
  }
  return murmur3::mix_coll_hash(h, n);
}

namespace {

// Murmur3.hashUnordered over a map's entries (as [k v] vectors) or a set's elements.
uint32_t hash_map_entries(State& vm, Value map, bool keys_only) {
  uint32_t h = 0;
  map_for_each(map, [&](Value k, Value v) {
    if (keys_only) {
      h += hash(vm, k);
    } else {
      uint32_t eh = 31 * (31 * 1 + hash(vm, k)) + hash(vm, v);
      h += murmur3::mix_coll_hash(eh, 2);
    }
  });
  return murmur3::mix_coll_hash(h, static_cast<uint32_t>(map_count(map)));
}

uint32_t compute_hash(State& vm, Value v, Obj* o) {
  check_native_stack();  // may recurse into the elements
  const TypeInfo& ti = type_of(o);
  if (ti.hash) return ti.hash(vm, o);
  if (ti.traits & trait::Sequential) return hash_ordered(vm, v);
  return identity_hash(o);
}

}  // namespace

uint32_t identity_hash(const Obj* o) {
  auto p = reinterpret_cast<uintptr_t>(o);
  return murmur3::hash_long(static_cast<int64_t>(p >> 4));
}

uint32_t hash(State& vm, Value v) {
  if (v.is_small_int()) return murmur3::hash_long(v.as_small_int());  // num_hash's first case, inline
  if (v.is_double()) return num_hash(v);
  if (v.is_nil()) return 0;
  if (v.is_bool()) return v.is_true() ? 1231 : 1237;
  if (v.is_char()) return v.as_char();
  if (!v.is_obj()) return static_cast<uint32_t>(v.bits());
  Obj* o = v.as_obj();
  switch (o->type) {
    case ObjType::BoxedLong:
    case ObjType::BoxedFloat:
    case ObjType::BigInt:
    case ObjType::Ratio:
    case ObjType::BigDecimal: return num_hash(v);
    case ObjType::LazySeq:  // not cached: not yet immutable
      check_native_stack();
      return hash_ordered(vm, v);
    case ObjType::HostObject:    // not cached: the host's object may change,
    case ObjType::TypeInstance:  // a deftype's hash may read its mutable fields
    case ObjType::Reify: return compute_hash(vm, v, o);
    default: break;
  }
  if (o->hash_cache) return o->hash_cache;
  uint32_t h = compute_hash(vm, v, o);
  o->hash_cache = h;
  return h;
}

void coll_detail::register_hash_ops(TypeInfo* table) {
  auto entry = [table](ObjType t) -> TypeInfo& { return table[static_cast<int>(t)]; };
  entry(ObjType::String).hash = [](State&, Obj* o) {
    return murmur3::hash_int(static_cast<int32_t>(java_string_hash(static_cast<String*>(o)->view())));
  };
  entry(ObjType::Symbol).hash = [](State&, Obj* o) { return symbol_hash(static_cast<Symbol*>(o)); };
  entry(ObjType::Keyword).hash = [](State&, Obj* o) { return symbol_hash(static_cast<Keyword*>(o)->sym) + 0x9e3779b9u; };
  auto maps = [](State& vm, Obj* o) { return hash_map_entries(vm, Value::object(o), false); };
  for (ObjType t : {ObjType::ArrayMap, ObjType::HashMap, ObjType::SortedMap}) entry(t).hash = maps;
  entry(ObjType::HashSet).hash = [](State& vm, Obj* o) {
    return hash_map_entries(vm, static_cast<HashSet*>(o)->impl, true);
  };
  entry(ObjType::SortedSet).hash = [](State& vm, Obj* o) {
    return hash_map_entries(vm, static_cast<SortedSet*>(o)->impl, true);
  };
}

}  // namespace clove
