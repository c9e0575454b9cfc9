// special_fn.cpp: (fn* name? [params] body...) and (fn* name? ([params] body...) ...).
//
// Every arity is its own Proto; all arities share the fn's upvalue list. `&` before the
// last parameter makes the arity variadic. The optional name is a local bound to the
// closure itself. Parameters are plain symbols (destructuring is the fn macro's job).
// `^{:once true} fn*` marks a fn called at most once (FnNode::once).
#include <fmt/format.h>

#include "compiler/analyze/analyzer.h"
#include "compiler/analyze/clove_mode.h"
#include "runtime/coll/coll.h"
#include "state/state.h"

namespace clove {

FnNode* Analyzer::analyze_fn(Value form, const std::vector<Value>& its, const Ctx& ctx) {
  FnNode* fn = s.node<FnNode>(ctx.pos);
  // ^{:once true} on the fn* symbol (as lazy-seq writes it): a fn called at most once.
  fn->once = get(vm, meta(its[0]), Value::object(vm.kw("once"))).truthy();
  size_t i = 1;
  if (i < its.size()) {
    if (Symbol* name = as<Symbol>(its[i])) {
      Symbol* n = canonical(name);
      fn->self = s.local(n, elem_pos(form, i, ctx.pos));
      fn->self->is_self = true;
      fn->name = s.pin(make_string(vm.heap, n->str()));
      ++i;
    }
  }
  // The arity forms: ([params] body...) each, or one [params] body... directly.
  std::vector<std::pair<Value, SourcePos>> arity_forms;
  if (i < its.size() && is_vector(its[i])) {
    arity_forms.push_back({Value::nil(), ctx.pos});
  } else {
    for (; i < its.size(); ++i) {
      SourcePos p = elem_pos(form, i, ctx.pos);
      if (!is_list(its[i]) && !is_seq(its[i]))
        fail(DiagKind::compile_bad_special_form, p, fmt::format("Invalid fn* arity: {}", show(its[i])));
      arity_forms.push_back({its[i], p});
    }
  }
  if (arity_forms.empty()) fail(DiagKind::compile_bad_special_form, ctx.pos, "fn* needs a parameter vector");

  FnFrame frame{frame_, fn, {}};
  frame_ = &frame;
  struct Restore {
    FnFrame*& f;
    FnFrame* old;
    ~Restore() { f = old; }
  } restore{frame_, frame.parent};

  bool seen_variadic = false;
  int max_fixed = -1;
  // RecurNodes point at their arity's RecurTarget inside fn->arities: the vector must
  // never reallocate while arities are analyzed.
  fn->arities.reserve(arity_forms.size());
  for (auto& [aform, apos] : arity_forms) {
    std::vector<Value> body_items;
    Value owner;
    size_t body_from;
    Value params;
    if (aform.is_nil()) {
      body_items = its;
      owner = form;
      params = its[i];
      body_from = i + 1;
    } else {
      body_items = items(aform);
      owner = aform;
      if (body_items.empty() || !is_vector(body_items[0]))
        fail(DiagKind::compile_bad_special_form, apos, "Parameter declaration missing: fn* arity needs a vector");
      params = body_items[0];
      body_from = 1;
    }
    SourcePos ppos = vm.source_map.lookup(params).known() ? vm.source_map.lookup(params) : apos;
    FnArity ar;
    ar.pos = apos;
    std::vector<Value> ps = items(params);
    for (size_t k = 0; k < ps.size(); ++k) {
      SourcePos p = elem_pos(params, k, ppos);
      Symbol* raw = as<Symbol>(ps[k]);
      if (!raw || !raw->ns_view().empty())
        fail(DiagKind::compile_bad_binding, p, fmt::format("fn params must be Symbols, got: {}", show(ps[k])));
      Symbol* sym = canonical(raw);
      if (sym->name_view() == "&" ) {
        if (ar.variadic || k + 2 != ps.size())
          fail(DiagKind::compile_bad_binding, p, "Invalid parameter list: & must be followed by exactly one parameter");
        ar.variadic = true;
        continue;
      }
      check_local_shadow(*this, raw, p);
      ar.params.push_back(s.local(sym, p));
    }
    if (ar.nfixed() > kMaxParams)
      fail(DiagKind::compile_too_large, ppos, fmt::format("Can't specify more than {} params", kMaxParams));
    if (ar.variadic) {
      if (seen_variadic) fail(DiagKind::compile_bad_special_form, apos, "Can't have more than 1 variadic overload");
      seen_variadic = true;
    }
    for (const FnArity& other : fn->arities)
      if (!other.variadic && !ar.variadic && other.nfixed() == ar.nfixed())
        fail(DiagKind::compile_bad_special_form, apos, "Can't have 2 overloads with same arity");
    if (!ar.variadic) max_fixed = std::max(max_fixed, ar.nfixed());
    ar.target = RecurTarget{static_cast<int>(ar.params.size()), 0, false};
    fn->arities.push_back(std::move(ar));
    FnArity& stored = fn->arities.back();
    frame.pop_to(0);
    for (LocalBinding* b : stored.params) frame.push(b);
    Ctx body_ctx;
    body_ctx.tail = true;
    body_ctx.recur = &stored.target;
    body_ctx.try_depth = 0;
    body_ctx.pos = apos;
    stored.body = analyze_body(body_items, body_from, body_ctx, owner);
  }
  for (const FnArity& ar : fn->arities)
    if (ar.variadic && max_fixed > ar.nfixed())
      fail(DiagKind::compile_bad_special_form, ctx.pos,
           "Can't have fixed arity function with more params than variadic function");
  return fn;
}

Node* analyze_fn_form(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  return a.analyze_fn(form, items, ctx);
}

}  // namespace clove
