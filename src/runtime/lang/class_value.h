// class_value.h: JavaClass, the class value of a built-in class (java.lang.Class).
//
// `(class 1)`, `String`, `clojure.lang.IFn`, `(class (long-array 0))` are JavaClass
// objects: one per class name per VM (State::classes; host_class.h makes them and
// knows the graph they form), so `=`, `identical?`, `hash` and map keys treat the same
// class reached twice as one value, while no class is equal to the symbol naming it
// (`(= String 'java.lang.String)` is false, as on the JVM). Record and deftype classes
// are RecordTypes (record.h) instead; both answer class? (is_class_value).
//
// A class prints as its name (`java.lang.Long`, `[J`: Clojure's print-method for
// Class) and its `str` is Java's Class.toString: "class java.lang.Long", "interface
// clojure.lang.IFn".
#pragma once
#include <string_view>

#include "core/object.h"
#include "runtime/text/string.h"

namespace clove {

struct JavaClass : Obj {
  static constexpr ObjType kType = ObjType::JavaClass;
  Symbol* name;  // interned, unqualified: the full Java name (java.lang.String, [J)
  /// 1 for an interface (the class graph's trait names), 0 for a class, -1 until
  /// class_is_interface (host_class.h) first asks the graph, so that making a class (the
  /// core image's, at start-up) does not build the graph.
  mutable int8_t interface_state = -1;
  explicit JavaClass(Symbol* n) : Obj(kType), name(n) {}
  std::string_view name_view() const { return name->name_view(); }
  void trace(Tracer& t) { t.mark(name); }
};

/// Whether v is a class value: a JavaClass or a RecordType (a record, deftype or
/// host class). A symbol naming a class is not one (class? is false for it).
bool is_class_value(Value v);
/// The full name of class value c ("java.lang.String", "user.Point"); empty when c is
/// not a class value.
std::string_view class_value_name(Value c);

/// Registers JavaClass with the type table: identity `=`, a hash from the name (so it
/// does not depend on where the object lives).
void register_class_value_type(TypeInfo* table);
/// How class values print: the name (pr, print), and Class.toString for `str`:
/// "class java.lang.Long", "interface clojure.lang.IFn", "class user.Point" for a
/// record or deftype class.
void register_class_value_printers(TypeInfo* table);

}  // namespace clove
