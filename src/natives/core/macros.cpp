// macros.cpp: clojure.core natives over the macro expander (SPEC L3): macroexpand-1
// and macroexpand. They expand in the current namespace (*ns*) with &env nil, as
// Clojure's do when called outside a macro.
#include "compiler/compiler.h"
#include "gc/heap.h"
#include "natives/args.h"

namespace clove {

namespace {

Value m_macroexpand_1(State& vm, Args a) { return macroexpand_1(vm, a[0]); }

Value m_macroexpand(State& vm, Args a) {
  Value form = a[0];
  RootScope roots(vm.heap);
  for (;;) {
    roots.push(form);
    Value ex = macroexpand_1(vm, form);
    if (ex == form) return form;
    form = ex;
  }
}

}  // namespace

void install_macro_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "macroexpand-1", m_macroexpand_1, 1, 1,
                "Expands form once when its head names a macro and gives the expansion; any other "
                "form is given back unchanged.", "([form])");
  vm.def_native(C, "macroexpand", m_macroexpand, 1, 1,
                "Expands form again and again with macroexpand-1 until its head is no longer a "
                "macro, and gives the result. Only the top-level form is expanded; macro calls "
                "nested inside it stay as they are.", "([form])");
}

}  // namespace clove
