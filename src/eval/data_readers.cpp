// data_readers.cpp: *data-readers* and *default-data-reader-fn* (data_readers.h).
#include "eval/data_readers.h"

#include <vector>

#include <fmt/format.h>

#include "runtime/coll/coll.h"
#include "runtime/print/print.h"
#include "runtime/host/stream.h"
#include "runtime/host/tagged.h"
#include "state/state.h"

namespace clove {

namespace {

Value core_value(State& vm, const char* name) {
  Var* v = vm.core_ns()->lookup(vm.sym(name));
  return v && v->bound ? vm.var_value(v) : Value::nil();
}

}  // namespace

bool DataReaders::configure(State& vm, ReaderOptions* opts) {
  readers_ = core_value(vm, "*data-readers*");
  default_fn_ = core_value(vm, "*default-data-reader-fn*");
  tags_.clear();
  if (is_map(readers_))
    for (Value s = seq(vm, readers_); !s.is_nil(); s = next(vm, s)) {
      Symbol* tag = as<Symbol>(nth(vm, first(vm, s), 0));
      if (tag) tags_.insert(tag->str());
    }
  opts->deferred_tags = tags_.empty() ? nullptr : &tags_;
  opts->defer_unknown_tags = default_fn_.truthy();
  return !tags_.empty() || opts->defer_unknown_tags;
}

Value DataReaders::call_reader(State& vm, Value tag, Value form) {
  Value fn = is_map(readers_) ? get(vm, readers_, tag) : Value::nil();
  if (fn.truthy()) return vm.call(fn, {form});
  if (default_fn_.truthy()) return vm.call(default_fn_, {tag, form});
  throw_error(ErrorKind::RuntimeException, fmt::format("No reader function for tag {}", str_of(vm, tag)));
}

Value DataReaders::resolve(State& vm, Value form) {
  RootScope scope(vm.heap);
  scope.push(readers_);
  scope.push(default_fn_);
  if (TaggedLiteral* t = as<TaggedLiteral>(form)) {
    Value inner = resolve(vm, t->form);
    scope.push(inner);
    return call_reader(vm, t->tag, inner);
  }
  bool map = is_map(form);
  if (!(is_list(form) || is_seq(form) || is_vector(form) || map || is_set(form))) return form;
  // Resolve every element (a map's keys and values), rooted, noting whether any changed.
  size_t base = scope.push(Value::nil());
  size_t n = 0;
  bool changed = false;
  for (Value s = seq(vm, form); !s.is_nil(); s = next(vm, s)) {
    scope[base] = s;
    Value item = first(vm, s);
    Value parts[2] = {item, Value::nil()};
    int nparts = 1;
    if (map) {
      parts[0] = nth(vm, item, 0);
      parts[1] = nth(vm, item, 1);
      nparts = 2;
    }
    for (int i = 0; i < nparts; ++i) {
      Value r = resolve(vm, parts[i]);
      changed |= r != parts[i];
      scope.push(r);
      ++n;
    }
  }
  if (!changed) return form;
  std::vector<Value> items(n);
  for (size_t i = 0; i < n; ++i) items[i] = scope[base + 1 + i];
  Value out = is_vector(form) ? vector_from(vm.heap, items.data(), n)
              : map           ? map_from(vm, items.data(), n / 2)
              : is_set(form)  ? set_from(vm, items.data(), n)
                              : list_from(vm.heap, items.data(), n);
  if (Value m = meta(form); !m.is_nil()) out = with_meta(vm, out, m);
  if (out.is_obj()) vm.source_map.copy(form.as_obj(), out.as_obj());
  return out;
}

namespace {

enum class ReadOutcome { Form, Eof, Unterminated };

/// Reads the first form of `text` as read-string and read do: source 0 (no positions;
/// the text is not kept, so a loop of reads does not grow the source registry), tags
/// resolved through *data-readers*. *used gets the bytes up to the form's end. A reader
/// error other than an unterminated form throws RuntimeException with the bare message
/// the JVM's reader gives (no position, no ", starting at line N"), or the error that
/// caused it when there is one (a regex literal's PatternSyntaxException); *used then
/// says how far the reader got. `conditionals` (when given) says how #? reads.
ReadOutcome read_first_form(State& vm, std::string_view text, Value* out, size_t* used, bool edn,
                            const ReaderOptions* conditionals = nullptr) {
  DataReaders readers;
  ReaderOptions opts;
  opts.edn = edn;
  if (conditionals) {
    opts.read_cond = conditionals->read_cond;
    opts.extra_features = conditionals->extra_features;
  }
  bool deferring = readers.configure(vm, &opts);
  StateReaderEnv env(vm);
  Reader reader(vm, env, text, 0, opts);
  bool got;
  try {
    got = reader.next(out);
  } catch (const Diagnostic& d) {
    *used = reader.offset();
    if (d.kind == DiagKind::reader_unterminated) return ReadOutcome::Unterminated;
    if (d.cause) std::rethrow_exception(d.cause);  // a regex's PatternSyntaxException, as is
    std::string msg = d.what();
    if (size_t at = msg.find(", starting at line"); at != std::string::npos) msg.erase(at);
    throw_error(ErrorKind::RuntimeException, msg);
  }
  *used = reader.offset();
  if (!got) return ReadOutcome::Eof;
  if (deferring) {
    RootScope scope(vm.heap);
    scope.push(*out);
    *out = readers.resolve(vm, *out);
  }
  return ReadOutcome::Form;
}

[[noreturn]] void eof_while_reading() { throw_error(ErrorKind::RuntimeException, "EOF while reading"); }

}  // namespace

Value read_string_form(State& vm, std::string_view text, const Value* eof, bool edn,
                       const ReaderOptions* conditionals) {
  Value form;
  size_t used = 0;
  switch (read_first_form(vm, text, &form, &used, edn, conditionals)) {
    case ReadOutcome::Form: return form;
    case ReadOutcome::Eof:
      if (eof) return *eof;
      eof_while_reading();
    case ReadOutcome::Unterminated: eof_while_reading();
  }
  return Value::nil();
}

Value read_from_stream(State& vm, LineReader* r, bool eof_error, Value eof_value, std::string* text_read, bool edn,
                       const ReaderOptions* conditionals) {
  for (;;) {
    std::string_view rest = std::string_view(r->text).substr(std::min(r->pos, r->text.size()));
    Value form;
    size_t used = 0;
    ReadOutcome got;
    try {
      got = read_first_form(vm, rest, &form, &used, edn, conditionals);
    } catch (...) {
      r->pos += std::max<size_t>(used, 1);  // continue after the bad input, as the JVM's reader
      throw;
    }
    // A form, or only blanks, continuing past the input read so far: stdin may have more.
    if (got != ReadOutcome::Form && reader_fill_line(r)) continue;
    if (got == ReadOutcome::Unterminated) {
      r->pos = r->text.size();
      eof_while_reading();
    }
    if (got == ReadOutcome::Eof) {
      r->pos = r->text.size();
      if (eof_error) eof_while_reading();
      return eof_value;
    }
    if (text_read) {
      std::string_view t = rest.substr(0, used);
      size_t b = t.find_first_not_of(" \t\r\n,");
      *text_read = b == std::string_view::npos ? "" : std::string(t.substr(b));
    }
    r->pos += used;
    return form;
  }
}

void install_data_reader_vars(State& vm) {
  auto make = [&](const char* name, Value root) {
    Var* v = vm.intern(vm.core_ns(), vm.sym(name));
    v->flags |= kFlagDynamic;
    v->root = root;
    v->bound = true;
    vm.heap.barrier(v, root);
  };
  make("*data-readers*", map_from(vm, nullptr, 0));
  make("*default-data-reader-fn*", Value::nil());
}

}  // namespace clove
