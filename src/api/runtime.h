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
#include <functional>
#include <string>
#include <string_view>

#include "vm/interpreter.h"

namespace clove {

class VM;  // include/clove/vm.h

/// What a new VM loads (Lua's luaL_openlibs split: natives always, library optional).
struct RuntimeOptions {
  /// Load the Clove-written part of clojure.core (src/lib). Without it only natives
  /// and special forms exist; useful for tests of the VM alone.
  bool load_core_library = true;
  /// Load the core library from the image compiled into the binary (image/image.h)
  /// rather than compile src/lib: the same namespaces, in a fraction of the time.
  bool use_core_image = true;
  /// The capabilities granted to the code the VM runs (state/capability.h): all by
  /// default; a sandboxed VM gets kNoCapabilities or only the bits the host trusts it
  /// with, e.g. capability_bit(CapabilityId::Fs). Applied after the libraries are open.
  uint32_t capabilities = kAllCapabilities;
  /// The memory cap in bytes (SPEC V9), 0 for none: what the core library keeps counts,
  /// its start-up garbage does not (the cap is set after a full collection). Growing the
  /// heap past it (collections, strings, big numbers, reader buffers, interned names,
  /// vars, compiled code, fiber stacks) throws a catchable Clove OutOfMemoryError (a
  /// java.lang.Error, ErrorKind::OutOfMemoryError in C++ when uncaught) whose message
  /// names the cap; the VM stays usable after it. Heap::set_limit changes it later.
  /// Throws std::invalid_argument if the core library alone takes more than the cap.
  size_t max_memory = 0;
};

class Runtime : public Interpreter {
 public:
  /// Opens the natives and (per opts) the core library, then makes `user` current.
  /// Throws std::runtime_error if the embedded library fails to load.
  explicit Runtime(RuntimeOptions opts = {});

  /// Reads, compiles and runs every form of `src` (eval/eval.h's eval_string).
  /// `each` receives every form's value in turn (see there).
  Value eval_string(std::string_view src, std::string_view name, const std::function<void(Value)>& each = {});
  /// eval_string on a file's contents (eval/eval.h's load_file), or, for a program
  /// image that `clove compile` wrote (it starts with marshal's header), runs the image
  /// (image/program.h's run_program_image).
  Value load_file(const std::string& path);
  /// Compiles and runs one form already read (compiler/compiler.h's eval_form).
  Value eval_form(Value form);

  /// Loads a native module (include/clove/module.h): dlopen, a version check, then
  /// its entry point with host_vm. IllegalStateException when there is no host_vm;
  /// IllegalArgumentException for a library that does not open, has no entry point
  /// or was built against another Clove version. The library is never unloaded (the
  /// natives it defined point into it).
  void open_native_module(const std::string& path) override;

  /// The public clove::VM (include/clove/vm.h) wrapping this runtime, or null when the
  /// runtime is used directly (the CLI, the tests); api/vm.cpp sets it.
  VM* host_vm = nullptr;
};

/// Installs every native of clojure.core and friends (natives/) and, when
/// `load_library`, loads the core library written in Clove (src/lib/*.clj), in
/// clojure.core: from the binary's image when it has one and `use_image`, else by
/// compiling the sources. Called by VM's constructor (api/open_libs.cpp).
void open_libs(State& vm, bool load_library, bool use_image = true);

}  // namespace clove
