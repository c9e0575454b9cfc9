// stream.cpp: text writers and line readers (stream.h).
#include "runtime/host/stream.h"

#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "core/error.h"
#include "runtime/host/file.h"
#include "runtime/num/number.h"
#include "runtime/text/string.h"
#include "core/type_table.h"
#include "state/state.h"

namespace clove {

TextWriter* as_writer(Value v) {
  if (!v.is_obj()) return nullptr;
  ObjType t = v.as_obj()->type;
  return t == ObjType::Writer || t == ObjType::StringWriter || t == ObjType::StringBuilder
             ? static_cast<TextWriter*>(v.as_obj())
             : nullptr;
}

void writer_recount(Heap& h, TextWriter* w) {
  h.recount_external(w->counted, w->text.capacity());
  h.check_limit();
}

LineReader* make_line_reader(Heap& h, ReaderKind kind, std::string text) {
  LineReader* r = h.make<LineReader>(kind, std::move(text));
  h.recount_external(r->counted, r->text.capacity());
  h.check_limit();
  return r;
}

void writer_write(Heap& h, TextWriter* w, std::string_view s) {
  switch (w->kind) {
    case WriterKind::Stdout:
    case WriterKind::Stderr:
      if (w->sink) w->sink(s);
      else std::fwrite(s.data(), 1, s.size(), w->kind == WriterKind::Stdout ? stdout : stderr);
      return;
    case WriterKind::String:
      h.reserve_counted(w->text, w->text.size() + s.size(), w->counted);
      w->text.append(s);
      return;
    case WriterKind::File:
      if (!w->file) throw_error(ErrorKind::IOException, "Stream closed");
      if (std::fwrite(s.data(), 1, s.size(), w->file) != s.size())
        throw_error(ErrorKind::IOException, fmt::format("{}: write failed", w->path));
      return;
  }
}

TextWriter* checked_writer(Value v) {
  if (TextWriter* w = as_writer(v)) return w;
  if (v.is_nil()) throw_error(ErrorKind::NullPointerException, "Cannot write to a nil writer (*out* is bound to nil)");
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class java.io.Writer", value_type_name(v)));
}

void writer_flush(TextWriter* w) {
  switch (w->kind) {
    case WriterKind::Stdout:
      if (!w->sink) std::fflush(stdout);
      return;
    case WriterKind::Stderr:
      if (!w->sink) std::fflush(stderr);
      return;
    case WriterKind::String:
      return;
    case WriterKind::File:
      if (w->file) std::fflush(w->file);
      return;
  }
}

void writer_close(TextWriter* w) {
  if (w->kind == WriterKind::File && w->file) {
    bool failed = std::fclose(w->file) != 0;
    w->file = nullptr;
    if (failed) throw_error(ErrorKind::IOException, fmt::format("{}: close failed", w->path));
  }
  if (w->kind == WriterKind::Stdout || w->kind == WriterKind::Stderr) writer_flush(w);
}

namespace {

[[noreturn]] void closed_error() { throw_error(ErrorKind::IOException, "Stream closed"); }

/// Splits the next line off text at pos, as BufferedReader.readLine does.
bool next_line(const std::string& text, size_t* pos, std::string* line) {
  if (*pos >= text.size()) return false;
  size_t end = text.find_first_of("\r\n", *pos);
  if (end == std::string::npos) {
    line->assign(text, *pos, std::string::npos);
    *pos = text.size();
    return true;
  }
  line->assign(text, *pos, end - *pos);
  *pos = end + 1;
  if (text[end] == '\r' && *pos < text.size() && text[*pos] == '\n') ++*pos;
  return true;
}

}  // namespace

bool reader_read_line(LineReader* r, std::string* line) {
  if (r->closed) closed_error();
  if (r->kind == ReaderKind::String) return next_line(r->text, &r->pos, line);
  // Stdin: first what `read` took from stdin and left unconsumed (whole lines).
  if (r->pos < r->text.size()) {
    next_line(r->text, &r->pos, line);
    if (r->pos >= r->text.size()) r->text.clear(), r->pos = 0;
    return true;
  }
  if (r->source) return r->source(line);
  std::fflush(stdout);
  if (!std::getline(std::cin, *line)) return false;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  return true;
}

bool reader_fill_line(LineReader* r) {
  if (r->closed) closed_error();
  if (r->kind == ReaderKind::String) return false;
  std::string line;
  if (r->source) {
    if (!r->source(&line)) return false;
  } else {
    std::fflush(stdout);
    if (!std::getline(std::cin, line)) return false;
  }
  if (r->pos > 0 && r->pos >= r->text.size()) r->text.clear(), r->pos = 0;
  r->text += line;
  r->text += '\n';
  return true;
}

std::string reader_read_all(LineReader* r) {
  if (r->closed) closed_error();
  if (r->kind == ReaderKind::String) {
    std::string rest = r->text.substr(std::min(r->pos, r->text.size()));
    r->pos = r->text.size();
    return rest;
  }
  std::string rest = r->text.substr(std::min(r->pos, r->text.size()));
  r->text.clear();
  r->pos = 0;
  if (r->source) {
    for (std::string line; r->source(&line);) rest += line + "\n";
    return rest;
  }
  std::fflush(stdout);
  return rest + std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
}

namespace {

/// The class name without its package, for names given either way.
std::string_view simple_name(std::string_view name) {
  size_t dot = name.rfind('.');
  return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

bool is_known(std::string_view full, std::string_view pkg, std::string_view simple) {
  return full == simple || (full.size() == pkg.size() + 1 + simple.size() && full.substr(0, pkg.size()) == pkg &&
                            full[pkg.size()] == '.' && full.substr(pkg.size() + 1) == simple);
}

[[noreturn]] void bad_args(std::string_view cls, const char* wanted) {
  throw_error(ErrorKind::IllegalArgumentException, fmt::format("No matching ctor found for class {}: expected {}", cls, wanted));
}

}  // namespace

Value construct_stream_class(State& vm, std::string_view cls, Args a, int from) {
  int nargs = a.size() - from;
  auto args = [&](int i) { return a[from + i]; };
  std::string_view simple = simple_name(cls);
  auto named = [&](std::string_view pkg, std::string_view s) { return simple == s && is_known(cls, pkg, s); };
  if (named("java.io", "StringWriter")) {
    if (nargs > 1) bad_args(cls, "no arguments or an initial size");
    return Value::object(vm.heap.make<TextWriter>(WriterKind::String));
  }
  if (named("java.lang", "StringBuilder")) {  // (), (capacity) or (initial text)
    if (nargs > 1 || (nargs == 1 && !is<String>(args(0)) && !is_long(args(0))))
      bad_args(cls, "no arguments, a capacity or a string");
    String* init = nargs == 1 ? as<String>(args(0)) : nullptr;
    TextWriter* w = vm.heap.make<TextWriter>(std::string(init ? init->view() : std::string_view{}));
    writer_recount(vm.heap, w);
    return Value::object(w);
  }
  if (named("java.io", "StringReader")) {
    String* s = nargs == 1 ? as<String>(args(0)) : nullptr;
    if (!s) bad_args(cls, "a string");
    return Value::object(make_line_reader(vm.heap, ReaderKind::String, std::string(s->view())));
  }
  if (named("java.io", "BufferedReader") || named("java.io", "PushbackReader") ||
      named("clojure.lang", "LineNumberingPushbackReader")) {
    if (nargs < 1 || nargs > 2 || !is<LineReader>(args(0))) bad_args(cls, "a java.io.Reader");
    return args(0);
  }
  if (named("java.io", "File")) {  // File(path) or File(parent, child)
    vm.require_capability(CapabilityId::Fs, "java.io.File.");
    std::string a0, a1;
    const std::string* p = nargs >= 1 && nargs <= 2 ? file_path_of(args(0), &a0) : nullptr;
    const std::string* c = nargs == 2 ? file_path_of(args(1), &a1) : nullptr;
    if (!p || (nargs == 2 && !c)) bad_args(cls, "a path, or a parent and a child path");
    return make_file(vm.heap, c ? file_join(*p, *c) : *p);
  }
  if (named("java.io", "PrintWriter") || named("java.io", "BufferedWriter")) {
    if (nargs < 1 || nargs > 2 || !as_writer(args(0))) bad_args(cls, "a java.io.Writer");
    return args(0);
  }
  return Value::nil();
}

void register_stream_types(TypeInfo* table) {
  register_type<TextWriter>(table);
  register_type_as<TextWriter>(table, ObjType::StringWriter);  // the same struct
  register_type_as<TextWriter>(table, ObjType::StringBuilder);
  register_type<LineReader>(table);
}

// ---- State services defined by this layer (state/state.h) ----

void State::init_streams() {
  auto make_var = [this](const char* name, Obj* root) {
    Var* v = intern(core_ns_, sym(name));
    v->flags |= kFlagDynamic;
    v->root = Value::object(root);
    v->bound = true;
    heap.barrier(v, v->root);
    permanent.push_back(v->root);  // set_out/set_err reach the writers even if *out* is redefined
    return v;
  };
  stdout_writer_ = heap.make<TextWriter>(WriterKind::Stdout);
  stderr_writer_ = heap.make<TextWriter>(WriterKind::Stderr);
  out_var_ = make_var("*out*", stdout_writer_);
  err_var_ = make_var("*err*", stderr_writer_);
  in_var_ = make_var("*in*", heap.make<LineReader>(ReaderKind::Stdin, std::string()));
}

void State::write_out(std::string_view s) {
  // The common case (no binding of *out*) costs one flag test beyond the write.
  write_to(heap, out_var_->thread_bound ? var_value(out_var_) : out_var_->root, s);
}

void State::set_out(OutputSink sink) { stdout_writer_->sink = std::move(sink); }
void State::set_err(OutputSink sink) { stderr_writer_->sink = std::move(sink); }
void State::set_in(std::function<bool(std::string*)> source) {
  if (LineReader* r = as<LineReader>(in_var_->root)) r->source = std::move(source);
}


}  // namespace clove
