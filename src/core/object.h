// object.h: the header every heap object starts with, and the list of object types.
//
// Every heap object is a C++ struct deriving from Obj, allocated by Heap::make (gc/heap.h),
// freed only by the collector. A type declares `static constexpr ObjType kType` and
// `void trace(Tracer&)` (mark every Value/Obj* it holds); the per-type table in
// api/object_types.cpp maps ObjType to name, tracer, size and destructor.
//
// To add a type: add a line to CLOVE_OBJ_TYPES, define the struct, and register it in
// object_types.cpp. Printed type names follow Clojure's class names where one exists.
#pragma once
#include <cstddef>
#include <cstdint>

#include "core/value.h"

namespace clove {

// X(enum name, printed name)
#define CLOVE_OBJ_TYPES(X)                                   \
  X(BoxedLong, "java.lang.Long")                             \
  X(BigInt, "clojure.lang.BigInt")                           \
  X(Ratio, "clojure.lang.Ratio")                             \
  X(BigDecimal, "java.math.BigDecimal")                      \
  X(String, "java.lang.String")                              \
  X(Symbol, "clojure.lang.Symbol")                           \
  X(Keyword, "clojure.lang.Keyword")                         \
  X(List, "clojure.lang.PersistentList")                     \
  X(EmptyList, "clojure.lang.PersistentList$EmptyList")      \
  X(Cons, "clojure.lang.Cons")                               \
  X(ArraySeq, "clojure.lang.ArraySeq")                       \
  X(LazySeq, "clojure.lang.LazySeq")                         \
  X(Reduced, "clojure.lang.Reduced")                         \
  X(Vector, "clojure.lang.PersistentVector")                 \
  X(VectorNode, "clove.lang.VectorNode")                     \
  X(VectorSeq, "clojure.lang.PersistentVector$ChunkedSeq")   \
  X(ArrayChunk, "clojure.lang.ArrayChunk")                   \
  X(ChunkBuffer, "clojure.lang.ChunkBuffer")                 \
  X(ChunkedCons, "clojure.lang.ChunkedCons")                 \
  X(Range, "clojure.lang.LongRange")                         \
  X(MapEntry, "clojure.lang.MapEntry")                       \
  X(ArrayMap, "clojure.lang.PersistentArrayMap")             \
  X(HashMap, "clojure.lang.PersistentHashMap")               \
  X(HamtNode, "clove.lang.HamtNode")                         \
  X(HashSet, "clojure.lang.PersistentHashSet")               \
  X(MapSeq, "clojure.lang.APersistentMap$KeySeq")            \
  X(HashMapSeq, "clojure.lang.PersistentHashMap$NodeSeq")    \
  X(StringSeq, "clojure.lang.StringSeq")                     \
  X(JavaArray, "[Ljava.lang.Object;")                        \
  X(JavaArraySeq, "clojure.lang.ArraySeq")                   \
  X(TransientVector, "clojure.lang.PersistentVector$TransientVector")        \
  X(TransientArrayMap, "clojure.lang.PersistentArrayMap$TransientArrayMap")  \
  X(TransientHashMap, "clojure.lang.PersistentHashMap$TransientHashMap")     \
  X(TransientHashSet, "clojure.lang.PersistentHashSet$TransientHashSet")     \
  X(TreeNode, "clojure.lang.PersistentTreeMap$Node")         \
  X(SortedMap, "clojure.lang.PersistentTreeMap")             \
  X(SortedSet, "clojure.lang.PersistentTreeSet")             \
  X(TreeSeq, "clojure.lang.PersistentTreeMap$Seq")           \
  X(Queue, "clojure.lang.PersistentQueue")                   \
  X(QueueSeq, "clojure.lang.PersistentQueue$Seq")            \
  X(Proto, "clove.lang.Proto")                               \
  X(FnProto, "clove.lang.FnProto")                           \
  X(Closure, "clojure.lang.AFunction")                       \
  X(Native, "clove.lang.Native")                             \
  X(Var, "clojure.lang.Var")                                 \
  X(Namespace, "clojure.lang.Namespace")                     \
  X(Exception, "java.lang.Exception")                        \
  X(Atom, "clojure.lang.Atom")                               \
  X(Volatile, "clojure.lang.Volatile")                       \
  X(Delay, "clojure.lang.Delay")                             \
  X(Fiber, "clove.lang.Fiber")                               \
  X(Regex, "java.util.regex.Pattern")                        \
  X(Matcher, "java.util.regex.Matcher")                      \
  X(RecordType, "java.lang.Class")                           \
  X(Record, "clojure.lang.IRecord")                          \
  X(TypeInstance, "clojure.lang.IType")                      \
  X(Reify, "clove.lang.Reify")                               \
  X(Protocol, "clove.lang.Protocol")                         \
  X(MultiFn, "clojure.lang.MultiFn")                         \
  X(Uuid, "java.util.UUID")                                  \
  X(Inst, "java.util.Date")                                  \
  X(TaggedLiteral, "clojure.lang.TaggedLiteral")             \
  X(Writer, "java.io.Writer")                                \
  X(StringWriter, "java.io.StringWriter")                    \
  X(LineReader, "java.io.Reader")                            \
  X(File, "java.io.File")                                    \
  X(StringBuilder, "java.lang.StringBuilder")

enum class ObjType : uint8_t {
#define CLOVE_X(name, str) name,
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

/// Per-type behaviour used by the collector, by `type`/`class` and by the printer.
struct TypeInfo {
  const char* name;
  void (*trace)(Obj*, Tracer&);
  size_t (*size)(const Obj*);  // bytes owned, for GC pacing
  void (*destroy)(Obj*);       // runs the destructor; memory is freed by the heap

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
};
const TypeInfo& type_info(ObjType t);
const char* type_name(ObjType t);

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
