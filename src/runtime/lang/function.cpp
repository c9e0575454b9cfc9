// function.cpp: Proto stack-map queries, closure allocation and the function types'
// entries in the type table.
#include "runtime/lang/function.h"

#include <fmt/format.h>

#include "core/type_table.h"

namespace clove {

void Proto::live_registers(uint32_t pc, std::vector<uint8_t>& out) const {
  out.assign(framesize, live.empty() ? 1 : 0);  // no stack map (hand-assembled code): all live
  for (const LiveRange& r : live)
    if (pc >= r.start_pc && pc < r.end_pc && r.reg < framesize) out[r.reg] = 1;
}

Closure* make_closure(Heap& h, FnProto* fn, uint32_t n) {
  Closure* c = h.make_extra<Closure>(n * sizeof(Value), fn, n);
  for (uint32_t i = 0; i < n; ++i) c->upvals()[i] = Value::nil();
  return c;
}

bool is_fn(Value v) { return has_traits(v, trait::Fn); }

void register_function_types(TypeInfo* table) {
  register_type<Proto>(table);
  register_type<FnProto>(table);
  TypeInfo& c = register_type<Closure>(table);
  c.meta = [](Obj* o) { return static_cast<Closure*>(o)->meta; };
  c.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<Closure*>(o);
    Closure* r = vm.heap.make_extra<Closure>(x->nupvals * sizeof(Value), x->fn, x->nupvals);
    for (uint32_t i = 0; i < x->nupvals; ++i) r->upvals()[i] = x->upvals()[i];
    r->meta = m;
    return Value::object(r);
  };
  TypeInfo& n = register_type<Native>(table);
  n.meta = [](Obj* o) { return static_cast<Native*>(o)->meta; };
  n.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<Native*>(o);
    Native* r = vm.heap.make<Native>(x->fn, x->name, x->doc, x->arglists, x->min_args, x->max_args);
    r->meta = m;
    return Value::object(r);
  };
}

// ---- State services defined by this layer (state/state.h) ----

Var* State::def_native(std::string_view ns_name, std::string_view name, NativeFn fn, int min_args,
                    int max_args, const char* doc, const char* arglists) {
  // Most natives are clojure.core's: that namespace is found without interning its name.
  Namespace* ns = core_ns_->name->name_view() == ns_name ? core_ns_ : find_or_create_ns(sym(ns_name));
  Var* v = intern(ns, names.symbol({}, name));
  // "ns/name" in fmt's inline buffer: no malloc per native for the usual short names.
  fmt::memory_buffer full;
  full.append(ns_name.data(), ns_name.data() + ns_name.size());
  full.push_back('/');
  full.append(name.data(), name.data() + name.size());
  Native* n = heap.make<Native>(fn, make_string(heap, std::string_view(full.data(), full.size())), doc, arglists,
                                static_cast<int16_t>(min_args), static_cast<int16_t>(max_args));
  v->root = Value::object(n);
  v->bound = true;
  heap.barrier(v, n);
  // The key views n's own name: an entry replaced drops the old native's view with it.
  if (auto old = native_registry.find(n->name->view()); old != native_registry.end()) native_registry.erase(old);
  native_registry.emplace(n->name->view(), n);
  if (heap_frozen) natives_since_freeze.push_back(n);
  return v;
}


}  // namespace clove
