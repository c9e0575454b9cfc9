// coll_bench.cpp: Google Benchmark micro-benchmarks of the data structures themselves
// (runtime/coll), without the compiler: the structure side of the SPEC's performance
// targets (bench/data/ has the whole-program versions and their Lua counterparts).
//   transient vector conj! of 1,000,000 longs, then persistent!
//   persistent vector conj of 1,000,000 longs
//   hash map of 1,000,000 long keys built with assoc! (and with assoc), then 1,000,000 gets;
//   the assoc! build and the gets on their own
//   sorted map of 100,000 long keys (compare), a walk of a 1,000,000-entry hash map's seq
#include <benchmark/benchmark.h>

#include "runtime/coll/coll.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "api/runtime.h"

namespace clove {
namespace {

struct BenchVM : VM {
  BenchVM() : Runtime(RuntimeOptions{.load_core_library = false}) {}
};

void BM_TransientVectorConj(benchmark::State& st) {
  BenchVM vm;
  for (auto _ : st) {
    RootScope roots(vm.heap);
    size_t t = roots.push(transient_of(vm, empty_vector(vm.heap)));
    for (int64_t i = 0; i < 1000000; ++i) {
      roots[t] = transient_conj(vm, roots[t], Value::small_int(i));
      vm.heap.safepoint();
    }
    Value v = persistent_of(vm, roots[t]);
    benchmark::DoNotOptimize(count(vm, v));
  }
}
BENCHMARK(BM_TransientVectorConj)->Unit(benchmark::kMillisecond);

void BM_PersistentVectorConj(benchmark::State& st) {
  BenchVM vm;
  for (auto _ : st) {
    RootScope roots(vm.heap);
    size_t v = roots.push(empty_vector(vm.heap));
    for (int64_t i = 0; i < 1000000; ++i) {
      roots[v] = conj(vm, roots[v], Value::small_int(i));
      vm.heap.safepoint();
    }
    benchmark::DoNotOptimize(count(vm, roots[v]));
  }
}
BENCHMARK(BM_PersistentVectorConj)->Unit(benchmark::kMillisecond);

void BM_TransientHashMapBuildAndGet(benchmark::State& st) {
  BenchVM vm;
  for (auto _ : st) {
    RootScope roots(vm.heap);
    size_t t = roots.push(transient_of(vm, empty_hash_map(vm.heap)));
    for (int64_t i = 0; i < 1000000; ++i) {
      roots[t] = transient_assoc(vm, roots[t], Value::small_int(i), Value::small_int(i));
      vm.heap.safepoint();
    }
    size_t m = roots.push(persistent_of(vm, roots[t]));
    int64_t sum = 0;
    for (int64_t i = 0; i < 1000000; ++i) sum += get(vm, roots[m], Value::small_int(i)).as_small_int();
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_TransientHashMapBuildAndGet)->Unit(benchmark::kMillisecond);

// The two halves of the above apart: 1,000,000 assoc! of keys i*7 (as bench/data/hash_map
// does), and 1,000,000 gets from the map built once. These are the floor under the
// whole-program workload: the structure's own cost with no interpreter around it.
void BM_TransientHashMapBuild(benchmark::State& st) {
  BenchVM vm;
  for (auto _ : st) {
    RootScope roots(vm.heap);
    size_t t = roots.push(transient_of(vm, empty_hash_map(vm.heap)));
    for (int64_t i = 0; i < 1000000; ++i) {
      roots[t] = transient_assoc(vm, roots[t], Value::small_int(i * 7), Value::small_int(i));
      vm.heap.safepoint();
    }
    benchmark::DoNotOptimize(persistent_of(vm, roots[t]));
  }
}
BENCHMARK(BM_TransientHashMapBuild)->Unit(benchmark::kMillisecond);

void BM_HashMapGet(benchmark::State& st) {
  BenchVM vm;
  RootScope roots(vm.heap);
  size_t t = roots.push(transient_of(vm, empty_hash_map(vm.heap)));
  for (int64_t i = 0; i < 1000000; ++i) roots[t] = transient_assoc(vm, roots[t], Value::small_int(i * 7), Value::small_int(i));
  size_t m = roots.push(persistent_of(vm, roots[t]));
  for (auto _ : st) {
    int64_t sum = 0;
    for (int64_t i = 0; i < 1000000; ++i) sum += get(vm, roots[m], Value::small_int(i * 7)).as_small_int();
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_HashMapGet)->Unit(benchmark::kMillisecond);

void BM_PersistentHashMapBuildAndGet(benchmark::State& st) {
  BenchVM vm;
  for (auto _ : st) {
    RootScope roots(vm.heap);
    size_t m = roots.push(empty_hash_map(vm.heap));
    for (int64_t i = 0; i < 1000000; ++i) {
      roots[m] = assoc(vm, roots[m], Value::small_int(i), Value::small_int(i));
      vm.heap.safepoint();
    }
    int64_t sum = 0;
    for (int64_t i = 0; i < 1000000; ++i) sum += get(vm, roots[m], Value::small_int(i)).as_small_int();
    benchmark::DoNotOptimize(sum);
  }
}
BENCHMARK(BM_PersistentHashMapBuildAndGet)->Unit(benchmark::kMillisecond);

void BM_HashMapSeqWalk(benchmark::State& st) {
  BenchVM vm;
  RootScope roots(vm.heap);
  size_t t = roots.push(transient_of(vm, empty_hash_map(vm.heap)));
  for (int64_t i = 0; i < 1000000; ++i) roots[t] = transient_assoc(vm, roots[t], Value::small_int(i), Value::small_int(i));
  size_t m = roots.push(persistent_of(vm, roots[t]));
  for (auto _ : st) {
    int64_t n = 0;
    for (Value s = seq(vm, roots[m]); !s.is_nil(); s = next(vm, s)) {
      ++n;
      vm.heap.safepoint();
    }
    benchmark::DoNotOptimize(n);
  }
}
BENCHMARK(BM_HashMapSeqWalk)->Unit(benchmark::kMillisecond);

void BM_SortedMapAssoc(benchmark::State& st) {
  BenchVM vm;
  for (auto _ : st) {
    RootScope roots(vm.heap);
    size_t m = roots.push(empty_sorted_map(vm.heap, Value::nil()));
    for (int64_t i = 0; i < 100000; ++i) {
      roots[m] = assoc(vm, roots[m], Value::small_int((i * 7919) % 100003), Value::small_int(i));
      vm.heap.safepoint();
    }
    benchmark::DoNotOptimize(count(vm, roots[m]));
  }
}
BENCHMARK(BM_SortedMapAssoc)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clove
