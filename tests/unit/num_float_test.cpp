// num_float_test.cpp: java.lang.Float's representation (runtime/num/number.h): a boxed
// heap object of its own type, in Clojure's floating category with doubles, hashed as
// Float.hashCode, printed as Float.toString; Java's d2f narrowing. Expected values come
// from JVM Clojure 1.11 (tests/conformance/numbers/float.clj checks the same from Clove
// code).
#include <gtest/gtest.h>

#include <bit>
#include <cfloat>
#include <cmath>
#include <string>

#include "api/runtime.h"
#include "runtime/coll/coll.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"

using namespace clove;

namespace {

class FloatTest : public ::testing::Test {
 protected:
  Runtime vm{RuntimeOptions{.load_core_library = false}};
  Value f(float x) { return make_float(vm.heap, x); }
};

TEST_F(FloatTest, AFloatIsABoxedObjectOfItsOwnType) {
  Value v = f(0.1f);
  ASSERT_TRUE(v.is_obj());
  EXPECT_EQ(v.as_obj()->type, ObjType::BoxedFloat);
  EXPECT_TRUE(is_float(v));
  EXPECT_TRUE(is_floating(v));
  EXPECT_TRUE(is_number(v));
  EXPECT_FALSE(v.is_double());
  EXPECT_FALSE(is_long(v));
  EXPECT_EQ(as_float(v), 0.1f);
  EXPECT_EQ(floating_value(v), static_cast<double>(0.1f));
  EXPECT_EQ(to_double(v), static_cast<double>(0.1f));
  EXPECT_STREQ(value_type_name(v), "java.lang.Float");
  // Doubles stay immediate and are floating too.
  EXPECT_TRUE(is_floating(Value::from_double(0.1)));
  EXPECT_FALSE(is_float(Value::from_double(0.1)));
}

TEST_F(FloatTest, NaNIsJavasCanonicalFloatNaN) {
  Value v = f(-std::nanf(""));
  EXPECT_EQ(std::bit_cast<uint32_t>(as_float(v)), 0x7fc00000u);
  EXPECT_EQ(num_hash(v), 2143289344u);  // (hash (float ##NaN))
}

TEST_F(FloatTest, HashIsFloatHashCodeWithNegativeZeroAsZero) {
  EXPECT_EQ(static_cast<int32_t>(num_hash(f(0.1f))), 1036831949);   // (hash (float 0.1))
  EXPECT_EQ(static_cast<int32_t>(num_hash(f(1.0f))), 1065353216);   // (hash (float 1.0))
  EXPECT_EQ(static_cast<int32_t>(num_hash(f(-2.5f))), -1071644672); // (hash (float -2.5))
  EXPECT_EQ(num_hash(f(-0.0f)), 0u);
  EXPECT_EQ(num_hash(f(0.0f)), 0u);
  // A Float and the equal double hash differently, as on the JVM.
  EXPECT_NE(num_hash(f(1.0f)), num_hash(Value::from_double(1.0)));
  EXPECT_EQ(hash(vm, f(1.5f)), num_hash(f(1.5f)));
}

TEST_F(FloatTest, EqualityIsThatOfTheFloatingCategory) {
  EXPECT_TRUE(num_equiv(f(0.5f), Value::from_double(0.5)));
  EXPECT_FALSE(num_equiv(f(0.1f), Value::from_double(0.1)));  // 0.1f widens to 0.10000000149011612
  EXPECT_TRUE(num_equiv(f(0.1f), f(0.1f)));
  EXPECT_FALSE(num_equiv(f(1.0f), Value::small_int(1)));  // different categories
  EXPECT_FALSE(num_equiv(f(NAN), f(NAN)));
  EXPECT_TRUE(equiv(vm, f(2.0f), Value::from_double(2.0)));
  EXPECT_TRUE(num_compare(CmpOp::Eq, f(1.0f), Value::small_int(1)));  // ==
  EXPECT_TRUE(num_compare(CmpOp::Lt, Value::from_double(0.1), f(0.1f)));
  EXPECT_EQ(compare(vm, f(1.5f), Value::from_double(1.5)), 0);
}

TEST_F(FloatTest, ArithmeticGivesDoubles) {
  Value r = arith(vm, ArithOp::Add, f(1.0f), f(2.0f));
  ASSERT_TRUE(r.is_double());
  EXPECT_EQ(r.as_double(), 3.0);
  r = arith(vm, ArithOp::Add, f(0.1f), Value::small_int(0));
  ASSERT_TRUE(r.is_double());
  EXPECT_EQ(r.as_double(), static_cast<double>(0.1f));
  EXPECT_TRUE(arith(vm, ArithOp::Div, f(1.0f), Value::small_int(0)).is_double());  // ##Inf, no throw
}

TEST_F(FloatTest, PrintsAsFloatToString) {
  EXPECT_EQ(format_float(0.1f), "0.1");
  EXPECT_EQ(format_float(1e10f), "1.0E10");
  EXPECT_EQ(format_float(1e7f), "1.0E7");
  EXPECT_EQ(format_float(9999999.0f), "9999999.0");
  EXPECT_EQ(format_float(1e-3f), "0.001");
  EXPECT_EQ(format_float(1e-4f), "1.0E-4");
  EXPECT_EQ(format_float(123456789.0f), "1.2345679E8");  // shortest (JDK 19+; JDK 17: 1.23456792E8)
  EXPECT_EQ(format_float(-0.0f), "-0.0");
  EXPECT_EQ(format_float(std::bit_cast<float>(uint32_t{1})), "1.4E-45");  // Float/MIN_VALUE
  EXPECT_EQ(format_float(FLT_MAX), "3.4028235E38");
  EXPECT_EQ(pr_str(vm, f(0.25f)), "0.25");
  EXPECT_EQ(pr_str(vm, f(NAN)), "##NaN");
  EXPECT_EQ(str_of(vm, f(-INFINITY)), "-Infinity");
  // The double of the same float prints all its digits.
  EXPECT_EQ(format_double(static_cast<double>(0.1f)), "0.10000000149011612");
}

TEST_F(FloatTest, NarrowingIsJavasD2f) {
  EXPECT_EQ(d2f(0.1), 0.1f);
  EXPECT_EQ(d2f(1e300), INFINITY);
  EXPECT_EQ(d2f(-1e300), -INFINITY);
  EXPECT_EQ(d2f(3.4028235e38), FLT_MAX);  // past FLT_MAX by less than half an ulp
  EXPECT_TRUE(std::isnan(d2f(NAN)));
  EXPECT_TRUE(fits_float(static_cast<double>(FLT_MAX)));
  EXPECT_FALSE(fits_float(3.4028235e38));  // (float 3.4028235E38) throws on the JVM
  EXPECT_FALSE(fits_float(INFINITY));
  EXPECT_TRUE(fits_float(NAN));
}

TEST_F(FloatTest, FloatsSurviveCollections) {
  RootScope scope(vm.heap);
  size_t slot = scope.push(f(2.5f));
  for (int i = 0; i < 1000; ++i) f(static_cast<float>(i));  // garbage
  vm.heap.collect();
  EXPECT_NO_THROW(vm.heap.validate());
  ASSERT_TRUE(is_float(scope[slot]));
  EXPECT_EQ(as_float(scope[slot]), 2.5f);
}

}  // namespace
