// text_test_support.h: calling natives by name and capturing errors, for the text_* tests.
#pragma once
#include <string>

#include <gtest/gtest.h>

#include "core/error.h"
#include "runtime/print/print.h"
#include "api/runtime.h"

namespace clove::text_test {

/// A VM with natives only (no Clove core library) and helpers to call them.
struct TextVM {
  Runtime vm{RuntimeOptions{.load_core_library = false}};

  Value fn(const char* qualified) {
    Var* v = vm.resolve_var(vm.core_ns(), vm.sym(qualified));
    EXPECT_NE(v, nullptr) << qualified;
    return v ? v->root : Value::nil();
  }
  Value call(const char* qualified, std::initializer_list<Value> args) {
    return vm.call(fn(qualified), args);
  }
  Value s(std::string_view text) {
    Value v = string_value(vm.heap, text);
    vm.permanent.push_back(v);  // keep test inputs alive across calls
    return v;
  }
  Value re(std::string_view pattern) {
    Value v = call("clojure.core/re-pattern", {s(pattern)});
    vm.permanent.push_back(v);
    return v;
  }
  /// pr-str of a call's result.
  std::string pr(const char* qualified, std::initializer_list<Value> args) {
    return pr_str(vm, call(qualified, args));
  }
  /// "Kind: message" of the error a call throws, or "no error: <result>".
  std::string err(const char* qualified, std::initializer_list<Value> args) {
    try {
      return "no error: " + pr(qualified, args);
    } catch (const CloveError& e) {
      return std::string(error_short_name(e.kind)) + ": " + e.what();
    }
  }
  std::string eval(std::string_view src) { return pr_str(vm, vm.eval_string(src, "<test>")); }
};

}  // namespace clove::text_test
