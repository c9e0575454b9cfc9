// unbound.h: clojure.lang.Var$Unbound, the value an unbound var reads as.
//
// In Clojure a var made by `declare` or `(def x)` holds an Unbound object until it is
// bound: reading it gives that object (so a macro can look at a var defined in the same
// top-level form, as clojure.test/is does), it prints as
// #object[clojure.lang.Var$Unbound 0x... "Unbound: #'user/x"], and calling it throws
// IllegalStateException "Attempting to call unbound fn: #'user/x". Clove's vars keep a
// `bound` flag instead; the reads of an unbound var (the GETVAR instruction, deref,
// var-get) make one of these objects.
#pragma once
#include "core/value.h"

namespace clove {

class State;
struct Var;

/// Makes the class clojure.lang.Var$Unbound (the clojure.core var of that name); once
/// per State, before any var is read (natives/core/lang.cpp).
void install_unbound_class(State& vm);
/// An Unbound object for var v (unbound: v->bound is false).
Value unbound_value(State& vm, Var* v);
/// The value of var v as reading it gives in Clojure: its binding or root, or an Unbound
/// object when it has neither.
Value var_value_or_unbound(State& vm, Var* v);
/// Whether v is an Unbound object.
bool is_unbound_value(State& vm, Value v);
/// Calling an Unbound object: IllegalStateException "Attempting to call unbound fn: #'user/x".
[[noreturn]] void throw_unbound_call(Value unbound);

}  // namespace clove
