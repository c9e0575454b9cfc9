// eval.cpp: eval_string and load_file (eval/eval.h).
#include "eval/eval.h"

#include <fstream>
#include <sstream>
#include <utility>

#include <fmt/format.h>

#include "compiler/compiler.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/function.h"
#include "eval/data_readers.h"
#include "reader/reader.h"
#include "state/state.h"

namespace clove {

namespace {
// The bindings Clojure's load establishes for each file (Compiler.load), so that a file
// may set! these vars without changing them for the code that loaded it. Popped on the
// way out, however eval_string ends.
class LoadBindings {
 public:
  explicit LoadBindings(State& vm) : vm_(vm), depth_(vm.current_bindings().size()) {
    vm.push_current_bindings({"*warn-on-reflection*", "*unchecked-math*", "*data-readers*"});
  }
  ~LoadBindings() {
    // Whole frames down to where this one began (an error may have left inner frames).
    while (vm_.current_bindings().size() > depth_) vm_.pop_bindings();
  }
  LoadBindings(const LoadBindings&) = delete;
  LoadBindings& operator=(const LoadBindings&) = delete;

 private:
  State& vm_;
  size_t depth_;
};
}  // namespace

namespace {
/// Tells the compile recorder (if any) that a text is loading, for as long as it lives.
class RecordedText {
 public:
  RecordedText(State& vm, std::string_view name) : rec_(vm.compile_recorder) {
    if (rec_) rec_->begin_text(std::exchange(rec_->next_resource, {}), name);
  }
  ~RecordedText() {
    if (rec_) rec_->end_text();
  }
  RecordedText(const RecordedText&) = delete;
  RecordedText& operator=(const RecordedText&) = delete;

 private:
  CompileRecorder* rec_;
};
}  // namespace

Value eval_string(State& vm, std::string_view src, std::string_view name, const std::function<void(Value)>& each) {
  LoadBindings load_bindings(vm);
  RecordedText recorded(vm, name);
  // The registry keeps the text as long as the VM lives: counted in the heap.
  vm.heap.add_external(src.size() + name.size());
  uint32_t id = vm.sources.add(std::string(name), std::string(src));
  ReaderOptions opts;
  opts.allow_unquote = vm.compiling_clove_file;
  // *data-readers* is looked at before each form, so a form can bind it for later ones.
  DataReaders data_readers;
  StateReaderEnv env(vm);
  Reader reader(vm, env, vm.sources.text(id), id, opts);
  bool deferring = data_readers.configure(vm, &reader.options());
  RootScope scope(vm.heap);
  size_t slot = scope.push(Value::nil());
  Value form;
  while (reader.next(&form)) {
    scope[slot] = form;
    if (deferring) scope[slot] = form = data_readers.resolve(vm, form);
    scope[slot] = eval_form(vm, form, reader.form_pos());
    if (each) each(scope[slot]);
    deferring = data_readers.configure(vm, &reader.options());
  }
  return scope[slot];
}

Value run_compiled_forms(State& vm, Value fn_protos) {
  LoadBindings load_bindings(vm);
  RootScope scope(vm.heap);
  scope.push(fn_protos);
  size_t result = scope.push(Value::nil());
  int64_t n = count(vm, fn_protos);
  for (int64_t i = 0; i < n; ++i) {
    FnProto* fp = as<FnProto>(nth(vm, fn_protos, i));
    if (!fp || !fp->upvals.empty() || !fp->arity_for(0))
      throw_error(ErrorKind::IllegalArgumentException, "a compiled top-level form that is not a function of no arguments");
    Closure* thunk = make_closure(vm.heap, fp, 0);
    scope[result] = vm.call(Value::object(thunk), nullptr, 0);
  }
  return scope[result];
}

Value load_file(State& vm, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_error(ErrorKind::IOException, fmt::format("{} (No such file or directory)", path));
  std::stringstream ss;
  ss << in.rdbuf();
  bool saved = vm.compiling_clove_file;
  vm.compiling_clove_file = path.size() > 6 && path.substr(path.size() - 6) == ".clove";
  try {
    Value v = eval_string(vm, ss.str(), path);
    vm.compiling_clove_file = saved;
    return v;
  } catch (...) {
    vm.compiling_clove_file = saved;
    throw;
  }
}


}  // namespace clove
