// continuation.cpp: the registry of continuation names (continuation.h). Filled at
// static initialisation, read-only afterwards, so VMs on other threads may read it.
#include "state/continuation.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/error.h"

namespace clove {

namespace {

template <class Fn>
struct Registry {
  std::vector<std::pair<std::string_view, Fn>> entries;
  void add(const char* name, Fn f) {
    // The same function under two names is allowed: the compiler may fold two
    // continuations with identical code into one, and either name then reads back as it.
    for (auto& [n, g] : entries)
      if (n == name) {
        std::fprintf(stderr, "clove: continuation %s registered twice\n", name);
        std::abort();
      }
    entries.emplace_back(name, f);
  }
  std::string_view name_of(Fn f) const {
    for (auto& [n, g] : entries)
      if (g == f) return n;
    return {};
  }
  Fn named(std::string_view name) const {
    for (auto& [n, g] : entries)
      if (n == name) return g;
    return nullptr;
  }
};

// Function-local statics: the registrars in other files run during static
// initialisation, in an order the language leaves open.
Registry<NativeCont>& conts() {
  static Registry<NativeCont> r;
  return r;
}
Registry<NativeUnwind>& unwinds() {
  static Registry<NativeUnwind> r;
  return r;
}

}  // namespace

void register_continuation(const char* name, NativeCont k) { conts().add(name, k); }
void register_unwind(const char* name, NativeUnwind u) { unwinds().add(name, u); }
std::string_view continuation_name(NativeCont k) { return conts().name_of(k); }
std::string_view unwind_name(NativeUnwind u) { return unwinds().name_of(u); }
NativeCont continuation_named(std::string_view name) { return conts().named(name); }
NativeUnwind unwind_named(std::string_view name) { return unwinds().named(name); }

void bad_continuation(const char* name) {
  throw_error(ErrorKind::IllegalArgumentException,
              std::string("resumed a fiber whose ") + name +
                  " continuation holds values of the wrong kind (marshalled data that Clove did not write)");
}

}  // namespace clove
