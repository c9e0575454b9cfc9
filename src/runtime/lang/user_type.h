// user_type.h: deftype, defrecord and reify forms that implement Clojure's interfaces
// inline (clojure.lang.ILookup, Counted, Seqable, IPersistentMap, IFn, IDeref, ...), and
// how Clove's core functions reach their methods.
//
// The macros (src/lib/05_poly.clj) split a form's specs: a protocol is extended as
// before; `Object` and every other head name an interface. The methods given under the
// interfaces, merged by name, go to implement_interfaces, which keeps them in the
// form's Interfaces (record.h): the declared interfaces become traits of the instances
// (TypeInfo::instance_traits, so map?, counted?, instance? and protocol extensions to
// interfaces see them) and each method Clove knows fills its IMethod slot.
//
// The type table's operations of deftype and reify instances (register_user_type_ops)
// call those slots: count -> count, get -> valAt, seq -> seq, conj -> cons, assoc,
// dissoc -> without, contains? -> containsKey/contains, nth, peek, pop, = -> equiv (for
// an IPersistentCollection) or equals, hash -> hasheq or hashCode, compare -> compareTo,
// with-meta -> withMeta; seq of an IReduceInit without Seqable -> what its reduce gives.
// Natives that do not go through the table ask user_method directly (deref, meta, rseq,
// empty, find, disj, realized?, apply -> applyTo, .method calls), reduce-kv asks for
// kvreduce (-iface-method), and calling an instance calls its invoke (vm/call.cpp). A
// method the form does not give behaves as for a type without the interface (count:
// UnsupportedOperationException, get: not-found, ...), or throws AbstractMethodError
// when the form names the interface.
// Records keep their map behaviour; the interfaces add what records lack (IFn, IDeref,
// ...).
#pragma once
#include <string_view>

#include "core/value.h"
#include "runtime/lang/record.h"

namespace clove {

class State;

/// Fills `out` from a form's interface names (a seq of symbols: clojure.lang.ILookup,
/// ILookup, java.util.Map, an unknown name, ...) and its methods ({:valAt fn ...}, each
/// fn taking the instance first). Names Clove does not know add no trait; methods it
/// does not know are kept for `.method` calls only.
void implement_interfaces(State& vm, Interfaces& out, Value iface_names, Value method_map);

/// The Interfaces of x when x is a deftype, defrecord or reify instance, else nullptr.
const Interfaces* interfaces_of(Value x);
/// The fn implementing method m for x, or nil (x not a user type, or m not given).
inline Value user_method(Value x, IMethod m) {
  const Interfaces* i = interfaces_of(x);
  return i ? i->slot(m) : Value::nil();
}
/// The fn of the method named `name` given for x under any interface, or nil.
Value user_method_named(State& vm, Value x, std::string_view name);
/// The trait of interface `name` (full, as clojure.lang.ILookup, or simple, as ILookup),
/// or 0 when Clove does not know it.
Traits trait_of_interface_name(std::string_view name);

/// Throws AbstractMethodError when x is a user type whose form names interface `iface`
/// (a single trait) without giving `method`; returns otherwise.
void throw_missing_method(Value x, Traits iface, const char* method);

/// Registers the operations of deftype and reify instances (and the instance traits of
/// records) described above. Called from register_record_types.
void register_user_type_ops(TypeInfo* table);

}  // namespace clove
