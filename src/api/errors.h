// errors.h: how errors cross the public API (include/clove/handle.h's clove::Error).
//
// Going out (a call from the host ends with a Clove error): guarded() runs the call
// and turns the internal exceptions (CloveError, VMAbort, Diagnostic; core/error.h,
// core/source.h) into clove::Error. Coming in (a host native throws): rethrow_in_clove
// turns what the native threw back into what the interpreter expects.
#pragma once
#include <exception>

#include "api/runtime.h"
#include "clove/handle.h"
#include "core/source.h"

namespace clove {
namespace detail {

/// The clove::Error for an exception that reached the host.
Error public_error(Runtime& rt, const CloveError& e, bool aborted);
Error public_error(Runtime& rt, const Diagnostic& d);

/// Throws the clove::Error of a Clove error of class `kind` raised in C++ (no trace):
/// what the API's own checks (conversions) throw.
[[noreturn]] void throw_public(Runtime& rt, ErrorKind kind, const std::string& message);

/// Runs f() and returns its result; an internal error becomes clove::Error.
template <class F>
auto guarded(Runtime& rt, F&& f) -> decltype(f()) {
  try {
    return f();
  } catch (const VMAbort& e) {
    throw public_error(rt, e, true);
  } catch (const CloveError& e) {
    throw public_error(rt, e, false);
  } catch (const Diagnostic& d) {
    throw public_error(rt, d);
  }
}

/// Called inside a catch block of a host native's trampoline: rethrows the current
/// exception as the interpreter expects it. A clove::Error becomes its Clove exception
/// again (or VMAbort for an abort); any other std::exception a RuntimeException with
/// its what(); internal exceptions pass unchanged.
[[noreturn]] void rethrow_in_clove(Runtime& rt, const char* native_name);

}  // namespace detail
}  // namespace clove
