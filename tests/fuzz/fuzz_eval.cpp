// fuzz_eval.cpp: libFuzzer target for read, compile and run (the whole language) in a
// sandboxed VM under an instruction budget and a memory cap (SPEC V9, E5): any program
// ends with a value or a clean error, never a crash or a hang.
#include "eval/eval.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  clove::fuzz::guarded([&](clove::Runtime& vm) { clove::eval_string(vm, text, "<fuzz>"); });
  return 0;
}
