// print_context.h: what a type's print and str hooks (TypeInfo::print, TypeInfo::str)
// receive from the printer.
//
// A type says how it prints where it is defined, in the per-type table (object.h), so
// a record, an array or a file needs nothing from the printer's own header. The hook
// appends text to `out` and hands every nested value back to the printer through
// value(), which keeps the state of the print in progress: the readably flag,
// *print-length*, the *print-level* count, the nesting limit (kMaxPrintDepth: deeper
// data throws StackOverflowError) and the program's print-method methods. A hook
// that prints a collection-like body (a record's fields) brackets it with
// enter_coll()/leave_coll() and stops at length_limit(), as Clojure's
// print-sequential does. runtime/print/print.cpp implements the interface.
#pragma once
#include <cstdint>
#include <string>

#include "core/object.h"
#include "core/value.h"

namespace clove {

class State;

/// The printer as a print or str hook sees it (implemented by runtime/print/print.cpp).
class PrintContext {
 public:
  PrintContext(State& vm, std::string& out, bool readably) : vm(vm), out(out), readably(readably) {}
  PrintContext(const PrintContext&) = delete;
  PrintContext& operator=(const PrintContext&) = delete;

  State& vm;
  std::string& out;     // the hook appends its text here
  const bool readably;  // pr/prn (strings quoted, chars as \a) rather than print/str

  /// Appends v, nested in the value being printed: printed with the same readably flag,
  /// inside the current *print-level* count and nesting limit, through print-method.
  virtual void value(Value v) = 0;
  /// (str v): Java's toString of v, for hooks that show it (#object[C 0x1f "toString"]).
  virtual std::string str(Value v) = 0;
  /// Opens one level of nesting for a collection-like body, as print-sequential does:
  /// when *print-level* is reached here, writes "#" and returns false (print nothing
  /// more); otherwise returns true and the hook calls leave_coll() after the body.
  virtual bool enter_coll() = 0;
  virtual void leave_coll() = 0;
  /// *print-length*: how many elements a collection-like body prints before "...";
  /// -1 when unlimited.
  virtual int64_t length_limit() const = 0;

 protected:
  ~PrintContext() = default;
};

/// Sets type t's print hook and (when given) its str hook in the per-type table; called
/// by the module that defines t, from its registration function (type_info's init).
inline void set_print_hooks(TypeInfo* table, ObjType t, PrintHook print, PrintHook str = nullptr) {
  table[static_cast<int>(t)].print = print;
  table[static_cast<int>(t)].str = str;
}

}  // namespace clove
