// program.cpp: compile_program and run_program_image (image/program.h).
//
// The image is ordinary Clove data, written by marshal:
//   [:clove/program FILE UNITS]
// FILE is the program's file name; UNITS a vector with one [RESOURCE FILE FORMS] per
// text loaded while compiling: the program's own (RESOURCE "") first, then one per
// resource required or loaded, FORMS a vector of FnProtos of no arguments.
#include "image/program.h"

#include <fmt/format.h>

#include <cstring>
#include <vector>

#include "eval/eval.h"
#include "image/marshal.h"
#include "image/marshal_format.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/vector.h"
#include "runtime/lang/function.h"
#include "state/state.h"

namespace clove {

namespace {

/// Records the forms of the program's file and of each resource (State::CompileRecorder).
/// A text loaded without a resource inside another (load-string, load-file) is not a
/// unit: it will read its source again when the image runs.
class Recorder : public CompileRecorder, public RootProvider {
 public:
  struct Unit {
    std::string resource, name;
    std::vector<Value> forms;
  };
  explicit Recorder(State& vm) : vm_(vm) {
    vm.heap.add_root_provider(this);
    vm.compile_recorder = this;
  }
  ~Recorder() override {
    vm_.compile_recorder = nullptr;
    vm_.heap.remove_root_provider(this);
  }
  void begin_text(std::string_view resource, std::string_view name) override {
    bool unit = texts_.empty() || !resource.empty();
    if (unit) units_.push_back({std::string(resource), std::string(name), {}});
    texts_.push_back(unit ? static_cast<int>(units_.size() - 1) : -1);
  }
  void end_text() override { texts_.pop_back(); }
  void toplevel(Value fn_proto) override {
    if (!texts_.empty() && texts_.back() >= 0) units_[texts_.back()].forms.push_back(fn_proto);
  }
  void trace_roots(Tracer& t) override {
    for (Unit& u : units_)
      for (Value v : u.forms) t.mark(v);
  }
  const std::vector<Unit>& units() const { return units_; }

 private:
  State& vm_;
  std::vector<int> texts_;  // per text being loaded: its unit, or -1
  std::vector<Unit> units_;
};

[[noreturn]] void bad_image(std::string_view why) {
  throw_error(ErrorKind::IllegalArgumentException, fmt::format("run image: {}", why));
}

Value element(State& vm, Value v, int64_t i) {
  if (!is<Vector>(v) || count(vm, v) <= i) bad_image("not a program image");
  return nth(vm, v, i);
}

}  // namespace

std::string compile_program(State& vm, const std::string& path) {
  RootScope scope(vm.heap);
  std::vector<Recorder::Unit> units;
  {
    Recorder rec(vm);
    load_file(vm, path);
    units = rec.units();
    for (Recorder::Unit& u : units)
      for (Value v : u.forms) scope.push(v);
  }
  size_t all = scope.push(empty_vector(vm.heap));
  for (Recorder::Unit& u : units) {
    size_t forms = scope.push(vector_from(vm.heap, u.forms.data(), u.forms.size()));
    Value entry[] = {string_value(vm.heap, u.resource), string_value(vm.heap, u.name), scope[forms]};
    scope[all] = conj(vm, scope[all], vector_from(vm.heap, entry, 3));
  }
  Value image[] = {Value::object(vm.kw("clove/program")), string_value(vm.heap, path), scope[all]};
  size_t root = scope.push(vector_from(vm.heap, image, 3));
  return marshal(vm, scope[root]);
}

bool is_image(std::string_view bytes) {
  return bytes.size() >= sizeof marshal_format::kMagic &&
         std::memcmp(bytes.data(), marshal_format::kMagic, sizeof marshal_format::kMagic) == 0;
}

Value run_program_image(State& vm, std::string_view bytes) {
  RootScope scope(vm.heap);
  size_t root = scope.push(unmarshal(vm, bytes));
  Value image = scope[root];
  if (element(vm, image, 0) != Value::object(vm.kw("clove/program"))) bad_image("not a program image");
  Value units = element(vm, image, 2);
  int64_t n = count(vm, units);
  if (n == 0) bad_image("a program image without the program's forms");
  for (int64_t i = 1; i < n; ++i) {
    Value u = element(vm, units, i);
    String* resource = as<String>(element(vm, u, 0));
    if (!resource || !is<String>(element(vm, u, 1)) || !is<Vector>(element(vm, u, 2)))
      bad_image("a malformed unit");
    Value file_and_forms[] = {element(vm, u, 1), element(vm, u, 2)};
    vm.image_units[std::string(resource->view())] = vector_from(vm.heap, file_and_forms, 2);
  }
  Value main = element(vm, units, 0);
  if (!is<Vector>(element(vm, main, 2))) bad_image("a malformed unit");
  return run_compiled_forms(vm, element(vm, main, 2));
}

}  // namespace clove
