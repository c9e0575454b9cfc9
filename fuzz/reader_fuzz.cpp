// reader_fuzz.cpp: libFuzzer target for the reader and printer (not built by default).
//
// Build: clang++ -std=c++20 -g -fsanitize=fuzzer,address,undefined -Isrc -Iinclude \
//          fuzz/reader_fuzz.cpp <build>/libclove_core.a -lfmt -lpcre2-8 -lutf8proc -lgmp
// Every input must either read (and then print and read back to an equal form) or
// raise a Diagnostic; a crash, a hang or any other exception is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.h"
#include "core/source.h"
#include "reader/reader.h"
#include "runtime/print/print.h"
#include "api/vm.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static clove::VM* vm = new clove::VM(clove::VMOptions{.load_core_library = false});
  std::string text(reinterpret_cast<const char*>(data), size);
  uint32_t file = vm->sources.add("fuzz", text);
  clove::StateReaderEnv env(*vm);
  clove::Reader reader(*vm, env, vm->sources.text(file), file);
  clove::Value form;
  try {
    while (reader.next(&form)) {
      std::string printed = clove::pr_str(*vm, form);
      (void)clove::str_of(*vm, form);
      (void)printed;
    }
  } catch (const clove::Diagnostic&) {
  } catch (const clove::CloveError& e) {
    // Printing deeply nested data may raise StackOverflowError; anything else is a bug.
    if (e.kind != clove::ErrorKind::StackOverflowError) __builtin_trap();
  }
  return 0;
}
