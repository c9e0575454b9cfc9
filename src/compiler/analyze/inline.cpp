// inline.cpp: calls of a few core functions compiled to instructions (SPEC V4):
//   (+ a b ...) (- a b ...) (* a b ...) (/ a b ...)   left folds, two or more args
//   (< a b) (<= a b) (> a b) (>= a b) (= a b) (== a b)  exactly two args
//   (not x) (zero? x) (inc x) (dec x) (nil? x) (some? x) exactly one arg
//   (first x) (next x) (count x) (reduced? x)           one arg, one instruction each
//   (nth coll i) (get m k)                              exactly two args
//   (nth coll i not-found)                              NTHD (destructuring's nth)
//   (get m k not-found)                                 GETD (and (:k m not-found))
//   (quot a b) (rem a b) (mod a b)                      exactly two args
//   (conj coll x ...)                                   two or more args: CONJ each
//   (-pfn p i x)  with i a literal 0..255: PFN, what defprotocol's method fns call
//   (f x) with f a leaf native (seq? map? pos? key ..., natives/core/leaf.cpp):
//         LEAFCALL, a call without a frame
// Other arities call the function. Only calls whose head resolves to the
// clojure.core var are inlined (a local or another namespace's var of the same name
// is an ordinary call). Literal operands are folded at compile time (const_fold.h).
// LEAFCALL is not inlining (it calls through the var each time), so a call of any
// namespace's var holding a leaf native gets it: Math/sqrt and the other one-argument
// Math statics are leaves (try_leaf_call).
#include <string_view>

#include "compiler/analyze/analyzer.h"
#include "compiler/passes/const_fold.h"
#include "runtime/lang/function.h"
#include "state/state.h"

namespace clove {

namespace {

struct PrimInfo {
  std::string_view name;
  PrimOp op;
  int min_args, max_args;  // -1: no maximum
};

constexpr PrimInfo kPrims[] = {
    {"+", PrimOp::Add, 2, -1},    {"-", PrimOp::Sub, 2, -1},     {"*", PrimOp::Mul, 2, -1},
    {"/", PrimOp::Div, 2, -1},    {"<", PrimOp::Lt, 2, 2},       {"<=", PrimOp::Le, 2, 2},
    {">", PrimOp::Gt, 2, 2},      {">=", PrimOp::Ge, 2, 2},      {"=", PrimOp::Eq, 2, 2},
    {"==", PrimOp::NumEq, 2, 2},  {"not", PrimOp::Not, 1, 1},    {"zero?", PrimOp::Zero, 1, 1},
    {"nil?", PrimOp::IsNil, 1, 1}, {"some?", PrimOp::IsSome, 1, 1},
    {"inc", PrimOp::Inc, 1, 1},   {"dec", PrimOp::Dec, 1, 1},
    {"first", PrimOp::First, 1, 1}, {"next", PrimOp::Next, 1, 1}, {"count", PrimOp::Count, 1, 1},
    {"reduced?", PrimOp::IsReduced, 1, 1}, {"nth", PrimOp::Nth, 2, 3}, {"get", PrimOp::Get, 2, 3},
    {"quot", PrimOp::Quot, 2, 2}, {"rem", PrimOp::Rem, 2, 2},    {"mod", PrimOp::Mod, 2, 2},
    {"-pfn", PrimOp::ProtocolFn, 3, 3}, {"conj", PrimOp::Conj, 2, -1},
};

bool is_const(Node* n) { return n->kind == NodeKind::Const; }
Value const_of(Node* n) { return static_cast<ConstNode*>(n)->value; }

}  // namespace

Node* try_leaf_call(Analyzer& a, Var* var, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  auto* native = as<Native>(var->root);
  if (!native || !native->leaf || items.size() != 2 || !native->accepts(1)) return nullptr;
  Node* x = a.analyze(items[1], ctx.non_tail().at(a.elem_pos(form, 1, ctx.pos)));
  return a.s.node<PrimNode>(ctx.pos, PrimOp::LeafCall,
                            std::vector<Node*>{x, a.s.node<ConstNode>(ctx.pos, Value::object(var))});
}

Node* try_inline(Analyzer& a, Var* var, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  std::string_view name = var->sym->name_view();
  const PrimInfo* info = nullptr;
  for (const PrimInfo& p : kPrims)
    if (p.name == name) info = &p;
  if (!info) return try_leaf_call(a, var, form, items, ctx);
  int nargs = static_cast<int>(items.size()) - 1;
  if (nargs < info->min_args || (info->max_args >= 0 && nargs > info->max_args)) return nullptr;
  // PFN's method index is an operand: only a literal one fits.
  if (info->op == PrimOp::ProtocolFn &&
      !(items[2].is_small_int() && items[2].as_small_int() >= 0 && items[2].as_small_int() <= 255))
    return nullptr;

  std::vector<Node*> args;
  Ctx c = ctx.non_tail();
  for (size_t i = 1; i < items.size(); ++i) args.push_back(a.analyze(items[i], c.at(a.elem_pos(form, i, ctx.pos))));

  bool all_const = true;
  for (Node* n : args) all_const &= is_const(n);
  if (all_const) {
    std::vector<Value> vals;
    for (Node* n : args) vals.push_back(const_of(n));
    if (auto v = fold_prim(a.vm.heap, info->op, vals)) return a.s.node<ConstNode>(ctx.pos, a.s.pin(*v));
  }
  // Fold a literal prefix of a left fold: (+ 1 2 x) -> (+ 3 x).
  bool chain = info->op == PrimOp::Add || info->op == PrimOp::Sub || info->op == PrimOp::Mul || info->op == PrimOp::Div;
  while (chain && args.size() > 2 && is_const(args[0]) && is_const(args[1])) {
    auto v = fold_prim(a.vm.heap, info->op, {const_of(args[0]), const_of(args[1])});
    if (!v) break;
    args.erase(args.begin());
    args[0] = a.s.node<ConstNode>(args[0]->pos, a.s.pin(*v));
  }
  return a.s.node<PrimNode>(ctx.pos, info->op, std::move(args));
}

}  // namespace clove
