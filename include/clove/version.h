// version.h: the version of the Clove headers a program is compiled against. Part of
// the public API (clove/clove.h). CMakeLists.txt checks that these numbers match the
// project's version.
#pragma once

#define CLOVE_VERSION_MAJOR 0
#define CLOVE_VERSION_MINOR 1
#define CLOVE_VERSION_PATCH 0
/// "MAJOR.MINOR.PATCH"
#define CLOVE_VERSION_STRING "0.1.0"
/// One number that grows with each release: MAJOR * 10000 + MINOR * 100 + PATCH.
#define CLOVE_VERSION_NUMBER (CLOVE_VERSION_MAJOR * 10000 + CLOVE_VERSION_MINOR * 100 + CLOVE_VERSION_PATCH)

namespace clove {
/// The version of the library linked in ("0.1.0"), which differs from
/// CLOVE_VERSION_STRING if the program was compiled against other headers.
const char* version();
/// The build stamp of the library linked in: version, source revision, build type and
/// compiler, e.g. "clove 0.1.0 (3f2a9c1, Release, GNU 12.2.0)".
const char* build_stamp();
}  // namespace clove
