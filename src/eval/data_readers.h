// data_readers.h: *data-readers* and *default-data-reader-fn* for code that reads text
// at run time (read-string, load-string, load-file, require).
//
// The reader never calls Clove code (it holds unrooted forms while it reads), so the
// tags these vars handle are read as TaggedLiteral placeholders
// (ReaderOptions::deferred_tags) and the finished form is then walked here: each
// placeholder, innermost first, is replaced by (f form) for its tag's function in
// *data-readers*, else by (*default-data-reader-fn* tag form). The form passed is the
// unevaluated one that followed the tag, as in Clojure's LispReader.
#pragma once
#include <string>
#include <string_view>
#include <unordered_set>

#include "reader/reader.h"
#include "core/value.h"

namespace clove {

class State;
struct LineReader;

class DataReaders {
 public:
  /// Reads the current values of *data-readers* and *default-data-reader-fn* and sets
  /// `opts` to defer the tags they handle. Returns whether any tag is deferred, i.e.
  /// whether forms read with `opts` must go through resolve(). Cheap (two var lookups
  /// when no readers are bound), so callers may call it before every form.
  bool configure(State& vm, ReaderOptions* opts);
  /// `form` with each deferred tag replaced by its reader function's result. Calls
  /// Clove code: `form` must be rooted by the caller. Collections holding a replaced
  /// element are rebuilt with the same metadata and source position. RuntimeException
  /// "No reader function for tag foo" when the tag's function is nil; errors thrown by
  /// a reader function propagate.
  Value resolve(State& vm, Value form);

 private:
  Value call_reader(State& vm, Value tag, Value form);
  std::unordered_set<std::string> tags_;
  Value readers_ = Value::nil();     // the *data-readers* map the tags came from
  Value default_fn_ = Value::nil();  // *default-data-reader-fn*
};

/// read-string: reads the first form of `text`, honouring *data-readers*. When text has
/// no form, returns *eof if given, else throws RuntimeException "EOF while reading" (as the JVM's read-string);
/// reader errors as RuntimeExceptions with the bare message. `edn`: clojure.edn's
/// stricter grammar (ReaderOptions::edn). `conditionals`, when given, supplies how
/// reader conditionals read (ReaderOptions::read_cond and extra_features: read-string's
/// :read-cond and :features).
Value read_string_form(State& vm, std::string_view text, const Value* eof = nullptr, bool edn = false,
                       const ReaderOptions* conditionals = nullptr);
/// (read stream eof-error? eof-value): the next form from a reader (string, file or
/// stdin; stdin is read a line at a time until the form is complete). What follows the
/// form stays in the reader. At end of input: eof_value, or RuntimeException "EOF while
/// reading" when eof_error. *text_read (when given) gets the form's text, leading
/// whitespace trimmed (read+string). `edn` and `conditionals` as for read_string_form.
Value read_from_stream(State& vm, LineReader* r, bool eof_error, Value eof_value, std::string* text_read = nullptr,
                       bool edn = false, const ReaderOptions* conditionals = nullptr);

/// Makes the dynamic vars clojure.core/*data-readers* ({}) and
/// *default-data-reader-fn* (nil).
void install_data_reader_vars(State& vm);

}  // namespace clove
