// host_object.cpp: the HostObject type's entry in the type table (host_object.h).
#include "runtime/lang/host_object.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/murmur3.h"
#include "core/print_context.h"
#include "core/type_table.h"
#include "runtime/coll/coll.h"
#include "state/state.h"

namespace clove {

HostObject* live_host_object(Value v) {
  HostObject* h = as<HostObject>(v);
  if (h && !h->valid)
    throw_error(ErrorKind::IllegalStateException,
                fmt::format("{} object is no longer valid: the host invalidated it", h->cls->cname()));
  return h;
}

namespace {

HostObject* live(Obj* o) { return live_host_object(Value::object(o)); }

bool supports(HostObject* h, HostClass::Op op) { return h->host && h->host->supports(op); }

uint32_t address_hash(const Obj* o) {
  return murmur3::hash_long(static_cast<int64_t>(reinterpret_cast<uintptr_t>(o) >> 4));
}

[[noreturn]] void unsupported(const char* what, HostObject* h) {
  throw_error(ErrorKind::UnsupportedOperationException, fmt::format("{} not supported on this type: {}", what,
                                                                    h->cls->cname()));
}

// Java's toString: the host's str, else class@hash.
std::string to_string_of(State& vm, HostObject* h) {
  if (h->valid && supports(h, HostClass::kStr)) return h->host->str(vm, h);
  return fmt::format("{}@{:x}", h->cls->cname(), address_hash(h));
}

void print_host_object(PrintContext& p, Value v) {
  HostObject* h = static_cast<HostObject*>(v.as_obj());
  std::string text = to_string_of(p.vm, h);
  p.out += fmt::format("#object[{} 0x{:x} ", h->cls->cname(), address_hash(h));
  p.value(string_value(p.vm.heap, text));
  p.out += ']';
}

void str_host_object(PrintContext& p, Value v) { p.out += to_string_of(p.vm, static_cast<HostObject*>(v.as_obj())); }

}  // namespace

void register_host_object_type(TypeInfo* table) {
  TypeInfo& t = register_type<HostObject>(table);
  t.class_name = [](const Obj* o) { return static_cast<const HostObject*>(o)->cls->cname(); };
  t.seq = [](State& vm, Obj* o) {
    HostObject* h = live(o);
    if (!supports(h, HostClass::kSeq))
      throw_error(ErrorKind::IllegalArgumentException, fmt::format("Don't know how to create ISeq from: {}", h->cls->cname()));
    return h->host->seq(vm, h);
  };
  t.count = [](State& vm, Obj* o) {
    HostObject* h = live(o);
    if (!supports(h, HostClass::kCount)) unsupported("count", h);
    return h->host->count(vm, h);
  };
  t.nth = [](State& vm, Obj* o, int64_t i, Value not_found, bool has_default) {
    HostObject* h = live(o);
    if (!supports(h, HostClass::kNth)) unsupported("nth", h);
    if (!has_default) return h->host->nth(vm, h, i);
    if (supports(h, HostClass::kCount) && (i < 0 || i >= h->host->count(vm, h))) return not_found;
    return h->host->nth(vm, h, i);
  };
  t.lookup = [](State& vm, Obj* o, Value key, Value not_found) {
    HostObject* h = live(o);
    if (!supports(h, HostClass::kLookup)) return not_found;
    return h->host->lookup(vm, h, key, not_found);
  };
  t.equiv = [](State& vm, Obj* o, Value other) {
    HostObject* h = live(o);
    HostObject* b = as<HostObject>(other);
    if (b == h) return true;
    if (!b || b->cls != h->cls || !supports(h, HostClass::kEquiv)) return false;
    return live_host_object(other) && h->host->equiv(vm, h, b);
  };
  t.arith = [](State& vm, uint8_t op, Value a, Value b) {
    HostObject* h = live_host_object(is<HostObject>(a) ? a : b);
    if (is<HostObject>(a) && is<HostObject>(b)) live_host_object(b);
    auto o = static_cast<ArithOp>(op);
    if (o == ArithOp::UAdd) o = ArithOp::Add;
    if (o == ArithOp::USub) o = ArithOp::Sub;
    if (o == ArithOp::UMul) o = ArithOp::Mul;
    if (!supports(h, HostClass::kArith) || o == ArithOp::Quot || o == ArithOp::Rem || o == ArithOp::Mod)
      throw_error(ErrorKind::ClassCastException,
                  fmt::format("class {} cannot be cast to class java.lang.Number", h->cls->cname()));
    return h->host->arith(vm, o, a, b);
  };
  t.hash = [](State& vm, Obj* o) {
    HostObject* h = live(o);
    if (!supports(h, HostClass::kHash)) return address_hash(h);
    return h->host->hash(vm, h);
  };
}

void register_host_object_printers(TypeInfo* table) {
  set_print_hooks(table, ObjType::HostObject, print_host_object, str_host_object);
}

}  // namespace clove
