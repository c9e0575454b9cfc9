// loader.h: finding and loading source files by namespace name (SPEC L12).
//
// A lib (namespace) name maps to a resource path with Clojure's munging: dots become
// slashes and dashes underscores, so `my.lib-x` is the resource "/my/lib_x". The
// resource is looked up in the VM's load path (State::load_path: -cp roots, CLOVE_PATH,
// the script's folder) with the extensions .clj, .cljc and .clove, in that order, root
// by root. Libraries embedded in the binary whose first line is
// `;; lazy-ns: NAME` (e.g. src/lib/20_test.clj, clojure.test) are not loaded at VM
// start: require finds them here first, before the load path.
//
// Bookkeeping, as clojure.core's *loaded-libs* and *pending-paths*: a lib counts as
// loaded once require loaded it, once an `ns` form declared it, or when its namespace
// exists, has vars of its own and is not in the middle of being loaded (so natives'
// namespaces such as clojure.string need no file, while an empty namespace made by
// create-ns or :as-alias does not stop a later require from loading the file); a
// resource that is required while it is still loading is a cyclic dependency.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "eval/core_lib.h"
#include "core/value.h"

namespace clove {

class State;
struct Symbol;

/// Source extensions tried for a resource, in order.
inline constexpr const char* kSourceExtensions[] = {".clj", ".cljc", ".clove"};

/// The resource path of a lib, without extension: "my.lib-x" -> "/my/lib_x".
std::string lib_resource(std::string_view lib);

/// The namespace an embedded library provides lazily (its `;; lazy-ns: NAME` first
/// line), or "" for a library loaded at VM start.
std::string_view lazy_library_ns(const EmbeddedFile& f);

/// Where a resource was found: a file path, or an embedded library.
struct Located {
  std::string path;                      // file path, or "clove/lib/<name>" when embedded
  const EmbeddedFile* embedded = nullptr;
};

/// Looks resource ("/a/b_c", no extension) up among the lazy embedded libraries and
/// then in vm.load_path. False when not found; `tried` (optional) receives every
/// candidate file path that was checked, in order. Throws SandboxException when the
/// resource is not embedded and the VM lacks the load capability (state/capability.h).
bool locate_resource(const State& vm, std::string_view resource, Located* out,
                     std::vector<std::string>* tried = nullptr);

/// Loads a source file given by path (load-file): its forms run in order; *ns* and
/// *file* are restored afterwards, even on error. IOException (FileNotFoundException)
/// if it cannot be read; reader/compile errors propagate as Diagnostic.
Value load_file_scoped(State& vm, const std::string& path);

/// Clojure's `load` of one resource path: "/a/b" is relative to a load-path root,
/// "b" to the folder of the current namespace. Checks for a cyclic load (Exception:
/// "Cyclic load dependency: [ /a ]->/b->[ /a ] (files: ...)"). A resource loading
/// itself again is ignored, as in Clojure. FileNotFoundException when not found,
/// naming the files and roots searched.
void load_resource(State& vm, std::string_view path);

/// Whether `lib` counts as loaded (see the header comment).
bool lib_loaded(const State& vm, Symbol* lib);

/// require's loading step for one lib: loads its resource unless already loaded (or
/// always when `reload`), then checks that the namespace now exists (Exception
/// "namespace 'a.b' not found after loading '/a/b'") and records it as loaded.
void load_lib(State& vm, Symbol* lib, bool reload);

}  // namespace clove
