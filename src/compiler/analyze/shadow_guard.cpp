// shadow_guard.cpp: the .clove shadowing guard (SPEC L14); see clove_mode.h.
#include <fmt/format.h>

#include "compiler/analyze/clove_mode.h"
#include "runtime/coll/coll.h"
#include "runtime/print/print.h"
#include "state/state.h"

namespace clove {

namespace {

/// "file:line:col" from a var's :file/:line/:column metadata, or "" when it has none.
std::string var_definition_site(State& vm, Var* v) {
  Value meta = var_meta(vm, v);
  if (meta.is_nil()) return "";
  Value file = get(vm, meta, Value::object(vm.kw("file")));
  Value line = get(vm, meta, Value::object(vm.kw("line")));
  if (file.is_nil() || line.is_nil()) return "";
  std::string site = fmt::format("{}:{}", str_of(vm, file), str_of(vm, line));
  Value col = get(vm, meta, Value::object(vm.kw("column")));
  if (!col.is_nil()) site += ":" + str_of(vm, col);
  return site;
}

bool at_or_after(SourcePos p, SourcePos from) {
  return p.known() && p.file == from.file && (p.line > from.line || (p.line == from.line && p.col >= from.col));
}

/// Where symbol `name` is first written as an element of a vector inside `form`, in
/// source order, at or after `from` (a binding symbol of a destructuring form or of a
/// macro's binding vector, whose rebuilt vector has no positions); `from` if nowhere.
/// Lists and maps are searched through; only vectors hold binding symbols.
SourcePos find_binding_site(State& vm, Value form, Symbol* name, SourcePos from, int depth) {
  if (depth > 500 || !form.is_obj()) return {};
  if (is_vector(form)) {
    int64_t n = count(vm, form);
    for (int64_t i = 0; i < n; ++i) {
      Value e = nth(vm, form, i);
      if (Symbol* s = as<Symbol>(e); s && s->ns_view().empty() && s->name_view() == name->name_view()) {
        SourcePos p = vm.source_map.element(form, static_cast<size_t>(i));
        if (at_or_after(p, from)) return p;
      } else {
        SourcePos p = find_binding_site(vm, e, name, from, depth + 1);
        if (p.known()) return p;
      }
    }
    return {};
  }
  if (is_list(form) || is_seq(form) || is_map(form)) {
    for (Value q = seq(vm, form); !q.is_nil(); q = next(vm, q)) {
      Value e = first(vm, q);
      if (is_map(form)) {  // an entry: its key and value
        SourcePos p = find_binding_site(vm, nth(vm, e, 0), name, from, depth + 1);
        if (!p.known()) p = find_binding_site(vm, nth(vm, e, 1), name, from, depth + 1);
        if (p.known()) return p;
        continue;
      }
      SourcePos p = find_binding_site(vm, e, name, from, depth + 1);
      if (p.known()) return p;
    }
  }
  return {};
}

bool allows_shadow(State& vm, Symbol* raw) {
  return !raw->meta.is_nil() && get(vm, raw->meta, Value::object(vm.kw("clove/allow-shadow"))).truthy();
}

}  // namespace

bool clove_rules_apply(const Analyzer& a, SourcePos pos) {
  if (!a.vm.compiling_clove_file) return false;
  if (!pos.known()) return true;
  return a.vm.sources.name(pos.file).ends_with(".clove");
}

bool is_generated_name(std::string_view name) {
  if (!name.empty() && name.back() == '#') return true;
  for (size_t i = name.find("__"); i != std::string_view::npos; i = name.find("__", i + 1))
    if (i + 2 < name.size() && name[i + 2] >= '0' && name[i + 2] <= '9') return true;
  return false;
}

void check_local_shadow(Analyzer& a, Symbol* raw, SourcePos pos) {
  if (!clove_rules_apply(a, pos)) return;
  if (is_generated_name(raw->name_view()) || allows_shadow(a.vm, raw)) return;
  Var* v = a.vm.resolve_var(a.vm.current_ns(), a.canonical(raw));
  if (!v) return;
  // A binding vector a macro rebuilt (destructuring, match) has no positions, so `pos`
  // is the macro call; the symbol as written in the source is found from there.
  if (pos.known()) {
    SourcePos site = find_binding_site(a.vm, a.toplevel_form, raw, pos, 0);
    if (site.known()) pos = site;
  }
  std::string var_name = fmt::format("#'{}/{}", v->ns->name->str(), v->sym->str());
  std::string site = var_definition_site(a.vm, v);
  a.fail(DiagKind::compile_shadowing, pos,
         fmt::format("Local `{}` at {} shadows var {}{}; rename the local, or bind it with let-shadow "
                     "to shadow on purpose",
                     raw->name_view(), a.vm.sources.format(pos), var_name,
                     site.empty() ? "" : fmt::format(" (defined at {})", site)));
}

}  // namespace clove
