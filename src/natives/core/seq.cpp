// seq.cpp: the natives the Clove-written seq library (src/lib/01_seq.clj) stands on:
// lazy seq construction, reduced values, and sort (which calls a comparator back).
#include "runtime/lang/user_type.h"
#include <algorithm>
#include <vector>

#include "runtime/coll/array_seq.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/ref_types.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/vector.h"
#include "runtime/lang/record.h"
#include "natives/args.h"
#include "runtime/lang/seq_fns.h"
#include "natives/seq.h"
#include "state/continuation.h"

namespace clove {

namespace {

Value s_make_lazy_seq(State& vm, Args a) { return make_lazy_seq(vm.heap, a[0]); }
Value s_realized(State& vm, Args a) {
  if (LazySeq* ls = as<LazySeq>(a[0])) return Value::boolean(lazy_seq_realized(ls));
  if (Delay* d = as<Delay>(a[0])) return Value::boolean(d->realized());
  if (Value f = user_method(a[0], IMethod::isRealized); !f.is_nil()) return Value::boolean(vm.call(f, {a[0]}).truthy());
  // Promises and futures (deftype instances, src/lib/09_refs.clj).
  if (is_type(a[0], ObjType::TypeInstance)) {
    Var* v = vm.core_ns()->lookup(vm.sym("-realized-blocking"));
    if (v && v->bound) {
      Value x = a[0];
      return vm.tail_call(v->root, &x, 1);
    }
  }
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class clojure.lang.IPending", value_type_name(a[0])));
}
Value s_make_reduced(State& vm, Args a) { return Value::object(vm.heap.make<Reduced>(a[0])); }
Value s_reducedp(State&, Args a) { return Value::boolean(is<Reduced>(a[0])); }
Value s_unreduced(State&, Args a) {
  if (Reduced* r = as<Reduced>(a[0])) return r->value;
  return a[0];
}

/// Sorts items stably by less(x, y) ("x goes before y"): a bottom-up merge sort (von
/// Neumann's; Knuth, TAOCP vol. 3, 5.2.4) with a buffer of the same size, O(n log n)
/// calls to less, and a single call to join two runs already in order (so sorted input
/// costs n - 1 calls). Every pass copies each element exactly once, so whatever less
/// answers (an inconsistent or random comparator) the result is a permutation of the
/// input and the sort ends; std::stable_sort promises nothing for such a comparator.
/// An exception from less propagates, leaving items some permutation of its input.
template <class T, class Less>
void merge_sort(std::vector<T>& items, Less&& less) {
  size_t n = items.size();
  if (n < 2) return;
  std::vector<T> buf(n);
  T* src = items.data();
  T* dst = buf.data();
  for (size_t width = 1; width < n; width *= 2) {
    for (size_t lo = 0; lo < n; lo += 2 * width) {
      size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      size_t i = lo, j = mid, k = lo;
      if (mid < hi && less(src[mid], src[mid - 1])) {
        while (i < mid && j < hi) dst[k++] = less(src[j], src[i]) ? src[j++] : src[i++];
      }
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
    std::swap(src, dst);
  }
  if (src != items.data()) std::copy(src, src + n, items.data());
}

namespace {
// sort's work once the items are in `items` (rooted by the caller): sorted by comp
// (nil: compare), as a seq with metadata m.
Value sort_items(State& vm, Value comp, std::vector<Value>& items, Value m) {
  if (!comp.is_nil() && is_core_fn(vm, comp, "compare")) comp = Value::nil();  // compared here, without calls
  RootScope scope(vm.heap);
  scope.push(comp);
  scope.push(m);
  if (comp.is_nil() && std::all_of(items.begin(), items.end(), [](Value v) { return is_long(v); })) {
    // compare on longs is numeric order, and equal longs are indistinguishable (a long
    // is boxed only past 48 bits), so any sort is as stable as merge_sort.
    std::sort(items.begin(), items.end(), [](Value x, Value y) { return as_long(x) < as_long(y); });
  } else {
    // The comparator may run Clove code, and so a collection. The items are rooted
    // through a vector of them: the collection does not always hold them (a map's seq
    // makes its entries as it goes).
    scope.push(vector_from(vm.heap, items.data(), items.size()));
    merge_sort(items, [&](Value x, Value y) { return sorted_less(vm, comp, x, y); });
  }
  if (items.empty()) return list_from(vm.heap, nullptr, 0);
  // An ArraySeq carrying coll's metadata, as Clojure's (with-meta (seq a) (meta coll)).
  Value sorted = array_seq(vm.heap, items.data(), items.size());
  if (m.is_nil()) return sorted;
  scope.push(sorted);
  return with_meta(vm, sorted, m);
}

// (sort coll) of a lazy seq without metadata, once drained (drain_spine).
Value sort_drained(State& vm, Args a, Value items) {
  std::vector<Value> xs = as<Vector>(items)->elements();
  RootScope scope(vm.heap);
  scope.push(items);  // holds what xs holds
  return sort_items(vm, a.size() == 2 ? a[0] : Value::nil(), xs, Value::nil());
}
}  // namespace

/// (sort coll) / (sort comp coll): a stable merge sort (merge_sort) of the seq's items;
/// `comp` is called back through the VM and answers as Clojure's AFunction.compare
/// reads it (sorted_less: the sign of a number's intValue, or a boolean: true for "less").
Value s_sort(State& vm, Args a) {
  // The seq is realized through the dispatch loop first; the comparator is called
  // from merge_sort, on the C++ stack (a fiber cannot yield inside it). A lazy seq is
  // drained with the frame holding a cursor rather than its head (seq_fns.h).
  Value coll = a[a.size() - 1];
  if (maybe_lazy_spine(coll) && meta(coll).is_nil()) return drain_spine<sort_drained>(vm, a);
  Value pending = realize_spine<s_sort>(vm, coll);
  if (State::is_request(pending)) return pending;
  RootScope scope(vm.heap);
  std::vector<Value> items;
  size_t slot = scope.push(coll);
  for (Value s = seq(vm, coll); !s.is_nil(); s = next(vm, s)) {
    vm.charge(1);  // a loop in C++: counts toward the instruction budget
    scope[slot] = s;
    items.push_back(first(vm, s));
  }
  scope[slot] = coll;
  return sort_items(vm, a.size() == 2 ? a[0] : Value::nil(), items, meta(coll));
}

/// (-sort-keyed comp keys items coll): items (a vector) in the stable order of their keys
/// (a vector as long, the key of each item), compared by comp as sort does (nil or
/// compare: compare, with no call back into Clove), as a seq with coll's metadata; ()
/// when empty. sort-by's work once each key is computed: the keys are compared in
/// place of calling keyfn twice per comparison.
Value s_sort_keyed(State& vm, Args a) {
  Value comp = a[0];
  if (is_core_fn(vm, comp, "compare")) comp = Value::nil();
  const Vector* keys = as<Vector>(a[1]);
  const Vector* items = as<Vector>(a[2]);
  if (!keys || !items || keys->cnt != items->cnt)
    throw_error(ErrorKind::IllegalArgumentException, "-sort-keyed: keys and items must be vectors of one length");
  const uint32_t n = items->cnt;
  if (n == 0) return list_from(vm.heap, nullptr, 0);
  std::vector<Value> ks(n);  // rooted through a[1]
  for (uint32_t i = 0; i < n; ++i) ks[i] = keys->nth(i);
  std::vector<uint32_t> order(n);
  for (uint32_t i = 0; i < n; ++i) order[i] = i;
  vm.charge(n);  // a loop in C++: counts toward the instruction budget
  if (comp.is_nil() && std::all_of(ks.begin(), ks.end(), [](Value v) { return is_long(v); })) {
    std::stable_sort(order.begin(), order.end(),
                     [&](uint32_t x, uint32_t y) { return as_long(ks[x]) < as_long(ks[y]); });
  } else {
    merge_sort(order, [&](uint32_t x, uint32_t y) { return sorted_less(vm, comp, ks[x], ks[y]); });
  }
  std::vector<Value> out(n);
  for (uint32_t i = 0; i < n; ++i) out[i] = items->nth(order[i]);
  Value sorted = array_seq(vm.heap, out.data(), n);
  Value m = meta(a[3]);
  if (m.is_nil()) return sorted;
  RootScope scope(vm.heap);
  scope.push(sorted);
  return with_meta(vm, sorted, m);
}

}  // namespace

void install_seq_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "-make-lazy-seq", s_make_lazy_seq, 1, 1, "Hook for the lazy-seq macro: a LazySeq over a thunk.", "([thunk])");
  vm.def_native(C, "realized?", s_realized, 1, 1,
                "True when x (a delay, promise, future or lazy seq) already has its value, so "
                "that reading it will not compute or wait.", "([x])");
  vm.def_native(C, "-make-reduced", s_make_reduced, 1, 1, "Wraps x so that reduce stops with it.", "([x])");
  vm.def_native(C, "reduced?", s_reducedp, 1, 1,
                "True when x is a wrapper made by reduced, the signal that ends a reduce early.",
                "([x])");
  vm.def_native(C, "-unreduced", s_unreduced, 1, 1, "The value inside a reduced, or x itself.", "([x])");
  vm.def_native(C, "sort", s_sort, 1, 2,
                "Gives the elements of coll as a sorted seq, ordered by comp (compare by default; "
                "any fn of two arguments returning a number or a boolean works). The sort is "
                "stable: elements that compare equal keep their original order.",
                "([coll] [comp coll])");
  vm.def_native(C, "-sort-keyed", s_sort_keyed, 4, 4,
                "sort-by's sort: the vector items in the stable order of their keys (the vector "
                "keys), compared with comp (nil or compare: compare), as a seq with coll's "
                "metadata.", "([comp keys items coll])");
}

// sort's continuation by name, for marshal (state/continuation.h).
const ContinuationName kSortContinuation{"clojure.core/sort", realize_spine_k<s_sort>};

}  // namespace clove
