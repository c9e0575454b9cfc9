// Java arrays (runtime/host/array.h) and the collector: an Object array traces its elements
// (primitive arrays hold none), a seq over an array keeps the array alive, stores into
// a black array go through the write barrier, and unreachable arrays are freed. Also the
// element encodings and the errors of bad indices and sizes.
#include <cmath>
#include <string>
#include <vector>

#include "coll_test_support.h"
#include "runtime/host/array.h"
#include "runtime/print/print.h"

namespace clove {
namespace {

using namespace test;

JavaArray* arr_of(Value v) { return as<JavaArray>(v); }

TEST(CollArray, ObjectArrayElementsSurviveCollection) {
  CollVM vm;
  RootScope roots(vm.heap);
  size_t a = roots.push(Value::object(make_java_array(vm, ArrayKind::Object, 3000)));
  for (uint32_t i = 0; i < 3000; ++i) {
    // Each store is of a fresh string the array alone holds.
    array_store_raw(vm.heap, arr_of(roots[a]), i, S(vm, "elem" + std::to_string(i)));
    if (i % 100 == 0) vm.heap.safepoint();
  }
  size_t p = roots.push(Value::object(make_java_array(vm, ArrayKind::Long, 1000)));
  for (uint32_t i = 0; i < 1000; ++i) array_store_raw(vm.heap, arr_of(roots[p]), i, make_long(vm.heap, int64_t{1} << 50 | i));
  for (int i = 0; i < 500; ++i) make_java_array(vm, ArrayKind::Object, 20);  // garbage
  size_t before = vm.heap.object_count();
  vm.heap.collect();
  vm.heap.collect();
  EXPECT_LT(vm.heap.object_count(), before);
  EXPECT_GT(vm.heap.validate(), 3000u);
  for (uint32_t i = 0; i < 3000; ++i)
    ASSERT_TRUE(equiv(vm, array_load(vm.heap, arr_of(roots[a]), i), S(vm, "elem" + std::to_string(i))));
  for (uint32_t i = 0; i < 1000; ++i) ASSERT_EQ(as_long(array_load(vm.heap, arr_of(roots[p]), i)), int64_t{1} << 50 | i);
}

TEST(CollArray, UnreachableArraysAndTheirElementsAreFreed) {
  CollVM vm;
  // Intern the class symbols first ([Ljava.lang.Object; and [D stay, being interned).
  make_java_array(vm, ArrayKind::Object, 1);
  make_java_array(vm, ArrayKind::Double, 1);
  vm.heap.collect();
  size_t base = vm.heap.object_count();
  {
    RootScope roots(vm.heap);
    size_t a = roots.push(Value::object(make_java_array(vm, ArrayKind::Object, 100)));
    for (uint32_t i = 0; i < 100; ++i) array_store_raw(vm.heap, arr_of(roots[a]), i, S(vm, "x"));
    make_java_array(vm, ArrayKind::Double, 100000);  // a large (malloc'd) one, unrooted
    vm.heap.collect();
    EXPECT_EQ(vm.heap.object_count(), base + 1 + 100);  // the array and its strings
  }
  vm.heap.collect();
  EXPECT_EQ(vm.heap.object_count(), base);
}

TEST(CollArray, SeqOverAnArrayKeepsTheArrayAlive) {
  CollVM vm;
  RootScope roots(vm.heap);
  // No safepoint until the collection below, so nothing needs rooting until then; only
  // the seq from index 2 is rooted.
  JavaArray* a = make_java_array(vm, ArrayKind::Object, 50);
  for (uint32_t i = 0; i < 50; ++i) array_store_raw(vm.heap, a, i, S(vm, std::to_string(i)));
  size_t s = roots.push(next(vm, next(vm, seq(vm, Value::object(a)))));
  a = nullptr;
  vm.heap.collect();
  vm.heap.validate();
  EXPECT_EQ(count(vm, roots[s]), 48);
  EXPECT_TRUE(equiv(vm, first(vm, roots[s]), S(vm, "2")));
  EXPECT_EQ(pr_str(vm, nth(vm, roots[s], 47)), "\"49\"");
  // A seq is a view: stores into the array show through it.
  auto* seq_obj = as<JavaArraySeq>(roots[s]);
  ASSERT_NE(seq_obj, nullptr);
  array_store_raw(vm.heap, seq_obj->arr, 2, K(vm, "new"));
  EXPECT_TRUE(equiv(vm, first(vm, roots[s]), K(vm, "new")));
}

// Stores into an array already marked black while a cycle runs: the barrier re-greys the
// array, so the fresh elements survive the cycle's sweep.
TEST(CollArray, BarrierKeepsStoresIntoABlackArray) {
  CollVM vm;
  Heap& h = vm.heap;
  h.set_stress(false);
  h.set_incremental_stress(false);
  h.set_generational(false);  // the barrier of an incremental (major) cycle's marking
  RootScope roots(h);
  // Enough live data that marking takes many steps (the frozen core library is not
  // marked at all, so without it a cycle's marking ends in its first step). Rooted
  // before the array, so the array is blackened first (the grey stack is LIFO).
  for (int i = 0; i < 20000; ++i) roots.push(Value::object(make_string(h, std::string(200, 'l'))));
  size_t a = roots.push(Value::object(make_java_array(vm, ArrayKind::Object, 64)));
  size_t guard = 0;
  while (h.phase() != GcPhase::Mark && guard++ < 100000) {
    for (int i = 0; i < 64; ++i) make_string(h, std::string(200, 'x'));
    h.safepoint();
  }
  ASSERT_EQ(h.phase(), GcPhase::Mark);
  JavaArray* arr = arr_of(roots[a]);
  while (arr->gc_color != Heap::kBlack && h.phase() == GcPhase::Mark) {
    make_string(h, std::string(4000, 'y'));
    h.safepoint();
  }
  ASSERT_EQ(h.phase(), GcPhase::Mark) << "marking ended too soon for this test";
  int stored = 0;
  while (h.phase() != GcPhase::Pause) {
    if (stored < 64) {
      array_store_raw(h, arr, static_cast<uint32_t>(stored), S(vm, "fresh" + std::to_string(stored)));
      ++stored;
    }
    make_string(h, std::string(1000, 'z'));
    h.safepoint();
  }
  EXPECT_GT(stored, 0);
  h.collect();
  EXPECT_NO_THROW(h.validate());
  for (int i = 0; i < stored; ++i)
    EXPECT_TRUE(equiv(vm, array_load(h, arr, static_cast<uint32_t>(i)), S(vm, "fresh" + std::to_string(i))));
}

TEST(CollArray, ElementEncodings) {
  CollVM vm;
  Heap& h = vm.heap;
  JavaArray* i = make_java_array(vm, ArrayKind::Int, 2);
  array_store_raw(h, i, 0, make_long(h, 10000000000));  // wraps as Long.intValue
  EXPECT_EQ(as_long(array_load(h, i, 0)), 1410065408);
  EXPECT_EQ(as_long(array_load(h, i, 1)), 0);
  JavaArray* s = make_java_array(vm, ArrayKind::Short, 1);
  array_store_raw(h, s, 0, I(100000));
  EXPECT_EQ(as_long(array_load(h, s, 0)), -31072);
  JavaArray* b = make_java_array(vm, ArrayKind::Byte, 1);
  array_store_raw(h, b, 0, I(200));
  EXPECT_EQ(as_long(array_load(h, b, 0)), -56);
  JavaArray* f = make_java_array(vm, ArrayKind::Float, 2);
  array_store_raw(h, f, 0, D(0.1));
  array_store_raw(h, f, 1, D(1e40));
  ASSERT_TRUE(is_float(array_load(h, f, 0)));  // a float element reads as a java.lang.Float
  EXPECT_EQ(as_float(array_load(h, f, 0)), 0.1f);
  EXPECT_TRUE(std::isinf(as_float(array_load(h, f, 1))));  // d2f: beyond float's range
  array_store_raw(h, f, 1, make_float(h, 2.5f));           // a Float is stored as it is
  EXPECT_EQ(as_float(array_load(h, f, 1)), 2.5f);
  JavaArray* c = make_java_array(vm, ArrayKind::Char, 2);
  EXPECT_EQ(array_load(h, c, 0).as_char(), 0u);
  array_store_raw(h, c, 1, Value::character(0x1F600));  // a code point, not a UTF-16 unit
  EXPECT_EQ(array_load(h, c, 1).as_char(), 0x1F600u);
  JavaArray* z = make_java_array(vm, ArrayKind::Boolean, 1);
  EXPECT_TRUE(array_load(h, z, 0).is_false());
  JavaArray* o = make_java_array(vm, ArrayKind::Object, 1);
  EXPECT_TRUE(array_load(h, o, 0).is_nil());
  EXPECT_STREQ(value_type_name(Value::object(o)), "[Ljava.lang.Object;");
  EXPECT_STREQ(value_type_name(Value::object(i)), "[I");
  EXPECT_STREQ(value_type_name(seq(vm, Value::object(i))), "clojure.lang.ArraySeq$ArraySeq_int");
}

TEST(CollArray, BadIndicesAndSizes) {
  CollVM vm;
  JavaArray* a = make_java_array(vm, ArrayKind::Long, 3);
  expect_error([&] { array_index(a, 3); }, ErrorKind::ArrayIndexOutOfBoundsException,
               "Index 3 out of bounds for length 3");
  expect_error([&] { array_index(a, -1); }, ErrorKind::ArrayIndexOutOfBoundsException, "Index -1");
  EXPECT_TRUE(error_is_a(ErrorKind::ArrayIndexOutOfBoundsException, ErrorKind::IndexOutOfBoundsException));
  expect_error([&] { nth(vm, Value::object(a), 3); }, ErrorKind::ArrayIndexOutOfBoundsException);
  expect_error([&] { make_java_array(vm, ArrayKind::Int, -5); }, ErrorKind::NegativeArraySizeException, "-5");
  expect_error([&] { make_java_array(vm, ArrayKind::Long, int64_t{1} << 31); }, ErrorKind::OutOfMemoryError);
  EXPECT_TRUE(nth(vm, Value::object(a), 3, K(vm, "nf")) == K(vm, "nf"));
}

// The whole path from Clove code: arrays filled in loops, nested arrays, amap, under
// a full collection at every safepoint.
TEST(CollArray, ClojureCodeUnderStress) {
  Runtime vm;
  vm.heap.set_stress(true);
  Value r = vm.eval_string(
      "(let [a (object-array 200)"
      "      m (make-array Long/TYPE 4 5)]"
      "  (dotimes [i 200] (aset a i (str \"s\" i)))"
      "  (dotimes [i 4] (dotimes [j 5] (aset m i j (* i j))))"
      "  (let [d (amap (long-array (range 50)) i ret (* 2 (aget ret i)))]"
      "    [(count (filter #(= % \"s199\") a)) (aget m 3 4) (areduce d i acc 0 (+ acc (aget d i)))"
      "     (vec (map #(apply + %) m)) (first (into-array (map str (range 3))))]))",
      "<test>");
  EXPECT_EQ(pr_str(vm, r), "[1 12 2450 [0 10 20 30] \"0\"]");
  vm.heap.validate();
}

}  // namespace
}  // namespace clove
