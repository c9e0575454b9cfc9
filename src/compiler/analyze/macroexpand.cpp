// macroexpand.cpp: finding and calling macros (SPEC L3).
//
// A macro is a var flagged kFlagMacro whose root is a fn taking (&form &env args...).
// The analyzer calls expand_macro only when the head symbol is not a local; the
// public macroexpand_1 has no locals to consult.
#include "compiler/analyze/analyzer.h"
#include "runtime/coll.h"
#include "vm/vm.h"

namespace clove {

Var* macro_var(VM& vm, Value head) {
  Symbol* sym = as<Symbol>(head);
  if (!sym) return nullptr;
  Symbol* canon = vm.names.symbol(sym->ns_view(), sym->name_view());
  if (canon->ns_view().empty() && find_special_form(canon->name_view())) return nullptr;
  Var* v = vm.resolve_var(vm.current_ns(), canon);
  return v && v->is_macro() ? v : nullptr;
}

Value expand_macro(VM& vm, Var* var, Value form, const std::vector<Value>& items) {
  std::vector<Value> args;
  args.reserve(items.size() + 1);
  args.push_back(form);
  args.push_back(Value::nil());  // &env
  for (size_t i = 1; i < items.size(); ++i) args.push_back(items[i]);
  RootScope roots(vm.heap);
  roots.push(form);
  roots.push(var->root);
  for (Value v : args) roots.push(v);
  return vm.call(var->root, args.data(), static_cast<int>(args.size()));
}

Value macroexpand_1(VM& vm, Value form) {
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
  return expand_macro(vm, v, form, items);
}

}  // namespace clove
