// core_lib.h: the Clove-written core library embedded in the binary (src/lib/*.clj).
#pragma once

namespace clove {

struct EmbeddedFile {
  const char* name;
  const char* text;
};
/// Terminated by {nullptr, nullptr}; loaded in order at VM start.
extern const EmbeddedFile kCoreLibrary[];

}  // namespace clove
