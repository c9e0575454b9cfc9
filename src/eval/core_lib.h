// core_lib.h: the Clove-written core library embedded in the binary (src/lib/*.clj).
#pragma once
#include <string_view>

namespace clove {

struct EmbeddedFile {
  const char* name;
  std::string_view text;  // its length known without reading it (cmake/embed_lib.cmake)
};
/// Terminated by an entry whose name is null; loaded in order at VM start.
extern const EmbeddedFile kCoreLibrary[];

/// The namespace image of the core library compiled at build time (image/image.h), or
/// empty when this program has none (the build step that makes it: then the library
/// is compiled from kCoreLibrary). Defined by the generated cmake/core_image.cpp.in.
std::string_view core_image();

}  // namespace clove
