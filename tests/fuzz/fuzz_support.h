// fuzz_support.h: what the fuzz targets share: a sandboxed Runtime made afresh every
// few thousand inputs (interned names and namespaces pile up otherwise), with an
// instruction budget and a memory cap around each run, and the catch-all that turns
// every error Clove reports cleanly into "this input is fine". Anything else (a crash,
// a sanitizer report, an uncaught C++ exception, a hang) is a finding.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "api/runtime.h"
#include "core/error.h"
#include "core/source.h"

namespace clove::fuzz {

/// Instructions one input may run (V9's budget) and heap bytes above the core library.
inline constexpr int64_t kBudget = 200000;
inline constexpr size_t kHeadroom = 64u << 20;

/// The shared VM, made anew every kInputsPerVm inputs.
inline Runtime& runtime() {
  static std::unique_ptr<Runtime> vm;
  static int uses = 0;
  static size_t floor = 0;  // bytes_live of the fresh VM
  constexpr int kInputsPerVm = 2000;
  if (!vm || ++uses > kInputsPerVm) {
    vm.reset();
    RuntimeOptions opts;
    opts.capabilities = kNoCapabilities;  // no files, processes or network
    vm = std::make_unique<Runtime>(opts);
    // Work that cannot suspend (compiling, a native's loop) may go this far past the
    // budget before the run is aborted (the default, 10,000,000, is minutes under the
    // fuzzing build's instrumentation).
    vm->limits.budget_overrun = 1000000;
    vm->heap.collect();
    floor = vm->heap.bytes_live();
    uses = 0;
  }
  // What earlier inputs left (the reader target runs no code, so no safepoint ever
  // collects it, and the source map keeps an entry per form until its form is freed).
  if (vm->heap.bytes_live() > floor + kHeadroom / 2) vm->heap.collect();
  vm->heap.set_limit(vm->heap.bytes_live() + kHeadroom);
  vm->set_budget(kBudget);
  return *vm;
}

/// Runs body(vm); clean Clove errors are expected outcomes.
template <class F>
void guarded(F&& body) {
  Runtime& vm = runtime();
  try {
    body(vm);
  } catch (const CloveError&) {
  } catch (const Diagnostic&) {
  }
  vm.set_budget(Runtime::kUnlimited);
  vm.heap.set_limit(0);
}

}  // namespace clove::fuzz
