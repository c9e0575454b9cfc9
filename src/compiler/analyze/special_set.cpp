// special_set.cpp: (set! var-symbol value) -> (clojure.core/-set-var! #'var value),
// which sets the thread binding of a dynamic var (the runtime checks that it is bound).
#include <fmt/format.h>

#include "compiler/analyze/analyzer.h"
#include "state/state.h"

namespace clove {

Node* analyze_set(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  if (items.size() != 3) a.fail(DiagKind::compile_bad_special_form, ctx.pos, "set! takes a target and a value");
  SourcePos tpos = a.elem_pos(form, 1, ctx.pos);
  Symbol* raw = as<Symbol>(items[1]);
  if (!raw) a.fail(DiagKind::compile_bad_special_form, tpos, fmt::format("Invalid assignment target: {}", a.show(items[1])));
  Node* target = a.analyze(items[1], ctx.non_tail().at(tpos));
  if (target->kind != NodeKind::VarRef)
    a.fail(DiagKind::compile_bad_special_form, tpos, fmt::format("Cannot assign to non-mutable: {}", raw->str()));
  Var* v = static_cast<VarRefNode*>(target)->var;
  Node* val = a.analyze(items[2], ctx.non_tail().at(a.elem_pos(form, 2, ctx.pos)));
  std::vector<Node*> args{a.s.node<ConstNode>(tpos, Value::object(v)), val};
  return a.s.node<InvokeNode>(ctx.pos, a.s.node<VarRefNode>(ctx.pos, a.core_var("-set-var!")), std::move(args));
}

}  // namespace clove
