// continuation.h: names for the continuations of stackless natives (State::call_then).
//
// A fiber suspended while a native waits for the call it requested holds that
// native's continuation (and unwind hook) as C++ function pointers on its stack.
// marshal (image/marshal.md, Fibers) writes them by name and reads them back through
// this registry, as Janet's marshal finds C functions through its registry of names.
// Each continuation is registered once, at static initialisation, by a
// ContinuationName object beside its definition; names are unique within a Clove
// version ("clojure.core/first" for first's wait on a lazy seq's thunk, ...).
#pragma once
#include <string_view>

#include "state/state.h"

namespace clove {

/// Registers `k` under `name` (a string literal). Registering one name twice aborts:
/// that is a bug in Clove, found by any run.
void register_continuation(const char* name, NativeCont k);
void register_unwind(const char* name, NativeUnwind u);
/// The name of a registered continuation or unwind hook; empty when not registered.
std::string_view continuation_name(NativeCont k);
std::string_view unwind_name(NativeUnwind u);
/// The continuation or unwind hook registered under `name`; nullptr when none is.
NativeCont continuation_named(std::string_view name);
NativeUnwind unwind_named(std::string_view name);

/// Throws IllegalArgumentException: the continuation `name` was resumed with arguments
/// or a context of the wrong kind, which only marshalled data made elsewhere can give
/// it. Every registered continuation checks what it casts before it casts it.
[[noreturn]] void bad_continuation(const char* name);

/// Registers a continuation (or an unwind hook) when the program starts: define one at
/// namespace scope beside the function, e.g.
/// `const ContinuationName kNextName{"clojure.core/next", next_k};`.
struct ContinuationName {
  ContinuationName(const char* name, NativeCont k) { register_continuation(name, k); }
  ContinuationName(const char* name, NativeUnwind u) { register_unwind(name, u); }
};

}  // namespace clove
