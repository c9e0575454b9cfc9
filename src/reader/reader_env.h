// reader_env.h: ReaderEnv, what the reader asks of the place it reads in (the current
// namespace, aliases, vars and classes, generated-name numbers, where positions go), and
// StateReaderEnv, the answers a State gives.
//
// Text alone does not decide every form. `::kw` and `#::{}` name the current namespace
// and `::alias/kw` one of its aliases; syntax-quote writes `map` as the var it names
// (clojure.core/map) and an unknown `foo` as current-ns/foo, numbers each `foo#` and
// each `#()` parameter; and the forms' positions go to a source map. The reader asks
// for each of these through a ReaderEnv, as Clojure's LispReader asks the Resolver
// bound to *reader-resolver* (currentNS, resolveAlias, resolveClass, resolveVar), so a
// tool reads with answers of its own: a formatter or clojure.edn/read with no
// namespaces at all, an nREPL server with its client's namespace.
//
// What the reader does without the env: the language's own rules (special forms and
// `Foo.`/`.foo`/`a.b.C` names stay bare in syntax-quote, a `foo#` outside one is an
// error), and building forms. Forms are made in a State's heap and interner with
// runtime/coll's functions, so a Reader is also given the State it allocates in; it
// uses the State for that alone (allocating, and inspecting the forms it made), never
// for names, namespaces, the gensym counter or the source map.
//
// Names cross this interface as interned Symbols of that State (a namespace's name is
// the Symbol it is interned as, e.g. Namespace::name).
#pragma once
#include <cstdint>

namespace clove {

class SourceMap;  // core/source_map.h
class State;      // state/state.h
struct Symbol;    // runtime/text/string.h

/// The reader's questions about names, generated numbers and positions. An
/// implementation must outlive the Readers given it; its methods may allocate in the
/// reader's State but must not run Clove code.
class ReaderEnv {
 public:
  virtual ~ReaderEnv() = default;

  /// The current namespace's name, or null when there is none: `::kw` is then an
  /// invalid token, `#::{}` an error, and syntax-quote leaves a symbol that names no
  /// class as written (without asking resolve_var).
  virtual Symbol* current_ns() = 0;
  /// The name of the namespace `alias` (an unqualified symbol) stands for in the
  /// current namespace, or null: `::alias/kw`, `#::alias{}`, and `alias/x` in
  /// syntax-quote (which leaves x's namespace as written when this is null).
  virtual Symbol* resolve_alias(Symbol* alias) = 0;
  /// Whether a namespace named `name` exists: `#::name{}` also accepts a namespace's
  /// full name where no alias matches (Clojure's Namespace.find fallback).
  virtual bool namespace_exists(Symbol* name) = 0;
  /// For syntax-quote: the class an unqualified symbol names, as the expansion writes
  /// it, or null when it names no class (the name is then looked up as a var).
  virtual Symbol* resolve_class(Symbol* sym) = 0;
  /// For syntax-quote: the qualified name (ns/name) of the var an unqualified symbol
  /// names from the current namespace (its own, referred or clojure.core's), or null;
  /// syntax-quote then qualifies the symbol with current_ns().
  virtual Symbol* resolve_var(Symbol* sym) = 0;
  /// A fresh number for a generated name: `foo#` in syntax-quote reads as
  /// foo__N__auto__ (one N per name per syntax-quote), `%1` in `#()` as p1__N#.
  virtual uint64_t next_gensym_id() = 0;
  /// Where the reader records each collection form's position and its elements'
  /// (and looks up elements' positions for `#?@` and syntax-quote), or null to keep no
  /// positions. A map other than the State's is not told when the heap frees a form,
  /// so it must not outlive the forms recorded in it.
  virtual SourceMap* source_map() = 0;
};

/// The ReaderEnv of code a State runs: the State's current namespace (*ns*), that
/// namespace's aliases and the namespaces loaded, vars as the compiler resolves them,
/// exception class names, State::next_id and State::source_map. Every Reader the
/// evaluator, the CLI and read-string make reads through one.
class StateReaderEnv final : public ReaderEnv {
 public:
  explicit StateReaderEnv(State& vm) : vm_(vm) {}

  Symbol* current_ns() override;
  Symbol* resolve_alias(Symbol* alias) override;
  bool namespace_exists(Symbol* name) override;
  /// The exception classes Clove knows (core/error.h's ErrorKind names) stay bare.
  Symbol* resolve_class(Symbol* sym) override;
  Symbol* resolve_var(Symbol* sym) override;
  uint64_t next_gensym_id() override;
  SourceMap* source_map() override;

 private:
  State& vm_;
};

}  // namespace clove
