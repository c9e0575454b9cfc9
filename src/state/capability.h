// capability.h: the capabilities a sandboxed VM may lack (SPEC E5; Janet's `sandbox`).
//
// A State holds a set of granted capabilities (State::capabilities), all of them for a
// normal VM. A host creates a sandboxed VM (VMOptions::capabilities in api/vm.h, the
// CLI's `--sandbox --allow ...`) and grants the ones it trusts the code with. Every
// native that reaches the outside world through a capability calls
// State::require_capability first, so no route from Clove code (resolve, eval,
// alter-var-root, apply, interop, fibers) gets past it. docs/design/sandbox.md lists
// which natives each capability guards.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace clove {

// X(enum, keyword name, what it grants)
#define CLOVE_CAPABILITIES(X)                                                              \
  X(Fs, "fs", "files: slurp, spit, clojure.java.io, java.io.File, clove.io, line-seq on a path") \
  X(Process, "process", "other processes and this one: clojure.java.shell/sh, System/exit")    \
  X(Env, "env", "the environment: System/getenv, System/getProperty")                          \
  X(Net, "net", "network access (reserved: no native uses the network yet)")                    \
  X(Load, "load", "loading code from disk: load-file, load, require/use of files")             \
  X(Ffi, "ffi", "foreign functions (reserved)")                                                 \
  X(Time, "time", "the clocks: System/currentTimeMillis, System/nanoTime, time")

enum class Capability : uint8_t {
#define CLOVE_X(e, name, doc) e,
  CLOVE_CAPABILITIES(CLOVE_X)
#undef CLOVE_X
      kCount
};

/// The bit of `c` in a capability set (State::capabilities).
constexpr uint32_t capability_bit(Capability c) { return uint32_t{1} << static_cast<unsigned>(c); }
/// Every capability: a normal VM's set.
constexpr uint32_t kAllCapabilities = (uint32_t{1} << static_cast<unsigned>(Capability::kCount)) - 1;
/// No capability: a sandbox that grants nothing.
constexpr uint32_t kNoCapabilities = 0;

/// "fs", "process", ... (the keyword's name, as the CLI's --allow spells it).
const char* capability_name(Capability c);
/// The capability named `name` ("fs"; a leading ':' is accepted); false if unknown.
bool capability_from_name(std::string_view name, Capability* out);
/// Parses a comma-separated list such as "fs,env" into a capability set ("all": every
/// one; "" : none). Throws std::invalid_argument naming an unknown capability.
uint32_t parse_capabilities(std::string_view list);
/// Throws SandboxException (core/error.h) "fs capability required by clojure.core/slurp
/// (the VM is sandboxed)".
[[noreturn]] void throw_capability_error(Capability c, std::string_view what);

}  // namespace clove
