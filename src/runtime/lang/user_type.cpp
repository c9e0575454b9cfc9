// user_type.cpp: the interface methods of deftype, defrecord and reify forms, and the
// type-table operations that call them (see user_type.h).
#include "runtime/lang/user_type.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/murmur3.h"
#include "core/type_table.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/lang/function.h"
#include "runtime/num/number.h"
#include "state/state.h"

namespace clove {

namespace {

constexpr const char* kMethodNames[] = {
#define CLOVE_X(m) #m,
    CLOVE_IFACE_METHODS(CLOVE_X)
#undef CLOVE_X
};

int method_index(std::string_view name) {
  for (int i = 0; i < static_cast<int>(IMethod::kCount); ++i)
    if (name == kMethodNames[i]) return i;
  return -1;
}

const Interfaces* ifaces_of_obj(const Obj* o) {
  switch (o->type) {
    case ObjType::Record:
    case ObjType::TypeInstance: return &static_cast<const Record*>(o)->rtype->ifaces;
    case ObjType::Reify: return &static_cast<const Reify*>(o)->ifaces;
    default: return nullptr;
  }
}

Value slot(const Obj* o, IMethod m) { return ifaces_of_obj(o)->slot(m); }

Value call1(State& vm, Value f, Obj* o) { return vm.call(f, {Value::object(o)}); }

// A form that names interface `iface` (its trait) but gives no `method`: Java's
// AbstractMethodError, as on the JVM. Returns when the form does not name it, for the
// caller to behave as for any type without the interface.
void check_declared(const Obj* o, Traits iface, const char* method) {
  if (!(type_of(o).instance_traits(o) & iface)) return;
  const char* iface_name = "?";
  for (int i = 0; i < static_cast<int>(TraitId::kCount); ++i)
    if (iface == (Traits{1} << i)) iface_name = trait_name(static_cast<TraitId>(i));
  throw_error(ErrorKind::AbstractMethodError,
              fmt::format("Receiver class {} does not define or inherit an implementation of the resolved method "
                          "'{}' of interface {}.",
                          value_type_name(Value::object(const_cast<Obj*>(o))), method, iface_name));
}

int64_t long_result(Value r, const char* method) {
  if (!is_long(r))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{} returned a {}, not a long", method, value_type_name(r)));
  return as_long(r);
}

// Whether fn f (a method of o) takes n arguments, the instance included; a method fn
// that is not a Clove closure is assumed to.
bool takes(Value f, int n) {
  Closure* c = as<Closure>(f);
  return !c || c->fn->arity_for(n) != nullptr;
}

[[noreturn]] void missing_arity(const Obj* o, const char* method, int nargs, const char* iface) {
  throw_error(ErrorKind::AbstractMethodError,
              fmt::format("Receiver class {} does not define or inherit an implementation of the resolved method "
                          "'{}' with {} argument(s) of interface {}.",
                          value_type_name(Value::object(const_cast<Obj*>(o))), method, nargs, iface));
}

int64_t u_count(State& vm, Obj* o) {
  Value f = slot(o, IMethod::count);
  if (!f.is_nil()) return long_result(call1(vm, f, o), "count");
  if (type_of(o).instance_traits(o) & trait::ISeq) {  // RT.countFrom: walk the seq
    int64_t n = 0;
    RootScope scope(vm.heap);
    size_t s = scope.push(Value::object(o));
    while (!scope[s].is_nil()) {
      ++n;
      vm.charge(1);
      scope[s] = next(vm, scope[s]);
    }
    return n;
  }
  check_declared(o, trait::Counted, "count");
  coll_detail::unsupported("count", Value::object(o));
}

Value u_seq(State& vm, Obj* o) {
  Value f = slot(o, IMethod::seq);
  if (!f.is_nil()) return call1(vm, f, o);
  if (type_of(o).instance_traits(o) & trait::ISeq) return Value::object(o);
  f = slot(o, IMethod::reduce);
  if (!f.is_nil() && (type_of(o).instance_traits(o) & trait::IReduceInit)) {
    // An IReduceInit without Seqable: the elements its reduce gives, in a vector, so
    // reduce, into, vec, ... (which walk seqs) see them.
    Var* conj = vm.core_ns()->lookup(vm.sym("conj"));
    if (conj && conj->bound)
      return seq(vm, vm.call(f, {Value::object(o), conj->root, vector_from(vm.heap, nullptr, 0)}));
  }
  check_declared(o, trait::Seqable, "seq");
  coll_detail::not_seqable(Value::object(o));
}

Value u_first(State& vm, Obj* o) {
  Value f = slot(o, IMethod::first);
  return f.is_nil() ? Value::nil() : call1(vm, f, o);
}

Value u_next(State& vm, Obj* o) {
  Value f = slot(o, IMethod::next);
  if (!f.is_nil()) return call1(vm, f, o);
  f = slot(o, IMethod::more);
  return f.is_nil() ? Value::nil() : seq(vm, call1(vm, f, o));
}

Value u_nth(State& vm, Obj* o, int64_t i, Value not_found, bool has_default) {
  Value f = slot(o, IMethod::nth);
  if (!f.is_nil()) {
    if (!takes(f, has_default ? 3 : 2)) missing_arity(o, "nth", has_default ? 2 : 1, "clojure.lang.Indexed");
    if (has_default) return vm.call(f, {Value::object(o), make_long(vm.heap, i), not_found});
    return vm.call(f, {Value::object(o), make_long(vm.heap, i)});
  }
  if (type_of(o).instance_traits(o) & trait::Sequential) {  // walk the seq
    RootScope scope(vm.heap);
    size_t s = scope.push(seq(vm, Value::object(o)));
    for (int64_t k = 0; i >= 0 && !scope[s].is_nil(); ++k) {
      if (k == i) return first(vm, scope[s]);
      vm.charge(1);
      scope[s] = next(vm, scope[s]);
    }
    if (has_default) return not_found;
    coll_detail::index_out_of_bounds(i);
  }
  check_declared(o, trait::Indexed, "nth");
  coll_detail::unsupported("nth", Value::object(o));
}

Value u_lookup(State& vm, Obj* o, Value key, Value not_found) {
  Value f = slot(o, IMethod::valAt);
  if (!f.is_nil()) {
    // (get x k) and (get x k nil) both arrive with a nil not-found: valAt(k) when the
    // form gives that arity; a non-nil not-found needs valAt(k, not-found).
    if (not_found.is_nil() && takes(f, 2)) return vm.call(f, {Value::object(o), key});
    if (!takes(f, 3)) missing_arity(o, "valAt", 2, "clojure.lang.ILookup");
    return vm.call(f, {Value::object(o), key, not_found});
  }
  f = slot(o, IMethod::get);  // IPersistentSet.get
  if (!f.is_nil()) {
    RootScope scope(vm.heap);
    scope.push(Value::object(o));
    scope.push(key);
    scope.push(not_found);
    Value c = slot(o, IMethod::contains);
    if (!c.is_nil() && !vm.call(c, {Value::object(o), key}).truthy()) return not_found;
    return vm.call(f, {Value::object(o), key});
  }
  check_declared(o, trait::ILookup, "valAt");
  return not_found;
}

bool u_contains(State& vm, Obj* o, Value key) {
  Value f = slot(o, IMethod::containsKey);
  if (f.is_nil()) f = slot(o, IMethod::contains);
  if (!f.is_nil()) return vm.call(f, {Value::object(o), key}).truthy();
  check_declared(o, trait::Associative, "containsKey");
  check_declared(o, trait::IPersistentSet, "contains");
  throw_error(ErrorKind::IllegalArgumentException,
              std::string("contains? not supported on type: ") + value_type_name(Value::object(o)));
}

Value u_assoc(State& vm, Obj* o, Value k, Value v) {
  Value f = slot(o, IMethod::assoc);
  if (f.is_nil()) check_declared(o, trait::Associative, "assoc");
  if (f.is_nil()) coll_detail::cannot_cast(Value::object(o), "Associative");
  return vm.call(f, {Value::object(o), k, v});
}

Value u_dissoc(State& vm, Obj* o, Value k) {
  Value f = slot(o, IMethod::without);
  if (f.is_nil()) check_declared(o, trait::IPersistentMap, "without");
  if (f.is_nil()) coll_detail::cannot_cast(Value::object(o), "IPersistentMap");
  return vm.call(f, {Value::object(o), k});
}

Value u_conj(State& vm, Obj* o, Value x) {
  Value f = slot(o, IMethod::cons);
  if (!f.is_nil()) return vm.call(f, {Value::object(o), x});
  if (type_of(o).instance_traits(o) & trait::ISeq) return cons(vm, x, Value::object(o));
  check_declared(o, trait::IPersistentCollection, "cons");
  coll_detail::cannot_cast(Value::object(o), "IPersistentCollection");
}

Value u_peek(State& vm, Obj* o) {
  Value f = slot(o, IMethod::peek);
  if (f.is_nil()) check_declared(o, trait::IPersistentStack, "peek");
  if (f.is_nil()) coll_detail::cannot_cast(Value::object(o), "IPersistentStack");
  return call1(vm, f, o);
}

Value u_pop(State& vm, Obj* o) {
  Value f = slot(o, IMethod::pop);
  if (f.is_nil()) check_declared(o, trait::IPersistentStack, "pop");
  if (f.is_nil()) coll_detail::cannot_cast(Value::object(o), "IPersistentStack");
  return call1(vm, f, o);
}

// Util.equiv: an IPersistentCollection's equiv, else Object.equals, else identity; a
// Sequential without either compares element-wise.
bool u_equiv(State& vm, Obj* o, Value b) {
  Traits ts = type_of(o).instance_traits(o);
  Value f = (ts & trait::IPersistentCollection) ? slot(o, IMethod::equiv) : Value::nil();
  if (f.is_nil()) f = slot(o, IMethod::equals);
  if (!f.is_nil()) return vm.call(f, {Value::object(o), b}).truthy();
  if ((ts & trait::Sequential) && is_sequential(b)) {
    RootScope scope(vm.heap);
    size_t x = scope.push(seq(vm, Value::object(o)));
    size_t y = scope.push(seq(vm, b));
    while (!scope[x].is_nil() && !scope[y].is_nil()) {
      if (!equiv(vm, first(vm, scope[x]), first(vm, scope[y]))) return false;
      scope[x] = next(vm, scope[x]);
      scope[y] = next(vm, scope[y]);
    }
    return scope[x].is_nil() && scope[y].is_nil();
  }
  return Value::object(o) == b;
}

// Util.hasheq: IHashEq's hasheq, else hashCode, else the identity hash (as on the JVM,
// also for a Sequential type that `=` compares element-wise).
uint32_t u_hash(State& vm, Obj* o) {
  Value f = slot(o, IMethod::hasheq);
  if (f.is_nil()) f = slot(o, IMethod::hashCode);
  if (!f.is_nil()) return static_cast<uint32_t>(long_result(call1(vm, f, o), "hash"));
  return murmur3::hash_long(static_cast<int64_t>(reinterpret_cast<uintptr_t>(o) >> 4));  // hash.cpp's identity hash
}

// Comparable.compareTo, for compare, sort and sorted collections.
int u_compare(State& vm, Obj* o, Value other) {
  Value f = slot(o, IMethod::compareTo);
  if (f.is_nil()) {
    check_declared(o, trait::Comparable, "compareTo");
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.Comparable", value_type_name(Value::object(o))));
  }
  int64_t c = long_result(vm.call(f, {Value::object(o), other}), "compareTo");
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

Traits u_traits(const Obj* o) { return ifaces_of_obj(o)->traits; }

}  // namespace

Traits trait_of_interface_name(std::string_view name) {
  size_t dot = name.rfind('.');
  std::string_view simple = dot == std::string_view::npos ? name : name.substr(dot + 1);
  for (int i = 0; i < static_cast<int>(TraitId::kCount); ++i) {
    std::string_view full = trait_name(static_cast<TraitId>(i));
    size_t d = full.rfind('.');
    if (full == name || (dot == std::string_view::npos && full.substr(d + 1) == simple))
      return Traits{1} << i;
  }
  return 0;
}

void implement_interfaces(State& vm, Interfaces& out, Value iface_names, Value method_map) {
  Traits ts = 0;
  for (Value s = seq(vm, iface_names); !s.is_nil(); s = next(vm, s)) {
    Value n = first(vm, s);
    if (Symbol* sym = as<Symbol>(n)) ts |= trait_of_interface_name(sym->name_view());
    else if (String* str = as<String>(n)) ts |= trait_of_interface_name(str->view());
  }
  // Interfaces whose bits promise a built-in representation (chunks, map entries,
  // compiled fns) are not taken from a user type's form.
  constexpr Traits kBuiltinOnly = trait::IChunkedSeq | trait::IMapEntry | trait::JavaMapEntry | trait::IRecord |
                                  trait::IType | trait::Fn | trait::IExceptionInfo | trait::ITransientCollection;
  out.traits = trait_closure(ts) & ~kBuiltinOnly;
  out.slots.assign(static_cast<size_t>(IMethod::kCount), Value::nil());
  for (Value s = seq(vm, method_map); !s.is_nil(); s = next(vm, s)) {
    Value e = first(vm, s);
    Keyword* k = as<Keyword>(nth(vm, e, 0));
    if (!k) throw_error(ErrorKind::IllegalArgumentException, "interface method names must be keywords");
    int i = method_index(k->sym->name_view());
    if (i >= 0) out.slots[static_cast<size_t>(i)] = nth(vm, e, 1);
  }
  out.methods = method_map;
  out.names = iface_names;
}

const Interfaces* interfaces_of(Value x) { return x.is_obj() ? ifaces_of_obj(x.as_obj()) : nullptr; }

Value user_method_named(State& vm, Value x, std::string_view name) {
  const Interfaces* i = interfaces_of(x);
  if (!i || i->methods.is_nil()) return Value::nil();
  return get(vm, i->methods, Value::object(vm.names.keyword({}, name)));
}

void throw_missing_method(Value x, Traits iface, const char* method) {
  if (x.is_obj() && interfaces_of(x)) check_declared(x.as_obj(), iface, method);
}

void register_user_type_ops(TypeInfo* table) {
  for (ObjType t : {ObjType::TypeInstance, ObjType::Reify}) {
    TypeInfo& ti = table[static_cast<int>(t)];
    ti.instance_traits = u_traits;
    ti.seq = u_seq;
    ti.first = u_first;
    ti.next = u_next;
    ti.count = u_count;
    ti.nth = u_nth;
    ti.lookup = u_lookup;
    ti.contains = u_contains;
    ti.assoc = u_assoc;
    ti.dissoc = u_dissoc;
    ti.conj = u_conj;
    ti.peek = u_peek;
    ti.pop = u_pop;
    ti.equiv = u_equiv;
    ti.hash = u_hash;
  }
  for (ObjType t : {ObjType::TypeInstance, ObjType::Reify, ObjType::Record}) table[static_cast<int>(t)].compare = u_compare;
  table[static_cast<int>(ObjType::Record)].instance_traits = u_traits;
}

}  // namespace clove
