// print.h: Clojure's printer (SPEC L16): pr-str and str of every value.
//
// `readably` true gives pr/prn output (strings quoted and escaped, chars as \a),
// false gives print/str output. Doubles print as Clojure does (1.0, 0.1, 1.0E10,
// ##NaN, ##Inf). *print-length* and *print-level* are honoured when set.
//
// Types that print in their own way (records, arrays, atoms, ...) say so in the per-type
// table, where they are defined (TypeInfo::print and TypeInfo::str in core/object.h);
// their hooks see the printer through core/print_context.h, not through this header.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/value.h"

namespace clove {

class State;

/// Appends the pr (readably) or print text of v to out.
void print_value(State& vm, std::string& out, Value v, bool readably);
/// print_value without consulting the program's print-method methods for v itself (they
/// still apply to the values inside it): print-method's :default method.
void print_value_builtin(State& vm, std::string& out, Value v, bool readably);
std::string pr_str(State& vm, Value v);   // readably
std::string str_of(State& vm, Value v);   // (str v): nil -> "", strings raw
/// Limits for printing a value inside an error report (pr_str_bounded).
struct PrintBounds {
  int64_t length = 100;      // items of each collection, then "..." (as *print-length*)
  int64_t level = 10;        // levels of nesting, then "#" (as *print-level*)
  size_t max_chars = 10000;  // bytes of text, then "..."
};

/// pr_str for error reports (the "data:" line of an uncaught ex-info, clojure.test's
/// report of an error): *print-length* and *print-level* no looser than `bounds`, and the
/// text cut after bounds.max_chars bytes (at a UTF-8 character boundary) with "..."
/// appended, so data of any size or depth (an infinite lazy seq) prints in bounded time
/// and space. Throws what printing throws (a lazy seq whose realization throws, a
/// print-method of the program's).
std::string pr_str_bounded(State& vm, Value v, const PrintBounds& bounds = {});

/// pr_str_bounded for the body of an error report, which must not fail itself: what
/// printing throws (a lazy seq whose realization throws, a print-method that throws)
/// becomes "#<unprintable: ExceptionClass: message>". Only a VMAbort and an
/// InterruptedError (the host stopping the VM) are rethrown.
std::string pr_str_report(State& vm, Value v);

/// str_of for error messages that show a value: collections within `bounds` as
/// pr_str_bounded prints them. Throws what printing throws.
std::string str_bounded(State& vm, Value v, const PrintBounds& bounds = {});

/// Clojure's Double.toString-compatible formatting of a double: the shortest digits
/// that read back as the same double, scientific ("1.0E10", "1.0E-5") outside
/// [1e-3, 1e7); "NaN", "Infinity", "-Infinity" for the special values.
std::string format_double(double d);
/// Float.toString of a float, laid out as format_double over the float's own shortest
/// digits: (float 0.1) is "0.1", (float 1e10) "1.0E10".
std::string format_float(float f);

/// Deepest nesting print_value follows; deeper data (or data deep enough to run the
/// thread's C++ stack short first) throws StackOverflowError instead of crashing.
inline constexpr uint32_t kMaxPrintDepth = 10000;

}  // namespace clove
