// vm.cpp: VM's construction and its evaluation entry points (api/vm.h).
#include "api/vm.h"

#include "compiler/compiler.h"
#include "eval/eval.h"

namespace clove {

VM::VM(VMOptions opts) {
  open_libs(*this, opts.load_core_library);
  set_current_ns(find_or_create_ns(sym("user")));
  capabilities = opts.capabilities;
}

Value VM::eval_string(std::string_view src, std::string_view name) { return clove::eval_string(*this, src, name); }
Value VM::load_file(const std::string& path) { return clove::load_file(*this, path); }
Value VM::eval_form(Value form) { return clove::eval_form(*this, form); }

}  // namespace clove
