// analyzer.cpp: the analyzer's core: dispatch on the kind of form, symbols,
// collection literals, calls and macroexpansion. Special forms live one per file.
#include "compiler/analyze/analyzer.h"

#include <fmt/format.h>

#include "core/stack_guard.h"
#include "compiler/analyze/clove_mode.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/list.h"
#include "runtime/lang/host_class.h"
#include "runtime/print/print.h"
#include "state/state.h"

namespace clove {

namespace {

/// Deepest nesting of forms the compiler accepts (each level costs a few C++ frames).
constexpr int kMaxDepth = 2000;
/// Instructions of the budget one form costs to compile: an estimate of the work of
/// analysing, lowering, allocating registers for and emitting it, in VM instructions.
constexpr int64_t kBudgetPerForm = 10;

bool is_seq_form(Value v) { return is_list(v) || is_seq(v); }

/// A private var is usable only from its own namespace (Clojure's "var: #'a/x is not public").
void check_public(const Analyzer& a, Var* v, SourcePos pos) {
  if (v->is_private() && v->ns != a.vm.current_ns())
    a.fail(DiagKind::compile_error, pos,
           fmt::format("var: #'{}/{} is not public", v->ns->name->str(), v->sym->str()));
}

}  // namespace

Analyzer::Analyzer(CompileSession& session) : s(session), vm(session.vm) {}

// ---- helpers ----

std::vector<Value> Analyzer::items(Value coll) {
  std::vector<Value> out;
  if (List* l = as<List>(coll)) out.reserve(static_cast<size_t>(l->count));  // most forms are lists
  for (Value q = seq(vm, coll); !q.is_nil(); q = next(vm, q)) out.push_back(s.pin(first(vm, q)));
  return out;
}

Symbol* Analyzer::canonical(Symbol* sym) { return vm.names.canonical(sym); }

SourcePos Analyzer::elem_pos(Value form, size_t i, SourcePos fallback) const {
  SourcePos p = vm.source_map.element(form, i);
  return p.known() ? p : fallback;
}

Var* Analyzer::core_var(const char* name) { return vm.intern(vm.core_ns(), vm.sym(name)); }

void Analyzer::fail(DiagKind kind, SourcePos pos, const std::string& msg, std::exception_ptr cause) const {
  Diagnostic d(kind, pos, msg);
  d.cause = std::move(cause);
  for (auto it = expansion_.rbegin(); it != expansion_.rend(); ++it) d.expansion.push_back(*it);
  throw d;
}

std::string Analyzer::show(Value form) const {
  // Printing stops after 80 characters, so a form holding huge or infinite data (a lazy
  // seq built by a macro) still makes a message.
  std::string t =
      pr_str_bounded(vm, form, PrintBounds{.length = 100, .level = 100, .max_chars = 80});
  if (t.size() > 80) t = t.substr(0, 77) + "...";
  return t;
}

size_t Analyzer::scope_mark() const { return frame_->scope.size(); }
void Analyzer::push_local(LocalBinding* b) { frame_->push(b); }
void Analyzer::pop_to(size_t mark) { frame_->pop_to(mark); }

void Analyzer::FnFrame::push(LocalBinding* b) {
  auto [it, fresh] = visible.try_emplace(b->name, b);
  hidden.push_back(fresh ? nullptr : it->second);
  it->second = b;
  scope.push_back(b);
}

void Analyzer::FnFrame::pop_to(size_t mark) {
  while (scope.size() > mark) {
    LocalBinding* b = scope.back();
    if (LocalBinding* h = hidden.back())
      visible[b->name] = h;
    else
      visible.erase(b->name);
    scope.pop_back();
    hidden.pop_back();
  }
  if (env_at.size() > mark) env_at.resize(mark);
}

LocalBinding* Analyzer::FnFrame::lookup(Symbol* name) const {
  auto it = visible.find(name);
  if (it != visible.end()) return it->second;
  if (node && node->self && node->self->name == name) return node->self;
  return nullptr;
}

Analyzer::Ref Analyzer::find(FnFrame* f, Symbol* name) {
  if (LocalBinding* b = f->lookup(name)) return Ref{b, -1};
  if (!f->parent) return {};
  Ref outer = find(f->parent, name);
  if (!outer.found()) return {};
  // Capture into f (once per local or upvalue), threading through every fn between.
  std::vector<CaptureRef>& caps = f->node->captures;
  for (size_t i = 0; i < caps.size(); ++i)
    if (caps[i].local == outer.local && (outer.local || caps[i].upval == outer.upval))
      return Ref{nullptr, static_cast<int>(i)};
  caps.push_back(CaptureRef{outer.local, outer.upval, name});
  return Ref{nullptr, static_cast<int>(caps.size() - 1)};
}

bool Analyzer::is_local(Symbol* sym) const {
  if (!sym->ns_view().empty()) return false;
  for (FnFrame* f = frame_; f; f = f->parent)
    if (f->lookup(sym)) return true;
  return false;
}

// ---- entry points ----

FnNode* Analyzer::analyze_toplevel(Value form, SourcePos where) {
  s.pin(form);
  toplevel_form = form;
  SourcePos pos = vm.source_map.lookup(form);
  if (!pos.known()) pos = where;
  FnNode* fn = s.node<FnNode>(pos);
  FnFrame frame{nullptr, fn, {}};
  frame_ = &frame;
  FnArity ar;
  ar.pos = pos;
  Ctx ctx;
  ctx.pos = pos;
  ar.body = analyze(form, ctx);
  fn->arities.push_back(std::move(ar));
  frame_ = nullptr;
  return fn;
}

Node* Analyzer::analyze(Value form, const Ctx& ctx0) {
  struct Depth {
    int& d;
    explicit Depth(int& x) : d(++x) {}
    ~Depth() { --d; }
  } depth(depth_);
  // Compiling is work done for the program: each form counts against the instruction
  // budget (SPEC V9), so a budgeted VM given a form that expands to millions stops.
  vm.charge(kBudgetPerForm);
  Ctx ctx = ctx0.at(vm.source_map.lookup(form));
  if (depth_ > kMaxDepth) fail(DiagKind::compile_too_large, ctx.pos, "Form too deeply nested to compile");
  if (native_stack_remaining() < 512 * 1024)
    fail(DiagKind::compile_too_large, ctx.pos, "Form too deeply nested to compile (native stack exhausted)");

  if (Symbol* sym = as<Symbol>(form)) return analyze_symbol(sym, ctx);
  if (is_seq_form(form)) return analyze_seq(form, ctx);
  if (is_vector(form) || is_map(form) || is_set(form)) return analyze_coll(form, ctx);
  return s.node<ConstNode>(ctx.pos, form);
}

Node* Analyzer::analyze_body(const std::vector<Value>& forms, size_t from, const Ctx& ctx, Value parent) {
  if (from >= forms.size()) return s.node<ConstNode>(ctx.pos, Value::nil());
  if (from + 1 == forms.size()) return analyze(forms[from], ctx.at(elem_pos(parent, from, ctx.pos)));
  std::vector<Node*> body;
  for (size_t i = from; i < forms.size(); ++i) {
    Ctx c = i + 1 == forms.size() ? ctx : ctx.non_tail();
    body.push_back(analyze(forms[i], c.at(elem_pos(parent, i, ctx.pos))));
  }
  return s.node<DoNode>(ctx.pos, std::move(body));
}

// ---- symbols ----

namespace {
// package.Class: unqualified, dotted, no empty segment, the last segment capitalized.
bool looks_like_class_name(const Symbol* s) {
  if (s->ns) return false;
  std::string_view n = s->name_view();
  size_t dot = n.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= n.size() || n.find("..") != std::string_view::npos)
    return false;
  return n[dot + 1] >= 'A' && n[dot + 1] <= 'Z' && n.front() != '.';
}
}  // namespace

Node* Analyzer::analyze_symbol(Symbol* raw, const Ctx& ctx) {
  Symbol* sym = canonical(raw);
  if (sym->ns_view().empty()) {
    Ref r = find(frame_, sym);
    if (r.local) return s.node<LocalNode>(ctx.pos, r.local);
    if (r.upval >= 0) return s.node<UpvalNode>(ctx.pos, r.upval, sym);
  }
  Var* v = vm.resolve_var(vm.current_ns(), sym);
  // A Java class Clove does not know (java.net.URI) names itself: a class no Clove
  // value belongs to (host_class.h), so code that only mentions it compiles.
  if (!v && looks_like_class_name(sym)) return s.node<ConstNode>(ctx.pos, Value::object(sym));
  if (!v)
    fail(DiagKind::compile_unresolved_symbol, ctx.pos,
         fmt::format("Unable to resolve symbol: {} in this context", sym->str()));
  check_public(*this, v, ctx.pos);
  if (v->is_macro())
    fail(DiagKind::compile_error, ctx.pos,
         fmt::format("Can't take value of a macro: #'{}/{}", v->ns->name->str(), v->sym->str()));
  return s.node<VarRefNode>(ctx.pos, v);
}

// ---- lists: special forms, macros, inlined core fns, calls ----

Node* Analyzer::analyze_seq(Value form, const Ctx& ctx) {
  std::vector<Value> its = items(form);
  if (its.empty()) return s.node<ConstNode>(ctx.pos, s.pin(list_from(vm.heap, nullptr, 0)));
  if (Symbol* raw = as<Symbol>(its[0])) {
    Symbol* head = canonical(raw);
    if (head->ns_view().empty())
      if (SpecialForm sf = find_special_form(head->name_view())) return sf(*this, form, its, ctx);
    if (!is_local(head)) {
      Var* v = vm.resolve_var(vm.current_ns(), head);
      if (is_comptime_unquote(*this, head, v, ctx)) return analyze_comptime_unquote(*this, form, its, ctx);
      if (v && v->is_macro()) {
        check_public(*this, v, ctx.pos);
        Value expanded;
        try {
          expanded = s.pin(expand_macro(vm, v, form, its, macro_env()));
        } catch (const VMAbort&) {
          throw;  // a spent budget stops everything, compilation included
        } catch (const CloveError& e) {
          // The VM's limits pass through as themselves, catchable as such.
          if (e.kind == ErrorKind::OutOfMemoryError || e.kind == ErrorKind::InterruptedError) throw;
          fail(DiagKind::compile_macro_error, ctx.pos,
               fmt::format("Error macroexpanding {}: {}", head->str(), e.what()), std::current_exception());
        }
        expansion_.push_back(ctx.pos);
        Node* n = analyze(expanded, ctx);
        expansion_.pop_back();
        return n;
      }
      if (v && v->ns == vm.core_ns()) {
        if (Node* n = try_inline(*this, v, form, its, ctx)) return n;
      } else if (v) {
        if (Node* n = try_leaf_call(*this, v, form, its, ctx)) return n;
      }
      std::string_view nm = head->name_view();
      if (!v && head->ns_view().empty() && nm == ".") return analyze_dot(form, its, ctx);
      if (!v && head->ns_view().empty() && nm == "new") {
        // (new ClassName args...) is (ClassName. args...)
        Symbol* cls = its.size() >= 2 ? as<Symbol>(its[1]) : nullptr;
        if (!cls) fail(DiagKind::compile_bad_special_form, ctx.pos, "Unable to resolve classname: (new needs a class name)");
        std::vector<Node*> args;
        args.push_back(s.node<ConstNode>(ctx.pos, s.pin(string_value(vm.heap, cls->str()))));
        for (size_t i = 2; i < its.size(); ++i) args.push_back(analyze(its[i], ctx.non_tail().at(elem_pos(form, i, ctx.pos))));
        return s.node<InvokeNode>(ctx.pos, s.node<VarRefNode>(ctx.pos, core_var("-new")), std::move(args));
      }
      if (!v && head->ns_view().empty() && nm.size() > 1 && nm[0] == '.' && nm != "..") {
        // (.method target args...) -> (clojure.core/-invoke-method target "method" args...)
        if (its.size() < 2)
          fail(DiagKind::compile_bad_special_form, ctx.pos,
               fmt::format("Malformed member expression, expecting (.member target ...)"));
        std::vector<Value> call{its[1], s.pin(string_value(vm.heap, nm.substr(1)))};
        call.insert(call.end(), its.begin() + 2, its.end());
        return analyze_method_call(form, call, ctx);
      }
      if (!v && head->ns_view().empty() && nm.size() > 1 && nm.back() == '.') {
        // (ClassName. args...) -> (clojure.core/-new "ClassName" args...)
        std::vector<Node*> args;
        args.push_back(s.node<ConstNode>(ctx.pos, s.pin(string_value(vm.heap, nm.substr(0, nm.size() - 1)))));
        for (size_t i = 1; i < its.size(); ++i) args.push_back(analyze(its[i], ctx.non_tail().at(elem_pos(form, i, ctx.pos))));
        return s.node<InvokeNode>(ctx.pos, s.node<VarRefNode>(ctx.pos, core_var("-new")), std::move(args));
      }
    }
  }
  return analyze_invoke(form, its, ctx);
}

// (. target member args...) / (. target (member args...)): Clojure's member access.
// A target symbol that names no local or var but a class (Math, System, Integer...) makes
// it a static call, (Class/member args...); otherwise it is an instance method call.
Node* Analyzer::analyze_dot(Value form, const std::vector<Value>& its, const Ctx& ctx) {
  if (its.size() < 3)
    fail(DiagKind::compile_bad_special_form, ctx.pos, "Malformed member expression, expecting (. target member ...)");
  std::vector<Value> member;
  if (is_list(its[2]) || is_seq(its[2])) {
    if (its.size() != 3)
      fail(DiagKind::compile_bad_special_form, ctx.pos, "Malformed member expression, expecting (. target (member args...))");
    member = items(its[2]);
  } else {
    member.assign(its.begin() + 2, its.end());
  }
  Symbol* name = member.empty() ? nullptr : as<Symbol>(member[0]);
  if (!name || !name->ns_view().empty())
    fail(DiagKind::compile_bad_special_form, ctx.pos, "Malformed member expression: the member must be a simple symbol");
  if (Symbol* cls = as<Symbol>(its[1]);
      cls && cls->ns_view().empty() && !is_local(canonical(cls)) &&
      (!vm.resolve_var(vm.current_ns(), canonical(cls)) || is_class(vm, Value::object(canonical(cls))))) {
    // A static member: (Class/member args...).
    std::string q = std::string(cls->name_view()) + "/" + std::string(name->name_view());
    std::vector<Value> call{Value::object(vm.sym(q))};
    call.insert(call.end(), member.begin() + 1, member.end());
    return analyze(s.pin(list_from(vm.heap, call.data(), call.size())), ctx);
  }
  std::vector<Value> call{its[1], s.pin(string_value(vm.heap, name->name_view()))};
  call.insert(call.end(), member.begin() + 1, member.end());
  return analyze_method_call(form, call, ctx);
}

// call = [target "name" args...] -> (clojure.core/-invoke-method target "name" args...)
Node* Analyzer::analyze_method_call(Value form, const std::vector<Value>& call, const Ctx& ctx) {
  Ctx c = ctx.non_tail();
  std::vector<Node*> args;
  args.push_back(analyze(call[0], c));
  args.push_back(s.node<ConstNode>(ctx.pos, call[1]));
  for (size_t i = 2; i < call.size(); ++i) args.push_back(analyze(call[i], c));
  (void)form;
  return s.node<InvokeNode>(ctx.pos, s.node<VarRefNode>(ctx.pos, core_var("-invoke-method")), std::move(args));
}

Node* Analyzer::analyze_invoke(Value form, const std::vector<Value>& its, const Ctx& ctx) {
  Ctx c = ctx.non_tail();
  Node* fn = analyze(its[0], c.at(elem_pos(form, 0, ctx.pos)));
  std::vector<Node*> args;
  args.reserve(its.size() - 1);
  for (size_t i = 1; i < its.size(); ++i) args.push_back(analyze(its[i], c.at(elem_pos(form, i, ctx.pos))));
  if (args.size() > static_cast<size_t>(kMaxCallArgs)) {
    // Too many for one call window: (apply f [args...]).
    Node* vec = s.node<CollNode>(ctx.pos, CollKind::Vector, std::move(args));
    std::vector<Node*> apply_args{fn, vec};
    return s.node<InvokeNode>(ctx.pos, s.node<VarRefNode>(ctx.pos, core_var("apply")), std::move(apply_args));
  }
  // (:k m) is (get m :k), as Keyword.invoke is RT.get: the GET instruction, no call;
  // (:k m not-found) is (get m :k not-found), GETD.
  if (fn->kind == NodeKind::Const && is<Keyword>(static_cast<ConstNode*>(fn)->value)) {
    if (args.size() == 1) return s.node<PrimNode>(ctx.pos, PrimOp::Get, std::vector<Node*>{args[0], fn});
    if (args.size() == 2) return s.node<PrimNode>(ctx.pos, PrimOp::Get, std::vector<Node*>{args[0], fn, args[1]});
  }
  return s.node<InvokeNode>(ctx.pos, fn, std::move(args));
}

// ---- collection literals ----

// Metadata on a collection literal is evaluated and attached to the value made, as
// Clojure's MetaExpr: ^{:k f} [x] is (with-meta [x] {:k f}). A literal collection with
// literal metadata stays one constant.
Node* Analyzer::analyze_coll(Value form, const Ctx& ctx) {
  Node* coll = analyze_coll_items(form, ctx);
  Value m = meta(form);
  if (m.is_nil()) return coll;
  Node* mn = analyze(m, ctx.non_tail());
  bool literal_form = coll->kind == NodeKind::Const && static_cast<ConstNode*>(coll)->value == form;
  bool literal_meta = mn->kind == NodeKind::Const && static_cast<ConstNode*>(mn)->value == m;
  if (literal_form && literal_meta) return coll;
  std::vector<Node*> args{coll, mn};
  return s.node<InvokeNode>(ctx.pos, s.node<VarRefNode>(ctx.pos, core_var("with-meta")), std::move(args));
}

Node* Analyzer::analyze_coll_items(Value form, const Ctx& ctx) {
  CollKind kind = is_vector(form) ? CollKind::Vector : is_map(form) ? CollKind::Map : CollKind::Set;
  std::vector<Value> elems;
  if (kind == CollKind::Map) {
    for (Value entry : items(form)) {
      elems.push_back(s.pin(nth(vm, entry, 0)));
      elems.push_back(s.pin(nth(vm, entry, 1)));
    }
  } else {
    elems = items(form);
  }
  Ctx c = ctx.non_tail();
  std::vector<Node*> nodes;
  nodes.reserve(elems.size());
  bool all_const = true, all_literal = true;
  for (size_t i = 0; i < elems.size(); ++i) {
    Node* n = analyze(elems[i], c.at(elem_pos(form, i, ctx.pos)));
    if (n->kind != NodeKind::Const) {
      all_const = false;
    } else if (static_cast<ConstNode*>(n)->value != elems[i]) {
      all_literal = false;
    }
    nodes.push_back(n);
  }
  if (!all_const) return s.node<CollNode>(ctx.pos, kind, std::move(nodes));
  if (all_literal) return s.node<ConstNode>(ctx.pos, form);
  std::vector<Value> vals;
  for (Node* n : nodes) vals.push_back(static_cast<ConstNode*>(n)->value);
  Value v = kind == CollKind::Vector ? vector_from(vm.heap, vals.data(), vals.size())
            : kind == CollKind::Map  ? map_from(vm, vals.data(), vals.size() / 2)
                                     : set_from(vm, vals.data(), vals.size());
  return s.node<ConstNode>(ctx.pos, s.pin(v));
}

}  // namespace clove
