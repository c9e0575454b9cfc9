// program.h: program images, `clove compile` and `clove run IMAGE` (SPEC E7, T1).
//
// Compiling a program loads it as `clove run` would (its top-level forms run, as
// Clojure's compile loads the namespaces it compiles), recording the bytecode of every
// top-level form of the program's file and of each resource it requires or loads. The
// image holds those compiled forms, grouped by file. Running the image runs the
// program's forms in order without reading or compiling source: a require of a
// resource the image holds runs its recorded forms instead of finding the file.
//
// Forms that read source at run time still do (load-file, load-string, eval of read
// text), and so do requires of resources the program did not load while compiling.
#pragma once
#include <string>
#include <string_view>

#include "core/value.h"

namespace clove {

class State;

/// Loads the program at `path` into vm while recording its compiled forms, and returns
/// the image (marshal's bytes). Throws what loading the program throws (Diagnostic,
/// CloveError), and IllegalArgumentException for a compiled form that holds a value
/// marshal cannot write.
std::string compile_program(State& vm, const std::string& path);

/// Whether `bytes` start as marshalled data (an image) rather than source text.
bool is_image(std::string_view bytes);

/// Runs a program image made by compile_program: registers the resources it holds with
/// vm (State::image_units) and runs the program's own forms in order; returns the last
/// value. IllegalArgumentException for bytes that are not a program image.
Value run_program_image(State& vm, std::string_view bytes);

}  // namespace clove
