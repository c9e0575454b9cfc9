// vm_bench.cpp: micro-benchmarks of whole Clove programs run through a VM.
//
// Each benchmark creates one VM, defines its functions once, then times repeated calls
// of a top-level expression with eval_string (read + compile + run; the compile cost
// is small next to the work measured). Results are checked so a wrong answer fails
// loudly instead of timing nonsense.
#include <benchmark/benchmark.h>

#include <stdexcept>
#include <string>

#include "runtime/num/number.h"
#include "api/runtime.h"

namespace {

/// Runs `setup` once, then times `expr`, which must evaluate to the long `expected`.
void run_program(benchmark::State& state, const char* setup, const char* expr,
                 int64_t expected) {
  clove::Runtime vm;
  vm.eval_string(setup, "<bench-setup>");
  for (auto _ : state) {
    clove::Value v = vm.eval_string(expr, "<bench>");
    if (!clove::is_long(v) || clove::as_long(v) != expected) {
      state.SkipWithError("wrong result");
      break;
    }
    benchmark::DoNotOptimize(v);
  }
}

void BM_FibRecursive(benchmark::State& state) {
  run_program(state, "(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))",
              "(fib 20)", 6765);
}
BENCHMARK(BM_FibRecursive)->Unit(benchmark::kMillisecond);

void BM_LoopRecurSum(benchmark::State& state) {
  run_program(state, "(defn sum-to [n] (loop [i 0 s 0] (if (> i n) s (recur (inc i) (+ s i)))))",
              "(sum-to 1000000)", 500000500000);
}
BENCHMARK(BM_LoopRecurSum)->Unit(benchmark::kMillisecond);

void BM_VectorConjNth(benchmark::State& state) {
  run_program(state,
              "(defn build [n] (loop [i 0 v []] (if (= i n) v (recur (inc i) (conj v i)))))\n"
              "(defn total [v] (loop [i 0 s 0] (if (= i (count v)) s (recur (inc i) (+ s (nth v i))))))",
              "(total (build 100000))", 4999950000);
}
BENCHMARK(BM_VectorConjNth)->Unit(benchmark::kMillisecond);

void BM_MapAssocGet(benchmark::State& state) {
  run_program(state,
              "(defn fill [n] (loop [i 0 m {}] (if (= i n) m (recur (inc i) (assoc m i (* 2 i))))))\n"
              "(defn total [m n] (loop [i 0 s 0] (if (= i n) s (recur (inc i) (+ s (get m i))))))",
              "(total (fill 20000) 20000)", 399980000);
}
BENCHMARK(BM_MapAssocGet)->Unit(benchmark::kMillisecond);

}  // namespace
