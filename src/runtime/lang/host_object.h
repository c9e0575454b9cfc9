// host_object.h: objects of an embedding host's C++ types as Clove values (SPEC E4).
//
// A host describes a C++ type once per VM (the public API's clove::Class<T>,
// api/host_class.cpp): its class name, a finalizer, and whichever of Clojure's
// operations it supports (str, =, hash, count, get, nth, seq), methods for
// `(.method obj args)` and a function for calling the object itself. Its class value
// is a RecordType (record.h) whose `host` points at that description, so `class`,
// `instance?`, protocols (extend-type, extend-protocol) and multimethods on `class`
// treat it as they treat a deftype. An object is *owned* (the finalizer runs when the
// collector frees it, or when the VM is destroyed) or *borrowed* (the host keeps it
// alive; it may invalidate the Clove value, after which every use is an
// IllegalStateException, never a dangling pointer).
#pragma once
#include <cstdint>
#include <string>

#include "core/object.h"
#include "runtime/lang/record.h"
#include "runtime/num/number.h"

namespace clove {

class State;
struct HostObject;

/// What a host's C++ type does in Clove. Each operation is asked only of a valid object
/// of this class; `supports` says which the host gave (the others follow Clojure's
/// rule for a plain Java object: identity =, identity hash, get returns not_found, and
/// count, nth and seq throw).
class HostClass {
 public:
  enum Op : uint32_t { kStr = 1, kEquiv = 2, kHash = 4, kCount = 8, kLookup = 16, kNth = 32, kSeq = 64, kArith = 128 };
  virtual ~HostClass() = default;
  virtual bool supports(Op op) const = 0;
  /// Frees an owned object's C++ side (never throws).
  virtual void finalize(void* ptr) noexcept = 0;
  virtual std::string str(State& vm, HostObject* o) = 0;
  /// Called only when `other` is a valid object of the same class.
  virtual bool equiv(State& vm, HostObject* o, HostObject* other) = 0;
  virtual uint32_t hash(State& vm, HostObject* o) = 0;
  virtual int64_t count(State& vm, HostObject* o) = 0;
  virtual Value lookup(State& vm, HostObject* o, Value key, Value not_found) = 0;
  /// Throws IndexOutOfBoundsException itself when `i` is out of range.
  virtual Value nth(State& vm, HostObject* o, int64_t i) = 0;
  /// A seq of the object's elements, or nil when empty.
  virtual Value seq(State& vm, HostObject* o) = 0;
  /// (+ a b), (- a b), (* a b), (/ a b) (ArithOp Add, Sub, Mul, Div; the unchecked
  /// forms come as the checked ones) where a or b is an object of this class.
  virtual Value arith(State& vm, ArithOp op, Value a, Value b) = 0;
};

struct HostObject : Obj {
  static constexpr ObjType kType = ObjType::HostObject;
  RecordType* cls;  // its class value
  HostClass* host;  // == cls->host, kept here for the destructor: when the heap is torn
                    // down, cls may be freed first (the host's description outlives it)
  void* ptr;        // the C++ object
  bool owned;       // finalize when freed
  bool valid = true;
  HostObject(RecordType* c, void* p, bool own) : Obj(kType), cls(c), host(c->host), ptr(p), owned(own) {}
  ~HostObject() {
    if (owned && valid && ptr && host) host->finalize(ptr);
  }
  void trace(Tracer& t) { t.mark(cls); }
};

/// The host object v with its class checked valid; throws IllegalStateException for
/// one the host invalidated. Null when v is not a host object.
HostObject* live_host_object(Value v);
/// Registers HostObject with the type table (its operations dispatch to cls->host).
void register_host_object_type(TypeInfo* table);
/// How host objects print: #object[game.Sprite 0x1f "the str"].
void register_host_object_printers(TypeInfo* table);

}  // namespace clove
