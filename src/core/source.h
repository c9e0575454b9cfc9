// source.h: source positions, the per-VM registry of loaded source texts, and
// Diagnostic, the exception carrying a reader or compiler error with its position.
//
// Positions are 1-based line and column (columns count code points). A file id of 0
// means "no position known". Error kinds are prefixed by phase (reader_, compile_),
// as in jank; render_diagnostic() prints the message, the position and the source
// line with a caret.
#pragma once
#include <exception>
#include <cstdint>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace clove {

struct SourcePos {
  uint32_t file = 0;  // SourceRegistry id; 0 = unknown
  uint32_t line = 0;
  uint32_t col = 0;
  bool known() const { return file != 0 && line != 0; }
  bool operator==(const SourcePos&) const = default;
};

/// Names and texts of every source the VM has read, so errors can quote a line.
class SourceRegistry {
 public:
  SourceRegistry();
  /// Registers a source (a file path or a pseudo-name like "<expr>"); returns its id.
  uint32_t add(std::string name, std::string text);
  /// Registers a source whose text outlives the registry (the core library's sources,
  /// embedded in the binary): the text is not copied.
  uint32_t add_static(std::string name, std::string_view text);
  const std::string& name(uint32_t id) const;
  /// Whether source `id` was added by add_static (the core library's, embedded in the
  /// binary): debugger steps do not stop in it.
  bool is_static(uint32_t id) const { return id < entries_.size() && entries_[id].is_static; }
  /// The id of the most recently added source named `name`, or 0 when there is none.
  uint32_t find(const std::string& name) const;
  std::string_view text(uint32_t id) const;
  /// The text of line `line` (1-based) without its newline, or "" if out of range.
  std::string line_text(uint32_t id, uint32_t line) const;
  /// "file:line:col", or "<unknown>" for an unknown position.
  std::string format(SourcePos p) const;
  /// The source line followed by a caret under the column ("" when unavailable).
  std::string snippet(SourcePos p) const;
  /// Number of sources registered (ids 0..size()-1; id 0 is "<unknown>").
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string name;
    std::string owned;      // the text, unless it is static
    std::string_view text;  // owned, or the static text
    bool is_static = false;
  };
  std::deque<Entry> entries_;  // a deque: texts never move, so string_views into them stay valid
};

#define CLOVE_DIAG_KINDS(X)          \
  X(reader_unterminated)             \
  X(reader_unmatched_delimiter)      \
  X(reader_invalid_number)           \
  X(reader_invalid_token)            \
  X(reader_invalid_escape)           \
  X(reader_invalid_character)        \
  X(reader_odd_map)                  \
  X(reader_duplicate_key)            \
  X(reader_invalid_dispatch)         \
  X(reader_invalid_conditional)      \
  X(reader_invalid_regex)            \
  X(reader_too_deep)                 \
  X(compile_unresolved_symbol)       \
  X(compile_invalid_recur)           \
  X(compile_recur_arity)             \
  X(compile_bad_special_form)        \
  X(compile_bad_binding)             \
  X(compile_macro_error)             \
  X(compile_too_large)               \
  X(compile_shadowing)               \
  X(compile_error)

enum class DiagKind : uint8_t {
#define CLOVE_X(k) k,
  CLOVE_DIAG_KINDS(CLOVE_X)
#undef CLOVE_X
};
const char* diag_kind_name(DiagKind k);

/// A reader or compile error. `expansion` lists the macro call sites that produced
/// the offending form, innermost first.
struct Diagnostic : std::runtime_error {
  DiagKind kind;
  SourcePos pos;
  std::vector<SourcePos> expansion;
  /// The error a macro threw, when expanding it failed: it becomes the ex-cause of the
  /// CompilerException (vm/call.cpp), as on the JVM. Null otherwise.
  std::exception_ptr cause;
  Diagnostic(DiagKind k, SourcePos p, const std::string& msg)
      : std::runtime_error(msg), kind(k), pos(p) {}
  bool is_reader() const { return static_cast<int>(kind) <= static_cast<int>(DiagKind::reader_too_deep); }
};

/// "Syntax error reading source at (f.clj:1:2).\n<message>\n<snippet>" in Clojure's wording.
std::string render_diagnostic(const Diagnostic& d, const SourceRegistry& src);

}  // namespace clove
