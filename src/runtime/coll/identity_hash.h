// identity_hash.h: the identity hash of a heap object, Clove's System.identityHashCode.
//
// One definition for every use, so that they agree as on the JVM: `hash` of an object
// whose type gives no hash of its own (a reify, a deftype without hashCode), the hex in
// its #object[...] text and its str (`Foo@1a2b3c`), and System/identityHashCode.
#pragma once
#include <cstdint>

namespace clove {

struct Obj;

/// A hash of o's address (Murmur3 of it, so that objects allocated one after another
/// spread over a hash map's buckets). Stable for the object's life: the collector does
/// not move objects. Like Java's, it differs from run to run.
uint32_t identity_hash(const Obj* o);

}  // namespace clove
