// debugger.cpp: `clove debug` (debugger.h), a DebugHost (vm/debugger.h) that reads
// commands from the terminal at each stop.
#include "cli/debugger.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include <editline/readline.h>

#include "api/runtime.h"
#include "natives/clove_debug/frame_eval.h"
#include "runtime/lang/exception.h"
#include "runtime/print/print.h"
#include "runtime/text/string.h"

namespace clove::cli {

namespace {

const char* kHelp =
    "commands:\n"
    "  break FILE:LINE | break LINE   set a breakpoint (b)\n"
    "  delete [ID]                    remove a breakpoint, or all (d)\n"
    "  run                            start the program (r)\n"
    "  bt                             the stack, innermost first (backtrace, where)\n"
    "  frame N                        select frame N for locals and print (f)\n"
    "  locals                         the selected frame's locals and captured values\n"
    "  print EXPR                     evaluate EXPR in the selected frame (p)\n"
    "  step | next | finish           step into, over, out of the current line (s, n, fin)\n"
    "  continue                       go on to the next stop (c)\n"
    "  quit                           stop the program and exit (q)\n";

/// ~/.clove_debug_history, or $CLOVE_HISTORY ("" when that is empty or there is no home).
std::string history_file() {
  if (const char* h = std::getenv("CLOVE_HISTORY")) return h;
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.clove_debug_history" : std::string();
}

struct Quit {};

class CliDebugger : public DebugHost {
 public:
  CliDebugger(Runtime& vm, std::string file) : vm_(vm), file_(std::move(file)) {
    tty_ = ::isatty(STDIN_FILENO);
    history_ = history_file();
    if (tty_) {
      stifle_history(1000);
      if (!history_.empty()) read_history(history_.c_str());
    }
  }

  /// Reads commands until one runs or resumes the program; false at end of input or quit.
  bool command_loop(bool before_run) {
    for (;;) {
      std::string line;
      if (!read_line(&line)) return false;
      std::istringstream in(line);
      std::string cmd;
      in >> cmd;
      std::string rest;
      std::getline(in, rest);
      while (!rest.empty() && rest.front() == ' ') rest.erase(0, 1);
      if (cmd.empty()) continue;
      try {
        if (cmd == "quit" || cmd == "q" || cmd == "exit") return false;
        if (cmd == "help" || cmd == "h") std::fputs(kHelp, stdout);
        else if (cmd == "break" || cmd == "b") set_break(rest);
        else if (cmd == "delete" || cmd == "d") del(rest);
        else if (cmd == "run" || cmd == "r") {
          if (!before_run) std::puts("the program is running already");
          else return true;
        } else if (before_run && (cmd == "bt" || cmd == "locals" || cmd == "step" || cmd == "next" ||
                                  cmd == "finish" || cmd == "continue" || cmd == "c" || cmd == "s" || cmd == "n")) {
          std::puts("the program is not running (run starts it)");
        } else if (cmd == "print" || cmd == "p") print(rest);
        else if (cmd == "bt" || cmd == "backtrace" || cmd == "where") backtrace();
        else if (cmd == "frame" || cmd == "f") select(rest);
        else if (cmd == "locals") locals();
        else if (cmd == "step" || cmd == "s") return go(StepMode::Into);
        else if (cmd == "next" || cmd == "n") return go(StepMode::Over);
        else if (cmd == "finish" || cmd == "fin") return go(StepMode::Out);
        else if (cmd == "continue" || cmd == "c") return go(StepMode::None);
        else std::printf("unknown command %s (help lists them)\n", cmd.c_str());
      } catch (const VMAbort&) {
        throw;
      } catch (const CloveError& e) {
        std::printf("error: %s\n", e.payload.is_nil() ? e.what() : vm_.format_exception(e.payload).c_str());
      } catch (const Diagnostic& e) {
        std::printf("error: %s\n", e.what());
      } catch (const std::exception& e) {
        std::printf("error: %s\n", e.what());
      }
      std::fflush(stdout);
    }
  }

  void stopped(const StopEvent& e) override {
    fiber_ = e.fiber;
    frame_ = 0;
    std::vector<FrameView> fr = clove_frames(vm_, fiber_);
    std::string where = fr.empty() ? std::string("?") : vm_.sources.format(fr[0].pos);
    switch (e.reason) {
      case StopReason::Breakpoint: std::printf("breakpoint %d at %s\n", e.breakpoint, where.c_str()); break;
      case StopReason::Exception:
        std::printf("%s exception at %s\n%s\n", e.uncaught ? "uncaught" : "thrown", where.c_str(),
                    vm_.format_exception(e.exception).c_str());
        break;
      default: std::printf("stopped (%s) at %s\n", stop_reason_name(e.reason), where.c_str()); break;
    }
    if (!fr.empty() && fr[0].pos.known()) {
      std::string text = vm_.sources.line_text(fr[0].pos.file, fr[0].pos.line);
      std::printf("%5u  %s\n", fr[0].pos.line, text.c_str());
    }
    std::fflush(stdout);
    if (!command_loop(false)) throw VMAbort(ErrorKind::InterruptedError, "quit");
  }

 private:
  bool read_line(std::string* out) {
    if (tty_) {
      char* line = readline("(clove-debug) ");
      if (!line) return false;
      *out = line;
      if (*line) {
        add_history(line);
        if (!history_.empty()) write_history(history_.c_str());
      }
      std::free(line);
      return true;
    }
    std::fputs("(clove-debug) ", stdout);
    std::fflush(stdout);
    char buf[4096];
    if (!std::fgets(buf, sizeof buf, stdin)) return false;
    *out = buf;
    while (!out->empty() && (out->back() == '\n' || out->back() == '\r')) out->pop_back();
    return true;
  }

  void set_break(const std::string& arg) {
    std::string file = file_, line = arg;
    size_t colon = arg.rfind(':');
    if (colon != std::string::npos) {
      file = arg.substr(0, colon);
      line = arg.substr(colon + 1);
    }
    char* end = nullptr;
    long n = std::strtol(line.c_str(), &end, 10);
    if (line.empty() || *end || n < 1) {
      std::puts("usage: break FILE:LINE or break LINE");
      return;
    }
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
      std::printf("no file %s\n", file.c_str());
      return;
    }
    int id = vm_.debugger().set_line_breakpoint(file, static_cast<uint32_t>(n));
    const Debugger::Breakpoint& b = vm_.debugger().breakpoints().at(id);
    if (b.actual_line && b.actual_line != static_cast<uint32_t>(n))
      std::printf("breakpoint %d at %s:%u\n", id, file.c_str(), b.actual_line);
    else
      std::printf("breakpoint %d at %s:%ld\n", id, file.c_str(), n);
  }

  void del(const std::string& arg) {
    if (arg.empty()) {
      vm_.debugger().clear_all();
      std::puts("all breakpoints removed");
      return;
    }
    int id = std::atoi(arg.c_str());
    std::puts(vm_.debugger().clear_breakpoint(id) ? "removed" : "no such breakpoint");
  }

  void backtrace() {
    std::vector<FrameView> fr = clove_frames(vm_, fiber_);
    for (size_t k = 0; k < fr.size(); ++k)
      std::printf("%s#%zu  %s at %s\n", k == frame_ ? "*" : " ", k,
                  fr[k].name ? std::string(fr[k].name->view()).c_str() : "<top level>",
                  vm_.sources.format(fr[k].pos).c_str());
  }

  FrameView current() {
    std::vector<FrameView> fr = clove_frames(vm_, fiber_);
    if (fr.empty()) throw std::runtime_error("no Clove frame");
    return fr[std::min(frame_, fr.size() - 1)];
  }

  void select(const std::string& arg) {
    std::vector<FrameView> fr = clove_frames(vm_, fiber_);
    size_t n = static_cast<size_t>(std::atol(arg.c_str()));
    if (n >= fr.size()) {
      std::printf("no frame %zu (there are %zu)\n", n, fr.size());
      return;
    }
    frame_ = n;
    std::printf("#%zu  %s\n", n, vm_.sources.format(fr[n].pos).c_str());
  }

  void locals() {
    FrameView fr = current();
    Debugger& d = vm_.debugger();
    for (const LocalView& l : d.locals(fiber_, fr))
      std::printf("  %s = %s\n", l.name->str().c_str(),
                  l.available ? pr_str_report(vm_, l.value).c_str() : "<unavailable>");
    for (const LocalView& l : d.upvalues(fr))
      std::printf("  %s = %s  (captured)\n", l.name->str().c_str(), pr_str_report(vm_, l.value).c_str());
  }

  void print(const std::string& expr) {
    if (expr.empty()) {
      std::puts("usage: print EXPR");
      return;
    }
    Var* rs = vm_.resolve_var(vm_.core_ns(), vm_.sym("read-string"));
    Value form = vm_.call(rs->root, {string_value(vm_.heap, expr)});
    Value v = fiber_ ? eval_in_frame(vm_, fiber_, current(), form) : vm_.eval_form(form);
    std::printf("%s\n", pr_str_report(vm_, v).c_str());
  }

  bool go(StepMode m) {
    vm_.debugger().step(m, fiber_);
    return true;
  }

  Runtime& vm_;
  std::string file_;
  bool tty_ = false;
  std::string history_;
  Fiber* fiber_ = nullptr;
  size_t frame_ = 0;
};

}  // namespace

int run_debugger(Runtime& vm, const std::string& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    std::fprintf(stderr, "clove debug: no file %s\n", file.c_str());
    return 2;
  }
  CliDebugger host(vm, file);
  Debugger& d = vm.debugger();
  d.set_host(&host);
  d.break_on_uncaught = true;
  std::printf("clove debug %s: break FILE:LINE, then run (help lists the commands)\n", file.c_str());
  std::fflush(stdout);
  if (!host.command_loop(true)) return 0;
  int code = 0;
  try {
    vm.load_file(file);
    std::puts("the program ended");
  } catch (const VMAbort& e) {
    code = 0;  // quit
  } catch (const CloveError& e) {
    code = 1;
    std::fprintf(stderr, "%s\n", e.payload.is_nil() ? e.what() : vm.format_exception(e.payload).c_str());
  } catch (const Diagnostic& e) {
    code = 1;
    std::fprintf(stderr, "%s\n", e.what());
  }
  std::fflush(stdout);
  d.set_host(nullptr);
  return code;
}

}  // namespace clove::cli
