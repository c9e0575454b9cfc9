// capability.cpp: capability names and the sandbox error (capability.h).
#include "state/capability.h"

#include <stdexcept>

#include <fmt/format.h>

#include "core/error.h"

namespace clove {

namespace {

constexpr const char* kNames[] = {
#define CLOVE_X(e, name, doc) name,
    CLOVE_CAPABILITIES(CLOVE_X)
#undef CLOVE_X
};

}  // namespace

const char* capability_name(Capability c) { return kNames[static_cast<unsigned>(c)]; }

bool capability_from_name(std::string_view name, Capability* out) {
  if (name.starts_with(':')) name.remove_prefix(1);
  for (unsigned i = 0; i < static_cast<unsigned>(Capability::kCount); ++i) {
    if (name == kNames[i]) {
      *out = static_cast<Capability>(i);
      return true;
    }
  }
  return false;
}

uint32_t parse_capabilities(std::string_view list) {
  uint32_t set = kNoCapabilities;
  while (!list.empty()) {
    size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.empty()) continue;
    if (item == "all") {
      set = kAllCapabilities;
      continue;
    }
    Capability c;
    if (!capability_from_name(item, &c))
      throw std::invalid_argument(fmt::format(
          "unknown capability '{}' (known: fs, process, env, net, load, ffi, time, all)", item));
    set |= capability_bit(c);
  }
  return set;
}

void throw_capability_error(Capability c, std::string_view what) {
  throw_error(ErrorKind::SandboxException,
              fmt::format("{} capability required by {} (the VM is sandboxed)", capability_name(c), what));
}

}  // namespace clove
