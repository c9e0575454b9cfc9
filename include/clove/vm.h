// vm.h: a Clove virtual machine as a C++ program sees it. Part of the public API
// (clove/clove.h); docs/embedding.md is the guide.
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>
#include <vector>

#include "clove/handle.h"

namespace clove {

class Runtime;  // the VM inside (src/api/runtime.h); not part of the API
template <class T>
class Class;  // clove/host.h
namespace detail {
struct ClassSpec;      // clove/host.h
class ClassRegistry;   // src/api/host_class.h
class TaskState;       // src/api/task.cpp
}  // namespace detail

// =====================================================================================
// Limits and sandbox
// =====================================================================================

/// What a sandboxed VM may reach (Janet's sandbox capabilities): a VM created with
/// `sandboxed` has none of them unless granted.
enum class Capability : uint32_t {
  Fs = 1u << 0,       // files: slurp, spit, clojure.java.io, file-seq
  Process = 1u << 1,  // clojure.java.shell, System/exit
  Env = 1u << 2,      // System/getenv, System/getProperty
  Net = 1u << 3,      // sockets, HTTP
  Load = 1u << 4,     // load-file, require from disk
  Ffi = 1u << 5,      // clove.ffi
  Time = 1u << 6,     // the wall clock
};
inline constexpr uint32_t operator|(Capability a, Capability b) {
  return static_cast<uint32_t>(a) | static_cast<uint32_t>(b);
}
inline constexpr uint32_t operator|(uint32_t a, Capability b) { return a | static_cast<uint32_t>(b); }

/// How to create a VM. Every field has a default that gives what `clove run` gives.
struct Options {
  /// Load the Clove-written part of clojure.core (most of the language). Without it
  /// only the natives and special forms exist; a VM then starts in well under 1 ms.
  bool load_core_library = true;
  /// Sandboxed: the VM has only the capabilities in `capabilities`; otherwise all.
  bool sandboxed = false;
  /// Capabilities granted to a sandboxed VM: Capability values or'ed together.
  uint32_t capabilities = 0;
  /// Instructions the VM may run before calls from the host stop with an aborted
  /// clove::Error (BudgetExhaustedError); 0: no limit. See VM::set_budget.
  int64_t max_instructions = 0;
  /// The memory cap in bytes, 0 for none: growing the heap past it (collections,
  /// strings, numbers, reader buffers, interned names, vars, compiled code, fiber
  /// stacks) is a catchable java.lang.OutOfMemoryError in Clove, and a clove::Error with
  /// that class when nothing catches it; the VM stays usable. What the core library
  /// keeps counts. The VM constructor throws std::invalid_argument for a cap below that.
  size_t max_memory = 0;
  /// Deepest Clove call nesting before a StackOverflowError; 0: the default (1,000,000).
  int max_depth = 0;
  /// Where *out* and *err* write; empty: the process's stdout and stderr.
  std::function<void(std::string_view)> out;
  std::function<void(std::string_view)> err;
  /// Directories `require` searches, in order, before the embedded libraries.
  std::vector<std::string> load_path;
};

// =====================================================================================
// State
// =====================================================================================

/// A Clove virtual machine: its own heap, namespaces, interned names and fibers. A
/// process may create many; each is independent and may be used from one thread at a
/// time (different VMs on different threads at once: SPEC E2). Lua's lua_State,
/// Janet's JanetVM.
///
/// Calls into the VM (eval, load_file, call) throw clove::Error for a Clove error that
/// nothing caught; the VM stays usable afterwards. They may also be made from inside a
/// native the VM is running (the nesting counts against max_depth).
class VM {
 public:
  /// Creates a VM and loads what `options` asks for (clojure.core takes a few ms).
  /// Throws std::runtime_error if the embedded core library fails to load.
  explicit VM(Options options = {});
  ~VM();
  VM(const VM&) = delete;
  VM& operator=(const VM&) = delete;

  // ---------------------------------------------------------------------------------
  // Calling
  // ---------------------------------------------------------------------------------
  /// Reads, compiles and runs every form of `source`; returns the last value (nil for
  /// none). `name` is the file name used in errors and stack traces.
  Handle eval(std::string_view source, std::string_view name = "<eval>");
  /// eval of a file's contents (in .clove mode for a .clove file), or the run of a
  /// program image `clove compile` wrote. clove::Error (FileNotFoundException, or
  /// SandboxException without the :load capability).
  Handle load_file(const std::string& path);
  /// The bytes of `value` (clove.marshal/marshal: any value, closures and suspended
  /// fibers included; docs/design/marshal.md), to keep or to give to another VM, as
  /// Janet's janet_marshal. clove::Error (IllegalArgumentException) naming a value that
  /// cannot be written.
  std::string marshal(const Handle& value);
  /// The value `bytes` hold, made in this VM (clove.marshal/unmarshal): bytecode is
  /// verified first. clove::Error (IllegalArgumentException) for bytes that are not
  /// marshal's.
  Handle unmarshal(std::string_view bytes);
  /// The value of the var named `qualified` ("clojure.core/inc", "my.app/handler"),
  /// loading nothing. clove::Error (IllegalArgumentException) if there is no such var.
  Handle var(std::string_view qualified);
  /// True if the var exists (its namespace is loaded and the name interned).
  bool has_var(std::string_view qualified);
  /// Calls `fn` with the arguments in `args` (Clojure's apply); returns its result.
  Handle apply(const Handle& fn, const std::vector<Handle>& args);
  /// Calls `fn` with C++ arguments converted as clove/convert.h says.
  template <class... A>
  Handle call(const Handle& fn, A&&... args);
  /// Calls the var named `qualified` with C++ arguments.
  template <class... A>
  Handle call(std::string_view qualified, A&&... args) {
    return call(var(qualified), std::forward<A>(args)...);
  }

  // ---------------------------------------------------------------------------------
  // Making values
  // ---------------------------------------------------------------------------------
  Handle nil();
  Handle boolean(bool b);
  Handle integer(int64_t n);
  Handle number(double d);
  Handle string(std::string_view utf8);
  /// A keyword: "a", ":a" or "ns/a" (the colon is optional).
  Handle keyword(std::string_view name);
  Handle symbol(std::string_view name);
  Handle vector(const std::vector<Handle>& items);
  Handle list(const std::vector<Handle>& items);
  /// A map from alternating keys and values (a hash map past 8 entries).
  Handle map(const std::vector<std::pair<Handle, Handle>>& entries);
  Handle set(const std::vector<Handle>& items);
  /// A value converted from C++ as clove/convert.h says.
  template <class T>
  Handle make(T&& value);

  // ---------------------------------------------------------------------------------
  // Natives
  // ---------------------------------------------------------------------------------
  /// Binds `fn` as the var `ns`/`name` (creating the namespace if needed). `fn` is any
  /// C++ callable; its parameters and result are converted as clove/convert.h says
  /// (a first parameter `VM&` receives the VM; a last parameter `RestArgs` takes the
  /// rest of the arguments). Arity and
  /// argument type errors are Clove errors naming the function and the argument, and
  /// a C++ exception thrown by `fn` becomes a catchable Clove RuntimeException with the
  /// exception's what() as message (a clove::Error is rethrown as the Clove exception
  /// it carries). `doc` is shown by (doc ...).
  template <class F>
  void def(std::string_view ns, std::string_view name, F&& fn, std::string_view doc = "");
  /// The lower-level form: a callable taking the VM and the arguments as handles.
  using RawNative = std::function<Handle(VM& vm, const std::vector<Handle>& args)>;
  void def_raw(std::string_view ns, std::string_view name, RawNative fn, int min_args, int max_args,
               std::string_view doc = "", std::string_view arglists = "");

  // ---------------------------------------------------------------------------------
  // Host objects (clove/host.h)
  // ---------------------------------------------------------------------------------
  /// Describes the C++ type T to this VM as the class ns.Name, held by the var
  /// ns/Name; chain Class<T>'s calls to give it methods and behaviour. Once per T.
  /// clove::Error (IllegalStateException) if T or the name is defined already.
  template <class T>
  Class<T> define_class(std::string_view ns, std::string_view name);
  /// A host object that Clove owns: `object` is deleted when the collector frees the
  /// value or the VM is destroyed. T must have been defined (define_class).
  template <class T>
  Handle wrap(std::unique_ptr<T> object);
  /// A host object the host keeps owning; call invalidate before `object` dies.
  template <class T>
  Handle borrow(T* object);
  /// Makes the host object `object` unusable: each later use in Clove or C++ is an
  /// IllegalStateException. An owned object is deleted now.
  void invalidate(const Handle& object);

  // ---------------------------------------------------------------------------------
  // Limits and sandbox
  // ---------------------------------------------------------------------------------
  /// The budget: the VM runs at most `n` more instructions (counted at calls and loop
  /// back-edges, and by natives that loop); then a call from the host throws an
  /// aborted clove::Error (BudgetExhaustedError). kUnlimited lifts it.
  static constexpr int64_t kUnlimited = INT64_MAX;
  void set_budget(int64_t n);
  /// Instructions left of the budget (kUnlimited when none is set).
  int64_t budget_left() const;
  /// Thread-safe: the VM stops soon (at a call, loop back-edge or allocation) with a
  /// catchable clove.lang.InterruptedError. Janet's janet_interpreter_interrupt.
  void interrupt();
  /// Grants `caps` (Capability values or'ed) to a sandboxed VM, or takes them away.
  void grant(uint32_t caps);
  void revoke(uint32_t caps);
  bool has_capability(Capability c) const;

  /// Work that can stop when its budget runs out and go on later: a call (start) or a
  /// whole program (start_eval), run in Clove fibers with the :budget signal (SPEC V8,
  /// V9). The result is the same however the work is sliced.
  class Task {
   public:
    enum class Status { Suspended, Done };
    /// Runs for up to about `budget` instructions with that budget of its own (the
    /// VM's is restored afterwards). Done: result() holds the value. Suspended: call
    /// resume again. Throws clove::Error if the work throws (the task is then Done).
    Status resume(int64_t budget);
    Status status() const;
    /// The call's value, or the last form's for start_eval (nil until Done).
    const Handle& result() const;

   private:
    friend class VM;
    std::shared_ptr<detail::TaskState> state_;
  };
  /// A task that will call `fn` with `args` when first resumed.
  Task start(const Handle& fn, const std::vector<Handle>& args = {});
  /// A task that will read and evaluate `source` form by form, as eval does; each
  /// form's evaluation (its compilation included) runs under the task's budget.
  Task start_eval(std::string_view source, std::string_view name = "<eval>");

  // ---------------------------------------------------------------------------------
  // Errors and collection
  // ---------------------------------------------------------------------------------
  /// Runs a full garbage collection.
  void collect();
  /// Bytes the heap holds now.
  size_t heap_bytes() const;

  /// The VM inside, for code within Clove itself (tests, the CLI); not part of the API.
  Runtime& runtime() { return *rt_; }

 private:
  friend struct detail::HandleAccess;
  template <class T>
  friend class Class;
  Handle call_converted(const Handle& fn, std::initializer_list<Handle> args);
  detail::ClassSpec* register_class(std::string_view ns, std::string_view name, const std::type_info& type,
                                    void (*deleter)(void*));
  Handle make_host_object(const std::type_info& type, void* ptr, bool owned);
  template <class F>
  void def_method(detail::ClassSpec& spec, const std::string& name, F fn);
  template <class F>
  void def_invoke(detail::ClassSpec& spec, F fn);
  /// A method of a class (name "": what calling an object runs).
  void add_method(detail::ClassSpec& spec, const std::string& name, RawNative fn, int min_args, int max_args);
  std::unique_ptr<Runtime> rt_;
  std::shared_ptr<detail::HandleTable> handles_;
  std::vector<std::shared_ptr<void>> natives_;  // what def_raw's natives run (api/vm.cpp)
  std::unique_ptr<detail::ClassRegistry> classes_;  // define_class's (api/host_class.h)
};

}  // namespace clove
