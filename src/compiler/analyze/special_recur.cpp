// special_recur.cpp: (recur args...): jump back to the innermost loop* or fn arity with
// new bindings. Only allowed in tail position, not across a try, with one argument
// per binding (a variadic arity takes its rest seq as the last argument).
#include <fmt/format.h>

#include "compiler/analyze/analyzer.h"

namespace clove {

Node* analyze_recur(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  if (!ctx.recur) a.fail(DiagKind::compile_invalid_recur, ctx.pos, "Can only recur from tail position");
  if (ctx.try_depth > ctx.recur->try_depth) a.fail(DiagKind::compile_invalid_recur, ctx.pos, "Cannot recur across try");
  if (!ctx.tail) a.fail(DiagKind::compile_invalid_recur, ctx.pos, "Can only recur from tail position");
  int got = static_cast<int>(items.size()) - 1;
  if (got != ctx.recur->nargs)
    a.fail(DiagKind::compile_recur_arity, ctx.pos,
           fmt::format("Mismatched argument count to recur, expected: {} args, got: {}", ctx.recur->nargs, got));
  std::vector<Node*> args;
  Ctx c = ctx.non_tail();
  for (size_t i = 1; i < items.size(); ++i) args.push_back(a.analyze(items[i], c.at(a.elem_pos(form, i, ctx.pos))));
  return a.s.node<RecurNode>(ctx.pos, std::move(args), ctx.recur);
}

}  // namespace clove
