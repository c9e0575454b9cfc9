// fuzz_reader.cpp: libFuzzer target for the reader and the printer (SPEC L1, L16): any
// text reads to forms, each of which prints (pr-str and str), or stops at a reader error
// with a position; never a crash or a hang. Printing data nested deeper than the C++
// stack allows is a StackOverflowError, a clean error too.
#include "reader/reader.h"
#include "reader/reader_env.h"
#include "runtime/print/print.h"
#include "state/state.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  clove::fuzz::guarded([&](clove::Runtime& vm) {
    uint32_t id = vm.sources.add("<fuzz>", std::string(text));
    clove::StateReaderEnv env(vm);
    clove::Reader reader(vm, env, vm.sources.text(id), id);
    clove::RootScope scope(vm.heap);
    size_t slot = scope.push(clove::Value::nil());
    clove::Value form;
    while (reader.next(&form)) {
      scope[slot] = form;
      (void)clove::pr_str(vm, form);
      (void)clove::str_of(vm, form);
    }
  });
  return 0;
}
