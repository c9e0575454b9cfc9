// image.cpp: save_namespaces and load_namespaces (image/image.h).
//
// The snapshot is ordinary Clove data, written and read by marshal:
//   [:clove/namespaces NAMESPACES LOADED-LIBS LAST-ID]
// NAMESPACES is a vector with one entry per namespace:
//   [ns meta OWN-VARS MAPPINGS ALIASES EXCLUDES]
// OWN-VARS is a flat vector of (var root meta flags bound?) per var the namespace owns
// (root is :clove.image/kept for a stream, and for the native def_native bound to the
// var, which the loading VM has already); MAPPINGS a flat vector of (symbol var),
// ALIASES of (symbol namespace), EXCLUDES a vector of symbols. MAPPINGS leaves out an
// own var mapped under its own name: reading the var interns it, which maps it.
#include "image/image.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/coll/vector.h"
#include "runtime/lang/function.h"
#include "runtime/num/number.h"
#include "state/state.h"

namespace clove {

namespace {

constexpr uint16_t kVarFlags = kFlagMacro | kFlagDynamic | kFlagPrivate;

/// Whether v's root is the native def_native made for it: the loading VM made the same
/// one before it reads the image (open_libs), so the image keeps that root instead of
/// naming the native again (502 of clojure.core's vars).
bool is_own_native(State& vm, Var* v) {
  auto* n = as<Native>(v->root);
  if (!n) return false;
  std::string_view full = n->name->view(), ns = v->ns->name->name_view(), name = v->sym->name_view();
  if (full.size() != ns.size() + 1 + name.size() || !full.starts_with(ns) || full[ns.size()] != '/' ||
      !full.ends_with(name))
    return false;
  return vm.natives.find(full) == n;
}

bool is_stream(Value v) {
  if (!v.is_obj()) return false;
  ObjType t = v.as_obj()->type;
  return t == ObjType::Writer || t == ObjType::StringWriter || t == ObjType::LineReader;
}

/// Orders symbols (as Values) by name, so an image does not depend on hash-table order.
bool by_name(Value a, Value b) {
  return static_cast<Symbol*>(a.as_obj())->name_view() < static_cast<Symbol*>(b.as_obj())->name_view();
}

/// The keys of a table of symbols, in name order.
template <class Table>
std::vector<Value> sorted_keys(const Table& t) {
  std::vector<Value> keys;
  for (const auto& entry : t) {
    if constexpr (requires { entry.first; })
      keys.push_back(Value::object(entry.first));
    else
      keys.push_back(Value::object(entry));
  }
  std::sort(keys.begin(), keys.end(), by_name);
  return keys;
}

[[noreturn]] void bad_image(std::string_view why) {
  throw_error(ErrorKind::IllegalArgumentException, fmt::format("load image: {}", why));
}

/// v as a vector of at least `min` elements, a multiple of `stride` long; bad_image else.
const Vector* vec(Value v, uint32_t min = 0, uint32_t stride = 1) {
  const Vector* x = as<Vector>(v);
  if (!x || x->cnt < min || x->cnt % stride != 0) bad_image("a malformed namespace entry");
  return x;
}

}  // namespace

std::string save_namespaces(State& vm, const MarshalOptions& opts) {
  RootScope scope(vm.heap);
  // With deferred bodies, var metadata is deferred too (marshal.md, "Deferred
  // bodies"): read when a program first asks for it (var_meta), which `clove -e nil`
  // never does.
  std::unordered_set<const Obj*> metas;
  MarshalOptions with_metas = opts;
  with_metas.defer_values = &metas;
  Value kept = Value::object(vm.kw("clove.image/kept"));
  std::vector<Namespace*> all;
  for (auto& [name, ns] : vm.namespaces()) all.push_back(ns);
  std::sort(all.begin(), all.end(), [](Namespace* a, Namespace* b) { return by_name(Value::object(a->name), Value::object(b->name)); });
  size_t entries = scope.push(empty_vector(vm.heap));
  for (Namespace* ns : all) {
    std::vector<Value> own, maps, aliases;
    for (Value k : sorted_keys(ns->mappings)) {
      Var* v = ns->mappings.at(static_cast<Symbol*>(k.as_obj()));
      // An own var under its own name is mapped again when the image interns it.
      if (v->ns != ns || v->sym != k.as_obj()) {
        maps.push_back(k);
        maps.push_back(Value::object(v));
      }
      if (v->ns != ns) continue;
      own.push_back(Value::object(v));
      own.push_back(is_stream(v->root) || is_own_native(vm, v) ? kept : v->root);
      Value m = var_meta(vm, v);
      own.push_back(m);
      if (m.is_obj()) metas.insert(m.as_obj());
      own.push_back(Value::small_int(v->flags & kVarFlags));
      own.push_back(Value::boolean(v->bound));
    }
    for (Value k : sorted_keys(ns->aliases)) {
      aliases.push_back(k);
      aliases.push_back(Value::object(ns->aliases.at(static_cast<Symbol*>(k.as_obj()))));
    }
    std::vector<Value> excludes = sorted_keys(ns->core_excludes);
    size_t mark = scope.push(vector_from(vm.heap, own.data(), own.size()));
    scope.push(vector_from(vm.heap, maps.data(), maps.size()));
    scope.push(vector_from(vm.heap, aliases.data(), aliases.size()));
    scope.push(vector_from(vm.heap, excludes.data(), excludes.size()));
    Value entry[] = {Value::object(ns), ns->meta, scope[mark], scope[mark + 1], scope[mark + 2], scope[mark + 3]};
    scope[entries] = conj(vm, scope[entries], vector_from(vm.heap, entry, 6));
  }
  std::vector<Value> libs = sorted_keys(vm.loaded_libs);
  size_t libs_slot = scope.push(vector_from(vm.heap, libs.data(), libs.size()));
  Value image[] = {Value::object(vm.kw("clove/namespaces")), scope[entries], scope[libs_slot],
                   make_long(vm.heap, static_cast<int64_t>(vm.last_id()))};
  size_t root = scope.push(vector_from(vm.heap, image, 4));
  return marshal(vm, scope[root], with_metas);
}

void load_namespaces(State& vm, std::string_view bytes, const UnmarshalOptions& opts) {
  RootScope scope(vm.heap);
  DeferredSource* deferred = nullptr;
  UnmarshalOptions with_out = opts;
  with_out.deferred_source = &deferred;
  size_t root = scope.push(unmarshal(vm, bytes, with_out));
  const Vector* image = vec(scope[root], 4);
  if (image->nth(0) != Value::object(vm.kw("clove/namespaces"))) bad_image("not a namespace image");
  Value kept = Value::object(vm.kw("clove.image/kept"));
  const Vector* entries = vec(image->nth(1));
  for (uint32_t i = 0; i < entries->cnt; ++i) {
    const Vector* e = vec(entries->nth(i), 6);
    Namespace* ns = as<Namespace>(e->nth(0));
    Value meta = e->nth(1);
    const Vector *own = vec(e->nth(2), 0, 5), *maps = vec(e->nth(3), 0, 2), *aliases = vec(e->nth(4), 0, 2),
                 *excludes = vec(e->nth(5));
    if (!ns || (!meta.is_nil() && !is_map(meta))) bad_image("a malformed namespace entry");
    ns->meta = meta;
    vm.heap.barrier(ns, meta);
    for (uint32_t k = 0; k < own->cnt; k += 5) {
      Var* v = as<Var>(own->nth(k));
      Value root_v = own->nth(k + 1), vmeta = own->nth(k + 2), flags = own->nth(k + 3);
      const bool lazy_meta = vmeta.is_internal();  // a deferred value (only in a lazily read image)
      if (!v || v->ns != ns || !flags.is_small_int() || (!vmeta.is_nil() && !is_map(vmeta) && !lazy_meta) ||
          (lazy_meta && !deferred))
        bad_image("a malformed var entry");
      if (root_v != kept) {
        v->root = root_v;
        v->bound = own->nth(k + 4).truthy();
      }
      if (lazy_meta) {
        v->set_meta(Value::nil());
        v->meta_source = deferred;
        v->meta_section = static_cast<uint32_t>(vmeta.as_internal());
      } else {
        v->set_meta(vmeta);
      }
      v->flags = static_cast<uint16_t>((v->flags & ~kVarFlags) | (flags.as_small_int() & kVarFlags));
      vm.heap.touch(v);
    }
    ns->mappings.reserve(ns->mappings.size() + maps->cnt / 2);
    for (uint32_t k = 0; k < maps->cnt; k += 2) {
      Symbol* s = as<Symbol>(maps->nth(k));
      Var* v = as<Var>(maps->nth(k + 1));
      if (!s || !v) bad_image("a malformed mapping");
      ns->mappings[s] = v;
    }
    for (uint32_t k = 0; k < aliases->cnt; k += 2) {
      Symbol* s = as<Symbol>(aliases->nth(k));
      Namespace* target = as<Namespace>(aliases->nth(k + 1));
      if (!s || !target) bad_image("a malformed alias");
      ns->aliases[s] = target;
    }
    for (uint32_t k = 0; k < excludes->cnt; ++k) {
      Symbol* s = as<Symbol>(excludes->nth(k));
      if (!s) bad_image("a malformed exclusion");
      ns->core_excludes.insert(s);
    }
    vm.heap.touch(ns);
    vm.heap.recount_external(ns->counted, ns->map_bytes());
  }
  const Vector* libs = vec(image->nth(2));
  for (uint32_t k = 0; k < libs->cnt; ++k)
    if (Symbol* s = as<Symbol>(libs->nth(k))) vm.loaded_libs.insert(s);
  Value last = image->nth(3);
  if (!is_long(last)) bad_image("a malformed gensym counter");
  vm.advance_ids(static_cast<uint64_t>(as_long(last)));
  vm.heap.check_limit();
}

}  // namespace clove
