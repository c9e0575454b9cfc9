// vm.cpp: VM construction, namespaces and vars, evaluation entry points, output.
#include "vm/vm.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "compiler/compiler.h"
#include "reader/reader.h"
#include "runtime/coll.h"
#include "runtime/data_readers.h"
#include "runtime/stream.h"

namespace clove {

VM::VM(VMOptions opts) : names(heap) {
  heap.owner = this;
  heap.add_root_provider(this);
  heap.on_free_flagged = [this](Obj* o) { source_map.forget(o); };
  fiber_ = heap.make<Fiber>();
  fiber_->stack.resize(4096, Value::nil());
  fiber_->status = FiberStatus::Alive;
  core_ns_ = find_or_create_ns(sym("clojure.core"));
  ns_var_ = intern(core_ns_, sym("*ns*"));
  ns_var_->flags |= kFlagDynamic;
  ns_var_->root = Value::object(core_ns_);
  ns_var_->bound = true;
  init_streams();
  install_core(*this, opts.load_core_library);
  set_current_ns(find_or_create_ns(sym("user")));
}

VM::~VM() { heap.remove_root_provider(this); }

void VM::trace_roots(Tracer& t) {
  names.trace(t);
  for (auto& [k, ns] : namespaces_) {
    t.mark(k);
    t.mark(ns);
  }
  // The running fiber's stack is not write-barriered, so it is traced as a root at
  // every root scan (start and atomic phase), not only when the fiber is first greyed.
  t.mark(fiber_);
  fiber_->trace(t);
  t.mark(last_exception_);
  for (Value v : permanent) t.mark(v);
}

Namespace* VM::current_ns() const { return static_cast<Namespace*>(ns_var_->root.as_obj()); }

void VM::set_current_ns(Namespace* ns) {
  ns_var_->root = Value::object(ns);
  heap.barrier(ns_var_, ns);
}

Namespace* VM::find_ns(Symbol* name) const {
  auto it = namespaces_.find(name);
  return it == namespaces_.end() ? nullptr : it->second;
}

Namespace* VM::find_or_create_ns(Symbol* name) {
  if (Namespace* ns = find_ns(name)) return ns;
  Namespace* ns = heap.make<Namespace>(name);
  namespaces_.emplace(name, ns);
  return ns;
}

Var* VM::intern(Namespace* ns, Symbol* name) {
  auto it = ns->mappings.find(name);
  if (it != ns->mappings.end() && it->second->ns == ns) return it->second;
  Var* v = heap.make<Var>(ns, name);
  ns->mappings[name] = v;
  heap.barrier(ns, v);
  return v;
}

Var* VM::def_native(std::string_view ns_name, std::string_view name, NativeFn fn, int min_args,
                    int max_args, const char* doc, const char* arglists) {
  Namespace* ns = find_or_create_ns(sym(ns_name));
  Var* v = intern(ns, sym(name));
  std::string full = fmt::format("{}/{}", ns_name, name);
  Native* n = heap.make<Native>(fn, make_string(heap, full), doc, arglists, static_cast<int16_t>(min_args),
                                static_cast<int16_t>(max_args));
  v->root = Value::object(n);
  v->bound = true;
  heap.barrier(v, n);
  return v;
}

Var* VM::resolve_var(Namespace* from, Symbol* s) const {
  if (s->ns) {
    Symbol* ns_sym = const_cast<Interner&>(names).symbol(s->ns_view());
    Namespace* target = nullptr;
    auto al = from->aliases.find(ns_sym);
    if (al != from->aliases.end()) target = al->second;
    if (!target) target = find_ns(ns_sym);
    if (!target) return nullptr;
    Symbol* simple = const_cast<Interner&>(names).symbol({}, s->name_view());
    Var* v = target->lookup(simple);
    return (v && v->ns == target) ? v : nullptr;
  }
  Symbol* simple = const_cast<Interner&>(names).canonical(s);
  if (Var* v = from->lookup(simple)) return v;
  if (from != core_ns_ && !from->core_excludes.count(simple)) {
    Var* v = core_ns_->lookup(simple);
    if (v && !v->is_private()) return v;
  }
  return nullptr;
}

Value VM::eval_form(Value form) {
  RootScope scope(heap);
  scope.push(form);
  // A top-level (do ...) runs form by form, so a macro defined early is usable later.
  if (is_list(form) && count(*this, form) > 0 && first(*this, form) == Value::object(sym("do"))) {
    Value result = Value::nil();
    for (Value s = next(*this, form); !s.is_nil(); s = next(*this, s)) {
      size_t slot = scope.push(s);
      result = eval_form(first(*this, scope[slot]));
    }
    return result;
  }
  FnProto* fp = compile_toplevel(*this, form);
  scope.push(Value::object(fp));
  Closure* thunk = make_closure(heap, fp, 0);
  return call(Value::object(thunk), nullptr, 0);
}

namespace {
// The bindings Clojure's load establishes for each file (Compiler.load), so that a file
// may set! these vars without changing them for the code that loaded it. Popped on the
// way out, however eval_string ends.
class LoadBindings {
 public:
  explicit LoadBindings(VM& vm) : vm_(vm), depth_(vm.current_bindings().size()) {
    vm.push_current_bindings({"*warn-on-reflection*", "*unchecked-math*", "*data-readers*"});
  }
  ~LoadBindings() {
    // Whole frames down to where this one began (an error may have left inner frames).
    while (vm_.current_bindings().size() > depth_) vm_.pop_bindings();
  }
  LoadBindings(const LoadBindings&) = delete;
  LoadBindings& operator=(const LoadBindings&) = delete;

 private:
  VM& vm_;
  size_t depth_;
};
}  // namespace

Value VM::eval_string(std::string_view src, std::string_view name) {
  LoadBindings load_bindings(*this);
  uint32_t id = sources.add(std::string(name), std::string(src));
  ReaderOptions opts;
  opts.allow_unquote = compiling_clove_file;
  // *data-readers* is looked at before each form, so a form can bind it for later ones.
  DataReaders data_readers;
  Reader reader(*this, sources.text(id), id, opts);
  bool deferring = data_readers.configure(*this, &reader.options());
  RootScope scope(heap);
  size_t slot = scope.push(Value::nil());
  Value form;
  while (reader.next(&form)) {
    scope[slot] = form;
    if (deferring) scope[slot] = form = data_readers.resolve(*this, form);
    scope[slot] = eval_form(form);
    deferring = data_readers.configure(*this, &reader.options());
  }
  return scope[slot];
}

Value VM::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_error(ErrorKind::IOException, fmt::format("{} (No such file or directory)", path));
  std::stringstream ss;
  ss << in.rdbuf();
  bool saved = compiling_clove_file;
  compiling_clove_file = path.size() > 6 && path.substr(path.size() - 6) == ".clove";
  try {
    Value v = eval_string(ss.str(), path);
    compiling_clove_file = saved;
    return v;
  } catch (...) {
    compiling_clove_file = saved;
    throw;
  }
}

void VM::init_streams() {
  auto make_var = [this](const char* name, Obj* root) {
    Var* v = intern(core_ns_, sym(name));
    v->flags |= kFlagDynamic;
    v->root = Value::object(root);
    v->bound = true;
    permanent.push_back(v->root);  // set_out/set_err reach the writers even if *out* is redefined
    return v;
  };
  stdout_writer_ = heap.make<TextWriter>(WriterKind::Stdout);
  stderr_writer_ = heap.make<TextWriter>(WriterKind::Stderr);
  out_var_ = make_var("*out*", stdout_writer_);
  err_var_ = make_var("*err*", stderr_writer_);
  in_var_ = make_var("*in*", heap.make<LineReader>(ReaderKind::Stdin, std::string()));
}

void VM::write_out(std::string_view s) {
  // The common case (no binding of *out*) costs one flag test beyond the write.
  write_to(out_var_->thread_bound ? var_value(out_var_) : out_var_->root, s);
}

void VM::set_out(OutputSink sink) { stdout_writer_->sink = std::move(sink); }
void VM::set_err(OutputSink sink) { stderr_writer_->sink = std::move(sink); }

}  // namespace clove

namespace clove {

Value VM::var_value(Var* v) {
  if (v->thread_bound) {
    auto& b = fiber_->bindings;
    for (size_t i = b.size(); i-- > 0;)
      if (b[i].first == v) return b[i].second;
  }
  if (!v->bound)
    throw_error(ErrorKind::IllegalStateException,
                fmt::format("Var {}/{} is unbound.", v->ns ? v->ns->name->str() : "?", v->sym ? v->sym->str() : "?"));
  return v->root;
}

void VM::push_bindings(const std::vector<std::pair<Var*, Value>>& frame) {
  for (auto& [v, val] : frame)
    if (!v->is_dynamic())
      throw_error(ErrorKind::IllegalStateException,
                  fmt::format("Can't dynamically bind non-dynamic var: {}/{}", v->ns->name->str(), v->sym->str()));
  auto& b = fiber_->bindings;
  b.emplace_back(nullptr, Value::nil());  // frame marker
  for (auto& [v, val] : frame) {
    b.emplace_back(v, val);
    ++v->thread_bound;
  }
}

const std::vector<std::pair<Var*, Value>>& VM::current_bindings() const { return fiber_->bindings; }

void VM::push_current_bindings(std::initializer_list<const char*> core_var_names) {
  std::vector<std::pair<Var*, Value>> frame;
  for (const char* name : core_var_names) {
    Var* v = resolve_var(core_ns_, sym(name));
    if (v && v->is_dynamic() && v->bound) frame.emplace_back(v, var_value(v));
  }
  push_bindings(frame);
}

void VM::pop_bindings() {
  auto& b = fiber_->bindings;
  if (b.empty()) throw_error(ErrorKind::IllegalStateException, "Pop without matching push");
  while (!b.empty()) {
    auto [v, val] = b.back();
    b.pop_back();
    if (!v) return;
    --v->thread_bound;
  }
}

bool VM::set_binding(Var* v, Value val) {
  auto& b = fiber_->bindings;
  for (size_t i = b.size(); i-- > 0;) {
    if (b[i].first == v) {
      b[i].second = val;
      return true;
    }
  }
  return false;
}

}  // namespace clove
