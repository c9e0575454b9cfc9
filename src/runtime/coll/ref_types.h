// ref_types.h: Clojure's reference types for state (SPEC L10): Atom, Volatile, Delay.
//
// Atom      a value with an optional validator fn and watches (a map key -> fn), changed
//           by reset!/swap!/compare-and-set! (clojure.lang.Atom). One VM runs one thread
//           at a time, so swap!'s compare-and-set loop only repeats when the update fn
//           itself changed the atom.
// Volatile  a bare mutable box (clojure.lang.Volatile).
// Delay     a thunk run at most once on first deref; its value, or the exception it
//           threw, is cached and returned (or rethrown) by every later deref
//           (clojure.lang.Delay).
// The natives' operations live in natives/core/state.cpp; what atoms share with vars
// (validation, watches, Var.bindRoot) is below, in ref_types.cpp.
#pragma once
#include "gc/heap.h"
#include "core/object.h"

namespace clove {

class State;
struct Var;

/// ARef.validate: throws IllegalStateException "Invalid reference state" unless the
/// validator (nil: none) returns truthy for v. Runs Clove code.
void ref_validate(State& vm, Value validator, Value v);
/// ARef.notifyWatches: calls each fn of `watches` (a map key -> fn, nil for none) as
/// (f key ref old new), in the map's order. The watches are copied into roots first: a
/// watch may remove itself. Runs Clove code.
void ref_notify_watches(State& vm, Value ref, Value watches, Value oldv, Value newv);
/// Var.bindRoot (def, intern with a value, alter-var-root): sets v's root and, for a
/// var with a validator or watches (kFlagWatched; State::var_refs), validates the new
/// root first and then tells the watches, as Clojure does. Throws what the validator
/// and the watches throw (the root is unchanged when the validator refuses).
void bind_var_root(State& vm, Var* v, Value root);

struct Atom : Obj {
  static constexpr ObjType kType = ObjType::Atom;
  Value val;
  Value validator;  // nil or a fn
  Value watches;    // a map key -> fn (a hash map, so watches fire in Clojure's order)
  Value meta;
  explicit Atom(Value v) : Obj(kType), val(v) {}
  void trace(Tracer& t) {
    t.mark(val);
    t.mark(validator);
    t.mark(watches);
    t.mark(meta);
  }
};

struct Volatile : Obj {
  static constexpr ObjType kType = ObjType::Volatile;
  Value val;
  explicit Volatile(Value v) : Obj(kType), val(v) {}
  void trace(Tracer& t) { t.mark(val); }
};

struct Delay : Obj {
  static constexpr ObjType kType = ObjType::Delay;
  Value fn;         // the thunk; nil once it has run
  Value val;        // its value
  Value exception;  // the exception object it threw, or nil
  explicit Delay(Value f) : Obj(kType), fn(f) {}
  bool realized() const { return fn.is_nil(); }
  void trace(Tracer& t) {
    t.mark(fn);
    t.mark(val);
    t.mark(exception);
  }
};

}  // namespace clove
