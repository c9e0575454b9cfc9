// unbound.cpp: clojure.lang.Var$Unbound (unbound.h).
//
// The class is a deftype-like RecordType with one field, the var's name ("#'user/x"),
// and a toString; it lives in the core image like the library's own types. Calling an
// instance is caught where the interpreter finds the callee is no fn (vm/call.cpp).
#include "runtime/lang/unbound.h"

#include <fmt/format.h>

#include <string>

#include "core/error.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/function.h"
#include "runtime/lang/record.h"
#include "state/state.h"

namespace clove {

namespace {

// The class value is kept (rooted) in the clojure.core var of its name, as the other
// class names are (natives/core/poly.cpp), so code can name it.
constexpr const char* kClassName = "clojure.lang.Var$Unbound";

RecordType* unbound_class(State& vm) {
  Var* holder = vm.core_ns()->lookup(vm.names.symbol({}, kClassName));
  return holder ? as<RecordType>(holder->root) : nullptr;
}

// The var name an Unbound object holds.
std::string var_name_of(Value unbound) {
  return std::string(as<String>(as_instance(unbound)->fields()[0])->view());
}

// Object.toString of an Unbound object: "Unbound: #'user/x".
Value unbound_to_string(State& vm, Args a) {
  return string_value(vm.heap, "Unbound: " + var_name_of(a[0]));
}

}  // namespace

void install_unbound_class(State& vm) {
  RootScope scope(vm.heap);
  RecordType* rt = vm.heap.make<RecordType>(vm.names.symbol({}, kClassName), false);
  scope.push(Value::object(rt));
  rt->fields.push_back(vm.kw("name"));
  Value name_sym = Value::object(vm.sym("name"));
  rt->field_syms = vector_from(vm.heap, &name_sym, 1);
  vm.heap.barrier(rt, rt->field_syms);
  Var* to_string = vm.def_native("clojure.core", "-unbound-to-string", unbound_to_string, 1, 1,
                                 "toString of an Unbound object (an unbound var's value).", "([unbound])");
  to_string->flags |= kFlagPrivate;
  rt->to_string = to_string->root;
  vm.heap.barrier(rt, rt->to_string);
  Var* holder = vm.intern(vm.core_ns(), vm.names.symbol({}, kClassName));
  holder->root = Value::object(rt);
  holder->bound = true;
  vm.heap.barrier(holder, rt);
}

// As in Clojure, one Unbound object per var: it is kept as the var's root while the
// var is unbound (Var::bound says whether the root is a value).
Value unbound_value(State& vm, Var* v) {
  if (is_unbound_value(vm, v->root)) return v->root;
  RecordType* cls = unbound_class(vm);
  if (!cls)  // a State without the natives (install_unbound_class)
    throw_error(ErrorKind::IllegalStateException,
                fmt::format("Var {}/{} is unbound.", v->ns->name->str(), v->sym->str()));
  RootScope scope(vm.heap);
  Value name = string_value(vm.heap, fmt::format("#'{}/{}", v->ns->name->str(), v->sym->str()));
  scope.push(name);
  Value u = make_instance(vm, cls, &name, 1);
  v->root = u;
  vm.heap.barrier(v, u);
  return u;
}

Value var_value_or_unbound(State& vm, Var* v) {
  if (v->bound) return vm.var_value(v);
  if (v->thread_bound) {
    BindingStack seen = vm.visible_bindings();
    for (size_t i = seen.size(); i-- > 0;)
      if (seen[i].first == v) return seen[i].second;
  }
  return unbound_value(vm, v);
}

bool is_unbound_value(State& vm, Value v) {
  Record* r = as_instance(v);
  return r && r->rtype == unbound_class(vm);
}

void throw_unbound_call(Value unbound) {
  throw_error(ErrorKind::IllegalStateException, fmt::format("Attempting to call unbound fn: {}", var_name_of(unbound)));
}

}  // namespace clove
