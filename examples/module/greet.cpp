// greet.cpp: an example native module (include/clove/module.h). Built as greet.so;
// `(require 'greet)` loads it from the load path:
//   clove -cp build/examples/module -e "(require 'greet) (println (greet/hello \"you\"))"
#include <clove/module.h>

#include <algorithm>
#include <stdexcept>
#include <string>

CLOVE_MODULE(vm) {
  vm.def("greet", "hello", [](const std::string& name) { return "hello, " + name; },
         "A greeting for name, from C++.");
  vm.def("greet", "shout", [](std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    return s;
  });
  // A C++ exception thrown here is a catchable Clove error, even though the module's C++
  // runtime (libstdc++.so) is not the one the clove command links (libstdc++.a).
  vm.def("greet", "refuse", [](const std::string& why) -> std::string { throw std::runtime_error("refused: " + why); });
  vm.eval("(ns greet) (defn twice [s] (str (hello s) \" / \" (shout s)))", "greet.so");
}
