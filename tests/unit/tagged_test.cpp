// tagged_test.cpp: UUID and instant text forms (runtime/host/tagged.h). Expected values are
// what java.util.UUID and clojure.instant give for the same text.
#include <gtest/gtest.h>

#include "runtime/host/tagged.h"

using namespace clove;

TEST(Tagged, UuidRoundTrip) {
  uint64_t m = 0, l = 0;
  ASSERT_TRUE(parse_uuid_text("550E8400-e29b-41d4-a716-446655440000", &m, &l));
  EXPECT_EQ(format_uuid(m, l), "550e8400-e29b-41d4-a716-446655440000");
  ASSERT_TRUE(parse_uuid_text("1-2-3-4-5", &m, &l));  // UUID.fromString is lenient
  EXPECT_EQ(format_uuid(m, l), "00000001-0002-0003-0004-000000000005");
  Uuid u(0x550e8400e29b41d4ULL, 0xa716446655440000ULL);
  EXPECT_EQ(static_cast<int32_t>(uuid_hash(&u)), 1170702770);
}

TEST(Tagged, UuidRejectsBadText) {
  uint64_t m = 0, l = 0;
  EXPECT_FALSE(parse_uuid_text("", &m, &l));
  EXPECT_FALSE(parse_uuid_text("not-a-uuid", &m, &l));
  EXPECT_FALSE(parse_uuid_text("1-2-3-4", &m, &l));
  EXPECT_FALSE(parse_uuid_text("1-2-3-4-5-6", &m, &l));
  EXPECT_FALSE(parse_uuid_text("1--3-4-5", &m, &l));
  EXPECT_FALSE(parse_uuid_text("550e8400-e29b-41d4-a716-44665544000g", &m, &l));
  EXPECT_FALSE(parse_uuid_text("550e8400-e29b-41d4-a716-4466554400000", &m, &l));  // 37 chars
}

TEST(Tagged, InstParseAndFormat) {
  int64_t ms = 0;
  std::string err;
  ASSERT_TRUE(parse_inst_text("2020-01-02T03:04:05.006-00:00", &ms, &err));
  EXPECT_EQ(ms, 1577934245006);
  EXPECT_EQ(format_inst(ms), "2020-01-02T03:04:05.006-00:00");
  ASSERT_TRUE(parse_inst_text("1600-03-01T00:00Z", &ms, &err));
  EXPECT_EQ(ms, -11670912000000);
  EXPECT_EQ(format_inst(-1), "1969-12-31T23:59:59.999-00:00");
  ASSERT_TRUE(parse_inst_text("2016-12-31T23:59:60Z", &ms, &err));  // leap second rolls over
  EXPECT_EQ(format_inst(ms), "2017-01-01T00:00:00.000-00:00");
  ASSERT_TRUE(parse_inst_text("2020-05:00", &ms, &err));  // year plus offset, as the JVM reads it
  EXPECT_EQ(format_inst(ms), "2020-01-01T05:00:00.000-00:00");
  EXPECT_EQ(inst_to_string(1577934245006), "Thu Jan 02 03:04:05 UTC 2020");
  Inst i(1577934245006);
  EXPECT_EQ(static_cast<int32_t>(inst_hash(&i)), 1681247713);
}

TEST(Tagged, InstRejectsBadText) {
  int64_t ms = 0;
  std::string err;
  EXPECT_FALSE(parse_inst_text("2020-1-02", &ms, &err));
  EXPECT_EQ(err, "Unrecognized date/time syntax: 2020-1-02");
  EXPECT_FALSE(parse_inst_text("2020-01-02T24:00Z", &ms, &err));
  EXPECT_EQ(err, "failed: (<= 0 hours 23)");
  EXPECT_FALSE(parse_inst_text("2020-01-02T03:04:60Z", &ms, &err));
  EXPECT_EQ(err, "failed: (<= 0 seconds (if (= minutes 59) 60 59))");
  EXPECT_FALSE(parse_inst_text("2020-01-02T03:04+01:60", &ms, &err));
  EXPECT_EQ(err, "failed: (<= 0 offset-minutes 59)");
}
