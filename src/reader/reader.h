// reader.h: the Clojure reader (SPEC L1): text -> forms, with positions in a source map.
//
// Reads one form at a time so a file's later forms can depend on macros its earlier
// forms define. Errors are Diagnostics with kind reader_* and file:line:column.
// Syntax-quote is expanded here, as Clojure's reader does; `foo#` becomes one gensym
// per syntax-quote. What the text alone does not decide (the current namespace, aliases,
// vars, gensym numbers, where positions go) the reader asks a ReaderEnv
// (reader/reader_env.h); StateReaderEnv answers from a State.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/source.h"
#include "core/value.h"
#include "reader/reader_env.h"

namespace clove {

class State;

struct ReaderOptions {
  bool clove_features = true;  // #? matches :clove, :clj and :default (false: only :default)
  /// How #? and #?@ read: resolved against the features (Allow, the default), refused
  /// with "Conditional read not allowed" (Forbid: read-string without :read-cond), or
  /// kept as clojure.lang.ReaderConditional values (Preserve: {:read-cond :preserve}).
  enum class ReadCond : uint8_t { Allow, Forbid, Preserve };
  ReadCond read_cond = ReadCond::Allow;
  /// Features #? matches besides :clove and :clj (keywords: read-string's :features).
  /// Null: none.
  const std::vector<Value>* extra_features = nullptr;
  bool allow_unquote = false;  // .clove files: a top-level ~expr is compile-time unquote
  /// clojure.edn's grammar where it is stricter than Clojure's: `::kw` is an invalid
  /// token and `#!` is no comment ("No dispatch macro for: !"), as in EdnReader.
  bool edn = false;
  /// Deepest nesting of forms accepted; deeper input is a reader_too_deep error
  /// (instead of exhausting the C++ stack).
  uint32_t max_depth = 10000;
  /// Tags read as clojure.lang.TaggedLiteral values (the tag symbol and the unevaluated
  /// form) instead of being resolved here: the tags bound in *data-readers*, whose
  /// reader functions the caller runs once the form is read (the reader never calls
  /// Clove code; eval/data_readers.h). Null: none.
  const std::unordered_set<std::string>* deferred_tags = nullptr;
  /// Also defer every tag without a built-in reader (*default-data-reader-fn* is set).
  bool defer_unknown_tags = false;
};

class Reader {
 public:
  /// Reads `text` (which must outlive the Reader) as source `file`, a SourceRegistry id
  /// (vm.sources.add(...)) that positions and errors name. Forms are built in `vm`: its
  /// heap and interner, and runtime/coll's operations on the forms; nothing else of it
  /// is consulted. Names, gensym numbers and positions come from `env`, which must
  /// outlive the Reader.
  Reader(State& vm, ReaderEnv& env, std::string_view text, uint32_t file, ReaderOptions opts = {});
  /// Reads the next form into *out; false at end of input. Throws Diagnostic.
  bool next(Value* out);
  /// Bytes of the text consumed so far: up to the end of the last form read.
  size_t offset() const;
  /// Where the last form next() returned starts (the source map records positions of
  /// collections only; this one also holds for a symbol or a number).
  SourcePos form_pos() const;
  /// The options in force; a caller may change them between calls to next (e.g. the
  /// deferred tags when a form has bound *data-readers*).
  ReaderOptions& options();
  ~Reader();
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

 private:
  struct Impl;
  Impl* impl_;
};

/// Reads the first form of a string, registered as source `name`, with the State's own
/// ReaderEnv (StateReaderEnv); nil when the text has no form. Throws Diagnostic.
Value read_one(State& vm, std::string_view text, std::string_view name = "<string>");

/// Where the first form of `text` ends, for tools that cut text into forms (the REPL,
/// nREPL's eval, clojure.repl/source): reads it with the State's ReaderEnv and unknown
/// tags deferred (tags and ::aliases need not resolve), registering no source. Returns
/// false when only blanks and comments are left; else sets *end to the offset just
/// past the form and, when `form` is given, *form to it. Throws Diagnostic (an
/// unterminated form is DiagKind::reader_unterminated).
bool first_form_extent(State& vm, std::string_view text, size_t* end, Value* form = nullptr);

}  // namespace clove
