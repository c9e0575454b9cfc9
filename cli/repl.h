// repl.h: `clove repl`, the interactive read-eval-print loop (SPEC T2).
#pragma once
#include <functional>

namespace clove {
class Runtime;
}

namespace clove::cli {

/// Runs the REPL on vm until end of input (Ctrl-D); returns the exit status (0).
///
/// On a terminal: line editing and Tab completion (libedit) of vars, namespaces,
/// aliases, qualified names, keywords, special forms and class names (clove.nrepl/completions),
/// history kept in ~/.clove_history (CLOVE_HISTORY names another file, "" none),
/// multi-line forms (a "... " prompt until the form is complete), Ctrl-C interrupts the
/// evaluation in progress (or drops the line being typed), Ctrl-D exits. With stdin not
/// a terminal: forms are read from stdin (a form may span lines) and each value is
/// printed, with no prompt. Errors go to stderr; *1 *2 *3 *e are kept, and user has
/// clojure.repl's source apropos dir pst doc find-doc referred, as in clojure.main.
/// `report` prints an error the way the command line does (cli/main.cpp's guarded).
int run_repl(Runtime& vm, const std::function<int(const std::function<void()>&)>& guarded);

}  // namespace clove::cli
