// coll_test_support.h: small helpers shared by the coll_*_test.cpp files.
#pragma once
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "core/error.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/function.h"
#include "runtime/num/number.h"
#include "runtime/text/string.h"
#include "api/runtime.h"

namespace clove::test {

/// A VM without the Clove-written core library: the data structures need only natives.
struct CollVM : Runtime {
  CollVM() : Runtime(RuntimeOptions{.load_core_library = false}) {}
};

inline Value I(int64_t i) { return Value::small_int(i); }
inline Value S(State& vm, std::string_view s) { return string_value(vm.heap, s); }
inline Value K(State& vm, std::string_view s) { return Value::object(vm.kw(s)); }
inline Value Sym(State& vm, std::string_view s) { return Value::object(vm.sym(s)); }
inline Value D(double d) { return Value::from_double(d); }

/// A Clojure `hash` result as the signed int the JVM prints.
inline int32_t jhash(State& vm, Value v) { return static_cast<int32_t>(hash(vm, v)); }

/// Runs f, expecting a CloveError of `kind` whose message contains `msg`.
template <class F>
void expect_error(F&& f, ErrorKind kind, std::string_view msg = {}) {
  try {
    f();
    ADD_FAILURE() << "expected " << error_class_name(kind) << ", nothing thrown";
  } catch (const CloveError& e) {
    EXPECT_EQ(error_class_name(e.kind), std::string(error_class_name(kind))) << e.what();
    EXPECT_NE(std::string(e.what()).find(msg), std::string::npos) << "message: " << e.what();
  }
}

/// A native function value.
inline Value native(State& vm, NativeFn fn) {
  return Value::object(vm.heap.make<Native>(fn, make_string(vm.heap, "test/thunk"), "", "", 0, 0));
}

}  // namespace clove::test
