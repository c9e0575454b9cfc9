// main.cpp: the `clove` command line (SPEC T1).
//
//   clove run FILE [ARGS...]     run a program; *command-line-args* holds ARGS
//   clove -e EXPR [ARGS...]      evaluate expressions, printing the last value unless nil
//   clove disasm FILE [--ir]     list the bytecode (or IR) of every top-level form
//   clove repl                   an interactive read-eval-print loop
//
// Exit codes: 0 success; 1 an uncaught error or a reader/compile error (the message,
// with file:line:column and a stack trace, goes to stderr); 2 bad usage.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <editline/readline.h>

#include "bytecode/disasm.h"
#include "compiler/compiler.h"
#include "reader/reader.h"
#include "runtime/coll.h"
#include "runtime/print.h"
#include "vm/vm.h"

namespace {

using clove::VM;
using clove::Value;

constexpr int kExitError = 1;

void set_command_line_args(VM& vm, const std::vector<std::string>& args) {
  std::vector<Value> items;
  for (const std::string& a : args) items.push_back(clove::string_value(vm.heap, a));
  clove::Var* v = vm.intern(vm.core_ns(), vm.sym("*command-line-args*"));
  v->flags |= clove::kFlagDynamic;
  v->root = items.empty() ? Value::nil() : clove::list_from(vm.heap, items.data(), items.size());
  v->bound = true;
}

/// Runs `body`, reporting any Clove error on stderr; returns the process exit code.
template <class F>
int guarded(VM& vm, F&& body) {
  try {
    body();
    std::fflush(stdout);
    return 0;
  } catch (const clove::Diagnostic& d) {
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", clove::render_diagnostic(d, vm.sources).c_str());
  } catch (const clove::CloveError& e) {
    std::fflush(stdout);
    if (clove::is<clove::Exception>(e.payload))
      std::fprintf(stderr, "%s\n", vm.format_exception(e.payload).c_str());
    else
      std::fprintf(stderr, "Execution error (%s).\n%s\n", clove::error_short_name(e.kind), e.what());
  } catch (const std::exception& e) {
    std::fflush(stdout);
    std::fprintf(stderr, "Internal error: %s\n", e.what());
  }
  return kExitError;
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

int cmd_disasm(VM& vm, const std::string& path, bool ir) {
  std::string text;
  if (!read_file(path, &text)) {
    std::fprintf(stderr, "clove: cannot read %s\n", path.c_str());
    return kExitError;
  }
  return guarded(vm, [&] {
    uint32_t id = vm.sources.add(path, text);
    clove::ReaderOptions opts;
    clove::Reader reader(vm, vm.sources.text(id), id, opts);
    clove::RootScope scope(vm.heap);
    size_t slot = scope.push(Value::nil());
    Value form;
    while (reader.next(&form)) {
      scope[slot] = form;
      std::string ir_text;
      clove::CompileOptions co;
      if (ir) co.ir_dump = &ir_text;
      clove::FnProto* fp = clove::compile_toplevel(vm, form, co);
      scope.push(Value::object(fp));
      std::string listing = ir ? ir_text : clove::disassemble(vm, fp);
      std::fwrite(listing.data(), 1, listing.size(), stdout);
      std::fputc('\n', stdout);
      // Run the form (output discarded) so later forms see its definitions and macros.
      std::string discard;
      vm.out_capture.push_back(&discard);
      try {
        vm.call(Value::object(clove::make_closure(vm.heap, fp, 0)), nullptr, 0);
      } catch (...) {
        vm.out_capture.pop_back();
        throw;
      }
      vm.out_capture.pop_back();
    }
  });
}

int cmd_repl(VM& vm) {
  std::fprintf(stdout, "Clove %s REPL. Ctrl-D to exit.\n", "0.1.0");
  std::string pending;
  for (;;) {
    std::string prompt = pending.empty() ? std::string(vm.current_ns()->name->str()) + "=> " : "... ";
    char* line = readline(prompt.c_str());
    if (!line) break;
    if (*line) add_history(line);
    pending += line;
    pending += '\n';
    std::free(line);
    // Multi-line forms: keep reading while the reader reports the input is unfinished.
    try {
      clove::Reader probe(vm, pending, 0);
      Value f;
      while (probe.next(&f)) {
      }
    } catch (const clove::Diagnostic& d) {
      if (d.kind == clove::DiagKind::reader_unterminated) continue;
    }
    std::string src = pending;
    pending.clear();
    guarded(vm, [&] {
      Value v = vm.eval_string(src, "<repl>");
      std::string out = clove::pr_str(vm, v);
      std::printf("%s\n", out.c_str());
    });
  }
  std::printf("\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Clove: a Clojure dialect on a register-based bytecode VM"};
  app.set_version_flag("--version", "clove 0.1.0");
  app.require_subcommand(0, 1);
  std::vector<std::string> eval_exprs;
  app.add_option("-e,--eval", eval_exprs, "Evaluate EXPR and print its value unless nil");

  std::string run_file;
  std::vector<std::string> run_args;
  CLI::App* run = app.add_subcommand("run", "Run a Clove/Clojure program");
  run->add_option("file", run_file, "Program file (.clj, .cljc, .clove)")->required();
  run->add_option("args", run_args, "Arguments, in *command-line-args*");
  run->prefix_command();

  std::string disasm_file;
  bool disasm_ir = false;
  CLI::App* disasm = app.add_subcommand("disasm", "Show the bytecode of every top-level form");
  disasm->add_option("file", disasm_file, "Source file")->required();
  disasm->add_flag("--ir", disasm_ir, "Show the compiler's IR instead of bytecode");

  CLI::App* repl = app.add_subcommand("repl", "Start an interactive REPL");

  std::vector<std::string> rest_args;
  app.allow_extras();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  VM* vmp = nullptr;
  try {
    vmp = new VM();
  } catch (const clove::Diagnostic& d) {
    std::fprintf(stderr, "clove: failed to load the core library:\n%s\n", d.what());
    return kExitError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "clove: failed to start: %s\n", e.what());
    return kExitError;
  }
  VM& vm = *vmp;
  // As clojure.main does for scripts and the REPL.
  if (clove::Var* v = vm.resolve_var(vm.core_ns(), vm.sym("*print-namespace-maps*"))) v->root = Value::t();
  int code = 0;
  if (*run) {
    set_command_line_args(vm, run_args);
    code = guarded(vm, [&] { vm.load_file(run_file); });
  } else if (*disasm) {
    code = cmd_disasm(vm, disasm_file, disasm_ir);
  } else if (!eval_exprs.empty()) {
    set_command_line_args(vm, app.remaining());
    for (const std::string& expr : eval_exprs) {
      code = guarded(vm, [&] {
        Value v = vm.eval_string(expr, "<expr>");
        if (!v.is_nil()) {
          std::string out = clove::pr_str(vm, v);
          vm.write_out(out + "\n");
        }
      });
      if (code) break;
    }
  } else if (*repl || argc == 1) {
    code = cmd_repl(vm);
  } else {
    std::fprintf(stderr, "%s", app.help().c_str());
    code = 2;
  }
  std::fflush(stdout);
  // CLOVE_GC_VALIDATE=1: check the heap's invariants after the program (the test
  // harness sets it, so every conformance script ends with a heap validation).
  if (const char* val = std::getenv("CLOVE_GC_VALIDATE"); val && *val && std::string(val) != "0") {
    try {
      vm.heap.collect();
      vm.heap.validate();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "clove: heap validation failed: %s\n", e.what());
      std::_Exit(70);
    }
  }
  // The process is exiting: skip tearing down the heap object by object.
  std::_Exit(code);
}
