// reader_impl.h: the reader's internal state, shared by the reader's .cpp files
// (reader.cpp: forms and reader macros; read_literal.cpp: strings, characters and
// regexes; read_token.cpp: numbers, symbols and keywords; syntax_quote.cpp).
// Not part of the public API.
#pragma once
#include <map>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "core/source.h"
#include "reader/char_stream.h"
#include "reader/reader.h"
#include "runtime/text/string.h"
#include "runtime/text/unicode.h"

namespace clove {

/// A form and where it starts.
struct ReadItem {
  Value v;
  SourcePos pos;
};

struct Reader::Impl {
  Impl(State& vm, ReaderEnv& env, std::string_view text, uint32_t file, ReaderOptions opts)
      : vm(vm), env(env), in(text, file), opts(opts) {}

  /// What read_item found.
  enum class Got {
    Form,     // *out holds a form
    Nothing,  // a comment, #_ or a reader conditional with no match: read on
    Splice,   // #?@: the forms to splice are in *splice
    Close,    // the expected closing delimiter (consumed)
    Eof,      // end of input
  };

  /// Where forms are built: the heap, the interner and runtime/coll's operations. The
  /// reader asks it nothing else; names, gensyms and positions go through env.
  State& vm;
  ReaderEnv& env;
  CharStream in;
  ReaderOptions opts;
  /// Levels of C++ recursion in progress: forms being read plus, inside a syntax-quote,
  /// forms being expanded (check_depth bounds it).
  uint32_t depth = 0;
  /// Where the last top-level form next() returned starts.
  SourcePos form_pos;
  /// True while reading a branch of #? that is not selected: unknown tags are skipped.
  bool suppress = false;
  /// While reading the body of #(): the argument symbols by number (-1: %&).
  std::map<int, Symbol*>* fn_args = nullptr;
  /// While expanding one syntax-quote: the name of each foo# -> its gensym.
  std::unordered_map<std::string, Symbol*>* gensyms = nullptr;
  /// While expanding one syntax-quote: where its backquote is (errors point there) and
  /// the forms expansion may still visit (see kSyntaxQuoteBudget).
  SourcePos sq_start;
  size_t sq_budget = 0;

  /// Forms one syntax-quote expansion may visit. Each level of `...` nested inside
  /// another multiplies the size of the code it expands to (Clojure's expansion does
  /// too), so a few dozen bytes of nested backquotes would otherwise build gigabytes:
  /// with this bound one expansion builds at most a few hundred megabytes. A macro
  /// template visits hundreds of forms.
  static constexpr size_t kSyntaxQuoteBudget = 250'000;

  /// Enters one more level of recursion: fails with reader_too_deep at `at` ("`what`
  /// nested too deeply") past opts.max_depth levels, or earlier when the thread's C++
  /// stack runs short (small thread stacks, unoptimised builds).
  void check_depth(SourcePos at, const char* what) const;

  // ---- reader.cpp ----
  Got read_item(ReadItem* out, std::vector<ReadItem>* splice, int32_t closing);
  /// Reads the one form a reader macro needs (comments and #_ skipped); `what`
  /// positions the EOF error.
  ReadItem read_required(SourcePos what);
  /// The form after `#tag`: a UUID or Inst for #uuid / #inst; errors otherwise.
  Value read_tagged(const std::string& tag, SourcePos start);
  /// Reads forms up to `closing`; `open` is the opening delimiter's position.
  std::vector<ReadItem> read_delimited(int32_t closing, SourcePos open);
  Value read_list(SourcePos open);
  Value read_vector(SourcePos open);
  Value read_map(SourcePos open);
  Value read_set(SourcePos open);
  Value read_meta(SourcePos start);
  Value read_wrapped(const char* qualified_head, SourcePos start);
  Value read_fn_literal(SourcePos start);
  Value read_arg(SourcePos start);
  Got read_dispatch(ReadItem* out, std::vector<ReadItem>* splice, SourcePos start);
  Got read_conditional(ReadItem* out, std::vector<ReadItem>* splice, SourcePos start);
  Value read_namespaced_map(SourcePos start);
  Value read_symbolic(SourcePos start);
  void skip_line();
  /// Scratch buffers of values() and positions(), reused form after form.
  std::vector<Value> value_scratch;
  std::vector<SourcePos> pos_scratch;
  /// The values of `items`, in a buffer valid until the next call.
  std::span<const Value> values(const std::vector<ReadItem>& items);
  /// The positions of `items` (for SourceMap::record), in a buffer valid until the next call.
  std::span<const SourcePos> positions(const std::vector<ReadItem>& items);
  /// Records where collection `form` (and each element of it) starts, in the env's
  /// source map if it has one. Empty collections may be shared singletons: they get none.
  void record_pos(Value form, SourcePos pos, std::span<const SourcePos> elements);
  /// The position of element i of a form the reader made (unknown without a source map).
  SourcePos element_pos(Value form, size_t i) const;
  /// Builds a list form and records its position (and its elements').
  Value make_list(const std::vector<ReadItem>& items, SourcePos pos);
  /// Map/set from read items, with Clojure's duplicate-key check.
  Value make_map(const std::vector<ReadItem>& items, SourcePos pos);

  // ---- read_literal.cpp ----
  Value read_string_literal(SourcePos start);
  Value read_char_literal(SourcePos start);
  Value read_regex(SourcePos start);
  /// \uXXXX inside a string (after the u): exactly four hex digits.
  int32_t read_unicode_escape(SourcePos start);

  // ---- read_token.cpp ----
  /// Reads a token whose first code point `first` was already consumed.
  std::string read_token(int32_t first);
  Value read_number(int32_t first, SourcePos start);
  /// nil/true/false, a symbol or a keyword; reader_invalid_token otherwise.
  Value interpret_token(const std::string& tok, SourcePos start);

  // ---- syntax_quote.cpp ----
  Value syntax_quote(Value form, SourcePos pos);
  /// Clojure's Compiler.resolveSymbol for syntax-quote, asking env for names.
  Symbol* resolve_symbol(Symbol* s);
  /// (list x) for each plain item, x for ~@x: the arguments of concat.
  Value sq_concat(Value form, const std::vector<ReadItem>& elements, SourcePos pos);

  /// Fails with reader_invalid_character at `at` when `c` is a control character that
  /// is not whitespace (reader_is_control), which only strings, regexes, comments and
  /// character literals may contain.
  void check_control(int32_t c, SourcePos at) const {
    if (reader_is_control(c))
      fail(DiagKind::reader_invalid_character, at, fmt::format("Invalid control character in source: U+{:04X}", c));
  }

  [[noreturn]] void fail(DiagKind k, SourcePos p, const std::string& msg) const { throw Diagnostic(k, p, msg); }
};

/// Parses a numeric literal with Clojure's syntax (integers incl. hex/octal/radix and
/// N, ratios, doubles, M decimals). Returns false with *err set ("Invalid number: x"
/// or a more specific message such as "Radix out of range").
bool parse_number_literal(Heap& h, std::string_view tok, Value* out, std::string* err);

}  // namespace clove
