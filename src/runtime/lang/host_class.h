// host_class.h: Clove's stand-ins for the JVM classes and interfaces Clojure code names.
//
// Clove has no JVM, but Clojure programs dispatch on classes (`(defmulti f class)`,
// `(extend-protocol P String ...)`, `(instance? Number x)`, `(isa? Long Number)`).
// A *class value* in Clove is either
//   * a JavaClass (class_value.h) with the class's full Java name (`java.lang.String`,
//     `clojure.lang.IPersistentVector`), one object per name per VM (class_named): what
//     `(class x)` returns for built-in values, and what the vars `String`, `Number`,
//     `clojure.lang.Keyword`, ... in clojure.core hold; or
//   * a RecordType (runtime/lang/record.h) for instances of defrecord/deftype.
// Where Clove code passes a class by name (extend-type's macro, `(. Math abs x)`, a
// catch clause), the functions below also take the symbol naming it (canonical_class).
// The built-in classes form a graph (class -> direct supertypes, the superclass first)
// modelled on the JVM's: e.g. java.lang.Long -> java.lang.Number -> java.lang.Object,
// and clojure.lang.PersistentVector -> IPersistentVector -> Associative ->
// IPersistentCollection -> Seqable. It is derived from the type table: a type's class
// name, superclass and traits (core/object.h's CLOVE_OBJ_TYPES) and the interface
// hierarchy of the traits (core/traits.h), so `instance?` agrees with the predicates
// (seq?, counted?, ...) by construction. docs/design/polymorphism.md lists which Clove
// values each name covers.
//
// This is the lang layer's: records, deftypes and protocol dispatch need it, and it
// needs nothing from the host layer (host types are rows of the table like any other).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace clove {

class State;
struct JavaClass;

/// The class value of the built-in class with the full name `full` (java.lang.String,
/// clojure.lang.IFn, [J, [Ljava.lang.String;): the VM's one JavaClass of that name,
/// made on first use (State::classes); nil when Clove knows no such class (a short name,
/// an alias, a foreign name are canonical_class's).
Value class_named(State& vm, std::string_view full);
/// class_named for a name from the core image, which this build wrote (unmarshal's
/// trusted input): the class is made without consulting the class graph, so that
/// start-up does not build it (about a million instructions); whether it is an
/// interface is looked up when first asked (class_is_interface).
Value class_named_trusted(State& vm, std::string_view full);
/// Whether class value c is an interface, from the class graph (cached in c).
bool class_is_interface(const JavaClass* c);
/// The class value of v: nil for nil, the RecordType of a record, deftype or host
/// object, else the JavaClass of v's class (java.lang.Long, clojure.lang.Keyword, ...).
Value class_of(State& vm, Value v);
/// The printed class name of v: "nil" for nil, "user.Point" for a record
/// (value_type_name, number.h).
std::string class_name_of(Value v);
/// The canonical class value `c` denotes: a JavaClass or RecordType as is; for a symbol
/// naming a known class by full or short name (String, Number, Object, Exception, ...)
/// or a Java class Clove emulates under another name (java.io.PushbackReader:
/// java.io.Reader), that class's JavaClass; nil when `c` is neither.
Value canonical_class(State& vm, Value c);
/// Whether c is a symbol shaped like a Java class name Clove does not know
/// (java.net.URI: unqualified, with a dot, not a known class): protocols accept
/// extensions to such a class, and no Clove value is an instance of it.
bool is_foreign_class_name(Value c);
/// Whether c denotes a class: a class value (class_value.h's is_class_value) or a symbol
/// naming a known class. class? is is_class_value.
inline bool is_class(State& vm, Value c) { return !canonical_class(vm, c).is_nil(); }
/// The direct supertypes of class c (superclass first), as class values; empty for
/// java.lang.Object and for non-classes.
std::vector<Value> class_parents(State& vm, Value c);
/// Every supertype of class c, c excluded: breadth first from c, so the superclass chain
/// comes before interfaces; java.lang.Object (when present) always last. This is the
/// order protocol dispatch tries extensions in.
std::vector<Value> class_ancestors(State& vm, Value c);
/// Java's parent.isAssignableFrom(child) for class values: equal, or parent is one of
/// child's ancestors. False when either is not a class.
bool class_assignable(State& vm, Value parent, Value child);
/// (instance? c x): x's class is c or has c among its ancestors. nil is an instance of
/// nothing. Answers for built-in values are cached per VM (State::instance_cache): an
/// array store's element check and instance? both come here.
bool instance_of(State& vm, Value c, Value x);
/// clojure.core/instance?: instance_of, except that a Java class name Clove does not
/// know (is_foreign_class_name) has no instances; nullopt when c is not a class (the
/// caller throws). A cached answer (instance_of) is returned before those checks.
std::optional<bool> instance_check(State& vm, Value c, Value x);

/// The interfaces x implements beyond its class's: those a reify object's form names
/// (user_type.h), as class values; empty for every other value.
std::vector<Value> instance_interfaces(State& vm, Value x);

/// A host class name and the short alias Clojure imports for it (empty when none;
/// only java.lang classes have one).
struct HostClassName {
  std::string full;
  std::string short_name;
};
/// Every built-in class name Clove knows, for defining the class vars at VM start.
const std::vector<HostClassName>& host_class_names();

}  // namespace clove
