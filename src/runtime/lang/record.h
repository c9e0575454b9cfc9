// record.h: defrecord and deftype types and their instances, and reify objects.
//
// RecordType  the class a defrecord/deftype form defines: its name (user.Point), its
//             fields, and whether it is a record. The var `Point` holds it; it is the
//             class value (runtime/lang/host_class.h) of its instances.
// Record      an instance: the type, the field values (trailing array), metadata and,
//             for records only, the map of extra keys assoc'ed onto it. The same struct
//             serves deftype instances, whose header type is ObjType::TypeInstance:
//             they are opaque (no map behaviour), records (ObjType::Record) are maps.
// Reify       a reify object: per-instance protocol implementations (closures that may
//             capture locals), searched before any extension (runtime/lang/protocol.h).
//
// A record behaves as Clojure's: keyword lookup, get, assoc (a field: a new record; any
// other key: stored in the extension map, still a record), dissoc (of a field: a plain
// map; of another key: a record), count, seq (fields in order, then extra keys), `=`
// (same type and same contents; never equal to a plain map) and hash (Clojure's
// defrecord hasheq: the type name's hash xor the map hash). The generic operations of
// runtime/coll/coll.h reach these through the type table (register_record_types).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "gc/heap.h"
#include "runtime/lang/function.h"
#include "core/object.h"
#include "runtime/text/string.h"

namespace clove {

class State;

class HostClass;  // host_object.h

// The methods of Clojure's interfaces that a deftype, defrecord or reify form can
// implement inline and that Clove's core functions call (runtime/lang/user_type.h):
// X(method name as Clojure's interfaces spell it). One name may come from several
// interfaces (`count`: Counted and IPersistentCollection; `seq`: Seqable and, with a
// second arity, Sorted): the macros merge the arities given under every interface into
// one fn per name.
#define CLOVE_IFACE_METHODS(X)                                                                        \
  X(valAt) X(count) X(seq) X(cons) X(empty) X(equiv) X(containsKey) X(entryAt) X(assoc) X(without)   \
  X(disjoin) X(contains) X(get) X(nth) X(peek) X(pop) X(rseq) X(deref) X(meta) X(withMeta) X(hasheq) \
  X(invoke) X(applyTo) X(equals) X(hashCode) X(toString) X(kvreduce) X(reduce) X(first) X(next)      \
  X(more) X(compareTo) X(isRealized) X(getName) X(getNamespace)

enum class IMethod : uint8_t {
#define CLOVE_X(m) m,
  CLOVE_IFACE_METHODS(CLOVE_X)
#undef CLOVE_X
      kCount
};

/// The interfaces a deftype/defrecord/reify form implements inline: their traits (closed
/// under super-interfaces; names Clove does not know add none), the fn of each method
/// core functions call (slots, indexed by IMethod; empty when the form implements
/// none), and every method given, by name ({:valAt fn, :size fn, ...}), for `.method`
/// calls.
struct Interfaces {
  Traits traits = 0;
  std::vector<Value> slots;
  Value methods = Value::nil();
  Value names = Value::nil();  // the interface names as the form gave them
  bool empty() const { return methods.is_nil() && traits == 0; }
  Value slot(IMethod m) const { return slots.empty() ? Value::nil() : slots[static_cast<size_t>(m)]; }
  void trace(Tracer& t) {
    for (Value v : slots) t.mark(v);
    t.mark(methods);
    t.mark(names);
  }
};

struct RecordType : Obj {
  static constexpr ObjType kType = ObjType::RecordType;
  Symbol* name;                  // interned, unqualified, dotted: user.Point
  std::vector<Keyword*> fields;  // in declaration order
  Value field_syms;              // a vector of the field symbols (getBasis)
  Value to_string;               // nil, or the fn an `Object (toString [this] ...)` gave
  bool is_record;
  /// For the class of an embedding host's C++ type (host_object.h): what it does, its
  /// methods (a map of method-name strings to fns taking the object first) and the fn
  /// that calling an object runs (nil: not callable). Null/nil for defrecord/deftype.
  HostClass* host = nullptr;
  Value host_methods;
  Value host_invoke;
  /// The clojure.lang interfaces the defrecord/deftype form implements (user_type.h).
  Interfaces ifaces;
  RecordType(Symbol* n, bool rec)
      : Obj(kType), name(n), field_syms(Value::nil()), to_string(Value::nil()), is_record(rec),
        host_methods(Value::nil()), host_invoke(Value::nil()) {}
  /// The C string of the class name (stable while the type lives).
  const char* cname() const { return name->name->data(); }
  /// The index of field keyword `k`, or -1.
  int field_index(Value k) const {
    for (size_t i = 0; i < fields.size(); ++i)
      if (Value::object(fields[i]) == k) return static_cast<int>(i);
    return -1;
  }
  void trace(Tracer& t) {
    t.mark(name);
    for (Keyword* k : fields) t.mark(k);
    t.mark(field_syms);
    t.mark(to_string);
    t.mark(host_methods);
    t.mark(host_invoke);
    ifaces.trace(t);
  }
  size_t byte_size() const {
    return sizeof(RecordType) + fields.capacity() * sizeof(Keyword*) + ifaces.slots.capacity() * sizeof(Value);
  }
};

struct Record : Obj {
  static constexpr ObjType kType = ObjType::Record;
  RecordType* rtype;
  Value ext;   // nil, or a map of the non-field keys (records only)
  Value meta;  // nil or a map
  uint32_t n;  // == rtype->fields.size()
  Record(ObjType t, RecordType* rt, uint32_t count) : Obj(t), rtype(rt), ext(Value::nil()), meta(Value::nil()), n(count) {}
  Value* fields() { return reinterpret_cast<Value*>(this + 1); }
  const Value* fields() const { return reinterpret_cast<const Value*>(this + 1); }
  void trace(Tracer& t) {
    t.mark(rtype);
    t.mark(ext);
    t.mark(meta);
    for (uint32_t i = 0; i < n; ++i) t.mark(fields()[i]);
  }
  size_t byte_size() const { return sizeof(Record) + n * sizeof(Value); }
};

struct Reify : Obj {
  static constexpr ObjType kType = ObjType::Reify;
  std::vector<Value> protocols;  // Protocol objects
  std::vector<Value> fns;        // per protocol: a vector of method fns (nil: not given)
  Value to_string;               // nil or fn
  Value meta;
  Interfaces ifaces;             // the clojure.lang interfaces it implements (user_type.h)
  Reify() : Obj(kType), to_string(Value::nil()), meta(Value::nil()) {}
  void trace(Tracer& t) {
    for (Value v : protocols) t.mark(v);
    for (Value v : fns) t.mark(v);
    t.mark(to_string);
    t.mark(meta);
    ifaces.trace(t);
  }
  size_t byte_size() const {
    return sizeof(Reify) + (protocols.capacity() + fns.capacity() + ifaces.slots.capacity()) * sizeof(Value);
  }
};

/// The record or deftype instance behind v, or nullptr.
inline Record* as_instance(Value v) {
  if (!v.is_obj()) return nullptr;
  ObjType t = v.as_obj()->type;
  return (t == ObjType::Record || t == ObjType::TypeInstance) ? static_cast<Record*>(v.as_obj()) : nullptr;
}
inline bool is_record(Value v) { return is_type(v, ObjType::Record); }
/// (get m k), finding a defrecord's field keys first without the type table's
/// lookup: GETK's path for anything but an array map (a record method body reads its
/// fields this way). Throws what get throws.
Value record_field_or_get(State& vm, Value m, Value k);

/// A new instance of `rt` with field values vals[0..n); n must equal the field count
/// (IllegalArgumentException otherwise). `ext` (records only) is nil or a map.
Value make_instance(State& vm, RecordType* rt, const Value* vals, size_t n, Value meta = Value::nil(),
                    Value ext = Value::nil());
/// (map->Point m): fields from m's keys (missing ones nil), every other key in ext.
Value record_from_map(State& vm, RecordType* rt, Value map);
/// Implements (ClassName. args...) for records and types: resolves `class_name`
/// ("Point" in the current namespace, or "user.Point") to a RecordType var and builds
/// an instance from args[from..]. Records also take the fields plus meta and ext.
/// Returns nil when the name does not name a record or type.
Value construct_by_class_name(State& vm, std::string_view class_name, Args args, int from);

/// Registers RecordType, Record, TypeInstance and Reify with the type table, with the
/// operations that make records maps (seq count get contains? assoc dissoc conj, `=`
/// and hash as described above), the metadata of instances and reify objects, and the
/// class name of instances (their RecordType's).
void register_record_types(TypeInfo* table);

/// Registers, in the per-type table, how records (#user.Point{:x 1}), deftype and reify
/// instances (#object[user.T 0x.. "user.T@.."], or their toString when given) print and
/// `str` (called from type_info's init); record types print as classes (class_value.h).
void register_record_printers(TypeInfo* table);

}  // namespace clove
