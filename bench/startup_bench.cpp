// startup_bench.cpp: what a VM costs to make (SPEC E7's start-up target): a Runtime
// loading the core library's image (the default), one compiling the library from its
// sources (the cost the image removes), and one with natives only, each made and
// destroyed in a process that has made VMs before (the "second VM" of an embedder).
//   clove_startup_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>

#include "api/runtime.h"

namespace {

void make_vm(benchmark::State& state, clove::RuntimeOptions opts) {
  { clove::Runtime warm(opts); }
  for (auto _ : state) {
    clove::Runtime vm(opts);
    benchmark::DoNotOptimize(vm.core_ns());
  }
}

void BM_NewVmFromImage(benchmark::State& state) { make_vm(state, {}); }
BENCHMARK(BM_NewVmFromImage)->Unit(benchmark::kMillisecond);

void BM_NewVmFromSource(benchmark::State& state) {
  clove::RuntimeOptions opts;
  opts.use_core_image = false;
  make_vm(state, opts);
}
BENCHMARK(BM_NewVmFromSource)->Unit(benchmark::kMillisecond);

void BM_NewVmNativesOnly(benchmark::State& state) {
  clove::RuntimeOptions opts;
  opts.load_core_library = false;
  make_vm(state, opts);
}
BENCHMARK(BM_NewVmNativesOnly)->Unit(benchmark::kMillisecond);

}  // namespace
