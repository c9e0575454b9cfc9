// frame_eval.cpp: evaluation in a frame's scope and frames as data (frame_eval.h).
#include "natives/clove_debug/frame_eval.h"

#include <fmt/format.h>

#include "compiler/compiler.h"
#include "runtime/coll/coll.h"
#include "runtime/text/string.h"

namespace clove {

Value unavailable_marker(State& vm) { return Value::object(vm.kw("clove.debug/unavailable")); }

std::vector<FrameView> clove_frames(Interpreter& vm, const Fiber* f) {
  std::vector<FrameView> out;
  for (const FrameView& fr : vm.debugger().frames(f))
    if (fr.proto) out.push_back(fr);
  return out;
}

Fiber* stopped_fiber(Fiber* fib) {
  Fiber* x = fib;
  while (x->child && x->child->status == FiberStatus::Debug) x = x->child;
  return x;
}

namespace {

/// The names in scope at fr, each once (the binding in effect), with their values.
void scope_of(Interpreter& vm, const Fiber* f, const FrameView& fr, std::vector<LocalView>& out) {
  Debugger& d = vm.debugger();
  std::vector<LocalView> all = d.upvalues(fr);
  for (const LocalView& l : d.locals(f, fr))
    if (l.available) all.push_back(l);
  for (size_t k = 0; k < all.size(); ++k) {
    bool shadowed = false;
    for (size_t j = k + 1; j < all.size(); ++j)
      if (all[j].name == all[k].name) shadowed = true;
    if (!shadowed && all[k].name) out.push_back(all[k]);
  }
}

}  // namespace

Value eval_in_frame(Interpreter& vm, const Fiber* f, const FrameView& fr, Value form) {
  std::vector<LocalView> scope;
  scope_of(vm, f, fr, scope);
  RootScope roots(vm.heap);
  roots.push(form);
  std::vector<Value> names, values;
  for (const LocalView& l : scope) {
    names.push_back(Value::object(l.name));
    values.push_back(l.value);
    roots.push(l.value);
  }
  Value params = vector_from(vm.heap, names.data(), names.size());
  roots.push(params);
  Value parts[3] = {Value::object(vm.sym("fn*")), params, form};
  Value fn_form = list_from(vm.heap, parts, 3);
  roots.push(fn_form);
  Value fn;
  try {
    fn = eval_form(vm, fn_form);
  } catch (const Diagnostic& d) {
    // A name the frame had but whose register is gone: say so, not "Unable to resolve".
    std::string what = d.what();
    for (const LocalView& l : vm.debugger().locals(f, fr)) {
      if (l.available || !l.name) continue;
      if (what.find("symbol: " + l.name->str() + " ") != std::string::npos)
        throw_error(ErrorKind::IllegalStateException,
                    fmt::format("{} is not available here: its register was reused or cleared after its last use",
                                l.name->str()));
    }
    throw;
  }
  roots.push(fn);
  return vm.call(fn, values.data(), static_cast<int>(values.size()));
}

Value frame_locals_map(Interpreter& vm, const Fiber* f, const FrameView& fr, bool locals, bool upvals) {
  Debugger& d = vm.debugger();
  std::vector<LocalView> all;
  if (upvals) all = d.upvalues(fr);
  if (locals)
    for (const LocalView& l : d.locals(f, fr)) all.push_back(l);
  Value marker = unavailable_marker(vm);
  std::vector<Value> kvs;
  for (const LocalView& l : all) {
    if (!l.name) continue;
    kvs.push_back(Value::object(l.name));
    kvs.push_back(l.available ? l.value : marker);
  }
  // map_from allocates but does not collect (no Clove code runs): kvs needs no roots.
  // A later duplicate key (a shadowing local) wins, as in a map literal's assoc.
  Value m = map_from(vm, nullptr, 0);
  for (size_t k = 0; k + 1 < kvs.size(); k += 2) m = assoc(vm, m, kvs[k], kvs[k + 1]);
  return m;
}

Value frame_map(Interpreter& vm, const FrameView& fr) {
  std::vector<Value> kvs;
  kvs.push_back(Value::object(vm.kw("name")));
  kvs.push_back(fr.name ? Value::object(fr.name) : Value::nil());
  kvs.push_back(Value::object(vm.kw("file")));
  kvs.push_back(fr.pos.file ? string_value(vm.heap, vm.sources.name(fr.pos.file)) : Value::nil());
  kvs.push_back(Value::object(vm.kw("line")));
  kvs.push_back(Value::small_int(fr.pos.line));
  kvs.push_back(Value::object(vm.kw("column")));
  kvs.push_back(Value::small_int(fr.pos.col));
  return map_from(vm, kvs.data(), kvs.size() / 2);
}

}  // namespace clove
