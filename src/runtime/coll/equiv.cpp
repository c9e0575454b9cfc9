// equiv.cpp: Clojure's `=` (clojure.lang.Util.equiv): numbers by category through
// num_equiv, then the type's own equality (TypeInfo::equiv: strings and symbols by
// value, maps and sets by content, and the types above coll that register one:
// records, files, UUIDs, instants, tagged literals), then sequential collections
// element-wise across types; anything else is equal only to itself. Each level of
// nesting checks the C++ stack (check_native_stack), so comparing data nested too deep
// throws StackOverflowError rather than crashing.
#include <cmath>
#include <vector>

#include "core/stack_guard.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/map_ops.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/vector.h"
#include "runtime/num/number.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

namespace {

inline bool is_num(Value v) {
  if (v.is_double() || v.is_small_int()) return true;
  if (!v.is_obj()) return false;
  ObjType t = v.as_obj()->type;
  return t == ObjType::BoxedLong || t == ObjType::BigInt || t == ObjType::Ratio || t == ObjType::BigDecimal ||
         t == ObjType::BoxedFloat;
}

bool vector_equiv(State& vm, const Vector* a, const Vector* b) {
  if (a->cnt != b->cnt) return false;
  for (uint32_t i = 0; i < a->cnt; i += 32) {
    const Value* la = a->array_for(i);
    const Value* lb = b->array_for(i);
    uint32_t end = a->cnt - i < 32 ? a->cnt - i : 32;
    for (uint32_t k = 0; k < end; ++k)
      if (!equiv(vm, la[k], lb[k])) return false;
  }
  return true;
}

// Walks both seqs in step. The walk may realize lazy seqs (and so collect), so the
// seqs and elements in hand are rooted.
bool seq_equiv(State& vm, Value a, Value b) {
  if (is_counted(a) && is_counted(b) && count(vm, a) != count(vm, b)) return false;
  RootScope scope(vm.heap);
  size_t sa = scope.push(seq(vm, a));
  size_t sb = scope.push(seq(vm, b));
  size_t fa = scope.push(Value::nil());
  size_t fb = scope.push(Value::nil());
  while (!scope[sa].is_nil() && !scope[sb].is_nil()) {
    scope[fa] = first(vm, scope[sa]);
    scope[fb] = first(vm, scope[sb]);
    if (!equiv(vm, scope[fa], scope[fb])) return false;
    scope[sa] = next(vm, scope[sa]);
    scope[sb] = next(vm, scope[sb]);
  }
  return scope[sa].is_nil() && scope[sb].is_nil();
}

// A NaN key or element is in no other map or set: on the JVM two ##NaN read apart are
// two Double objects, and Util.equiv of them is false ((= #{##NaN} #{##NaN}) is false).
// Clove's NaNs are one value, so lookups would find it; equality of two collections
// holding NaN keys follows the JVM instead (a collection still equals itself).
inline bool is_nan_key(Value k) { return is_floating(k) && std::isnan(floating_value(k)); }

bool map_equiv(State& vm, Value a, Value b) {
  if (map_count(a) != map_count(b)) return false;
  RootScope scope(vm.heap);  // a sorted map's lookups may call its comparator
  scope.push(a);
  scope.push(b);
  struct Walk {
    clove::State& vm;
    Value other;
    bool same = true;
  } st{vm, b};
  map_for_each(a, [&st](Value k, Value v) {
    if (!st.same) return;
    if (is_nan_key(k)) {
      st.same = false;
      return;
    }
    bool found = false;
    Value ov = map_lookup(st.vm, st.other, k, Value::nil(), &found);
    if (!found || !equiv(st.vm, v, ov)) st.same = false;
  });
  return st.same;
}

// APersistentMap.equiv of built-in map a with a value of another type b: b must be a
// java.util.Map, and if it is an IPersistentMap also a MapEquivalence (a deftype such
// as a priority map declares both), of the same size, holding a's entries (b's own
// count, contains? and get).
bool map_equiv_foreign(State& vm, Value a, Value b) {
  if (!has_traits(b, trait::JavaMap)) return false;
  if (has_traits(b, trait::IPersistentMap) && !has_traits(b, trait::MapEquivalence)) return false;
  RootScope scope(vm.heap);
  scope.push(a);
  scope.push(b);
  if (map_count(a) != count(vm, b)) return false;
  std::vector<Value> kvs;  // a's entries first: b's methods run Clove code
  map_for_each(a, [&](Value k, Value v) {
    kvs.push_back(k);
    kvs.push_back(v);
  });
  for (Value x : kvs) scope.push(x);
  for (size_t i = 0; i < kvs.size(); i += 2) {
    if (is_nan_key(kvs[i]) || !contains(vm, b, kvs[i])) return false;
    if (!equiv(vm, kvs[i + 1], get(vm, b, kvs[i]))) return false;
  }
  return true;
}

Value set_impl(Value s) {
  if (HashSet* h = as<HashSet>(s)) return h->impl;
  return static_cast<SortedSet*>(s.as_obj())->impl;
}

// Sets of either kind: same size and every element of a is in b. Looking up in a sorted
// set may call its comparator (and collect), so both sets are rooted.
bool set_equiv(State& vm, Value a, Value b) {
  Value ia = set_impl(a), ib = set_impl(b);
  if (map_count(ia) != map_count(ib)) return false;
  RootScope scope(vm.heap);
  scope.push(a);
  scope.push(b);
  bool same = true;
  map_for_each(ia, [&](Value k, Value) {
    if (!same) return;
    if (is_nan_key(k)) {
      same = false;
      return;
    }
    bool found = false;
    map_lookup(vm, ib, k, Value::nil(), &found);
    if (!found) same = false;
  });
  return same;
}

}  // namespace

bool equiv(State& vm, Value a, Value b) {
  if (is_num(a) && is_num(b)) return num_equiv(a, b);
  if (a == b) return true;
  if (!a.is_obj() || !b.is_obj()) return false;
  Obj* oa = a.as_obj();
  ObjType tb = b.as_obj()->type;
  if (oa->type == ObjType::String)  // the commonest, inline
    return tb == ObjType::String &&
           static_cast<String*>(oa)->view() == static_cast<String*>(b.as_obj())->view();
  // What follows may recurse into the elements (collections, records, tagged literals):
  // data nested deeper than the C++ stack allows throws StackOverflowError.
  check_native_stack();
  switch (oa->type) {
    case ObjType::Vector:
      if (tb == ObjType::Vector) return vector_equiv(vm, static_cast<Vector*>(oa), static_cast<Vector*>(b.as_obj()));
      break;
    default: break;
  }
  const TypeInfo& ti = type_of(oa);
  if (ti.equiv) return ti.equiv(vm, oa, b);
  if ((ti.traits & trait::Sequential) && is_sequential(b)) return seq_equiv(vm, a, b);
  return false;
}

void coll_detail::register_equiv_ops(TypeInfo* table) {
  auto entry = [table](ObjType t) -> TypeInfo& { return table[static_cast<int>(t)]; };
  entry(ObjType::String).equiv = [](State&, Obj* a, Value b) {
    const String* y = as<String>(b);
    return y && static_cast<String*>(a)->view() == y->view();
  };
  entry(ObjType::Symbol).equiv = [](State&, Obj* a, Value b) {
    const Symbol* y = as<Symbol>(b);
    auto* x = static_cast<Symbol*>(a);
    return y && x->name_view() == y->name_view() && (x->ns == nullptr) == (y->ns == nullptr) &&
           x->ns_view() == y->ns_view();
  };
  auto maps = [](State& vm, Obj* a, Value b) {
    if (is_map(b)) return map_equiv(vm, Value::object(a), b);
    return b.is_obj() && type_of(b.as_obj()).instance_traits && map_equiv_foreign(vm, Value::object(a), b);
  };
  // (APersistentSet.equiv wants a java.util.Set: a deftype implementing IPersistentSet
  // alone is not equal to a built-in set)
  auto sets = [](State& vm, Obj* a, Value b) {
    return (is<HashSet>(b) || is<SortedSet>(b)) && set_equiv(vm, Value::object(a), b);
  };
  for (ObjType t : {ObjType::ArrayMap, ObjType::HashMap, ObjType::SortedMap}) entry(t).equiv = maps;
  for (ObjType t : {ObjType::HashSet, ObjType::SortedSet}) entry(t).equiv = sets;
}

}  // namespace clove
