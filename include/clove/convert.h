// convert.h: how C++ values become Clove values and back, for VM::call, VM::make,
// Handle::as and the natives bound with VM::def. Part of the public API
// (clove/clove.h); docs/embedding.md lists the conversions.
//
// Convert<T> has `static T from(const Handle&)` (throws clove::Error with
// ClassCastException when the value does not fit T) and
// `static Handle to(VM&, const T&)`. A host adds its own types by specializing it.
#pragma once
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "clove/handle.h"
#include "clove/vm.h"

namespace clove {

// =====================================================================================
// Natives: the rest of a call's arguments
// =====================================================================================

/// As the last parameter of a native bound with VM::def: the arguments after the fixed
/// ones, any number of them (Clojure's `& rest`).
struct RestArgs {
  std::vector<Handle> items;
  size_t size() const { return items.size(); }
  const Handle& operator[](size_t i) const { return items[i]; }
  auto begin() const { return items.begin(); }
  auto end() const { return items.end(); }
};

namespace detail {
// Conversions implemented in the library (src/api/convert.cpp). Each throws
// clove::Error (ClassCastException, or ArithmeticException for an integer out of the
// target's range) naming what was expected.
int64_t to_int64(const Handle& h, int64_t min, int64_t max, const char* c_type);
uint64_t to_uint64(const Handle& h, uint64_t max, const char* c_type);
double to_double(const Handle& h);
bool to_bool(const Handle& h);
std::string_view to_string_view(const Handle& h);  // valid while h lives
[[noreturn]] void conversion_error(const Handle& h, const char* expected);
Handle from_uint64(VM& vm, uint64_t n);  // a big integer past INT64_MAX
}  // namespace detail

// =====================================================================================
// The conversions
// =====================================================================================

template <class T, class Enable = void>
struct Convert {
  static_assert(sizeof(T) == 0,
                "clove::Convert has no conversion for this type: specialize clove::Convert<T> or take a Handle");
};

template <>
struct Convert<Handle, void> {
  static Handle from(const Handle& h) { return h; }
  static Handle to(VM&, const Handle& h) { return h; }
};

template <>
struct Convert<bool, void> {
  static bool from(const Handle& h) { return detail::to_bool(h); }
  static Handle to(VM& vm, bool b) { return vm.boolean(b); }
};

/// Every integer type but bool: range-checked both ways.
template <class T>
struct Convert<T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>>> {
  static T from(const Handle& h) {
    if constexpr (std::is_signed_v<T>)
      return static_cast<T>(detail::to_int64(h, std::numeric_limits<T>::min(), std::numeric_limits<T>::max(),
                                             type_name()));
    else
      return static_cast<T>(detail::to_uint64(h, std::numeric_limits<T>::max(), type_name()));
  }
  static Handle to(VM& vm, T n) {
    if constexpr (std::is_unsigned_v<T> && sizeof(T) >= sizeof(int64_t)) {
      if (n > static_cast<T>(std::numeric_limits<int64_t>::max())) return detail::from_uint64(vm, n);
    }
    return vm.integer(static_cast<int64_t>(n));
  }
  static const char* type_name() {
    if constexpr (std::is_signed_v<T>)
      return sizeof(T) == 8 ? "int64_t" : sizeof(T) == 4 ? "int32_t" : sizeof(T) == 2 ? "int16_t" : "int8_t";
    else
      return sizeof(T) == 8 ? "uint64_t" : sizeof(T) == 4 ? "uint32_t" : sizeof(T) == 2 ? "uint16_t" : "uint8_t";
  }
};

template <class T>
struct Convert<T, std::enable_if_t<std::is_floating_point_v<T>>> {
  static T from(const Handle& h) { return static_cast<T>(detail::to_double(h)); }
  static Handle to(VM& vm, T d) { return vm.number(static_cast<double>(d)); }
};

template <>
struct Convert<std::string, void> {
  static std::string from(const Handle& h) { return std::string(detail::to_string_view(h)); }
  static Handle to(VM& vm, const std::string& s) { return vm.string(s); }
};

/// A string_view argument points into the Clove string, valid during the call.
template <>
struct Convert<std::string_view, void> {
  static std::string_view from(const Handle& h) { return detail::to_string_view(h); }
  static Handle to(VM& vm, std::string_view s) { return vm.string(s); }
};

template <>
struct Convert<const char*, void> {
  static Handle to(VM& vm, const char* s) { return s ? vm.string(s) : vm.nil(); }
};
template <size_t N>
struct Convert<char[N], void> {
  static Handle to(VM& vm, const char* s) { return vm.string(s); }
};

/// nil <-> std::nullopt.
template <class T>
struct Convert<std::optional<T>, void> {
  static std::optional<T> from(const Handle& h) {
    if (h.is_nil()) return std::nullopt;
    return Convert<T>::from(h);
  }
  static Handle to(VM& vm, const std::optional<T>& v) { return v ? Convert<T>::to(vm, *v) : vm.nil(); }
};

/// Any seqable (vector, list, set, seq) -> std::vector; std::vector -> a Clove vector.
template <class T>
struct Convert<std::vector<T>, void> {
  static std::vector<T> from(const Handle& h) {
    std::vector<T> out;
    for (const Handle& x : h.items()) out.push_back(Convert<T>::from(x));
    return out;
  }
  static Handle to(VM& vm, const std::vector<T>& v) {
    std::vector<Handle> items;
    items.reserve(v.size());
    for (const T& x : v) items.push_back(Convert<T>::to(vm, x));
    return vm.vector(items);
  }
};

namespace detail {
/// A map's key as a C++ string: a keyword's or symbol's name (without the colon), or
/// a string.
std::string map_key_string(const Handle& key);
template <class M>
M map_from(const Handle& h) {
  M out;
  for (const Handle& entry : h.items())
    out.emplace(map_key_string(entry.nth(0)), Convert<typename M::mapped_type>::from(entry.nth(1)));
  return out;
}
template <class M>
Handle map_to(VM& vm, const M& m) {
  std::vector<std::pair<Handle, Handle>> entries;
  entries.reserve(m.size());
  for (const auto& [k, v] : m) entries.emplace_back(vm.keyword(k), Convert<typename M::mapped_type>::to(vm, v));
  return vm.map(entries);
}
}  // namespace detail

/// Maps with string keys: from a Clove map with keyword, symbol or string keys; to a
/// Clove map with keyword keys (as JSON libraries and Clojure code expect).
template <class T>
struct Convert<std::map<std::string, T>, void> {
  static std::map<std::string, T> from(const Handle& h) { return detail::map_from<std::map<std::string, T>>(h); }
  static Handle to(VM& vm, const std::map<std::string, T>& m) { return detail::map_to(vm, m); }
};
template <class T>
struct Convert<std::unordered_map<std::string, T>, void> {
  static std::unordered_map<std::string, T> from(const Handle& h) {
    return detail::map_from<std::unordered_map<std::string, T>>(h);
  }
  static Handle to(VM& vm, const std::unordered_map<std::string, T>& m) { return detail::map_to(vm, m); }
};

// =====================================================================================
// Binding C++ callables (VM::def)
// =====================================================================================

namespace detail {

/// An argument that did not convert: the native's trampoline names the function.
struct ArgumentError {
  int index;  // 0-based
  std::string message;
};

template <class T>
struct CallableTraits : CallableTraits<decltype(&T::operator())> {};
template <class R, class... P>
struct CallableTraits<R (*)(P...)> {
  using Result = R;
  using Params = std::tuple<P...>;
};
template <class R, class... P>
struct CallableTraits<R(P...)> : CallableTraits<R (*)(P...)> {};
template <class C, class R, class... P>
struct CallableTraits<R (C::*)(P...)> : CallableTraits<R (*)(P...)> {};
template <class C, class R, class... P>
struct CallableTraits<R (C::*)(P...) const> : CallableTraits<R (*)(P...)> {};
template <class C, class R, class... P>
struct CallableTraits<R (C::*)(P...) noexcept> : CallableTraits<R (*)(P...)> {};
template <class C, class R, class... P>
struct CallableTraits<R (C::*)(P...) const noexcept> : CallableTraits<R (*)(P...)> {};

template <class P>
using Bare = std::remove_cv_t<std::remove_reference_t<P>>;

/// The shape of a native's parameter list: a leading VM&, the converted parameters,
/// a trailing RestArgs.
template <class Params>
struct Shape;
template <class... P>
struct Shape<std::tuple<P...>> {
  static constexpr size_t kCount = sizeof...(P);
  template <size_t I>
  using At = Bare<std::tuple_element_t<I, std::tuple<P...>>>;
  static constexpr bool kTakesVM = [] {
    if constexpr (kCount > 0) return std::is_same_v<At<0>, VM>; else return false;
  }();
  static constexpr bool kRest = [] {
    if constexpr (kCount > 0) return std::is_same_v<At<kCount - 1>, RestArgs>; else return false;
  }();
  static constexpr int kMin = static_cast<int>(kCount) - (kTakesVM ? 1 : 0) - (kRest ? 1 : 0);
  static constexpr int kMax = kRest ? -1 : kMin;
};

template <class T>
T convert_argument(const std::vector<Handle>& args, int i) {
  try {
    return Convert<Bare<T>>::from(args[static_cast<size_t>(i)]);
  } catch (const Error& e) {
    throw ArgumentError{i, e.message()};
  }
}

template <class F, class S, size_t... I>
Handle invoke_native(VM& vm, F& fn, const std::vector<Handle>& args, std::index_sequence<I...>) {
  constexpr size_t kOffset = S::kTakesVM ? 1 : 0;
  constexpr size_t kFixed = static_cast<size_t>(S::kMin);
  auto call = [&](auto&&... converted) -> decltype(auto) {
    if constexpr (S::kTakesVM && S::kRest)
      return fn(vm, std::forward<decltype(converted)>(converted)...,
                RestArgs{std::vector<Handle>(args.begin() + kFixed, args.end())});
    else if constexpr (S::kTakesVM)
      return fn(vm, std::forward<decltype(converted)>(converted)...);
    else if constexpr (S::kRest)
      return fn(std::forward<decltype(converted)>(converted)...,
                RestArgs{std::vector<Handle>(args.begin() + kFixed, args.end())});
    else
      return fn(std::forward<decltype(converted)>(converted)...);
  };
  using R = decltype(call(convert_argument<typename S::template At<I + kOffset>>(args, static_cast<int>(I))...));
  if constexpr (std::is_void_v<R>) {
    call(convert_argument<typename S::template At<I + kOffset>>(args, static_cast<int>(I))...);
    return vm.nil();
  } else {
    return Convert<Bare<R>>::to(vm, call(convert_argument<typename S::template At<I + kOffset>>(args, static_cast<int>(I))...));
  }
}

/// Builds the arglists text shown by (doc f): "([a b] [a b & more])" shapes.
std::string arglists_for(int fixed, bool rest);

}  // namespace detail

template <class F>
void VM::def(std::string_view ns, std::string_view name, F&& fn, std::string_view doc) {
  using Fn = std::decay_t<F>;
  using S = detail::Shape<typename detail::CallableTraits<Fn>::Params>;
  RawNative raw = [f = Fn(std::forward<F>(fn))](VM& vm, const std::vector<Handle>& args) mutable -> Handle {
    return detail::invoke_native<Fn, S>(vm, f, args, std::make_index_sequence<static_cast<size_t>(S::kMin)>{});
  };
  def_raw(ns, name, std::move(raw), S::kMin, S::kMax, doc, detail::arglists_for(S::kMin, S::kRest));
}

template <class T>
Handle VM::make(T&& value) {
  return Convert<detail::Bare<T>>::to(*this, std::forward<T>(value));
}

template <class... A>
Handle VM::call(const Handle& fn, A&&... args) {
  return call_converted(fn, {make(std::forward<A>(args))...});
}

template <class... A>
Handle Handle::operator()(A&&... args) const {
  return vm().call(*this, std::forward<A>(args)...);
}

}  // namespace clove
