// error.h: error kinds and the C++ exceptions that carry Clove errors.
//
// Two families travel as C++ exceptions:
//  * CloveError: a runtime error raised by C++ code (natives, data structures, the
//    heap). The VM turns it into a Clove exception object (runtime/lang/exception.h) with a
//    stack trace of Clove frames, which `catch` can then match by class.
//  * Diagnostic (core/diagnostic.h): a reader or compiler error with a source span.
//
// ErrorKind lists the exception classes Clove code can catch (SPEC L13), with their
// superclass so that `(catch RuntimeException e ...)` matches an ArithmeticException.
#pragma once
#include <stdexcept>
#include <string>

#include "core/value.h"

namespace clove {

// X(enum, Clojure/Java class name, parent enum)
#define CLOVE_ERROR_KINDS(X)                                                           \
  X(Throwable, "java.lang.Throwable", Throwable)                                       \
  X(Error, "java.lang.Error", Throwable)                                                \
  X(StackOverflowError, "java.lang.StackOverflowError", Error)                          \
  X(OutOfMemoryError, "java.lang.OutOfMemoryError", Error)                              \
  X(AssertionError, "java.lang.AssertionError", Error)                                  \
  X(InterruptedError, "clove.lang.InterruptedError", Error)                             \
  X(BudgetExhaustedError, "clove.lang.BudgetExhaustedError", Error)                     \
  X(IllegalAccessError, "java.lang.IllegalAccessError", Error)                          \
  X(Exception, "java.lang.Exception", Throwable)                                        \
  X(RuntimeException, "java.lang.RuntimeException", Exception)                          \
  X(ArithmeticException, "java.lang.ArithmeticException", RuntimeException)             \
  X(IllegalArgumentException, "java.lang.IllegalArgumentException", RuntimeException)   \
  X(ArityException, "clojure.lang.ArityException", IllegalArgumentException)            \
  X(NumberFormatException, "java.lang.NumberFormatException", IllegalArgumentException) \
  X(PatternSyntaxException, "java.util.regex.PatternSyntaxException",                   \
    IllegalArgumentException)                                                           \
  X(IllegalFormatException, "java.util.IllegalFormatException", IllegalArgumentException) \
  X(UnknownFormatConversionException, "java.util.UnknownFormatConversionException",     \
    IllegalFormatException)                                                             \
  X(MissingFormatArgumentException, "java.util.MissingFormatArgumentException",         \
    IllegalFormatException)                                                             \
  X(IllegalFormatConversionException, "java.util.IllegalFormatConversionException",     \
    IllegalFormatException)                                                             \
  X(IllegalFormatFlagsException, "java.util.IllegalFormatFlagsException",               \
    IllegalFormatException)                                                             \
  X(IllegalStateException, "java.lang.IllegalStateException", RuntimeException)         \
  X(ClassCastException, "java.lang.ClassCastException", RuntimeException)               \
  X(IndexOutOfBoundsException, "java.lang.IndexOutOfBoundsException", RuntimeException) \
  X(StringIndexOutOfBoundsException, "java.lang.StringIndexOutOfBoundsException",      \
    IndexOutOfBoundsException)                                                          \
  X(ArrayIndexOutOfBoundsException, "java.lang.ArrayIndexOutOfBoundsException",        \
    IndexOutOfBoundsException)                                                          \
  X(NegativeArraySizeException, "java.lang.NegativeArraySizeException", RuntimeException) \
  X(ArrayStoreException, "java.lang.ArrayStoreException", RuntimeException)             \
  X(NullPointerException, "java.lang.NullPointerException", RuntimeException)           \
  X(UnsupportedOperationException, "java.lang.UnsupportedOperationException",           \
    RuntimeException)                                                                   \
  X(ExceptionInfo, "clojure.lang.ExceptionInfo", RuntimeException)                      \
  X(ReaderException, "clojure.lang.LispReader$ReaderException", RuntimeException)       \
  X(CompilerException, "clojure.lang.Compiler$CompilerException", RuntimeException)     \
  X(SecurityException, "java.lang.SecurityException", RuntimeException)                 \
  X(SandboxException, "clove.lang.SandboxException", SecurityException)                 \
  X(IOException, "java.io.IOException", Exception)                                      \
  X(FileNotFoundException, "java.io.FileNotFoundException", IOException)                \
  X(CancellationException, "java.util.concurrent.CancellationException",                \
    IllegalStateException)                                                              \
  X(ExecutionException, "java.util.concurrent.ExecutionException", Exception)           \
  X(AbstractMethodError, "java.lang.AbstractMethodError", Error)

enum class ErrorKind : uint8_t {
#define CLOVE_X(e, name, parent) e,
  CLOVE_ERROR_KINDS(CLOVE_X)
#undef CLOVE_X
      kCount
};

/// Fully qualified class name, e.g. "java.lang.ArithmeticException".
const char* error_class_name(ErrorKind k);
/// Short name, e.g. "ArithmeticException".
const char* error_short_name(ErrorKind k);
ErrorKind error_parent(ErrorKind k);
/// True when `k` is `ancestor` or a subclass of it.
bool error_is_a(ErrorKind k, ErrorKind ancestor);
/// Looks a class up by short or full name ("Exception", "java.lang.Exception"); false if unknown.
bool error_kind_from_name(const std::string& name, ErrorKind* out);

/// A runtime error raised from C++. `payload` optionally carries a Clove exception
/// object already built (a rethrow); otherwise the VM builds one from kind+message.
struct CloveError : std::runtime_error {
  ErrorKind kind;
  Value payload;  // nil, or an Exception object (runtime/lang/exception.h)
  CloveError(ErrorKind k, std::string msg, Value p = Value::nil())
      : std::runtime_error(std::move(msg)), kind(k), payload(p) {}
};

[[noreturn]] void throw_error(ErrorKind k, const std::string& message);

/// An error no Clove `catch` can stop: it unwinds every Clove frame to the host that
/// called into the VM (an instruction budget that ran out with no fiber to suspend,
/// SPEC V9). C++ code that catches CloveError to turn it into something else must
/// rethrow a VMAbort unchanged.
struct VMAbort : CloveError {
  using CloveError::CloveError;
};

}  // namespace clove
