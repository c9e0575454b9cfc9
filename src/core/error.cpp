// error.cpp: the exception class table for ErrorKind.
#include "core/error.h"

#include <cstring>

namespace clove {

namespace {
struct KindInfo {
  const char* full;
  ErrorKind parent;
};
constexpr KindInfo kKinds[] = {
#define CLOVE_X(e, name, parent) {name, ErrorKind::parent},
    CLOVE_ERROR_KINDS(CLOVE_X)
#undef CLOVE_X
};
}  // namespace

const char* error_class_name(ErrorKind k) { return kKinds[static_cast<int>(k)].full; }

const char* error_short_name(ErrorKind k) {
  const char* full = error_class_name(k);
  const char* dot = std::strrchr(full, '.');
  return dot ? dot + 1 : full;
}

ErrorKind error_parent(ErrorKind k) { return kKinds[static_cast<int>(k)].parent; }

bool error_is_a(ErrorKind k, ErrorKind ancestor) {
  for (;;) {
    if (k == ancestor) return true;
    ErrorKind p = error_parent(k);
    if (p == k) return false;
    k = p;
  }
}

bool error_kind_from_name(const std::string& name, ErrorKind* out) {
  for (int i = 0; i < static_cast<int>(ErrorKind::kCount); ++i) {
    auto k = static_cast<ErrorKind>(i);
    if (name == error_class_name(k) || name == error_short_name(k)) {
      *out = k;
      return true;
    }
  }
  // Clojure code often catches Object-level types by other spellings.
  if (name == "clojure.lang.ExceptionInfo" || name == "ExceptionInfo") {
    *out = ErrorKind::ExceptionInfo;
    return true;
  }
  return false;
}

void throw_error(ErrorKind k, const std::string& message) { throw CloveError(k, message); }

}  // namespace clove
