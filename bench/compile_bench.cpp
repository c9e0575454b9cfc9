// compile_bench.cpp: compile time against the size of one function.
//
// Code generators write functions far longer than people do, so every pass of the
// compiler (analysis, IR lowering, liveness, register allocation, emission) must stay
// near-linear in the size of a function. Each case reads one generated `(fn ...)` form
// once, then times compile_toplevel on it alone (no reading, no running) at 10,000 to
// 200,000 body forms. The time per form (the items_per_second rate) should stay flat as
// the size grows, and the fitted complexity ("BigO") should read N, not N^2.
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLOVE_BENCH=ON
//   cmake --build build-bench --target clove_compile_bench
//   build-bench/bench/clove_compile_bench
#include <benchmark/benchmark.h>

#include <string>

#include "api/vm.h"
#include "compiler/compiler.h"
#include "reader/reader.h"

namespace {

/// Times compiling `source`, one form (a fn of `n` body forms), read once.
void time_compile(benchmark::State& state, const std::string& source) {
  clove::VM vm;
  clove::Value form = clove::read_one(vm, source, "<compile-bench>");
  vm.permanent.push_back(form);  // kept alive across the iterations' collections
  for (auto _ : state) {
    clove::FnProto* proto = clove::compile_toplevel(vm, form);
    benchmark::DoNotOptimize(proto);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetComplexityN(state.range(0));
}

/// (fn [] (println 0) (println 1) ...): n calls in one body, one basic block.
void BM_CompileCalls(benchmark::State& state) {
  std::string src = "(fn []";
  for (int64_t i = 0; i < state.range(0); ++i) src += " (println " + std::to_string(i % 1000) + ")";
  time_compile(state, src + ")");
}

/// (fn [x] (when x (println 0)) ...): n branches, three blocks each.
void BM_CompileBranches(benchmark::State& state) {
  std::string src = "(fn [x]";
  for (int64_t i = 0; i < state.range(0); ++i) src += " (when x (println " + std::to_string(i % 1000) + "))";
  time_compile(state, src + ")");
}

/// (fn [x] (let [a0 (when x 0) a1 (when x 1) ...] a0)): n locals, each made by a macro
/// (whose &env holds every local before it).
void BM_CompileLetBindings(benchmark::State& state) {
  std::string src = "(fn [x] (let [";
  for (int64_t i = 0; i < state.range(0); ++i)
    src += " a" + std::to_string(i) + " (when x " + std::to_string(i % 1000) + ")";
  time_compile(state, src + "] a0))");
}

void sizes(benchmark::internal::Benchmark* b) {
  for (int n : {10000, 50000, 100000, 200000}) b->Arg(n);
  b->Unit(benchmark::kMillisecond)->Complexity(benchmark::oN);
}

BENCHMARK(BM_CompileCalls)->Apply(sizes);
BENCHMARK(BM_CompileBranches)->Apply(sizes);
BENCHMARK(BM_CompileLetBindings)->Apply(sizes);

}  // namespace
