// repl.cpp: clove.repl, what clojure.repl (src/lib/30_repl.clj) and the development
// tools (clove repl's completion, the nREPL server's info op) need from C++:
//
//   (clove.repl/var-info v)           the var's metadata with :ns and :name always, and
//                                     for a native without metadata its :doc and
//                                     :arglists (natives keep them in the Native object)
//   (clove.repl/source-text file line column name?)
//                                     the text of the form that starts at line:column
//                                     of `file` (a source the VM has read, an embedded
//                                     library "clove/lib/NAME", or a file on disk), or
//                                     nil when it cannot be found; with `name`, of the
//                                     newest source so named that defines name there
//                                     (REPL inputs all share one name)
//   (clove.repl/keywords)             every interned keyword (completion of :k)
//   (clove.repl/class-names)          the host class names Clove knows (completion)
//
// The namespace is clove.repl rather than clojure.repl so that clojure.repl stays a
// lazily loaded library (eval/loader.h: a namespace with vars counts as loaded).
#include <fstream>
#include <sstream>

#include "eval/core_lib.h"
#include "natives/args.h"
#include "reader/reader.h"
#include "runtime/lang/host_class.h"
#include "runtime/coll/coll.h"
#include "runtime/text/unicode.h"
#include "state/namespace.h"

namespace clove {

namespace {

Value kw(State& vm, const char* name) { return Value::object(vm.names.keyword({}, name)); }

Value r_var_info(State& vm, Args a) {
  Var* v = as<Var>(a[0]);
  if (!v)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("clove.repl/var-info: class {} cannot be cast to class clojure.lang.Var",
                            value_type_name(a[0])));
  std::vector<Value> kvs{kw(vm, "ns"), Value::object(v->ns), kw(vm, "name"), Value::object(v->sym)};
  if (v->is_macro()) kvs.insert(kvs.end(), {kw(vm, "macro"), Value::t()});
  if (v->is_dynamic()) kvs.insert(kvs.end(), {kw(vm, "dynamic"), Value::t()});
  // A native's docstring and arglists ("([x] [x & ys])", read by the caller).
  if (Native* n = v->bound ? as<Native>(v->root) : nullptr) {
    if (n->doc && *n->doc) kvs.insert(kvs.end(), {kw(vm, "doc"), string_value(vm.heap, n->doc)});
    if (n->arglists && *n->arglists)
      kvs.insert(kvs.end(), {kw(vm, "arglists-text"), string_value(vm.heap, n->arglists)});
  }
  RootScope scope(vm.heap);
  Value m = scope[scope.push(map_from(vm, kvs.data(), kvs.size() / 2))];
  Value own = var_meta(vm, v);
  if (own.is_nil()) return m;
  // The var's own metadata wins.
  for (Value s = seq(vm, own); !s.is_nil(); s = next(vm, s)) {
    Value e = first(vm, s);
    m = assoc(vm, m, nth(vm, e, 0), nth(vm, e, 1));
    scope.push(m);
  }
  return m;
}

/// The text of source `file`: registered, embedded or on disk ("" when not found).
bool source_of(State& vm, const std::string& file, std::string* out) {
  if (uint32_t id = vm.sources.find(file)) {
    *out = std::string(vm.sources.text(id));
    return true;
  }
  constexpr std::string_view kEmbedded = "clove/lib/";
  if (file.starts_with(kEmbedded)) {
    for (const EmbeddedFile* f = kCoreLibrary; f->name; ++f)
      if (file.substr(kEmbedded.size()) == f->name) {
        *out = f->text;
        return true;
      }
    return false;
  }
  if (!vm.has_capability(CapabilityId::Fs)) return false;
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

/// The byte offset of line:column (1-based; columns count code points), or npos.
size_t offset_of(std::string_view text, int64_t line, int64_t column) {
  size_t pos = 0;
  for (int64_t l = 1; l < line; ++l) {
    pos = text.find('\n', pos);
    if (pos == std::string_view::npos) return pos;
    ++pos;
  }
  for (int64_t c = 1; c < column && pos < text.size() && text[pos] != '\n'; ++c) {
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

/// The text of the form at line:column of `text`, or "" when there is none there.
/// With `name`, only a definition of that name counts: a list whose head is a symbol
/// starting with "def" and whose second element is the name ((def name ...), (defn
/// name ...), (defmacro name ...)).
std::string form_at(State& vm, std::string_view text, int64_t line, int64_t column, Symbol* name) {
  size_t start = offset_of(text, line, column);
  if (start == std::string::npos || start >= text.size()) return "";
  std::string_view rest = text.substr(start);
  try {
    size_t end = 0;
    Value form;
    if (!first_form_extent(vm, rest, &end, &form)) return "";
    if (name) {
      bool list = is_seq(form) || is_list(form);
      Symbol* head = list ? as<Symbol>(nth(vm, form, 0, Value::nil())) : nullptr;
      Symbol* second = list ? as<Symbol>(nth(vm, form, 1, Value::nil())) : nullptr;
      if (!head || !head->name_view().starts_with("def") || !second || second->name_view() != name->name_view())
        return "";
    }
    return std::string(rest.substr(0, end));
  } catch (const Diagnostic&) {
    return "";
  } catch (const CloveError&) {
    return "";
  }
}

Value r_source_text(State& vm, Args a) {
  if (a[0].is_nil() || a[1].is_nil()) return Value::nil();
  std::string file(arg_string(a, 0, "clove.repl/source-text")->view());
  int64_t line = arg_long(a, 1, "clove.repl/source-text");
  int64_t column = a[2].is_nil() ? 1 : arg_long(a, 2, "clove.repl/source-text");
  Symbol* name = a.size() > 3 ? as<Symbol>(a[3]) : nullptr;
  if (line < 1) return Value::nil();
  // Many sources share a name ("<repl>", an nREPL client's file evaluated form by form):
  // the newest one holding the definition at that place wins.
  if (name) {
    for (size_t id = vm.sources.size(); id-- > 1;) {
      if (vm.sources.name(static_cast<uint32_t>(id)) != file) continue;
      std::string found = form_at(vm, vm.sources.text(static_cast<uint32_t>(id)), line, column, name);
      if (!found.empty()) return string_value(vm.heap, found);
    }
  }
  std::string text;
  if (!source_of(vm, file, &text)) return Value::nil();
  std::string found = form_at(vm, text, line, column, nullptr);
  return found.empty() ? Value::nil() : string_value(vm.heap, found);
}

Value r_keywords(State& vm, Args) {
  std::vector<Value> out;
  vm.names.each_keyword([&](Keyword* k) { out.push_back(Value::object(k)); });
  return vector_from(vm.heap, out.data(), out.size());
}

Value r_class_names(State& vm, Args) {
  std::vector<Value> out;
  RootScope scope(vm.heap);
  for (const HostClassName& c : host_class_names()) {
    out.push_back(string_value(vm.heap, c.full));
    scope.push(out.back());
    if (!c.short_name.empty()) {
      out.push_back(string_value(vm.heap, c.short_name));
      scope.push(out.back());
    }
  }
  return vector_from(vm.heap, out.data(), out.size());
}

}  // namespace

void install_repl_natives(State& vm) {
  const char* R = "clove.repl";
  vm.def_native(R, "var-info", r_var_info, 1, 1,
                "The metadata of var v with :ns and :name, plus a native's :doc and its arglists "
                "as text (:arglists-text).",
                "([v])");
  vm.def_native(R, "source-text", r_source_text, 3, 4,
                "The source text of the form starting at line and column of file (a path, or "
                "clove/lib/NAME for the embedded library), or nil when it cannot be found. With "
                "name, the newest source of that file name whose form there defines name.",
                "([file line column] [file line column name])");
  vm.def_native(R, "keywords", r_keywords, 0, 0, "A vector of every interned keyword, in no order.", "([])");
  vm.def_native(R, "class-names", r_class_names, 0, 0,
                "A vector of the names of the host classes Clove knows: full names, and the short "
                "names of java.lang's (\"java.lang.String\", \"String\").",
                "([])");
}

}  // namespace clove
