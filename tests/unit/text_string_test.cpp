// text_string_test.cpp: clojure.string and subs through the natives: code point
// indexing, Java's case mapping and whitespace, replace with strings, chars, patterns
// and fns (including under GC stress), split-lines, join over lazy seqs, bad inputs.
#include "runtime/text/string.h"
#include "runtime/text/unicode.h"
#include "text_test_support.h"

using namespace clove;
using clove::text_test::TextVM;

TEST(TextUnicode, CodePointsAndJavaCharacterRules) {
  EXPECT_EQ(text::byte_offset("héllo", 2), 3u);
  EXPECT_EQ(text::cp_index("héllo", 3), 2);
  EXPECT_TRUE(text::is_whitespace(0x2003));   // em space
  EXPECT_FALSE(text::is_whitespace(0x00A0));  // no-break space is not whitespace in Java
  EXPECT_TRUE(text::is_whitespace(0x1F));
  EXPECT_EQ(text::upper_case("straße ﬁ"), "STRASSE FI");
  EXPECT_EQ(text::lower_case("ΟΔΟΣ ΣΑΣ"), "οδος σας");  // final sigma
  EXPECT_EQ(text::lower_case("İ"), "i\xCC\x87");
}

// utf8_count counts eight bytes at a time: every split of multi-byte characters across
// the 8-byte words and the tail must give the code point count.
TEST(TextString, Utf8CountAcrossWordBoundaries) {
  EXPECT_EQ(utf8_count(""), 0u);
  EXPECT_EQ(utf8_count("abcdefgh"), 8u);
  EXPECT_EQ(utf8_count("abcdefghi"), 9u);
  const std::string pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};  // a é € 😀
  for (int seed = 0; seed < 200; ++seed) {
    std::string s;
    uint32_t cps = 0;
    for (unsigned i = 0, x = seed; i < unsigned(seed % 23); ++i, x = x * 7 + 3) {
      s += pieces[x % 4];
      ++cps;
    }
    EXPECT_EQ(utf8_count(s), cps) << "seed " << seed;
  }
}

TEST(TextString, SubsCountsCodePointsAndReportsJavasBounds) {
  TextVM t;
  EXPECT_EQ(t.pr("clojure.core/subs", {t.s("héllo"), Value::small_int(1), Value::small_int(3)}),
            "\"él\"");
  EXPECT_EQ(t.pr("clojure.core/subs", {t.s("a😀b"), Value::small_int(1), Value::small_int(2)}),
            "\"😀\"");
  EXPECT_EQ(t.pr("clojure.core/subs", {t.s("abc"), Value::small_int(3)}), "\"\"");
  EXPECT_EQ(t.err("clojure.core/subs", {t.s("abc"), Value::small_int(5)}),
            "StringIndexOutOfBoundsException: begin 5, end 3, length 3");
  EXPECT_EQ(t.err("clojure.core/subs", {t.s("abc"), Value::small_int(-1), Value::small_int(2)}),
            "StringIndexOutOfBoundsException: begin -1, end 2, length 3");
  EXPECT_EQ(t.err("clojure.core/subs", {Value::nil(), Value::small_int(0)}).substr(0, 18),
            "ClassCastException");
  EXPECT_EQ(t.err("clojure.core/subs", {t.s("abc"), t.s("x")}).substr(0, 18), "ClassCastException");
}

TEST(TextString, SearchingIndexesByCodePoint) {
  TextVM t;
  auto i = [](int64_t n) { return Value::small_int(n); };
  EXPECT_EQ(t.pr("clojure.string/index-of", {t.s("héllo wörld"), t.s("w")}), "6");
  EXPECT_EQ(t.pr("clojure.string/index-of", {t.s("hello"), Value::character('l'), i(3)}), "3");
  EXPECT_EQ(t.pr("clojure.string/index-of", {t.s("hello"), t.s(""), i(10)}), "5");
  EXPECT_EQ(t.pr("clojure.string/index-of", {t.s("hello"), t.s("z")}), "nil");
  EXPECT_EQ(t.pr("clojure.string/last-index-of", {t.s("hello"), Value::character('l'), i(2)}), "2");
  EXPECT_EQ(t.pr("clojure.string/last-index-of", {t.s("hello"), t.s("h"), i(-1)}), "nil");
  EXPECT_EQ(t.pr("clojure.string/includes?", {t.s("😀x"), t.s("x")}), "true");
  EXPECT_EQ(t.pr("clojure.string/starts-with?", {t.s("hello"), t.s("")}), "true");
  EXPECT_EQ(t.err("clojure.string/index-of", {t.s("hello"), i(1)}).substr(0, 18),
            "ClassCastException");
  EXPECT_EQ(t.err("clojure.string/starts-with?", {Value::nil(), t.s("a")}).substr(0, 20),
            "NullPointerException");
  EXPECT_EQ(t.err("clojure.string/includes?", {t.s("a"), Value::character('a')}).substr(0, 18),
            "ClassCastException");
}

TEST(TextString, CaseTrimReverseBlank) {
  TextVM t;
  EXPECT_EQ(t.pr("clojure.string/upper-case", {t.s("straße")}), "\"STRASSE\"");
  EXPECT_EQ(t.pr("clojure.string/upper-case", {Value::object(t.vm.kw("kw"))}), "\":KW\"");
  EXPECT_EQ(t.err("clojure.string/upper-case", {Value::nil()}).substr(0, 20),
            "NullPointerException");
  EXPECT_EQ(t.pr("clojure.string/capitalize", {t.s("éCOLE")}), "\"École\"");
  EXPECT_EQ(t.pr("clojure.string/trim", {t.s("\u2003 hi\t\u2003")}), "\"hi\"");
  EXPECT_EQ(t.pr("clojure.string/trim", {t.s("\u00a0hi")}), "\"\u00a0hi\"");
  EXPECT_EQ(t.pr("clojure.string/triml", {t.s("  hi  ")}), "\"hi  \"");
  EXPECT_EQ(t.pr("clojure.string/trimr", {t.s("  hé  ")}), "\"  hé\"");
  EXPECT_EQ(t.pr("clojure.string/trim-newline", {t.s("x\r\n\n")}), "\"x\"");
  EXPECT_EQ(t.pr("clojure.string/reverse", {t.s("a😀é")}), "\"é😀a\"");
  EXPECT_EQ(t.pr("clojure.string/blank?", {Value::nil()}), "true");
  EXPECT_EQ(t.pr("clojure.string/blank?", {t.s(" \u2003\n")}), "true");
  EXPECT_EQ(t.pr("clojure.string/blank?", {t.s(" x")}), "false");
  EXPECT_EQ(t.err("clojure.string/trim", {Value::small_int(1)}).substr(0, 18),
            "ClassCastException");
}

TEST(TextString, ReplaceWithStringsCharsAndPatterns) {
  TextVM t;
  EXPECT_EQ(t.pr("clojure.string/replace", {t.s("abc"), t.s(""), t.s("-")}), "\"-a-b-c-\"");
  EXPECT_EQ(t.pr("clojure.string/replace", {t.s("aaa"), t.s("aa"), t.s("b")}), "\"ba\"");
  EXPECT_EQ(t.pr("clojure.string/replace", {t.s("abc"), t.s("b"), t.s("$1")}), "\"a$1c\"");
  EXPECT_EQ(
      t.pr("clojure.string/replace", {t.s("héllo"), Value::character(0xE9), Value::character('e')}),
      "\"hello\"");
  EXPECT_EQ(t.pr("clojure.string/replace", {t.s("one two"), t.re("(\\w+) (\\w+)"), t.s("$2 $1")}),
            "\"two one\"");
  EXPECT_EQ(t.pr("clojure.string/replace", {t.s("abc"), t.re("x*"), t.s("-")}), "\"-a-b-c-\"");
  EXPECT_EQ(t.pr("clojure.string/replace-first",
                 {t.s("hello"), Value::character('l'), Value::small_int(7)}),
            "\"he7lo\"");
  EXPECT_EQ(t.pr("clojure.string/replace-first", {t.s("hello"), t.re("l"), t.s("L")}), "\"heLlo\"");
  EXPECT_EQ(t.err("clojure.string/replace", {t.s("abc"), Value::small_int(1), t.s("x")}),
            "IllegalArgumentException: Invalid match arg: 1");
  EXPECT_EQ(
      t.err("clojure.string/replace", {t.s("abc"), Value::character('b'), t.s("x")}).substr(0, 18),
      "ClassCastException");
  EXPECT_EQ(t.err("clojure.string/replace", {t.s("a-b"), t.re("-"), t.s("$2")}),
            "IndexOutOfBoundsException: No group 2");
  EXPECT_EQ(t.pr("clojure.string/escape", {t.s("a<b"), t.fn("clojure.core/str")}), "\"a<b\"");
  EXPECT_EQ(t.pr("clojure.string/re-quote-replacement", {t.s("$1\\")}), "\"\\\\$1\\\\\\\\\"");
}

TEST(TextString, ReplaceWithAFnSurvivesGcStress) {
  TextVM t;
  t.vm.heap.set_stress(true);
  // The fn allocates (str, count) while replace holds the subject, regex and output.
  EXPECT_EQ(
      t.eval(
          "(clojure.string/replace \"a1b22c333\" #\"\\d+\" (fn* [m] (str \"<\" (count m) \">\")))"),
      "\"a<1>b<2>c<3>\"");
  EXPECT_EQ(t.eval("(clojure.string/replace \"a1b2\" #\"([a-z])(\\d)\" (fn* [m] (str (nth m 2) "
                   "(nth m 1))))"),
            "\"1a2b\"");
  EXPECT_EQ(t.eval("(clojure.string/replace-first \"hello\" #\"l+\" clojure.string/upper-case)"),
            "\"heLLo\"");
  EXPECT_EQ(t.eval("(clojure.string/escape \"I <3 u\" {\\< \"&lt;\" \\u \"you\"})"),
            "\"I &lt;3 you\"");
  EXPECT_EQ(t.eval("(clojure.string/join \", \" (list 1 nil \"a\" :b \\c))"), "\"1, , a, :b, c\"");
  t.vm.heap.validate();
  t.vm.heap.set_stress(false);
  EXPECT_THROW(t.eval("(clojure.string/replace \"abc\" #\"b\" (fn* [m] 42))"),
               CloveError);  // fn must return a string
}

TEST(TextString, SplitAndJoin) {
  TextVM t;
  EXPECT_EQ(t.pr("clojure.string/split", {t.s(" a  b "), t.re("\\s+")}), "[\"\" \"a\" \"b\"]");
  EXPECT_EQ(t.pr("clojure.string/split", {t.s("a1b2c3"), t.re("\\d"), Value::small_int(2)}),
            "[\"a\" \"b2c3\"]");
  EXPECT_EQ(t.pr("clojure.string/split-lines", {t.s("one\ntwo\r\nthree\n\n")}),
            "[\"one\" \"two\" \"three\"]");
  EXPECT_EQ(t.pr("clojure.string/split-lines", {t.s("")}), "[\"\"]");
  EXPECT_EQ(t.pr("clojure.string/split-lines", {t.s("\n\n")}), "[]");
  EXPECT_EQ(t.pr("clojure.string/join", {Value::character('-'), t.s("abc")}), "\"a-b-c\"");
  EXPECT_EQ(t.pr("clojure.string/join", {Value::nil()}), "\"\"");
  EXPECT_EQ(t.err("clojure.string/split", {t.s("a"), t.s(",")}).substr(0, 18),
            "ClassCastException");
}
