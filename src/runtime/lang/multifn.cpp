// multifn.cpp: multimethod tables and the dispatch cache (see multifn.h).
#include "runtime/lang/multifn.h"

#include "core/error.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/function.h"
#include "state/state.h"

namespace clove {

MultiFn* make_multifn(State& vm, String* name, Value dispatch_fn, Value default_val, Var* hierarchy) {
  MultiFn* mf = vm.heap.make<MultiFn>(name, dispatch_fn, default_val, hierarchy);
  mf->method_table = map_from(vm, nullptr, 0);
  mf->prefer_table = mf->method_table;
  mf->cache = mf->method_table;
  return mf;
}

static void reset_cache(State& vm, MultiFn* mf) {
  mf->cache = map_from(vm, nullptr, 0);
  vm.heap.barrier(mf, mf->cache);
}

void multifn_set_methods(State& vm, MultiFn* mf, Value table) {
  mf->method_table = table;
  vm.heap.barrier(mf, table);
  reset_cache(vm, mf);
}

void multifn_set_prefers(State& vm, MultiFn* mf, Value table) {
  mf->prefer_table = table;
  vm.heap.barrier(mf, table);
  reset_cache(vm, mf);
}

Value multifn_method(State& vm, MultiFn* mf, Value dv) {
  Value h = mf->hierarchy ? vm.var_value(mf->hierarchy) : Value::nil();
  if (h != mf->cached_hierarchy) {
    reset_cache(vm, mf);
    mf->cached_hierarchy = h;
    vm.heap.barrier(mf, h);
  }
  bool found = false;
  Value sentinel = Value::object(mf);  // never a method
  Value m = get(vm, mf->cache, dv, sentinel);
  found = m != sentinel;
  if (!found) {
    Var* best = vm.resolve_var(vm.core_ns(), vm.sym("-mm-best-method"));
    if (!best || !best->bound) throw_error(ErrorKind::IllegalStateException, "multimethod dispatch is not loaded");
    RootScope scope(vm.heap);
    scope.push(Value::object(mf));
    scope.push(dv);
    Value table = mf->method_table;
    Value args[6] = {Value::object(mf->name), table, mf->prefer_table, h, dv, mf->default_val};
    for (Value a : args) scope.push(a);
    m = vm.call(Value::object(best), args, 6);
    // Cache only if nothing changed the tables meanwhile.
    if (mf->method_table == table && mf->cached_hierarchy == h) {
      scope.push(m);
      mf->cache = assoc(vm, mf->cache, dv, m);
      vm.heap.barrier(mf, mf->cache);
    }
  }
  return m;
}

MultiFn* multifn_of(Value f) {
  if (MultiFn* mf = as<MultiFn>(f)) return mf;
  Closure* c = as<Closure>(f);
  if (!c) return nullptr;
  for (uint32_t i = 0; i < c->nupvals; ++i)
    if (MultiFn* mf = as<MultiFn>(c->upvals()[i])) return mf;
  return nullptr;
}

}  // namespace clove
