// module.h: native extension modules, shared libraries that `require` loads (SPEC E6;
// Lua's luaopen_ functions, Janet's JANET_MODULE_ENTRY). Part of the public API.
//
//   // greet.cpp, built as greet.so
//   #include <clove/module.h>
//   CLOVE_MODULE(vm) {
//     vm.def("greet", "hello", [](std::string name) { return "hello " + name; });
//   }
//
// `(require 'greet)` finds greet.so on the load path (after greet.clj, greet.cljc and
// greet.clove; namespace a.b-c is a/b_c.so), checks that it was built against this
// Clove version, and runs its entry point with the VM, which defines the namespace's
// vars with the ordinary API. Loading one needs the :load and :ffi capabilities: a
// module is native code with the process's full power.
//
// A module is linked without libclove: it uses the symbols of the program that loads
// it, so that program must export them (the clove command does; a host built with
// CMake sets ENABLE_EXPORTS on its executable, or links with -rdynamic).
#pragma once
#include "clove/clove.h"

/// Defines a module's entry point: a function of `clove::VM& VMNAME` whose body
/// follows the macro.
#define CLOVE_MODULE(VMNAME)                                                                     \
  static void clove_module_body(clove::VM& VMNAME);                                              \
  extern "C" __attribute__((visibility("default"))) int clove_module_version() {                 \
    return CLOVE_VERSION_NUMBER;                                                                 \
  }                                                                                              \
  extern "C" __attribute__((visibility("default"))) void clove_module_open(clove::VM* vm) {      \
    clove_module_body(*vm);                                                                      \
  }                                                                                              \
  static void clove_module_body(clove::VM& VMNAME)
