// coll_bench.cpp: Google Benchmark micro-benchmarks of the data structures themselves
// (runtime/coll), without the compiler: the structure side of the SPEC's performance
// targets (bench/suite/ has the whole-program versions and their Lua counterparts).
//   transient vector conj! of 1,000,000 longs, then persistent!
//   persistent vector conj of 1,000,000 longs
//   hash map of 1,000,000 long keys built with assoc! (and with assoc), then 1,000,000 gets;
//   the assoc! build and the gets on their own
//   sorted map of 100,000 long keys (compare), a walk of a 1,000,000-entry hash map's seq
//   one persistent assoc into (and one get from) a 1,000,000-entry hash map (HAMT)
//   the garbage collector's pauses: a full collection, and incremental steps, with a
//   live set of small vectors; a full collection with a 1,000,000-entry hash map live
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

#include "runtime/coll/coll.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "api/runtime.h"

namespace clove {
namespace {

struct BenchVM : Runtime {
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

// The two halves of the above apart: 1,000,000 assoc! of keys i*7 (as bench/suite/hash_map
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

/// A 1,000,000-entry hash map of keys i*7 (built with assoc!), rooted in `roots`.
size_t big_hash_map(BenchVM& vm, RootScope& roots) {
  size_t t = roots.push(transient_of(vm, empty_hash_map(vm.heap)));
  for (int64_t i = 0; i < 1000000; ++i) roots[t] = transient_assoc(vm, roots[t], Value::small_int(i * 7), Value::small_int(i));
  return roots.push(persistent_of(vm, roots[t]));
}

// One persistent assoc into a 1,000,000-entry HAMT (a path of nodes copied), the
// result dropped: replacing existing keys and adding new ones, alternately.
void BM_HashMapAssocOne(benchmark::State& st) {
  BenchVM vm;
  RootScope roots(vm.heap);
  size_t m = big_hash_map(vm, roots);
  int64_t i = 0;
  for (auto _ : st) {
    Value k = Value::small_int((i & 1) ? i * 7 % 7000000 : i * 7 + 1);
    benchmark::DoNotOptimize(assoc(vm, roots[m], k, Value::small_int(i)));
    ++i;
    vm.heap.safepoint();
  }
}
BENCHMARK(BM_HashMapAssocOne);

// One get from a 1,000,000-entry HAMT (a key present, spread over the whole map).
void BM_HashMapGetOne(benchmark::State& st) {
  BenchVM vm;
  RootScope roots(vm.heap);
  size_t m = big_hash_map(vm, roots);
  int64_t i = 0;
  for (auto _ : st) {
    benchmark::DoNotOptimize(get(vm, roots[m], Value::small_int((i * 7919 % 1000000) * 7)));
    ++i;
  }
}
BENCHMARK(BM_HashMapGetOne);

/// A vector of `n` two-element vectors, rooted in `roots`: a live set of n + n/32 objects.
size_t live_pairs(BenchVM& vm, RootScope& roots, int64_t n) {
  size_t v = roots.push(empty_vector(vm.heap));
  for (int64_t i = 0; i < n; ++i) {
    Value pair = conj(vm, conj(vm, empty_vector(vm.heap), Value::small_int(i)), Value::small_int(i));
    roots[v] = conj(vm, roots[v], pair);
    vm.heap.safepoint();
  }
  return v;
}

// The pause of a full (stop-the-world) collection with Arg live pairs: what
// Runtime::collect() costs, and the bound an incremental step stays far below.
void BM_GcFullCollection(benchmark::State& st) {
  BenchVM vm;
  RootScope roots(vm.heap);
  live_pairs(vm, roots, st.range(0));
  for (auto _ : st) vm.heap.collect();
}
BENCHMARK(BM_GcFullCollection)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// The same with a live hash map of Arg long keys (i*7, as bench/suite/hash_map): a
// large map's trie nodes, scattered over the heap, each with up to 32 children.
void BM_GcFullCollectionHashMap(benchmark::State& st) {
  BenchVM vm;
  RootScope roots(vm.heap);
  size_t t = roots.push(transient_of(vm, empty_hash_map(vm.heap)));
  for (int64_t i = 0; i < st.range(0); ++i) {
    roots[t] = transient_assoc(vm, roots[t], Value::small_int(i * 7), Value::small_int(i));
    vm.heap.safepoint();
  }
  roots[t] = persistent_of(vm, roots[t]);
  for (auto _ : st) vm.heap.collect();
}
BENCHMARK(BM_GcFullCollectionHashMap)->Arg(1000000)->Unit(benchmark::kMillisecond);

// Incremental collection pauses: with 1,000,000 live pairs, make 1,000,000 garbage
// pairs and time each safepoint that has a step to do. The time per iteration is the
// allocation with its collection work; the counters are the longest step and the mean
// step, in microseconds, and the number of steps per iteration.
void BM_GcIncrementalStep(benchmark::State& st) {
  BenchVM vm;
  RootScope roots(vm.heap);
  live_pairs(vm, roots, 1000000);
  double max_us = 0, total_us = 0;
  int64_t steps = 0;
  for (auto _ : st) {
    for (int64_t i = 0; i < 1000000; ++i) {
      Value pair = conj(vm, conj(vm, empty_vector(vm.heap), Value::small_int(i)), Value::small_int(i));
      benchmark::DoNotOptimize(pair);
      if (!vm.heap.owes_work()) continue;
      auto t0 = std::chrono::steady_clock::now();
      vm.heap.safepoint();
      double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
      max_us = std::max(max_us, us);
      total_us += us;
      ++steps;
    }
  }
  st.counters["max_step_us"] = max_us;
  st.counters["mean_step_us"] = steps ? total_us / double(steps) : 0;
  st.counters["steps"] = benchmark::Counter(double(steps), benchmark::Counter::kAvgIterations);
}
BENCHMARK(BM_GcIncrementalStep)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clove
