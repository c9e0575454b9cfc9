// compiler.cpp: the compiler's entry point: analyze one top-level form, then compile
// the resulting zero-argument fn through the back end.
#include "compiler/compiler.h"

#include "compiler/analyze/analyzer.h"
#include "compiler/ir/lower.h"
#include "compiler/session.h"
#include "core/stack_guard.h"
#include "runtime/coll/coll.h"

namespace clove {

FnProto* compile_toplevel(State& vm, Value form, const CompileOptions& opts) {
  CompileSession session(vm, opts);
  session.pin(form);
  Analyzer analyzer(session);
  FnNode* fn = analyzer.analyze_toplevel(form);
  return compile_fn(session, fn);
}

Value eval_form(State& vm, Value form) {
  RootScope scope(vm.heap);
  size_t cur = scope.push(form);
  // A top-level (do ...) runs form by form, so a macro defined early is usable later.
  // Its last form is evaluated by this loop, not by recursion, and the others recurse
  // with a check of the C++ stack: (do (do (do ...))) any number of levels deep runs or
  // throws StackOverflowError.
  Value do_sym = Value::object(vm.sym("do"));
  size_t rest = scope.push(Value::nil());
  while (is_list(scope[cur]) && count(vm, scope[cur]) > 0 && first(vm, scope[cur]) == do_sym) {
    scope[rest] = next(vm, scope[cur]);
    if (scope[rest].is_nil()) return Value::nil();
    for (; !next(vm, scope[rest]).is_nil(); scope[rest] = next(vm, scope[rest])) {
      check_native_stack();
      eval_form(vm, first(vm, scope[rest]));
    }
    scope[cur] = first(vm, scope[rest]);
  }
  FnProto* fp = compile_toplevel(vm, scope[cur]);
  scope.push(Value::object(fp));
  Closure* thunk = make_closure(vm.heap, fp, 0);
  return vm.call(Value::object(thunk), nullptr, 0);
}


}  // namespace clove
