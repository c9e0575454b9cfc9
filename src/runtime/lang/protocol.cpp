// protocol.cpp: protocol extension and dispatch (see protocol.h).
#include "runtime/lang/protocol.h"

#include <fmt/format.h>

#include <cstdint>

#include "core/error.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/vector.h"
#include "runtime/lang/host_class.h"
#include "runtime/num/number.h"
#include "runtime/lang/record.h"
#include "state/state.h"

namespace clove {

namespace {

// A key naming x's concrete class, for the dispatch cache. Built-in types get small
// integers; types whose class differs per instance (records and deftypes, Java arrays
// and their seqs, exceptions: TypeInfo::class_name) the address of the class value
// (kept alive by the cache entry).
uint64_t type_key(State& vm, Value x, Value* key_obj) {
  *key_obj = Value::nil();
  if (x.is_nil()) return 1;
  if (x.is_small_int()) return 2;
  if (x.is_double()) return 3;
  if (x.is_bool()) return 4;
  if (x.is_char()) return 5;
  if (!x.is_obj()) return 6;
  if (Record* r = as_instance(x)) {
    *key_obj = Value::object(r->rtype);
    return reinterpret_cast<uint64_t>(r->rtype);
  }
  if (type_of(x.as_obj()).class_name) {
    *key_obj = class_of(vm, x);
    return reinterpret_cast<uint64_t>(key_obj->as_obj());
  }
  return 16 + static_cast<uint64_t>(x.as_obj()->type);
}

int find_impl_index(const Protocol* p, Value cls) {
  for (size_t i = 0; i < p->impls.size(); ++i)
    if (p->impls[i].cls == cls) return static_cast<int>(i);
  return -1;
}

// The uncached search: exact class, then supertypes nearest first, Object last.
int search_impl(State& vm, const Protocol* p, Value x) {
  if (x.is_nil()) return find_impl_index(p, Value::nil());
  Value cls = class_of(vm, x);
  int i = find_impl_index(p, cls);
  if (i >= 0) return i;
  Value object = class_named(vm, "java.lang.Object");
  for (Value a : class_ancestors(vm, cls))
    if (a != object && (i = find_impl_index(p, a)) >= 0) return i;
  for (Value c : instance_interfaces(vm, x)) {  // a reify's interfaces, with theirs
    if ((i = find_impl_index(p, c)) >= 0) return i;
    for (Value a : class_ancestors(vm, c))
      if (a != object && (i = find_impl_index(p, a)) >= 0) return i;
  }
  return find_impl_index(p, object);
}

// How an error message shows a value given where a method keyword or a class was
// expected (the printer sits above this layer): keywords, symbols, nil, booleans and
// longs as pr prints them, strings in double quotes, anything else by its class.
std::string value_label(Value v) {
  if (v.is_nil()) return "nil";
  if (v.is_bool()) return v.is_true() ? "true" : "false";
  if (is_long(v)) return fmt::format("{}", as_long(v));
  if (Keyword* k = as<Keyword>(v)) return k->str();
  if (Symbol* s = as<Symbol>(v)) return s->str();
  if (String* s = as<String>(v)) return fmt::format("\"{}\"", s->view());
  return fmt::format("a {}", value_type_name(v));
}

std::string protocol_label(const Protocol* p) {
  if (p->var) return fmt::format("#'{}/{}", p->var->ns->name->str(), p->var->sym->str());
  return p->name->str();
}

}  // namespace

Value protocol_fns_from_map(State& vm, Protocol* p, Value method_map) {
  std::vector<Value> fns(p->methods.size(), Value::nil());
  for (Value s = seq(vm, method_map); !s.is_nil(); s = next(vm, s)) {
    Value e = first(vm, s);
    Value k = nth(vm, e, 0);
    int idx = p->method_index(k);
    if (idx < 0)
      throw_error(ErrorKind::IllegalArgumentException,
                  fmt::format("No method {} in protocol {}", value_label(k), p->name->str()));
    fns[idx] = nth(vm, e, 1);
  }
  return vector_from(vm.heap, fns.data(), fns.size());
}

void extend_protocol(State& vm, Protocol* p, Value cls, Value method_map) {
  Value c = cls;
  if (!cls.is_nil()) {
    c = canonical_class(vm, cls);
    // A Java class Clove does not know (java.net.URI): accepted, and no value is of it.
    if (c.is_nil() && is_foreign_class_name(cls)) c = cls;
    if (c.is_nil())
      throw_error(ErrorKind::IllegalArgumentException,
                  fmt::format("Can't extend protocol {} to {}: not a class", p->name->str(), value_label(cls)));
  }
  if (!method_map.is_nil() && !is_map(method_map))
    throw_error(ErrorKind::IllegalArgumentException, "extend takes a map of method keywords to fns");
  Value fns = protocol_fns_from_map(vm, p, method_map);
  int i = find_impl_index(p, c);
  if (i >= 0) {
    p->impls[i].fns = fns;
  } else {
    p->impls.push_back({c, fns});
  }
  vm.heap.barrier(p, c);
  vm.heap.barrier(p, fns);
  p->clear_cache();
}

Value find_protocol_fns(State& vm, Protocol* p, Value x) {
  if (Reify* r = as<Reify>(x)) {
    for (size_t i = 0; i < r->protocols.size(); ++i)
      if (r->protocols[i] == Value::object(p)) return r->fns[i];
    if (r->ifaces.traits) {  // its interfaces are its own: not cached by type
      int idx = search_impl(vm, p, x);
      return idx < 0 ? Value::nil() : p->impls[idx].fns;
    }
  }
  Value key_obj;
  uint64_t key = type_key(vm, x, &key_obj);
  Protocol::Recent& recent = p->recent[Protocol::recent_slot(key)];
  if (recent.key == key) return recent.impl < 0 ? Value::nil() : p->impls[recent.impl].fns;
  auto it = p->cache.find(key);
  int idx;
  if (it != p->cache.end()) {
    idx = it->second.impl;
  } else {
    idx = search_impl(vm, p, x);
    p->cache.emplace(key, Protocol::CacheEntry{key_obj, idx});
    vm.heap.barrier(p, key_obj);
  }
  recent = Protocol::Recent{key, idx};
  return idx < 0 ? Value::nil() : p->impls[idx].fns;
}

Value protocol_method_fn(State& vm, Protocol* p, int index, Value x) {
  Value fns = find_protocol_fns(vm, p, x);
  Value f = Value::nil();
  // The method vector (protocol_fns_from_map) read directly; nth for anything else.
  const Vector* v = as<Vector>(fns);
  if (!(v && v->nth_if_in_range(Value::small_int(index), &f)) && !fns.is_nil()) f = nth(vm, fns, index, Value::nil());
  if (f.is_nil()) {
    std::string method = index >= 0 && static_cast<size_t>(index) < p->methods.size() ? p->methods[index]->str() : "?";
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No implementation of method: {} of protocol: {} found for class: {}", method,
                            protocol_label(p), class_name_of(x)));
  }
  return f;
}

Value protocol_dispatch(State& vm, Value p, int64_t index, Value x) {
  if (!is<Protocol>(p) || index < 0 || index > INT32_MAX)
    throw_error(ErrorKind::IllegalArgumentException, "-pfn takes a protocol and a method index");
  return protocol_method_fn(vm, static_cast<Protocol*>(p.as_obj()), static_cast<int>(index), x);
}

bool protocol_extends(State& vm, Protocol* p, Value cls) {
  Value c = cls.is_nil() ? cls : canonical_class(vm, cls);
  if (!cls.is_nil() && c.is_nil()) {
    if (!is_foreign_class_name(cls)) return false;
    c = cls;
  }
  return find_impl_index(p, c) >= 0;
}

std::vector<Value> protocol_extenders(const Protocol* p) {
  std::vector<Value> out;
  for (const Protocol::Impl& i : p->impls) out.push_back(i.cls);
  return out;
}

}  // namespace clove
