// runtime.cpp: Runtime's construction and its evaluation entry points (api/runtime.h).
#include "api/runtime.h"

#include <stdexcept>
#include <string>

#include "compiler/compiler.h"
#include "eval/eval.h"
#include "gc/heap.h"

namespace clove {

Runtime::Runtime(RuntimeOptions opts) {
  open_libs(*this, opts.load_core_library);
  set_current_ns(find_or_create_ns(sym("user")));
  capabilities = opts.capabilities;
  if (opts.max_memory) {
    heap.collect();
    if (heap.bytes_live() >= opts.max_memory)
      throw std::invalid_argument("max_memory of " + std::to_string(opts.max_memory) + " bytes is less than the " +
                                  std::to_string(heap.bytes_live()) + " the runtime takes at start");
    heap.set_limit(opts.max_memory);
  }
}

Value Runtime::eval_string(std::string_view src, std::string_view name) { return clove::eval_string(*this, src, name); }
Value Runtime::load_file(const std::string& path) { return clove::load_file(*this, path); }
Value Runtime::eval_form(Value form) { return clove::eval_form(*this, form); }

}  // namespace clove
