// main.cpp: the `clove` command line (SPEC T1).
//
//   clove run FILE [ARGS...]     run a program; *command-line-args* holds ARGS
//   clove -e EXPR [ARGS...]      evaluate expressions, printing the last value unless nil
//   clove disasm FILE [--ir]     list the bytecode (or IR) of every top-level form
//   clove compile FILE [-o OUT]  write a program image (default: FILE's name with .clvm);
//                                `clove run OUT` runs it without reading source
//   clove repl                   an interactive read-eval-print loop
//   clove test [PATHS...]        run clojure.test tests (default: the files under test/)
//   clove nrepl-server [--host H] [--port P]  an nREPL server for editors (tools/nrepl/)
//   clove debug FILE [ARGS...]   the command-line debugger (cli/debugger.h)
//   clove dap                    a Debug Adapter Protocol server on stdin/stdout (tools/dap/)
//   -cp ROOTS (or CLOVE_PATH)    ':'-separated source roots for require/load
//   clove run --max-instructions N FILE   stop the program after about N instructions
//   --max-memory SIZE            cap the heap at SIZE bytes (K, M, G suffixes: KiB, MiB,
//                                GiB); past it, an OutOfMemoryError (SPEC V9)
//
// Exit codes: 0 success; 1 an uncaught error or a reader/compile error (the message,
// with file:line:column and a stack trace, goes to stderr); 2 bad usage. Ctrl-C ends
// `run` with the usual status 130 and interrupts the evaluation in progress in `repl`.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "compiler/disasm.h"
#include "compiler/compiler.h"
#include "reader/reader.h"
#include "runtime/coll/coll.h"
#include "eval/loader.h"
#include "image/program.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "api/runtime.h"
#include "clove/vm.h"
#include "tools/dap/command.h"
#include "tools/nrepl/command.h"
#include "cli/debugger.h"
#include "cli/repl.h"

namespace {

using clove::Runtime;
using clove::Value;

constexpr int kExitError = 1;

void set_command_line_args(Runtime& vm, const std::vector<std::string>& args) {
  std::vector<Value> items;
  for (const std::string& a : args) items.push_back(clove::string_value(vm.heap, a));
  clove::Var* v = vm.intern(vm.core_ns(), vm.sym("*command-line-args*"));
  v->flags |= clove::kFlagDynamic;
  v->root = items.empty() ? Value::nil() : clove::list_from(vm.heap, items.data(), items.size());
  v->bound = true;
  vm.heap.barrier(v, v->root);  // the var is the core library's: frozen (gc/heap.h)
}

/// Binds, for the whole session, the vars clojure.main binds around a script or REPL
/// (its with-bindings), to their current values: a program may then set! them, e.g.
/// (set! *print-length* 10) or (set! *assert* false).
void bind_session_vars(Runtime& vm) {
  vm.push_current_bindings({"*warn-on-reflection*", "*math-context*", "*print-meta*", "*print-length*",
                            "*print-level*", "*print-namespace-maps*", "*data-readers*",
                            "*default-data-reader-fn*", "*command-line-args*", "*unchecked-math*", "*assert*",
                            "*1", "*2", "*3", "*e"});
}

/// Runs `body`, reporting any Clove error on stderr; returns the process exit code.
template <class F>
int guarded(Runtime& vm, F&& body) {
  try {
    body();
    std::fflush(stdout);
    return 0;
  } catch (const clove::VMAbort& e) {
    // An instruction budget ran out: nothing more of the program runs.
    std::fflush(stdout);
    vm.set_budget(Runtime::kUnlimited);
    std::fprintf(stderr, "Execution error (%s).\n%s\n", clove::error_short_name(e.kind), e.what());
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

/// Parses a memory size: a number of bytes with an optional K, M or G suffix (powers of
/// 1024; "KB", "KiB" and lower case are accepted too). False when malformed or 0.
bool parse_memory_size(const std::string& text, size_t* out) {
  size_t i = 0;
  uint64_t n = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (n > (UINT64_MAX - 9) / 10) return false;
    n = n * 10 + static_cast<uint64_t>(text[i++] - '0');
  }
  if (i == 0) return false;
  std::string suffix = text.substr(i);
  for (char& c : suffix) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  int shift = 0;
  if (!suffix.empty()) {
    const char unit = suffix[0];
    shift = unit == 'K' ? 10 : unit == 'M' ? 20 : unit == 'G' ? 30 : unit == 'B' && suffix == "B" ? 0 : -1;
    if (shift < 0) return false;
    std::string rest = unit == 'B' ? "" : suffix.substr(1);
    if (rest != "" && rest != "B" && rest != "IB") return false;
  }
  if (n == 0 || n > (SIZE_MAX >> shift)) return false;
  *out = static_cast<size_t>(n << shift);
  return true;
}

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

/// clove compile FILE [-o OUT]: loads FILE recording its compiled forms and writes the
/// program image (image/program.h).
int cmd_compile(Runtime& vm, const std::string& path, std::string out) {
  if (out.empty()) out = std::filesystem::path(path).replace_extension(".clvm").string();
  std::string image;
  int code = guarded(vm, [&] { image = clove::compile_program(vm, path); });
  if (code) return code;
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f.write(image.data(), static_cast<std::streamsize>(image.size()));
  f.close();
  if (!f) {
    std::fprintf(stderr, "clove compile: cannot write %s\n", out.c_str());
    return kExitError;
  }
  return 0;
}

int cmd_disasm(Runtime& vm, const std::string& path, bool ir) {
  std::string text;
  if (!read_file(path, &text)) {
    std::fprintf(stderr, "clove: cannot read %s\n", path.c_str());
    return kExitError;
  }
  // .clove files compile with the shadowing guard and compile-time unquote, as in `run`.
  vm.compiling_clove_file = path.size() > 6 && path.substr(path.size() - 6) == ".clove";
  return guarded(vm, [&] {
    uint32_t id = vm.sources.add(path, text);
    clove::ReaderOptions opts;
    clove::StateReaderEnv env(vm);
    clove::Reader reader(vm, env, vm.sources.text(id), id, opts);
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
      // Run the form (its standard output discarded) so later forms see its
      // definitions and macros.
      vm.set_out([](std::string_view) {});
      try {
        vm.call(Value::object(clove::make_closure(vm.heap, fp, 0)), nullptr, 0);
      } catch (...) {
        vm.set_out(nullptr);
        throw;
      }
      vm.set_out(nullptr);
    }
  });
}

/// Appends the ':'-separated roots in `spec` to the load path.
void add_roots(Runtime& vm, const std::string& spec) {
  size_t start = 0;
  while (start <= spec.size()) {
    size_t end = spec.find(':', start);
    if (end == std::string::npos) end = spec.size();
    if (end > start) vm.load_path.push_back(spec.substr(start, end - start));
    start = end + 1;
  }
}

/// The namespace a test file declares by its place under `root` (test/a/b_c.clj -> a.b-c).
std::string ns_of_file(const std::filesystem::path& root, const std::filesystem::path& file) {
  std::string rel = file.lexically_relative(root).replace_extension().generic_string();
  for (char& c : rel) c = c == '/' ? '.' : c == '_' ? '-' : c;
  return rel;
}

/// `clove test [PATHS]`: loads every test file (PATHS: files or folders, default
/// test/), runs clojure.test/run-tests over their namespaces and ends with the line
/// "N passed, M failed" (assertions; an error counts as a failure). Exit status 1 when
/// anything failed, 2 when a path does not exist.
int cmd_test(Runtime& vm, std::vector<std::string> paths) {
  namespace fs = std::filesystem;
  if (paths.empty()) paths.push_back("test");
  // Each file with the root its namespace name is relative to.
  std::vector<std::pair<fs::path, fs::path>> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      std::vector<fs::path> found;
      for (auto& e : fs::recursive_directory_iterator(p, ec)) {
        std::string ext = e.path().extension().string();
        if (e.is_regular_file() && (ext == ".clj" || ext == ".cljc" || ext == ".clove")) found.push_back(e.path());
      }
      std::sort(found.begin(), found.end());
      for (auto& f : found) files.emplace_back(p, f);
      vm.load_path.push_back(p);
    } else if (fs::is_regular_file(p, ec)) {
      files.emplace_back(fs::path(), p);
    } else {
      std::fprintf(stderr, "clove test: no such file or directory: %s\n", p.c_str());
      return 2;
    }
  }
  int64_t failed = 0;
  int code = guarded(vm, [&] {
    clove::RootScope scope(vm.heap);
    vm.eval_string("(require 'clojure.test)", "<clove test>");
    std::vector<Value> nss;
    for (auto& [root, file] : files) {
      clove::Symbol* lib = root.empty() ? nullptr : vm.sym(ns_of_file(root, file));
      clove::Namespace* ns = nullptr;
      if (lib && clove::lib_loaded(vm, lib)) {
        ns = vm.find_ns(lib);
      } else {
        clove::Namespace* saved = vm.current_ns();
        try {
          vm.load_file(file.string());
        } catch (...) {
          vm.set_current_ns(saved);
          throw;
        }
        ns = vm.current_ns();
        vm.set_current_ns(saved);
        if (lib && vm.find_ns(lib)) vm.loaded_libs.insert(lib);
      }
      nss.push_back(Value::object(ns));
      scope.push(nss.back());
    }
    clove::Var* run = vm.resolve_var(vm.core_ns(), vm.sym("clojure.test/run-tests"));
    Value summary = vm.call(vm.var_value(run), nss.data(), static_cast<int>(nss.size()));
    scope.push(summary);
    auto count_of = [&](const char* k) {
      Value v = clove::get(vm, summary, Value::object(vm.kw(k)));
      return clove::is_long(v) ? clove::as_long(v) : 0;
    };
    failed = count_of("fail") + count_of("error");
    vm.write_out(fmt::format("{} passed, {} failed\n", count_of("pass"), failed));
  });
  return code != 0 ? code : failed > 0 ? kExitError : 0;
}

}  // namespace

int main(int argc, char** argv) {
  // "-cp" is a multi-letter single-dash option (as in java/clj): spell it --classpath.
  std::vector<std::string> argv_store(argv, argv + argc);
  static const char* const kSubcommands[] = {"run", "compile", "disasm", "repl", "nrepl-server", "dap", "debug", "test"};
  auto is_subcommand = [](std::string_view a) {
    for (const char* sub : kSubcommands)
      if (a == sub) return true;
    return false;
  };
  for (size_t i = 1; i < argv_store.size(); ++i) {
    const std::string& a = argv_store[i];
    if (is_subcommand(a) || a == "-e" || a == "--eval") break;
    if (a == "-cp") argv_store[i] = "--classpath";
  }
  // `clove FILE [ARGS...]` is `clove run FILE [ARGS...]`, as lua, python and bb take a
  // script first (anything but an option or a subcommand's name names the program).
  if (argv_store.size() >= 2) {
    const std::string& first = argv_store[1];
    if (!first.empty() && first[0] != '-' && !is_subcommand(first)) argv_store.insert(argv_store.begin() + 1, "run");
  }
  std::vector<char*> argv_ptrs;
  for (std::string& a : argv_store) argv_ptrs.push_back(a.data());
  argv = argv_ptrs.data();
  argc = static_cast<int>(argv_ptrs.size());
  CLI::App app{"Clove: a Clojure dialect on a register-based bytecode VM"};
  app.set_version_flag("--version", "clove 0.1.0");
  app.require_subcommand(0, 1);
  std::vector<std::string> eval_exprs;
  // allow_extra_args(false): one expression per -e, taken verbatim (CLI11 would otherwise
  // split a value written as [a,b] into a list, so `clove -e '[1 2]'` printed 2).
  app.add_option("-e,--eval", eval_exprs, "Evaluate EXPR and print its value unless nil")->allow_extra_args(false);
  std::string classpath;
  app.add_option("--classpath", classpath, "-cp ROOTS: ':'-separated source roots searched by require/load");
  std::string max_memory;
  const char* const max_memory_help =
      "Cap the memory the program's data may take (e.g. 64M; K, M, G suffixes); past it an "
      "OutOfMemoryError is thrown";
  app.add_option("--max-memory", max_memory, max_memory_help);

  // Only the subcommands named on the command line are built: all of them for --help
  // and when neither a subcommand nor -e is given (the usage then lists them). Building
  // CLI11's eight subcommands and their options was 0.3M instructions, and page faults
  // on their help text, at every start of `clove -e EXPR`.
  bool named = false, help = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    named |= is_subcommand(a) || a == "-e" || a == "--eval";
    help |= a == "-h" || a == "--help" || a == "--help-all";
  }
  const bool all_subcommands = help || !named;
  auto want = [&](const char* sub) {
    if (all_subcommands) return true;
    for (int i = 1; i < argc; ++i)
      if (std::string_view(argv[i]) == sub) return true;
    return false;
  };

  std::string run_file;
  int64_t max_instructions = 0;
  CLI::App* run = nullptr;
  if (want("run")) {
    run = app.add_subcommand("run", "Run a Clove/Clojure program");
    run->add_option("--max-memory", max_memory, max_memory_help);
    run->add_option("--max-instructions", max_instructions,
                    "Stop the program (exit status 1) after about N VM instructions")
        ->check(CLI::PositiveNumber);
    run->add_option("file", run_file, "Program file (.clj, .cljc, .clove)")->required();
    // The program's arguments are what follows the file, verbatim (prefix_command leaves
    // them unparsed; an "args" option would let CLI11 split a value written as [a,b]).
    run->footer("Arguments after FILE are passed verbatim, in *command-line-args*.");
    run->prefix_command();
  }

  std::string compile_file, compile_out;
  CLI::App* compile = nullptr;
  if (want("compile")) {
    compile = app.add_subcommand("compile", "Write an image of a program, which `clove run` runs without reading source");
    compile->add_option("file", compile_file, "Program file (.clj, .cljc, .clove)")->required();
    compile->add_option("-o,--output", compile_out, "Image file (default: FILE's name with the extension .clvm)");
    compile->footer("Compiling loads the program: its top-level forms run, as Clojure's compile loads the "
                    "namespaces it compiles.");
  }
  std::string disasm_file;
  bool disasm_ir = false;
  CLI::App* disasm = nullptr;
  if (want("disasm")) {
    disasm = app.add_subcommand("disasm", "Show the bytecode of every top-level form");
    disasm->add_option("file", disasm_file, "Source file")->required();
    disasm->add_flag("--ir", disasm_ir, "Show the compiler's IR instead of bytecode");
  }

  CLI::App* repl = want("repl") ? app.add_subcommand("repl", "Start an interactive REPL") : nullptr;
  std::string nrepl_host = "127.0.0.1";
  uint16_t nrepl_port = 0;
  CLI::App* nrepl = nullptr;
  if (want("nrepl-server")) {
    nrepl = app.add_subcommand("nrepl-server", "Start an nREPL server for editors (docs/editors.md)");
    nrepl->add_option("--host", nrepl_host, "Address to listen on (default 127.0.0.1)");
    nrepl->add_option("--port", nrepl_port, "Port to listen on (default 0: a free port, written to .nrepl-port)");
  }

  CLI::App* dap = want("dap") ? app.add_subcommand("dap", "Serve the Debug Adapter Protocol on stdin/stdout for editors (docs/debugging.md)") : nullptr;
  std::string debug_file;
  CLI::App* debug = nullptr;
  if (want("debug")) {
    debug = app.add_subcommand("debug", "Debug a program from the command line (docs/debugging.md)");
    debug->add_option("file", debug_file, "Program file (.clj, .cljc, .clove)")->required();
    debug->footer("Arguments after FILE are passed verbatim, in *command-line-args*.");
    debug->prefix_command();
  }

  // The sandbox (docs/design/sandbox.md): before or after `run`/`repl`.
  bool sandbox = false;
  std::string allow;
  for (CLI::App* a : {&app, run, repl}) {
    if (!a) continue;
    a->add_flag("--sandbox", sandbox,
                "Run sandboxed: no file, process, environment, clock or disk-loading access");
    a->add_option("--allow", allow,
                  "CAPS: ','-separated capabilities a sandbox grants (fs,process,env,net,load,ffi,time,all); implies --sandbox");
  }

  std::vector<std::string> test_paths;
  CLI::App* test = nullptr;
  if (want("test")) {
    test = app.add_subcommand("test", "Run clojure.test tests (src/ and test/ are on the load path)");
    test->add_option("paths", test_paths, "Test files or folders (default: test)");
  }
  // Whether the subcommand was built and given.
  auto used = [](const CLI::App* sub) { return sub && sub->parsed(); };

  std::vector<std::string> rest_args;
  app.allow_extras();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  size_t memory_limit = 0;
  if (!max_memory.empty() && !parse_memory_size(max_memory, &memory_limit)) {
    std::fprintf(stderr, "clove: --max-memory: invalid size '%s' (expected e.g. 64M, 512K, 2G)\n", max_memory.c_str());
    return 2;
  }

  clove::RuntimeOptions vm_opts;
  if (sandbox || !allow.empty()) {
    try {
      vm_opts.capabilities = clove::parse_capabilities(allow);
    } catch (const std::invalid_argument& e) {
      std::fprintf(stderr, "clove: --allow: %s\n", e.what());
      return 2;
    }
  }
  // The command is a host of the embedding API (include/clove/), so that native
  // modules loaded by require get a clove::VM; it uses the Runtime inside directly.
  clove::VM* host = nullptr;
  try {
    clove::Options host_opts;
    host_opts.sandboxed = vm_opts.capabilities != clove::kAllCapabilities;
    host_opts.capabilities = vm_opts.capabilities;
    host_opts.max_memory = vm_opts.max_memory;
    host = new clove::VM(host_opts);
  } catch (const clove::Diagnostic& d) {
    std::fprintf(stderr, "clove: failed to load the core library:\n%s\n", d.what());
    return kExitError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "clove: failed to start: %s\n", e.what());
    return kExitError;
  }
  Runtime& vm = host->runtime();
  // The load path: -cp roots, CLOVE_PATH roots, then the script's folder (run), src/
  // and test/ (test), or the current folder.
  add_roots(vm, classpath);
  if (const char* env = std::getenv("CLOVE_PATH")) add_roots(vm, env);
  if (used(run) || used(compile) || used(debug)) {
    std::string dir = std::filesystem::path(used(run) ? run_file : used(compile) ? compile_file : debug_file).parent_path().string();
    vm.load_path.push_back(dir.empty() ? "." : dir);
  } else if (used(test)) {
    vm.load_path.push_back("src");
    vm.load_path.push_back("test");
  } else {
    vm.load_path.push_back(".");
  }
  // As clojure.main does for scripts and the REPL.
  if (clove::Var* v = vm.resolve_var(vm.core_ns(), vm.sym("*print-namespace-maps*"))) v->root = Value::t();
  int code = 0;
  if (used(run)) set_command_line_args(vm, run->remaining());
  if (used(compile)) set_command_line_args(vm, {});
  if (!eval_exprs.empty()) set_command_line_args(vm, app.remaining());
  bind_session_vars(vm);
  if (memory_limit) {
    // The core library's live data counts against the cap too.
    vm.heap.collect();
    if (vm.heap.bytes_live() >= memory_limit) {
      std::fprintf(stderr, "clove: --max-memory %s is less than the %zu KiB the runtime takes at start\n",
                   max_memory.c_str(), (vm.heap.bytes_live() + 1023) / 1024);
      std::_Exit(2);
    }
    vm.heap.set_limit(memory_limit);
  }
  if (used(run)) {
    if (max_instructions > 0) vm.set_budget(max_instructions);
    code = guarded(vm, [&] { vm.load_file(run_file); });
  } else if (used(compile)) {
    code = cmd_compile(vm, compile_file, compile_out);
  } else if (used(test)) {
    code = cmd_test(vm, test_paths);
  } else if (used(disasm)) {
    code = cmd_disasm(vm, disasm_file, disasm_ir);
  } else if (!eval_exprs.empty()) {
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
  } else if (used(dap)) {
    code = clove::dap::dap_command();
  } else if (used(debug)) {
    set_command_line_args(vm, debug->remaining());
    code = clove::cli::run_debugger(vm, debug_file);
  } else if (used(nrepl)) {
    // The server makes its own VM (tools/nrepl/evaluator.h), with this load path.
    code = clove::nrepl::nrepl_server_command(nrepl_host, nrepl_port, vm.load_path);
  } else if (used(repl) || argc == 1) {
    code = clove::cli::run_repl(vm, [&](const std::function<void()>& body) { return guarded(vm, body); });
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
