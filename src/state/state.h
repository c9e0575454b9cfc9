// state.h: State, the VM as the runtime sees it (Lua's lua_State, Janet's JanetVM).
//
// Every object type, native and compiler pass receives a `State&`: the heap to allocate
// in, the interned names, the namespaces and vars, the current fiber's dynamic
// bindings, output, and a way to call a Clove function. It knows nothing of bytecode
// dispatch, the reader or the compiler; those are layers above it
// (docs/design/architecture.md).
//
// The services a State offers are declared here and defined by the layer that owns
// each one:
//   state/state.cpp            construction, namespaces, vars, dynamic bindings,
//                              requests from natives (tail_call, call_then)
//   vm/fiber.cpp               request_yield, request_resume
//   vm/budget.cpp              set_budget, charge_slow (the instruction budget)
//   lang/function.cpp          def_native (a Native object)
//   host/stream.cpp            *out* *err* *in*, write_out, set_out/set_err
//   vm/interpreter.cpp, call.cpp   call, exceptions and stack traces (virtual: the
//                              interpreter implements them, so this layer links alone)
// A process may run many States, each on its own thread (SPEC E2): nothing here is
// global.
#pragma once
#include <algorithm>
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/source.h"
#include "core/source_map.h"
#include "core/stack_guard.h"
#include "gc/heap.h"
#include "state/native_registry.h"
#include "runtime/text/string.h"
#include "state/capability.h"
#include "state/class_table.h"
#include "state/namespace.h"

namespace clove {

struct Exception;   // runtime/lang/exception.h
struct Fiber;       // vm/fiber.h
struct FnProto;     // runtime/lang/function.h
struct TextWriter;  // runtime/host/stream.h

/// A C++ function bound as a Clove native (`def_native`); Args is runtime/lang/function.h's
/// view of the arguments in the caller's registers.
class Args;
using NativeFn = Value (*)(class State& vm, Args args);
/// A native's continuation (State::call_then): the dispatch loop calls it with the
/// native's arguments, the context value the native passed and the result of the call
/// it requested. It returns the native's result, or makes another request.
using NativeCont = Value (*)(class State& vm, Args args, Value ctx, Value result);
/// Called instead of the continuation when an exception unwinds the native's frame
/// while its requested call runs (to record the error, as a Delay caches it); it must
/// not throw.
using NativeUnwind = void (*)(class State& vm, Value ctx, Value exception);

/// Where a host receives the text written to a redirected process stream (State::set_out);
/// the same alias as runtime/host/stream.h's.
using OutputSink = std::function<void(std::string_view)>;

/// One frame of a stack trace: the function's name (null: anonymous or top level) and
/// the position executing in it.
struct TraceEntry {
  String* fn_name;
  SourcePos pos;
};

/// A fiber's dynamic bindings (`binding`), innermost last; each frame's entries end with
/// a marker entry whose var is null.
using BindingStack = std::vector<std::pair<Var*, Value>>;

/// What `clove compile` hears while it loads a program (image/program.h): the loads of
/// files and resources, nested as they happen, and every top-level form compiled.
class CompileRecorder {
 public:
  virtual ~CompileRecorder() = default;
  /// The resource path of the next text to load, set by require and load just before
  /// they load it (eval/loader.cpp) and taken by begin_text's caller.
  std::string next_resource;
  /// A source text starts loading: `resource` is its resource path for a require or
  /// load ("" for the program's file, load-file and load-string), `name` its file name.
  virtual void begin_text(std::string_view resource, std::string_view name) = 0;
  /// The text begun last has ended (normally or not).
  virtual void end_text() = 0;
  /// A top-level form of the text being loaded, compiled to `fn_proto` (an FnProto of
  /// no arguments), about to run.
  virtual void toplevel(Value fn_proto) = 0;
};

/// Options a host sets before running code.
struct VMLimits {
  /// Clove frames per fiber (tail calls do not add one); past it: StackOverflowError.
  uint32_t max_depth = 1000000;
  /// Instructions the VM may run past a spent budget while it cannot suspend (inside
  /// C++ that called back into Clove: a sort comparator, macro expansion, a native's
  /// own loop) though a fiber would catch :budget; past them the run is aborted
  /// (BudgetExhaustedError, vm/budget.cpp).
  int64_t budget_overrun = 10000000;
  /// C++ stack bytes that must stay free when a native re-enters the VM; past it:
  /// StackOverflowError (core/stack_guard.h).
  size_t native_stack_reserve = kDefaultStackReserve;
};

/// C++ objects a layer above keeps for as long as a VM lives (State::attachments).
struct Attachment {
  virtual ~Attachment() = default;
};

struct Proto;

/// The parts of an image read on first use instead of when the image loads
/// (image/marshal_read.cpp, LazyBodies; docs/design/marshal.md "Deferred bodies"):
/// arity bodies (Proto::body_source) and var metadata (Var::meta_source). Owned by the
/// VM (State::attachments), so it outlives every Proto and Var that points to it.
struct DeferredSource : Attachment {
  /// Reads p's body (code, constants, debug info, stack map) into p and clears
  /// p->body_source. May allocate (and so collect); throws what unmarshal throws, and
  /// then leaves p as it was.
  virtual void load_body(State& vm, Proto* p) = 0;
  /// Reads the deferred value numbered `section`. May allocate; throws as load_body.
  virtual Value load_value(State& vm, uint32_t section) = 0;
};

class State : public RootProvider {
 public:
  State();
  ~State() override;
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  Heap heap;
  Interner names;
  SourceRegistry sources;
  SourceMap source_map;
  VMLimits limits;

  // ---- sandbox (state/capability.cpp; docs/design/sandbox.md) ----
  /// The granted capabilities, a set of capability_bit()s; all for a normal VM.
  uint32_t capabilities = kAllCapabilities;
  bool has_capability(CapabilityId c) const { return (capabilities & capability_bit(c)) != 0; }
  /// Throws SandboxException "<cap> capability required by <what>" unless `c` is granted.
  /// Every native that reaches the capability calls it first.
  void require_capability(CapabilityId c, std::string_view what) const {
    if (!has_capability(c)) throw_capability_error(c, what);
  }

  // ---- names ----
  Symbol* sym(std::string_view qualified) { return names.symbol(qualified); }
  Keyword* kw(std::string_view qualified) { return names.keyword(qualified); }
  /// Counter behind gensym, auto-gensyms (foo#) and #() parameter names.
  uint64_t next_id() { return ++id_counter_; }
  /// The last number next_id() gave; an image restores it (advance_ids) so gensyms made
  /// after loading never repeat those inside the image.
  uint64_t last_id() const { return id_counter_; }
  void advance_ids(uint64_t to) { id_counter_ = std::max(id_counter_, to); }

  // ---- namespaces and vars (state/state.cpp) ----
  Namespace* core_ns() const { return core_ns_; }
  Namespace* current_ns() const;
  void set_current_ns(Namespace* ns);
  Namespace* find_ns(Symbol* name) const;
  Namespace* find_or_create_ns(Symbol* name);
  /// Takes the namespace `name` out of the namespace map (Clojure's remove-ns): find_ns
  /// no longer finds it, while what still refers to it keeps it alive. Returns it, or
  /// null when there is none.
  Namespace* remove_ns(Symbol* name);
  /// The var `name` in `ns`, created unbound if missing (Clojure's intern).
  Var* intern(Namespace* ns, Symbol* name);
  /// The native registered under the full name `full` ("clojure.core/str"), or nullptr
  /// (runtime/lang/function.cpp). Answered from the var of that name when its root is
  /// that native, as def_native left it, without building the registry's name index.
  Obj* find_native(std::string_view full);
  /// Binds a C++ function as ns/name with arity bounds (max -1: variadic) and a docstring
  /// (runtime/lang/function.cpp).
  Var* def_native(std::string_view ns, std::string_view name, NativeFn fn, int min_args,
                  int max_args, const char* doc, const char* arglists = "");
  /// The current value of a var: its innermost dynamic binding, else its root.
  /// Throws IllegalStateException for an unbound var.
  Value var_value(Var* v);
  /// Pushes one `binding` frame: pairs of (var, value); each var must be dynamic.
  void push_bindings(const std::vector<std::pair<Var*, Value>>& frame);
  /// Pops the innermost `binding` frame (IllegalStateException if there is none).
  void pop_bindings();
  /// The running fiber's own binding stack, outermost first: (var, value) entries, with
  /// a (nullptr, nil) marker at the start of each frame.
  const BindingStack& current_bindings() const { return *bindings_; }
  /// Every binding the running code sees, outermost first (later entries win): those
  /// of the fibers waiting in fiber/resume for the running one, then its own.
  BindingStack visible_bindings() const;
  /// Pushes one frame binding each named clojure.core var (those that exist and are
  /// dynamic and bound) to its current value, so code may set! them: what Clojure's
  /// load and clojure.main do. Pop it with pop_bindings.
  void push_current_bindings(std::initializer_list<const char*> core_var_names);
  /// Sets the innermost binding of a dynamic var (set!); false when it is not bound here.
  bool set_binding(Var* v, Value val);
  /// The var a symbol names from namespace `from` (qualified, alias, refer or own), or null.
  Var* resolve_var(Namespace* from, Symbol* s) const;
  const std::unordered_map<Symbol*, Namespace*>& namespaces() const { return namespaces_; }
  /// Aliases every namespace sees unless it has its own alias of that name: `fiber`
  /// for clove.fiber, so `fiber/yield` works without a require (the natives add them).
  std::unordered_map<Symbol*, Namespace*> default_aliases;

  // ---- loading (eval/loader.h implements require/load over these) ----
  /// Every native defined by def_native (and the embedding API's bound functions), by
  /// its full name ("clojure.core/str"; state/native_registry.h).
  NativeRegistry natives;
  /// natives.size() when the heap was frozen: the natives defined before are frozen
  /// with the core library and need no tracing.
  size_t natives_frozen = 0;
  /// C++ state of a library of natives that lives as long as the VM, by the library's
  /// name (natives/clove_ffi/: "clove.ffi" holds its call descriptors and dlopen
  /// handles). Freed with the VM.
  std::unordered_map<std::string, std::shared_ptr<void>> resources;
  /// The watches and validator of each var that has either (flag kFlagWatched), as an
  /// atom keeps them in its fields: vars rarely have them, so a table rather than two
  /// fields in every var. bind_var_root (runtime/coll/ref_types.h) reads it.
  struct VarRef {
    Value watches;    // nil or a map key -> fn
    Value validator;  // nil or a fn
  };
  std::unordered_map<Var*, VarRef> var_refs;
  /// C++ objects a layer above keeps for as long as the VM lives (the core image's
  /// DeferredSource). Destroyed before the heap; each one that holds values registers
  /// itself as a root provider.
  std::vector<std::unique_ptr<Attachment>> attachments;
  /// Source roots that require/load search, in order (CLI: -cp, CLOVE_PATH, script dir).
  std::vector<std::string> load_path;
  /// Libs require has loaded or an `ns` form has declared (interned symbols).
  std::unordered_set<Symbol*> loaded_libs;
  /// Resources being loaded, outermost first: {"/a/b", file} (cyclic-load check).
  std::vector<std::pair<std::string, std::string>> pending_loads;
  /// Whether the file being compiled is a .clove file (shadowing guard, unquote).
  bool compiling_clove_file = false;
  /// The compiled top-level forms of each resource a program image holds
  /// (image/program.h), by resource path ("/my/lib"): a vector of FnProtos that require
  /// runs in order instead of finding and compiling the source.
  std::unordered_map<std::string, Value> image_units;
  /// instance_of's answers for a built-in x (runtime/lang/host_class.cpp), keyed by the
  /// class value (or interned class-name symbol) asked about and the static class name
  /// of x's type: the class graph of built-in types never changes and class values and
  /// interned symbols live as long as the VM, so an answer never goes stale. Without it every instance? (and every store
  /// into a typed array) walked the class graph by name, about 3.5 us a call.
  struct InstanceKeyHash {
    size_t operator()(const std::pair<const void*, const char*>& k) const noexcept {
      return std::hash<const void*>()(k.first) * 31 + std::hash<const void*>()(k.second);
    }
  };
  std::unordered_map<std::pair<const void*, const char*>, bool, InstanceKeyHash> instance_cache;
  /// The class values of built-in classes (java.lang.String, clojure.lang.IFn, [J...),
  /// one per name (runtime/lang/host_class.h makes them; state/class_table.h).
  ClassTable classes;
  /// Every top-level form compile_toplevel makes comes here before it runs: the
  /// interpreter's debugger sets pending breakpoints in it (vm/debugger.h). Must not
  /// allocate (the form is not rooted yet).
  virtual void code_compiled(FnProto*) {}
  /// While `clove compile` loads a program: receives each top-level form compiled from
  /// the files it loads (eval/eval.cpp, eval/loader.cpp; image/program.cpp).
  class CompileRecorder* compile_recorder = nullptr;

  // ---- running code (the interpreter, vm/) ----
  /// Calls any callable Clove value with arguments; rethrows errors as CloveError.
  virtual Value call(Value fn, const Value* args, int nargs) = 0;
  Value call(Value fn, std::initializer_list<Value> args) {
    return call(fn, args.begin(), static_cast<int>(args.size()));
  }
  /// The running fiber.
  Fiber* fiber() const { return fiber_; }

  // ---- instruction budget and interrupts (SPEC V9; vm/budget.cpp) ----
  // The VM counts instructions at calls (the callee's length) and loop back-edges (the
  // loop's length), and natives that loop in C++ charge their work with charge().
  // When the budget is spent the running fiber suspends with the :budget signal at
  // the first fiber whose mask catches it (fiber/new); with none to catch it, the host's
  // call is aborted (VMAbort, BudgetExhaustedError), which Clove code cannot catch.
  static constexpr int64_t kUnlimited = INT64_MAX;
  /// Lets the VM run about n more instructions (kUnlimited: no budget).
  void set_budget(int64_t n);
  /// Instructions left (negative once spent and overrunning; kUnlimited: no budget).
  int64_t budget_left() const {
    return budget_reserve_ == kUnlimited ? kUnlimited : budget_left_ + budget_reserve_;
  }
  /// Thread-safe: the VM stops soon (within kBudgetSlice instructions, at a call, loop
  /// back-edge or charge) with a catchable InterruptedError (an Error: `(catch
  /// Exception e)` lets it pass).
  void interrupt() { interrupt_.store(true, std::memory_order_relaxed); }
  /// Drops an interrupt not yet delivered.
  void clear_interrupt() { interrupt_.store(false, std::memory_order_relaxed); }
  /// For natives that loop in C++: counts n instructions' worth of work; may throw
  /// InterruptedError, or abort the run when the budget is spent and overrun.
  void charge(int64_t n) {
    budget_left_ -= n;
    if (budget_left_ < 0) [[unlikely]]
      charge_slow();
  }

  // ---- requests from natives to the dispatch loop (state/state.cpp) ----
  // A native that would call back into Clove can instead hand the call to the dispatch
  // loop, as Lua's lua_callk does: the call then runs on the fiber's value stack with
  // no C++ frame in between, so the fiber can yield (and, later, a budget can suspend
  // it or the debugger stop) inside it. The native makes one request and returns its
  // result (kRequest) at once; natives called straight from C++ through State::call
  // may use them too, since call() runs the loop.
  enum class RequestKind : uint8_t { None, TailCall, CallThen, Yield, Resume, Break };
  /// What a native returns to hand its request to the loop; never a Clove value.
  static constexpr Value kRequest = Value::internal((uint64_t{1} << 48) - 16);
  static bool is_request(Value v) { return v == kRequest; }
  /// The native's result is (fn args...): fn replaces the native's frame (a tail call).
  Value tail_call(Value fn, const Value* args, int nargs);
  /// tail_call to closure fn whose & arity takes nargs - 1 fixed parameters, with the
  /// last argument given as the rest parameter itself (a seq, not packed into another):
  /// apply passes a lazy rest argument unrealized, as Clojure's RestFn.applyTo does.
  Value tail_call_rest(Value fn, const Value* args, int nargs);
  /// Calls (fn args...) and then k(vm, native-args, ctx, result); ctx stays rooted in
  /// the native's frame meanwhile. If the call throws instead, on_error (when given)
  /// sees the exception as it unwinds past the native.
  Value call_then(Value fn, const Value* args, int nargs, NativeCont k, Value ctx,
                  NativeUnwind on_error = nullptr);
  /// fiber/yield: suspends the running fiber; its resumer's fiber/resume returns v.
  Value request_yield(Value v);
  /// fiber/resume: runs fiber `fib` (args: the function's arguments for a :new fiber,
  /// or at most one value for fiber/yield to return). The caller checked the status.
  Value request_resume(Fiber* fib, const Value* args, int nargs);
  /// clove.debug/break: stops in the debugger (vm/debugger.h) as a breakpoint would,
  /// at the native's caller; the native returns nil when the program goes on.
  Value request_break();
  /// The pending request (the interpreter takes it; its values are GC roots meanwhile).
  struct Request {
    RequestKind kind = RequestKind::None;
    Value fn;                 // TailCall/CallThen: the callee; Yield: the value
    std::vector<Value> args;  // TailCall/CallThen/Resume: the arguments
    NativeCont k = nullptr;   // CallThen
    NativeUnwind on_error = nullptr;  // CallThen
    Value ctx;                // CallThen
    Fiber* fiber = nullptr;   // Resume
    bool rest_seq = false;    // TailCall: the last argument is the & parameter (tail_call_rest)
  };
  Request request;

  // ---- errors (the interpreter, vm/call.cpp) ----
  /// A new exception object of `kind` with `message` (no trace yet).
  virtual Exception* make_exception(ErrorKind kind, std::string_view message) = 0;
  /// Turns any C++ exception in flight into a Clove exception object (with a trace
  /// of the current frames when it has none yet).
  virtual Value exception_from_current(std::exception_ptr e) = 0;
  /// "ExceptionClass: message\n    at ns/fn (file:line:col)\n ... source snippet"; an
  /// ex-info's data printed within bounds (pr_str_bounded: 100 items per collection, 10
  /// levels, 10,000 characters). Does not throw for data that cannot be printed.
  virtual std::string format_exception(Value exc) const = 0;
  /// The current stack as trace entries, innermost first.
  virtual std::vector<TraceEntry> capture_trace() const = 0;
  /// Loads the native extension module at `path` (a shared library; eval/loader.cpp's
  /// require finds it) and runs its entry point, which defines its vars. Defined by the
  /// embedding API's Runtime (api/runtime.cpp), the only layer that can hand a module
  /// the VM it expects; here it is an UnsupportedOperationException.
  virtual void open_native_module(const std::string& path);
  /// The most recent exception that escaped to the host (nil if none).
  Value last_exception() const { return last_exception_; }

  // ---- output and input (runtime/host/stream.cpp) ----
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
  /// Makes the root binding of *in* (standard input) read its lines from `source`
  /// (runtime/host/stream.h's InputSource: the next line without its terminator, false
  /// at end of input); an empty function restores the process's stdin.
  void set_in(std::function<bool(std::string*)> source);
  /// The dynamic vars clojure.core/*out*, *err* and *in*.
  Var* out_var() const { return out_var_; }
  Var* err_var() const { return err_var_; }
  Var* in_var() const { return in_var_; }

  /// Values kept alive for the State's lifetime.
  std::vector<Value> permanent;
  void trace_roots(Tracer& t) override;
  /// Freezes everything allocated so far (Heap::freeze: the core library and the
  /// natives, once loaded) and stops tracing the roots that now hold only frozen
  /// objects (the interner's tables, the native registry) at every collection: only
  /// what is added to them later is traced. Call once, before user code runs.
  void freeze_heap();

 protected:
  /// Makes *out*, *err* and *in* with the process streams as their roots
  /// (runtime/host/stream.cpp); the interpreter calls it once clojure.core exists.
  void init_streams();

  Namespace* core_ns_ = nullptr;
  Var* ns_var_ = nullptr;   // clojure.core/*ns*
  Var* out_var_ = nullptr;  // clojure.core/*out*, *err*, *in*
  Var* err_var_ = nullptr;
  Var* in_var_ = nullptr;
  TextWriter* stdout_writer_ = nullptr;  // the roots of *out* and *err*
  TextWriter* stderr_writer_ = nullptr;
  std::unordered_map<Symbol*, Namespace*> namespaces_;
  Fiber* fiber_ = nullptr;
  /// The running fiber's binding stack (the interpreter points it at fiber_'s).
  BindingStack* bindings_ = nullptr;
  /// The binding stacks the running code sees, innermost first: the running fiber's
  /// own, then those of the fibers waiting in fiber/resume for it, out to the root
  /// fiber's. Dynamic scope follows the resume chain, as it follows the call stack for
  /// a lazy seq (the interpreter keeps this current, vm/dispatch.cpp).
  std::vector<BindingStack*> binding_scopes_;
  Value last_exception_;  // the most recent uncaught exception (kept for the host)
  // The budget is counted down in slices: budget_left_ holds at most kBudgetSlice
  // instructions and budget_reserve_ the rest, so the hot path tests one counter and
  // a pending interrupt is seen when a slice runs out (vm/budget.cpp).
  static constexpr int64_t kBudgetSlice = 1 << 16;
  int64_t budget_left_ = kBudgetSlice;
  int64_t budget_reserve_ = kUnlimited;
  int64_t budget_given_ = kUnlimited;  // the last set_budget (for messages)
  /// Past the end of a slice: true when an interrupt is pending or the budget is
  /// spent (budget_left_ < 0 after refilling from the reserve).
  bool budget_slice_end() {
    if (interrupt_.load(std::memory_order_relaxed)) return true;
    if (budget_reserve_ > 0) {
      // One charge may exceed a slice (a call charges its callee's code size, and a
      // generated function can be millions of instructions long): refill enough to
      // cover the debt as well.
      int64_t want = kBudgetSlice + (budget_left_ < 0 ? -budget_left_ : 0);
      int64_t take = budget_reserve_ == kUnlimited ? want : std::min(budget_reserve_, want);
      if (budget_reserve_ != kUnlimited) budget_reserve_ -= take;
      budget_left_ += take;
    }
    return budget_left_ < 0;
  }
  std::atomic<bool> interrupt_{false};
  /// charge() past the budget or with an interrupt pending (vm/budget.cpp).
  void charge_slow();
  uint64_t id_counter_ = 0;
};

/// v's metadata (nil or a map), read first if the image deferred it (Var::meta_source).
/// A reference, for alter-meta!; write it with Var::set_meta. Throws what
/// DeferredSource::load_value throws.
inline Value& var_meta(State& vm, Var* v) {
  if (v->meta_source) [[unlikely]] {
    Value m = v->meta_source->load_value(vm, v->meta_section);
    v->set_meta(m);
    vm.heap.barrier(v, m);
  }
  return v->meta;
}

}  // namespace clove
