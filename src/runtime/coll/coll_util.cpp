// coll_util.cpp: error helpers and UTF-8 access for the collection files.
#include "runtime/coll/coll_util.h"

#include "runtime/num/number.h"

namespace clove::coll_detail {

const char* class_name(Value v) { return value_type_name(v); }

std::string simple_name(Value v) {
  std::string_view full = class_name(v);
  size_t cut = full.find_last_of(".$");
  return std::string(cut == std::string_view::npos ? full : full.substr(cut + 1));
}

void not_seqable(Value v) {
  throw_error(ErrorKind::IllegalArgumentException, std::string("Don't know how to create ISeq from: ") + class_name(v));
}

void unsupported(const char* op, Value v) {
  throw_error(ErrorKind::UnsupportedOperationException,
              std::string(op) + " not supported on this type: " + simple_name(v));
}

void cannot_cast(Value v, const char* iface) {
  throw_error(ErrorKind::ClassCastException,
              std::string("class ") + class_name(v) + " cannot be cast to class clojure.lang." + iface);
}

void index_out_of_bounds(int64_t i) {
  // An index past Java's int range never reaches the collection on the JVM: RT.intCast
  // throws first.
  if (i < INT32_MIN || i > INT32_MAX) throw_error(ErrorKind::ArithmeticException, "integer overflow");
  // Clojure throws java.lang.IndexOutOfBoundsException without a message.
  throw_error(ErrorKind::IndexOutOfBoundsException, "");
}

uint32_t utf8_decode(std::string_view s, size_t& pos) {
  auto c = static_cast<unsigned char>(s[pos++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  uint32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra && pos < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[pos++]) & 0x3F);
  return cp;
}

uint32_t string_char_at(const String* s, int64_t i) {
  std::string_view v = s->view();
  if (s->is_ascii()) return static_cast<unsigned char>(v[i]);
  size_t pos = 0;
  for (int64_t k = 0; k < i; ++k) {
    ++pos;
    while (pos < v.size() && (static_cast<unsigned char>(v[pos]) & 0xC0) == 0x80) ++pos;
  }
  return utf8_decode(v, pos);
}

}  // namespace clove::coll_detail
