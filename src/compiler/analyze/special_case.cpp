// special_case.cpp: (case* expr default [test-constant then ...]) — Clove's own simple
// form behind the case macro: the value of expr is compared with each test constant
// (unevaluated, as if quoted) by `=`, in order; the first match's `then` is the value,
// else `default`. Compiled to a chain of EQ / JMPIFNOT.
#include "compiler/analyze/analyzer.h"
#include "runtime/coll.h"

namespace clove {

Node* analyze_case(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  if (items.size() != 4 || !is_vector(items[3]))
    a.fail(DiagKind::compile_bad_special_form, ctx.pos, "case* takes an expression, a default and a vector of test/then pairs");
  std::vector<Value> pairs = a.items(items[3]);
  if (pairs.size() % 2 != 0)
    a.fail(DiagKind::compile_bad_special_form, a.elem_pos(form, 3, ctx.pos), "case* needs test/then pairs");
  CaseNode* node = a.s.node<CaseNode>(ctx.pos);
  node->expr = a.analyze(items[1], ctx.non_tail().at(a.elem_pos(form, 1, ctx.pos)));
  for (size_t i = 0; i < pairs.size(); i += 2) {
    Node* then = a.analyze(pairs[i + 1], ctx.at(a.elem_pos(items[3], i + 1, ctx.pos)));
    node->clauses.push_back({pairs[i], then});
  }
  node->dflt = a.analyze(items[2], ctx.at(a.elem_pos(form, 2, ctx.pos)));
  return node;
}

}  // namespace clove
