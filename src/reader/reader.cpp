// reader.cpp: the reader's main loop, collections and reader macros (Clojure's
// LispReader: read, readDelimitedList, the macro and dispatch-macro tables).
#include "reader/reader.h"

#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "core/stack_guard.h"
#include "reader/reader_impl.h"
#include "runtime/coll/coll.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "runtime/host/tagged.h"
#include "state/state.h"

namespace clove {

namespace {

constexpr int32_t kNoClosing = -2;  // read_item at top level: every closer is unmatched
constexpr size_t kStackReserve = 256 * 1024;  // C++ stack kept free for the caller

/// Restores a member to its previous value when the scope ends (also on errors).
template <class T>
class Restore {
 public:
  Restore(T& slot, T value) : slot_(slot), saved_(slot) { slot = value; }
  ~Restore() { slot_ = saved_; }

 private:
  T& slot_;
  T saved_;
};

std::string delimiter_text(int32_t c) {
  std::string s;
  text::append_code_point(s, c);
  return s;
}

}  // namespace

Reader::Reader(State& vm, ReaderEnv& env, std::string_view text, uint32_t file, ReaderOptions opts)
    : impl_(new Impl(vm, env, text, file, opts)) {}

Reader::~Reader() { delete impl_; }

ReaderOptions& Reader::options() { return impl_->opts; }

size_t Reader::offset() const { return impl_->in.offset(); }

SourcePos Reader::form_pos() const { return impl_->form_pos; }

bool Reader::next(Value* out) {
  for (;;) {
    ReadItem item;
    std::vector<ReadItem> splice;
    switch (impl_->read_item(&item, &splice, kNoClosing)) {
      case Impl::Got::Form:
        *out = item.v;
        impl_->form_pos = item.pos;
        return true;
      case Impl::Got::Nothing:
        continue;
      case Impl::Got::Splice:
        impl_->fail(DiagKind::reader_invalid_conditional, item.pos,
                    "Reader conditional splicing not allowed at the top level.");
      case Impl::Got::Close:
      case Impl::Got::Eof:
        return false;
    }
  }
}

Value read_one(State& vm, std::string_view text, std::string_view name) {
  // The registry keeps the text for positions and messages as long as the VM lives:
  // memory counted in the heap (and against its cap).
  vm.heap.add_external(text.size() + name.size());
  uint32_t file = vm.sources.add(std::string(name), std::string(text));
  StateReaderEnv env(vm);
  Reader r(vm, env, vm.sources.text(file), file);
  Value v;
  return r.next(&v) ? v : Value::nil();
}

bool first_form_extent(State& vm, std::string_view text, size_t* end, Value* form) {
  ReaderOptions opts;
  opts.defer_unknown_tags = true;
  StateReaderEnv env(vm);
  Reader r(vm, env, text, 0, opts);
  Value v;
  if (!r.next(&v)) return false;
  *end = r.offset();
  if (form) *form = v;
  return true;
}

void Reader::Impl::check_depth(SourcePos at, const char* what) const {
  if (depth > opts.max_depth || (depth % 16 == 0 && native_stack_remaining() < kStackReserve))
    fail(DiagKind::reader_too_deep, at, fmt::format("{} nested too deeply: more than {} levels", what, depth - 1));
}

Reader::Impl::Got Reader::Impl::read_item(ReadItem* out, std::vector<ReadItem>* splice, int32_t closing) {
  while (in.peek() != CharStream::kEof && reader_is_whitespace(in.peek())) in.get();
  SourcePos start = in.pos();
  out->pos = start;
  check_depth(start, "Forms");
  Restore<uint32_t> level(depth, depth + 1);
  int32_t c = in.get();
  if (c == CharStream::kEof) return Got::Eof;
  if (c == closing) return Got::Close;
  check_control(c, start);
  if (c >= '0' && c <= '9') {
    out->v = read_number(c, start);
    return Got::Form;
  }
  switch (c) {
    case ')':
    case ']':
    case '}':
      fail(DiagKind::reader_unmatched_delimiter, start, "Unmatched delimiter: " + delimiter_text(c));
    case '+':
    case '-':
      if (in.peek() >= '0' && in.peek() <= '9') {
        out->v = read_number(c, start);
        return Got::Form;
      }
      break;
    case '"':
      out->v = read_string_literal(start);
      return Got::Form;
    case ';':
      skip_line();
      return Got::Nothing;
    case '\'':
      out->v = read_wrapped("quote", start);
      return Got::Form;
    case '@':
      out->v = read_wrapped("clojure.core/deref", start);
      return Got::Form;
    case '^':
      out->v = read_meta(start);
      return Got::Form;
    case '`': {
      ReadItem form = read_required(start);
      std::unordered_map<std::string, Symbol*> env;
      Restore<std::unordered_map<std::string, Symbol*>*> scope(gensyms, &env);
      Restore<SourcePos> at(sq_start, start);
      Restore<size_t> budget(sq_budget, kSyntaxQuoteBudget);
      out->v = syntax_quote(form.v, form.pos);
      return Got::Form;
    }
    case '~':
      if (in.peek() == '@') {
        in.get();
        out->v = read_wrapped("clojure.core/unquote-splicing", start);
      } else {
        out->v = read_wrapped("clojure.core/unquote", start);
      }
      return Got::Form;
    case '(':
      out->v = read_list(start);
      return Got::Form;
    case '[':
      out->v = read_vector(start);
      return Got::Form;
    case '{':
      out->v = read_map(start);
      return Got::Form;
    case '\\':
      out->v = read_char_literal(start);
      return Got::Form;
    case '%':
      out->v = read_arg(start);
      return Got::Form;
    case '#':
      return read_dispatch(out, splice, start);
    default:
      break;
  }
  out->v = interpret_token(read_token(c), start);
  return Got::Form;
}

ReadItem Reader::Impl::read_required(SourcePos what) {
  for (;;) {
    ReadItem item;
    std::vector<ReadItem> splice;
    switch (read_item(&item, &splice, kNoClosing)) {
      case Got::Form:
        return item;
      case Got::Nothing:
        continue;
      case Got::Splice:
        fail(DiagKind::reader_invalid_conditional, item.pos, "Reader conditional splicing not allowed at the top level.");
      case Got::Close:
      case Got::Eof:
        break;
    }
    fail(DiagKind::reader_unterminated, what, "EOF while reading");
  }
}

std::vector<ReadItem> Reader::Impl::read_delimited(int32_t closing, SourcePos open) {
  std::vector<ReadItem> items;
  items.reserve(8);  // most forms are short: one allocation instead of growing 1, 2, 4, 8
  for (;;) {
    ReadItem item;
    std::vector<ReadItem> splice;
    switch (read_item(&item, &splice, closing)) {
      case Got::Form:
        items.push_back(item);
        break;
      case Got::Nothing:
        break;
      case Got::Splice:
        items.insert(items.end(), splice.begin(), splice.end());
        break;
      case Got::Close:
        return items;
      case Got::Eof:
        fail(DiagKind::reader_unterminated, open, fmt::format("EOF while reading, starting at line {}", open.line));
    }
  }
}

namespace {

/// Which key a duplicate-key error names and where it points, as indexes into the n
/// keys keys[0], keys[stride], ... of which the caller knows two are equal.
struct DuplicateKey {
  size_t named, at;
};

/// As in Clojure, the error names, for a map of up to 8 entries (an array map there),
/// the first key equal to a later one, else the first key equal to an earlier one; it
/// points at the repetition. A set of the keys seen so far keeps the second O(n log n)
/// for literals of any size.
DuplicateKey find_duplicate_key(State& vm, const Value* keys, size_t n, size_t stride, bool array_map) {
  if (array_map) {
    for (size_t i = 0; i < n; ++i)
      for (size_t j = i + 1; j < n; ++j)
        if (equiv(vm, keys[i * stride], keys[j * stride])) return {i, j};
    return {0, 0};
  }
  Value seen = set_from(vm, nullptr, 0);
  for (size_t i = 0; i < n; ++i) {
    Value k = keys[i * stride];
    if (contains(vm, seen, k)) return {i, i};
    seen = conj(vm, seen, k);
  }
  return {0, 0};
}

std::vector<Value> values_of(const std::vector<ReadItem>& items) {
  std::vector<Value> vs;
  vs.reserve(items.size());
  for (const ReadItem& it : items) vs.push_back(it.v);
  return vs;
}

}  // namespace

std::span<const Value> Reader::Impl::values(const std::vector<ReadItem>& items) {
  value_scratch.clear();
  for (const ReadItem& it : items) value_scratch.push_back(it.v);
  return value_scratch;
}

std::span<const SourcePos> Reader::Impl::positions(const std::vector<ReadItem>& items) {
  pos_scratch.clear();
  for (const ReadItem& it : items) pos_scratch.push_back(it.pos);
  return pos_scratch;
}

void Reader::Impl::record_pos(Value form, SourcePos pos, std::span<const SourcePos> elements) {
  if (elements.empty()) return;
  if (SourceMap* map = env.source_map()) map->record(form.as_obj(), pos, elements);
}

SourcePos Reader::Impl::element_pos(Value form, size_t i) const {
  SourceMap* map = env.source_map();
  return map ? map->element(form, i) : SourcePos{};
}

Value Reader::Impl::make_list(const std::vector<ReadItem>& items, SourcePos pos) {
  std::span<const Value> vs = values(items);
  Value list = list_from(vm.heap, vs.data(), vs.size());
  record_pos(list, pos, positions(items));
  return list;
}

Value Reader::Impl::read_list(SourcePos open) { return make_list(read_delimited(')', open), open); }

Value Reader::Impl::read_vector(SourcePos open) {
  std::vector<ReadItem> items = read_delimited(']', open);
  std::span<const Value> vs = values(items);
  Value v = vector_from(vm.heap, vs.data(), vs.size());
  record_pos(v, open, positions(items));
  return v;
}

Value Reader::Impl::read_map(SourcePos open) {
  std::vector<ReadItem> items = read_delimited('}', open);
  if (items.size() % 2 != 0) fail(DiagKind::reader_odd_map, open, "Map literal must contain an even number of forms");
  return make_map(items, open);
}

Value Reader::Impl::make_map(const std::vector<ReadItem>& items, SourcePos pos) {
  std::vector<Value> vs = values_of(items);
  size_t npairs = vs.size() / 2;
  Value m = map_from(vm, vs.data(), npairs);
  if (static_cast<size_t>(count(vm, m)) != npairs) {
    DuplicateKey d = find_duplicate_key(vm, vs.data(), npairs, 2, npairs <= 8);
    fail(DiagKind::reader_duplicate_key, items[2 * d.at].pos, "Duplicate key: " + str_bounded(vm, vs[2 * d.named]));
  }
  record_pos(m, pos, positions(items));
  return m;
}

Value Reader::Impl::read_set(SourcePos open) {
  std::vector<ReadItem> items = read_delimited('}', open);
  std::vector<Value> vs = values_of(items);
  Value s = set_from(vm, vs.data(), vs.size());
  if (static_cast<size_t>(count(vm, s)) != vs.size()) {
    DuplicateKey d = find_duplicate_key(vm, vs.data(), vs.size(), 1, false);
    fail(DiagKind::reader_duplicate_key, items[d.at].pos, "Duplicate key: " + str_bounded(vm, vs[d.named]));
  }
  record_pos(s, open, positions(items));
  return s;
}

Value Reader::Impl::read_wrapped(const char* qualified_head, SourcePos start) {
  ReadItem form = read_required(start);
  std::vector<ReadItem> items{{Value::object(vm.names.symbol(qualified_head)), start}, form};
  return make_list(items, start);
}

Value Reader::Impl::read_meta(SourcePos start) {
  ReadItem m = read_required(start);
  Value meta_map = m.v;
  if (is<Symbol>(m.v) || is<String>(m.v)) {
    Value kv[2] = {Value::object(vm.names.keyword({}, "tag")), m.v};
    meta_map = map_from(vm, kv, 1);
  } else if (is<Keyword>(m.v)) {
    Value kv[2] = {m.v, Value::t()};
    meta_map = map_from(vm, kv, 1);
  } else if (!is_map(m.v)) {
    fail(DiagKind::reader_invalid_token, m.pos, "Metadata must be Symbol,Keyword,String or Map");
  }
  ReadItem target = read_required(start);
  if (!is<Symbol>(target.v) && !is_coll(target.v))
    fail(DiagKind::reader_invalid_token, target.pos, "Metadata can only be applied to IMetas");
  // Keys given outside win over the form's own metadata (^:a ^:b x has both).
  Value merged = meta(target.v);
  if (merged.is_nil()) {
    merged = meta_map;
  } else {
    for (Value s = seq(vm, meta_map); !s.is_nil(); s = clove::next(vm, s)) {
      Value e = first(vm, s);
      merged = assoc(vm, merged, nth(vm, e, 0), nth(vm, e, 1));
    }
  }
  Value result = with_meta(vm, target.v, merged);
  SourceMap* map = env.source_map();
  if (map && result.is_obj() && target.v.is_obj() && result != target.v)
    map->copy(target.v.as_obj(), result.as_obj());
  return result;
}

Value Reader::Impl::read_fn_literal(SourcePos start) {
  if (fn_args) fail(DiagKind::reader_invalid_dispatch, start, "Nested #()s are not allowed");
  SourcePos open = in.pos();
  in.get();  // the '('
  std::map<int, Symbol*> args;
  Value body;
  {
    Restore<std::map<int, Symbol*>*> scope(fn_args, &args);
    body = read_list(open);
  }
  std::vector<ReadItem> params;
  if (!args.empty()) {
    int high = args.rbegin()->first;
    for (int i = 1; i <= high; ++i) {
      auto it = args.find(i);
      Symbol* s = it != args.end()
                      ? it->second
                      : vm.names.symbol({}, fmt::format("p{}__{}#", i, env.next_gensym_id()));
      params.push_back({Value::object(s), start});
    }
    auto rest = args.find(-1);
    if (rest != args.end()) {
      params.push_back({Value::object(vm.names.symbol({}, "&")), start});
      params.push_back({Value::object(rest->second), start});
    }
  }
  std::vector<Value> pv = values_of(params);
  Value param_vec = vector_from(vm.heap, pv.data(), pv.size());
  record_pos(param_vec, start, positions(params));
  std::vector<ReadItem> items{{Value::object(vm.names.symbol({}, "fn*")), start}, {param_vec, start}, {body, open}};
  return make_list(items, start);
}

Value Reader::Impl::read_arg(SourcePos start) {
  if (!fn_args) return interpret_token(read_token('%'), start);
  auto reg = [&](int n) {
    auto it = fn_args->find(n);
    if (it != fn_args->end()) return Value::object(it->second);
    std::string name = n == -1 ? fmt::format("rest__{}#", env.next_gensym_id())
                               : fmt::format("p{}__{}#", n, env.next_gensym_id());
    Symbol* s = vm.names.symbol({}, name);
    (*fn_args)[n] = s;
    return Value::object(s);
  };
  int32_t c = in.peek();
  if (c == CharStream::kEof || reader_is_whitespace(c) || reader_is_terminating_macro(c)) return reg(1);
  ReadItem n = read_required(start);
  Symbol* s = as<Symbol>(n.v);
  if (s && !s->ns && s->name_view() == "&") return reg(-1);
  if (!is_long(n.v) || as_long(n.v) < 0 || as_long(n.v) > 20000)
    fail(DiagKind::reader_invalid_token, start, "arg literal must be %, %& or %integer");
  return reg(static_cast<int>(as_long(n.v)));
}

void Reader::Impl::skip_line() {
  for (int32_t c = in.peek(); c != CharStream::kEof && c != '\n'; c = in.peek()) in.get();
}

Reader::Impl::Got Reader::Impl::read_dispatch(ReadItem* out, std::vector<ReadItem>* splice, SourcePos start) {
  int32_t c = in.peek();
  if (c == CharStream::kEof) fail(DiagKind::reader_unterminated, start, "EOF while reading character");
  check_control(c, in.pos());
  if (c == '(') {
    out->v = read_fn_literal(start);
    return Got::Form;
  }
  in.get();
  switch (c) {
    case '^':
      out->v = read_meta(start);
      return Got::Form;
    case '\'':
      out->v = read_wrapped("var", start);
      return Got::Form;
    case '"':
      if (opts.edn) fail(DiagKind::reader_invalid_dispatch, start, "No dispatch macro for: \"");  // EDN has no regexes
      out->v = read_regex(start);
      return Got::Form;
    case '{':
      out->v = read_set(start);
      return Got::Form;
    case '_':
      read_required(start);
      return Got::Nothing;
    case '!':
      if (opts.edn) fail(DiagKind::reader_invalid_dispatch, start, "No dispatch macro for: !");  // EdnReader has no #! comment
      skip_line();
      return Got::Nothing;
    case '?':
      if (opts.edn) fail(DiagKind::reader_invalid_dispatch, start, "No dispatch macro for: ?");  // EDN has no reader conditionals
      return read_conditional(out, splice, start);
    case ':':
      out->v = read_namespaced_map(start);
      return Got::Form;
    case '#':
      out->v = read_symbolic(start);
      return Got::Form;
    case '=':
      fail(DiagKind::reader_invalid_dispatch, start, "Read-time evaluation (#=) is not supported");
    case '<':
      fail(DiagKind::reader_invalid_dispatch, start, "Unreadable form");
    default:
      break;
  }
  if (!reader_is_whitespace(c) && !reader_is_macro(c)) {
    std::string tag = read_token(c);
    if (suppress) {
      read_required(start);
      out->v = Value::nil();
      return Got::Form;
    }
    out->v = read_tagged(tag, start);
    return Got::Form;
  }
  fail(DiagKind::reader_invalid_dispatch, start, "No dispatch macro for: " + delimiter_text(c));
}

// Clojure's default data readers: #uuid (UUID/fromString) and #inst
// (clojure.instant/read-instant-date); any other tag has no reader function, unless
// the caller defers it (ReaderOptions::deferred_tags): then it reads as a TaggedLiteral.
Value Reader::Impl::read_tagged(const std::string& tag, SourcePos start) {
  bool builtin = tag == "uuid" || tag == "inst";
  if ((opts.deferred_tags && opts.deferred_tags->count(tag)) || (opts.defer_unknown_tags && !builtin)) {
    ReadItem form = read_required(start);
    return Value::object(vm.heap.make<TaggedLiteral>(Value::object(vm.sym(tag)), form.v));
  }
  if (!builtin) fail(DiagKind::reader_invalid_dispatch, start, "No reader function for tag " + tag);
  ReadItem form = read_required(start);
  String* text = as<String>(form.v);
  if (tag == "uuid") {
    if (!text) fail(DiagKind::reader_invalid_token, form.pos, "UUID literal expects a string as its representation.");
    uint64_t msb = 0, lsb = 0;
    if (!parse_uuid_text(text->view(), &msb, &lsb))
      fail(DiagKind::reader_invalid_token, form.pos, fmt::format("Invalid UUID string: {}", text->view()));
    return Value::object(vm.heap.make<Uuid>(msb, lsb));
  }
  if (!text) fail(DiagKind::reader_invalid_token, form.pos, "Instance literal expects a string for its timestamp.");
  int64_t ms = 0;
  std::string err;
  if (!parse_inst_text(text->view(), &ms, &err)) fail(DiagKind::reader_invalid_token, form.pos, err);
  return Value::object(vm.heap.make<Inst>(ms));
}

Reader::Impl::Got Reader::Impl::read_conditional(ReadItem* out, std::vector<ReadItem>* splice, SourcePos start) {
  if (opts.read_cond == ReaderOptions::ReadCond::Forbid)
    fail(DiagKind::reader_invalid_conditional, start, "Conditional read not allowed");
  bool splicing = false;
  if (in.peek() == '@') {
    in.get();
    splicing = true;
  }
  while (in.peek() != CharStream::kEof && reader_is_whitespace(in.peek())) in.get();
  SourcePos open_pos = in.pos();
  int32_t open = in.get();
  if (open == CharStream::kEof) fail(DiagKind::reader_unterminated, start, "EOF while reading character");
  if (open != '(') fail(DiagKind::reader_invalid_conditional, start, "read-cond body must be a list");
  if (opts.read_cond == ReaderOptions::ReadCond::Preserve) {
    // The body as data, nested conditionals preserved too; a #?@ is not spliced.
    Value form = read_list(open_pos);
    out->v = Value::object(vm.heap.make<ReaderConditional>(form, splicing));
    out->pos = start;
    return Got::Form;
  }

  // Reads the next form of the body; false at the closing paren.
  auto next_form = [&](ReadItem* item) {
    for (;;) {
      std::vector<ReadItem> nested;
      switch (read_item(item, &nested, ')')) {
        case Got::Form:
          return true;
        case Got::Nothing:
          continue;
        case Got::Close:
          return false;
        case Got::Splice:
          fail(DiagKind::reader_invalid_conditional, item->pos, "Reader conditional splicing not allowed here.");
        case Got::Eof:
          fail(DiagKind::reader_unterminated, start, fmt::format("EOF while reading, starting at line {}", start.line));
      }
    }
  };
  Keyword* clove_kw = vm.names.keyword({}, "clove");
  Keyword* clj_kw = vm.names.keyword({}, "clj");
  Keyword* default_kw = vm.names.keyword({}, "default");
  bool matched = false;
  ReadItem result;
  for (;;) {
    ReadItem item;
    if (!matched) {
      if (!next_form(&item)) break;
      Keyword* feature = as<Keyword>(item.v);
      if (!feature) fail(DiagKind::reader_invalid_conditional, item.pos, "Feature should be a keyword: " + str_bounded(vm, item.v));
      if (!feature->sym->ns && (feature->sym->name_view() == "else" || feature->sym->name_view() == "none"))
        fail(DiagKind::reader_invalid_conditional, item.pos, "Feature name " + feature->str() + " is reserved.");
      // Clove's features are #{:clove :clj} (as babashka's are #{:bb :clj}): the first
      // branch naming one of them, one of the caller's extra features, or :default, is
      // read.
      bool extra = false;  // a feature the caller adds (read-string's :features)
      if (opts.extra_features)
        for (Value f : *opts.extra_features) extra = extra || f == item.v;
      if (((feature == clove_kw || feature == clj_kw) && opts.clove_features) || feature == default_kw || extra) {
        if (!next_form(&result))
          fail(DiagKind::reader_invalid_conditional, start, "read-cond requires an even number of forms.");
        matched = true;
      }
    }
    // Skip the next form: a value whose feature did not match, or anything after the match.
    Restore<bool> quiet(suppress, true);
    if (!next_form(&item)) break;
  }
  if (!matched) return Got::Nothing;
  if (!splicing) {
    *out = result;
    return Got::Form;
  }
  if (!is_sequential(result.v))
    fail(DiagKind::reader_invalid_conditional, result.pos, "Spliced form in read-cond-splicing must be a list or vector");
  size_t i = 0;
  for (Value s = seq(vm, result.v); !s.is_nil(); s = clove::next(vm, s), ++i)
    splice->push_back({first(vm, s), element_pos(result.v, i)});
  out->pos = start;
  return Got::Splice;
}

Value Reader::Impl::read_namespaced_map(SourcePos start) {
  bool auto_ns = false;
  if (in.peek() == ':') {
    in.get();
    auto_ns = true;
  }
  Symbol* sym = nullptr;
  int32_t c = in.peek();
  if (c == CharStream::kEof) fail(DiagKind::reader_unterminated, start, "EOF while reading");
  if (reader_is_whitespace(c) || c == '{') {
    // Only #::{} may leave the namespace out (it means the current one).
    if (!auto_ns) fail(DiagKind::reader_invalid_token, start, "Namespaced map must specify a namespace");
  } else {
    ReadItem s = read_required(start);
    sym = as<Symbol>(s.v);
    if (!sym || sym->ns)
      fail(DiagKind::reader_invalid_token, s.pos, "Namespaced map must specify a valid namespace: " + pr_str_bounded(vm, s.v));
  }
  while (in.peek() != CharStream::kEof && reader_is_whitespace(in.peek())) in.get();
  SourcePos open = in.pos();
  if (in.get() != '{') fail(DiagKind::reader_invalid_token, start, "Namespaced map must specify a map");
  std::string ns;
  if (auto_ns) {
    // #::{} is in the current namespace; #::a{} in the one alias a names, else in the
    // namespace named a.
    Symbol* target = nullptr;
    if (!sym) {
      target = env.current_ns();
    } else {
      target = env.resolve_alias(sym);
      if (!target && env.namespace_exists(sym)) target = sym;
      if (!target) fail(DiagKind::reader_invalid_token, start, "Unknown auto-resolved namespace alias: " + sym->str());
    }
    if (!target) fail(DiagKind::reader_invalid_token, start, "No current namespace for #::{}");
    ns = std::string(target->name_view());
  } else {
    ns = std::string(sym->name_view());
  }
  std::vector<ReadItem> items = read_delimited('}', open);
  if (items.size() % 2 != 0)
    fail(DiagKind::reader_odd_map, open, "Namespaced map literal must contain an even number of forms");
  for (size_t i = 0; i < items.size(); i += 2) {
    Value k = items[i].v;
    if (Keyword* kw = as<Keyword>(k)) {
      if (!kw->sym->ns) k = Value::object(vm.names.keyword(ns, kw->sym->name_view()));
      else if (kw->sym->ns_view() == "_") k = Value::object(vm.names.keyword({}, kw->sym->name_view()));
    } else if (Symbol* s = as<Symbol>(k)) {
      if (!s->ns) k = Value::object(vm.names.symbol(ns, s->name_view()));
      else if (s->ns_view() == "_") k = Value::object(vm.names.symbol({}, s->name_view()));
    }
    items[i].v = k;
  }
  return make_map(items, start);
}

Value Reader::Impl::read_symbolic(SourcePos start) {
  ReadItem form = read_required(start);
  if (Symbol* s = as<Symbol>(form.v); s && !s->ns) {
    std::string_view n = s->name_view();
    if (n == "Inf") return Value::from_double(HUGE_VAL);
    if (n == "-Inf") return Value::from_double(-HUGE_VAL);
    if (n == "NaN") return Value::from_double(std::numeric_limits<double>::quiet_NaN());
  }
  fail(DiagKind::reader_invalid_token, start, "Unknown symbolic value: ##" + str_of(vm, form.v));
}

}  // namespace clove
