// fuzz_unmarshal.cpp: libFuzzer target for unmarshal and the verifier (SPEC E7, V11):
// any bytes given to clove.marshal/unmarshal, or as an image to `clove run`, must give
// a value or a clean error, never a crash. A function that comes back is called (under
// the budget), so verified bytecode is run too; a program image is run as clove run would.
#include "image/marshal.h"
#include "image/program.h"
#include "runtime/lang/function.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  clove::fuzz::guarded([&](clove::Runtime& vm) {
    clove::RootScope scope(vm.heap);
    clove::Value v = clove::unmarshal(vm, bytes);
    scope.push(v);
    if (clove::is<clove::Closure>(v)) vm.call(v, nullptr, 0);
  });
  clove::fuzz::guarded([&](clove::Runtime& vm) { clove::run_program_image(vm, bytes); });
  return 0;
}
