// object.h: the header every heap object starts with, and the list of object types.
//
// Every heap object is a C++ struct deriving from Obj, allocated by Heap::make (gc/heap.h),
// freed only by the collector. A type declares `static constexpr ObjType kType` and
// `void trace(Tracer&)` (mark every Value/Obj* it holds); the per-type table
// (TypeInfo, built in api/object_types.cpp) maps ObjType to name, tracer, size,
// destructor, class, traits and optional operations.
//
// To add a type: add a row to CLOVE_OBJ_TYPES (its class name, superclass and traits),
// define the struct, and register it (register_type<T> plus its operations) from the
// registration function of its module.
#pragma once
#include <cstddef>
#include <cstdint>

#include "core/traits.h"
#include "core/value.h"

namespace clove {

// X(enum name, class name, superclass (nullptr: java.lang.Object), traits)
//
// The class name is what `class` and `type` give (Clojure's class name where one
// exists). The traits (core/traits.h) are every interface the type implements (its
// superclass's included), written with the trait:: names; the table closes them under
// super-interfaces, so is_seq, is_counted, ... (runtime/coll/coll.h) and
// instance?/supers (runtime/lang/host_class.h) all read this one column. A type whose
// class differs per instance (records, Java arrays, exceptions: TypeInfo::class_name
// is set) names a placeholder class here.
#define CLOVE_OBJ_TYPES(X)                                                                                          \
  X(BoxedLong, "java.lang.Long", "java.lang.Number", Comparable | Serializable)                                     \
  X(BoxedFloat, "java.lang.Float", "java.lang.Number", Comparable | Serializable)                                   \
  X(BigInt, "clojure.lang.BigInt", "java.lang.Number", Serializable)                                                \
  X(Ratio, "clojure.lang.Ratio", "java.lang.Number", Comparable | Serializable)                                     \
  X(BigDecimal, "java.math.BigDecimal", "java.lang.Number", Comparable | Serializable)                              \
  X(String, "java.lang.String", nullptr, CharSequence | Comparable | Serializable)                                  \
  X(Symbol, "clojure.lang.Symbol", nullptr, IObj | IFn | Named | Comparable | IHashEq | Serializable)               \
  X(Keyword, "clojure.lang.Keyword", nullptr, IFn | Named | Comparable | IHashEq | Serializable)                    \
  X(List, "clojure.lang.PersistentList", nullptr,                                                                   \
    IPersistentList | ISeq | Counted | IObj | IHashEq | JavaList | IReduce | Serializable)                          \
  X(EmptyList, "clojure.lang.PersistentList$EmptyList", nullptr,                                                    \
    IPersistentList | ISeq | Counted | IObj | IHashEq | JavaList | Serializable)                                    \
  X(Cons, "clojure.lang.Cons", nullptr, ISeq | Sequential | IObj | IHashEq | JavaList | Serializable)               \
  X(ArraySeq, "clojure.lang.ArraySeq", nullptr, ISeq | Sequential | Counted | IObj | IHashEq | JavaList |           \
    Serializable | IReduce)                                                                                         \
  X(LazySeq, "clojure.lang.LazySeq", nullptr, ISeq | Sequential | IObj | IPending | IHashEq | JavaList |            \
    Serializable)                                                                                                   \
  X(Reduced, "clojure.lang.Reduced", nullptr, IDeref)                                                               \
  X(Vector, "clojure.lang.PersistentVector", nullptr,                                                               \
    IPersistentVector | IFn | IObj | IEditableCollection | IHashEq | JavaList | RandomAccess | Comparable |         \
      IReduce | IKVReduce | Serializable)                                                                           \
  X(VectorNode, "clove.lang.VectorNode", nullptr, 0)                                                                \
  X(VectorSeq, "clojure.lang.PersistentVector$ChunkedSeq", nullptr,                                                 \
    IChunkedSeq | Counted | IObj | IHashEq | JavaList | Serializable)                                               \
  X(ArrayChunk, "clojure.lang.ArrayChunk", nullptr, Indexed)                                                        \
  X(ChunkBuffer, "clojure.lang.ChunkBuffer", nullptr, 0)                                                            \
  X(ChunkedCons, "clojure.lang.ChunkedCons", nullptr, IChunkedSeq | IObj | IHashEq | JavaList | Serializable)       \
  X(Range, "clojure.lang.LongRange", nullptr,                                                                       \
    IChunkedSeq | Counted | IObj | IHashEq | JavaList | IReduce | Serializable)                                     \
  X(MapEntry, "clojure.lang.MapEntry", nullptr,                                                                     \
    IMapEntry | IPersistentVector | IFn | IHashEq | JavaList | Comparable | Serializable)                           \
  X(ArrayMap, "clojure.lang.PersistentArrayMap", nullptr,                                                           \
    IPersistentMap | IFn | IObj | IEditableCollection | IHashEq | JavaMap | IKVReduce | Serializable)               \
  X(HashMap, "clojure.lang.PersistentHashMap", nullptr,                                                             \
    IPersistentMap | IFn | IObj | IEditableCollection | IHashEq | JavaMap | IKVReduce | Serializable)               \
  X(HamtNode, "clove.lang.HamtNode", nullptr, 0)                                                                    \
  X(HashSet, "clojure.lang.PersistentHashSet", nullptr,                                                             \
    IPersistentSet | IFn | IObj | IEditableCollection | IHashEq | JavaSet | Serializable)                           \
  X(MapSeq, "clojure.lang.APersistentMap$KeySeq", nullptr,                                                          \
    ISeq | Sequential | Counted | IObj | IHashEq | JavaList | Serializable)                                         \
  X(HashMapSeq, "clojure.lang.PersistentHashMap$NodeSeq", nullptr,                                                  \
    ISeq | Sequential | Counted | IObj | IHashEq | JavaList | Serializable)                                         \
  X(StringSeq, "clojure.lang.StringSeq", nullptr, ISeq | Sequential | Counted | IObj | IHashEq | JavaList |         \
    Serializable)                                                                                                   \
  X(JavaArray, "[Ljava.lang.Object;", nullptr, Cloneable | Serializable)                                            \
  X(JavaArraySeq, "clojure.lang.ArraySeq", nullptr, ISeq | Sequential | Counted | IObj | IHashEq | JavaList |       \
    Serializable | IReduce)                                                                                         \
  X(TransientVector, "clojure.lang.PersistentVector$TransientVector", nullptr, ITransientCollection | IFn |         \
    Indexed)                                                                                                        \
  X(TransientArrayMap, "clojure.lang.PersistentArrayMap$TransientArrayMap", nullptr, ITransientCollection | IFn)    \
  X(TransientHashMap, "clojure.lang.PersistentHashMap$TransientHashMap", nullptr, ITransientCollection | IFn)       \
  X(TransientHashSet, "clojure.lang.PersistentHashSet$TransientHashSet", nullptr, ITransientCollection | IFn)       \
  X(TreeNode, "clojure.lang.PersistentTreeMap$Node", nullptr, 0)                                                    \
  X(SortedMap, "clojure.lang.PersistentTreeMap", nullptr,                                                           \
    IPersistentMap | IFn | IObj | Sorted | Reversible | IHashEq | JavaMap | Serializable | IKVReduce)               \
  X(SortedSet, "clojure.lang.PersistentTreeSet", nullptr,                                                           \
    IPersistentSet | IFn | IObj | Sorted | Reversible | IHashEq | JavaSet | Serializable)                           \
  X(TreeSeq, "clojure.lang.PersistentTreeMap$Seq", nullptr, ISeq | Sequential | IObj | IHashEq | JavaList |         \
    Serializable)                                                                                                   \
  X(Queue, "clojure.lang.PersistentQueue", nullptr, IPersistentList | Counted | IObj | IHashEq | JavaCollection |   \
    Serializable)                                                                                                   \
  X(QueueSeq, "clojure.lang.PersistentQueue$Seq", nullptr, ISeq | Sequential | IObj | IHashEq | JavaList |          \
    Serializable)                                                                                                   \
  X(Proto, "clove.lang.Proto", nullptr, 0)                                                                          \
  X(FnProto, "clove.lang.FnProto", nullptr, 0)                                                                      \
  X(Closure, "clojure.lang.AFunction", nullptr, IFn | Fn | IObj | Serializable)                                     \
  X(Native, "clove.lang.Native", nullptr, IFn | Fn | IObj | Serializable)                                           \
  X(Var, "clojure.lang.Var", nullptr, IRef | IFn | IMeta | Serializable)                                            \
  X(Namespace, "clojure.lang.Namespace", nullptr, IMeta)                                                            \
  X(Exception, "java.lang.Exception", nullptr, Serializable)                                                        \
  X(Atom, "clojure.lang.Atom", nullptr, IAtom | IRef | IMeta)                                                       \
  X(Volatile, "clojure.lang.Volatile", nullptr, IDeref)                                                             \
  X(Delay, "clojure.lang.Delay", nullptr, IDeref | IPending)                                                        \
  X(Fiber, "clove.lang.Fiber", nullptr, 0)                                                                          \
  X(Regex, "java.util.regex.Pattern", nullptr, 0)                                                                   \
  X(Matcher, "java.util.regex.Matcher", nullptr, 0)                                                                 \
  X(RecordType, "java.lang.Class", nullptr, 0)                                                                      \
  X(Record, "clojure.lang.IRecord", nullptr, IRecord | IPersistentMap | IObj | IHashEq | JavaMap)                   \
  X(TypeInstance, "clojure.lang.IType", nullptr, IType)                                                             \
  X(Reify, "clove.lang.Reify", nullptr, IObj)                                                                       \
  X(Protocol, "clove.lang.Protocol", nullptr, 0)                                                                    \
  X(MultiFn, "clojure.lang.MultiFn", nullptr, IFn)                                                                  \
  X(Uuid, "java.util.UUID", nullptr, Comparable | Serializable)                                                     \
  X(Inst, "java.util.Date", nullptr, Comparable | Serializable)                                                     \
  X(TaggedLiteral, "clojure.lang.TaggedLiteral", nullptr, ILookup)                                                  \
  X(ReaderConditional, "clojure.lang.ReaderConditional", nullptr, ILookup)                                          \
  X(Writer, "java.io.Writer", nullptr, Appendable | Closeable | Flushable)                                          \
  X(StringWriter, "java.io.StringWriter", "java.io.Writer", Appendable | Closeable | Flushable)                     \
  X(LineReader, "java.io.Reader", nullptr, Closeable)                                                               \
  X(File, "java.io.File", nullptr, Comparable | Serializable)                                                       \
  X(StringBuilder, "java.lang.StringBuilder", nullptr, CharSequence | Serializable)                                 \
  X(HostObject, "clove.lang.HostObject", nullptr, 0)                                                                \
  X(JavaClass, "java.lang.Class", nullptr, 0)                                                                      \
  X(SubVector, "clojure.lang.APersistentVector$SubVector", nullptr,                                                 \
    IPersistentVector | IFn | IObj | IHashEq | JavaList | RandomAccess | Comparable | IKVReduce | Serializable)      \
  X(SubVectorSeq, "clojure.lang.APersistentVector$Seq", nullptr,                                                    \
    ISeq | Sequential | Counted | IObj | IHashEq | JavaList | Serializable | IReduce)

enum class ObjType : uint8_t {
#define CLOVE_X(name, str, super, traits) name,
  CLOVE_OBJ_TYPES(CLOVE_X)
#undef CLOVE_X
      kCount
};

/// Header flags.
enum ObjFlag : uint16_t {
  kFlagSourcePos = 1 << 0,  // the object is a key in a SourceMap (core/source_map.h)
  kFlagMacro = 1 << 1,      // on a Var: the var names a macro
  kFlagDynamic = 1 << 2,    // on a Var: ^:dynamic
  kFlagPrivate = 1 << 3,    // on a Var: ^:private
  kFlagTransient = 1 << 4,  // on a collection: a transient still editable
  kFlagRemembered = 1 << 5, // a frozen or old object on the heap's remembered list (gc/heap.h)
  kFlagWatched = 1 << 6,    // on a Var: it has watches or a validator (State::var_refs)
  kFlagRegistered = 1 << 7, // on a Native: the registry's entry for its name (state/native_registry.h)
};

struct Tracer;
class PrintContext;  // core/print_context.h
/// A type's print or str hook (TypeInfo::print, TypeInfo::str): appends to ctx.out.
using PrintHook = void (*)(PrintContext& ctx, Value v);

/// The header of every heap object: 16 bytes.
struct Obj {
  Obj* gc_next = nullptr;  // all-objects list, walked by the sweeper
  ObjType type;
  uint8_t gc_color = 0;  // see gc/heap.h
  uint16_t flags = 0;
  uint32_t hash_cache = 0;  // 0 = not computed yet
  explicit Obj(ObjType t) : type(t) {}
};

class State;  // state/state.h: the operations below receive the VM state

/// Per-type behaviour, one entry per ObjType (Janet's JanetAbstractType): what the
/// collector needs, how the type prints, what the type is (its class and traits) and
/// the operations the generic functions of runtime/coll/coll.h dispatch to.
/// docs/design/types.md.
struct TypeInfo {
  const char* name;
  void (*trace)(Obj*, Tracer&);
  size_t (*size)(const Obj*);  // bytes owned, for GC pacing
  void (*destroy)(Obj*);       // runs the destructor (null: trivially destructible); the heap frees the memory
  /// Bytes outside its cell counted for the object (Heap::add_external), uncounted when
  /// the object is freed; nullptr for types that count none.
  size_t (*external)(const Obj*) = nullptr;

  // ---- printing (runtime/print/print.cpp calls these; see core/print_context.h) ----
  // Set by the module that defines the type, when the table is filled
  // (set_print_hooks). nullptr: the printer's own rule for the type, else
  // #object[name 0xhash].
  /// Appends v's pr (ctx.readably) or print text to ctx.out; nested values go through
  /// ctx.value(), which keeps *print-level*, *print-length* and the depth limit.
  PrintHook print = nullptr;
  /// Appends Java's toString of v (what `str` gives) to ctx.out, when it differs from
  /// the printed form (records: "user.P@1f", a deftype's own toString); nullptr: `str`
  /// gives the pr text.
  PrintHook str = nullptr;

  // ---- what the type is and what it can do (filled when the table is built) ----
  // traits and superclass come from the type's CLOVE_OBJ_TYPES row; the operations are
  // set by the module that defines the type (its register_* function). A null
  // operation means the type has none: the generic function then applies the rule for
  // the type's traits (an ISeq is its own seq and conj makes a Cons; a Sequential is
  // nth'd by walking it; equality of other types is identity) or throws as Clojure.
  /// Every interface the type implements, super-interfaces included (core/traits.h).
  Traits traits = 0;
  /// The interfaces one instance implements beyond `traits`, closed under
  /// super-interfaces, for types whose instances declare their own (deftype, defrecord
  /// and reify forms implementing clojure.lang interfaces: runtime/lang/user_type.h);
  /// nullptr: none. has_traits and the predicates read both.
  Traits (*instance_traits)(const Obj* o) = nullptr;
  /// The Java superclass of the class `name` (nullptr: java.lang.Object).
  const char* superclass = nullptr;
  /// The class name of one instance, for types whose class differs per instance
  /// (records, Java arrays and their seqs, exceptions); nullptr: `name`.
  const char* (*class_name)(const Obj* o) = nullptr;
  /// (seq x): a seq, or nil when x is empty. Null for ISeq types that are their own seq.
  Value (*seq)(State& vm, Obj* o) = nullptr;
  /// (first s) and (next s) of a seq object of this type, which is never empty.
  Value (*first)(State& vm, Obj* o) = nullptr;
  Value (*next)(State& vm, Obj* o) = nullptr;
  /// (count x).
  int64_t (*count)(State& vm, Obj* o) = nullptr;
  /// (nth x i not_found) when has_default, else (nth x i), which throws the type's
  /// IndexOutOfBoundsException for an index out of range.
  Value (*nth)(State& vm, Obj* o, int64_t i, Value not_found, bool has_default) = nullptr;
  /// (get x key not_found) (ILookup.valAt).
  Value (*lookup)(State& vm, Obj* o, Value key, Value not_found) = nullptr;
  /// (contains? x key).
  bool (*contains)(State& vm, Obj* o, Value key) = nullptr;
  /// (assoc x key val) and (dissoc x key).
  Value (*assoc)(State& vm, Obj* o, Value key, Value val) = nullptr;
  Value (*dissoc)(State& vm, Obj* o, Value key) = nullptr;
  /// (conj x item).
  Value (*conj)(State& vm, Obj* o, Value item) = nullptr;
  /// (peek x) and (pop x) (IPersistentStack), for types not handled inline by coll.h.
  Value (*peek)(State& vm, Obj* o) = nullptr;
  Value (*pop)(State& vm, Obj* o) = nullptr;
  /// (meta x) (nil when none) and (with-meta x m), m nil or a map.
  Value (*meta)(Obj* o) = nullptr;
  Value (*with_meta)(State& vm, Obj* o, Value m) = nullptr;
  /// Clojure's `=` of x and any other value, for types whose equality is neither
  /// identity nor the rule for their traits (sequentials element-wise).
  bool (*equiv)(State& vm, Obj* o, Value other) = nullptr;
  /// Clojure's `hash` of x, consistent with equiv (cached by the caller in hash_cache).
  uint32_t (*hash)(State& vm, Obj* o) = nullptr;
  /// Clojure's `compare` of x with any other value (Comparable.compareTo), for types
  /// `compare` does not handle inline; throws ClassCastException when x has none.
  int (*compare)(State& vm, Obj* o, Value other) = nullptr;
  /// Arithmetic (+ - * / and the unchecked ones) where a or b is of this non-numeric
  /// type (embedding hosts' objects); `op` is runtime/num/number.h's ArithOp. Null: a
  /// ClassCastException, as for any non-number.
  Value (*arith)(State& vm, uint8_t op, Value a, Value b) = nullptr;
};
/// The table entry of type t (builds the table on first use).
const TypeInfo& type_info(ObjType t);
const char* type_name(ObjType t);

namespace detail {
/// The table itself (api/object_types.cpp). It is built before the first Heap exists,
/// so the entry of any live object's type is ready: type_of reads it unguarded.
extern TypeInfo g_type_table[];
}  // namespace detail
/// The table entry of o's type: type_info without the first-use check, for hot paths.
inline const TypeInfo& type_of(const Obj* o) { return detail::g_type_table[static_cast<int>(o->type)]; }
/// Whether v is a heap object whose type implements every trait in `ts`.
inline bool has_traits(Value v, Traits ts) {
  if (!v.is_obj()) return false;
  const TypeInfo& ti = type_of(v.as_obj());
  if ((ti.traits & ts) == ts) return true;
  // deftype, defrecord and reify instances add the interfaces their form declares
  return ti.instance_traits && (ti.instance_traits(v.as_obj()) & ts) == ts;
}
/// The interfaces v's own form declares beyond its type's row (a deftype, defrecord or
/// reify implementing clojure.lang interfaces inline); 0 for every other value.
inline Traits instance_traits_of(Value v) {
  if (!v.is_obj()) return 0;
  const TypeInfo& ti = type_of(v.as_obj());
  return ti.instance_traits ? ti.instance_traits(v.as_obj()) : 0;
}

/// The object type behind v if it is a heap object of type T, else nullptr.
template <class T>
inline T* as(Value v) {
  if (!v.is_obj()) return nullptr;
  Obj* o = v.as_obj();
  return o->type == T::kType ? static_cast<T*>(o) : nullptr;
}
template <class T>
inline bool is(Value v) {
  return v.is_obj() && v.as_obj()->type == T::kType;
}
inline bool is_type(Value v, ObjType t) { return v.is_obj() && v.as_obj()->type == t; }

}  // namespace clove
