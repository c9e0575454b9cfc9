// host.h: the host's C++ objects as Clove values (SPEC E4). Part of the public API
// (clove/clove.h); docs/embedding.md, "Host objects", is the guide.
//
//   auto sprite = vm.define_class<Sprite>("game", "Sprite");   // class game.Sprite
//   sprite.method("move", [](Sprite& s, double dx, double dy) { s.x += dx; s.y += dy; })
//         .count([](const Sprite& s) { return s.frames.size(); })
//         .to_string([](const Sprite& s) { return "sprite " + s.name; });
//   clove::Handle h = vm.wrap(std::make_unique<Sprite>());       // owned by Clove
//   vm.call("game/update", h);      // (.move s 1 2), (count s), (str s), protocols...
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include "clove/convert.h"
#include "clove/handle.h"
#include "clove/vm.h"

namespace clove {

// =====================================================================================
// Host objects
// =====================================================================================

/// The arithmetic a host class may define (Class<T>::arithmetic): Clojure's + - * /.
enum class Arith { Add, Sub, Mul, Div };

namespace detail {

/// What a Class<T> has said about T, type-erased (src/api/host_class.cpp reads it).
/// Each hook receives the C++ object as void*; an empty hook means "not supported".
struct ClassSpec {
  std::string class_name;  // "game.Sprite"
  const std::type_info* type = nullptr;
  void (*deleter)(void*) = nullptr;
  std::function<std::string(void*)> str;
  std::function<bool(void*, void*)> equals;
  std::function<int64_t(void*)> hash;
  std::function<int64_t(void*)> count;
  std::function<std::optional<Handle>(VM&, void*, const Handle&)> get;
  std::function<Handle(VM&, void*, int64_t)> nth;
  std::function<Handle(VM&, void*)> seq;  // something seqable (a vector)
  std::function<Handle(VM&, Arith, const Handle&, const Handle&)> arith;
};

/// The C++ object inside `h`, which must be a valid host object of type `type`;
/// clove::Error (ClassCastException, or IllegalStateException once invalidated).
void* host_pointer(const Handle& h, const std::type_info& type);

/// Turns fn(T& self, P...) into a callable (VM&, Handle self, P...) that VM::def's
/// binder understands.
template <class T, class F, class Params>
struct MethodAdapter;
template <class T, class F, class Self, class... P>
struct MethodAdapter<T, F, std::tuple<Self, P...>> {
  static_assert(std::is_same_v<Bare<Self>, T>, "a method's first parameter must be T& or const T&");
  F fn;
  auto operator()(Handle self, P... args) -> decltype(fn(std::declval<T&>(), std::forward<P>(args)...)) {
    return fn(*static_cast<T*>(host_pointer(self, typeid(T))), std::forward<P>(args)...);
  }
};

}  // namespace detail

/// The description of a C++ type T for one VM: made by VM::define_class, extended by
/// chaining the calls below (each may be given once; a later call replaces it).
template <class T>
class Class {
 public:
  /// (.name obj args...) calls fn(obj, args...): fn's first parameter is T& or
  /// const T&, the others convert as VM::def's do.
  template <class F>
  Class& method(const std::string& name, F fn) {
    using Adapter = detail::MethodAdapter<T, F, typename detail::CallableTraits<F>::Params>;
    vm_->def_method(*spec_, name, Adapter{std::move(fn)});
    return *this;
  }
  /// (obj args...) calls fn(obj, args...), as method() converts them.
  template <class F>
  Class& invoke(F fn) {
    using Adapter = detail::MethodAdapter<T, F, typename detail::CallableTraits<F>::Params>;
    vm_->def_invoke(*spec_, Adapter{std::move(fn)});
    return *this;
  }
  /// (str obj); printing shows #object[ns.Name 0x... "the str"]. fn(const T&) -> string.
  template <class F>
  Class& to_string(F fn) {
    spec_->str = [fn](void* p) { return std::string(fn(*static_cast<const T*>(p))); };
    return *this;
  }
  /// (= a b) for two objects of this class: fn(const T&, const T&) -> bool. Without
  /// it, = is identity.
  template <class F>
  Class& equals(F fn) {
    spec_->equals = [fn](void* a, void* b) { return static_cast<bool>(fn(*static_cast<const T*>(a), *static_cast<const T*>(b))); };
    return *this;
  }
  /// (hash obj): fn(const T&) -> an integer; consistent with equals. Not cached.
  template <class F>
  Class& hash(F fn) {
    spec_->hash = [fn](void* p) { return static_cast<int64_t>(fn(*static_cast<const T*>(p))); };
    return *this;
  }
  /// (count obj): fn(const T&) -> an integer.
  template <class F>
  Class& count(F fn) {
    spec_->count = [fn](void* p) { return static_cast<int64_t>(fn(*static_cast<const T*>(p))); };
    return *this;
  }
  /// (get obj key), (:key obj): fn(const T&, K key) -> std::optional<V>; nullopt means
  /// absent (get's default applies). K and V convert as natives' do.
  template <class F>
  Class& get(F fn) {
    using K = detail::Bare<std::tuple_element_t<1, typename detail::CallableTraits<F>::Params>>;
    spec_->get = [fn](VM& vm, void* p, const Handle& key) -> std::optional<Handle> {
      auto r = fn(*static_cast<const T*>(p), Convert<K>::from(key));
      if (!r) return std::nullopt;
      return vm.make(*r);
    };
    return *this;
  }
  /// (nth obj i): fn(const T&, int64_t) -> V; throw std::out_of_range past the end
  /// (it becomes IndexOutOfBoundsException).
  template <class F>
  Class& nth(F fn) {
    spec_->nth = [fn](VM& vm, void* p, int64_t i) { return vm.make(fn(*static_cast<const T*>(p), i)); };
    return *this;
  }
  /// (seq obj), and so map, reduce, into...: fn(const T&) -> something convertible
  /// to a seqable Clove value (a std::vector<V>).
  template <class F>
  Class& seq(F fn) {
    spec_->seq = [fn](VM& vm, void* p) { return vm.make(fn(*static_cast<const T*>(p))); };
    return *this;
  }
  /// (+ a b), (- a b), (* a b), (/ a b) (and +', unchecked-add, inc...) when a or b is
  /// an object of this class: fn(VM&, Arith op, const Handle& a, const Handle& b) ->
  /// Handle, in the order Clove gave them (the other may be a number or anything). A
  /// C++ exception becomes a Clove error. quot, rem and mod stay number-only.
  template <class F>
  Class& arithmetic(F fn) {
    spec_->arith = [fn](VM& vm, Arith op, const Handle& a, const Handle& b) -> Handle { return vm.make(fn(vm, op, a, b)); };
    return *this;
  }
  /// The class value (what (class obj) returns; also the var ns/Name).
  Handle class_value() const { return vm_->var(var_name_); }

 private:
  friend class VM;
  Class(VM* vm, detail::ClassSpec* spec, std::string var_name) : vm_(vm), spec_(spec), var_name_(std::move(var_name)) {}
  VM* vm_;
  detail::ClassSpec* spec_;
  std::string var_name_;
};

/// A host object parameter: `T*` in a native's signature (or Handle::as<T*>()) is the
/// C++ object of a host object of class T; anything else is a ClassCastException.
template <class T>
struct Convert<T*, std::enable_if_t<std::is_class_v<T>>> {
  static T* from(const Handle& h) { return static_cast<T*>(detail::host_pointer(h, typeid(std::remove_const_t<T>))); }
};

template <class T>
Class<T> VM::define_class(std::string_view ns, std::string_view name) {
  detail::ClassSpec* spec =
      register_class(ns, name, typeid(T), [](void* p) { delete static_cast<T*>(p); });
  return Class<T>(this, spec, std::string(ns) + "/" + std::string(name));
}

template <class T>
Handle VM::wrap(std::unique_ptr<T> object) {
  Handle h = make_host_object(typeid(T), object.get(), true);
  object.release();
  return h;
}

template <class T>
Handle VM::borrow(T* object) {
  return make_host_object(typeid(T), object, false);
}

template <class F>
void VM::def_method(detail::ClassSpec& spec, const std::string& name, F fn) {
  using Fn = std::decay_t<F>;
  using S = detail::Shape<typename detail::CallableTraits<Fn>::Params>;
  RawNative raw = [f = Fn(std::move(fn))](VM& vm, const std::vector<Handle>& args) mutable -> Handle {
    return detail::invoke_native<Fn, S>(vm, f, args, std::make_index_sequence<static_cast<size_t>(S::kMin)>{});
  };
  add_method(spec, name, std::move(raw), S::kMin, S::kMax);
}

template <class F>
void VM::def_invoke(detail::ClassSpec& spec, F fn) {
  using Fn = std::decay_t<F>;
  using S = detail::Shape<typename detail::CallableTraits<Fn>::Params>;
  RawNative raw = [f = Fn(std::move(fn))](VM& vm, const std::vector<Handle>& args) mutable -> Handle {
    return detail::invoke_native<Fn, S>(vm, f, args, std::make_index_sequence<static_cast<size_t>(S::kMin)>{});
  };
  add_method(spec, "", std::move(raw), S::kMin, S::kMax);
}

}  // namespace clove
