// reader_test_support.h: a VM with natives only and reading helpers, for the reader_*
// tests.
#pragma once
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "api/runtime.h"
#include "core/source.h"
#include "reader/reader.h"
#include "reader/reader_env.h"
#include "runtime/print/print.h"

namespace clove::reader_test {

class ReaderFixture : public ::testing::Test {
 protected:
  Runtime vm{RuntimeOptions{.load_core_library = false}};  // natives only: no compiler needed
  StateReaderEnv env{vm};

  /// Every form of src, printed and joined with " | ".
  std::string all(std::string_view src) {
    uint32_t file = vm.sources.add("test.clj", std::string(src));
    Reader r(vm, env, vm.sources.text(file), file);
    std::string out;
    Value v;
    while (r.next(&v)) out += (out.empty() ? "" : " | ") + pr_str(vm, v);
    return out;
  }
  /// The Diagnostic reading src throws (fails the test when none is thrown).
  Diagnostic err(std::string_view src, ReaderOptions opts = {}) {
    uint32_t file = vm.sources.add("test.clj", std::string(src));
    Reader r(vm, env, vm.sources.text(file), file, opts);
    Value v;
    try {
      while (r.next(&v)) {
      }
    } catch (const Diagnostic& d) {
      return d;
    }
    ADD_FAILURE() << "no error reading: " << src;
    return Diagnostic(DiagKind::compile_error, {}, "none");
  }
};

}  // namespace clove::reader_test
