// compiler.cpp: the compiler's entry point: analyze one top-level form, then compile
// the resulting zero-argument fn through the back end.
#include "compiler/compiler.h"

#include "compiler/analyze/analyzer.h"
#include "compiler/ir/lower.h"
#include "compiler/session.h"
#include "runtime/coll/coll.h"

namespace clove {

FnProto* compile_toplevel(State& vm, Value form, const CompileOptions& opts) {
  CompileSession session(vm, opts);
  session.pin(form);
  Analyzer analyzer(session);
  FnNode* fn = analyzer.analyze_toplevel(form, opts.where);
  return compile_fn(session, fn);
}

Value eval_form(State& vm, Value form, SourcePos where) {
  RootScope scope(vm.heap);
  scope.push(form);
  // A top-level (do ...) runs form by form, so a macro defined early is usable later.
  if (is_list(form) && count(vm, form) > 0 && first(vm, form) == Value::object(vm.sym("do"))) {
    Value result = Value::nil();
    size_t i = 1;
    for (Value s = next(vm, form); !s.is_nil(); s = next(vm, s), ++i) {
      size_t slot = scope.push(s);
      SourcePos at = vm.source_map.element(form, i);
      result = eval_form(vm, first(vm, scope[slot]), at.known() ? at : where);
    }
    return result;
  }
  CompileOptions opts;
  opts.where = where;
  FnProto* fp = compile_toplevel(vm, form, opts);
  scope.push(Value::object(fp));
  Closure* thunk = make_closure(vm.heap, fp, 0);
  return vm.call(Value::object(thunk), nullptr, 0);
}


}  // namespace clove
