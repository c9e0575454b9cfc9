// handles.h: the table behind clove::Handle (include/clove/handle.h).
//
// Each VM has one HandleTable: a vector of rooted Values with a free list (Lua's
// registry references, luaL_ref/luaL_unref). A Handle holds a shared_ptr to the table
// and its slot, so the table outlives the VM while any handle does; the VM's
// destructor detaches it (runtime = nullptr), which makes its handles dead.
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "api/runtime.h"
#include "runtime/lang/function.h"
#include "clove/handle.h"
#include "clove/vm.h"

namespace clove {
class VM;
namespace detail {

class HandleTable : public RootProvider {
 public:
  HandleTable(Runtime* rt, VM* vm) : runtime(rt), vm(vm) { rt->heap.add_root_provider(this); }
  ~HandleTable() override { detach(); }
  /// Called by the VM's destructor: the heap goes away, the handles go dead.
  void detach() {
    if (runtime) runtime->heap.remove_root_provider(this);
    runtime = nullptr;
    vm = nullptr;
    slots.clear();
    free_slots.clear();
  }
  uint32_t add(Value v) {
    if (!free_slots.empty()) {
      uint32_t i = free_slots.back();
      free_slots.pop_back();
      slots[i] = v;
      return i;
    }
    slots.push_back(v);
    return static_cast<uint32_t>(slots.size() - 1);
  }
  void release(uint32_t i) {
    if (!runtime || i >= slots.size()) return;
    slots[i] = Value::nil();
    free_slots.push_back(i);
  }
  void trace_roots(Tracer& t) override {
    for (Value v : slots) t.mark(v);
  }

  Runtime* runtime;
  VM* vm;
  std::vector<Value> slots;
  std::vector<uint32_t> free_slots;
};

/// What the library's own code may do with a Handle that hosts cannot.
struct HandleAccess {
  /// A new handle holding `v` in `table`.
  static Handle make(const std::shared_ptr<HandleTable>& table, Value v) {
    Handle h;
    h.table_ = table;
    h.slot_ = table->add(v);
    return h;
  }
  static Handle make(VM& vm, Value v) { return make(vm.handles_, v); }
  /// The value a handle holds (nil for a handle with no VM); std::logic_error if dead.
  static Value value(const Handle& h);
  /// The runtime a live handle belongs to; std::logic_error otherwise.
  static Runtime& runtime(const Handle& h);
  static const std::shared_ptr<HandleTable>& table(VM& vm) { return vm.handles_; }
  /// What keeps the VM's host natives' callables alive (api/vm.cpp).
  static std::vector<std::shared_ptr<void>>& natives(VM& vm) { return vm.natives_; }
  static std::unique_ptr<ClassRegistry>& classes(VM& vm) { return vm.classes_; }
};

/// A Native (not bound to a var) that runs the host's callable `fn` through the
/// trampoline of api/vm.cpp; `full_name` ("app/greet") names it in errors and traces.
/// The callable and the strings live as long as the VM.
Native* make_host_native(VM& vm, std::string full_name, VM::RawNative fn, int min_args, int max_args,
                         std::string doc = "", std::string arglists = "");

}  // namespace detail
}  // namespace clove
