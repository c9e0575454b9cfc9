// ns.cpp: clojure.core's namespace and loading functions (SPEC L12): in-ns, the-ns,
// refer, alias, require, use, load, load-file, resolve, intern, alter-var-root, ...
// The `ns` macro itself is written in Clove (src/lib/04_ns.clj) over these.
//
// Semantics follow clojure.core (core.clj: refer, load-libs, load-lib, load): a libspec
// is a symbol, a vector [lib & options] or a prefix list (prefix lib...); options are
// :as :as-alias :refer plus the refer filters :exclude :only :rename. Loading itself
// (the load path, cycles, what counts as loaded) is eval/loader.h.
//
// Every namespace sees clojure.core without an explicit refer: the resolver falls back
// to it (State::resolve_var). (refer 'clojure.core ...) therefore records the core names a
// namespace must not see (Namespace::core_excludes) instead of copying mappings.
//
// Also here: two hooks for test tooling, -stack-frames and -exception-frames, giving
// positions of Clove frames (clojure.test uses them for "FAIL in (t) (file.clj:12)").
#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/coll/ref_types.h"
#include "eval/loader.h"
#include "natives/args.h"
#include "runtime/print/print.h"
#include "state/continuation.h"

namespace clove {

namespace {

const char* const C = "clojure.core";

Symbol* arg_symbol(State& vm, Args a, int i, const char* fn) {
  Symbol* s = as<Symbol>(a[i]);
  if (!s)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class clojure.lang.Symbol", fn, value_type_name(a[i])));
  return vm.names.symbol(s->ns_view(), s->name_view());  // drop metadata: the interned symbol
}

Symbol* plain(State& vm, Symbol* s) { return vm.names.symbol(s->ns_view(), s->name_view()); }

std::string var_name(Var* v) { return fmt::format("#'{}/{}", v->ns->name->str(), v->sym->str()); }

/// Clojure's the-ns: a namespace, or the namespace a symbol names (Exception if none).
Namespace* to_ns(State& vm, Value x) {
  if (Namespace* ns = as<Namespace>(x)) return ns;
  Symbol* s = as<Symbol>(x);
  if (!s)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class clojure.lang.Symbol", value_type_name(x)));
  Namespace* ns = vm.find_ns(plain(vm, s));
  if (!ns) throw_error(ErrorKind::Exception, fmt::format("No namespace: {} found", s->str()));
  return ns;
}

std::vector<Value> items_of(State& vm, Value coll) {
  std::vector<Value> out;
  for (Value s = seq(vm, coll); !s.is_nil(); s = next(vm, s)) out.push_back(first(vm, s));
  return out;
}

std::vector<Symbol*> symbols_of(State& vm, Value coll, const char* what) {
  std::vector<Symbol*> out;
  for (Value v : items_of(vm, coll)) {
    Symbol* s = as<Symbol>(v);
    if (!s)
      throw_error(ErrorKind::IllegalArgumentException,
                  fmt::format("{} expects symbols, got: {}", what, pr_str_bounded(vm, v)));
    out.push_back(plain(vm, s));
  }
  return out;
}

/// The public vars interned in `ns`, by name.
std::vector<std::pair<Symbol*, Var*>> publics(Namespace* ns) {
  std::vector<std::pair<Symbol*, Var*>> out;
  for (auto& [k, v] : ns->mappings)
    if (v->ns == ns && !v->is_private()) out.emplace_back(k, v);
  return out;
}

// ---- refer ----

/// refer's filters (:exclude :only :rename :refer), read from keyword/value pairs.
struct ReferFilters {
  bool refer_all = false;
  bool has_list = false;              // :refer [..] or :only [..] given
  std::vector<Symbol*> list;
  std::unordered_set<Symbol*> exclude;
  std::unordered_map<Symbol*, Symbol*> rename;
};

/// Reads the filter pairs in kvs; unknown keys are an error naming them.
ReferFilters parse_filters(State& vm, const std::vector<Value>& kvs, const char* fn) {
  if (kvs.size() % 2) throw_error(ErrorKind::IllegalArgumentException, fmt::format("{}: filters must come in keyword/value pairs", fn));
  ReferFilters f;
  for (size_t i = 0; i < kvs.size(); i += 2) {
    Keyword* k = as<Keyword>(kvs[i]);
    std::string key = k ? k->sym->str() : "";
    Value v = kvs[i + 1];
    if (key == "refer" || key == "only") {
      if (key == "refer" && v == Value::object(vm.kw("all"))) {
        f.refer_all = true;
      } else {
        f.has_list = true;
        for (Symbol* s : symbols_of(vm, v, fn)) f.list.push_back(s);
      }
    } else if (key == "exclude") {
      for (Symbol* s : symbols_of(vm, v, fn)) f.exclude.insert(s);
    } else if (key == "rename") {
      if (!is_map(v)) throw_error(ErrorKind::IllegalArgumentException, fmt::format("{}: :rename takes a map", fn));
      for (Value e : items_of(vm, v)) {
        Symbol* from = as<Symbol>(nth(vm, e, 0));
        Symbol* to = as<Symbol>(nth(vm, e, 1));
        if (!from || !to) throw_error(ErrorKind::IllegalArgumentException, fmt::format("{}: :rename maps symbols to symbols", fn));
        f.rename[plain(vm, from)] = plain(vm, to);
      }
    } else {
      throw_error(ErrorKind::IllegalArgumentException,
                  fmt::format("{}: unsupported filter {}", fn, pr_str_bounded(vm, kvs[i])));
    }
  }
  return f;
}

/// Clojure's refer: maps names of `from`'s public vars into `into` after filtering.
/// IllegalAccessError "x does not exist" / "x is not public" for a bad name in a list.
void refer_ns(State& vm, Namespace* into, Namespace* from, const ReferFilters& f) {
  std::vector<Symbol*> todo;
  if (f.refer_all || !f.has_list) {
    for (auto& [k, v] : publics(from)) todo.push_back(k);
  } else {
    todo = f.list;
  }
  std::vector<std::pair<Symbol*, Var*>> chosen;
  for (Symbol* s : todo) {
    if (f.exclude.count(s)) continue;
    Var* v = from->lookup(s);
    if (!v || v->ns != from || v->is_private())
      throw_error(ErrorKind::IllegalAccessError,
                  fmt::format("{} {}", s->str(), v && v->ns == from ? "is not public" : "does not exist"));
    chosen.emplace_back(s, v);
  }
  if (from == vm.core_ns() && into != from) {
    // Core is seen by fallback: hide every public core name that was not chosen (or
    // was renamed), and map renamed ones under their new names.
    into->core_excludes.clear();
    std::unordered_set<Symbol*> keep;
    for (auto& [s, v] : chosen)
      if (!f.rename.count(s)) keep.insert(s);
    for (auto& [k, v] : publics(from))
      if (!keep.count(k)) into->core_excludes.insert(k);
    for (auto& [s, v] : chosen) {
      auto r = f.rename.find(s);
      if (r == f.rename.end()) continue;
      into->mappings[r->second] = v;
      vm.heap.barrier(into, v);
      vm.heap.barrier(into, r->second);  // the key too: v may be frozen and the name new
    }
    return;
  }
  for (auto& [s, v] : chosen) {
    auto r = f.rename.find(s);
    Symbol* name = r == f.rename.end() ? s : r->second;
    Var* old = into->lookup(name);
    if (old && old != v && old->ns != into && old->ns != vm.core_ns())
      throw_error(ErrorKind::IllegalStateException,
                  fmt::format("{} already refers to: {} in namespace: {}", name->str(), var_name(old), into->name->str()));
    into->mappings[name] = v;
    vm.heap.barrier(into, v);
    vm.heap.barrier(into, name);  // the key too: v may be frozen and the name new
  }
}

void add_alias(State& vm, Namespace* into, Symbol* alias, Namespace* target) {
  auto it = into->aliases.find(alias);
  if (it != into->aliases.end() && it->second != target)
    throw_error(ErrorKind::IllegalStateException,
                fmt::format("Alias {} already exists in namespace {}, aliasing {}", alias->str(), into->name->str(),
                            it->second->name->str()));
  into->aliases[alias] = target;
  // Both: a frozen namespace (user, or the core ones) aliasing a frozen one under a new
  // symbol must still mark that symbol.
  vm.heap.barrier(into, target);
  vm.heap.barrier(into, alias);
}

// ---- require / use ----

/// One lib to load with its options (keyword/value pairs), as load-libs collects them.
struct LibSpec {
  Symbol* lib;
  std::vector<Value> opts;
};

bool is_libspec_vector(State& vm, Value v) {
  if (!is_vector(v)) return false;
  int64_t n = count(vm, v);
  if (n < 2) return true;
  Value second = nth(vm, v, 1);
  return second.is_nil() || is<Keyword>(second);
}

LibSpec libspec_from(State& vm, Value spec, Symbol* prefix, const char* fn) {
  LibSpec ls{nullptr, {}};
  Value name = spec;
  if (is_vector(spec)) {
    std::vector<Value> its = items_of(vm, spec);
    if (its.empty()) throw_error(ErrorKind::IllegalArgumentException, fmt::format("{}: empty libspec []", fn));
    name = its[0];
    ls.opts.assign(its.begin() + 1, its.end());
  }
  Symbol* s = as<Symbol>(name);
  if (!s || s->ns)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("{}: a lib name must be an unqualified symbol, got: {}", fn,
                            pr_str_bounded(vm, name)));
  if (prefix) {
    if (s->name_view().find('.') != std::string_view::npos)
      throw_error(ErrorKind::IllegalArgumentException,
                  fmt::format("Found lib name '{}' containing period with prefix '{}'.  lib names inside prefix lists must not contain periods",
                              s->str(), prefix->str()));
    s = vm.sym(prefix->str() + "." + s->str());
  }
  ls.lib = plain(vm, s);
  return ls;
}

/// Clojure's load-libs argument walk: flags, symbols, libspec vectors, prefix lists.
void collect_libs(State& vm, Args a, const char* fn, std::vector<LibSpec>* libs, bool* reload) {
  for (int i = 0; i < a.size(); ++i) {
    Value arg = a[i];
    if (Keyword* k = as<Keyword>(arg)) {
      std::string flag = k->sym->str();
      if (flag == "reload" || flag == "reload-all") *reload = true;
      else if (flag != "verbose")
        throw_error(ErrorKind::IllegalArgumentException,
                    fmt::format("Unsupported option(s) supplied: {}", pr_str_bounded(vm, arg)));
    } else if (is<Symbol>(arg) || is_libspec_vector(vm, arg)) {
      libs->push_back(libspec_from(vm, arg, nullptr, fn));
    } else if (is_vector(arg) || is_list(arg) || is_seq(arg)) {
      std::vector<Value> its = items_of(vm, arg);
      Symbol* prefix = its.empty() ? nullptr : as<Symbol>(its[0]);
      if (!prefix) throw_error(ErrorKind::IllegalArgumentException, fmt::format("{}: prefix cannot be nil", fn));
      for (size_t j = 1; j < its.size(); ++j) libs->push_back(libspec_from(vm, its[j], plain(vm, prefix), fn));
    } else {
      throw_error(ErrorKind::IllegalArgumentException,
                  fmt::format("{}: a libspec is a symbol, a vector or a prefix list, got: {}", fn,
                              pr_str_bounded(vm, arg)));
    }
  }
}

/// load-lib: loads `ls.lib` and applies :as / :as-alias / :refer (or use's refer).
void load_one(State& vm, const LibSpec& ls, bool reload, bool use, const char* fn) {
  if (ls.opts.size() % 2)
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("{}: options of {} must come in pairs", fn, ls.lib->str()));
  Symbol* as_name = nullptr;
  Symbol* as_alias = nullptr;
  bool has_refer = false;
  std::vector<Value> filters;
  std::string unsupported;
  for (size_t i = 0; i < ls.opts.size(); i += 2) {
    Keyword* k = as<Keyword>(ls.opts[i]);
    std::string key = k ? k->sym->str() : "";
    Value v = ls.opts[i + 1];
    if (key == "as" || key == "as-alias") {
      Symbol* s = as<Symbol>(v);
      if (!s) throw_error(ErrorKind::IllegalArgumentException, fmt::format("{}: :{} takes a symbol", fn, key));
      (key == "as" ? as_name : as_alias) = plain(vm, s);
    } else if (key == "refer" || key == "exclude" || key == "only" || key == "rename") {
      has_refer |= key == "refer";
      filters.push_back(ls.opts[i]);
      filters.push_back(v);
    } else if (key == "reload" || key == "reload-all" || key == "verbose") {
    } else {
      unsupported += (unsupported.empty() ? "" : ", ") + pr_str_bounded(vm, ls.opts[i]);
    }
  }
  if (!unsupported.empty())
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("Unsupported option(s) supplied: {}", unsupported));
  Namespace* into = vm.current_ns();
  bool alias_only = as_alias && !as_name && !has_refer && !use;
  if (!alias_only) load_lib(vm, ls.lib, reload);
  Namespace* target = alias_only ? vm.find_or_create_ns(ls.lib) : vm.find_ns(ls.lib);
  if (as_name) add_alias(vm, into, as_name, target);
  if (as_alias) add_alias(vm, into, as_alias, target);
  if (use || has_refer) refer_ns(vm, into, target, parse_filters(vm, filters, fn));
}

Value require_or_use(State& vm, Args a, bool use) {
  const char* fn = use ? "use" : "require";
  std::vector<LibSpec> libs;
  bool reload = false;
  collect_libs(vm, a, fn, &libs, &reload);
  // The specs' values stay reachable through the arguments on the VM stack.
  for (const LibSpec& ls : libs) load_one(vm, ls, reload, use, fn);
  return Value::nil();
}

// ---- natives ----

Value n_in_ns(State& vm, Args a) {
  Namespace* ns = vm.find_or_create_ns(arg_symbol(vm, a, 0, "in-ns"));
  vm.set_current_ns(ns);
  return Value::object(ns);
}
Value n_create_ns(State& vm, Args a) { return Value::object(vm.find_or_create_ns(arg_symbol(vm, a, 0, "create-ns"))); }
Value n_find_ns(State& vm, Args a) {
  Namespace* ns = vm.find_ns(arg_symbol(vm, a, 0, "find-ns"));
  return ns ? Value::object(ns) : Value::nil();
}
// (remove-ns sym): the namespace taken out of the map, or nil; clojure.core stays.
Value n_remove_ns(State& vm, Args a) {
  Symbol* name = arg_symbol(vm, a, 0, "remove-ns");
  if (name == vm.core_ns()->name) throw_error(ErrorKind::IllegalArgumentException, "Cannot remove clojure namespace");
  Namespace* ns = vm.remove_ns(name);
  return ns ? Value::object(ns) : Value::nil();
}
Value n_the_ns(State& vm, Args a) { return Value::object(to_ns(vm, a[0])); }
Value n_ns_name(State& vm, Args a) { return Value::object(to_ns(vm, a[0])->name); }
Value n_all_ns(State& vm, Args) {
  std::vector<Value> out;
  for (auto& [k, ns] : vm.namespaces()) out.push_back(Value::object(ns));
  return list_from(vm.heap, out.data(), out.size());
}

/// A map symbol -> var (or namespace) from pairs.
Value pairs_map(State& vm, const std::vector<std::pair<Symbol*, Obj*>>& pairs) {
  std::vector<Value> kvs;
  kvs.reserve(pairs.size() * 2);
  for (auto& [k, v] : pairs) {
    kvs.push_back(Value::object(k));
    kvs.push_back(Value::object(v));
  }
  return map_from(vm, kvs.data(), pairs.size());
}

enum class MapKind { Publics, Interns, Refers, All };

Value ns_vars(State& vm, Namespace* ns, MapKind kind) {
  std::vector<std::pair<Symbol*, Obj*>> out;
  for (auto& [k, v] : ns->mappings) {
    bool own = v->ns == ns;
    if ((kind == MapKind::Publics && own && !v->is_private()) || (kind == MapKind::Interns && own) ||
        (kind == MapKind::Refers && !own) || kind == MapKind::All)
      out.emplace_back(k, v);
  }
  if ((kind == MapKind::Refers || kind == MapKind::All) && ns != vm.core_ns()) {
    // clojure.core is referred implicitly (minus exclusions and own names).
    for (auto& [k, v] : publics(vm.core_ns()))
      if (!ns->core_excludes.count(k) && !ns->lookup(k)) out.emplace_back(k, v);
  }
  return pairs_map(vm, out);
}

Value n_ns_publics(State& vm, Args a) { return ns_vars(vm, to_ns(vm, a[0]), MapKind::Publics); }
Value n_ns_interns(State& vm, Args a) { return ns_vars(vm, to_ns(vm, a[0]), MapKind::Interns); }
Value n_ns_refers(State& vm, Args a) { return ns_vars(vm, to_ns(vm, a[0]), MapKind::Refers); }
Value n_ns_map(State& vm, Args a) { return ns_vars(vm, to_ns(vm, a[0]), MapKind::All); }
Value n_ns_aliases(State& vm, Args a) {
  Namespace* ns = to_ns(vm, a[0]);
  std::vector<std::pair<Symbol*, Obj*>> out(ns->aliases.begin(), ns->aliases.end());
  return pairs_map(vm, out);
}
Value n_ns_unmap(State& vm, Args a) {
  Namespace* ns = to_ns(vm, a[0]);
  Symbol* s = arg_symbol(vm, a, 1, "ns-unmap");
  ns->mappings.erase(s);
  if (ns != vm.core_ns() && vm.core_ns()->lookup(s)) ns->core_excludes.insert(s);
  return Value::nil();
}
Value n_ns_unalias(State& vm, Args a) {
  to_ns(vm, a[0])->aliases.erase(arg_symbol(vm, a, 1, "ns-unalias"));
  return Value::nil();
}
Value n_alias(State& vm, Args a) {
  add_alias(vm, vm.current_ns(), arg_symbol(vm, a, 0, "alias"), to_ns(vm, a[1]));
  return Value::nil();
}
Value n_refer(State& vm, Args a) {
  Namespace* from = to_ns(vm, Value::object(arg_symbol(vm, a, 0, "refer")));
  std::vector<Value> kvs;
  for (int i = 1; i < a.size(); ++i) kvs.push_back(a[i]);
  refer_ns(vm, vm.current_ns(), from, parse_filters(vm, kvs, "refer"));
  return Value::nil();
}
Value n_require(State& vm, Args a) { return require_or_use(vm, a, false); }
Value n_use(State& vm, Args a) { return require_or_use(vm, a, true); }
Value n_load(State& vm, Args a) {
  for (int i = 0; i < a.size(); ++i) load_resource(vm, arg_string(a, i, "load")->view());
  return Value::nil();
}
Value n_load_file(State& vm, Args a) { return load_file_scoped(vm, std::string(arg_string(a, 0, "load-file")->view())); }
Value n_loaded_libs(State& vm, Args) {
  std::vector<Value> libs;
  for (Symbol* s : vm.loaded_libs) libs.push_back(Value::object(s));
  Var* sorted = vm.resolve_var(vm.core_ns(), vm.sym("sorted-set"));
  if (!sorted) return set_from(vm, libs.data(), libs.size());
  return vm.call(vm.var_value(sorted), libs.data(), static_cast<int>(libs.size()));
}
Value n_lib_loaded(State& vm, Args a) {
  vm.loaded_libs.insert(arg_symbol(vm, a, 0, "-lib-loaded!"));
  return Value::nil();
}
Value n_reset_ns_meta(State& vm, Args a) {
  Namespace* ns = to_ns(vm, a[0]);
  if (!a[1].is_nil() && !is_map(a[1])) throw_error(ErrorKind::IllegalArgumentException, "namespace metadata must be a map");
  ns->meta = a[1];
  vm.heap.barrier(ns, a[1]);
  return a[1];
}

Value n_ns_resolve(State& vm, Args a) {
  Namespace* ns = to_ns(vm, a[0]);
  int si = a.size() == 3 ? 2 : 1;
  Symbol* s = arg_symbol(vm, a, si, "ns-resolve");
  if (a.size() == 3 && !a[1].is_nil() && contains(vm, a[1], Value::object(s))) return Value::nil();
  if (s->ns && !vm.find_ns(vm.sym(s->ns_view())) && !ns->aliases.count(vm.sym(s->ns_view()))) return Value::nil();
  Var* v = vm.resolve_var(ns, s);
  return v ? Value::object(v) : Value::nil();
}
Value n_resolve(State& vm, Args a) {
  int si = a.size() == 2 ? 1 : 0;
  Symbol* s = arg_symbol(vm, a, si, "resolve");
  if (a.size() == 2 && !a[0].is_nil() && contains(vm, a[0], Value::object(s))) return Value::nil();
  Var* v = vm.resolve_var(vm.current_ns(), s);
  return v ? Value::object(v) : Value::nil();
}
Value n_find_var(State& vm, Args a) {
  Symbol* s = arg_symbol(vm, a, 0, "find-var");
  if (!s->ns) throw_error(ErrorKind::IllegalArgumentException, "Symbol must be namespace-qualified");
  Namespace* ns = vm.find_ns(vm.sym(s->ns_view()));
  if (!ns) throw_error(ErrorKind::IllegalArgumentException, fmt::format("No such namespace: {}", s->ns_view()));
  Var* v = ns->lookup(vm.sym(s->name_view()));
  return v && v->ns == ns ? Value::object(v) : Value::nil();
}
Value n_intern(State& vm, Args a) {
  Namespace* ns = to_ns(vm, a[0]);
  Symbol* raw = as<Symbol>(a[1]);
  if (!raw || raw->ns)
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("intern: the name must be an unqualified symbol, got: {}",
                            pr_str_bounded(vm, a[1])));
  Var* v = vm.intern(ns, plain(vm, raw));
  if (a.size() == 3) bind_var_root(vm, v, a[2]);
  if (!raw->meta.is_nil()) {
    v->set_meta(raw->meta);
    vm.heap.barrier(v, raw->meta);
    if (get(vm, raw->meta, Value::object(vm.kw("private"))).truthy()) v->flags |= kFlagPrivate;
  }
  return Value::object(v);
}
Value n_macrop(State&, Args a) {
  Var* v = as<Var>(a[0]);
  return Value::boolean(v && v->is_macro());
}
// (f root args...) runs through the dispatch loop (State::call_then), so a fiber can
// yield inside it; the continuation stores the result as the var's root.
Value alter_var_root_k(State& vm, Args a, Value, Value nv) {
  if (!is<Var>(a[0])) bad_continuation("alter-var-root's");
  bind_var_root(vm, static_cast<Var*>(a[0].as_obj()), nv);  // validator and watches (Var.alterRoot)
  return nv;
}
// (-bind-root! v val): what def compiles to for a var that has a validator or watches
// (compiler/ir/lower.cpp, lower_def): Var.bindRoot, which runs them.
Value n_bind_root(State& vm, Args a) {
  Var* v = as<Var>(a[0]);
  if (!v)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("-bind-root!: class {} cannot be cast to class clojure.lang.Var", value_type_name(a[0])));
  bind_var_root(vm, v, a[1]);
  return a[0];
}
Value n_alter_var_root(State& vm, Args a) {
  Var* v = as<Var>(a[0]);
  if (!v)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("alter-var-root: class {} cannot be cast to class clojure.lang.Var", value_type_name(a[0])));
  std::vector<Value> args;
  args.push_back(v->bound ? v->root : Value::nil());
  for (int i = 2; i < a.size(); ++i) args.push_back(a[i]);
  return vm.call_then(a[1], args.data(), static_cast<int>(args.size()), alter_var_root_k, Value::nil());
}

/// Frames as maps {:fn "ns/name" :file "path" :line n :column n}, innermost first;
/// natives and frames without a known position are left out.
Value frames_value(State& vm, const std::vector<TraceEntry>& frames) {
  RootScope scope(vm.heap);
  std::vector<Value> out;
  for (const TraceEntry& t : frames) {
    if (!t.pos.known()) continue;
    Value kvs[8] = {Value::object(vm.kw("fn")), t.fn_name ? Value::object(t.fn_name) : Value::nil(),
                    Value::object(vm.kw("file")), string_value(vm.heap, vm.sources.name(t.pos.file)),
                    Value::object(vm.kw("line")), Value::small_int(static_cast<int32_t>(t.pos.line)),
                    Value::object(vm.kw("column")), Value::small_int(static_cast<int32_t>(t.pos.col))};
    out.push_back(map_from(vm, kvs, 4));
  }
  return vector_from(vm.heap, out.data(), out.size());
}
Value n_stack_frames(State& vm, Args) { return frames_value(vm, vm.capture_trace()); }
Value n_exception_frames(State& vm, Args a) {
  Exception* e = as<Exception>(a[0]);
  return e ? frames_value(vm, e->frames) : vector_from(vm.heap, nullptr, 0);
}

}  // namespace

void install_ns_natives(State& vm) {
  vm.def_native(C, "in-ns", n_in_ns, 1, 1, "Sets *ns* to the namespace named by the symbol, creating it if needed.", "([name])");
  vm.def_native(C, "create-ns", n_create_ns, 1, 1,
                "Gives the namespace named by the symbol, making a new empty one first when none "
                "exists yet.", "([sym])");
  vm.def_native(C, "remove-ns", n_remove_ns, 1, 1,
                "Deletes the namespace named by the symbol from the registry of namespaces and "
                "gives it back (nil if there was none); code still holding its vars keeps them. "
                "Throws IllegalArgumentException for clojure.core.", "([sym])");
  vm.def_native(C, "find-ns", n_find_ns, 1, 1,
                "Looks up the namespace named by the symbol, giving nil when there is no such "
                "namespace.", "([sym])");
  vm.def_native(C, "the-ns", n_the_ns, 1, 1,
                "Gives x back when it is a namespace, otherwise looks up the namespace that the "
                "symbol x names. Throws an Exception (\"No namespace: ... found\") when there is "
                "none.", "([x])");
  vm.def_native(C, "ns-name", n_ns_name, 1, 1,
                "Gives the symbol that names the namespace.", "([ns])");
  vm.def_native(C, "all-ns", n_all_ns, 0, 0,
                "Gives a seq of every namespace currently in the registry.", "([])");
  vm.def_native(C, "ns-publics", n_ns_publics, 1, 1,
                "Gives a map from symbol to var of the public vars interned in the namespace.",
                "([ns])");
  vm.def_native(C, "ns-interns", n_ns_interns, 1, 1,
                "Gives a map from symbol to var of all vars interned in the namespace, private "
                "ones included.", "([ns])");
  vm.def_native(C, "ns-refers", n_ns_refers, 1, 1,
                "Gives a map from symbol to var of the vars the namespace refers to from other "
                "namespaces (clojure.core's public vars included unless excluded).", "([ns])");
  vm.def_native(C, "ns-map", n_ns_map, 1, 1,
                "Gives every mapping of the namespace, interned and referred vars and imported "
                "classes alike, as a map keyed by symbol.", "([ns])");
  vm.def_native(C, "ns-aliases", n_ns_aliases, 1, 1,
                "Gives a map from alias symbol to namespace of the aliases set up in the "
                "namespace.", "([ns])");
  vm.def_native(C, "ns-unmap", n_ns_unmap, 2, 2,
                "Takes the symbol's mapping (an interned or referred var, or an import) out of "
                "the namespace.", "([ns sym])");
  vm.def_native(C, "ns-unalias", n_ns_unalias, 2, 2,
                "Takes the alias sym out of the namespace; nothing happens when there is no such "
                "alias.", "([ns sym])");
  vm.def_native(C, "alias", n_alias, 2, 2,
                "Makes alias, a symbol, a short name in the current namespace for the existing "
                "namespace named by namespace-sym, so that alias/x means namespace-sym/x. Throws "
                "an Exception when that namespace does not exist.", "([alias namespace-sym])");
  vm.def_native(C, "refer", n_refer, 1, -1,
                "Maps the public vars of the namespace named by ns-sym into the current namespace "
                "under their own names. Filters, at most one of each: :only limits it to the "
                "listed symbols, :exclude skips the listed symbols and :rename maps a var's name "
                "to the symbol to use instead. Throws IllegalAccessError for a listed name that "
                "does not exist or is not public.", "([ns-sym & filters])");
  vm.def_native(C, "require", n_require, 0, -1,
                "Loads each named lib unless it is loaded already. An argument is a libspec (a "
                "symbol, or a vector [lib :as alias :refer [names] or :refer :all]), a prefix "
                "list (prefix lib...), or a flag (:reload, :reload-all, :verbose). A lib my.lib-x "
                "is the file my/lib_x.clj, .cljc or .clove under a root of the load path.",
                "([& args])");
  vm.def_native(C, "use", n_use, 0, -1,
                "Does what require does and then refers each loaded lib's public vars into the "
                "current namespace (see refer). Libspecs may carry the refer filters :exclude, "
                ":only and :rename.", "([& args])");
  vm.def_native(C, "load", n_load, 0, -1,
                "Reads and evaluates Clove source files found on the load path, for each path "
                "given. A path that starts with a slash is taken from a load-path root; any other "
                "path is taken from the folder of the current namespace.", "([& paths])");
  vm.def_native(C, "load-file", n_load_file, 1, 1,
                "Evaluates every form of the file at path, in order, and gives the value of the "
                "last. *ns* is restored afterwards.", "([name])");
  vm.def_native(C, "loaded-libs", n_loaded_libs, 0, 0,
                "Gives a sorted set of the symbols of all libs loaded so far.", "([])");
  vm.def_native(C, "-lib-loaded!", n_lib_loaded, 1, 1, "Records the lib named by the symbol as loaded (the ns macro calls it).", "([lib])");
  vm.def_native(C, "-reset-ns-meta!", n_reset_ns_meta, 2, 2, "Sets the metadata map of a namespace (the ns macro's docstring and attr-map).", "([ns m])");
  vm.def_native(C, "ns-resolve", n_ns_resolve, 2, 3,
                "Gives the var that sym names when resolved in namespace ns, or nil when it names "
                "none; a symbol that is a key of env (the local bindings) resolves to nil.",
                "([ns sym] [ns env sym])");
  vm.def_native(C, "resolve", n_resolve, 1, 2,
                "Resolves sym in the current namespace: shorthand for (ns-resolve *ns* sym), or "
                "(ns-resolve *ns* env sym).", "([sym] [env sym])");
  vm.def_native(C, "find-var", n_find_var, 1, 1,
                "Gives the var named by the namespace-qualified symbol, or nil when that "
                "namespace has no such var.", "([sym])");
  vm.def_native(C, "intern", n_intern, 2, 3,
                "Gives the var called name in namespace ns (a namespace or its symbol), creating "
                "it if needed; with val it also sets the var's root to val. The var takes on any "
                "metadata of the name symbol. Throws an Exception when ns does not exist.",
                "([ns name] [ns name val])");
  vm.def_native(C, "alter-var-root", n_alter_var_root, 2, -1,
                "Replaces the root value of var v with (f root args...) and gives back the new "
                "root.", "([v f & args])");
  vm.def_native(C, "-macro?", n_macrop, 1, 1, "Whether v is a var holding a macro.", "([v])");
  vm.def_native(C, "-bind-root!", n_bind_root, 2, 2,
                "Sets var v's root to val after its validator accepts it, then calls its watches "
                "with the old and new roots; what def does for a var that has either. Returns v.",
                "([v val])");
  vm.def_native(C, "-stack-frames", n_stack_frames, 0, 0, "The Clove frames of the current stack, innermost first, as maps {:fn :file :line :column} (frames without a position are left out).", "([])");
  vm.def_native(C, "-exception-frames", n_exception_frames, 1, 1, "The Clove frames recorded in an exception, innermost first, as maps {:fn :file :line :column}.", "([e])");
}

// alter-var-root's continuation by name, for marshal (state/continuation.h).
const ContinuationName kAlterVarRootContinuation{"clojure.core/alter-var-root", alter_var_root_k};

}  // namespace clove
