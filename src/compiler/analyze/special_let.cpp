// special_let.cpp: (let* [name init ...] body...) and (loop* [name init ...] body...).
//
// Each init sees the bindings before it. A loop* body is a recur target taking one
// argument per binding. Destructuring is done by the let/loop macros, so names here
// are plain unqualified symbols.
#include <fmt/format.h>

#include "compiler/analyze/analyzer.h"
#include "compiler/analyze/clove_mode.h"
#include "runtime/coll/coll.h"
#include "state/state.h"

namespace clove {

namespace {

Node* analyze_bindings(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx, bool loop) {
  const char* what = loop ? "loop*" : "let*";
  if (items.size() < 2 || !is_vector(items[1]))
    a.fail(DiagKind::compile_bad_binding, ctx.pos, fmt::format("Bad binding form: {} requires a vector for its binding", what));
  Value bvec = items[1];
  std::vector<Value> bs = a.items(bvec);
  if (bs.size() % 2 != 0)
    a.fail(DiagKind::compile_bad_binding, a.elem_pos(form, 1, ctx.pos),
           fmt::format("{} requires an even number of forms in binding vector", what));
  LetNode* node = a.s.node<LetNode>(ctx.pos, loop);
  size_t mark = a.scope_mark();
  Ctx init_ctx = ctx.non_tail();
  for (size_t i = 0; i < bs.size(); i += 2) {
    SourcePos npos = a.elem_pos(bvec, i, ctx.pos);
    Symbol* raw = as<Symbol>(bs[i]);
    if (!raw || !raw->ns_view().empty())
      a.fail(DiagKind::compile_bad_binding, npos, fmt::format("Bad binding form, expected symbol, got: {}", a.show(bs[i])));
    check_local_shadow(a, raw, npos);
    Node* init = a.analyze(bs[i + 1], init_ctx.at(a.elem_pos(bvec, i + 1, ctx.pos)));
    LocalBinding* b = a.s.local(a.canonical(raw), npos);
    node->bindings.push_back(Binding{b, init});
    a.push_local(b);
  }
  Ctx body_ctx = ctx;
  if (loop) {
    node->target = RecurTarget{static_cast<int>(node->bindings.size()), ctx.try_depth, true};
    body_ctx.tail = true;
    body_ctx.recur = &node->target;
  }
  node->body = a.analyze_body(items, 2, body_ctx, form);
  a.pop_to(mark);
  return node;
}

}  // namespace

Node* analyze_let(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  return analyze_bindings(a, form, items, ctx, false);
}

Node* analyze_loop(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  return analyze_bindings(a, form, items, ctx, true);
}

}  // namespace clove
