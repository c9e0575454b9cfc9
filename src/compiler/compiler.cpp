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
  FnNode* fn = analyzer.analyze_toplevel(form, opts.where);
  FnProto* fp = compile_fn(session, fn);
  vm.code_compiled(fp);  // the debugger sets pending breakpoints in it (state.h)
  return fp;
}

Value eval_form(State& vm, Value form, SourcePos where) {
  RootScope scope(vm.heap);
  size_t cur = scope.push(form);
  // A top-level (do ...) runs form by form, so a macro defined early is usable later.
  // Its last form is evaluated by this loop, not by recursion, and the others recurse
  // with a check of the C++ stack: (do (do (do ...))) any number of levels deep runs or
  // throws StackOverflowError. Each form is compiled at its own position when the
  // source map knows it, else at the enclosing one.
  Value do_sym = Value::object(vm.sym("do"));
  size_t rest = scope.push(Value::nil());
  while (is_list(scope[cur]) && count(vm, scope[cur]) > 0 && first(vm, scope[cur]) == do_sym) {
    scope[rest] = next(vm, scope[cur]);
    if (scope[rest].is_nil()) return Value::nil();
    size_t i = 1;
    for (; !next(vm, scope[rest]).is_nil(); scope[rest] = next(vm, scope[rest]), ++i) {
      check_native_stack();
      SourcePos at = vm.source_map.element(scope[cur], i);
      eval_form(vm, first(vm, scope[rest]), at.known() ? at : where);
    }
    SourcePos at = vm.source_map.element(scope[cur], i);
    if (at.known()) where = at;
    scope[cur] = first(vm, scope[rest]);
  }
  CompileOptions opts;
  opts.where = where;
  FnProto* fp = compile_toplevel(vm, scope[cur], opts);
  scope.push(Value::object(fp));
  if (vm.compile_recorder) vm.compile_recorder->toplevel(Value::object(fp));
  Closure* thunk = make_closure(vm.heap, fp, 0);
  return vm.call(Value::object(thunk), nullptr, 0);
}


}  // namespace clove
