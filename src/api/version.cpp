// version.cpp: clove::version and clove::build_stamp (include/clove/version.h).
// CLOVE_SOURCE_REVISION and CLOVE_BUILD_TYPE come from CMakeLists.txt.
#include "clove/version.h"

#ifndef CLOVE_SOURCE_REVISION
#define CLOVE_SOURCE_REVISION "unknown"
#endif
#ifndef CLOVE_BUILD_TYPE
#define CLOVE_BUILD_TYPE "unknown"
#endif
#if defined(__clang__)
#define CLOVE_COMPILER "Clang " __clang_version__
#elif defined(__GNUC__)
#define CLOVE_COMPILER "GNU " __VERSION__
#else
#define CLOVE_COMPILER "unknown compiler"
#endif

namespace clove {
const char* version() { return CLOVE_VERSION_STRING; }
const char* build_stamp() {
  return "clove " CLOVE_VERSION_STRING " (" CLOVE_SOURCE_REVISION ", " CLOVE_BUILD_TYPE ", " CLOVE_COMPILER ")";
}
}  // namespace clove
