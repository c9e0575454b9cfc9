// convert.cpp: the conversions include/clove/convert.h's templates build on.
#include <fmt/format.h>

#include "api/errors.h"
#include "api/handles.h"
#include "clove/convert.h"
#include "runtime/lang/host_class.h"
#include "runtime/num/bignum.h"
#include "runtime/num/number.h"

namespace clove::detail {

void conversion_error(const Handle& h, const char* expected) {
  Value v = HandleAccess::value(h);
  throw_public(HandleAccess::runtime(h), ErrorKind::ClassCastException,
               fmt::format("{} cannot be converted to {}", v.is_nil() ? "nil" : class_name_of(v), expected));
}

int64_t to_int64(const Handle& h, int64_t min, int64_t max, const char* c_type) {
  Value v = HandleAccess::value(h);
  if (!is_long(v)) conversion_error(h, c_type);
  int64_t n = as_long(v);
  if (n < min || n > max)
    throw_public(HandleAccess::runtime(h), ErrorKind::ArithmeticException,
                 fmt::format("{} is out of the range of {}", n, c_type));
  return n;
}

uint64_t to_uint64(const Handle& h, uint64_t max, const char* c_type) {
  Value v = HandleAccess::value(h);
  uint64_t n = 0;
  bool ok = false;
  if (is_long(v)) {
    ok = as_long(v) >= 0;
    n = static_cast<uint64_t>(as_long(v));
  } else if (BigInt* b = as<BigInt>(v)) {
    ok = mpz_sgn(b->z) >= 0 && mpz_sizeinbase(b->z, 2) <= 64;
    if (ok) mpz_export(&n, nullptr, -1, sizeof n, 0, 0, b->z);
  } else {
    conversion_error(h, c_type);
  }
  if (!ok || n > max)
    throw_public(HandleAccess::runtime(h), ErrorKind::ArithmeticException,
                 fmt::format("{} is out of the range of {}", h.str(), c_type));
  return n;
}

Handle from_uint64(VM& vm, uint64_t n) {
  return guarded(vm.runtime(), [&] {
    mpz_t z;
    mpz_init(z);
    mpz_import(z, 1, -1, sizeof n, 0, 0, &n);
    Value v = make_bigint(vm.runtime().heap, z);
    mpz_clear(z);
    return HandleAccess::make(vm, v);
  });
}

double to_double(const Handle& h) {
  Value v = HandleAccess::value(h);
  if (v.is_double()) return v.as_double();
  if (is_long(v)) return static_cast<double>(as_long(v));
  if (is_number(v)) return clove::to_double(v);
  conversion_error(h, "double");
}

bool to_bool(const Handle& h) {
  Value v = HandleAccess::value(h);
  if (v.is_bool()) return v.truthy();
  conversion_error(h, "bool");
}

std::string_view to_string_view(const Handle& h) {
  Value v = HandleAccess::value(h);
  if (String* s = as<String>(v)) return s->view();
  conversion_error(h, "std::string");
}

std::string map_key_string(const Handle& key) {
  Value v = HandleAccess::value(key);
  if (String* s = as<String>(v)) return std::string(s->view());
  if (is<Keyword>(v) || is<Symbol>(v)) {
    std::string s = key.str();
    return !s.empty() && s[0] == ':' ? s.substr(1) : s;
  }
  conversion_error(key, "a map key std::string (a keyword, symbol or string)");
}

std::string arglists_for(int fixed, bool rest) {
  std::string args;
  for (int i = 0; i < fixed; ++i) args += (i ? " " : "") + fmt::format("arg{}", i + 1);
  if (rest) args += fixed ? " & more" : "& more";
  return "([" + args + "])";
}

}  // namespace clove::detail
