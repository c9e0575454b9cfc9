// debugger.h: `clove debug FILE [ARGS]`, the command-line debugger (SPEC T3;
// docs/debugging.md). Commands: break FILE:LINE (or LINE, in FILE), delete [ID], run,
// bt, locals, print EXPR, step, next, finish, continue, quit, help. Line editing and
// history with libedit on a terminal (~/.clove_debug_history, or the file $CLOVE_HISTORY
// names); commands are read from stdin otherwise.
#pragma once
#include <string>

namespace clove {
class Runtime;
}

namespace clove::cli {

/// Debugs `file` on vm: reads commands until `run`, runs the program stopping at its
/// breakpoints, uncaught exceptions and (clove.debug/break) calls, and reads commands
/// at each stop. Returns the exit status: 0, or 1 when the program ended with an error.
int run_debugger(Runtime& vm, const std::string& file);

}  // namespace clove::cli
