// coll_util.h: helpers shared by the collection files (not part of the public API):
// Clojure-style type names for error messages, the standard errors, UTF-8 code point
// access for strings, and the pieces of the generic operations the type table's
// operations share (coll_types.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "core/object.h"
#include "gc/heap.h"
#include "runtime/text/string.h"

namespace clove {
class State;
struct MapEntry;
struct TypeInfo;
}  // namespace clove

namespace clove::coll_detail {

/// Fully qualified class name of v ("java.lang.Long", "nil").
const char* class_name(Value v);
/// Java's getSimpleName: the part after the last '.' or '$' ("Long", "EmptyList").
std::string simple_name(Value v);

/// "Don't know how to create ISeq from: java.lang.Long" (IllegalArgumentException).
[[noreturn]] void not_seqable(Value v);
/// "<op> not supported on this type: Long" (UnsupportedOperationException).
[[noreturn]] void unsupported(const char* op, Value v);
/// "class java.lang.Long cannot be cast to class clojure.lang.<iface>" (ClassCastException).
[[noreturn]] void cannot_cast(Value v, const char* iface);
[[noreturn]] void index_out_of_bounds(int64_t i);

/// (count coll) by walking its seq until the end or a counted tail (RT.countFrom).
int64_t count_walk(State& vm, Value coll);
/// The 2-vector [k v] of a map entry, with metadata `meta`.
Value entry_as_vector(Heap& h, const MapEntry* e, Value meta = Value::nil());
/// (conj map x) for a built-in map: x is a MapEntry, a [k v] vector, or a seqable of
/// entries (a map).
Value map_conj(State& vm, Value map, Value x);
/// Set the equiv operation (TypeInfo::equiv) of strings, symbols, maps and sets
/// (equiv.cpp), and the hash operation of strings, symbols, keywords, maps and sets
/// (hash.cpp).
void register_equiv_ops(TypeInfo* table);
void register_hash_ops(TypeInfo* table);

/// Decodes the code point starting at s[pos]; advances pos past it.
uint32_t utf8_decode(std::string_view s, size_t& pos);
/// The i-th code point of a string (0 <= i < ncodepoints).
uint32_t string_char_at(const String* s, int64_t i);

}  // namespace clove::coll_detail
