// runtime.cpp: Runtime's construction and its evaluation entry points (api/runtime.h).
#include "api/runtime.h"

#include <dlfcn.h>

#include <fstream>
#include <sstream>

#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "api/errors.h"
#include "clove/version.h"
#include "compiler/compiler.h"
#include "eval/eval.h"
#include "gc/heap.h"
#include "image/program.h"

namespace clove {

Runtime::Runtime(RuntimeOptions opts) {
  open_libs(*this, opts.load_core_library, opts.use_core_image);
  set_current_ns(find_or_create_ns(sym("user")));
  capabilities = opts.capabilities;
  // What exists now (the core library, the natives) lives as long as the VM: no cycle
  // marks or sweeps it again (gc/heap.h, freeze).
  if (opts.max_memory) heap.collect();
  freeze_heap();
  // The root fiber's stack changes without barriers (it is traced at every root scan):
  // remembered, it is also traced as a frozen object must be, whatever runs.
  if (root_fiber()) heap.touch(root_fiber());
  if (opts.max_memory) {
    if (heap.bytes_live() >= opts.max_memory)
      throw std::invalid_argument("max_memory of " + std::to_string(opts.max_memory) + " bytes is less than the " +
                                  std::to_string(heap.bytes_live()) + " the runtime takes at start");
    heap.set_limit(opts.max_memory);
  }
}

Value Runtime::eval_string(std::string_view src, std::string_view name, const std::function<void(Value)>& each) {
  return clove::eval_string(*this, src, name, each);
}
Value Runtime::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[4] = {};
  if (in.read(head, sizeof head) && is_image({head, sizeof head})) {
    std::stringstream ss;
    ss << head[0] << head[1] << head[2] << head[3] << in.rdbuf();
    return run_program_image(*this, ss.str());
  }
  return clove::load_file(*this, path);
}
Value Runtime::eval_form(Value form) { return clove::eval_form(*this, form); }

void Runtime::open_native_module(const std::string& path) {
  if (!host_vm)
    throw_error(ErrorKind::IllegalStateException,
                fmt::format("Cannot load the native module {}: the VM was not made through clove::VM", path));
  void* lib = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!lib) {
    const char* err = dlerror();
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("Cannot load the native module {}: {}", path, err ? err : "dlopen failed"));
  }
  using VersionFn = int (*)();
  using OpenFn = void (*)(VM*);
  auto version = reinterpret_cast<VersionFn>(dlsym(lib, "clove_module_version"));
  auto open = reinterpret_cast<OpenFn>(dlsym(lib, "clove_module_open"));
  if (!version || !open)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("{} is not a Clove module: it has no CLOVE_MODULE entry point", path));
  if (version() != CLOVE_VERSION_NUMBER)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("The native module {} was built for Clove version number {}, this is {}", path, version(),
                            CLOVE_VERSION_NUMBER));
  try {
    open(host_vm);
  } catch (...) {
    detail::rethrow_in_clove(*this, path.c_str());
  }
}

}  // namespace clove
