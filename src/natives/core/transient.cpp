// transient.cpp: clojure.core's transient natives (transient persistent! conj! assoc!
// dissoc! disj! pop!) over runtime/coll/transient.h.
#include <algorithm>

#include "core/print_context.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/subvector.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "natives/args.h"

namespace clove {

namespace {

Value t_transient(State& vm, Args a) { return transient_of(vm, a[0]); }
Value t_persistent(State& vm, Args a) { return persistent_of(vm, a[0]); }

// Each variadic bang fn applies itself pair by pair; the transient in hand is rooted
// because conj! on a map may realize a lazy seq of entries.
Value t_conj(State& vm, Args a) {
  if (a.size() == 0) return transient_of(vm, vector_from(vm.heap, nullptr, 0));
  // One value (reduce's case): both arguments stay rooted in the call's stack window.
  if (a.size() == 2) return transient_conj(vm, a[0], a[1]);
  RootScope scope(vm.heap);
  size_t t = scope.push(a[0]);
  for (int i = 1; i < a.size(); ++i) scope[t] = transient_conj(vm, scope[t], a[i]);
  return scope[t];
}

// conj!s the items of slice s into the transient at scope[t], leaf by leaf, keeping the
// transient in hand rooted there (conj! onto a map may hash a lazy key, which can collect).
void conj_slice(State& vm, RootScope& scope, size_t t, const VectorSlice& s) {
  if (transient_vector_append(vm, scope[t], s.vec, s.from, s.to)) return;
  for (uint32_t i = s.from; i < s.to;) {
    const Value* leaf = s.vec->array_for(i);
    const uint32_t stop = std::min<uint32_t>(s.to, (i | 31) + 1);  // the end of i's leaf
    for (; i < stop; ++i) scope[t] = transient_conj(vm, scope[t], leaf[i & 31]);
  }
}

// (-conj-all! t v): conj!s every item of the vector or subvec v into the transient t,
// leaf by leaf, without a call per item (into's loop when from is a vector). Both stay
// rooted in the call's window; conj! onto a map may hash a lazy key, which can collect,
// so the transient in hand is rooted too.
Value t_conj_all(State& vm, Args a) {
  VectorSlice s;
  if (!vector_slice(a[1], &s)) {
    // A map entry, or a deftype implementing IPersistentVector (whose nth runs Clove
    // code: both arguments stay rooted in the call's window).
    if (!is_vector(a[1])) coll_detail::cannot_cast(a[1], "IPersistentVector");
    const int64_t n = count(vm, a[1]);
    for (int64_t i = 0; i < n; ++i) {
      Value x = nth(vm, a[1], i);
      a.set(0, transient_conj(vm, a[0], x));
    }
    return a[0];
  }
  RootScope scope(vm.heap);
  size_t t = scope.push(a[0]);
  conj_slice(vm, scope, t, s);
  return scope[t];
}

// (-into-vector to from): into's whole work in one call when from is a vector or a
// subvec view and to is editable (a transient of to, from's items conj!ed leaf by leaf,
// persistent!, to's metadata) or a subvec view (-subvec-into's result: a new vector
// viewed whole, with the view's metadata). nil for any other pair, which into then
// handles itself (into never gives nil for these). Arguments stay rooted in the call's
// window; the transient in hand is rooted as in -conj-all!.
Value t_into_vector(State& vm, Args a) {
  VectorSlice from;
  if (!vector_slice(a[1], &from)) return Value::nil();
  Value to = a[0];
  if (const Vector* tv = as<Vector>(to)) {
    // A result of at most 32 items is a vector that is all tail: built from both
    // sources at once, without a transient (small vectors joined, as fannkuch's flips).
    const size_t n = size_t{tv->cnt} + (from.to - from.from);
    if (n <= 32) {
      Value items[32];
      size_t k = 0;
      for (uint32_t i = 0; i < tv->cnt; ++i) items[k++] = tv->tail->slots()[i];  // tailoff() is 0
      for (uint32_t i = from.from; i < from.to; ++i) items[k++] = from.vec->nth(i);
      Value r = vector_from(vm.heap, items, n);
      return tv->meta.is_nil() ? r : with_meta(vm, r, tv->meta);
    }
  }
  const bool editable = is_editable(to);
  const SubVector* view = as<SubVector>(to);
  if (!editable && !view) return Value::nil();
  RootScope scope(vm.heap);
  size_t t;
  if (view) {
    t = scope.push(transient_of(vm, vector_from(vm.heap, nullptr, 0)));
    conj_slice(vm, scope, t, VectorSlice{view->vec, view->start, view->end});
  } else {
    t = scope.push(transient_of(vm, to));
  }
  conj_slice(vm, scope, t, from);
  Value r = persistent_of(vm, scope[t]);
  if (view) {
    scope[t] = r;
    r = subvector(vm, r, 0, as<Vector>(r)->cnt);
  }
  Value m = meta(a[0]);
  return m.is_nil() ? r : with_meta(vm, r, m);
}

// An odd trailing key gets nil, as Clojure's assoc! (recur ret (first kvs) (second kvs) ...) does.
Value t_assoc(State& vm, Args a) {
  // The transient in hand stays in a[0], rooted: a map's may be replaced by a bigger one.
  for (int i = 1; i < a.size(); i += 2)
    a.set(0, transient_assoc(vm, a[0], a[i], i + 1 < a.size() ? a[i + 1] : Value::nil()));
  return a[0];
}

Value t_dissoc(State& vm, Args a) {
  Value t = a[0];
  for (int i = 1; i < a.size(); ++i) t = transient_dissoc(vm, t, a[i]);
  return t;
}

Value t_disj(State& vm, Args a) {
  Value t = a[0];
  for (int i = 1; i < a.size(); ++i) t = transient_disj(vm, t, a[i]);
  return t;
}

Value t_pop(State& vm, Args a) { return transient_pop(vm, a[0]); }

// #object[clojure.lang.PersistentVector$TransientVector 0x1b2c3d4e "...@1b2c3d4e"], as Clojure.
void print_transient(PrintContext& p, Value v) {
  const char* cls = type_name(v.as_obj()->type);
  uint32_t id = hash(p.vm, v);
  p.out += fmt::format("#object[{} 0x{:x} ", cls, id);
  std::string ident = fmt::format("{}@{:x}", cls, id);
  p.out += p.readably ? "\"" + ident + "\"" : ident;
  p.out += ']';
}

}  // namespace

void install_transient_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "transient", t_transient, 1, 1,
                "Gives a mutable, transient copy of a vector, hash map, array map or hash set, "
                "made in constant time, for a batch of fast updates ended by persistent!. Throws "
                "ClassCastException for other collections.", "([coll])");
  vm.def_native(C, "persistent!", t_persistent, 1, 1,
                "Freezes the transient coll back into a persistent collection in constant time. "
                "The transient is finished afterwards: any further use of it throws "
                "IllegalAccessError.", "([coll])");
  vm.def_native(C, "conj!", t_conj, 0, -1,
                "Adds x to the transient coll in place, where conj would add it for that kind of "
                "collection, and gives back coll. (conj!) is a new transient vector and (conj! "
                "coll) is coll.", "([] [coll] [coll x])");
  vm.def_native(C, "-conj-all!", t_conj_all, 2, 2,
                "conj!s every item of the vector v into the transient t and returns t (into's loop when from is a "
                "vector). Throws ClassCastException when v is not a vector.",
                "([t v])");
  vm.def_native(C, "-into-vector", t_into_vector, 2, 2,
                "(into to from) when from is a vector or subvec view and to is a vector, hash map, "
                "array map, hash set or subvec view: the result, with to's metadata; nil for any "
                "other pair (into's general path handles those).",
                "([to from])");
  vm.def_native(C, "assoc!", t_assoc, 3, -1,
                "Sets key to val (for each pair) in a transient map, or puts val at index in a "
                "transient vector (an index equal to the count appends), and gives back coll. "
                "Throws IndexOutOfBoundsException for an index past the end.",
                "([coll key val] [coll key val & kvs])");
  vm.def_native(C, "dissoc!", t_dissoc, 2, -1,
                "Removes the entries for the given keys from the transient map and gives back the "
                "map.", "([map key] [map key & ks])");
  vm.def_native(C, "disj!", t_disj, 1, -1,
                "Removes the given elements from the transient set and gives back the set.",
                "([set] [set key] [set key & ks])");
  vm.def_native(C, "pop!", t_pop, 1, 1,
                "Drops the last element of the transient vector and gives back the vector. Throws "
                "IllegalStateException when it is empty.", "([coll])");
}

void register_transient_printers(TypeInfo* table) {
  for (ObjType t : {ObjType::TransientVector, ObjType::TransientArrayMap, ObjType::TransientHashMap,
                    ObjType::TransientHashSet})
    set_print_hooks(table, t, print_transient);
}

}  // namespace clove
