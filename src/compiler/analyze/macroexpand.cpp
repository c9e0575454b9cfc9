// macroexpand.cpp: finding and calling macros (SPEC L3).
//
// A macro is a var flagged kFlagMacro whose root is a fn taking (&form &env args...).
// The analyzer calls expand_macro only when the head symbol is not a local, passing as
// &env a map of the locals in scope (symbol -> nil; Clojure maps them to its
// LocalBinding objects, which Clove does not expose). The public macroexpand_1 (behind
// clojure.core/macroexpand-1) has no locals to consult and passes nil.
#include "compiler/analyze/analyzer.h"
#include "runtime/coll/coll.h"
#include "state/state.h"

namespace clove {

Var* macro_var(State& vm, Value head) {
  Symbol* sym = as<Symbol>(head);
  if (!sym) return nullptr;
  Symbol* canon = vm.names.symbol(sym->ns_view(), sym->name_view());
  if (canon->ns_view().empty() && find_special_form(canon->name_view())) return nullptr;
  Var* v = vm.resolve_var(vm.current_ns(), canon);
  return v && v->is_macro() ? v : nullptr;
}

Value Analyzer::macro_env() { return env_of(frame_); }

Value Analyzer::env_of(FnFrame* f) {
  // Outermost fn first, so an inner local shadowing an outer one is simply re-assoc'd.
  // The enclosing fns' scopes do not change while f is analyzed, so f's base stays
  // valid; f's own entries are extended one assoc per local (not rebuilt per macro).
  if (!f->env_base_known) {
    Value base = f->parent ? env_of(f->parent) : s.pin(map_from(vm, nullptr, 0));
    if (f->node && f->node->self) base = s.pin(assoc(vm, base, Value::object(f->node->self->name), Value::nil()));
    f->env_base = base;
    f->env_base_known = true;
  }
  while (f->env_at.size() < f->scope.size()) {
    Value prev = f->env_at.empty() ? f->env_base : f->env_at.back();
    Symbol* name = f->scope[f->env_at.size()]->name;
    f->env_at.push_back(s.pin(assoc(vm, prev, Value::object(name), Value::nil())));
  }
  return f->env_at.empty() ? f->env_base : f->env_at.back();
}

Value expand_macro(State& vm, Var* var, Value form, const std::vector<Value>& items, Value env) {
  std::vector<Value> args;
  args.reserve(items.size() + 1);
  args.push_back(form);
  args.push_back(env);
  for (size_t i = 1; i < items.size(); ++i) args.push_back(items[i]);
  RootScope roots(vm.heap);
  roots.push(form);
  roots.push(var->root);
  for (Value v : args) roots.push(v);
  return vm.call(var->root, args.data(), static_cast<int>(args.size()));
}

Value macroexpand_1(State& vm, Value form) {
  if (!is_list(form) && !is_seq(form)) return form;
  RootScope roots(vm.heap);
  roots.push(form);
  Value q = seq(vm, form);
  if (q.is_nil()) return form;
  Var* v = macro_var(vm, first(vm, q));
  if (!v) return form;
  std::vector<Value> items;
  for (; !q.is_nil(); q = next(vm, q)) {
    items.push_back(first(vm, q));
    roots.push(items.back());
  }
  return expand_macro(vm, v, form, items, Value::nil());
}

}  // namespace clove
