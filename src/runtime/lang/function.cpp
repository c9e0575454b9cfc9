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
  // The native this replaces under its name is the one its var held (find_native).
  if (auto* old = as<Native>(v->root); old && old->name->view() == n->name->view()) old->flags &= ~kFlagRegistered;
  v->root = Value::object(n);
  v->bound = true;
  heap.barrier(v, n);
  natives.add(n->name->view(), n);
  return v;
}

Obj* State::find_native(std::string_view full) {
  // def_native binds ns/name to the native it registers under "ns/name": the var's
  // root is usually the registry's entry for that name (kFlagRegistered says so). The
  // names are looked up, not interned: a name in corrupt data leaves nothing behind.
  size_t slash = full.find('/');
  if (slash != std::string_view::npos && slash > 0 && slash + 1 < full.size()) {
    Symbol* ns_sym = names.find_symbol({}, full.substr(0, slash));
    Symbol* var_sym = names.find_symbol({}, full.substr(slash + 1));
    if (Namespace* ns = ns_sym && var_sym ? find_ns(ns_sym) : nullptr) {
      if (Var* v = ns->lookup(var_sym)) {
        auto* n = as<Native>(v->root);
        if (n && (n->flags & kFlagRegistered) && n->name->view() == full) return n;
      }
    }
  }
  return natives.find(full);
}
}  // namespace clove
