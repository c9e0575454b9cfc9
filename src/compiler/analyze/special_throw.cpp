// special_throw.cpp: (throw expr).
#include "compiler/analyze/analyzer.h"

namespace clove {

Node* analyze_throw(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  if (items.size() != 2) a.fail(DiagKind::compile_bad_special_form, ctx.pos, "throw takes exactly one argument");
  Node* e = a.analyze(items[1], ctx.non_tail().at(a.elem_pos(form, 1, ctx.pos)));
  return a.s.node<ThrowNode>(ctx.pos, e);
}

}  // namespace clove
