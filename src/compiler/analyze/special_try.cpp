// special_try.cpp: (try body... (catch Class e body...)* (finally body...)?).
//
// A catch class must name a known exception class (core/error.h; short or full
// name) or be :default, which catches anything. The class is kept as its full name;
// at run time clojure.core/-catches? decides whether a thrown value matches. Nothing
// in a try is in tail position, and recur may not cross it.
#include <fmt/format.h>

#include "compiler/analyze/analyzer.h"
#include "compiler/analyze/clove_mode.h"
#include "runtime/coll/coll.h"
#include "state/state.h"

namespace clove {

namespace {

/// The clause keyword of a (catch ...) or (finally ...) form, or "".
std::string_view clause_kind(Analyzer& a, Value f) {
  if (!is_list(f) && !is_seq(f)) return "";
  Value q = seq(a.vm, f);
  if (q.is_nil()) return "";
  Symbol* head = as<Symbol>(first(a.vm, q));
  if (!head || !head->ns_view().empty()) return "";
  std::string_view n = head->name_view();
  return n == "catch" || n == "finally" ? n : "";
}

}  // namespace

Node* analyze_try(Analyzer& a, Value form, const std::vector<Value>& items, const Ctx& ctx) {
  TryNode* node = a.s.node<TryNode>(ctx.pos);
  Ctx inner = ctx.non_tail();
  inner.try_depth++;
  size_t i = 1;
  while (i < items.size() && clause_kind(a, items[i]).empty()) ++i;
  std::vector<Value> body(items.begin(), items.begin() + static_cast<long>(i));
  node->body = a.analyze_body(body, 1, inner, form);
  for (; i < items.size(); ++i) {
    SourcePos cpos = a.elem_pos(form, i, ctx.pos);
    std::string_view kind = clause_kind(a, items[i]);
    if (kind.empty())
      a.fail(DiagKind::compile_bad_special_form, cpos, "Only catch or finally clause can follow catch in try expression");
    if (node->finally) a.fail(DiagKind::compile_bad_special_form, cpos, "finally clause must be last in try expression");
    std::vector<Value> cl = a.items(items[i]);
    Ctx cctx = inner.at(a.vm.source_map.lookup(items[i]));
    if (kind == "finally") {
      node->finally = a.analyze_body(cl, 1, cctx, items[i]);
      continue;
    }
    if (cl.size() < 3)
      a.fail(DiagKind::compile_bad_special_form, cctx.pos, "catch needs a class, a local name and a body");
    CatchClause c;
    c.pos = cctx.pos;
    c.class_name = nullptr;
    if (Keyword* k = as<Keyword>(cl[1]); k && k->sym->str() == "default") {
      // catches anything
    } else if (Symbol* cls = as<Symbol>(cl[1])) {
      ErrorKind ek;
      if (!error_kind_from_name(cls->str(), &ek))
        a.fail(DiagKind::compile_bad_special_form, a.elem_pos(items[i], 1, cctx.pos),
               fmt::format("Unable to resolve classname: {}", cls->str()));
      c.class_name = a.s.pin(make_string(a.vm.heap, error_class_name(ek)));
    } else {
      a.fail(DiagKind::compile_bad_special_form, a.elem_pos(items[i], 1, cctx.pos),
             fmt::format("Unable to resolve classname: {}", a.show(cl[1])));
    }
    Symbol* local = as<Symbol>(cl[2]);
    if (!local || !local->ns_view().empty())
      a.fail(DiagKind::compile_bad_binding, a.elem_pos(items[i], 2, cctx.pos),
             fmt::format("Bad binding form, expected symbol, got: {}", a.show(cl[2])));
    check_local_shadow(a, local, a.elem_pos(items[i], 2, cctx.pos));
    c.local = a.s.local(a.canonical(local), a.elem_pos(items[i], 2, cctx.pos));
    size_t mark = a.scope_mark();
    a.push_local(c.local);
    c.body = a.analyze_body(cl, 3, cctx, items[i]);
    a.pop_to(mark);
    node->catches.push_back(c);
  }
  return node;
}

Node* analyze_catch_outside_try(Analyzer& a, Value, const std::vector<Value>& items, const Ctx& ctx) {
  a.fail(DiagKind::compile_bad_special_form, ctx.pos,
         fmt::format("{} is only valid inside a try form", a.show(items[0])));
}

}  // namespace clove
