// multifn.h: multimethods (defmulti / defmethod), Clojure's clojure.lang.MultiFn.
//
// A MultiFn holds the dispatch fn, the method table (a map dispatch-value -> fn), the
// prefer table (a map x -> set of values x is preferred over), the default dispatch
// value and the var of the hierarchy it dispatches with (#'clojure.core/global-hierarchy
// unless :hierarchy was given).
//
// The multimethod value itself is a Clove fn made by defmulti that calls the dispatch
// fn, asks multifn_method for the method and tail-calls it (no C++ recursion per call).
// multifn_method caches the method chosen for each dispatch value; the cache is dropped
// when the method or prefer table changes or the hierarchy var holds a different map
// (as MultiFn.getFn does). On a miss the best method is chosen by
// clojure.core/-mm-best-method (src/lib/05_poly.clj): among the methods whose value
// the dispatch value isa?, the one that dominates (isa? or prefer-method) every other;
// two that match and neither dominates is an error naming both.
#pragma once
#include "gc/heap.h"
#include "state/namespace.h"
#include "core/object.h"
#include "runtime/text/string.h"

namespace clove {

class State;

struct MultiFn : Obj {
  static constexpr ObjType kType = ObjType::MultiFn;
  String* name;              // "area"
  Value dispatch_fn;
  Value default_val;         // :default unless given
  Var* hierarchy;            // the var holding the hierarchy map
  Value method_table;        // map dispatch value -> fn
  Value prefer_table;        // map x -> #{y ...}
  Value cache;               // map dispatch value -> fn
  Value cached_hierarchy;    // the hierarchy the cache was built against
  MultiFn(String* n, Value d, Value dflt, Var* h)
      : Obj(kType), name(n), dispatch_fn(d), default_val(dflt), hierarchy(h) {}
  void trace(Tracer& t) {
    t.mark(name);
    t.mark(dispatch_fn);
    t.mark(default_val);
    t.mark(hierarchy);
    t.mark(method_table);
    t.mark(prefer_table);
    t.mark(cache);
    t.mark(cached_hierarchy);
  }
};

/// A new multimethod with empty tables.
MultiFn* make_multifn(State& vm, String* name, Value dispatch_fn, Value default_val, Var* hierarchy);
/// The method for dispatch value dv (cached); nil when none applies and there is no
/// default method (calling the multimethod then throws "No method in multimethod 'area'
/// for dispatch value: :x", natives/core/poly.cpp). Ambiguity errors come from
/// -mm-best-method.
Value multifn_method(State& vm, MultiFn* mf, Value dv);
/// Sets the method table (defmethod, remove-method, remove-all-methods); clears the cache.
void multifn_set_methods(State& vm, MultiFn* mf, Value table);
/// Sets the prefer table (prefer-method); clears the cache.
void multifn_set_prefers(State& vm, MultiFn* mf, Value table);
/// The MultiFn behind a multimethod value (the fn defmulti made), or nullptr.
MultiFn* multifn_of(Value f);

}  // namespace clove
