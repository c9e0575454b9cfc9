// poly.cpp: natives for polymorphism (SPEC L11): classes (instance? class? supers),
// records and types, protocols, reify and multimethods. The macros that use them
// (defrecord, deftype, defprotocol, extend-type, reify, defmulti, ...) are in
// src/lib/05_poly.clj. Names starting with '-' are hooks for those macros.
#include "core/print_context.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/class_value.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/multifn.h"
#include "natives/args.h"
#include "runtime/print/print.h"
#include "runtime/lang/protocol.h"
#include "runtime/lang/record.h"
#include "runtime/lang/user_type.h"

namespace clove {

namespace {

[[noreturn]] void cannot_cast(Value v, const char* to) {
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class {}", class_name_of(v), to));
}

RecordType* arg_record_type(Args a, int i) {
  RecordType* rt = as<RecordType>(a[i]);
  if (!rt) cannot_cast(a[i], "java.lang.Class");
  return rt;
}
Protocol* arg_protocol(Args a, int i) {
  Protocol* p = as<Protocol>(a[i]);
  if (!p) cannot_cast(a[i], "clove.lang.Protocol");
  return p;
}
MultiFn* arg_multifn(Args a, int i) {
  MultiFn* mf = multifn_of(a[i]);
  if (!mf) cannot_cast(a[i], "clojure.lang.MultiFn");
  return mf;
}
Value set_of(State& vm, const std::vector<Value>& items) {
  if (items.empty()) return Value::nil();
  return set_from(vm, items.data(), items.size());
}

// ---- classes ----

Value p_instance(State& vm, Args a) {
  // A class is a value: the symbol naming one is not (only a Java class Clove does not
  // know compiles to its own symbol, and has no instances).
  if (is<Symbol>(a[0]) && !is_foreign_class_name(a[0])) cannot_cast(a[0], "java.lang.Class");
  std::optional<bool> r = instance_check(vm, a[0], a[1]);
  if (!r) cannot_cast(a[0], "java.lang.Class");
  return Value::boolean(*r);
}
Value p_classp(State&, Args a) { return Value::boolean(is_class_value(a[0])); }
// supers and bases take a class value or nil (Class casts on the JVM).
Value class_or_nil(Args a) {
  if (!a[0].is_nil() && !is_class_value(a[0])) cannot_cast(a[0], "java.lang.Class");
  return a[0];
}
Value p_supers(State& vm, Args a) { return set_of(vm, class_ancestors(vm, class_or_nil(a))); }
Value p_bases(State& vm, Args a) {
  std::vector<Value> ps = class_parents(vm, class_or_nil(a));
  return ps.empty() ? Value::nil() : list_from(vm.heap, ps.data(), ps.size());
}
// isa?'s test of two classes: false unless both are class values.
Value p_assignable(State& vm, Args a) {
  return Value::boolean(is_class_value(a[0]) && is_class_value(a[1]) && class_assignable(vm, a[0], a[1]));
}
Value p_var_root(State&, Args a) {
  Var* v = as<Var>(a[0]);
  if (!v) cannot_cast(a[0], "clojure.lang.Var");
  return v->bound ? v->root : Value::nil();
}
Value p_set_root(State& vm, Args a) {
  Var* v = as<Var>(a[0]);
  if (!v) cannot_cast(a[0], "clojure.lang.Var");
  v->root = a[1];
  v->bound = true;
  vm.heap.barrier(v, a[1]);
  return a[1];
}

// ---- records and types ----

Value p_record_type(State& vm, Args a) {
  String* name = arg_string(a, 0, "-record-type");
  RecordType* rt = vm.heap.make<RecordType>(vm.names.symbol({}, name->view()), a[2].truthy());
  RootScope scope(vm.heap);
  scope.push(Value::object(rt));
  rt->field_syms = a[1];
  for (Value s = seq(vm, a[1]); !s.is_nil(); s = next(vm, s)) {
    Symbol* f = as<Symbol>(first(vm, s));
    if (!f) throw_error(ErrorKind::IllegalArgumentException, "record and type fields must be symbols");
    rt->fields.push_back(vm.names.keyword({}, f->name_view()));
  }
  return Value::object(rt);
}
Value p_set_to_string(State& vm, Args a) {
  RecordType* rt = arg_record_type(a, 0);
  rt->to_string = a[1];
  vm.heap.barrier(rt, a[1]);
  return Value::nil();
}
Value p_make_instance(State& vm, Args a) {
  RecordType* rt = arg_record_type(a, 0);
  // The fields stay rooted in this call's frame; the copy is for a contiguous array
  // (a record's constructor runs this for every instance: no heap copy for 8 or fewer).
  ArgsCopy vals(a, 1);
  return make_instance(vm, rt, vals.data(), static_cast<size_t>(vals.size()));
}
Value p_map_to_record(State& vm, Args a) { return record_from_map(vm, arg_record_type(a, 0), a[1]); }
Value p_field(State&, Args a) {
  Record* r = as_instance(a[0]);
  if (!r) cannot_cast(a[0], "clojure.lang.IType");
  int64_t i = arg_long(a, 1, "-field");
  if (i < 0 || i >= r->n) throw_error(ErrorKind::IndexOutOfBoundsException, "field index out of range");
  return r->fields()[i];
}
// (-set-field! obj i v): assigns field i of a deftype instance (a mutable field's set!).
Value p_set_field(State& vm, Args a) {
  Record* r = as_instance(a[0]);
  if (!r || is_record(a[0])) cannot_cast(a[0], "clojure.lang.IType");
  int64_t i = arg_long(a, 1, "-set-field!");
  if (i < 0 || i >= r->n) throw_error(ErrorKind::IndexOutOfBoundsException, "field index out of range");
  r->fields()[i] = a[2];
  vm.heap.barrier(r, a[2]);
  return a[2];
}
Value p_recordp(State&, Args a) { return Value::boolean(is_record(a[0])); }
Value p_record_basis(State&, Args a) {
  RecordType* rt = as<RecordType>(a[0]);
  if (!rt) cannot_cast(a[0], "java.lang.Class");
  return rt->field_syms;
}

// ---- protocols ----

Value p_protocol(State& vm, Args a) {
  Symbol* name = as<Symbol>(a[0]);
  if (!name) cannot_cast(a[0], "clojure.lang.Symbol");
  Protocol* p = vm.heap.make<Protocol>(name, as<Var>(a[1]));
  RootScope scope(vm.heap);
  scope.push(Value::object(p));
  for (Value s = seq(vm, a[2]); !s.is_nil(); s = next(vm, s)) {
    Keyword* k = as<Keyword>(first(vm, s));
    if (!k) throw_error(ErrorKind::IllegalArgumentException, "protocol method names must be keywords");
    p->methods.push_back(k);
  }
  p->doc = a[3];
  return Value::object(p);
}
Value p_protocolp(State&, Args a) { return Value::boolean(is<Protocol>(a[0])); }
Value p_pfn(State& vm, Args a) {
  if (!a[1].is_small_int()) throw_error(ErrorKind::IllegalArgumentException, "-pfn takes a protocol and a method index");
  return protocol_dispatch(vm, a[0], a[1].as_small_int(), a[2]);
}
Value p_extend(State& vm, Args a) {
  if (a.size() % 2 == 0) throw_error(ErrorKind::IllegalArgumentException, "extend takes a type and protocol/method-map pairs");
  for (int i = 1; i + 1 < a.size(); i += 2) extend_protocol(vm, arg_protocol(a, i), a[0], a[i + 1]);
  return Value::nil();
}
Value p_satisfies(State& vm, Args a) {
  return Value::boolean(!find_protocol_fns(vm, arg_protocol(a, 0), a[1]).is_nil());
}
Value p_extends(State& vm, Args a) { return Value::boolean(protocol_extends(vm, arg_protocol(a, 0), a[1])); }
Value p_extenders(State& vm, Args a) {
  std::vector<Value> xs = protocol_extenders(arg_protocol(a, 0));
  return xs.empty() ? Value::nil() : list_from(vm.heap, xs.data(), xs.size());
}
Value p_protocol_methods(State& vm, Args a) {
  Protocol* p = arg_protocol(a, 0);
  std::vector<Value> ks;
  for (Keyword* k : p->methods) ks.push_back(Value::object(k));
  return vector_from(vm.heap, ks.data(), ks.size());
}
// (-implement! class [iface-name ...] {:method fn ...}): a defrecord or deftype form's
// interfaces (user_type.h).
Value p_implement(State& vm, Args a) {
  RecordType* rt = arg_record_type(a, 0);
  if (!a[2].is_nil() && !is_map(a[2])) cannot_cast(a[2], "clojure.lang.IPersistentMap");
  implement_interfaces(vm, rt->ifaces, a[1], a[2]);
  vm.heap.barrier(rt, a[2]);
  Value to_s = rt->ifaces.slot(IMethod::toString);
  if (!to_s.is_nil()) rt->to_string = to_s;
  return Value::nil();
}
// (-iface-method x :valAt): the fn x's deftype, defrecord or reify form gives for an
// interface method, or nil.
Value p_iface_method(State& vm, Args a) {
  if (!interfaces_of(a[0])) return Value::nil();
  Keyword* k = as<Keyword>(a[1]);
  if (!k) cannot_cast(a[1], "clojure.lang.Keyword");
  return user_method_named(vm, a[0], k->sym->name_view());
}
// (clojure.lang.AFn/applyToHelper f args): calls f with the elements of args spread, the
// usual applyTo of a type implementing IFn (a user type's invoke, not its applyTo).
Value p_apply_to_helper(State& vm, Args a) {
  RootScope scope(vm.heap);
  std::vector<Value> args;
  for (Value s = seq(vm, a[1]); !s.is_nil(); s = next(vm, s)) {
    vm.charge(1);
    args.push_back(first(vm, s));
    scope.push(args.back());
  }
  return vm.tail_call(a[0], args.data(), static_cast<int>(args.size()));
}
// (-reify meta [iface-name ...] {:method fn ...} P1 {:m fn} P2 {...} ...)
Value p_reify(State& vm, Args a) {
  if (a.size() % 2 == 0) throw_error(ErrorKind::IllegalArgumentException, "reify takes protocol/method-map pairs");
  if (!a[2].is_nil() && !is_map(a[2])) cannot_cast(a[2], "clojure.lang.IPersistentMap");
  RootScope scope(vm.heap);
  std::vector<Value> protocols, fns;
  for (int i = 3; i + 1 < a.size(); i += 2) {
    Protocol* p = arg_protocol(a, i);
    protocols.push_back(a[i]);
    fns.push_back(protocol_fns_from_map(vm, p, a[i + 1]));
    scope.push(fns.back());
  }
  Reify* r = vm.heap.make<Reify>();
  r->protocols = std::move(protocols);
  r->fns = std::move(fns);
  r->meta = a[0];
  if (!a[2].is_nil()) {
    implement_interfaces(vm, r->ifaces, a[1], a[2]);
    r->to_string = r->ifaces.slot(IMethod::toString);
  }
  return Value::object(r);
}

// #object[clove.lang.Protocol 0x1f "user/P"]: the name quoted by print as by pr.
void print_protocol(PrintContext& ctx, Value v) {
  Protocol* p = static_cast<Protocol*>(v.as_obj());
  auto p_hash = static_cast<uint32_t>((reinterpret_cast<uintptr_t>(p) >> 4) ^ (reinterpret_cast<uintptr_t>(p) >> 36));
  ctx.out += fmt::format("#object[clove.lang.Protocol 0x{:x} ", p_hash);
  ctx.out += pr_str(ctx.vm, string_value(ctx.vm.heap, p->name->str()));
  ctx.out += ']';
}

// ---- multimethods ----

Value p_multifn(State& vm, Args a) {
  String* name = arg_string(a, 0, "-multifn");
  Var* h = as<Var>(a[3]);
  if (!h) cannot_cast(a[3], "clojure.lang.IRef");
  return Value::object(make_multifn(vm, name, a[1], a[2], h));
}
Value p_multifnp(State&, Args a) { return Value::boolean(multifn_of(a[0]) != nullptr); }
Value p_mm_get(State& vm, Args a) {
  MultiFn* mf = as<MultiFn>(a[0]);
  if (!mf) cannot_cast(a[0], "clojure.lang.MultiFn");
  Value m = multifn_method(vm, mf, a[1]);
  if (m.is_nil())
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No method in multimethod '{}' for dispatch value: {}",
                            mf->name->view(), str_bounded(vm, a[1])));
  return m;
}
Value p_get_method(State& vm, Args a) { return multifn_method(vm, arg_multifn(a, 0), a[1]); }
Value p_mm_state(State& vm, Args a) {
  MultiFn* mf = arg_multifn(a, 0);
  Value h = vm.var_value(mf->hierarchy);
  Value items[5] = {mf->method_table, mf->prefer_table, h, mf->default_val, Value::object(mf->name)};
  return vector_from(vm.heap, items, 5);
}
Value p_mm_set_methods(State& vm, Args a) {
  MultiFn* mf = arg_multifn(a, 0);
  if (!is_map(a[1])) cannot_cast(a[1], "clojure.lang.IPersistentMap");
  multifn_set_methods(vm, mf, a[1]);
  return a[0];
}
Value p_mm_set_prefers(State& vm, Args a) {
  MultiFn* mf = arg_multifn(a, 0);
  if (!is_map(a[1])) cannot_cast(a[1], "clojure.lang.IPersistentMap");
  multifn_set_prefers(vm, mf, a[1]);
  return a[0];
}

}  // namespace

void register_poly_printers(TypeInfo* table) { set_print_hooks(table, ObjType::Protocol, print_protocol); }

void install_class_vars(State& vm) {
  for (const HostClassName& n : host_class_names()) {
    Value cls = class_named(vm, n.full);
    for (const std::string& alias : {n.full, n.short_name}) {
      if (alias.empty()) continue;
      Var* v = vm.intern(vm.core_ns(), vm.names.symbol({}, alias));
      if (v->bound) continue;
      v->root = cls;
      v->bound = true;
      vm.heap.barrier(v, cls);
    }
  }
}

void install_poly_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "instance?", p_instance, 2, 2,
                "True when x belongs to class c, directly or through a subclass or an implemented "
                "interface; false otherwise.", "([c x])");
  vm.def_native(C, "class?", p_classp, 1, 1, "Returns true if x is a class value: a host class such as String (the value of the var, not the symbol naming it), or a record/deftype class.", "([x])");
  vm.def_native(C, "supers", p_supers, 1, 1,
                "Gives the set of every superclass and interface of class, direct or inherited, "
                "or nil when it has none.", "([class])");
  vm.def_native(C, "bases", p_bases, 1, 1,
                "Gives the direct superclass and the directly implemented interfaces of class c "
                "as a seq, or nil when there are none.", "([c])");
  vm.def_native(C, "-class-assignable?", p_assignable, 2, 2, "Whether class `child` is `parent` or a subtype of it (false unless both are class values).", "([parent child])");
  vm.def_native(C, "-var-root-or-nil", p_var_root, 1, 1, "The root value of a var, nil when unbound.", "([var])");
  vm.def_native(C, "-set-root!", p_set_root, 2, 2, "Sets the root value of a var (used by derive/underive on the global hierarchy).", "([var value])");

  vm.def_native(C, "-record-type", p_record_type, 3, 3, "Makes the class of a defrecord (record? true) or deftype: full name, vector of field symbols.", "([name fields record?])");
  vm.def_native(C, "-set-to-string!", p_set_to_string, 2, 2, "Sets the toString fn of a record or type.", "([class f])");
  vm.def_native(C, "-make-instance", p_make_instance, 1, -1, "Positional constructor of a record or type instance.", "([class & field-values])");
  vm.def_native(C, "-map->record", p_map_to_record, 2, 2, "Builds a record of class from a map (map->Name).", "([class m])");
  vm.def_native(C, "-field", p_field, 2, 2, "Field i of a record or type instance.", "([obj i])");
  vm.def_native(C, "-set-field!", p_set_field, 3, 3, "Sets field i of a deftype instance to v (set! of a ^:volatile-mutable or ^:unsynchronized-mutable field); returns v.", "([obj i v])");
  vm.def_native(C, "record?", p_recordp, 1, 1,
                "True when x is an instance of a record type made with defrecord.", "([x])");
  vm.def_native(C, "-record-basis", p_record_basis, 1, 1, "The vector of field symbols of a record or type class (getBasis).", "([class])");

  vm.def_native(C, "-protocol", p_protocol, 4, 4, "Makes a protocol object.", "([name-sym var method-keywords doc])");
  vm.def_native(C, "-protocol?", p_protocolp, 1, 1, "Whether x is a protocol.", "([x])");
  vm.def_native(C, "-pfn", p_pfn, 3, 3, "The fn implementing method i of protocol p for x (protocol dispatch).", "([p i x])");
  vm.def_native(C, "-protocol-methods", p_protocol_methods, 1, 1, "The method keywords of a protocol, in order.", "([p])");
  vm.def_native(C, "extend", p_extend, 3, -1,
                "Adds implementations of one or more protocols to a type: (extend AType AProtocol "
                "{:method fn ...} ...), each method map keyed by keywordized method name. AType "
                "is a class value (String, Number, a record class, ...) or nil.",
                "([atype & proto+mmaps])");
  vm.def_native(C, "satisfies?", p_satisfies, 2, 2,
                "True when x's type implements the protocol, directly or through extend.",
                "([protocol x])");
  vm.def_native(C, "extends?", p_extends, 2, 2,
                "True when the type atype implements the protocol, directly or through extend.",
                "([protocol atype])");
  vm.def_native(C, "extenders", p_extenders, 1, 1,
                "Gives the types that have been given the protocol through extend (or extend-type "
                "/ extend-protocol).", "([protocol])");
  vm.def_native(C, "-reify", p_reify, 3, -1, "Makes a reify object: its metadata, the interfaces it implements (names) and their methods ({:valAt fn ...} or nil), then protocol/method-map pairs.", "([meta iface-names iface-methods & proto+mmaps])");
  vm.def_native("clojure.lang.AFn", "applyToHelper", p_apply_to_helper, 2, 2, "Calls ifn with the elements of arglist as its arguments (AFn.applyToHelper: the applyTo of a type implementing IFn, which calls its invoke).", "([ifn arglist])");
  vm.def_native(C, "-iface-method", p_iface_method, 2, 2, "The fn that x's deftype, defrecord or reify form gives for the interface method named by keyword k (:reduce, :kvreduce, ...), or nil.", "([x k])");
  vm.def_native(C, "-implement!", p_implement, 3, 3, "Makes a record or type class implement the named clojure.lang interfaces with the given methods ({:valAt fn ...}, each taking the instance first).", "([class iface-names methods])");

  vm.def_native(C, "-multifn", p_multifn, 4, 4, "Makes the state of a multimethod.", "([name dispatch-fn default hierarchy-var])");
  vm.def_native(C, "-multifn?", p_multifnp, 1, 1, "Whether f is a multimethod.", "([f])");
  vm.def_native(C, "-mm-get", p_mm_get, 2, 2, "The method of multimethod state mf for a dispatch value (throws if none).", "([mf dispatch-val])");
  vm.def_native(C, "get-method", p_get_method, 2, 2,
                "Gives the method fn that the multimethod would run for dispatch-val (taking isa? "
                "and prefer-method into account, and falling back on the :default method), or nil "
                "when none would.", "([multifn dispatch-val])");
  vm.def_native(C, "-mm-state", p_mm_state, 1, 1, "[method-table prefer-table hierarchy default name] of a multimethod.", "([multifn])");
  vm.def_native(C, "-mm-set-methods!", p_mm_set_methods, 2, 2, "Replaces a multimethod's method table.", "([multifn table])");
  vm.def_native(C, "-mm-set-prefers!", p_mm_set_prefers, 2, 2, "Replaces a multimethod's prefer table.", "([multifn table])");
}

}  // namespace clove
