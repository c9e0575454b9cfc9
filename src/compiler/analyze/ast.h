// ast.h: the analyzed form of Clove code (SPEC V4, L2).
//
// The analyzer turns forms into these nodes after macroexpansion and symbol
// resolution: every symbol has become a local, an upvalue of the enclosing fn, or a
// var; every special form has been checked. Nodes live in the compile session's
// arena and are never freed individually. Each node keeps the source position of the
// form it came from (the macro call site for macro-generated forms).
#pragma once
#include <vector>

#include "core/source.h"
#include "runtime/lang/function.h"
#include "state/namespace.h"
#include "core/value.h"

namespace clove {

enum class NodeKind : uint8_t {
  Const,   // a literal or quoted value
  Local,   // a local of the fn arity being compiled (or the fn's own name)
  Upval,   // a value captured from an enclosing fn
  VarRef,  // the value of a var
  Def,     // (def name init?)
  If,
  Do,
  Let,     // let* and loop*
  Recur,
  Fn,      // fn*
  Invoke,  // a call
  Prim,    // an inlined core function (+ < = not ...)
  Throw,
  Try,
  Letfn,
  Case,    // case*
  Coll,    // a vector/map/set literal with non-constant elements
};

/// A named local: a let/loop binding, a parameter, a catch local, or a fn's own name.
struct LocalBinding {
  Symbol* name;
  SourcePos pos;
  bool is_self = false;  // the fn* name: evaluates to the running closure
};

struct Node {
  NodeKind kind;
  SourcePos pos;
  explicit Node(NodeKind k, SourcePos p) : kind(k), pos(p) {}
  virtual ~Node() = default;
};

struct ConstNode : Node {
  Value value;
  ConstNode(SourcePos p, Value v) : Node(NodeKind::Const, p), value(v) {}
};

struct LocalNode : Node {
  LocalBinding* local;
  LocalNode(SourcePos p, LocalBinding* b) : Node(NodeKind::Local, p), local(b) {}
};

struct UpvalNode : Node {
  int index;
  Symbol* name;
  UpvalNode(SourcePos p, int i, Symbol* n) : Node(NodeKind::Upval, p), index(i), name(n) {}
};

struct VarRefNode : Node {
  Var* var;
  VarRefNode(SourcePos p, Var* v) : Node(NodeKind::VarRef, p), var(v) {}
};

struct DefNode : Node {
  Var* var;
  Node* init;  // null for (def name)
  DefNode(SourcePos p, Var* v, Node* i) : Node(NodeKind::Def, p), var(v), init(i) {}
};

struct IfNode : Node {
  Node *test, *then, *otherwise;
  IfNode(SourcePos p, Node* t, Node* a, Node* b) : Node(NodeKind::If, p), test(t), then(a), otherwise(b) {}
};

struct DoNode : Node {
  std::vector<Node*> body;  // the last one is the value; empty: nil
  DoNode(SourcePos p, std::vector<Node*> b) : Node(NodeKind::Do, p), body(std::move(b)) {}
};

struct Binding {
  LocalBinding* local;
  Node* init;
};

/// Where a recur jumps: a loop* or a fn arity. `try_depth` is the number of enclosing
/// try forms at the target (recur may not cross a try).
struct RecurTarget {
  int nargs;
  int try_depth;
  bool is_loop;
};

struct LetNode : Node {
  std::vector<Binding> bindings;
  Node* body;
  bool is_loop;
  RecurTarget target;
  LetNode(SourcePos p, bool loop) : Node(NodeKind::Let, p), body(nullptr), is_loop(loop), target{0, 0, true} {}
};

struct RecurNode : Node {
  std::vector<Node*> args;
  RecurTarget* target;
  RecurNode(SourcePos p, std::vector<Node*> a, RecurTarget* t) : Node(NodeKind::Recur, p), args(std::move(a)), target(t) {}
};

/// One value an fn* captures from its enclosing fn: a local of the enclosing arity or
/// one of the enclosing fn's own upvalues.
struct CaptureRef {
  LocalBinding* local;  // non-null: a local of the enclosing arity
  int upval;            // otherwise: an upvalue index of the enclosing fn
  Symbol* name;
};

struct FnArity {
  std::vector<LocalBinding*> params;  // fixed params, then the rest param when variadic
  bool variadic = false;
  Node* body = nullptr;
  RecurTarget target{0, 0, false};
  SourcePos pos;
  int nfixed() const { return static_cast<int>(params.size()) - (variadic ? 1 : 0); }
};

struct FnNode : Node {
  String* name = nullptr;       // "ns/name" or "name" for traces, or null
  LocalBinding* self = nullptr; // the fn* name local, or null
  std::vector<FnArity> arities;
  std::vector<CaptureRef> captures;
  /// (^{:once true} fn* ...): called at most once (lazy-seq's thunk). Its prologue moves
  /// every upvalue into a register and clears it in the closure, so a captured value
  /// dies at its last use in the body (Clojure's "once" locals clearing): a thunk that
  /// walks a long seq does not hold the seq's head.
  bool once = false;
  explicit FnNode(SourcePos p) : Node(NodeKind::Fn, p) {}
};

struct InvokeNode : Node {
  Node* fn;
  std::vector<Node*> args;
  InvokeNode(SourcePos p, Node* f, std::vector<Node*> a) : Node(NodeKind::Invoke, p), fn(f), args(std::move(a)) {}
};

/// Core functions compiled to instructions (analyze/inline.cpp).
enum class PrimOp : uint8_t {
  Add, Sub, Mul, Div, Lt, Le, Gt, Ge, Eq, NumEq, Not, IsNil, IsSome, Zero, Inc, Dec,
  // collection intrinsics: never folded, one instruction each
  First, Next, Count, IsReduced, Nth, Get,
  // integer division: not folded (a zero divisor must throw at run time)
  Quot, Rem, Mod,
  // (-pfn p i x) with a literal method index i: protocol dispatch (defprotocol's fns)
  ProtocolFn,
  // (f x) with f a clojure.core var holding a leaf native (Native::leaf: seq?, pos?,
  // key ...); args are x and the var as a constant
  LeafCall,
  // (conj coll x ...), two or more args: one CONJ per item, after all are evaluated
  Conj
};

struct PrimNode : Node {
  PrimOp op;
  std::vector<Node*> args;
  PrimNode(SourcePos p, PrimOp o, std::vector<Node*> a) : Node(NodeKind::Prim, p), op(o), args(std::move(a)) {}
};

struct ThrowNode : Node {
  Node* exc;
  ThrowNode(SourcePos p, Node* e) : Node(NodeKind::Throw, p), exc(e) {}
};

struct CatchClause {
  String* class_name;  // null for :default
  LocalBinding* local;
  Node* body;
  SourcePos pos;
};

struct TryNode : Node {
  Node* body = nullptr;
  std::vector<CatchClause> catches;
  Node* finally = nullptr;
  explicit TryNode(SourcePos p) : Node(NodeKind::Try, p) {}
};

struct LetfnNode : Node {
  std::vector<LocalBinding*> locals;
  std::vector<FnNode*> fns;
  Node* body = nullptr;
  explicit LetfnNode(SourcePos p) : Node(NodeKind::Letfn, p) {}
};

struct CaseNode : Node {
  Node* expr = nullptr;
  Node* dflt = nullptr;
  std::vector<std::pair<Value, Node*>> clauses;
  explicit CaseNode(SourcePos p) : Node(NodeKind::Case, p) {}
};

enum class CollKind : uint8_t { Vector, Map, Set };

struct CollNode : Node {
  CollKind coll;
  std::vector<Node*> items;  // maps: key, value, key, value ...
  CollNode(SourcePos p, CollKind c, std::vector<Node*> i) : Node(NodeKind::Coll, p), coll(c), items(std::move(i)) {}
};

}  // namespace clove
