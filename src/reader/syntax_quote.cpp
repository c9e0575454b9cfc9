// syntax_quote.cpp: expansion of `form into the code that builds it, as Clojure's
// LispReader.syntaxQuote does: lists become (seq (concat (list ...) ...)), vectors,
// maps and sets (apply vector/hash-map/hash-set (seq (concat ...))); symbols are
// namespace-qualified through the ReaderEnv (special forms, class-like names and the
// classes the env knows stay bare, foo# becomes foo__N__auto__), ~x is inserted as is
// and ~@x spliced.
#include <fmt/format.h>

#include "core/error.h"
#include "reader/reader_impl.h"
#include "runtime/num/bignum.h"
#include "runtime/coll/coll.h"
#include "runtime/num/number.h"
#include "state/state.h"

namespace clove {

namespace {

bool is_special_form(std::string_view n) {
  static const char* const kSpecials[] = {"def",    "if",     "do",      "let*", "loop*",   "recur", "fn*",
                                          "quote",  "var",    "throw",   "try",  "catch",   "finally",
                                          "letfn*", "set!",   "case*",   "new",  ".",       "&"};
  for (const char* s : kSpecials)
    if (n == s) return true;
  return false;
}

/// (head x) where head is clojure.core/<name>.
bool is_call_of(State& vm, Value form, std::string_view name) {
  if (!is_seq(form) && !is_list(form)) return false;
  if (seq(vm, form).is_nil()) return false;
  Symbol* s = as<Symbol>(first(vm, form));
  return s && s->ns_view() == "clojure.core" && s->name_view() == name;
}

Value second_of(State& vm, Value form) { return first(vm, clove::next(vm, form)); }

}  // namespace

Symbol* Reader::Impl::resolve_symbol(Symbol* s) {
  std::string_view name = s->name_view();
  size_t dot = name.find('.');
  if ((dot != std::string_view::npos && dot > 0) || (!name.empty() && name[0] == '[')) return s;
  if (s->ns) {
    // alias/x is written with the aliased namespace's name; any other ns/x as it is.
    Symbol* target = env.resolve_alias(vm.names.symbol({}, s->ns_view()));
    if (!target || target->name_view() == s->ns_view()) return s;
    return vm.names.symbol(target->name_view(), name);
  }
  if (Symbol* cls = env.resolve_class(s)) return cls;
  Symbol* cur = env.current_ns();
  if (!cur) return s;
  if (Symbol* var = env.resolve_var(s)) return var;
  return vm.names.symbol(cur->name_view(), name);
}

Value Reader::Impl::sq_concat(Value form, const std::vector<ReadItem>& elements, SourcePos pos) {
  // (clojure.core/seq (clojure.core/concat part...)), each part (list x) or a ~@ form.
  Value list_sym = Value::object(vm.names.symbol("clojure.core", "list"));
  std::vector<ReadItem> concat{{Value::object(vm.names.symbol("clojure.core", "concat")), pos}};
  for (const ReadItem& e : elements) {
    if (is_call_of(vm, e.v, "unquote")) {
      concat.push_back({make_list({{list_sym, e.pos}, {second_of(vm, e.v), e.pos}}, e.pos), e.pos});
    } else if (is_call_of(vm, e.v, "unquote-splicing")) {
      concat.push_back({second_of(vm, e.v), e.pos});
    } else {
      concat.push_back({make_list({{list_sym, e.pos}, {syntax_quote(e.v, e.pos), e.pos}}, e.pos), e.pos});
    }
  }
  return make_list({{Value::object(vm.names.symbol("clojure.core", "seq")), pos}, {make_list(concat, pos), pos}}, pos);
}

Value Reader::Impl::syntax_quote(Value form, SourcePos pos) {
  // The expansion recurses on the form's nesting, which nested syntax-quotes multiply:
  // the same bound as reading, and a bound on the forms visited (kSyntaxQuoteBudget).
  check_depth(sq_start, "Syntax-quote expansion");
  if (sq_budget == 0)
    fail(DiagKind::reader_too_deep, sq_start,
         fmt::format("Syntax-quote expansion too large: more than {} forms", kSyntaxQuoteBudget));
  --sq_budget;
  struct Level {
    uint32_t& d;
    explicit Level(uint32_t& x) : d(++x) {}
    ~Level() { --d; }
  } level(depth);
  auto quote = [&](Value v) { return make_list({{Value::object(vm.names.symbol({}, "quote")), pos}, {v, pos}}, pos); };
  auto core = [&](const char* name) { return Value::object(vm.names.symbol("clojure.core", name)); };
  auto elements_of = [&](Value coll) {
    std::vector<ReadItem> out;
    size_t i = 0;
    for (Value s = seq(vm, coll); !s.is_nil(); s = clove::next(vm, s), ++i)
      out.push_back({first(vm, s), element_pos(coll, i)});
    return out;
  };
  Value ret;
  if (Symbol* s = as<Symbol>(form)) {
    std::string_view name = s->name_view();
    Symbol* out = s;
    if (!s->ns && is_special_form(name)) {
      out = vm.names.symbol({}, name);
    } else if (!s->ns && !name.empty() && name.back() == '#') {
      if (!gensyms) fail(DiagKind::reader_invalid_token, pos, "Gensym literal not in syntax-quote");
      std::string key(name);
      auto it = gensyms->find(key);
      if (it == gensyms->end()) {
        std::string base(name.substr(0, name.size() - 1));
        Symbol* g = vm.names.symbol({}, fmt::format("{}__{}__auto__", base, env.next_gensym_id()));
        it = gensyms->emplace(key, g).first;
      }
      out = it->second;
    } else if (!s->ns && !name.empty() && (name.back() == '.' || name.front() == '.')) {
      out = vm.names.symbol({}, name);  // constructor (Foo.) and method (.foo) names stay as written
    } else {
      out = resolve_symbol(s);
    }
    ret = quote(Value::object(out));
  } else if (is_call_of(vm, form, "unquote")) {
    return second_of(vm, form);
  } else if (is_call_of(vm, form, "unquote-splicing")) {
    fail(DiagKind::reader_invalid_token, pos, "splice not in list");
  } else if (is_map(form)) {
    std::vector<ReadItem> kvs;
    for (Value s = seq(vm, form); !s.is_nil(); s = clove::next(vm, s)) {
      Value e = first(vm, s);
      kvs.push_back({nth(vm, e, 0), pos});
      kvs.push_back({nth(vm, e, 1), pos});
    }
    ret = make_list({{core("apply"), pos}, {core("hash-map"), pos}, {sq_concat(form, kvs, pos), pos}}, pos);
  } else if (is_vector(form)) {
    ret = make_list({{core("apply"), pos}, {core("vector"), pos}, {sq_concat(form, elements_of(form), pos), pos}}, pos);
  } else if (is_set(form)) {
    ret = make_list({{core("apply"), pos}, {core("hash-set"), pos}, {sq_concat(form, elements_of(form), pos), pos}}, pos);
  } else if (is_list(form) || is_seq(form)) {
    if (seq(vm, form).is_nil()) {
      ret = make_list({{core("list"), pos}}, pos);
    } else {
      ret = sq_concat(form, elements_of(form), pos);
    }
  } else if (is<Keyword>(form) || is<String>(form) || form.is_char() || is_long(form) || is_floating(form) ||
             is_bignum(form)) {
    return form;
  } else {
    ret = quote(form);  // nil, true, false
  }
  if (is<Symbol>(form) || is_coll(form)) {
    Value m = meta(form);
    if (!m.is_nil() && count(vm, m) > 0)
      return make_list({{core("with-meta"), pos}, {ret, pos}, {syntax_quote(m, pos), pos}}, pos);
  }
  return ret;
}

}  // namespace clove
