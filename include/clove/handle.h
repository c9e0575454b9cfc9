// handle.h: Clove values held by C++ (Handle) and Clove errors reaching C++ (Error).
// Part of the public API (clove/clove.h); docs/embedding.md is the guide.
#pragma once
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clove {

class VM;
template <class T, class Enable>
struct Convert;  // clove/convert.h

namespace detail {
class HandleTable;  // the VM's table of rooted values (src/api/handles.h)
struct HandleAccess;
}  // namespace detail

// =====================================================================================
// Values and handles
// =====================================================================================

/// A Clove value kept alive for C++: while a Handle holds a value the collector neither
/// frees nor moves it (Lua's registry references, Janet's janet_gcroot; no stack
/// discipline to follow). Handles may be copied, moved and destroyed in any order,
/// before or after their VM: a handle that outlives its VM is *dead*, and using its
/// value throws std::logic_error. A default-constructed handle holds no VM and reads
/// as nil.
///
/// A handle belongs to one VM and, like the VM, to one thread at a time.
class Handle {
 public:
  Handle() = default;
  Handle(const Handle& other);
  Handle(Handle&& other) noexcept;
  Handle& operator=(const Handle& other);
  Handle& operator=(Handle&& other) noexcept;
  ~Handle();

  /// False for a default-constructed or moved-from handle.
  bool has_vm() const { return table_ != nullptr; }
  /// True while the handle's VM exists (false for a handle with no VM).
  bool alive() const;
  /// The VM the value lives in. Throws std::logic_error for a dead handle or none.
  VM& vm() const;

  // ---- what the value is ----
  /// The value's class as Clojure names it: "java.lang.Long", "java.lang.String",
  /// "clojure.lang.PersistentVector", "clojure.lang.Keyword"; "nil" for nil.
  std::string type_name() const;
  bool is_nil() const;
  /// Clojure truth: everything but nil and false.
  bool truthy() const;
  bool is_number() const;
  bool is_string() const;
  bool is_keyword() const;
  bool is_fn() const;  // anything callable: fns, natives, keywords, maps, vars...

  // ---- reading it as C++ (conversions of clove/convert.h; they throw clove::Error
  // with ClassCastException when the value has another type) ----
  template <class T>
  T as() const {
    return Convert<T, void>::from(*this);
  }
  /// (str v): nil is "", strings are themselves.
  std::string str() const;
  /// (pr-str v): as the REPL prints it.
  std::string pr_str() const;

  // ---- Clojure operations ----
  /// Clojure's = (not identity).
  bool equals(const Handle& other) const;
  /// Clojure's hash.
  int32_t hash() const;
  /// (count v). Throws clove::Error (UnsupportedOperationException) if not countable.
  int64_t count() const;
  /// (get v key), or nil.
  Handle get(const Handle& key) const;
  /// (get v key) with a keyword named by `keyword` (":a" or "a"); nil if absent.
  Handle get(std::string_view keyword) const;
  /// (nth v i). Throws clove::Error (IndexOutOfBoundsException) out of range.
  Handle nth(int64_t i) const;
  /// The elements of (seq v), realized into a vector of handles.
  std::vector<Handle> items() const;
  /// Calls the value with C++ arguments converted by clove/convert.h (VM::call).
  template <class... A>
  Handle operator()(A&&... args) const;

 private:
  friend struct detail::HandleAccess;
  std::shared_ptr<detail::HandleTable> table_;
  uint32_t slot_ = 0;
};

// =====================================================================================
// Errors
// =====================================================================================

/// One frame of a Clove stack trace, innermost first.
struct StackFrame {
  std::string function;  // "user/f"; empty for anonymous code or a top-level form
  std::string file;      // as given to eval/load_file ("<eval>", "scripts/a.clj")
  int line = 0;          // 1-based; 0 when unknown
  int column = 0;
};

/// A Clove error that reached the host: an uncaught Clove exception, a reader or
/// compiler error, or a limit (budget, memory) that ended the run. what() is
/// "ClassName: message".
class Error : public std::runtime_error {
 public:
  Error(std::string class_name, std::string message, Handle exception, Handle data,
        std::vector<StackFrame> trace, std::string report, bool aborted);
  /// The Clove class: "clojure.lang.ExceptionInfo", "java.lang.ArithmeticException",
  /// "clojure.lang.LispReader$ReaderException", "clove.lang.BudgetExhaustedError".
  const std::string& class_name() const { return class_name_; }
  const std::string& message() const { return message_; }
  /// The exception object itself (nil for reader/compiler errors and aborts); a
  /// native may rethrow it into Clove by throwing this Error again.
  const Handle& exception() const { return exception_; }
  /// (ex-data e): nil unless an ex-info.
  const Handle& data() const { return data_; }
  /// The Clove frames the error passed through, innermost first.
  const std::vector<StackFrame>& trace() const { return trace_; }
  /// The report `clove run` prints for this error (class, message, position, data,
  /// trace), several lines.
  const std::string& report() const { return report_; }
  /// True when the VM ended the run for a limit that Clove code cannot catch (the
  /// instruction budget ran out); the VM remains usable.
  bool aborted() const { return aborted_; }

 private:
  std::string class_name_;
  std::string message_;
  Handle exception_;
  Handle data_;
  std::vector<StackFrame> trace_;
  std::string report_;
  bool aborted_;
};

}  // namespace clove
