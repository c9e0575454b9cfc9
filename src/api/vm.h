// vm.h: VM, a complete Clove virtual machine: an Interpreter with the libraries open
// and the evaluation driver attached. This is what the CLI, the tests and (SPEC E1)
// embedding hosts create.
//
// Layers (docs/design/architecture.md): State (state/) is what the runtime sees,
// Interpreter (vm/) runs bytecode, and VM adds what needs the reader and compiler:
// eval_string, load_file, eval_form, and opening the natives and the Clove-written core
// library (Lua's luaL_openlibs). A VM owns everything it uses; a process may run many,
// each on its own thread (SPEC E2).
#pragma once
#include <string>
#include <string_view>

#include "vm/interpreter.h"

namespace clove {

/// What a new VM loads (Lua's luaL_openlibs split: natives always, library optional).
struct VMOptions {
  /// Load the Clove-written part of clojure.core (src/lib). Without it only natives
  /// and special forms exist; useful for tests of the VM alone.
  bool load_core_library = true;
  /// The capabilities granted to the code the VM runs (state/capability.h): all by
  /// default; a sandboxed VM gets kNoCapabilities or only the bits the host trusts it
  /// with, e.g. capability_bit(Capability::Fs). Applied after the libraries are open.
  uint32_t capabilities = kAllCapabilities;
};

class VM : public Interpreter {
 public:
  /// Opens the natives and (per opts) the core library, then makes `user` current.
  /// Throws std::runtime_error if the embedded library fails to load.
  explicit VM(VMOptions opts = {});

  /// Reads, compiles and runs every form of `src` (eval/eval.h's eval_string).
  Value eval_string(std::string_view src, std::string_view name);
  /// eval_string on a file's contents (eval/eval.h's load_file).
  Value load_file(const std::string& path);
  /// Compiles and runs one form already read (compiler/compiler.h's eval_form).
  Value eval_form(Value form);
};

/// Installs every native of clojure.core and friends (natives/) and, when
/// `load_library`, loads the core library written in Clove (src/lib/*.clj), in
/// clojure.core. Called by VM's constructor (api/open_libs.cpp).
void open_libs(State& vm, bool load_library);

}  // namespace clove
