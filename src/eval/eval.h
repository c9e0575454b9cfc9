// eval.h: the evaluation driver: source text in, values out (Lua's luaL_loadstring and
// luaL_dofile, above the interpreter).
//
// eval_string reads a text form by form (reader/), resolves tagged literals with the
// *data-readers* in force (eval/data_readers.h), and compiles and runs each form
// (compiler/compiler.h's eval_form) before reading the next, so a form may define a
// macro or bind *data-readers* for the ones after it. Each load runs inside its own
// frame of the bindings Clojure's load establishes (*warn-on-reflection*,
// *unchecked-math*, *data-readers*).
#pragma once
#include <functional>
#include <string>
#include <string_view>

#include "core/value.h"

namespace clove {

class State;

/// Reads, compiles and runs every form of `src` in order; returns the last value (nil
/// for no forms). `name` is used for positions ("<expr>", a file path). Throws
/// Diagnostic for reader/compile errors and CloveError for uncaught runtime errors.
/// `each`, when given, receives every form's value as it is made (a REPL prints each
/// form's value of a line holding several); an error ends the evaluation there.
Value eval_string(State& vm, std::string_view src, std::string_view name,
                  const std::function<void(Value)>& each = {});
/// Runs top-level forms compiled earlier (a program image's, image/program.h) in order,
/// inside the bindings a load establishes, as eval_string runs forms it compiles;
/// returns the last value. `fn_protos` is a vector of FnProtos of no arguments
/// (IllegalArgumentException for anything else).
Value run_compiled_forms(State& vm, Value fn_protos);
/// eval_string on the contents of a file, in .clove mode when its name ends in .clove;
/// IOException if it cannot be read.
Value load_file(State& vm, const std::string& path);

}  // namespace clove
