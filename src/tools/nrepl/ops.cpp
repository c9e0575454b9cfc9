// ops.cpp: the VM-side nREPL ops of ops.h. The answers of the tooling ops come from
// clove.nrepl (src/lib/31_nrepl.clj); this file reads forms, runs them and turns Clove
// data into bencode.
#include "tools/nrepl/ops.h"

#include <fmt/format.h>

#include "api/runtime.h"
#include "core/error.h"
#include "gc/heap.h"
#include "reader/reader.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/exception.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "runtime/text/string.h"
#include "state/namespace.h"

namespace clove::nrepl {

namespace {

/// Calls the clove.nrepl function `name` with `args`.
Value call_nrepl(Runtime& vm, const char* name, std::initializer_list<Value> args) {
  Var* v = vm.resolve_var(vm.core_ns(), vm.sym(std::string("clove.nrepl/") + name));
  if (!v) throw std::runtime_error(std::string("clove.nrepl/") + name + " is missing");
  RootScope scope(vm.heap);
  for (Value a : args) scope.push(a);
  return vm.call(vm.var_value(v), args);
}

/// call_nrepl for the bookkeeping around a job (leaving a session), which an interrupt
/// that arrives as the job's own code ends must not cut short.
Value call_nrepl_uninterrupted(Runtime& vm, const char* name, std::initializer_list<Value> args) {
  for (int attempt = 0;; ++attempt) {
    try {
      return call_nrepl(vm, name, args);
    } catch (const CloveError& e) {
      if (e.kind != ErrorKind::InterruptedError || attempt == 3) throw;
      vm.clear_interrupt();
    }
  }
}

Value str(Runtime& vm, const std::string& s) { return string_value(vm.heap, s); }
Value str_or_nil(Runtime& vm, const std::string& s) { return s.empty() ? Value::nil() : str(vm, s); }

/// Clove data as bencode: maps become dictionaries (keys by name), sequential
/// collections lists, strings, keywords and symbols strings (without the colon),
/// integers integers, anything else its printed form. nil values are left out of maps.
BValue to_bvalue(Runtime& vm, Value v, int depth = 0) {
  if (depth > 32) return BValue(pr_str(vm, v));
  RootScope scope(vm.heap);  // a lazy seq's realisation runs Clove code
  scope.push(v);
  if (String* s = as<String>(v)) return BValue(std::string(s->view()));
  if (Keyword* k = as<Keyword>(v)) return BValue(k->sym->str());
  if (Symbol* s = as<Symbol>(v)) return BValue(s->str());
  if (is_long(v)) return BValue(static_cast<int64_t>(as_long(v)));
  if (is_map(v)) {
    BValue d = BValue::make_dict();
    for (Value s = seq(vm, v); !s.is_nil(); s = next(vm, s)) {
      Value e = first(vm, s);
      Value val = nth(vm, e, 1);
      if (val.is_nil()) continue;
      BValue key = to_bvalue(vm, nth(vm, e, 0), depth + 1);
      d.set(key.is_str() ? key.s : encode(key), to_bvalue(vm, val, depth + 1));
    }
    return d;
  }
  if (is_sequential(v) || is_set(v)) {
    BValue l = BValue::make_list();
    for (Value s = seq(vm, v); !s.is_nil(); s = next(vm, s)) l.list.push_back(to_bvalue(vm, first(vm, s), depth + 1));
    return l;
  }
  return BValue(pr_str(vm, v));
}

/// The first lines of an error report, up to its stack trace or source snippet (the
/// lines that start with four spaces): what Clojure's REPL prints for an error.
std::string error_headline(const std::string& report) {
  std::string out;
  size_t pos = 0;
  while (pos < report.size()) {
    size_t nl = report.find('\n', pos);
    std::string line = report.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
    if (line.starts_with("    ")) break;
    out += line + "\n";
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return out;
}

/// Reports an error of a form the way nREPL does: the eval-error status with the
/// exception's class and its root cause's, then the message on err. Sets *e.
void report_error(Runtime& vm, const Reply& reply, Value exc, const std::string& text) {
  RootScope scope(vm.heap);
  scope.push(exc);
  BValue extra = BValue::make_dict();
  try {
    Value classes = call_nrepl(vm, "record-error", {exc});
    extra.set("ex", to_bvalue(vm, nth(vm, classes, 0)));
    extra.set("root-ex", to_bvalue(vm, nth(vm, classes, 1)));
  } catch (const std::exception&) {
    extra.set("ex", "class java.lang.Throwable");
    extra.set("root-ex", "class java.lang.Throwable");
  }
  reply.status({"eval-error"}, std::move(extra));
  BValue err = BValue::make_dict();
  err.set("err", error_headline(text));
  reply.send(std::move(err));
}

/// The name of the current namespace.
std::string current_ns_name(Runtime& vm) { return vm.current_ns()->name->str(); }

/// Makes namespace `ns` current for a request; false (and an answer sent) when it does
/// not exist.
bool enter_ns(Runtime& vm, const BValue& msg, const Reply& reply) {
  std::string ns = msg.get_str("ns");
  if (ns.empty()) return true;
  Namespace* n = vm.find_ns(vm.sym(ns));
  if (!n) {
    BValue extra = BValue::make_dict();
    extra.set("ns", ns);
    reply.status({"error", "namespace-not-found", "done"}, std::move(extra));
    return false;
  }
  vm.set_current_ns(n);
  return true;
}

/// Position of byte `pos` of code that starts at line:column.
void advance_position(std::string_view text, size_t from, size_t to, int64_t* line, int64_t* column) {
  for (size_t i = from; i < to; ++i) {
    if (text[i] == '\n') {
      ++*line;
      *column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++*column;
    }
  }
}

/// Blank text that puts the next character at line:column (1-based).
std::string padding(int64_t line, int64_t column) {
  constexpr int64_t kMax = 1 << 20;  // beyond this, positions are approximate
  std::string pad(static_cast<size_t>(std::clamp<int64_t>(line - 1, 0, kMax)), '\n');
  pad.append(static_cast<size_t>(std::clamp<int64_t>(column - 1, 0, kMax)), ' ');
  return pad;
}

enum class FormResult { Ok, Error, Interrupted };

/// Runs `src` (one or more forms, already padded to their position) in the entered
/// session; sends its value (when `send_value`, with the namespace `value_ns` or else
/// the current one) or its error.
FormResult run_source(Runtime& vm, const Reply& reply, const std::string& src, const std::string& file,
                      bool send_value, Namespace* value_ns = nullptr) {
  auto on_error = [&](Value exc, const std::string& text) {
    report_error(vm, reply, exc, text);
    return FormResult::Error;
  };
  try {
    Value v = vm.eval_string(src, file);
    RootScope scope(vm.heap);
    scope.push(v);
    Value printed = call_nrepl(vm, "record-value", {v});
    if (send_value) {
      BValue msg = BValue::make_dict();
      String* s = as<String>(printed);
      msg.set("value", s ? std::string(s->view()) : std::string("nil"));
      msg.set("ns", value_ns ? value_ns->name->str() : current_ns_name(vm));
      reply.send(std::move(msg));
    }
    return FormResult::Ok;
  } catch (const Diagnostic& d) {
    ErrorKind kind = std::string_view(diag_kind_name(d.kind)).starts_with("reader_") ? ErrorKind::ReaderException
                                                                                     : ErrorKind::CompilerException;
    Value exc = Value::object(vm.make_exception(kind, d.what()));
    return on_error(exc, render_diagnostic(d, vm.sources));
  } catch (const VMAbort& e) {
    return on_error(Value::object(vm.make_exception(e.kind, e.what())),
                    fmt::format("Execution error ({}).\n{}\n", error_short_name(e.kind), e.what()));
  } catch (const CloveError& e) {
    if (e.kind == ErrorKind::InterruptedError) return FormResult::Interrupted;
    Value exc = is<Exception>(e.payload) ? e.payload : Value::object(vm.make_exception(e.kind, e.what()));
    RootScope scope(vm.heap);
    scope.push(exc);
    return on_error(exc, vm.format_exception(exc));
  }
}

/// Runs `job` inside session reply.session: its namespace and bindings around it, *out*
/// and *err* streamed to the client. Sends "done" at the end.
template <class F>
void in_session(Runtime& vm, const Reply& reply, F&& job) {
  const Value session = str(vm, reply.session);
  RootScope scope(vm.heap);
  scope.push(session);
  try {
    call_nrepl(vm, "enter-session", {session});
  } catch (const CloveError& e) {
    if (e.kind != ErrorKind::InterruptedError) throw;
    vm.clear_interrupt();  // interrupted before its code started
    reply.status({"interrupted"});
    reply.done();
    return;
  }
  vm.set_out([reply](std::string_view s) {
    BValue m = BValue::make_dict();
    m.set("out", std::string(s));
    reply.send(std::move(m));
  });
  vm.set_err([reply](std::string_view s) {
    BValue m = BValue::make_dict();
    m.set("err", std::string(s));
    reply.send(std::move(m));
  });
  bool interrupted = false;
  try {
    interrupted = job();
  } catch (...) {
    vm.clear_interrupt();
    call_nrepl_uninterrupted(vm, "leave-session", {session});
    throw;
  }
  vm.clear_interrupt();
  call_nrepl_uninterrupted(vm, "leave-session", {session});
  if (interrupted) reply.status({"interrupted"});
  reply.done();
}

}  // namespace

void op_new_session(Runtime& vm, const std::string& id, const std::string& from) {
  RootScope scope(vm.heap);
  Value a = scope[scope.push(str(vm, id))];
  Value b = scope[scope.push(str_or_nil(vm, from))];
  call_nrepl(vm, "new-session", {a, b});
}

void op_close_session(Runtime& vm, const std::string& id) {
  RootScope scope(vm.heap);
  Value a = scope[scope.push(str(vm, id))];
  call_nrepl(vm, "close-session", {a});
}

void op_eval(Runtime& vm, const BValue& msg, const Reply& reply) {
  const BValue* code_field = msg.get("code");
  if (!code_field || !code_field->is_str()) {
    reply.status({"error", "no-code", "done"});
    return;
  }
  const std::string& code = code_field->s;
  const std::string file = msg.get_str("file", "NO_SOURCE_FILE");
  int64_t line = std::max<int64_t>(1, msg.get_int("line", 1));
  int64_t column = std::max<int64_t>(1, msg.get_int("column", 1));
  in_session(vm, reply, [&] {
    if (!enter_ns(vm, msg, reply)) return false;
    // Form by form: each is read after the one before it ran (it may define the
    // namespace or alias the next one names), padded so that positions are the
    // client's.
    size_t pos = 0;
    while (pos < code.size()) {
      std::string_view rest = std::string_view(code).substr(pos);
      size_t end = rest.size();
      bool last = false;
      try {
        if (!first_form_extent(vm, rest, &end)) break;  // only blanks and comments are left
      } catch (const Diagnostic&) {
        last = true;  // the reader error is reported by running the rest
      }
      std::string src = padding(line, column);
      src.append(rest.substr(0, end));
      FormResult r = run_source(vm, reply, src, file, true);
      if (r == FormResult::Interrupted) return true;
      if (last) break;  // after a runtime error the next forms still run, as in Clojure's REPL
      advance_position(code, pos, pos + end, &line, &column);
      pos += end;
    }
    return false;
  });
}

void op_load_file(Runtime& vm, const BValue& msg, const Reply& reply) {
  const BValue* contents = msg.get("file");
  if (!contents || !contents->is_str()) {
    reply.status({"error", "no-code", "done"});
    return;
  }
  std::string path = msg.get_str("file-path", msg.get_str("file-name", "NO_SOURCE_FILE"));
  in_session(vm, reply, [&] {
    // As a load: *ns* is the session's again afterwards.
    Namespace* saved = vm.current_ns();
    FormResult r = FormResult::Ok;
    try {
      r = run_source(vm, reply, contents->s, path, true, saved);
    } catch (...) {
      vm.set_current_ns(saved);
      throw;
    }
    vm.set_current_ns(saved);
    return r == FormResult::Interrupted;
  });
}

void op_completions(Runtime& vm, const BValue& msg, const Reply& reply) {
  std::string prefix = msg.get_str("prefix", msg.get_str("symbol"));
  RootScope scope(vm.heap);
  Value p = scope[scope.push(str(vm, prefix))];
  Value ns = scope[scope.push(str_or_nil(vm, msg.get_str("ns")))];
  BValue out = BValue::make_dict();
  out.set("completions", to_bvalue(vm, call_nrepl(vm, "completions", {p, ns})));
  out.set("status", BValue::make_list({"done"}));
  reply.send(std::move(out));
}

void op_info(Runtime& vm, const BValue& msg, const Reply& reply) {
  std::string sym = msg.get_str("sym", msg.get_str("symbol"));
  bool lookup = msg.get_str("op") == "lookup";
  if (lookup && sym.empty()) sym = msg.get_str("lookup");
  if (sym.empty()) {
    reply.status({"error", "no-symbol", "done"});
    return;
  }
  RootScope scope(vm.heap);
  Value s = scope[scope.push(str(vm, sym))];
  Value ns = scope[scope.push(str_or_nil(vm, msg.get_str("ns")))];
  Value info = Value::nil();
  try {
    info = call_nrepl(vm, "info", {s, ns});
  } catch (const CloveError&) {
  }
  if (info.is_nil()) {
    reply.status({"done", "no-info"});
    return;
  }
  BValue out = BValue::make_dict();
  if (lookup)
    out.set("info", to_bvalue(vm, info));
  else
    out = to_bvalue(vm, info);
  out.set("status", BValue::make_list({"done"}));
  reply.send(std::move(out));
}

void op_eldoc(Runtime& vm, const BValue& msg, const Reply& reply) {
  std::string sym = msg.get_str("sym", msg.get_str("symbol"));
  RootScope scope(vm.heap);
  Value s = scope[scope.push(str(vm, sym))];
  Value ns = scope[scope.push(str_or_nil(vm, msg.get_str("ns")))];
  Value info = Value::nil();
  try {
    if (!sym.empty()) info = call_nrepl(vm, "eldoc", {s, ns});
  } catch (const CloveError&) {
  }
  if (info.is_nil()) {
    reply.status({"done", "no-eldoc"});
    return;
  }
  BValue out = to_bvalue(vm, info);
  out.set("status", BValue::make_list({"done"}));
  reply.send(std::move(out));
}

void op_macroexpand(Runtime& vm, const BValue& msg, const Reply& reply) {
  const BValue* code = msg.get("code");
  if (!code || !code->is_str()) {
    reply.status({"error", "no-code", "done"});
    return;
  }
  RootScope scope(vm.heap);
  Value c = scope[scope.push(str(vm, code->s))];
  Value e = scope[scope.push(str(vm, msg.get_str("expander", "macroexpand")))];
  Value ns = scope[scope.push(str_or_nil(vm, msg.get_str("ns")))];
  try {
    Value text = call_nrepl(vm, "expand", {c, e, ns});
    BValue out = BValue::make_dict();
    out.set("expansion", to_bvalue(vm, text));
    out.set("status", BValue::make_list({"done"}));
    reply.send(std::move(out));
  } catch (const Diagnostic& d) {
    BValue err = BValue::make_dict();
    err.set("err", error_headline(render_diagnostic(d, vm.sources)));
    reply.send(std::move(err));
    reply.status({"error", "macroexpand-error", "done"});
  } catch (const CloveError& ex) {
    BValue err = BValue::make_dict();
    err.set("err", std::string(ex.what()) + "\n");
    reply.send(std::move(err));
    reply.status({"error", "macroexpand-error", "done"});
  }
}

}  // namespace clove::nrepl
