// make_core_image.cpp: the build step that compiles the core library into an image.
//
//   clove_make_core_image OUT
//
// Makes a VM, which compiles src/lib/*.clj from source (this program is linked without
// an image: core_image() below is empty), and writes its namespaces to OUT with
// save_namespaces (image/image.h). CMake embeds OUT in libclove.a (cmake/core_image.cpp.in).
#include <cstdio>
#include <fstream>
#include <string_view>

#include "api/runtime.h"
#include "eval/core_lib.h"
#include "image/image.h"

std::string_view clove::core_image() { return {}; }

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: clove_make_core_image OUT\n");
    return 2;
  }
  try {
    clove::Runtime vm;
    // Each fn's body is read on its first call (marshal.h, defer_bodies): a VM
    // reads only the headers of the core library's fns when it starts.
    clove::MarshalOptions opts;
    opts.defer_bodies = true;
    size_t deferred = 0;
    opts.deferred_bodies = &deferred;
    std::string image = clove::save_namespaces(vm, opts);
    if (deferred == 0) {
      // Something in the core library stops deferral (marshal.h, defer_bodies): every
      // start-up would read all of its code.
      std::fprintf(stderr, "clove_make_core_image: the core library's fn bodies could not be deferred\n");
      return 1;
    }
    std::ofstream out(argv[1], std::ios::binary);
    out.write(image.data(), static_cast<std::streamsize>(image.size()));
    if (!out) {
      std::fprintf(stderr, "clove_make_core_image: cannot write %s\n", argv[1]);
      return 1;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "clove_make_core_image: %s\n", e.what());
    return 1;
  }
  return 0;
}
