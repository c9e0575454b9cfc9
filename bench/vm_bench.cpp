// vm_bench.cpp: micro-benchmarks of whole Clove programs run through a VM.
//
// dispatch, call/return, var load, keyword lookup on maps and records, protocol dispatch,
// vector nth/assoc and allocation each have a benchmark of their own below.
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

// The interpreter's own costs, one at a time. Each loop runs 1,000,000 iterations; the
// time per iteration is the loop's overhead (compare BM_LoopRecurSum) plus the one
// operation measured.

// Instruction dispatch: a loop of cheap register-to-register instructions (ADDI, ADD,
// SUB, LT, a branch, MOVEs), nothing allocated and nothing called (bit-and and friends
// are calls, so the loop avoids them).
void BM_Dispatch(benchmark::State& state) {
  int64_t expected = 0;
  for (int64_t i = 0, b = 1; i < 1000000; ++i, ++b) expected = expected + i + i - b;
  run_program(state,
              "(defn spin [n] (loop [i 0 a 0 b 1] (if (< i n) (recur (inc i) (- (+ a i i) b) (inc b)) a)))",
              "(spin 1000000)", expected);
}
BENCHMARK(BM_Dispatch)->Unit(benchmark::kMillisecond);

// Call and return of a small non-recursive function (no deep stack, unlike fib).
void BM_CallReturn(benchmark::State& state) {
  run_program(state,
              "(defn id1 [x] x)\n"
              "(defn calls [n] (loop [i 0 s 0] (if (< i n) (recur (inc i) (+ s (id1 i))) s)))",
              "(calls 1000000)", 499999500000);
}
BENCHMARK(BM_CallReturn)->Unit(benchmark::kMillisecond);

// Loading the value of a global var (a def) in a loop.
void BM_VarLoad(benchmark::State& state) {
  run_program(state,
              "(def k 3)\n"
              "(defn var-loads [n] (loop [i 0 s 0] (if (< i n) (recur (inc i) (+ s k)) s)))",
              "(var-loads 1000000)", 3000000);
}
BENCHMARK(BM_VarLoad)->Unit(benchmark::kMillisecond);

// (:c m) on a small array map, the map passed in (not a var).
void BM_KeywordLookupMap(benchmark::State& state) {
  run_program(state,
              "(defn kw-map [m n] (loop [i 0 s 0] (if (< i n) (recur (inc i) (+ s (:c m))) s)))",
              "(kw-map {:a 1 :b 2 :c 3 :d 4} 1000000)", 3000000);
}
BENCHMARK(BM_KeywordLookupMap)->Unit(benchmark::kMillisecond);

// (:c r) on a record's field.
void BM_KeywordLookupRecord(benchmark::State& state) {
  run_program(state,
              "(defrecord P [a b c d])\n"
              "(defn kw-rec [r n] (loop [i 0 s 0] (if (< i n) (recur (inc i) (+ s (:c r))) s)))",
              "(kw-rec (->P 1 2 3 4) 1000000)", 3000000);
}
BENCHMARK(BM_KeywordLookupRecord)->Unit(benchmark::kMillisecond);

// Protocol dispatch on a record (the method found from the record's type).
void BM_ProtocolDispatch(benchmark::State& state) {
  run_program(state,
              "(defprotocol Area (area [s]))\n"
              "(defrecord Sq [side] Area (area [_] (* side side)))\n"
              "(defn areas [s n] (loop [i 0 t 0] (if (< i n) (recur (inc i) (+ t (area s))) t)))",
              "(areas (->Sq 3) 1000000)", 9000000);
}
BENCHMARK(BM_ProtocolDispatch)->Unit(benchmark::kMillisecond);

// nth on a 1,000-element vector (two trie levels below the tail).
void BM_VectorNth(benchmark::State& state) {
  run_program(state,
              "(defn vnth [v n] (loop [i 0 s 0] (if (< i n) (recur (inc i) (+ s (nth v (rem i 1000)))) s)))",
              "(vnth (vec (range 1000)) 1000000)", 499500000);
}
BENCHMARK(BM_VectorNth)->Unit(benchmark::kMillisecond);

// assoc into a 1,000-element vector (path copying), then a sum of the result.
void BM_VectorAssoc(benchmark::State& state) {
  run_program(state,
              "(defn vassoc [n] (loop [i 0 v (vec (range 1000))] (if (< i n) (recur (inc i) (assoc v (rem i 1000) i)) (reduce + v))))",
              "(vassoc 1000000)", 999499500);
}
BENCHMARK(BM_VectorAssoc)->Unit(benchmark::kMillisecond);

// Allocation: a fresh three-element vector per iteration, dropped at once (the young
// garbage the collector's pacing has to keep up with).
void BM_Allocation(benchmark::State& state) {
  run_program(state,
              "(defn allocs [n] (loop [i 0 s 0] (if (< i n) (recur (inc i) (+ s (count [i i i]))) s)))",
              "(allocs 1000000)", 3000000);
}
BENCHMARK(BM_Allocation)->Unit(benchmark::kMillisecond);

}  // namespace
