// state.cpp: State's construction, namespaces, vars and dynamic bindings.
#include "state/state.h"

#include <fmt/format.h>

namespace clove {

State::State() : names(heap) {
  heap.add_root_provider(this);
  natives.reserve(640);  // about 510 natives: the list is not copied while they are defined
  heap.on_free_flagged = [this](Obj* o) { source_map.forget(o); };
  core_ns_ = find_or_create_ns(sym("clojure.core"));
  core_ns_->mappings.reserve(1024);  // about 1,000 vars: no rehash while the core library loads
  ns_var_ = intern(core_ns_, sym("*ns*"));
  ns_var_->flags |= kFlagDynamic;
  ns_var_->root = Value::object(core_ns_);
  ns_var_->bound = true;
}

State::~State() { heap.remove_root_provider(this); }

void State::trace_roots(Tracer& t) {
  names.trace(t);
  for (auto& [k, ns] : namespaces_) {
    t.mark(k);
    t.mark(ns);
  }
  t.mark(last_exception_);
  for (Value v : permanent) t.mark(v);
  natives.trace(t, natives_frozen);
  classes.trace(t);
  for (auto& [resource, protos] : image_units) t.mark(protos);
  for (auto& [var, refs] : var_refs) {
    t.mark(var);
    t.mark(refs.watches);
    t.mark(refs.validator);
  }
  t.mark(request.fn);
  for (Value v : request.args) t.mark(v);
  t.mark(request.ctx);  // request.fiber: the interpreter marks it (vm/interpreter.cpp)
}

void State::freeze_heap() {
  heap.freeze();
  names.freeze();
  classes.freeze();
  natives_frozen = natives.size();
}

void State::open_native_module(const std::string& path) {
  throw_error(ErrorKind::UnsupportedOperationException,
              "Cannot load the native module " + path + ": this VM has no embedding API host");
}

Value State::tail_call(Value fn, const Value* args, int nargs) {
  request.kind = RequestKind::TailCall;
  request.rest_seq = false;
  request.fn = fn;
  if (nargs == 0)
    request.args.clear();
  else
    request.args.assign(args, args + nargs);
  return kRequest;
}

Value State::tail_call_rest(Value fn, const Value* args, int nargs) {
  tail_call(fn, args, nargs);
  request.rest_seq = true;
  return kRequest;
}

Value State::call_then(Value fn, const Value* args, int nargs, NativeCont k, Value ctx, NativeUnwind on_error) {
  request.kind = RequestKind::CallThen;
  request.on_error = on_error;
  request.fn = fn;
  if (nargs == 0)
    request.args.clear();
  else
    request.args.assign(args, args + nargs);
  request.k = k;
  request.ctx = ctx;
  return kRequest;
}

Namespace* State::current_ns() const { return static_cast<Namespace*>(ns_var_->root.as_obj()); }

void State::set_current_ns(Namespace* ns) {
  ns_var_->root = Value::object(ns);
  heap.barrier(ns_var_, ns);
}

Namespace* State::find_ns(Symbol* name) const {
  auto it = namespaces_.find(name);
  return it == namespaces_.end() ? nullptr : it->second;
}

Namespace* State::remove_ns(Symbol* name) {
  auto it = namespaces_.find(name);
  if (it == namespaces_.end()) return nullptr;
  Namespace* ns = it->second;
  namespaces_.erase(it);
  return ns;
}

Namespace* State::find_or_create_ns(Symbol* name) {
  if (Namespace* ns = find_ns(name)) return ns;
  Namespace* ns = heap.make<Namespace>(name, heap);
  namespaces_.emplace(name, ns);
  return ns;
}

Var* State::intern(Namespace* ns, Symbol* name) {
  auto it = ns->mappings.find(name);
  if (it != ns->mappings.end() && it->second->ns == ns) return it->second;
  Var* v = heap.make<Var>(ns, name);
  ns->mappings[name] = v;
  heap.barrier(ns, v);
  heap.recount_external(ns->counted, ns->map_bytes());
  heap.check_limit();
  return v;
}

Var* State::resolve_var(Namespace* from, Symbol* s) const {
  if (s->ns) {
    Symbol* ns_sym = const_cast<Interner&>(names).symbol(s->ns_view());
    Namespace* target = nullptr;
    auto al = from->aliases.find(ns_sym);
    if (al != from->aliases.end()) target = al->second;
    if (!target) target = find_ns(ns_sym);
    if (!target) {
      auto d = default_aliases.find(ns_sym);
      if (d != default_aliases.end()) target = d->second;
    }
    // java.lang.Math/sqrt is Math/sqrt: the emulated java.lang classes' statics live in
    // namespaces named by their short names (Math, Long, Character, System...).
    if (!target && s->ns_view().starts_with("java.lang.") && s->ns_view().find('.', 10) == std::string_view::npos)
      target = find_ns(const_cast<Interner&>(names).symbol(s->ns_view().substr(10)));
    if (!target) return nullptr;
    Symbol* simple = const_cast<Interner&>(names).symbol({}, s->name_view());
    Var* v = target->lookup(simple);
    return (v && v->ns == target) ? v : nullptr;
  }
  Symbol* simple = const_cast<Interner&>(names).canonical(s);
  if (Var* v = from->lookup(simple)) return v;
  if (from != core_ns_ && !from->core_excludes.count(simple)) {
    Var* v = core_ns_->lookup(simple);
    if (v && !v->is_private()) return v;
  }
  return nullptr;
}


Value State::var_value(Var* v) {
  if (v->thread_bound) {
    for (const BindingStack* scope : binding_scopes_) {
      const auto& b = *scope;
      for (size_t i = b.size(); i-- > 0;)
        if (b[i].first == v) return b[i].second;
    }
  }
  if (!v->bound)
    throw_error(ErrorKind::IllegalStateException,
                fmt::format("Var {}/{} is unbound.", v->ns ? v->ns->name->str() : "?", v->sym ? v->sym->str() : "?"));
  return v->root;
}

void State::push_bindings(const std::vector<std::pair<Var*, Value>>& frame) {
  for (auto& [v, val] : frame)
    if (!v->is_dynamic())
      throw_error(ErrorKind::IllegalStateException,
                  fmt::format("Can't dynamically bind non-dynamic var: {}/{}", v->ns->name->str(), v->sym->str()));
  auto& b = *bindings_;
  b.emplace_back(nullptr, Value::nil());  // frame marker
  for (auto& [v, val] : frame) {
    b.emplace_back(v, val);
    ++v->thread_bound;
  }
}

void State::push_current_bindings(std::initializer_list<const char*> core_var_names) {
  std::vector<std::pair<Var*, Value>> frame;
  for (const char* name : core_var_names) {
    Var* v = resolve_var(core_ns_, sym(name));
    if (v && v->is_dynamic() && v->bound) frame.emplace_back(v, var_value(v));
  }
  push_bindings(frame);
}

void State::pop_bindings() {
  auto& b = *bindings_;
  if (b.empty()) throw_error(ErrorKind::IllegalStateException, "Pop without matching push");
  while (!b.empty()) {
    auto [v, val] = b.back();
    b.pop_back();
    if (!v) return;
    --v->thread_bound;
  }
}

bool State::set_binding(Var* v, Value val) {
  for (BindingStack* scope : binding_scopes_) {
    auto& b = *scope;
    for (size_t i = b.size(); i-- > 0;) {
      if (b[i].first == v) {
        b[i].second = val;
        return true;
      }
    }
  }
  return false;
}

BindingStack State::visible_bindings() const {
  BindingStack out;
  for (size_t k = binding_scopes_.size(); k-- > 0;)
    out.insert(out.end(), binding_scopes_[k]->begin(), binding_scopes_[k]->end());
  return out;
}

}  // namespace clove
