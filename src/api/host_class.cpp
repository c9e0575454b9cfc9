// host_class.cpp: host objects through the public API (include/clove/host.h): the
// classes a host defines, its objects as Clove values, and the runtime's questions
// (runtime/lang/host_object.h) answered from what the host's Class<T> said.
#include "api/host_class.h"

#include <fmt/format.h>

#include <stdexcept>

#include "api/errors.h"
#include "api/handles.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/record.h"

namespace clove::detail {

/// The runtime's view of one ClassSpec. Each call re-enters the host's code; what it
/// throws becomes a Clove error (errors.h's rethrow_in_clove).
class SpecClass final : public HostClass {
 public:
  SpecClass(VM& vm, ClassSpec& spec) : vm_(vm), spec_(spec) {}
  bool supports(Op op) const override {
    switch (op) {
      case kStr: return static_cast<bool>(spec_.str);
      case kEquiv: return static_cast<bool>(spec_.equals);
      case kHash: return static_cast<bool>(spec_.hash);
      case kCount: return static_cast<bool>(spec_.count);
      case kLookup: return static_cast<bool>(spec_.get);
      case kNth: return static_cast<bool>(spec_.nth);
      case kSeq: return static_cast<bool>(spec_.seq);
      case kArith: return static_cast<bool>(spec_.arith);
    }
    return false;
  }
  void finalize(void* ptr) noexcept override { spec_.deleter(ptr); }
  std::string str(State&, HostObject* o) override {
    return host([&] { return spec_.str(o->ptr); });
  }
  bool equiv(State&, HostObject* o, HostObject* other) override {
    return host([&] { return spec_.equals(o->ptr, other->ptr); });
  }
  uint32_t hash(State&, HostObject* o) override {
    return host([&] { return static_cast<uint32_t>(spec_.hash(o->ptr)); });
  }
  int64_t count(State&, HostObject* o) override {
    return host([&] { return spec_.count(o->ptr); });
  }
  Value lookup(State&, HostObject* o, Value key, Value not_found) override {
    return host([&] {
      std::optional<Handle> r = spec_.get(vm_, o->ptr, HandleAccess::make(vm_, key));
      return r ? HandleAccess::value(*r) : not_found;
    });
  }
  Value nth(State&, HostObject* o, int64_t i) override {
    return host([&] {
      try {
        return HandleAccess::value(spec_.nth(vm_, o->ptr, i));
      } catch (const std::out_of_range& e) {
        throw_error(ErrorKind::IndexOutOfBoundsException,
                    fmt::format("Index {} out of bounds for {}", i, spec_.class_name));
      }
    });
  }
  Value arith(State&, ArithOp op, Value a, Value b) override {
    return host([&] {
      Arith which = op == ArithOp::Add ? Arith::Add : op == ArithOp::Sub ? Arith::Sub : op == ArithOp::Mul ? Arith::Mul : Arith::Div;
      return HandleAccess::value(spec_.arith(vm_, which, HandleAccess::make(vm_, a), HandleAccess::make(vm_, b)));
    });
  }
  Value seq(State& st, HostObject* o) override {
    return host([&] { return clove::seq(st, HandleAccess::value(spec_.seq(vm_, o->ptr))); });
  }

 private:
  template <class F>
  auto host(F&& f) -> decltype(f()) {
    try {
      return f();
    } catch (...) {
      rethrow_in_clove(vm_.runtime(), spec_.class_name.c_str());
    }
  }
  VM& vm_;
  ClassSpec& spec_;
};

ClassRegistry::ClassRegistry() = default;
ClassRegistry::~ClassRegistry() = default;

ClassRegistry::Entry* ClassRegistry::find(const std::type_info& t) {
  auto it = entries.find(std::type_index(t));
  return it == entries.end() ? nullptr : &it->second;
}

ClassRegistry::Entry* ClassRegistry::find(const ClassSpec& spec) { return find(*spec.type); }

void* host_pointer(const Handle& h, const std::type_info& type) {
  Runtime& rt = HandleAccess::runtime(h);
  return guarded(rt, [&]() -> void* {
    Value v = HandleAccess::value(h);
    HostObject* o = live_host_object(v);
    ClassRegistry::Entry* e = HandleAccess::classes(h.vm())->find(type);
    if (!o || !e || o->cls != as<RecordType>(HandleAccess::value(e->cls)))
      throw_error(ErrorKind::ClassCastException,
                  fmt::format("{} cannot be converted to {}", v.is_nil() ? "nil" : class_name_of(v),
                              e ? e->spec->class_name : std::string("an undefined host class")));
    return o->ptr;
  });
}

}  // namespace clove::detail

namespace clove {

using detail::ClassRegistry;
using detail::HandleAccess;

detail::ClassSpec* VM::register_class(std::string_view ns, std::string_view name, const std::type_info& type,
                                      void (*deleter)(void*)) {
  return detail::guarded(*rt_, [&] {
    if (!classes_) classes_ = std::make_unique<ClassRegistry>();
    std::string class_name = fmt::format("{}.{}", ns, name);
    if (classes_->find(type))
      throw_error(ErrorKind::IllegalStateException, fmt::format("{}: this C++ type is defined already", class_name));
    for (const auto& [t, e] : classes_->entries)
      if (e.spec->class_name == class_name)
        throw_error(ErrorKind::IllegalStateException, fmt::format("The class {} is defined already", class_name));
    ClassRegistry::Entry entry;
    entry.spec = std::make_unique<detail::ClassSpec>();
    entry.spec->class_name = class_name;
    entry.spec->type = &type;
    entry.spec->deleter = deleter;
    entry.impl = std::make_unique<detail::SpecClass>(*this, *entry.spec);
    RecordType* rt = rt_->heap.make<RecordType>(rt_->names.symbol({}, class_name), false);
    rt->host = entry.impl.get();
    entry.cls = HandleAccess::make(*this, Value::object(rt));
    Var* v = rt_->intern(rt_->find_or_create_ns(rt_->sym(ns)), rt_->sym(name));
    v->root = Value::object(rt);
    v->bound = true;
    rt_->heap.barrier(v, rt);
    detail::ClassSpec* spec = entry.spec.get();
    classes_->entries.emplace(std::type_index(type), std::move(entry));
    return spec;
  });
}

void VM::add_method(detail::ClassSpec& spec, const std::string& name, RawNative fn, int min_args, int max_args) {
  ClassRegistry::Entry* e = classes_->find(spec);
  detail::guarded(*rt_, [&] {
    RecordType* rt = as<RecordType>(HandleAccess::value(e->cls));
    std::string full = name.empty() ? spec.class_name : fmt::format("{}.{}", spec.class_name, name);
    Native* n = detail::make_host_native(*this, full, std::move(fn), min_args, max_args);
    RootScope scope(rt_->heap);
    scope.push(Value::object(n));
    if (name.empty()) {
      rt->host_invoke = Value::object(n);
    } else {
      Value methods = rt->host_methods.is_nil() ? map_from(*rt_, nullptr, 0) : rt->host_methods;
      scope.push(methods);
      Value key = string_value(rt_->heap, name);
      scope.push(key);
      rt->host_methods = assoc(*rt_, methods, key, Value::object(n));
    }
    rt_->heap.barrier(rt, n);
    rt_->heap.barrier(rt, rt->host_methods);
    return 0;
  });
}

Handle VM::make_host_object(const std::type_info& type, void* ptr, bool owned) {
  ClassRegistry::Entry* e = classes_ ? classes_->find(type) : nullptr;
  if (!e) {
    // (wrap's unique_ptr still owns the object and deletes it.)
    throw std::logic_error(std::string("clove::VM: wrap/borrow of a C++ type not defined with define_class: ") +
                           type.name());
  }
  return detail::guarded(*rt_, [&] {
    RecordType* rt = as<RecordType>(HandleAccess::value(e->cls));
    return HandleAccess::make(*this, Value::object(rt_->heap.make<HostObject>(rt, ptr, owned)));
  });
}

void VM::invalidate(const Handle& object) {
  detail::guarded(*rt_, [&] {
    HostObject* o = as<HostObject>(HandleAccess::value(object));
    if (!o) throw_error(ErrorKind::ClassCastException, "invalidate: not a host object");
    if (o->valid && o->owned && o->host) o->host->finalize(o->ptr);
    o->valid = false;
    o->ptr = nullptr;
    return 0;
  });
}

}  // namespace clove
