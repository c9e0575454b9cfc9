// comptime_unquote.cpp: `~expr` outside syntax-quote in .clove files (SPEC L3); see
// clove_mode.h. The reader reads ~expr as (clojure.core/unquote expr); in .clove code
// the analyzer evaluates expr while compiling and uses its value as a constant, so
// (def table ~(build-table)) stores the table built at compile time, and ~(list 1 2)
// is the list (1 2), not a call. To generate code rather than data, write a macro.
#include <fmt/format.h>

#include "compiler/analyze/clove_mode.h"
#include "state/state.h"

namespace clove {

bool is_comptime_unquote(Analyzer& a, Symbol* head, Var* var, const Ctx& ctx) {
  if (head->name_view() != "unquote") return false;
  bool names_core = var ? var->ns == a.vm.core_ns()
                        : head->ns_view().empty() || head->ns_view() == "clojure.core";
  return names_core && clove_rules_apply(a, ctx.pos);
}

Node* analyze_comptime_unquote(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  if (items.size() != 2)
    a.fail(DiagKind::compile_bad_special_form, ctx.pos,
           fmt::format("Compile-time unquote takes exactly one expression: {}", a.show(form)));
  Value value;
  try {
    value = a.s.pin(eval_form(a.vm, items[1]));
  } catch (const VMAbort&) {
    throw;  // a spent budget stops everything, compilation included
  } catch (const CloveError& e) {
    a.fail(DiagKind::compile_error, ctx.pos,
           fmt::format("Error evaluating compile-time unquote {}: {}", a.show(form), e.what()));
  }
  return a.s.node<ConstNode>(ctx.pos, value);
}

}  // namespace clove
