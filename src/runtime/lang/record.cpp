// record.cpp: record/deftype instances, their map view (their operations in the type
// table), construction by class name, and their printers (see record.h).
#include "runtime/lang/record.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/murmur3.h"
#include "core/print_context.h"
#include "runtime/coll/identity_hash.h"
#include "runtime/coll/coll.h"
#include "core/type_table.h"
#include "runtime/num/number.h"
#include "runtime/lang/user_type.h"
#include "state/namespace.h"
#include "state/state.h"

namespace clove {

namespace {

Record* alloc_instance(State& vm, RecordType* rt) {
  auto n = static_cast<uint32_t>(rt->fields.size());
  Record* r = vm.heap.make_extra<Record>(n * sizeof(Value), rt->is_record ? ObjType::Record : ObjType::TypeInstance, rt, n);
  for (uint32_t i = 0; i < n; ++i) r->fields()[i] = Value::nil();
  return r;
}

Record* copy_instance(State& vm, Record* r) {
  Record* c = alloc_instance(vm, r->rtype);
  for (uint32_t i = 0; i < r->n; ++i) c->fields()[i] = r->fields()[i];
  c->ext = r->ext;
  c->meta = r->meta;
  return c;
}

Value record_assoc(State& vm, Record* r, Value key, Value val);

}  // namespace

Value make_instance(State& vm, RecordType* rt, const Value* vals, size_t n, Value meta, Value ext) {
  if (n != rt->fields.size())
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No matching ctor found for class {}: it takes {} field value(s), got {}", rt->cname(),
                            rt->fields.size(), n));
  if (!meta.is_nil() && !is_map(meta))
    throw_error(ErrorKind::ClassCastException, "record metadata must be a map");
  if (!ext.is_nil() && !is_map(ext)) throw_error(ErrorKind::ClassCastException, "record extension must be a map");
  Record* r = alloc_instance(vm, rt);
  for (size_t i = 0; i < n; ++i) r->fields()[i] = vals[i];
  r->meta = meta;
  if (rt->is_record && !ext.is_nil() && count(vm, ext) > 0) r->ext = ext;
  return Value::object(r);
}

Value record_from_map(State& vm, RecordType* rt, Value map) {
  if (!map.is_nil() && !is_map(map) && !is_record(map))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class clojure.lang.IPersistentMap", value_type_name(map)));
  RootScope scope(vm.heap);
  size_t res = scope.push(Value::object(alloc_instance(vm, rt)));
  size_t cur = scope.push(seq(vm, map));
  while (!scope[cur].is_nil()) {
    Value e = first(vm, scope[cur]);
    scope[res] = record_assoc(vm, static_cast<Record*>(scope[res].as_obj()), nth(vm, e, 0), nth(vm, e, 1));
    scope[cur] = next(vm, scope[cur]);
  }
  return scope[res];
}

Value construct_by_class_name(State& vm, std::string_view class_name, Args args, int from) {
  Namespace* ns = vm.current_ns();
  std::string_view simple = class_name;
  size_t dot = class_name.rfind('.');
  if (dot != std::string_view::npos && dot > 0 && dot + 1 < class_name.size()) {
    ns = vm.find_ns(vm.sym(class_name.substr(0, dot)));
    simple = class_name.substr(dot + 1);
  }
  if (!ns) return Value::nil();
  Var* v = vm.resolve_var(ns, vm.names.symbol({}, simple));
  if (!v || !v->bound) return Value::nil();
  RecordType* rt = as<RecordType>(v->root);
  if (!rt) return Value::nil();
  std::vector<Value> vals;
  for (int i = from; i < args.size(); ++i) vals.push_back(args[i]);
  size_t nf = rt->fields.size();
  if (rt->is_record && vals.size() == nf + 2) return make_instance(vm, rt, vals.data(), nf, vals[nf], vals[nf + 1]);
  return make_instance(vm, rt, vals.data(), vals.size());
}

// ---- the map view ----

namespace {

int64_t record_count(State& vm, Record* r) { return r->n + (r->ext.is_nil() ? 0 : count(vm, r->ext)); }

}  // namespace

Value record_field_or_get(State& vm, Value m, Value k) {
  if (is_record(m)) {
    auto* r = static_cast<Record*>(m.as_obj());
    if (int i = r->rtype->field_index(k); i >= 0) return r->fields()[i];
  }
  return get(vm, m, k);
}

namespace {

Value record_get(State& vm, Record* r, Value key, Value not_found, bool* found = nullptr) {
  int i = r->rtype->field_index(key);
  if (i >= 0) {
    if (found) *found = true;
    return r->fields()[i];
  }
  if (!r->ext.is_nil() && contains(vm, r->ext, key)) {
    if (found) *found = true;
    return get(vm, r->ext, key);
  }
  if (found) *found = false;
  return not_found;
}

Value record_assoc(State& vm, Record* r, Value key, Value val) {
  int i = r->rtype->field_index(key);
  if (i >= 0) {
    Record* c = copy_instance(vm, r);
    c->fields()[i] = val;
    return Value::object(c);
  }
  RootScope scope(vm.heap);
  scope.push(Value::object(r));
  Value ext = assoc(vm, r->ext, key, val);
  scope.push(ext);
  Record* c = copy_instance(vm, r);
  c->ext = ext;
  return Value::object(c);
}

Value record_dissoc(State& vm, Record* r, Value key) {
  if (r->rtype->field_index(key) >= 0) {
    // Removing a field leaves a plain map (with the record's metadata).
    std::vector<Value> kvs;
    for (uint32_t i = 0; i < r->n; ++i) {
      if (Value::object(r->rtype->fields[i]) == key) continue;
      kvs.push_back(Value::object(r->rtype->fields[i]));
      kvs.push_back(r->fields()[i]);
    }
    RootScope scope(vm.heap);
    scope.push(Value::object(r));
    size_t m = scope.push(map_from(vm, kvs.data(), kvs.size() / 2));
    for (Value s = seq(vm, r->ext); !s.is_nil(); s = next(vm, s)) {
      Value e = first(vm, s);
      scope[m] = assoc(vm, scope[m], nth(vm, e, 0), nth(vm, e, 1));
    }
    return r->meta.is_nil() ? scope[m] : with_meta(vm, scope[m], r->meta);
  }
  if (r->ext.is_nil() || !contains(vm, r->ext, key)) return Value::object(r);
  RootScope scope(vm.heap);
  scope.push(Value::object(r));
  Value ext = dissoc(vm, r->ext, key);
  scope.push(ext);
  Record* c = copy_instance(vm, r);
  c->ext = count(vm, ext) == 0 ? Value::nil() : ext;
  return Value::object(c);
}

Value record_conj(State& vm, Record* r, Value x) {
  if (x.is_nil()) return Value::object(r);
  if (is_vector(x)) {
    if (count(vm, x) != 2) throw_error(ErrorKind::IllegalArgumentException, "Vector arg to map conj must be a pair");
    return record_assoc(vm, r, nth(vm, x, 0), nth(vm, x, 1));
  }
  RootScope scope(vm.heap);
  size_t ret = scope.push(Value::object(r));
  size_t cur = scope.push(seq(vm, x));
  while (!scope[cur].is_nil()) {
    Value e = first(vm, scope[cur]);
    if (!is_vector(e) || count(vm, e) != 2)
      throw_error(ErrorKind::ClassCastException,
                  fmt::format("class {} cannot be cast to class java.util.Map$Entry", value_type_name(e)));
    scope[ret] = record_assoc(vm, static_cast<Record*>(scope[ret].as_obj()), nth(vm, e, 0), nth(vm, e, 1));
    scope[cur] = next(vm, scope[cur]);
  }
  return scope[ret];
}

Value record_seq(State& vm, Record* r) {
  std::vector<Value> entries;
  for (uint32_t i = 0; i < r->n; ++i)
    entries.push_back(map_entry(vm.heap, Value::object(r->rtype->fields[i]), r->fields()[i]));
  // Neither building entries nor walking a persistent map calls back into Clove, so
  // nothing here can be collected before list_from links it.
  for (Value s = seq(vm, r->ext); !s.is_nil(); s = next(vm, s)) entries.push_back(first(vm, s));
  if (entries.empty()) return Value::nil();
  return list_from(vm.heap, entries.data(), entries.size());
}

bool record_equiv(State& vm, Record* a, Value b) {
  Record* rb = as_instance(b);
  if (!rb || rb->rtype != a->rtype || a->type != ObjType::Record) return Value::object(a) == b;
  for (uint32_t i = 0; i < a->n; ++i)
    if (!equiv(vm, a->fields()[i], rb->fields()[i])) return false;
  bool ea = a->ext.is_nil(), eb = rb->ext.is_nil();
  if (ea || eb) return ea == eb;
  return equiv(vm, a->ext, rb->ext);
}

uint32_t record_hash(State& vm, Record* r) {
  if (r->type != ObjType::Record) return identity_hash(r);
  // APersistentMap.mapHasheq: hashUnordered over the [k v] entries.
  uint32_t h = 0, n = 0;
  auto add = [&](Value k, Value v) {
    uint32_t eh = 31 * (31 * 1 + hash(vm, k)) + hash(vm, v);
    h += murmur3::mix_coll_hash(eh, 2);
    ++n;
  };
  for (uint32_t i = 0; i < r->n; ++i) add(Value::object(r->rtype->fields[i]), r->fields()[i]);
  for (Value s = seq(vm, r->ext); !s.is_nil(); s = next(vm, s)) {
    Value e = first(vm, s);
    add(nth(vm, e, 0), nth(vm, e, 1));
  }
  return hash(vm, Value::object(r->rtype->name)) ^ murmur3::mix_coll_hash(h, n);
}

Value instance_with_meta(State& vm, Value v, Value m) {
  if (!m.is_nil() && !is_map(m))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class clojure.lang.IPersistentMap", value_type_name(m)));
  // A deftype or reify that implements IObj makes its own copy.
  if (!is_record(v)) {
    Value f = user_method(v, IMethod::withMeta);
    if (!f.is_nil()) return vm.call(f, {v, m});
  }
  if (Record* r = as_instance(v)) {
    Record* c = copy_instance(vm, r);
    c->meta = m;
    return Value::object(c);
  }
  if (Reify* r = as<Reify>(v)) {
    Reify* c = vm.heap.make<Reify>();
    c->protocols = r->protocols;
    c->fns = r->fns;
    c->to_string = r->to_string;
    c->ifaces = r->ifaces;
    c->meta = m;
    return Value::object(c);
  }
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class clojure.lang.IObj", value_type_name(v)));
}

}  // namespace

void register_record_types(TypeInfo* table) {
  register_type<RecordType>(table);
  auto class_name = [](const Obj* o) { return static_cast<const Record*>(o)->rtype->cname(); };
  auto meta = [](Obj* o) { return static_cast<Record*>(o)->meta; };
  auto with_meta = [](State& vm, Obj* o, Value m) { return instance_with_meta(vm, Value::object(o), m); };

  TypeInfo& r = register_type<Record>(table);
  r.class_name = class_name;
  r.seq = [](State& vm, Obj* o) { return record_seq(vm, static_cast<Record*>(o)); };
  r.count = [](State& vm, Obj* o) { return record_count(vm, static_cast<Record*>(o)); };
  r.lookup = [](State& vm, Obj* o, Value key, Value nf) { return record_get(vm, static_cast<Record*>(o), key, nf); };
  r.contains = [](State& vm, Obj* o, Value key) {
    bool found = false;
    record_get(vm, static_cast<Record*>(o), key, Value::nil(), &found);
    return found;
  };
  r.assoc = [](State& vm, Obj* o, Value k, Value v) { return record_assoc(vm, static_cast<Record*>(o), k, v); };
  r.dissoc = [](State& vm, Obj* o, Value k) { return record_dissoc(vm, static_cast<Record*>(o), k); };
  r.conj = [](State& vm, Obj* o, Value x) { return record_conj(vm, static_cast<Record*>(o), x); };
  r.meta = meta;
  r.with_meta = with_meta;
  r.equiv = [](State& vm, Obj* o, Value b) { return record_equiv(vm, static_cast<Record*>(o), b); };
  r.hash = [](State& vm, Obj* o) { return record_hash(vm, static_cast<Record*>(o)); };

  // A deftype instance is the same struct, opaque: no map view, identity equality.
  TypeInfo& t = register_type_as<Record>(table, ObjType::TypeInstance);
  t.class_name = class_name;
  t.meta = meta;
  t.with_meta = with_meta;

  TypeInfo& f = register_type<Reify>(table);
  f.meta = [](Obj* o) { return static_cast<Reify*>(o)->meta; };
  f.with_meta = with_meta;

  register_user_type_ops(table);
}

// ---- printing ----

namespace {

// #user.P{:x 1, :y 2}, as Clojure's print-method for IRecord: "#", the class name, then
// the entries as print-map prints a map (so *print-level* and *print-length* count here
// too: a record cut off by *print-level* prints "#user.P#").
void print_record(PrintContext& p, Value v) {
  Record* r = static_cast<Record*>(v.as_obj());
  p.out += '#';
  p.out += r->rtype->cname();
  if (!p.enter_coll()) return;
  p.out += '{';
  RootScope scope(p.vm.heap);
  scope.push(v);
  size_t cur = scope.push(record_seq(p.vm, r));
  size_t e = scope.push(Value::nil());  // printing may run Clove code (print-method)
  const int64_t limit = p.length_limit();
  for (int64_t n = 0; !scope[cur].is_nil(); ++n) {
    if (n > 0) p.out += ", ";
    if (limit >= 0 && n == limit) {
      p.out += "...";
      break;
    }
    scope[e] = first(p.vm, scope[cur]);
    p.value(nth(p.vm, scope[e], 0));
    p.out += ' ';
    p.value(nth(p.vm, scope[e], 1));
    scope[cur] = next(p.vm, scope[cur]);
  }
  p.out += '}';
  p.leave_coll();
}

Value to_string_fn(Value v) {
  if (Record* r = as_instance(v)) return r->rtype->to_string;
  if (Reify* r = as<Reify>(v)) return r->to_string;
  return Value::nil();
}

std::string class_label(Value v) {
  if (Record* r = as_instance(v)) return r->rtype->cname();
  return type_name(v.as_obj()->type);
}

// Java's toString: the type's own, else "class@hash".
std::string to_string_of(PrintContext& p, Value v) {
  Value to_string = to_string_fn(v);
  if (!to_string.is_nil()) return p.str(p.vm.call(to_string, {v}));
  return fmt::format("{}@{:x}", class_label(v), identity_hash(v.as_obj()));
}

void str_instance(PrintContext& p, Value v) { p.out += to_string_of(p, v); }

// Clojure's #object[class 0xhash toString] for opaque objects (toString quoted when
// printing readably).
// A deftype instance that is a reference (promises, futures, agents and refs,
// src/lib/09_refs.clj) shows its state as Clojure prints an IDeref:
// #object[class 0xhash {:status :ready, :val 1}]. clojure.core/-deref-as-map gives that
// map, or nil for any other instance.
void print_opaque(PrintContext& p, Value v) {
  State& vm = p.vm;
  Var* as_map = v.as_obj()->type == ObjType::TypeInstance && vm.core_ns()
                    ? vm.core_ns()->lookup(vm.names.symbol({}, "-deref-as-map"))
                    : nullptr;
  if (as_map && as_map->bound) {
    RootScope roots(vm.heap);
    roots.push(v);
    size_t state = roots.push(vm.call(as_map->root, {v}));
    if (!roots[state].is_nil()) {
      p.out += fmt::format("#object[{} 0x{:x} ", class_label(v), identity_hash(v.as_obj()));
      p.value(roots[state]);
      p.out += ']';
      return;
    }
  }
  std::string text = to_string_of(p, v);
  p.out += fmt::format("#object[{} 0x{:x} ", class_label(v), identity_hash(v.as_obj()));
  p.value(string_value(vm.heap, text));
  p.out += ']';
}

}  // namespace

void register_record_printers(TypeInfo* table) {
  set_print_hooks(table, ObjType::Record, print_record, str_instance);
  set_print_hooks(table, ObjType::TypeInstance, print_opaque, str_instance);
  set_print_hooks(table, ObjType::Reify, print_opaque, str_instance);
}

}  // namespace clove
