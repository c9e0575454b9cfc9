// lang.cpp: clojure.core natives about values in general: identity and equality,
// names, functions, exceptions, metadata; plus the hooks the compiler emits calls to
// (-new, -catches?, -set-var!, set-macro!).
#include "runtime/lang/user_type.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/map_ops.h"
#include "eval/data_readers.h"
#include "runtime/lang/class_value.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/record.h"
#include "runtime/lang/unbound.h"
#include "natives/args.h"
#include "runtime/lang/seq_fns.h"
#include "compiler/compiler.h"
#include "eval/eval.h"
#include "reader/reader.h"
#include "runtime/print/print.h"
#include "runtime/host/stream.h"
#include "state/continuation.h"

namespace clove {

namespace {

Value l_identical(State&, Args a) { return Value::boolean(a[0] == a[1]); }
Value l_equal(State& vm, Args a) {
  for (int i = 0; i + 1 < a.size(); ++i)
    if (!equiv(vm, a[i], a[i + 1])) return Value::f();
  return Value::t();
}
Value l_not_equal(State& vm, Args a) { return Value::boolean(!l_equal(vm, a).truthy()); }
Value l_not(State&, Args a) { return Value::boolean(!a[0].truthy()); }
Value l_hash(State& vm, Args a) { return Value::small_int(static_cast<int32_t>(hash(vm, a[0]))); }
Value l_compare(State& vm, Args a) { return Value::small_int(compare(vm, a[0], a[1])); }
Value l_nilp(State&, Args a) { return Value::boolean(a[0].is_nil()); }
Value l_somep(State&, Args a) { return Value::boolean(!a[0].is_nil()); }
Value l_truep(State&, Args a) { return Value::boolean(a[0].is_true()); }
Value l_falsep(State&, Args a) { return Value::boolean(a[0].is_false()); }
Value l_booleanp(State&, Args a) { return Value::boolean(a[0].is_bool()); }
Value l_boolean(State&, Args a) { return Value::boolean(a[0].truthy()); }
Value l_fnp(State&, Args a) { return Value::boolean(is_fn(a[0])); }
Value l_ifnp(State&, Args a) {
  Value v = a[0];
  if (const Interfaces* i = interfaces_of(v)) return Value::boolean(i->traits & trait::IFn);
  return Value::boolean(is_fn(v) || is<Keyword>(v) || is<Symbol>(v) || is_map(v) || is_set(v) || is_vector(v) || is<Var>(v));
}
Value l_symbolp(State&, Args a) { return Value::boolean(is<Symbol>(a[0])); }
Value l_keywordp(State&, Args a) { return Value::boolean(is<Keyword>(a[0])); }
Value l_stringp(State&, Args a) { return Value::boolean(is<String>(a[0])); }
Value l_charp(State&, Args a) { return Value::boolean(a[0].is_char()); }
Value l_varp(State&, Args a) { return Value::boolean(is<Var>(a[0])); }

Value l_class(State& vm, Args a) { return class_of(vm, a[0]); }
Value l_type(State& vm, Args a) {
  Value t = get(vm, meta(a[0]), Value::object(vm.kw("type")));
  return t.is_nil() ? class_of(vm, a[0]) : t;
}

// An empty namespace string names the namespace "" (`/a`, `:/a`), as on the JVM, not
// no namespace: (symbol "" "a") is not 'a.
Symbol* symbol_in(State& vm, Value ns, std::string_view name) {
  if (ns.is_nil()) return vm.names.symbol({}, name);
  std::string_view n = as<String>(ns)->view();
  return n.empty() ? vm.names.symbol_empty_ns(name) : vm.names.symbol(n, name);
}
// Symbol.intern(String) as (symbol s) and (keyword s) use it: the namespace is what
// precedes the first '/', unless s is "/" ("/a" is /a in the namespace "", "a/" is the
// name "" in the namespace a).
Symbol* parse_symbol(State& vm, std::string_view q) {
  size_t slash = q.find('/');
  if (slash == std::string_view::npos || q == "/") return vm.names.symbol({}, q);
  std::string_view ns = q.substr(0, slash), name = q.substr(slash + 1);
  return ns.empty() ? vm.names.symbol_empty_ns(name) : vm.names.symbol(ns, name);
}
Keyword* keyword_of(State& vm, const Symbol* s) {
  if (s->ns && s->ns_view().empty()) return vm.names.keyword_empty_ns(s->name_view());
  return vm.names.keyword(s->ns_view(), s->name_view());
}

Value l_symbol(State& vm, Args a) {
  if (a.size() == 1) {
    if (is<Symbol>(a[0])) return a[0];
    if (Keyword* k = as<Keyword>(a[0])) return Value::object(k->sym);
    if (Var* v = as<Var>(a[0])) return Value::object(vm.names.symbol(v->ns->name->name_view(), v->sym->name_view()));
    if (!is<String>(a[0])) throw_error(ErrorKind::IllegalArgumentException, "no conversion to symbol");
    return Value::object(parse_symbol(vm, as<String>(a[0])->view()));
  }
  if (!a[0].is_nil()) arg_string(a, 0, "symbol");
  return Value::object(symbol_in(vm, a[0], arg_string(a, 1, "symbol")->view()));
}
Value l_keyword(State& vm, Args a) {
  if (a.size() == 1) {
    if (is<Keyword>(a[0])) return a[0];
    if (Symbol* s = as<Symbol>(a[0])) return Value::object(keyword_of(vm, s));
    if (a[0].is_nil()) return Value::nil();
    return Value::object(keyword_of(vm, parse_symbol(vm, arg_string(a, 0, "keyword")->view())));
  }
  if (!a[0].is_nil()) arg_string(a, 0, "keyword");
  return Value::object(keyword_of(vm, symbol_in(vm, a[0], arg_string(a, 1, "keyword")->view())));
}
Value l_name(State& vm, Args a) {
  Value v = a[0];
  if (is<String>(v)) return v;
  if (Symbol* s = as<Symbol>(v)) return Value::object(s->name);
  if (Keyword* k = as<Keyword>(v)) return Value::object(k->sym->name);
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class clojure.lang.Named", value_type_name(v)));
}
Value l_namespace(State& vm, Args a) {
  Value v = a[0];
  Symbol* s = as<Symbol>(v);
  if (Keyword* k = as<Keyword>(v)) s = k->sym;
  if (!s)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class clojure.lang.Named", value_type_name(v)));
  return s->ns ? Value::object(s->ns) : Value::nil();
}
Value l_gensym(State& vm, Args a) {
  std::string prefix = a.size() > 0 ? std::string(str_of(vm, a[0])) : "G__";
  return Value::object(vm.sym(fmt::format("{}{}", prefix, vm.next_id())));
}

Value l_str(State& vm, Args a) {
  std::string out;
  for (int i = 0; i < a.size(); ++i) out += str_of(vm, a[i]);
  return string_value(vm.heap, out);
}

Value l_apply(State& vm, Args a);

// Continues l_apply once the thunk of lazy seq `ls` of the spread has run.
Value apply_k(State& vm, Args a, Value ls, Value result) {
  lazy_seq_store(vm, static_cast<LazySeq*>(ls.as_obj()), result);
  return l_apply(vm, a);
}

// apply of closure c, whose & arity takes nreq fixed parameters, as Clojure's
// RestFn.applyTo: when the arguments are more than nreq, the first nreq are spread and
// the rest of the spread seq is passed unrealized as the rest parameter (so
// (apply f (range)) returns when f takes only what it needs). Realizes at most nreq + 1
// elements of the spread, through the dispatch loop (apply_k). Returns nil when the
// arguments are nreq or fewer (the caller spreads them all, a short seq), else the
// native's request.
Value apply_rest_lazily(State& vm, Args a, Closure* c) {
  const int nreq = c->fn->variadic->nparams;
  const int given = a.size() - 2;
  RootScope scope(vm.heap);
  std::vector<Value> args;
  for (int i = 1; i + 1 < a.size() && static_cast<int>(args.size()) < nreq; ++i) args.push_back(a[i]);
  if (given > nreq) {
    // (list* extra... spread): the extra arguments consed onto the spread, unrealized.
    size_t rest = scope.push(a[a.size() - 1]);
    for (int i = a.size() - 2; i > nreq; --i) scope[rest] = cons(vm, a[i], scope[rest]);
    args.push_back(scope[rest]);
    return vm.tail_call_rest(a[0], args.data(), static_cast<int>(args.size()));
  }
  size_t cur = scope.push(a[a.size() - 1]);
  for (int k = given; k <= nreq; ++k) {
    while (LazySeq* ls = unrealized_lazy_seq(scope[cur])) {
      Value r = lazy_seq_step(vm, ls, apply_k, Value::object(ls));
      if (State::is_request(r)) return r;
    }
    scope[cur] = seq(vm, scope[cur]);
    if (scope[cur].is_nil()) return Value::nil();  // nreq arguments or fewer
    if (k == nreq) break;                          // the rest: at least one more
    args.push_back(first(vm, scope[cur]));
    scope.push(args.back());
    scope[cur] = rest(vm, scope[cur]);
  }
  args.push_back(scope[cur]);
  return vm.tail_call_rest(a[0], args.data(), static_cast<int>(args.size()));
}

// apply spreads its last argument and tail-calls f through the dispatch loop
// (State::tail_call), so f runs with no C++ frame between it and apply's caller. Lazy
// seqs in the spread are realized first, also through the loop (realize_spine), except
// what goes to a closure's rest parameter (apply_rest_lazily).
Value l_apply(State& vm, Args a) {
  if (Value at = user_method(a[0], IMethod::applyTo); !at.is_nil()) {
    // a type implementing IFn.applyTo gets the arguments as one seq (list* args), as
    // AFn.applyTo does on the JVM
    RootScope scope(vm.heap);
    size_t rest = scope.push(seq(vm, a[a.size() - 1]));
    for (int i = a.size() - 2; i >= 1; --i) scope[rest] = cons(vm, a[i], scope[rest]);
    Value args[2] = {a[0], scope[rest]};
    return vm.tail_call(at, args, 2);
  }
  if (Closure* c = as<Closure>(a[0]); c && c->fn->variadic && c->fn->arity_for(c->fn->variadic->nparams + 1) == c->fn->variadic) {
    Value r = apply_rest_lazily(vm, a, c);
    if (!r.is_nil()) return r;
  }
  Value pending = realize_spine<l_apply>(vm, a[a.size() - 1]);
  if (State::is_request(pending)) return pending;
  RootScope scope(vm.heap);
  std::vector<Value> args;
  for (int i = 1; i + 1 < a.size(); ++i) args.push_back(a[i]);
  for (Value s = seq(vm, a[a.size() - 1]); !s.is_nil(); s = next(vm, s)) {
    vm.charge(1);  // a loop in C++: counts toward the instruction budget
    args.push_back(first(vm, s));
    scope.push(args.back());
  }
  return vm.tail_call(a[0], args.data(), static_cast<int>(args.size()));
}

// ---- exceptions ----
Value make_exc(State& vm, ErrorKind k, Args a, int from) {
  Exception* e = vm.make_exception(k, a.size() > from && !a[from].is_nil() ? str_of(vm, a[from]) : "");
  if (a.size() <= from || a[from].is_nil()) e->message = nullptr;
  if (a.size() > from + 1) e->cause = a[from + 1];
  return Value::object(e);
}
Value l_new(State& vm, Args a) {
  std::string cls(arg_string(a, 0, "new")->view());
  ErrorKind k;
  if (!error_kind_from_name(cls, &k)) {
    Value inst = construct_by_class_name(vm, cls, a, 1);
    if (inst.is_nil()) inst = construct_stream_class(vm, cls, a, 1);
    if (inst.is_nil()) inst = construct_java_lang_class(vm, cls, a, 1);
    if (!inst.is_nil()) return inst;
    // (MapEntry. k v), the class imported or named in full
    std::string full = cls;
    if (cls.find('.') == std::string::npos)
      if (Var* v = vm.resolve_var(vm.current_ns(), vm.names.symbol({}, cls)); v && v->bound)
        if (is<JavaClass>(v->root)) full = std::string(class_value_name(v->root));
    if (full == "clojure.lang.MapEntry" && a.size() == 3) return map_entry(vm.heap, a[1], a[2]);
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("Unable to resolve classname: {}", cls));
  }
  if (k == ErrorKind::ExceptionInfo) {
    if (a.size() < 3) throw_error(ErrorKind::ArityException, "ExceptionInfo takes a message and a data map");
    Exception* e = vm.make_exception(k, str_of(vm, a[1]));
    e->data = a[2];
    if (a.size() > 3) e->cause = a[3];
    return Value::object(e);
  }
  return make_exc(vm, k, a, 1);
}
Value l_catches(State&, Args a) {
  Exception* e = as<Exception>(a[0]);
  String* cls = as<String>(a[1]);
  if (!e) return Value::f();
  if (!cls || cls->view() == ":default") return Value::t();
  ErrorKind k;
  if (!error_kind_from_name(std::string(cls->view()), &k)) return Value::f();
  return Value::boolean(error_is_a(e->kind, k));
}
Value l_ex_info(State& vm, Args a) {
  if (!is_map(a[1]))
    throw_error(ErrorKind::IllegalArgumentException, a[1].is_nil() ? "Additional data must be non-nil." : "Additional data must be a map.");
  Exception* e = vm.make_exception(ErrorKind::ExceptionInfo, str_of(vm, a[0]));
  if (a[0].is_nil()) e->message = nullptr;
  e->data = a[1];
  if (a.size() > 2) e->cause = a[2];
  return Value::object(e);
}
Value l_ex_message(State&, Args a) {
  Exception* e = as<Exception>(a[0]);
  return e && e->message ? Value::object(e->message) : Value::nil();
}
Value l_ex_data(State&, Args a) {
  Exception* e = as<Exception>(a[0]);
  return e ? e->data : Value::nil();
}
Value l_ex_cause(State&, Args a) {
  Exception* e = as<Exception>(a[0]);
  return e ? e->cause : Value::nil();
}

// ---- vars and macros ----
Value l_set_var(State& vm, Args a) {
  Var* v = as<Var>(a[0]);
  if (!v) throw_error(ErrorKind::IllegalArgumentException, "set! needs a var");
  if (!vm.set_binding(v, a[1]))
    throw_error(ErrorKind::IllegalStateException,
                fmt::format("Can't change/establish root binding of: {} with set", v->sym->str()));
  return a[1];
}
Value l_push_bindings(State& vm, Args a) {
  std::vector<std::pair<Var*, Value>> frame;
  RootScope scope(vm.heap);
  size_t slot = scope.push(a[0]);
  for (Value s = seq(vm, a[0]); !s.is_nil(); s = next(vm, s)) {
    scope[slot] = s;
    Value e = first(vm, s);
    Var* v = as<Var>(nth(vm, e, 0));
    if (!v) throw_error(ErrorKind::IllegalArgumentException, "push-thread-bindings takes a map of vars to values");
    frame.emplace_back(v, nth(vm, e, 1));
  }
  vm.push_bindings(frame);
  return Value::nil();
}
// (get-thread-bindings): every var with a binding, to its innermost value.
Value l_get_thread_bindings(State& vm, Args) {
  RootScope scope(vm.heap);
  size_t slot = scope.push(map_from(vm, nullptr, 0));
  for (const auto& [v, val] : vm.visible_bindings())
    if (v) scope[slot] = assoc(vm, scope[slot], Value::object(v), val);  // later frames win
  return scope[slot];
}
// An unnamed dynamic var, not interned anywhere (with-local-vars), printed as Clojure's
// #<Var: --unnamed-->.
Value l_local_var(State& vm, Args) {
  Var* v = vm.heap.make<Var>(nullptr, vm.sym("--unnamed--"));
  v->flags |= kFlagDynamic;
  return Value::object(v);
}
Value l_find_keyword(State& vm, Args a) {
  std::string_view ns, name;
  bool empty_ns = false;  // the namespace "" (:/a), not none
  if (a.size() == 2) {
    ns = arg_string(a, 0, "find-keyword")->view();
    name = arg_string(a, 1, "find-keyword")->view();
    empty_ns = ns.empty();
  } else if (Keyword* k = as<Keyword>(a[0])) {
    return Value::object(k);
  } else if (Symbol* s = as<Symbol>(a[0])) {
    ns = s->ns_view();
    name = s->name_view();
    empty_ns = s->ns && ns.empty();
  } else {
    std::string_view q = arg_string(a, 0, "find-keyword")->view();
    size_t slash = q.find('/');
    if (slash != std::string_view::npos && slash > 0 && slash + 1 < q.size()) {
      ns = q.substr(0, slash);
      name = q.substr(slash + 1);
    } else {
      name = q;
    }
  }
  Keyword* k = empty_ns ? vm.names.find_keyword_empty_ns(name) : vm.names.find_keyword(ns, name);
  return k ? Value::object(k) : Value::nil();
}
Value l_pop_bindings(State& vm, Args) {
  vm.pop_bindings();
  return Value::nil();
}
Value l_var_get(State& vm, Args a) {
  Var* v = as<Var>(a[0]);
  if (!v) throw_error(ErrorKind::ClassCastException, fmt::format("class {} cannot be cast to class clojure.lang.Var", value_type_name(a[0])));
  return var_value_or_unbound(vm, v);
}
Value l_thread_bound(State&, Args a) {
  for (int i = 0; i < a.size(); ++i) {
    Var* v = as<Var>(a[i]);
    if (!v || !v->thread_bound) return Value::f();
  }
  return Value::t();
}
Value l_set_macro(State&, Args a) {
  Var* v = as<Var>(a[0]);
  if (!v) throw_error(ErrorKind::IllegalArgumentException, "set-macro! needs a var");
  v->flags |= kFlagMacro;
  return a[0];
}
// (eval form) is stackless (vm/dispatch.cpp's requests): the compiled form runs in a
// frame of the calling fiber, not in a nested run of the interpreter, so a budget can
// suspend it and fiber/yield works inside it. A top-level (do ...) is evaluated form by
// form, so that a macro one form defines is usable by the next; nested top-level dos
// are flattened, one level at a time, into the forms still to run.
bool is_toplevel_do(State& vm, Value form) {
  return is_list(form) && count(vm, form) > 0 && first(vm, form) == Value::object(vm.sym("do"));
}

Value eval_compiled(State& vm, Value form, Value rest);

/// Evaluates the forms of the seq `forms` in order; the last one's value is the result.
Value eval_forms(State& vm, Value forms) {
  RootScope scope(vm.heap);
  size_t cur = scope.push(forms);
  for (;;) {
    if (scope[cur].is_nil()) return Value::nil();
    Value f = first(vm, scope[cur]);
    Value more = next(vm, scope[cur]);
    if (!is_toplevel_do(vm, f)) return eval_compiled(vm, f, more);
    // (do a b) followed by more: a, b, then more.
    scope.push(more);
    std::vector<Value> inner;
    for (Value s = next(vm, f); !s.is_nil(); s = next(vm, s)) {
      inner.push_back(first(vm, s));
      scope.push(inner.back());
    }
    Value list = more;
    for (size_t i = inner.size(); i-- > 0;) {
      scope.push(list);
      list = cons(vm, inner[i], list);
    }
    scope[cur] = list;
  }
}

Value eval_next(State& vm, Args, Value rest, Value) { return eval_forms(vm, rest); }

/// Compiles `form` and runs it in the calling fiber: as the native's result when no
/// forms follow (a tail call), else followed by eval_forms of `rest`.
Value eval_compiled(State& vm, Value form, Value rest) {
  RootScope scope(vm.heap);
  scope.push(rest);
  FnProto* fp = compile_toplevel(vm, form);
  scope.push(Value::object(fp));
  Value thunk = Value::object(make_closure(vm.heap, fp, 0));
  if (rest.is_nil()) return vm.tail_call(thunk, nullptr, 0);
  return vm.call_then(thunk, nullptr, 0, eval_next, rest);
}

Value l_eval(State& vm, Args a) {
  Value form = a[0];
  if (is_toplevel_do(vm, form)) return eval_forms(vm, list_from(vm.heap, &form, 1));
  return eval_compiled(vm, form, Value::nil());
}
// (read-string s) / (read-string opts s): opts may give :eof, the value for a string
// with no form; :read-cond :allow (#? reads the branch of a feature: Clove's :clove and
// :clj, the keywords of :features, or :default) or :preserve (#? reads as a
// ReaderConditional); without either a #? is an error, "Conditional read not allowed",
// as on the JVM. `edn`: clojure.edn's grammar (its reader conditionals are Clove's).
// How reader conditionals read under the options map `opts` of read-string and read:
// :read-cond :allow or :preserve, else not at all; :features' keywords (into
// *features, which must live while cond is used; opts keeps them reachable).
void conditional_options(State& vm, Value opts, ReaderOptions* cond, std::vector<Value>* features) {
  cond->read_cond = ReaderOptions::ReadCond::Forbid;
  if (!is_map(opts)) return;
  bool found = false;
  Value rc = map_lookup(vm, opts, Value::object(vm.kw("read-cond")), Value::nil(), &found);
  if (rc == Value::object(vm.kw("allow"))) cond->read_cond = ReaderOptions::ReadCond::Allow;
  if (rc == Value::object(vm.kw("preserve"))) cond->read_cond = ReaderOptions::ReadCond::Preserve;
  Value fs = map_lookup(vm, opts, Value::object(vm.kw("features")), Value::nil(), &found);
  for (Value s = is_coll(fs) ? seq(vm, fs) : Value::nil(); !s.is_nil(); s = next(vm, s))
    if (Value f = first(vm, s); is<Keyword>(f)) features->push_back(f);
  cond->extra_features = features;
}

Value read_string_with(State& vm, Args a, bool edn, const char* fn) {
  std::string_view text = arg_string(a, a.size() - 1, fn)->view();
  ReaderOptions cond;
  std::vector<Value> features;  // the keywords of :features, reachable from a[0]
  if (!edn) conditional_options(vm, a.size() == 2 ? a[0] : Value::nil(), &cond, &features);
  const Value* eof = nullptr;
  Value eof_value;
  if (a.size() == 2 && is_map(a[0])) {
    bool found = false;
    eof_value = map_lookup(vm, a[0], Value::object(vm.kw("eof")), Value::nil(), &found);
    if (found) eof = &eof_value;
  }
  return read_string_form(vm, text, eof, edn, &cond);
}
Value l_read_string(State& vm, Args a) { return read_string_with(vm, a, false, "read-string"); }
Value l_edn_read_string(State& vm, Args a) { return read_string_with(vm, a, true, "clojure.edn/read-string"); }
// (-read stream eof-error? eof-value with-text? [edn? [opts]]): read, read+string
// (09_io.clj) and clojure.edn/read. With opts (read's opts arity), reader
// conditionals read as its :read-cond says (conditional_options); without, a reader
// conditional is an error, as on the JVM (clojure.edn's reader has no #? at all).
Value l_read(State& vm, Args a) {
  LineReader* r = as<LineReader>(a[0]);
  if (!r)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.io.PushbackReader", value_type_name(a[0])));
  bool edn = a.size() > 4 && a[4].truthy();
  ReaderOptions cond;
  std::vector<Value> features;
  const ReaderOptions* conditionals = nullptr;
  if (a.size() > 5 && !edn) {
    conditional_options(vm, a[5], &cond, &features);
    conditionals = &cond;
  } else if (!edn) {  // read without an options map: a #? is an error, as on the JVM
    cond.read_cond = ReaderOptions::ReadCond::Forbid;
    conditionals = &cond;
  }
  if (!a[3].truthy()) return read_from_stream(vm, r, a[1].truthy(), a[2], nullptr, edn, conditionals);
  std::string text;
  RootScope scope(vm.heap);
  size_t form = scope.push(read_from_stream(vm, r, a[1].truthy(), a[2], &text, edn, conditionals));
  Value pair[] = {scope[form], string_value(vm.heap, text)};
  scope.push(pair[1]);
  return vector_from(vm.heap, pair, 2);
}
Value l_load_string(State& vm, Args a) { return eval_string(vm, arg_string(a, 0, "load-string")->view(), "<load-string>"); }

Value l_meta(State& vm, Args a) {
  if (Var* v = as<Var>(a[0])) return var_meta(vm, v);
  if (Closure* c = as<Closure>(a[0])) return c->meta;
  if (Value f = user_method(a[0], IMethod::meta); !f.is_nil()) return vm.call(f, {a[0]});  // IMeta
  return meta(a[0]);
}
Value l_with_meta(State& vm, Args a) { return with_meta(vm, a[0], a[1]); }

}  // namespace

void install_lang_natives(State& vm) {
  const char* C = "clojure.core";
  install_unbound_class(vm);
  vm.def_native(C, "identical?", l_identical, 2, 2,
                "True when x and y are one and the same object (reference identity), false "
                "otherwise.", "([x y])");
  vm.def_native(C, "=", l_equal, 1, -1,
                "Value equality: true when all arguments are equal, comparing numbers within a "
                "category and collections by their contents regardless of concrete type.",
                "([x] [x y] [x y & more])");
  vm.def_native(C, "not=", l_not_equal, 1, -1,
                "The negation of =: true when some argument differs from the others.",
                "([x] [x y] [x y & more])");
  vm.def_native(C, "not", l_not, 1, 1,
                "Logical negation: true for nil and false, false for every other value.", "([x])");
  vm.def_native(C, "hash", l_hash, 1, 1,
                "Gives the integer hash of x; values that are = have the same hash.", "([x])");
  vm.def_native(C, "compare", l_compare, 2, 2,
                "Orders x against y, giving a negative integer, zero or a positive integer as x "
                "sorts before, together with or after y. Works on numbers, strings, keywords, "
                "symbols, vectors and Comparable values.", "([x y])");
  vm.def_native(C, "nil?", l_nilp, 1, 1, "True only for nil.", "([x])");
  vm.def_native(C, "some?", l_somep, 1, 1, "True for every value except nil.", "([x])");
  vm.def_native(C, "true?", l_truep, 1, 1,
                "True only for the boolean true, not for other truthy values.", "([x])");
  vm.def_native(C, "false?", l_falsep, 1, 1,
                "True only for the boolean false, not for nil.", "([x])");
  vm.def_native(C, "boolean?", l_booleanp, 1, 1,
                "True when x is one of the two booleans, true or false.", "([x])");
  vm.def_native(C, "boolean", l_boolean, 1, 1,
                "Converts x to a boolean: false for nil and false, true for anything else.",
                "([x])");
  vm.def_native(C, "fn?", l_fnp, 1, 1,
                "True when x is a function object (a fn or a native), but not for other callables "
                "such as keywords, maps or sets.", "([x])");
  vm.def_native(C, "ifn?", l_ifnp, 1, 1, "Returns true if x can be called (fns, keywords, symbols, maps, sets, vectors, vars).", "([x])");
  vm.def_native(C, "symbol?", l_symbolp, 1, 1, "True when x is a symbol.", "([x])");
  vm.def_native(C, "keyword?", l_keywordp, 1, 1, "True when x is a keyword.", "([x])");
  vm.def_native(C, "string?", l_stringp, 1, 1, "True when x is a string.", "([x])");
  vm.def_native(C, "char?", l_charp, 1, 1, "True when x is a character.", "([x])");
  vm.def_native(C, "var?", l_varp, 1, 1, "True when x is a var object.", "([v])");
  vm.def_native(C, "type", l_type, 1, 1,
                "Gives the value under :type in x's metadata when there is one, otherwise x's "
                "class (as class does).", "([x])");
  vm.def_native(C, "class", l_class, 1, 1, "Returns the class of x: a symbol naming its class (java.lang.Long, ...), the record/deftype class of an instance, nil for nil.", "([x])");
  vm.def_native(C, "symbol", l_symbol, 1, 2,
                "Makes a symbol. With one argument it takes a string, keyword, symbol or var; "
                "with two, an optional namespace string and a name string.", "([name] [ns name])");
  vm.def_native(C, "keyword", l_keyword, 1, 2,
                "Makes a keyword. With one argument it takes a string, symbol or keyword (nil "
                "gives nil); with two, an optional namespace string and a name string.",
                "([name] [ns name])");
  vm.def_native(C, "name", l_name, 1, 1,
                "Gives the name part of a string, symbol or keyword as a string, leaving out any "
                "namespace.", "([x])");
  vm.def_native(C, "namespace", l_namespace, 1, 1,
                "Gives the namespace part of a symbol or keyword as a string, or nil for an "
                "unqualified one.", "([x])");
  vm.def_native(C, "gensym", l_gensym, 0, 1,
                "Makes a fresh symbol whose name nobody else has: prefix-string (default \"G__\") "
                "followed by a unique number.", "([] [prefix-string])");
  vm.def_native(C, "str", l_str, 0, -1,
                "Concatenates the printed-for-humans text of each argument into one string; nil "
                "contributes nothing and (str) is \"\".", "([] [x] [x & ys])");
  vm.def_native(C, "apply", l_apply, 2, -1,
                "Calls f with the arguments x, y, ... followed by the elements of the final "
                "collection args.",
                "([f args] [f x args] [f x y args] [f x y z args] [f a b c d & args])");
  vm.def_native(C, "-new", l_new, 1, -1, "Compiler hook for (ClassName. args): builds an exception of that class.", "([class-name & args])");
  vm.def_native(C, "-catches?", l_catches, 2, 2, "Compiler hook for catch: whether exception e is an instance of the class named by the string (\":default\" matches all).", "([e class-name])");
  vm.def_native(C, "ex-info", l_ex_info, 2, 3,
                "Makes an ExceptionInfo, a runtime exception carrying msg, the data map and "
                "optionally a cause; ex-data and ex-message read them back.",
                "([msg map] [msg map cause])");
  vm.def_native(C, "ex-message", l_ex_message, 1, 1,
                "Gives the message of ex when it is an exception (Throwable), nil for anything "
                "else.", "([ex])");
  vm.def_native(C, "ex-data", l_ex_data, 1, 1,
                "Gives the data map of ex when it is an ExceptionInfo, nil for anything else.",
                "([ex])");
  vm.def_native(C, "ex-cause", l_ex_cause, 1, 1,
                "Gives the cause of ex when it is an exception (Throwable), nil for anything else.",
                "([ex])");
  vm.def_native(C, "-set-var!", l_set_var, 2, 2, "Compiler hook for (set! var val) on a dynamic var.", "([var val])");
  vm.def_native(C, "push-thread-bindings", l_push_bindings, 1, 1, "Pushes a frame of dynamic bindings: a map of vars to values. Each var must be dynamic. Pair with pop-thread-bindings in a finally.", "([bindings])");
  vm.def_native(C, "pop-thread-bindings", l_pop_bindings, 0, 0,
                "Discards the binding frame that the latest push-thread-bindings installed.",
                "([])");
  vm.def_native(C, "var-set", l_set_var, 2, 2,
                "Changes the current thread-local binding of var x to val (as set up by binding "
                "or with-local-vars). Throws IllegalStateException when the var has no such "
                "binding.", "([x val])");
  vm.def_native(C, "get-thread-bindings", l_get_thread_bindings, 0, 0,
                "Gives a map from each var that has a thread-local binding in effect to its bound "
                "value.", "([])");
  vm.def_native(C, "-local-var", l_local_var, 0, 0, "Compiler hook for with-local-vars: a new unnamed dynamic var, interned nowhere.", "([])");
  vm.def_native(C, "find-keyword", l_find_keyword, 1, 2,
                "Looks up an existing keyword with the given namespace and name, giving nil "
                "instead of creating one when it has never been made.", "([name] [ns name])");
  vm.def_native(C, "var-get", l_var_get, 1, 1,
                "Reads the value of var x: its innermost thread-local binding if there is one, "
                "otherwise its root.", "([x])");
  vm.def_native(C, "thread-bound?", l_thread_bound, 0, -1,
                "True when every var given has a thread-local binding in effect.", "([& vars])");
  vm.def_native(C, "set-macro!", l_set_macro, 1, 1, "Marks the var as a macro (used to bootstrap defmacro). Returns the var.", "([var])");
  vm.def_native(C, "eval", l_eval, 1, 1,
                "Compiles and runs form, a data structure such as a list or symbol (not source "
                "text), and gives its value.", "([form])");
  vm.def_native(C, "-read", l_read, 4, 6, "read and read+string: the next form from a reader, with eof handling; with-text? gives [form text]; edn? reads clojure.edn's grammar; opts (read's options map) says how reader conditionals read (:read-cond :allow or :preserve, :features; without :read-cond they are an error).", "([stream eof-error? eof-value with-text?] [stream eof-error? eof-value with-text? edn?] [stream eof-error? eof-value with-text? edn? opts])");
  vm.def_native(C, "-edn-read-string", l_edn_read_string, 1, 2, "clojure.edn/read-string's reading: read-string with clojure.edn's grammar (no ::kw, no #! comments).", "([s] [opts s])");
  vm.def_native(C, "read-string", l_read_string, 1, 2,
                "Parses the first form in the string s and returns it as data. opts: :eof, the "
                "value for a string with no form; :read-cond :allow (reader conditionals read the "
                "branch of a feature in clove.reader/features, of :features, or :default) or "
                ":preserve (they read as ReaderConditional values); without :read-cond a reader "
                "conditional is an error. Throws \"EOF while reading\" when s has no form; reader "
                "errors carry the position in the string.", "([s] [opts s])");
  {
    // The features reader conditionals match (SPEC L1), for programs to inspect:
    // clove.reader/features is #{:clove :clj} (:default matches too, as everywhere).
    Value fs[] = {Value::object(vm.kw("clove")), Value::object(vm.kw("clj"))};
    def_static_value(vm, "clove.reader", "features", set_from(vm, fs, 2));
    Var* var = vm.intern(vm.find_or_create_ns(vm.sym("clove.reader")), vm.sym("features"));
    Value doc[] = {Value::object(vm.kw("doc")),
                   string_value(vm.heap, "The reader features #? and #?@ match in Clove: #{:clove :clj}, as "
                                         "babashka's are #{:bb :clj} (:default matches too). Clojure has no "
                                         "such var.")};
    var->set_meta(map_from(vm, doc, 1));
    vm.heap.barrier(var, var->meta);
  }
  vm.def_native(C, "load-string", l_load_string, 1, 1,
                "Reads every form in the string s one after another and evaluates each, giving "
                "the value of the last.", "([s])");
  vm.def_native(C, "meta", l_meta, 1, 1,
                "Gives the metadata map of obj, or nil when it has none.", "([obj])");
  vm.def_native(C, "with-meta", l_with_meta, 2, 2,
                "Gives a copy of obj, equal to it and of the same type, whose metadata is the map "
                "m.", "([obj m])");
}

// The continuations of apply and load-string's evaluation by name, for marshal
// (state/continuation.h).
const ContinuationName kContinuationNames[] = {
    {"clojure.core/apply", realize_spine_k<l_apply>},
    {"clojure.core/eval-forms", eval_next},
};

}  // namespace clove
