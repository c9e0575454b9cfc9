// special_case.cpp: (case* expr default [test-constant then ...]) — Clove's own simple
// form behind the case macro: the value of expr is compared with each test constant
// (unevaluated, as if quoted) by `=`; the first match's `then` is the value, else
// `default`. Compiled to a chain of EQ / JMPIFNOT, or with several tests to one
// SWITCH (a hash lookup: constant time; ir/lower_control.cpp).
#include "compiler/analyze/analyzer.h"
#include "runtime/coll/coll.h"

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
    // The case macro repeats one `then` form (the identical object) for every test of
    // a group; it is analyzed once and the lowering gives it a single arm.
    Node* then = nullptr;
    for (size_t j = 1; j < i && !then; j += 2)
      if (pairs[j] == pairs[i + 1]) then = node->clauses[j / 2].second;
    if (!then) then = a.analyze(pairs[i + 1], ctx.at(a.elem_pos(items[3], i + 1, ctx.pos)));
    node->clauses.push_back({pairs[i], then});
  }
  node->dflt = a.analyze(items[2], ctx.at(a.elem_pos(form, 2, ctx.pos)));
  return node;
}

}  // namespace clove
