// seq.cpp: the natives the Clove-written seq library (src/lib/01_seq.clj) stands on:
// lazy seq construction, reduced values, and sort (which calls a comparator back).
#include <algorithm>
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/ref_types.h"
#include "natives/args.h"
#include "runtime/lang/seq_fns.h"
#include "natives/seq.h"

namespace clove {

namespace {

Value s_make_lazy_seq(State& vm, Args a) { return make_lazy_seq(vm.heap, a[0]); }
Value s_realized(State&, Args a) {
  if (LazySeq* ls = as<LazySeq>(a[0])) return Value::boolean(lazy_seq_realized(ls));
  if (Delay* d = as<Delay>(a[0])) return Value::boolean(d->realized());
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class clojure.lang.IPending", value_type_name(a[0])));
}
Value s_make_reduced(State& vm, Args a) { return Value::object(vm.heap.make<Reduced>(a[0])); }
Value s_reducedp(State&, Args a) { return Value::boolean(is<Reduced>(a[0])); }
Value s_unreduced(State&, Args a) {
  if (Reduced* r = as<Reduced>(a[0])) return r->value;
  return a[0];
}

/// (sort coll) / (sort comp coll): a stable merge sort (std::stable_sort) of the seq's
/// items; `comp` is called back through the VM and may return a number or a boolean,
/// as Clojure's fn->comparator allows.
Value s_sort(State& vm, Args a) {
  // The seq is realized through the dispatch loop first; the comparator is called
  // from std::stable_sort, on the C++ stack (a fiber cannot yield inside it).
  Value pending = realize_spine<s_sort>(vm, a[a.size() - 1]);
  if (State::is_request(pending)) return pending;
  Value comp = a.size() == 2 ? a[0] : Value::nil();
  Value coll = a[a.size() - 1];
  RootScope scope(vm.heap);
  std::vector<Value> items;
  size_t slot = scope.push(coll);
  for (Value s = seq(vm, coll); !s.is_nil(); s = next(vm, s)) {
    vm.charge(1);  // a loop in C++: counts toward the instruction budget
    scope[slot] = s;
    items.push_back(first(vm, s));
  }
  // The items stay reachable through the original collection (held in scope).
  if (comp.is_nil()) {
    std::stable_sort(items.begin(), items.end(), [&](Value x, Value y) { return compare(vm, x, y) < 0; });
  } else {
    scope.push(comp);
    std::stable_sort(items.begin(), items.end(), [&](Value x, Value y) {
      Value r = vm.call(comp, {x, y});
      if (r.is_bool()) return r.is_true();
      if (is_long(r)) return as_long(r) < 0;
      if (r.is_double()) return r.as_double() < 0;
      if (r.is_nil()) return false;
      throw_error(ErrorKind::ClassCastException,
                  fmt::format("class {} cannot be cast to class java.lang.Number", value_type_name(r)));
    });
  }
  if (items.empty()) return list_from(vm.heap, nullptr, 0);
  return list_from(vm.heap, items.data(), items.size());
}

}  // namespace

void install_seq_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "-make-lazy-seq", s_make_lazy_seq, 1, 1, "Hook for the lazy-seq macro: a LazySeq over a thunk.", "([thunk])");
  vm.def_native(C, "realized?", s_realized, 1, 1, "Returns true if a value has been produced for a promise, delay, future or lazy sequence.", "([x])");
  vm.def_native(C, "-make-reduced", s_make_reduced, 1, 1, "Wraps x so that reduce stops with it.", "([x])");
  vm.def_native(C, "reduced?", s_reducedp, 1, 1, "Returns true if x is the result of a call to reduced.", "([x])");
  vm.def_native(C, "-unreduced", s_unreduced, 1, 1, "The value inside a reduced, or x itself.", "([x])");
  vm.def_native(C, "sort", s_sort, 1, 2, "Returns a sorted sequence of the items in coll. If no comparator is supplied, uses compare. comparator must implement java.util.Comparator. Guaranteed to be stable: equal elements will not be reordered.", "([coll] [comp coll])");
}

}  // namespace clove
