// special_quote.cpp: (quote x) -> x unevaluated; (var sym) / #'sym -> the Var itself.
#include <fmt/format.h>

#include "compiler/analyze/analyzer.h"
#include "state/state.h"

namespace clove {

Node* analyze_quote(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  if (items.size() != 2)
    a.fail(DiagKind::compile_bad_special_form, ctx.pos, "Wrong number of args passed to quote: expected 1");
  return a.s.node<ConstNode>(ctx.pos, a.s.pin(items[1]));
}

Node* analyze_var(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  if (items.size() != 2 || !is<Symbol>(items[1]))
    a.fail(DiagKind::compile_bad_special_form, ctx.pos, "var takes exactly one symbol");
  Symbol* sym = a.canonical(as<Symbol>(items[1]));
  Var* v = a.vm.resolve_var(a.vm.current_ns(), sym);
  if (!v)
    a.fail(DiagKind::compile_unresolved_symbol, a.elem_pos(form, 1, ctx.pos),
           fmt::format("Unable to resolve var: {} in this context", sym->str()));
  return a.s.node<ConstNode>(ctx.pos, Value::object(v));
}

}  // namespace clove
