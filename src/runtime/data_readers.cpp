// data_readers.cpp: *data-readers* and *default-data-reader-fn* (data_readers.h).
#include "runtime/data_readers.h"

#include <vector>

#include <fmt/format.h>

#include "runtime/coll.h"
#include "runtime/print.h"
#include "runtime/stream.h"
#include "runtime/tagged.h"
#include "vm/vm.h"

namespace clove {

namespace {

Value core_value(VM& vm, const char* name) {
  Var* v = vm.core_ns()->lookup(vm.sym(name));
  return v && v->bound ? vm.var_value(v) : Value::nil();
}

}  // namespace

bool DataReaders::configure(VM& vm, ReaderOptions* opts) {
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

Value DataReaders::call_reader(VM& vm, Value tag, Value form) {
  Value fn = is_map(readers_) ? get(vm, readers_, tag) : Value::nil();
  if (fn.truthy()) return vm.call(fn, {form});
  if (default_fn_.truthy()) return vm.call(default_fn_, {tag, form});
  throw_error(ErrorKind::RuntimeException, fmt::format("No reader function for tag {}", str_of(vm, tag)));
}

Value DataReaders::resolve(VM& vm, Value form) {
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

Value read_string_form(VM& vm, std::string_view text, const Value* eof) {
  // Read as source 0 (unknown): the forms carry no positions, as the JVM's read-string
  // gives none, and the text is not kept, so a loop of read-string calls (parsing
  // input line by line) does not grow the VM's source registry.
  DataReaders readers;
  ReaderOptions opts;
  bool deferring = readers.configure(vm, &opts);
  Reader reader(vm, text, 0, opts);
  Value form;
  bool got;
  try {
    got = reader.next(&form);
  } catch (const Diagnostic& d) {
    // As the JVM's read-string over a plain string reader: the bare message (no
    // position, and no ", starting at line N" on an unterminated form).
    std::string msg = d.what();
    if (size_t at = msg.find(", starting at line"); at != std::string::npos) msg.erase(at);
    throw_error(ErrorKind::RuntimeException, msg);
  }
  if (!got) {
    if (eof) return *eof;
    throw_error(ErrorKind::RuntimeException, "EOF while reading");
  }
  if (!deferring) return form;
  RootScope scope(vm.heap);
  scope.push(form);
  return readers.resolve(vm, form);
}

Value read_from_stream(VM& vm, LineReader* r, bool eof_error, Value eof_value, std::string* text_read) {
  for (;;) {
    std::string_view rest = std::string_view(r->text).substr(std::min(r->pos, r->text.size()));
    DataReaders readers;
    ReaderOptions opts;
    bool deferring = readers.configure(vm, &opts);
    Reader reader(vm, rest, 0, opts);
    Value form;
    bool got;
    try {
      got = reader.next(&form);
    } catch (const Diagnostic& d) {
      // A form continuing past the input read so far: stdin may have more lines.
      if (d.kind == DiagKind::reader_unterminated && reader_fill_line(r)) continue;
      r->pos += std::max<size_t>(reader.offset(), 1);
      std::string msg = d.what();
      if (size_t at = msg.find(", starting at line"); at != std::string::npos) msg.erase(at);
      throw_error(ErrorKind::RuntimeException, msg);
    }
    if (!got) {
      if (reader_fill_line(r)) continue;  // only blank input so far
      r->pos = r->text.size();
      if (eof_error) throw_error(ErrorKind::RuntimeException, "EOF while reading");
      return eof_value;
    }
    size_t used = reader.offset();
    if (text_read) {
      std::string_view t = rest.substr(0, used);
      size_t b = t.find_first_not_of(" \t\r\n,");
      *text_read = b == std::string_view::npos ? "" : std::string(t.substr(b));
    }
    r->pos += used;
    if (!deferring) return form;
    RootScope scope(vm.heap);
    scope.push(form);
    return readers.resolve(vm, form);
  }
}

void install_data_reader_vars(VM& vm) {
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
