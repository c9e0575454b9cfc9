// repl.cpp: the REPL of repl.h.
#include "cli/repl.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include <editline/readline.h>

#include "api/runtime.h"
#include "reader/reader.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/exception.h"
#include "runtime/print/print.h"
#include "runtime/text/string.h"
#include "state/namespace.h"

namespace clove::cli {

namespace {

Value session_var(Runtime& vm, const char* name) {
  Var* v = vm.resolve_var(vm.core_ns(), vm.sym(name));
  return v ? vm.var_value(v) : Value::nil();
}
void set_session_var(Runtime& vm, const char* name, Value val) {
  if (Var* v = vm.resolve_var(vm.core_ns(), vm.sym(name))) vm.set_binding(v, val);
}

// Ctrl-C: interrupts the evaluation in progress (Runtime::interrupt is safe to call from
// a signal handler: it stores an atomic flag), or drops the line being typed.
Runtime* g_vm = nullptr;
volatile std::sig_atomic_t g_evaluating = 0;
extern "C" void on_sigint(int) {
  if (g_evaluating && g_vm) g_vm->interrupt();
}

// ---- completion ----

std::vector<std::string> g_matches;
size_t g_next_match = 0;

/// The candidates clove.nrepl/completions gives for `prefix` in the current namespace.
std::vector<std::string> completions(Runtime& vm, const std::string& prefix) {
  std::vector<std::string> out;
  try {
    Var* f = vm.resolve_var(vm.core_ns(), vm.sym("clove.nrepl/completions"));
    if (!f) {
      vm.eval_string("(require 'clove.nrepl)", "<repl>");
      f = vm.resolve_var(vm.core_ns(), vm.sym("clove.nrepl/completions"));
    }
    if (!f) return out;
    RootScope scope(vm.heap);
    Value p = scope[scope.push(string_value(vm.heap, prefix))];
    Value ns = scope[scope.push(string_value(vm.heap, vm.current_ns()->name->str()))];
    Value cands = vm.call(vm.var_value(f), {p, ns});
    scope.push(cands);
    Value key = Value::object(vm.kw("candidate"));
    for (Value s = seq(vm, cands); !s.is_nil(); s = next(vm, s))
      if (String* c = as<String>(get(vm, first(vm, s), key))) out.emplace_back(c->view());
  } catch (const std::exception&) {
    // No completions rather than an error in the middle of typing.
  }
  return out;
}

char* completion_generator(const char* text, int state) {
  if (state == 0) {
    g_matches = completions(*g_vm, text);
    g_next_match = 0;
  }
  if (g_next_match >= g_matches.size()) return nullptr;
  return strdup(g_matches[g_next_match++].c_str());
}

char** complete(const char* text, int, int) {
  rl_attempted_completion_over = 1;  // never file names
  return rl_completion_matches(text, completion_generator);
}

/// ~/.clove_history, or $CLOVE_HISTORY ("" when that is empty or there is no home).
std::string history_file() {
  if (const char* h = std::getenv("CLOVE_HISTORY")) return h;
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.clove_history" : std::string();
}

// ---- reading forms ----

/// Whether `text` holds only complete forms (false while the reader wants more).
bool complete_forms(Runtime& vm, const std::string& text) {
  try {
    std::string_view rest(text);
    size_t end = 0;
    while (first_form_extent(vm, rest, &end)) rest.remove_prefix(end);
  } catch (const Diagnostic& d) {
    if (d.kind == DiagKind::reader_unterminated) return false;
  }
  return true;
}

/// Evaluates src and prints its value (or the error, through `guarded`).
void eval_and_print(Runtime& vm, const std::string& src,
                    const std::function<int(const std::function<void()>&)>& guarded) {
  // Each form's value is printed as it is made (a line may hold several forms).
  auto print_value = [&](Value v) {
    // *1 *2 *3: the last three values, as clojure.main's REPL keeps them.
    RootScope scope(vm.heap);
    scope.push(v);
    set_session_var(vm, "*3", session_var(vm, "*2"));
    set_session_var(vm, "*2", session_var(vm, "*1"));
    set_session_var(vm, "*1", v);
    std::string out = pr_str(vm, v);
    vm.write_out(out + "\n");
    std::fflush(stdout);
  };
  guarded([&] {
    try {
      vm.eval_string(src, "<repl>", print_value);
    } catch (const CloveError& e) {
      // *e: the exception, for (ex-message *e), (ex-data *e), (pst)...
      Value exc = e.payload.is_nil() ? Value::object(vm.make_exception(e.kind, e.what())) : e.payload;
      set_session_var(vm, "*e", exc);
      throw;
    }
  });
}

/// Evaluates the forms of src one after another, printing each value or error: an
/// error in one form does not stop the forms after it on the line, as in clojure.main's
/// REPL. Each form is cut from the text only once the forms before it have run (a
/// `::alias/kw` may need the namespace a `require` before it made). Text that does not
/// read goes to eval_and_print whole, for its error.
void eval_and_print_forms(Runtime& vm, const std::string& src,
                          const std::function<int(const std::function<void()>&)>& guarded) {
  std::string_view rest(src);
  for (;;) {
    size_t end = 0;
    try {
      if (!first_form_extent(vm, rest, &end)) return;
    } catch (const Diagnostic&) {
      eval_and_print(vm, std::string(rest), guarded);
      return;
    }
    eval_and_print(vm, std::string(rest.substr(0, end)), guarded);
    rest.remove_prefix(end);
  }
}

}  // namespace

int run_repl(Runtime& vm, const std::function<int(const std::function<void()>&)>& guarded) {
  g_vm = &vm;
  struct sigaction sa{};
  sa.sa_handler = on_sigint;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: the terminal read returns, and the line is dropped
  sigaction(SIGINT, &sa, nullptr);
  // As clojure.main's REPL: clojure.repl's tools in user.
  guarded([&] {
    vm.eval_string("(clojure.core/require '[clojure.repl :refer (source apropos dir pst doc find-doc)])",
                   "<repl>");
  });
  const bool tty = ::isatty(STDIN_FILENO);
  std::string pending;
  if (!tty) {
    // Forms from a pipe or file: no prompts, one value printed per form.
    std::string line;
    while (std::getline(std::cin, line)) {
      pending += line;
      pending += '\n';
      if (!complete_forms(vm, pending)) continue;
      std::string src;
      src.swap(pending);
      if (src.find_first_not_of(" \t\r\n,") == std::string::npos) continue;
      eval_and_print_forms(vm, src, guarded);
    }
    if (pending.find_first_not_of(" \t\r\n,") != std::string::npos) eval_and_print_forms(vm, pending, guarded);
    return 0;
  }
  std::fprintf(stdout, "Clove %s REPL. Ctrl-D to exit, Ctrl-C to interrupt an evaluation.\n", "0.1.0");
  rl_attempted_completion_function = complete;
  // Clojure symbols hold . / : - * ! ? etc.: only blanks and brackets end a word.
  rl_basic_word_break_characters = " \t\n\"'`@~()[]{},;^";
  rl_completer_word_break_characters = const_cast<char*>(rl_basic_word_break_characters);
  const std::string history = history_file();
  stifle_history(1000);
  if (!history.empty()) read_history(history.c_str());
  for (;;) {
    std::string prompt = pending.empty() ? vm.current_ns()->name->str() + "=> " : "... ";
    errno = 0;
    char* line = readline(prompt.c_str());
    if (!line && errno == EINTR) {  // Ctrl-C at the prompt: a fresh prompt
      pending.clear();
      std::printf("\n");
      continue;
    }
    if (!line) break;
    // From here until the next prompt Ctrl-C interrupts the VM (a Ctrl-C pressed as the
    // evaluation starts is not lost); a pending one is dropped before the next prompt.
    struct Interruptible {
      Interruptible() { g_evaluating = 1; }
      ~Interruptible() {
        g_evaluating = 0;
        g_vm->clear_interrupt();
      }
    } interruptible;
    if (*line) {
      add_history(line);
      if (!history.empty()) write_history(history.c_str());
    }
    pending += line;
    pending += '\n';
    std::free(line);
    // Multi-line forms: keep reading while the reader reports the input is unfinished.
    if (!complete_forms(vm, pending)) continue;
    std::string src;
    src.swap(pending);
    if (src.find_first_not_of(" \t\r\n,") == std::string::npos) continue;
    eval_and_print_forms(vm, src, guarded);
  }
  std::printf("\n");
  return 0;
}

}  // namespace clove::cli
