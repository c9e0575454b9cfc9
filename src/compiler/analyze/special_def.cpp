// special_def.cpp: (def name), (def name init), (def name "doc" init).
//
// The var is interned when the form is compiled, so later forms can refer to it; its
// flags (^:dynamic, ^:private, ^:macro) and metadata are set then too. At run time the
// init value becomes the var's root, and the form's value is the var.
#include <fmt/format.h>

#include "compiler/analyze/analyzer.h"
#include "compiler/compiler.h"
#include "runtime/coll/coll.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

namespace {

bool meta_flag(State& vm, Value meta, const char* key) {
  if (meta.is_nil()) return false;
  return get(vm, meta, Value::object(vm.kw(key))).truthy();
}

/// The var's metadata map with its values evaluated, as Clojure evaluates the map
/// (`^{:arglists '([x])}` holds ([x]), not (quote ([x]))). Evaluation happens when the def
/// is compiled: quoted values are unwrapped, other non-literal values (calls, symbols)
/// are evaluated then; a value that needs the def's own locals is not supported.
Value evaluate_meta(Analyzer& a, Value meta) {
  State& vm = a.vm;
  if (!is_map(meta)) return meta;
  Value quote = Value::object(vm.sym("quote"));
  Value out = meta;
  // eval_form may collect: the map's seq is a fresh object, so each step is pinned.
  for (Value s = a.s.pin(seq(vm, meta)); !s.is_nil(); s = a.s.pin(next(vm, s))) {
    Value e = first(vm, s);
    Value k = nth(vm, e, 0), v = nth(vm, e, 1);
    Value nv = v;
    if (is_seq(v) || is_list(v)) {
      if (count(vm, v) == 2 && first(vm, v) == quote)
        nv = first(vm, next(vm, v));
      else if (count(vm, v) > 0)
        nv = a.s.pin(eval_form(vm, v));
    } else if (Symbol* sym = as<Symbol>(v)) {
      (void)sym;
      nv = a.s.pin(eval_form(vm, v));
    }
    if (nv != v) out = a.s.pin(assoc(vm, out, k, nv));
  }
  return out;
}

}  // namespace

Node* analyze_def(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  State& vm = a.vm;
  if (items.size() < 2) a.fail(DiagKind::compile_bad_special_form, ctx.pos, "Too few arguments to def");
  if (items.size() > 4) a.fail(DiagKind::compile_bad_special_form, ctx.pos, "Too many arguments to def");
  Symbol* raw = as<Symbol>(items[1]);
  SourcePos npos = a.elem_pos(form, 1, ctx.pos);
  if (!raw) a.fail(DiagKind::compile_bad_special_form, npos, "First argument to def must be a Symbol");
  Namespace* ns = vm.current_ns();
  if (!raw->ns_view().empty() && raw->ns_view() != ns->name->name_view())
    a.fail(DiagKind::compile_bad_special_form, npos,
           fmt::format("Can't create defs outside of current ns: {}", raw->str()));
  bool has_doc = items.size() == 4;
  if (has_doc && !is<String>(items[2]))
    a.fail(DiagKind::compile_bad_special_form, a.elem_pos(form, 2, ctx.pos), "Docstring to def must be a String");
  Symbol* name = vm.sym(raw->name_view());
  Var* var = vm.intern(ns, name);

  Value meta = raw->meta;
  var->flags &= static_cast<uint16_t>(~(kFlagDynamic | kFlagPrivate | kFlagMacro));
  if (meta_flag(vm, meta, "dynamic")) var->flags |= kFlagDynamic;
  if (meta_flag(vm, meta, "private")) var->flags |= kFlagPrivate;
  if (meta_flag(vm, meta, "macro")) var->flags |= kFlagMacro;
  Value m = meta.is_nil() ? map_from(vm, nullptr, 0) : evaluate_meta(a, meta);
  auto put = [&](const char* k, Value v) { m = a.s.pin(assoc(vm, m, Value::object(vm.kw(k)), v)); };
  put("name", Value::object(name));
  put("ns", Value::object(ns));
  if (ctx.pos.known()) {
    put("line", Value::small_int(ctx.pos.line));
    put("column", Value::small_int(ctx.pos.col));
    put("file", a.s.pin(string_value(vm.heap, vm.sources.name(ctx.pos.file))));
  }
  if (has_doc) put("doc", items[2]);
  var->set_meta(m);
  vm.heap.barrier(var, m);

  Node* init = nullptr;
  if (items.size() >= 3) {
    init = a.analyze(items.back(), ctx.non_tail().at(a.elem_pos(form, items.size() - 1, ctx.pos)));
    if (init->kind == NodeKind::Fn) {
      auto* fn = static_cast<FnNode*>(init);
      if (!fn->name) fn->name = a.s.pin(make_string(vm.heap, ns->name->str() + "/" + name->str()));
    }
  }
  return a.s.node<DefNode>(ctx.pos, var, init);
}

}  // namespace clove
