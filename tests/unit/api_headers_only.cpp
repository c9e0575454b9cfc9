// api_headers_only.cpp: compiled with include/ alone on the include path (not src/),
// so the build fails if a public header reaches an internal one (tests/CMakeLists.txt).
#include <clove/clove.h>

int clove_public_headers_compile_alone() {
  clove::Options options;
  options.sandboxed = true;
  return static_cast<int>(options.capabilities) + CLOVE_VERSION_MAJOR;
}
