// image.h: images, the state of a VM's namespaces saved with marshal (SPEC E7).
//
// A namespace image holds every namespace with its vars (root, metadata, flags), its
// mappings (own and referred vars), aliases and excluded core names, plus the set of
// loaded libs and the gensym counter. Loading one into a VM that has the same natives
// gives it those namespaces without reading or compiling any source: the core library
// is compiled into such an image when Clove is built (cli/make_core_image.cpp) and a
// new VM loads it instead of src/lib/*.clj (api/open_libs.cpp).
//
// Vars whose root is a process stream (*out*, *err*, *in*) keep the loading VM's root:
// streams belong to the process, not to the image. So do vars bound to the native
// def_native made for them, which the loading VM made too.
#pragma once
#include <string>
#include <string_view>

#include "image/marshal.h"

namespace clove {

class State;

/// The namespace image of vm: marshal's bytes of the snapshot described above.
/// Throws what marshal throws for a var whose value cannot be written.
/// opts.defer_bodies defers the fns' bodies (marshal.h): the core library's image.
std::string save_namespaces(State& vm, const MarshalOptions& opts = {});

/// Loads a namespace image made by save_namespaces into vm, creating or updating its
/// namespaces and vars. IllegalArgumentException for bytes that are not such an image.
void load_namespaces(State& vm, std::string_view image, const UnmarshalOptions& opts = {});

}  // namespace clove
