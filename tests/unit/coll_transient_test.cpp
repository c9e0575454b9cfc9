// Transients: vector, array map, hash map and hash set against simple models over
// thousands of random operations, with GC safepoints between operations (so the
// incremental collector runs while transients are being edited in place: a missing
// write barrier frees live values), the edit-token rules (the source collection never
// changes; a transient is dead after persistent!), and the natives' errors.
#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "coll_test_support.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/list.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "runtime/print/print.h"

namespace clove {
namespace {

using namespace test;

Value core_fn(State& vm, const char* name) { return vm.core_ns()->lookup(vm.sym(name))->root; }

std::string str_of_value(Value v) { return std::string(static_cast<String*>(v.as_obj())->view()); }

TEST(CollTransient, VectorMatchesModelUnderRandomOps) {
  CollVM vm;
  std::mt19937 rng(7);
  RootScope roots(vm.heap);
  size_t t = roots.push(transient_of(vm, empty_vector(vm.heap)));
  std::vector<std::string> model;
  int nops = vm.heap.stress() ? 6000 : 60000;  // stress mode runs a full collection per op
  for (int op = 0; op < nops; ++op) {
    int r = static_cast<int>(rng() % 10);
    if (r < 6 || model.empty()) {
      std::string s = "v" + std::to_string(op);
      roots[t] = transient_conj(vm, roots[t], S(vm, s));
      model.push_back(s);
    } else if (r < 8) {
      size_t i = rng() % model.size();
      std::string s = "a" + std::to_string(op);
      roots[t] = transient_assoc(vm, roots[t], I(static_cast<int64_t>(i)), S(vm, s));
      model[i] = s;
    } else {
      roots[t] = transient_pop(vm, roots[t]);
      model.pop_back();
    }
    vm.heap.safepoint();
    if (op % 5000 == 0) {
      ASSERT_EQ(transient_count(roots[t]), static_cast<int64_t>(model.size()));
      for (size_t i = 0; i < model.size(); i += 97)
        ASSERT_EQ(str_of_value(transient_nth(roots[t], static_cast<int64_t>(i), Value::nil(), false)), model[i]);
    }
  }
  size_t p = roots.push(persistent_of(vm, roots[t]));
  vm.heap.collect();
  ASSERT_EQ(count(vm, roots[p]), static_cast<int64_t>(model.size()));
  for (size_t i = 0; i < model.size(); ++i) ASSERT_EQ(str_of_value(nth(vm, roots[p], static_cast<int64_t>(i))), model[i]);
  // The persistent result behaves as any vector: conj and pop across the tail boundary.
  Value v = roots[p];
  for (int i = 0; i < 100; ++i) v = conj(vm, v, I(i));
  for (int i = 0; i < 100; ++i) v = pop(vm, v);
  EXPECT_TRUE(equiv(vm, v, roots[p]));
  EXPECT_GT(vm.heap.validate(), 0u);
  EXPECT_GT(vm.heap.collections(), 0u);  // the collector did run while the transient was edited
}

TEST(CollTransient, VectorSourceIsNeverChanged) {
  CollVM vm;
  RootScope roots(vm.heap);
  std::vector<Value> items;
  for (int i = 0; i < 2000; ++i) items.push_back(I(i));
  size_t src = roots.push(vector_from(vm.heap, items.data(), items.size()));
  size_t t = roots.push(transient_of(vm, roots[src]));
  for (int i = 0; i < 2000; i += 3) roots[t] = transient_assoc(vm, roots[t], I(i), I(-i));
  for (int i = 0; i < 1500; ++i) roots[t] = transient_pop(vm, roots[t]);
  for (int i = 0; i < 700; ++i) roots[t] = transient_conj(vm, roots[t], I(1000000 + i));
  for (int i = 0; i < 2000; ++i) ASSERT_EQ(as_long(nth(vm, roots[src], i)), i);
  Value p = persistent_of(vm, roots[t]);
  ASSERT_EQ(count(vm, p), 1200);
  EXPECT_EQ(as_long(nth(vm, p, 3)), -3);
  EXPECT_EQ(as_long(nth(vm, p, 499)), 499);
  EXPECT_EQ(as_long(nth(vm, p, 500)), 1000000);
  // A second transient from the result does not disturb the result either.
  size_t q = roots.push(p);
  Value t2 = transient_of(vm, p);
  transient_assoc(vm, t2, I(0), I(42));
  EXPECT_EQ(as_long(nth(vm, roots[q], 0)), 0);
}

// transient_vector_append copies runs of a vector's elements into the tail: every
// start length (tail offsets 0..32 and past the root), source slices that start and end
// mid-leaf, a slice of the transient's own source, and only transient vectors accepted.
TEST(CollTransient, VectorAppendOfSlicesMatchesConjOneByOne) {
  CollVM vm;
  RootScope roots(vm.heap);
  std::vector<Value> items;
  for (int i = 0; i < 200; ++i) items.push_back(S(vm, "s" + std::to_string(i)));
  size_t src = roots.push(vector_from(vm.heap, items.data(), items.size()));
  const Vector* v = as<Vector>(roots[src]);
  for (uint32_t start_len : {0u, 1u, 31u, 32u, 33u, 63u, 64u, 65u, 1100u}) {
    for (auto [from, to] : {std::pair{0u, 0u}, {0u, 200u}, {5u, 37u}, {31u, 33u}, {64u, 96u}, {100u, 199u}}) {
      std::vector<Value> start;
      for (uint32_t i = 0; i < start_len; ++i) start.push_back(I(i));
      size_t t = roots.push(transient_of(vm, vector_from(vm.heap, start.data(), start.size())));
      ASSERT_TRUE(transient_vector_append(vm, roots[t], v, from, to));
      vm.heap.safepoint();
      Value p = persistent_of(vm, roots[t]);
      ASSERT_EQ(count(vm, p), static_cast<int64_t>(start_len + (to - from)));
      for (uint32_t i = 0; i < start_len; ++i) ASSERT_EQ(as_long(nth(vm, p, i)), i);
      for (uint32_t i = from; i < to; ++i) ASSERT_EQ(nth(vm, p, start_len + i - from), items[i]);
      // The result grows and shrinks as any vector.
      Value q = conj(vm, p, I(-1));
      EXPECT_EQ(as_long(nth(vm, q, start_len + (to - from))), -1);
    }
  }
  // Appending a vector to a transient of itself leaves the source as it was.
  size_t t = roots.push(transient_of(vm, roots[src]));
  ASSERT_TRUE(transient_vector_append(vm, roots[t], v, 0, 200));
  Value twice = persistent_of(vm, roots[t]);
  EXPECT_EQ(count(vm, twice), 400);
  EXPECT_EQ(count(vm, roots[src]), 200);
  for (int i = 0; i < 200; ++i) ASSERT_EQ(nth(vm, twice, 200 + i), items[i]);
  // Anything but a transient vector is left alone; a finished one throws.
  EXPECT_FALSE(transient_vector_append(vm, roots[src], v, 0, 1));
  EXPECT_FALSE(transient_vector_append(vm, transient_of(vm, empty_hash_map(vm.heap)), v, 0, 1));
  EXPECT_THROW(transient_vector_append(vm, roots[t], v, 0, 1), CloveError);
  EXPECT_GT(vm.heap.validate(), 0u);
}

TEST(CollTransient, HashMapMatchesModelUnderRandomOps) {
  CollVM vm;
  std::mt19937 rng(11);
  RootScope roots(vm.heap);
  // Keys: small ints, strings with colliding Java hashes ("Aa" / "BB"), and nil.
  std::vector<std::string> names;
  for (int i = 0; i < 400; ++i) names.push_back("k" + std::to_string(i));
  for (const char* c : {"Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"}) names.push_back(c);
  auto key_of = [&](int i) -> Value {
    if (i == 0) return Value::nil();
    if (i < 300) return I(i * 7919);
    return S(vm, names[i % names.size()]);
  };
  auto model_key = [&](int i) { return i == 0 ? std::string("nil") : i < 300 ? std::to_string(i * 7919) : names[i % names.size()]; };
  size_t src = roots.push(empty_hash_map(vm.heap));
  size_t t = roots.push(transient_of(vm, roots[src]));
  std::map<std::string, int64_t> model;
  for (int op = 0; op < 40000; ++op) {
    int k = static_cast<int>(rng() % 700);
    if (rng() % 3) {
      roots[t] = transient_assoc(vm, roots[t], key_of(k), I(op));
      model[model_key(k)] = op;
    } else {
      roots[t] = transient_dissoc(vm, roots[t], key_of(k));
      model.erase(model_key(k));
    }
    vm.heap.safepoint();
    if (op % 4000 == 0) {
      // A snapshot: persistent! of a copy keeps the running transient's contents intact.
      ASSERT_EQ(transient_count(roots[t]), static_cast<int64_t>(model.size()));
      for (int i = 0; i < 700; i += 13) {
        bool found = false;
        Value v = transient_get(vm, roots[t], key_of(i), Value::nil(), &found);
        auto it = model.find(model_key(i));
        ASSERT_EQ(found, it != model.end()) << model_key(i);
        if (found) {
          ASSERT_EQ(as_long(v), it->second);
        }
      }
    }
  }
  size_t p = roots.push(persistent_of(vm, roots[t]));
  vm.heap.collect();
  ASSERT_EQ(count(vm, roots[p]), static_cast<int64_t>(model.size()));
  for (int i = 0; i < 700; ++i) {
    auto it = model.find(model_key(i));
    bool found = contains(vm, roots[p], key_of(i));
    ASSERT_EQ(found, it != model.end()) << model_key(i);
    if (found) {
      ASSERT_EQ(as_long(get(vm, roots[p], key_of(i))), it->second);
    }
  }
  EXPECT_EQ(count(vm, roots[src]), 0);
  // The same content built persistently is = and has the same hash.
  Value m2 = empty_hash_map(vm.heap);
  for (int i = 0; i < 700; ++i) {
    auto it = model.find(model_key(i));
    if (it != model.end()) m2 = assoc(vm, m2, key_of(i), I(it->second));
  }
  EXPECT_TRUE(equiv(vm, m2, roots[p]));
  EXPECT_EQ(hash(vm, m2), hash(vm, roots[p]));
  EXPECT_GT(vm.heap.validate(), 0u);
}

TEST(CollTransient, HashMapSourceIsNeverChanged) {
  CollVM vm;
  RootScope roots(vm.heap);
  std::vector<Value> kvs;
  for (int i = 0; i < 3000; ++i) {
    kvs.push_back(I(i));
    kvs.push_back(I(i));
  }
  size_t src = roots.push(map_from(vm, kvs.data(), 3000));
  size_t t = roots.push(transient_of(vm, roots[src]));
  for (int i = 0; i < 3000; i += 2) roots[t] = transient_dissoc(vm, roots[t], I(i));
  for (int i = 1; i < 3000; i += 4) roots[t] = transient_assoc(vm, roots[t], I(i), I(-1));
  for (int i = 0; i < 3000; ++i) ASSERT_EQ(as_long(get(vm, roots[src], I(i))), i);
  Value p = persistent_of(vm, roots[t]);
  EXPECT_EQ(count(vm, p), 1500);
  EXPECT_EQ(as_long(get(vm, p, I(1))), -1);
  EXPECT_EQ(as_long(get(vm, p, I(3))), 3);
  EXPECT_FALSE(contains(vm, p, I(2)));
}

TEST(CollTransient, ArrayMapGrowsIntoHashMapAndKeepsClojureOrder) {
  CollVM vm;
  RootScope roots(vm.heap);
  size_t t = roots.push(transient_of(vm, empty_array_map(vm.heap)));
  EXPECT_TRUE(is<TransientArrayMap>(roots[t]));
  for (int i = 0; i < 8; ++i) roots[t] = transient_assoc(vm, roots[t], I(i), I(i));
  EXPECT_TRUE(is<TransientArrayMap>(roots[t]));
  // dissoc! moves the last pair into the hole, as Clojure does: {0 0, 7 7, 2 2, ...}
  roots[t] = transient_dissoc(vm, roots[t], I(1));
  Value am = persistent_of(vm, roots[t]);
  ASSERT_TRUE(is<ArrayMap>(am));
  EXPECT_EQ(as_long(first(vm, nth(vm, seq(vm, am), 1))), 7);
  // Growing past 8 pairs returns a transient hash map; the old transient stays usable.
  size_t t2 = roots.push(transient_of(vm, am));
  for (int i = 10; i < 30; ++i) roots[t2] = transient_assoc(vm, roots[t2], I(i), I(i));
  EXPECT_TRUE(is<TransientHashMap>(roots[t2]));
  Value hm = persistent_of(vm, roots[t2]);
  EXPECT_TRUE(is<HashMap>(hm));
  EXPECT_EQ(count(vm, hm), 27);
  // conj! with a [k v] vector and with a map.
  size_t t3 = roots.push(transient_of(vm, empty_array_map(vm.heap)));
  Value kv[] = {K(vm, "a"), I(1)};
  roots[t3] = transient_conj(vm, roots[t3], vector_from(vm.heap, kv, 2));
  Value kv2[] = {K(vm, "b"), I(2), K(vm, "c"), I(3)};
  roots[t3] = transient_conj(vm, roots[t3], map_from(vm, kv2, 2));
  EXPECT_EQ(transient_count(roots[t3]), 3);
  EXPECT_EQ(as_long(transient_get(vm, roots[t3], K(vm, "c"), Value::nil())), 3);
}

TEST(CollTransient, HashSetMatchesModel) {
  CollVM vm;
  std::mt19937 rng(3);
  RootScope roots(vm.heap);
  size_t t = roots.push(transient_of(vm, empty_set(vm.heap)));
  std::set<int64_t> model;
  for (int op = 0; op < 20000; ++op) {
    int64_t x = rng() % 3000;
    if (rng() % 3) {
      roots[t] = transient_conj(vm, roots[t], I(x));
      model.insert(x);
    } else {
      roots[t] = transient_disj(vm, roots[t], I(x));
      model.erase(x);
    }
    vm.heap.safepoint();
  }
  ASSERT_EQ(transient_count(roots[t]), static_cast<int64_t>(model.size()));
  Value s = persistent_of(vm, roots[t]);
  ASSERT_TRUE(is<HashSet>(s));
  EXPECT_EQ(count(vm, s), static_cast<int64_t>(model.size()));
  for (int64_t x = 0; x < 3000; ++x) ASSERT_EQ(contains(vm, s, I(x)), model.count(x) == 1);
}

TEST(CollTransient, UseAfterPersistentThrows) {
  CollVM vm;
  RootScope roots(vm.heap);
  for (Value coll : {empty_vector(vm.heap), empty_array_map(vm.heap), empty_hash_map(vm.heap), empty_set(vm.heap)}) {
    size_t t = roots.push(transient_of(vm, coll));
    persistent_of(vm, roots[t]);
    Value tv = roots[t];
    expect_error([&] { transient_conj(vm, tv, I(1)); }, ErrorKind::IllegalAccessError, "Transient used after persistent! call");
    expect_error([&] { persistent_of(vm, tv); }, ErrorKind::IllegalAccessError, "Transient used after persistent! call");
    expect_error([&] { count(vm, tv); }, ErrorKind::IllegalAccessError, "Transient used after persistent! call");
  }
  // IllegalAccessError is an Error, not an Exception (it escapes (catch Exception e ...)).
  EXPECT_TRUE(error_is_a(ErrorKind::IllegalAccessError, ErrorKind::Error));
  EXPECT_FALSE(error_is_a(ErrorKind::IllegalAccessError, ErrorKind::Exception));
}

TEST(CollTransient, BadInputErrors) {
  CollVM vm;
  expect_error([&] { transient_of(vm, empty_list(vm.heap)); }, ErrorKind::ClassCastException,
               "cannot be cast to class clojure.lang.IEditableCollection");
  expect_error([&] { transient_of(vm, I(1)); }, ErrorKind::ClassCastException, "IEditableCollection");
  expect_error([&] { persistent_of(vm, empty_vector(vm.heap)); }, ErrorKind::ClassCastException, "ITransientCollection");
  Value tv = transient_of(vm, empty_vector(vm.heap));
  expect_error([&] { transient_pop(vm, tv); }, ErrorKind::IllegalStateException, "Can't pop empty vector");
  expect_error([&] { transient_assoc(vm, tv, I(5), I(1)); }, ErrorKind::IndexOutOfBoundsException);
  expect_error([&] { transient_assoc(vm, tv, K(vm, "a"), I(1)); }, ErrorKind::IllegalArgumentException, "Key must be integer");
  expect_error([&] { transient_dissoc(vm, tv, I(0)); }, ErrorKind::ClassCastException, "ITransientMap");
  expect_error([&] { transient_disj(vm, tv, I(0)); }, ErrorKind::ClassCastException, "ITransientSet");
  expect_error([&] { transient_nth(tv, 0, Value::nil(), false); }, ErrorKind::IndexOutOfBoundsException);
  Value tm = transient_of(vm, empty_array_map(vm.heap));
  expect_error([&] { transient_pop(vm, tm); }, ErrorKind::ClassCastException, "ITransientVector");
  Value one[] = {I(1)};
  expect_error([&] { transient_conj(vm, tm, vector_from(vm.heap, one, 1)); }, ErrorKind::IllegalArgumentException,
               "Vector arg to map conj must be a pair");
}

TEST(CollTransient, NativesReduceConjIntoAMillionElementVector) {
  CollVM vm;
  // (persistent! (reduce conj! (transient []) (range 1000000))) through the natives.
  Value conj_bang = core_fn(vm, "conj!");
  RootScope roots(vm.heap);
  size_t t = roots.push(vm.call(core_fn(vm, "transient"), {empty_vector(vm.heap)}));
  for (int i = 0; i < 1000000; ++i) {
    roots[t] = vm.call(conj_bang, {roots[t], I(i)});
    if (!vm.heap.stress() || i % 50000 == 0) vm.heap.safepoint();  // stress mode: a full GC each time
  }
  Value v = vm.call(core_fn(vm, "persistent!"), {roots[t]});
  ASSERT_EQ(count(vm, v), 1000000);
  for (int i = 0; i < 1000000; i += 9973) ASSERT_EQ(as_long(nth(vm, v, i)), i);
  EXPECT_EQ(as_long(nth(vm, v, 999999)), 999999);
  // assoc!/dissoc!/disj!/pop! natives with several keys at once.
  Value m = vm.call(core_fn(vm, "transient"), {empty_hash_map(vm.heap)});
  Value args[] = {m, I(1), I(2), I(3), I(4)};
  m = vm.call(core_fn(vm, "assoc!"), args, 5);
  m = vm.call(core_fn(vm, "dissoc!"), {m, I(1), I(9)});
  Value pm = vm.call(core_fn(vm, "persistent!"), {m});
  EXPECT_EQ(count(vm, pm), 1);
  EXPECT_EQ(pr_str(vm, pm), "{3 4}");
  expect_error([&] { vm.call(core_fn(vm, "assoc!"), {m, I(1)}); }, ErrorKind::ArityException);
}

}  // namespace
}  // namespace clove
