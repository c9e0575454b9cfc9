// print.cpp: Clojure's printer (core_print.clj's print-method family) for every
// built-in value, honouring *print-length*, *print-level*, *print-meta* and
// *print-namespace-maps*. Collections are walked only through coll.h. Types with print
// or str hooks in the per-type table print through them; the printer is their
// PrintContext (core/print_context.h, docs/design/printing.md).
#include "runtime/print/print.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <utility>

#include "core/object.h"
#include "core/print_context.h"
#include "core/stack_guard.h"
#include "runtime/num/bignum.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/identity_hash.h"
#include "runtime/lang/exception.h"
#include "runtime/lang/function.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/multifn.h"
#include "state/namespace.h"
#include "runtime/num/number.h"
#include "runtime/text/regex.h"
#include "runtime/host/stream.h"
#include "runtime/text/string.h"
#include "runtime/text/unicode.h"
#include "state/state.h"

namespace clove {

namespace {

// Nesting depth of the prints in progress on this thread: counts through type hooks
// (PrintContext::value) and through prints that print-method methods start.
thread_local uint32_t t_depth = 0;

/// The value of clojure.core/<name> if that var exists, else nil.
Value core_setting(State& vm, const char* name) {
  Namespace* core = vm.core_ns();
  if (!core) return Value::nil();
  Var* v = core->lookup(vm.names.symbol({}, name));
  return v && (v->bound || v->thread_bound) ? vm.var_value(v) : Value::nil();
}

/// Clojure's munge for class-like names: "clojure.core/inc" -> "clojure.core$inc".
std::string munge(std::string_view name) {
  std::string out;
  for (char c : name) {
    switch (c) {
      case '/': out += '$'; break;
      case '-': out += '_'; break;
      case '?': out += "_QMARK_"; break;
      case '!': out += "_BANG_"; break;
      case '*': out += "_STAR_"; break;
      case '+': out += "_PLUS_"; break;
      case '>': out += "_GT_"; break;
      case '<': out += "_LT_"; break;
      case '=': out += "_EQ_"; break;
      case '\'': out += "_SINGLEQUOTE_"; break;
      default: out += c;
    }
  }
  return out;
}

/// The class-like name and identity text of a fn ("clojure.core$inc", "clojure.core$inc@1a2b").
std::string fn_class_name(Value v) {
  const String* name = nullptr;
  if (Closure* c = as<Closure>(v)) name = c->fn->name;
  if (Native* n = as<Native>(v)) name = n->name;
  return name ? munge(name->view()) : "clojure.lang.AFunction";
}

void append_char_name(std::string& out, uint32_t c) {
  switch (c) {
    case '\n': out += "newline"; return;
    case '\t': out += "tab"; return;
    case ' ': out += "space"; return;
    case '\b': out += "backspace"; return;
    case '\f': out += "formfeed"; return;
    case '\r': out += "return"; return;
    default: text::append_code_point(out, static_cast<int32_t>(c));
  }
}

void append_escaped(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\f': out += "\\f"; break;
      case '\b': out += "\\b"; break;
      default: out += c;
    }
  }
  out += '"';
}

/// One print in progress: the built-in rules, and the PrintContext that the print and
/// str hooks of the per-type table (TypeInfo::print, TypeInfo::str) print through.
class Printer final : public PrintContext {
 public:
  /// skip_custom_top: print v itself with the built-in rules even if print-method has a
  /// method for it (the :default method's own call), its elements through print-method.
  Printer(State& vm, std::string& out, bool readably, bool skip_custom_top = false)
      : PrintContext(vm, out, readably), skip_custom_(skip_custom_top) {
    find_custom_methods();
    Value len = core_setting(vm, "*print-length*");
    Value lvl = core_setting(vm, "*print-level*");
    length_ = is_long(len) ? as_long(len) : -1;
    level_ = is_long(lvl) ? as_long(lvl) : -1;
    meta_ = core_setting(vm, "*print-meta*").truthy();
    ns_maps_ = core_setting(vm, "*print-namespace-maps*").truthy();
  }

  /// Tightens *print-length* and *print-level* to `b` and stops printing once the text
  /// printed from here on reaches b.max_chars bytes (truncated() then tells).
  void bound(const PrintBounds& b) {
    length_ = length_ < 0 ? b.length : std::min(length_, b.length);
    level_ = level_ < 0 ? b.level : std::min(level_, b.level);
    char_end_ = out.size() + b.max_chars;
  }
  bool truncated() const { return truncated_; }

  void print(Value v) {
    if (truncated_) return;
    if (out.size() >= char_end_) {
      truncated_ = true;
      return;
    }
    if (t_depth >= kMaxPrintDepth)
      throw_error(ErrorKind::StackOverflowError,
                  fmt::format("Cannot print data nested more than {} levels deep", kMaxPrintDepth));
    if (t_depth % 16 == 0) check_native_stack();
    ++t_depth;
    struct Leave {
      ~Leave() { --t_depth; }
    } leave;
    if (custom_ && !std::exchange(skip_custom_, false) && print_custom(v)) return;
    print_inner(v);
  }

  // ---- PrintContext: what the hooks see ----
  void value(Value v) override { print(v); }
  std::string str(Value v) override { return str_of(vm, v); }
  bool enter_coll() override {
    if (level_exceeded()) return false;
    ++coll_depth_;
    return true;
  }
  void leave_coll() override { --coll_depth_; }
  int64_t length_limit() const override { return length_; }

 private:
  // print-method (09_io.clj) is a multimethod on (type x) whose :default method is this
  // printer. Only when a program has added methods of its own does the printer dispatch
  // each value it prints, so plain printing pays nothing for the hook.
  void find_custom_methods() {
    Namespace* core = vm.core_ns();
    Var* v = core ? core->lookup(vm.names.symbol({}, "print-method")) : nullptr;
    MultiFn* mf = v && v->bound ? multifn_of(v->root) : nullptr;
    if (!mf || count(vm, mf->method_table) <= 1) return;
    custom_ = mf;
    default_method_ = get(vm, mf->method_table, mf->default_val);
  }

  // Prints v with a print-method of the program's when one applies to (type v): the
  // method writes to a fresh StringWriter, with *print-readably* bound as this printer
  // prints. False when only the built-in printing applies.
  bool print_custom(Value v) {
    RootScope roots(vm.heap);
    roots.push(v);
    Value t = get(vm, meta(v), Value::object(vm.kw("type")));
    size_t dispatch = roots.push(t.is_nil() ? class_of(vm, v) : t);
    Value method = multifn_method(vm, custom_, roots[dispatch]);
    if (method.is_nil() || method == default_method_) return false;
    roots.push(method);
    TextWriter* w = vm.heap.make<TextWriter>(WriterKind::String);
    roots.push(Value::object(w));
    Var* readably_var = vm.core_ns()->lookup(vm.names.symbol({}, "*print-readably*"));
    if (readably_var) vm.push_bindings({{readably_var, Value::boolean(readably)}});
    try {
      vm.call(method, {v, Value::object(w)});
    } catch (...) {
      if (readably_var) vm.pop_bindings();
      throw;
    }
    if (readably_var) vm.pop_bindings();
    out += w->text;
    return true;
  }

  void print_inner(Value v) {
    if (v.is_nil()) {
      out += "nil";
    } else if (v.is_bool()) {
      out += v.is_true() ? "true" : "false";
    } else if (is_long(v)) {
      out += fmt::format("{}", as_long(v));
    } else if (is_floating(v)) {
      double d = floating_value(v);
      if (std::isnan(d)) out += "##NaN";
      else if (std::isinf(d)) out += d > 0 ? "##Inf" : "##-Inf";
      else out += v.is_double() ? format_double(d) : format_float(as_float(v));
    } else if (v.is_char()) {
      if (readably) {
        out += '\\';
        append_char_name(out, v.as_char());
      } else {
        text::append_code_point(out, static_cast<int32_t>(v.as_char()));
      }
    } else if (String* s = as<String>(v)) {
      if (readably) append_escaped(out, s->view());
      else out += s->view();
    } else if (is<Symbol>(v)) {
      print_meta(v);
      out += as<Symbol>(v)->str();
    } else if (Keyword* k = as<Keyword>(v)) {
      out += k->str();
    } else if (BigInt* b = as<BigInt>(v)) {
      out += bigint_to_string(b);
      out += 'N';
    } else if (Ratio* r = as<Ratio>(v)) {
      out += ratio_to_string(r);
    } else if (BigDecimal* d = as<BigDecimal>(v)) {
      out += bigdecimal_to_string(d);
      out += 'M';
    } else if (is_map(v) || (has_traits(v, trait::IPersistentMap) && !is_type(v, ObjType::Record))) {
      // built-in maps, and deftype/reify instances implementing IPersistentMap
      print_meta(v);
      print_map(v);
    } else if (is_vector(v) || is_type(v, ObjType::MapEntry)) {
      print_meta(v);
      print_sequential("[", v, "]");
    } else if (is_set(v)) {
      print_meta(v);
      print_sequential("#{", v, "}");
    } else if (is_seq(v) || is_list(v)) {
      print_meta(v);
      print_sequential("(", v, ")");
    } else if (Var* var = as<Var>(v); var && !var->ns) {
      out += "#<Var: --unnamed-->";  // with-local-vars
    } else if (Var* var = as<Var>(v)) {
      out += "#'";
      out += var->ns ? std::string(var->ns->name->name_view()) + "/" : "";
      out += var->sym->name_view();
    } else if (Namespace* ns = as<Namespace>(v)) {
      out += "#namespace[";
      out += ns->name->name_view();
      out += ']';
    } else if (is<Closure>(v) || is<Native>(v)) {
      std::string cls = fn_class_name(v);
      uint32_t h = identity_hash(v.as_obj());
      out += fmt::format("#object[{} 0x{:x} ", cls, h);
      std::string ident = fmt::format("{}@{:x}", cls, h);
      if (readably) append_escaped(out, ident);
      else out += ident;
      out += ']';
    } else if (Exception* e = as<Exception>(v)) {
      print_exception(e);
    } else if (v.is_obj() && type_info(v.as_obj()->type).print) {
      type_info(v.as_obj()->type).print(*this, v);
    } else if (v.is_obj()) {
      out += fmt::format("#object[{} 0x{:x}]", type_name(v.as_obj()->type), identity_hash(v.as_obj()));
    } else {
      out += fmt::format("#<internal 0x{:x}>", v.bits());
    }
  }

  /// ^meta before a form, as Clojure's print-meta (only when printing readably).
  void print_meta(Value v) {
    if (!meta_ || !readably) return;
    Value m = meta(v);
    if (m.is_nil() || count(vm, m) == 0) return;
    out += '^';
    Value tag = get(vm, m, Value::object(vm.names.keyword({}, "tag")));
    if (count(vm, m) == 1 && tag.truthy()) print(tag);
    else print(m);
    out += ' ';
  }

  /// True (and writes "#") when *print-level* cuts this collection off.
  bool level_exceeded() {
    if (level_ >= 0 && static_cast<int64_t>(coll_depth_) >= level_) {
      out += '#';
      return true;
    }
    return false;
  }

  void print_sequential(const char* open, Value coll, const char* close) {
    if (level_exceeded()) return;
    ++coll_depth_;
    RootScope roots(vm.heap);
    roots.push(coll);
    size_t cursor = roots.push(seq(vm, coll));
    out += open;
    int64_t n = 0;
    for (Value s = roots[cursor]; !s.is_nil(); s = roots[cursor]) {
      if (n > 0) out += ' ';
      if (length_ >= 0 && n == length_) {
        out += "...";
        break;
      }
      print(first(vm, s));
      if (truncated_) break;
      ++n;
      roots[cursor] = clove::next(vm, roots[cursor]);
    }
    out += close;
    --coll_depth_;
  }

  /// The namespace shared by every key (keywords or symbols), for #:ns{...}; empty if none.
  std::string common_key_namespace(Value m) {
    std::string ns;
    for (Value s = seq(vm, m); !s.is_nil(); s = clove::next(vm, s)) {
      Value k = nth(vm, first(vm, s), 0);
      Symbol* sym = as<Symbol>(k);
      if (Keyword* kw = as<Keyword>(k)) sym = kw->sym;
      if (!sym || !sym->ns) return "";
      if (ns.empty()) ns = std::string(sym->ns_view());
      else if (ns != sym->ns_view()) return "";
    }
    return ns;
  }

  void print_map(Value m) {
    if (level_exceeded()) return;
    std::string ns = ns_maps_ ? common_key_namespace(m) : "";
    ++coll_depth_;
    RootScope roots(vm.heap);
    roots.push(m);
    size_t cursor = roots.push(seq(vm, m));
    size_t entry = roots.push(Value::nil());  // a map's seq may make its entries as it goes
    out += ns.empty() ? "{" : "#:" + ns + "{";
    int64_t n = 0;
    for (Value s = roots[cursor]; !s.is_nil(); s = roots[cursor]) {
      if (n > 0) out += ", ";
      if (length_ >= 0 && n == length_) {
        out += "...";
        break;
      }
      roots[entry] = first(vm, s);
      Value k = nth(vm, roots[entry], 0);
      if (!ns.empty()) {
        if (Keyword* kw = as<Keyword>(k)) k = Value::object(vm.names.keyword({}, kw->sym->name_view()));
        else if (Symbol* sym = as<Symbol>(k)) k = Value::object(vm.names.symbol({}, sym->name_view()));
      }
      print(k);
      out += ' ';
      print(nth(vm, roots[entry], 1));
      if (truncated_) break;
      ++n;
      roots[cursor] = clove::next(vm, roots[cursor]);
    }
    out += '}';
    --coll_depth_;
  }

  void print_trace_entry(const TraceEntry& t) {
    out += '[';
    out += t.fn_name ? std::string(t.fn_name->view()) : "fn";
    out += ' ';
    std::string file = t.pos.known() ? vm.sources.name(t.pos.file) : "NO_SOURCE_FILE";
    if (readably) append_escaped(out, file);
    else out += file;
    out += fmt::format(" {}]", t.pos.line);
  }

  /// Clojure's #error {...} (print-throwable over Throwable->map).
  void print_exception(Exception* top) {
    std::vector<Exception*> via;
    for (Value c = Value::object(top); is<Exception>(c) && via.size() < 100; c = as<Exception>(c)->cause)
      via.push_back(as<Exception>(c));
    Exception* root = via.back();
    auto message = [](Exception* e) { return e->message ? Value::object(e->message) : Value::nil(); };
    out += "#error {\n :cause ";
    print(message(root));
    if (!root->data.is_nil()) {
      out += "\n :data ";
      print(root->data);
    }
    out += "\n :via\n [";
    for (size_t i = 0; i < via.size(); ++i) {
      if (i > 0) out += "\n  ";
      out += "{:type ";
      out += error_class_name(via[i]->kind);
      out += "\n   :message ";
      print(message(via[i]));
      if (!via[i]->data.is_nil()) {
        out += "\n   :data ";
        print(via[i]->data);
      }
      if (!via[i]->frames.empty()) {
        out += "\n   :at ";
        print_trace_entry(via[i]->frames.front());
      }
      out += '}';
    }
    out += "]\n :trace\n [";
    for (size_t i = 0; i < root->frames.size(); ++i) {
      if (i > 0) out += "\n  ";
      print_trace_entry(root->frames[i]);
    }
    out += "]}";
  }

  int64_t length_ = -1;  // *print-length*; -1 = unlimited
  int64_t level_ = -1;   // *print-level*; -1 = unlimited
  bool meta_ = false;
  bool ns_maps_ = false;
  uint32_t coll_depth_ = 0;  // enclosing collections, for *print-level*
  bool skip_custom_ = false;   // print the next value built-in (the :default method's call)
  MultiFn* custom_ = nullptr;  // print-method, when the program has added methods to it
  Value default_method_;       // its :default method (this printer)
  size_t char_end_ = SIZE_MAX;  // stop printing once out reaches this size (bound())
  bool truncated_ = false;      // ... which has happened
};

}  // namespace

void print_value_builtin(State& vm, std::string& out, Value v, bool readably) {
  Printer(vm, out, readably, true).print(v);
}

void print_value(State& vm, std::string& out, Value v, bool readably) {
  Printer p(vm, out, readably);
  p.print(v);
}

std::string pr_str(State& vm, Value v) {
  std::string out;
  print_value(vm, out, v, true);
  return out;
}

std::string pr_str_bounded(State& vm, Value v, const PrintBounds& bounds) {
  std::string out;
  Printer p(vm, out, true);
  p.bound(bounds);
  p.print(v);
  if (p.truncated() || out.size() > bounds.max_chars) {
    size_t cut = std::min(out.size(), bounds.max_chars);
    while (cut > 0 && cut < out.size() && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
      --cut;
    out.resize(cut);
    out += "...";
  }
  return out;
}

std::string pr_str_report(State& vm, Value v) {
  try {
    return pr_str_bounded(vm, v);
  } catch (const VMAbort&) {
    throw;
  } catch (const CloveError& ce) {
    if (ce.kind == ErrorKind::InterruptedError) throw;
    std::string why = ce.what();
    if (Exception* x = as<Exception>(ce.payload); x && x->message)
      why = std::string(x->message->view());
    return fmt::format("#<unprintable: {}: {}>", error_class_name(ce.kind), why);
  } catch (const std::exception& x) {
    return fmt::format("#<unprintable: {}>", x.what());
  }
}

namespace {

// (str v); with bounds, the values it prints (a collection, an ex-info's data) print
// through pr_str_bounded.
std::string str_impl(State& vm, Value v, const PrintBounds* bounds) {
  // Java's toString of each type; collections print as pr does.
  if (v.is_nil()) return "";
  if (String* s = as<String>(v)) return std::string(s->view());
  if (v.is_char()) {
    std::string out;
    text::append_code_point(out, static_cast<int32_t>(v.as_char()));
    return out;
  }
  if (v.is_double()) return format_double(v.as_double());
  if (is_float(v)) return format_float(as_float(v));
  if (BigInt* b = as<BigInt>(v)) return bigint_to_string(b);
  if (BigDecimal* d = as<BigDecimal>(v)) return bigdecimal_to_string(d);
  if (Namespace* ns = as<Namespace>(v)) return std::string(ns->name->name_view());
  if (Regex* re = as<Regex>(v)) return std::string(re->source->view());  // Pattern.toString
  if (is<Closure>(v) || is<Native>(v)) return fmt::format("{}@{:x}", fn_class_name(v), identity_hash(v.as_obj()));
  if (Exception* e = as<Exception>(v)) {
    std::string out = error_class_name(e->kind);
    if (e->message) {
      out += ": ";
      out += e->message->view();
    }
    if (e->kind == ErrorKind::ExceptionInfo) {
      out += ' ';
      out += bounds ? pr_str_bounded(vm, e->data, *bounds) : pr_str(vm, e->data);
    }
    return out;
  }
  if (v.is_obj()) {
    if (auto hook = type_info(v.as_obj()->type).str) {
      std::string out;
      Printer p(vm, out, false);
      hook(p, v);
      return out;
    }
  }
  return bounds ? pr_str_bounded(vm, v, *bounds) : pr_str(vm, v);
}

}  // namespace

std::string str_of(State& vm, Value v) { return str_impl(vm, v, nullptr); }

std::string str_bounded(State& vm, Value v, const PrintBounds& bounds) {
  return str_impl(vm, v, &bounds);
}

namespace {

/// Java's Double.toString / Float.toString layout over the shortest round-tripping
/// digits of x (std::to_chars gives those; Steele & White / Ryu-style shortest output).
template <class F>
std::string format_floating(F x) {
  if (std::isnan(x)) return "NaN";
  if (std::isinf(x)) return x > 0 ? "Infinity" : "-Infinity";
  if (x == 0) return std::signbit(x) ? "-0.0" : "0.0";
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));  // e.g. "-1.2345e+02"
  if (sci.find('.') == std::string_view::npos) {
    // Java always shows two significant digits (d.dE..): when one digit suffices it
    // picks the two-digit decimal nearest the exact value (4.9E-324, not 5.0E-324).
    res = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific, 1);
    sci = std::string_view(buf, static_cast<size_t>(res.ptr - buf));
  }
  std::string out;
  if (sci[0] == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  size_t e = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e))
    if (c != '.') digits += c;
  int exp = std::stoi(std::string(sci.substr(e + 1)));
  F mag = std::fabs(x);
  if (mag >= F(1e-3) && mag < F(1e7)) {
    if (exp >= 0) {
      size_t int_len = static_cast<size_t>(exp) + 1;
      if (digits.size() <= int_len) {
        out += digits;
        out.append(int_len - digits.size(), '0');
        out += ".0";
      } else {
        std::string frac = digits.substr(int_len);
        while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
        out += digits.substr(0, int_len);
        out += '.';
        out += frac;
      }
    } else {
      while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
      out += "0.";
      out.append(static_cast<size_t>(-exp - 1), '0');
      out += digits;
    }
    return out;
  }
  out += digits[0];
  out += '.';
  out += digits.substr(1);
  out += 'E';
  out += std::to_string(exp);
  return out;
}

}  // namespace

std::string format_double(double d) { return format_floating(d); }

std::string format_float(float f) { return format_floating(f); }

}  // namespace clove
