// clove.h: the public C++ API of Clove, for programs that embed it (SPEC E1-E5).
//
//   #include <clove/clove.h>
//   clove::VM vm;
//   vm.def("app", "greet", [](std::string name) { return "hello " + name; });
//   std::string s = vm.eval("(app/greet \"you\")").as<std::string>();
//
// The headers, by concern:
//   clove/version.h  version macros and the build stamp
//   clove/vm.h       state: creating a VM with Options; calling: eval, load_file,
//                    var, apply/call; making values; natives (def); limits and sandbox
//                    (budget, interrupt, capabilities, Task)
//   clove/handle.h   values and handles (Handle); errors (Error, StackFrame)
//   clove/convert.h  the conversions between C++ and Clove values (Convert<T>,
//                    RestArgs) used by call, def, make and Handle::as
//   clove/host.h     host objects: C++ types as Clove classes (Class<T>, wrap, borrow)
// docs/embedding.md is the guide. Nothing else of Clove's source tree is public.
#pragma once
#include "clove/convert.h"
#include "clove/handle.h"
#include "clove/host.h"
#include "clove/version.h"
#include "clove/vm.h"
