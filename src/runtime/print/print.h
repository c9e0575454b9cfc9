// print.h: Clojure's printer (SPEC L16): pr-str and str of every value.
//
// `readably` true gives pr/prn output (strings quoted and escaped, chars as \a),
// false gives print/str output. Doubles print as Clojure does (1.0, 0.1, 1.0E10,
// ##NaN, ##Inf). *print-length* and *print-level* are honoured when set.
#pragma once
#include <string>

#include "core/object.h"
#include "core/value.h"

namespace clove {

class State;

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

/// How a type defined outside the printer (atoms, records, host objects) prints.
/// The hook appends v's text to out; nested values go through print_value, which
/// keeps counting nesting depth. Registered once per type, at VM setup.
using PrintHook = void (*)(State& vm, std::string& out, Value v, bool readably);
void set_print_hook(ObjType type, PrintHook hook);
/// How `str` (Java's toString) renders a type defined outside the printer, when that
/// differs from its printed form (records: "user.P@1f", a deftype's own toString).
using StrHook = std::string (*)(State& vm, Value v);
void set_str_hook(ObjType type, StrHook hook);

/// Deepest nesting print_value follows; deeper data (or data deep enough to run the
/// thread's C++ stack short first) throws StackOverflowError instead of crashing.
inline constexpr uint32_t kMaxPrintDepth = 10000;

}  // namespace clove
