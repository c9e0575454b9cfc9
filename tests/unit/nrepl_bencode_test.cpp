// nrepl_bencode_test.cpp: the nREPL server's bencode (src/tools/nrepl/bencode.h):
// encoding, decoding whole and in pieces, and rejecting bad input without crashing.
#include <gtest/gtest.h>

#include "tools/nrepl/bencode.h"

namespace {

using clove::nrepl::BValue;
using clove::nrepl::decode_one;
using clove::nrepl::Decoder;
using clove::nrepl::encode;

TEST(Bencode, EncodesEachKind) {
  EXPECT_EQ(encode(BValue(42)), "i42e");
  EXPECT_EQ(encode(BValue(int64_t{-7})), "i-7e");
  EXPECT_EQ(encode(BValue("spam")), "4:spam");
  EXPECT_EQ(encode(BValue("")), "0:");
  EXPECT_EQ(encode(BValue::make_list({"a", 1})), "l1:ai1ee");
  BValue d = BValue::make_dict();
  d.set("op", "eval");
  d.set("code", "(+ 1 2)");
  EXPECT_EQ(encode(d), "d4:code7:(+ 1 2)2:op4:evale");  // keys sorted
}

TEST(Bencode, RoundTripsNestedValues) {
  BValue d = BValue::make_dict();
  d.set("status", BValue::make_list({"done", "eval-error"}));
  d.set("n", int64_t{12345678901234});
  d.set("bytes", std::string("a\0b\xff", 4));
  BValue back;
  ASSERT_TRUE(decode_one(encode(d), &back));
  EXPECT_EQ(back.get_str("bytes"), std::string("a\0b\xff", 4));
  EXPECT_EQ(back.get_int("n", 0), 12345678901234LL);
  ASSERT_TRUE(back.get("status")->is_list());
  EXPECT_EQ(back.get("status")->list[1].s, "eval-error");
}

TEST(Bencode, DecodesByteByByte) {
  std::string wire = "d2:id1:72:op8:describee" "d2:op5:clonee";
  Decoder dec;
  std::vector<BValue> got;
  for (char c : wire) {
    dec.feed(std::string_view(&c, 1));
    BValue v;
    std::string err;
    Decoder::Status s;
    while ((s = dec.next(&v, &err)) == Decoder::Status::Ok) got.push_back(v);
    ASSERT_NE(s, Decoder::Status::Error) << err;
  }
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].get_str("op"), "describe");
  EXPECT_EQ(got[0].get_str("id"), "7");
  EXPECT_EQ(got[1].get_str("op"), "clone");
  EXPECT_EQ(dec.buffered(), 0u);
}

TEST(Bencode, RejectsMalformedInput) {
  for (std::string bad : {"x", "i12x3e", "ie", "d1:ae", "di1e1:ae", "2x:ab", "-1:a", "l:e", "i--1e"}) {
    Decoder dec;
    dec.feed(bad);
    BValue v;
    std::string err;
    EXPECT_NE(dec.next(&v, &err), Decoder::Status::Ok) << bad;
  }
  Decoder dec;
  dec.feed("i12x3e");
  BValue v;
  std::string err;
  EXPECT_EQ(dec.next(&v, &err), Decoder::Status::Error);
  EXPECT_FALSE(err.empty());
}

TEST(Bencode, TruncatedInputNeedsMore) {
  for (std::string part : {"d", "d2:op", "i12", "10:abc", "l1:a", "d2:op4:eval"}) {
    Decoder dec;
    dec.feed(part);
    BValue v;
    std::string err;
    EXPECT_EQ(dec.next(&v, &err), Decoder::Status::NeedMore) << part;
  }
}

TEST(Bencode, BoundsDepthAndSize) {
  Decoder deep;
  deep.feed(std::string(100000, 'l'));
  BValue v;
  std::string err;
  EXPECT_EQ(deep.next(&v, &err), Decoder::Status::Error);
  EXPECT_NE(err.find("nesting"), std::string::npos);

  Decoder small(1000);
  small.feed("5000:");
  EXPECT_EQ(small.next(&v, &err), Decoder::Status::Error);
  Decoder huge;
  huge.feed("99999999999999999999999:");
  EXPECT_EQ(huge.next(&v, &err), Decoder::Status::Error);
  Decoder endless(1000);
  endless.feed("l" + std::string(2000, '0'));  // never a whole value within the limit
  EXPECT_EQ(endless.next(&v, &err), Decoder::Status::Error);
}

TEST(Bencode, FieldAccessors) {
  BValue d = BValue::make_dict();
  d.set("line", "12");
  d.set("column", 3);
  d.set("code", BValue::make_list());
  EXPECT_EQ(d.get_int("line", 0), 12);  // some clients send numbers as strings
  EXPECT_EQ(d.get_int("column", 0), 3);
  EXPECT_EQ(d.get_int("missing", -1), -1);
  EXPECT_EQ(d.get_str("code", "fallback"), "fallback");
  EXPECT_EQ(BValue("x").get("k"), nullptr);
}

}  // namespace
