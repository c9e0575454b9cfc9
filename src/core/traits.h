// traits.h: the interfaces an object type can implement (Clojure's clojure.lang
// interfaces and the java.* ones Clojure code names), as bits.
//
// Each trait is one interface: its bit, its Java name and its direct super-interfaces.
// The rows of CLOVE_OBJ_TYPES (object.h) say which traits each type declares; the
// table (api/object_types.cpp) stores every type's traits closed under
// super-interfaces, so a predicate is one bit test (is_seq: ISeq, is_counted: Counted,
// coll.h) and the class graph (runtime/lang/host_class.cpp) derives a class's
// supertypes from the same bits. The order of the list is the order a class's direct
// interfaces are listed in (supers, bases, protocol dispatch): the kinds of collection
// first, then the capabilities, then the java.* interfaces.
// docs/design/types.md explains the table.
#pragma once
#include <cstdint>

namespace clove {

/// A set of traits: bit i is the trait whose TraitId is i.
using Traits = uint64_t;

// X(identifier, Java interface name, direct super-interfaces: an expression over the
// trait:: constants, 0 for none)
#define CLOVE_TRAITS(X)                                                                              \
  X(IMapEntry, "clojure.lang.IMapEntry", JavaMapEntry)                                               \
  X(IPersistentVector, "clojure.lang.IPersistentVector",                                             \
    Associative | Sequential | IPersistentStack | Reversible | Indexed)                              \
  X(IPersistentList, "clojure.lang.IPersistentList", Sequential | IPersistentStack)                  \
  X(IRecord, "clojure.lang.IRecord", 0)                                                              \
  X(IType, "clojure.lang.IType", 0)                                                                  \
  X(IPersistentMap, "clojure.lang.IPersistentMap", Associative | Iterable | Counted)                 \
  X(IPersistentSet, "clojure.lang.IPersistentSet", IPersistentCollection | Counted)                  \
  X(IChunkedSeq, "clojure.lang.IChunkedSeq", ISeq | Sequential)                                      \
  X(ISeq, "clojure.lang.ISeq", IPersistentCollection)                                                \
  X(Sequential, "clojure.lang.Sequential", 0)                                                        \
  X(IPersistentStack, "clojure.lang.IPersistentStack", IPersistentCollection)                        \
  X(Associative, "clojure.lang.Associative", IPersistentCollection | ILookup)                        \
  X(IPersistentCollection, "clojure.lang.IPersistentCollection", Seqable)                            \
  X(Seqable, "clojure.lang.Seqable", 0)                                                              \
  X(ILookup, "clojure.lang.ILookup", 0)                                                              \
  X(Indexed, "clojure.lang.Indexed", Counted)                                                        \
  X(Counted, "clojure.lang.Counted", 0)                                                              \
  X(IAtom, "clojure.lang.IAtom", 0)                                                                  \
  X(IRef, "clojure.lang.IRef", IDeref)                                                               \
  X(IDeref, "clojure.lang.IDeref", 0)                                                                \
  X(ITransientCollection, "clojure.lang.ITransientCollection", 0)                                    \
  X(IFn, "clojure.lang.IFn", Runnable | Callable)                                                               \
  X(Fn, "clojure.lang.Fn", 0)                                                                        \
  X(Named, "clojure.lang.Named", 0)                                                                  \
  X(IObj, "clojure.lang.IObj", IMeta)                                                                \
  X(IMeta, "clojure.lang.IMeta", 0)                                                                  \
  X(IEditableCollection, "clojure.lang.IEditableCollection", 0)                                      \
  X(Sorted, "clojure.lang.Sorted", 0)                                                                \
  X(Reversible, "clojure.lang.Reversible", 0)                                                        \
  X(IPending, "clojure.lang.IPending", 0)                                                            \
  X(IHashEq, "clojure.lang.IHashEq", 0)                                                              \
  X(IExceptionInfo, "clojure.lang.IExceptionInfo", 0)                                                \
  X(JavaList, "java.util.List", JavaCollection)                                                      \
  X(JavaSet, "java.util.Set", JavaCollection)                                                        \
  X(JavaCollection, "java.util.Collection", Iterable)                                                \
  X(JavaMap, "java.util.Map", 0)                                                                     \
  X(JavaMapEntry, "java.util.Map$Entry", 0)                                                          \
  X(RandomAccess, "java.util.RandomAccess", 0)                                                       \
  X(CharSequence, "java.lang.CharSequence", 0)                                                       \
  X(Comparable, "java.lang.Comparable", 0)                                                           \
  X(IReduceInit, "clojure.lang.IReduceInit", 0)                                                      \
  X(IReduce, "clojure.lang.IReduce", IReduceInit)                                                    \
  X(IKVReduce, "clojure.lang.IKVReduce", 0)                                                          \
  X(MapEquivalence, "clojure.lang.MapEquivalence", 0)                                                \
  X(Iterable, "java.lang.Iterable", 0)                                                               \
  X(Runnable, "java.lang.Runnable", 0)                                                               \
  X(Callable, "java.util.concurrent.Callable", 0)                                                    \
  X(Appendable, "java.lang.Appendable", 0)                                                           \
  X(Closeable, "java.io.Closeable", 0)                                                               \
  X(Flushable, "java.io.Flushable", 0)                                                               \
  X(Cloneable, "java.lang.Cloneable", 0)                                                             \
  X(Serializable, "java.io.Serializable", 0)

/// The traits, numbered in list order.
enum class TraitId : uint8_t {
#define CLOVE_X(id, name, supers) id,
  CLOVE_TRAITS(CLOVE_X)
#undef CLOVE_X
      kCount
};
static_assert(static_cast<int>(TraitId::kCount) <= 64, "Traits is a 64-bit set");

/// One constant per trait (trait::ISeq, trait::Counted, ...), for building sets with |.
namespace trait {
#define CLOVE_X(id, name, supers) inline constexpr Traits id = Traits{1} << static_cast<int>(TraitId::id);
CLOVE_TRAITS(CLOVE_X)
#undef CLOVE_X
}  // namespace trait

/// The Java interface name of trait `t` ("clojure.lang.ISeq").
constexpr const char* trait_name(TraitId t) {
  constexpr const char* kNames[] = {
#define CLOVE_X(id, name, supers) name,
      CLOVE_TRAITS(CLOVE_X)
#undef CLOVE_X
  };
  return kNames[static_cast<int>(t)];
}

/// The direct super-interfaces of trait `t`, as a set.
constexpr Traits trait_supers(TraitId t) {
  using namespace trait;
  constexpr Traits kSupers[] = {
#define CLOVE_X(id, name, supers) (supers),
      CLOVE_TRAITS(CLOVE_X)
#undef CLOVE_X
  };
  return kSupers[static_cast<int>(t)];
}

/// `ts` with every super-interface of its members added (the transitive closure).
constexpr Traits trait_closure(Traits ts) {
  Traits done = 0;
  while (ts != done) {
    done = ts;
    for (int i = 0; i < static_cast<int>(TraitId::kCount); ++i)
      if (ts & (Traits{1} << i)) ts |= trait_supers(static_cast<TraitId>(i));
  }
  return ts;
}

/// The members of `ts` that no other member implies, in list order: the direct
/// interfaces a class with exactly the interfaces `ts` (closed or not) lists.
constexpr Traits trait_minimal(Traits ts) {
  Traits out = ts;
  for (int i = 0; i < static_cast<int>(TraitId::kCount); ++i)
    if (ts & (Traits{1} << i)) out &= ~(trait_closure(trait_supers(static_cast<TraitId>(i))));
  return out;
}

static_assert(trait_closure(trait::IPersistentVector) & trait::Counted, "IPersistentVector > Indexed > Counted");
static_assert(trait_minimal(trait::ISeq | trait::IPersistentCollection | trait::Seqable) == trait::ISeq);

}  // namespace clove
