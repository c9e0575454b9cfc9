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
/// Clojure's Double.toString-compatible formatting of a double: the shortest digits
/// that read back as the same double, scientific ("1.0E10", "1.0E-5") outside
/// [1e-3, 1e7); "NaN", "Infinity", "-Infinity" for the special values.
std::string format_double(double d);

/// Deepest nesting print_value follows; deeper data (or data deep enough to run the
/// thread's C++ stack short first) throws StackOverflowError instead of crashing.
inline constexpr uint32_t kMaxPrintDepth = 10000;

}  // namespace clove
