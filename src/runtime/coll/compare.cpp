// compare.cpp: Clojure's `compare` (clojure.lang.Util.compare): nil sorts first,
// numbers numerically, strings/symbols/keywords lexicographically by UTF-16 units as
// Java's compareTo, vectors by length and then element-wise, booleans false < true,
// characters by code point; anything else is a ClassCastException.
#include <string>
#include <string_view>

#include "core/stack_guard.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/vector.h"
#include "runtime/num/number.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

namespace {

using coll_detail::class_name;

inline bool is_num(Value v) {
  if (v.is_double() || v.is_small_int()) return true;
  if (!v.is_obj()) return false;
  ObjType t = v.as_obj()->type;
  return t == ObjType::BoxedLong || t == ObjType::BigInt || t == ObjType::Ratio || t == ObjType::BigDecimal ||
         t == ObjType::BoxedFloat;
}

[[noreturn]] void cast_error(Value v, const char* to) {
  throw_error(ErrorKind::ClassCastException, std::string("class ") + class_name(v) + " cannot be cast to class " + to);
}

std::u16string to_utf16(std::string_view s) {
  std::u16string out;
  for (size_t pos = 0; pos < s.size();) {
    uint32_t cp = coll_detail::utf8_decode(s, pos);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out += static_cast<char16_t>(0xD800 + (cp >> 10));
      out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
  }
  return out;
}

// java.lang.String.compareTo: the first differing UTF-16 unit, else the length difference.
template <class S>
int units_compare(const S& a, const S& b) {
  size_t n = a.size() < b.size() ? a.size() : b.size();
  for (size_t i = 0; i < n; ++i)
    if (a[i] != b[i]) return static_cast<int>(a[i]) - static_cast<int>(b[i]);
  return static_cast<int>(a.size()) - static_cast<int>(b.size());
}

int string_compare(std::string_view a, std::string_view b) {
  auto ascii = [](std::string_view s) {
    for (char c : s)
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    return true;
  };
  if (ascii(a) && ascii(b)) {
    std::basic_string_view<unsigned char> ua(reinterpret_cast<const unsigned char*>(a.data()), a.size());
    std::basic_string_view<unsigned char> ub(reinterpret_cast<const unsigned char*>(b.data()), b.size());
    return units_compare(ua, ub);
  }
  return units_compare(to_utf16(a), to_utf16(b));
}

int symbol_compare(const Symbol* a, const Symbol* b) {
  if (a == b) return 0;
  if (!a->ns && b->ns) return -1;
  if (a->ns) {
    if (!b->ns) return 1;
    int c = string_compare(a->ns_view(), b->ns_view());
    if (c != 0) return c;
  }
  return string_compare(a->name_view(), b->name_view());
}

}  // namespace

int compare(State& vm, Value a, Value b) {
  if (a == b && !a.is_double()) return 0;
  if (a.is_nil()) return -1;
  if (b.is_nil()) return 1;
  if (is_num(a)) {
    if (!is_num(b)) cast_error(b, "java.lang.Number");
    if (num_compare(CmpOp::Lt, a, b)) return -1;
    if (num_compare(CmpOp::Lt, b, a)) return 1;
    return 0;
  }
  if (a.is_bool()) {
    if (!b.is_bool()) cast_error(b, "java.lang.Boolean");
    return static_cast<int>(a.is_true()) - static_cast<int>(b.is_true());
  }
  if (a.is_char()) {
    if (!b.is_char()) cast_error(b, "java.lang.Character");
    return static_cast<int>(a.as_char()) - static_cast<int>(b.as_char());
  }
  if (a.is_obj()) {
    Obj* o = a.as_obj();
    switch (o->type) {
      case ObjType::String:
        if (!is<String>(b)) cast_error(b, "java.lang.String");
        return string_compare(static_cast<String*>(o)->view(), static_cast<String*>(b.as_obj())->view());
      case ObjType::Symbol:
        if (!is<Symbol>(b)) cast_error(b, "clojure.lang.Symbol");
        return symbol_compare(static_cast<Symbol*>(o), static_cast<Symbol*>(b.as_obj()));
      case ObjType::Keyword:
        if (!is<Keyword>(b)) cast_error(b, "clojure.lang.Keyword");
        return symbol_compare(static_cast<Keyword*>(o)->sym, static_cast<Keyword*>(b.as_obj())->sym);
      case ObjType::Vector:
      case ObjType::SubVector:
      case ObjType::MapEntry: {
        if (!is_vector(b)) cast_error(b, "clojure.lang.IPersistentVector");
        check_native_stack();  // recurses into the elements
        int64_t na = count(vm, a), nb = count(vm, b);
        if (na < nb) return -1;
        if (na > nb) return 1;
        for (int64_t i = 0; i < na; ++i) {
          int c = compare(vm, nth(vm, a, i), nth(vm, b, i));
          if (c != 0) return c;
        }
        return 0;
      }
      default:
        if (auto f = type_of(o).compare) return f(vm, o, b);
        break;
    }
  }
  cast_error(a, "java.lang.Comparable");
}

}  // namespace clove
