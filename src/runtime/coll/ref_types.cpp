// ref_types.cpp: what atoms and vars share as Clojure references (clojure.lang.ARef):
// validation and watches, and Var.bindRoot over them (runtime/coll/ref_types.h).
#include "runtime/coll/ref_types.h"

#include "core/error.h"
#include "runtime/coll/map_ops.h"
#include "state/state.h"

namespace clove {

void ref_validate(State& vm, Value validator, Value v) {
  if (validator.is_nil()) return;
  if (!vm.call(validator, {v}).truthy()) throw_error(ErrorKind::IllegalStateException, "Invalid reference state");
}

void ref_notify_watches(State& vm, Value ref, Value watches, Value oldv, Value newv) {
  if (watches.is_nil() || map_count(watches) == 0) return;
  RootScope scope(vm.heap);
  size_t base = scope.push(ref);
  scope.push(oldv);
  scope.push(newv);
  size_t first = base + 3;
  map_for_each(watches, [&](Value k, Value f) {
    scope.push(k);
    scope.push(f);
  });
  size_t end = vm.heap.temp_roots.size();
  for (size_t i = first; i < end; i += 2) {
    Value args[4] = {scope[i], scope[base], scope[base + 1], scope[base + 2]};
    vm.call(scope[i + 1], args, 4);
  }
}

void bind_var_root(State& vm, Var* v, Value root) {
  if (!(v->flags & kFlagWatched)) [[likely]] {
    v->root = root;
    v->bound = true;
    vm.heap.barrier(v, root);
    return;
  }
  RootScope scope(vm.heap);
  size_t at = scope.push(Value::object(v));
  scope.push(root);
  auto refs = vm.var_refs.find(v);
  if (refs != vm.var_refs.end()) ref_validate(vm, refs->second.validator, root);
  Value old = v->bound ? v->root : Value::nil();
  scope.push(old);
  v->root = root;
  v->bound = true;
  vm.heap.barrier(v, root);
  refs = vm.var_refs.find(v);  // the validator may have changed the table
  if (refs != vm.var_refs.end())
    ref_notify_watches(vm, scope[at], refs->second.watches, scope[at + 2], scope[at + 1]);
}

}  // namespace clove
