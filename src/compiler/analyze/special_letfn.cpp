// special_letfn.cpp: (letfn* [name (fn* ...) ...] body...): mutually recursive local
// fns. All names are in scope in every fn; the closures are made first and then
// patched (SETUPVAL) with each other's values.
#include <fmt/format.h>

#include "compiler/analyze/analyzer.h"
#include "compiler/analyze/clove_mode.h"
#include "runtime/coll/coll.h"
#include "state/state.h"

namespace clove {

Node* analyze_letfn(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  if (items.size() < 2 || !is_vector(items[1]))
    a.fail(DiagKind::compile_bad_binding, ctx.pos, "Bad binding form: letfn* requires a vector for its binding");
  Value bvec = items[1];
  std::vector<Value> bs = a.items(bvec);
  if (bs.size() % 2 != 0)
    a.fail(DiagKind::compile_bad_binding, a.elem_pos(form, 1, ctx.pos),
           "letfn* requires an even number of forms in binding vector");
  LetfnNode* node = a.s.node<LetfnNode>(ctx.pos);
  size_t mark = a.scope_mark();
  for (size_t i = 0; i < bs.size(); i += 2) {
    SourcePos npos = a.elem_pos(bvec, i, ctx.pos);
    Symbol* raw = as<Symbol>(bs[i]);
    if (!raw || !raw->ns_view().empty())
      a.fail(DiagKind::compile_bad_binding, npos, fmt::format("Bad binding form, expected symbol, got: {}", a.show(bs[i])));
    check_local_shadow(a, raw, npos);
    LocalBinding* b = a.s.local(a.canonical(raw), npos);
    node->locals.push_back(b);
    a.push_local(b);
  }
  for (size_t i = 0; i < bs.size(); i += 2) {
    Value f = bs[i + 1];
    SourcePos fpos = a.elem_pos(bvec, i + 1, ctx.pos);
    std::vector<Value> fit;
    if (is_list(f) || is_seq(f)) fit = a.items(f);
    Symbol* head = fit.empty() ? nullptr : as<Symbol>(fit[0]);
    if (!head || a.canonical(head)->str() != "fn*")
      a.fail(DiagKind::compile_bad_binding, fpos, fmt::format("letfn* binding must be an fn* form, got: {}", a.show(f)));
    Ctx fctx = ctx.non_tail().at(fpos).at(a.vm.source_map.lookup(f));
    FnNode* fn = a.analyze_fn(f, fit, fctx);
    if (!fn->name) fn->name = a.s.pin(make_string(a.vm.heap, node->locals[i / 2]->name->str()));
    node->fns.push_back(fn);
  }
  node->body = a.analyze_body(items, 2, ctx, form);
  a.pop_to(mark);
  return node;
}

}  // namespace clove
