// analyzer.h: forms -> AST (SPEC V4, L2): macroexpansion, symbol resolution, and the
// special forms (one file each under analyze/, registered in special_forms.cpp).
//
// Symbols resolve to, in order: locals of the arity being analyzed, locals of
// enclosing fns (captured as upvalues, threaded through every fn in between), then
// vars via State::resolve_var. Forms a macro produced carry no source positions; they
// get the position of the nearest enclosing form that has one (the macro call site),
// and errors list the chain of macro call sites (Diagnostic::expansion).
#pragma once
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "compiler/analyze/ast.h"
#include "compiler/session.h"

namespace clove {

/// Most fixed parameters one fn arity may declare (they live in R[0..]).
inline constexpr int kMaxParams = 200;

/// What the analyzer knows about the place a form is in.
struct Ctx {
  bool tail = false;             // tail position of the innermost loop* body or fn arity
  RecurTarget* recur = nullptr;  // where a recur here would jump
  int try_depth = 0;             // try forms enclosing this one within the current fn
  SourcePos pos;                 // best known position of the form being analyzed
  Ctx non_tail() const {
    Ctx c = *this;
    c.tail = false;
    return c;
  }
  Ctx at(SourcePos p) const {
    Ctx c = *this;
    if (p.known()) c.pos = p;
    return c;
  }
};

class Analyzer {
 public:
  explicit Analyzer(CompileSession& s);

  /// A top-level form as the body of a zero-argument fn; `where` is its position when
  /// the source map has none for it (a symbol).
  FnNode* analyze_toplevel(Value form, SourcePos where = {});
  /// Any form. `ctx.pos` is the position the parent knows for it.
  Node* analyze(Value form, const Ctx& ctx);
  /// forms[from..] as an implicit do (nil when empty); the last one inherits ctx.tail.
  Node* analyze_body(const std::vector<Value>& forms, size_t from, const Ctx& ctx, Value parent);
  /// A fn* form (also used by letfn*).
  FnNode* analyze_fn(Value form, const std::vector<Value>& items, const Ctx& ctx);

  // ---- helpers for the special forms ----
  /// The elements of a list or vector form, in order (realizes lazy seqs).
  std::vector<Value> items(Value coll);
  /// The interned symbol with the same namespace and name (drops reader metadata).
  Symbol* canonical(Symbol* s);
  /// Position of element i of a collection form, or `fallback`.
  SourcePos elem_pos(Value form, size_t i, SourcePos fallback) const;
  /// The var clojure.core/<name>, interned unbound when missing.
  Var* core_var(const char* name);
  /// Throws Diagnostic(kind) at pos, with the current macro expansion chain.
  /// Throws a Diagnostic at pos (with the macro expansions in progress); `cause` is
  /// the error that led to it, if any (Diagnostic::cause).
  [[noreturn]] void fail(DiagKind kind, SourcePos pos, const std::string& msg,
                         std::exception_ptr cause = nullptr) const;
  /// Diagnostic text for a form ("(foo 1)"), shortened.
  std::string show(Value form) const;
  /// &env for a macro called here: a map of every local in scope, symbol -> nil
  /// (macroexpand.cpp).
  Value macro_env();

  // ---- lexical scopes ----
  size_t scope_mark() const;
  void push_local(LocalBinding* b);
  void pop_to(size_t mark);

  CompileSession& s;
  State& vm;
  /// The form analyze_toplevel was given (pinned), searched by diagnostics that need a
  /// position inside it (shadow_guard.cpp); nil before.
  Value toplevel_form = Value::nil();

 private:
  /// The locals of one fn being analyzed. A function may bind thousands (a generated
  /// `let`), so lookups go through an index by name rather than a scan of the scope,
  /// and &env is built incrementally: both would otherwise be quadratic.
  struct FnFrame {
    FnFrame* parent;
    FnNode* node;
    std::vector<LocalBinding*> scope = {};   // innermost last
    std::vector<LocalBinding*> hidden = {};  // per scope entry: the binding of its name it hides, or null
    std::unordered_map<Symbol*, LocalBinding*> visible = {};  // name -> innermost binding
    /// &env (macro_env): the enclosing fns' locals and this fn's name (when env_base_known),
    /// and env_at[i] that plus scope[0..i]; computed when a macro asks, kept while valid.
    Value env_base = Value::nil();
    bool env_base_known = false;
    std::vector<Value> env_at = {};
    LocalBinding* lookup(Symbol* name) const;
    void push(LocalBinding* b);
    void pop_to(size_t mark);
  };
  /// &env for f's current scope (see FnFrame).
  Value env_of(FnFrame* f);
  struct Ref {
    LocalBinding* local = nullptr;
    int upval = -1;
    bool found() const { return local || upval >= 0; }
  };
  Ref find(FnFrame* f, Symbol* name);
  Node* analyze_symbol(Symbol* sym, const Ctx& ctx);
  Node* analyze_seq(Value form, const Ctx& ctx);
  Node* analyze_coll(Value form, const Ctx& ctx);
  Node* analyze_coll_items(Value form, const Ctx& ctx);  // the collection without its metadata
  Node* analyze_invoke(Value form, const std::vector<Value>& items, const Ctx& ctx);
  /// (. target member ...) and (.member target ...): Java member access (natives/core/interop.cpp).
  Node* analyze_dot(Value form, const std::vector<Value>& items, const Ctx& ctx);
  Node* analyze_method_call(Value form, const std::vector<Value>& call, const Ctx& ctx);
  bool is_local(Symbol* sym) const;

  FnFrame* frame_ = nullptr;
  std::vector<SourcePos> expansion_;  // macro call sites, outermost first
  int depth_ = 0;
};

/// A special form's analyzer: `items` are the form's elements (items[0] is the symbol).
using SpecialForm = Node* (*)(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx);
/// The analyzer of special form `name` (an unqualified symbol name), or null.
SpecialForm find_special_form(std::string_view name);

/// Tries to compile a call of core var `var` to instructions (analyze/inline.cpp);
/// null when `var` is not inlined with this many arguments.
Node* try_inline(Analyzer& a, Var* var, Value form, const std::vector<Value>& items, const Ctx& ctx);
/// A one-argument call of any var that holds a leaf native (Native::leaf) as LEAFCALL,
/// which calls through the var each time; null otherwise.
Node* try_leaf_call(Analyzer& a, Var* var, Value form, const std::vector<Value>& items, const Ctx& ctx);

/// The var a call form's head names when it is a macro (not shadowed by a local is the
/// caller's business), or null.
Var* macro_var(State& vm, Value head);
/// Calls macro `var` on `form` (whose elements are `items`) with `env` as &env (a map
/// of the locals in scope, or nil); returns the expansion.
Value expand_macro(State& vm, Var* var, Value form, const std::vector<Value>& items, Value env);

}  // namespace clove
