// special_if.cpp: (if test then else?). A constant test selects its branch at compile time.
#include "compiler/analyze/analyzer.h"

namespace clove {

Node* analyze_if(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  if (items.size() < 3) a.fail(DiagKind::compile_bad_special_form, ctx.pos, "Too few arguments to if");
  if (items.size() > 4) a.fail(DiagKind::compile_bad_special_form, ctx.pos, "Too many arguments to if");
  Node* test = a.analyze(items[1], ctx.non_tail().at(a.elem_pos(form, 1, ctx.pos)));
  Node* then = a.analyze(items[2], ctx.at(a.elem_pos(form, 2, ctx.pos)));
  Node* otherwise = items.size() == 4 ? a.analyze(items[3], ctx.at(a.elem_pos(form, 3, ctx.pos)))
                                      : a.s.node<ConstNode>(ctx.pos, Value::nil());
  if (test->kind == NodeKind::Const) return static_cast<ConstNode*>(test)->value.truthy() ? then : otherwise;
  return a.s.node<IfNode>(ctx.pos, test, then, otherwise);
}

}  // namespace clove
