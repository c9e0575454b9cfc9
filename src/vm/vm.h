// vm.h: one independent Clove virtual machine.
//
// A VM owns its heap, interned names, namespaces, loaded sources and fibers; nothing
// is global, so a process may run many VMs, each on its own thread (SPEC E2). It is
// the root provider for the GC. The dispatch loop lives in vm/dispatch.cpp; calls,
// frames and errors in vm/call.cpp.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "common/error.h"
#include "common/source.h"
#include "common/stack_guard.h"
#include "gc/heap.h"
#include "reader/source_map.h"
#include "runtime/exception.h"
#include "runtime/function.h"
#include "runtime/namespace.h"
#include "runtime/string.h"
#include "vm/fiber.h"

namespace clove {

struct TextWriter;  // runtime/stream.h
/// Where a host receives the text written to a redirected process stream (VM::set_out);
/// the same alias as runtime/stream.h's.
using OutputSink = std::function<void(std::string_view)>;

/// Options a host sets before running code.
struct VMLimits {
  /// Clove frames per fiber (tail calls do not add one); past it: StackOverflowError.
  uint32_t max_depth = 1000000;
  /// C++ stack bytes that must stay free when a native re-enters the VM; past it:
  /// StackOverflowError (common/stack_guard.h).
  size_t native_stack_reserve = kDefaultStackReserve;
};

/// What a new VM loads (Lua's luaL_openlibs split: natives always, library optional).
struct VMOptions {
  /// Load the Clove-written part of clojure.core (src/lib). Without it only natives
  /// and special forms exist; useful for tests of the VM alone.
  bool load_core_library = true;
};

class VM : public RootProvider {
 public:
  explicit VM(VMOptions opts = {});
  ~VM() override;
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  Heap heap;
  Interner names;
  SourceRegistry sources;
  SourceMap source_map;
  VMLimits limits;

  // ---- names ----
  Symbol* sym(std::string_view qualified) { return names.symbol(qualified); }
  Keyword* kw(std::string_view qualified) { return names.keyword(qualified); }

  // ---- namespaces and vars ----
  Namespace* core_ns() const { return core_ns_; }
  Namespace* current_ns() const;
  void set_current_ns(Namespace* ns);
  Namespace* find_ns(Symbol* name) const;
  Namespace* find_or_create_ns(Symbol* name);
  /// The var `name` in `ns`, created unbound if missing (Clojure's intern).
  Var* intern(Namespace* ns, Symbol* name);
  /// Binds a C++ function as ns/name with arity bounds (max -1: variadic) and a docstring.
  Var* def_native(std::string_view ns, std::string_view name, NativeFn fn, int min_args,
                  int max_args, const char* doc, const char* arglists = "");
  /// The current value of a var: its innermost dynamic binding, else its root.
  /// Throws IllegalStateException for an unbound var.
  Value var_value(Var* v);
  /// Pushes one `binding` frame: pairs of (var, value); each var must be dynamic.
  void push_bindings(const std::vector<std::pair<Var*, Value>>& frame);
  /// Pops the innermost `binding` frame (IllegalStateException if there is none).
  void pop_bindings();
  /// The current fiber's binding stack, outermost first: (var, value) entries, with a
  /// (nullptr, nil) marker at the start of each frame.
  const std::vector<std::pair<Var*, Value>>& current_bindings() const;
  /// Pushes one frame binding each named clojure.core var (those that exist and are
  /// dynamic and bound) to its current value, so code may set! them: what Clojure's
  /// load and clojure.main do. Pop it with pop_bindings.
  void push_current_bindings(std::initializer_list<const char*> core_var_names);
  /// Sets the innermost binding of a dynamic var (set!); false when it is not bound here.
  bool set_binding(Var* v, Value val);
  /// The var a symbol names from namespace `from` (qualified, alias, refer or own), or null.
  Var* resolve_var(Namespace* from, Symbol* s) const;
  const std::unordered_map<Symbol*, Namespace*>& namespaces() const { return namespaces_; }

  // ---- loading (runtime/loader.h implements require/load over these) ----
  /// Source roots that require/load search, in order (CLI: -cp, CLOVE_PATH, script dir).
  std::vector<std::string> load_path;
  /// Libs require has loaded or an `ns` form has declared (interned symbols).
  std::unordered_set<Symbol*> loaded_libs;
  /// Resources being loaded, outermost first: {"/a/b", file} (cyclic-load check).
  std::vector<std::pair<std::string, std::string>> pending_loads;

  // ---- running code ----
  /// Calls any callable Clove value with arguments; rethrows errors as CloveError.
  Value call(Value fn, const Value* args, int nargs);
  Value call(Value fn, std::initializer_list<Value> args) {
    return call(fn, args.begin(), static_cast<int>(args.size()));
  }
  /// Reads, compiles and runs every form of `src` in order; returns the last value.
  /// `name` is used for positions ("<expr>", a file path). Throws Diagnostic for
  /// reader/compile errors and CloveError for uncaught runtime errors.
  Value eval_string(std::string_view src, std::string_view name);
  /// eval_string on the contents of a file; IOException if it cannot be read.
  Value load_file(const std::string& path);
  /// Compiles and runs one form (already read).
  Value eval_form(Value form);
  /// Counter behind gensym, auto-gensyms (foo#) and #() parameter names.
  uint64_t next_id() { return ++id_counter_; }
  /// Whether the file being compiled is a .clove file (shadowing guard, unquote).
  bool compiling_clove_file = false;

  // ---- errors ----
  /// A new exception object of `kind` with `message` (no trace yet).
  Exception* make_exception(ErrorKind kind, std::string_view message);
  /// Turns any C++ exception in flight into a Clove exception object (with a trace
  /// of the current frames when it has none yet).
  Value exception_from_current(std::exception_ptr e);
  /// "ExceptionClass: message\n    at ns/fn (file:line:col)\n ... source snippet".
  std::string format_exception(Value exc) const;
  /// The current stack as trace entries, innermost first.
  std::vector<TraceEntry> capture_trace() const;

  // ---- output and input (runtime/stream.h) ----
  /// Writes s to the current binding of *out*: the process's stdout (or the host's
  /// sink, see set_out) unless code has bound *out* to another writer, e.g. a
  /// StringWriter inside with-out-str. ClassCastException when *out* is not a writer.
  void write_out(std::string_view s);
  /// Redirects the writer that is the root binding of *out* (standard output) to `sink`,
  /// which receives each piece of text as it is written; an empty function restores the
  /// process's stdout. Text written while *out* is bound elsewhere is not affected.
  void set_out(OutputSink sink);
  /// set_out for *err* (standard error).
  void set_err(OutputSink sink);
  /// The dynamic vars clojure.core/*out*, *err* and *in*.
  Var* out_var() const { return out_var_; }
  Var* err_var() const { return err_var_; }
  Var* in_var() const { return in_var_; }

  Fiber* fiber() const { return fiber_; }
  void trace_roots(Tracer& t) override;

  /// Values kept alive for the VM's lifetime.
  std::vector<Value> permanent;
  /// The most recent exception that escaped to the host (nil if none).
  Value last_exception() const { return last_exception_; }

 private:
  // vm/dispatch.cpp
  /// Runs the innermost frame (a closure frame set up by enter_closure) until the
  /// frame it started with returns; handlers below `handler_floor` belong to outer runs.
  Value run(size_t handler_floor);
  // vm/call.cpp
  /// Pushes a frame for closure c whose arguments are already at stack[newbase..];
  /// selects the arity, packs rest arguments, checks the depth limit.
  /// Returns the arity entered (vm/enter.h, inline: it is the hot half of every call).
  Proto* enter_closure(Fiber* f, Closure* c, size_t newbase, int nargs, size_t prev_base, uint64_t ret_pc);
  [[noreturn]] void throw_closure_arity(Closure* c, int nargs);
  [[noreturn]] void throw_depth_exceeded();
  /// Calls a native, a var or a callable collection whose arguments are at stack[newbase..].
  Value call_non_closure(Fiber* f, Value callee, size_t newbase, int nargs, uint32_t ret_pc);
  [[noreturn]] void throw_unbound(Var* v);
  [[noreturn]] void throw_value(Value exc);
  ErrorKind exception_kind(Value exc) const;
  std::string exception_message(Value exc) const;

  Namespace* core_ns_ = nullptr;
  Var* ns_var_ = nullptr;  // clojure.core/*ns*
  Var* out_var_ = nullptr;  // clojure.core/*out*, *err*, *in*
  Var* err_var_ = nullptr;
  Var* in_var_ = nullptr;
  TextWriter* stdout_writer_ = nullptr;  // the roots of *out* and *err*
  TextWriter* stderr_writer_ = nullptr;
  /// Makes *out*, *err* and *in* with the process streams as their roots.
  void init_streams();
  std::unordered_map<Symbol*, Namespace*> namespaces_;
  Fiber* fiber_ = nullptr;
  Value last_exception_;   // the most recent uncaught exception (kept for the host)
  uint64_t id_counter_ = 0;
};

/// Installs every native of clojure.core and friends (runtime/natives/*.cpp) and, when
/// `load_library`, loads the core library written in Clove (src/lib/*.clj).
/// Called by VM's constructor.
void install_core(VM& vm, bool load_library);

}  // namespace clove
