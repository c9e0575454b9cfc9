// reader_test.cpp: the reader (SPEC L1): every syntax element, positions, every
// error kind with its message and position, and read -> print -> read round trips.
// Expected strings are what JVM Clojure 1.11 prints for the same input (pr-str of
// read-string), except where Clove differs on purpose (noted inline).
#include <gtest/gtest.h>

#include <cmath>
#include <regex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "reader/reader.h"
#include "reader_test_support.h"
#include "reader/reader_env.h"
#include "core/source_map.h"
#include "runtime/host/tagged.h"
#include "runtime/num/bignum.h"
#include "runtime/coll/coll.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "runtime/text/regex.h"
#include "api/runtime.h"

using namespace clove;

namespace {

class ReaderTest : public reader_test::ReaderFixture {
 protected:
  Value read(std::string_view src, ReaderOptions opts = {}) {
    uint32_t file = vm.sources.add("test.clj", std::string(src));
    Reader r(vm, env, vm.sources.text(file), file, opts);
    Value v;
    EXPECT_TRUE(r.next(&v)) << "no form in: " << src;
    return v;
  }
  /// pr-str of the first form of src.
  std::string rd(std::string_view src, ReaderOptions opts = {}) { return pr_str(vm, read(src, opts)); }
  /// Replaces generated numbers (x__123__auto__, p1__45#) with N.
  static std::string norm(const std::string& s) { return std::regex_replace(s, std::regex("__[0-9]+"), "__N"); }
};

#define EXPECT_DIAG(src, kind_, msg, line_, col_)      \
  do {                                                 \
    Diagnostic d_ = err(src);                          \
    EXPECT_EQ(d_.kind, DiagKind::kind_) << (src);      \
    EXPECT_EQ(std::string(d_.what()), msg) << (src);   \
    EXPECT_EQ(d_.pos.line, (line_)) << (src);          \
    EXPECT_EQ(d_.pos.col, (col_)) << (src);            \
  } while (0)

#define EXPECT_DIAG_OPTS(src, opts, kind_, msg, line_, col_) \
  do {                                                      \
    Diagnostic d_ = err(src, opts);                         \
    EXPECT_EQ(d_.kind, DiagKind::kind_) << (src);           \
    EXPECT_EQ(std::string(d_.what()), msg) << (src);        \
    EXPECT_EQ(d_.pos.line, (line_)) << (src);               \
    EXPECT_EQ(d_.pos.col, (col_)) << (src);                 \
  } while (0)

// ---- numbers ----

TEST_F(ReaderTest, Integers) {
  EXPECT_EQ(rd("42"), "42");
  EXPECT_EQ(rd("-42"), "-42");
  EXPECT_EQ(rd("+1"), "1");
  EXPECT_EQ(rd("0"), "0");
  EXPECT_EQ(rd("-0"), "0");
  EXPECT_EQ(rd("00"), "0");
  EXPECT_EQ(rd("0x1F"), "31");
  EXPECT_EQ(rd("0X1f"), "31");
  EXPECT_EQ(rd("-0x10"), "-16");
  EXPECT_EQ(rd("017"), "15");
  EXPECT_EQ(rd("-07"), "-7");
  EXPECT_EQ(rd("2r101"), "5");
  EXPECT_EQ(rd("-2r11"), "-3");
  EXPECT_EQ(rd("2R11"), "3");
  EXPECT_EQ(rd("36rZZ"), "1295");
  EXPECT_EQ(rd("36rabc"), "13368");
  EXPECT_TRUE(is_long(read("9223372036854775807")));
  EXPECT_EQ(rd("0x7FFFFFFFFFFFFFFF"), "9223372036854775807");
  EXPECT_EQ(rd("-9223372036854775808"), "-9223372036854775808");
  EXPECT_EQ(rd("-0x8000000000000000"), "-9223372036854775808");
  EXPECT_TRUE(is_long(read("-9223372036854775808")));
}

TEST_F(ReaderTest, BigInts) {
  EXPECT_EQ(rd("1N"), "1N");
  EXPECT_TRUE(is<BigInt>(read("1N")));
  EXPECT_EQ(rd("9223372036854775808"), "9223372036854775808N");
  EXPECT_TRUE(is<BigInt>(read("9223372036854775808")));
  EXPECT_EQ(rd("-9223372036854775809"), "-9223372036854775809N");
  EXPECT_EQ(rd("0x8000000000000000"), "9223372036854775808N");
  EXPECT_EQ(rd("0xFFFFFFFFFFFFFFFFF"), "295147905179352825855N");
  EXPECT_EQ(rd("07N"), "7N");
  EXPECT_EQ(rd("0x10N"), "16N");
  EXPECT_EQ(rd("9223372036854775807N"), "9223372036854775807N");
  EXPECT_EQ(rd("-9223372036854775808N"), "-9223372036854775808N");
}

TEST_F(ReaderTest, Ratios) {
  EXPECT_EQ(rd("1/3"), "1/3");
  EXPECT_EQ(rd("2/4"), "1/2");
  EXPECT_EQ(rd("4/2"), "2");
  EXPECT_TRUE(is_long(read("4/2")));
  EXPECT_EQ(rd("-4/2"), "-2");
  EXPECT_EQ(rd("-1/2"), "-1/2");
  EXPECT_EQ(rd("+1/2"), "1/2");
  EXPECT_EQ(rd("01/2"), "1/2");
  // Clojure divides as BigInts when a part does not fit a long: the result stays a BigInt.
  EXPECT_EQ(rd("10000000000000000000/10000000000000000000"), "1N");
  EXPECT_TRUE(is<Ratio>(read("1/3")));
}

TEST_F(ReaderTest, Doubles) {
  EXPECT_EQ(rd("1.5"), "1.5");
  EXPECT_EQ(rd("1."), "1.0");
  EXPECT_EQ(rd("-0.0"), "-0.0");
  EXPECT_EQ(rd("1e10"), "1.0E10");
  EXPECT_EQ(rd("1E-5"), "1.0E-5");
  EXPECT_EQ(rd("1e+2"), "100.0");
  EXPECT_EQ(rd("1e-3"), "0.001");
  EXPECT_EQ(rd("1e7"), "1.0E7");
  EXPECT_EQ(rd("08.5"), "8.5");
  EXPECT_EQ(rd("123456789.0"), "1.23456789E8");
  EXPECT_EQ(rd("1e400"), "##Inf");
  EXPECT_EQ(rd("-1e400"), "##-Inf");
  EXPECT_EQ(rd("1e-400"), "0.0");
  EXPECT_EQ(rd("##Inf"), "##Inf");
  EXPECT_EQ(rd("##-Inf"), "##-Inf");
  EXPECT_EQ(rd("##NaN"), "##NaN");
  EXPECT_TRUE(read("1.5").is_double());
}

TEST_F(ReaderTest, BigDecimals) {
  EXPECT_EQ(rd("1.5M"), "1.5M");
  EXPECT_EQ(rd("1M"), "1M");
  EXPECT_EQ(rd("1.M"), "1M");
  EXPECT_EQ(rd("1.5e3M"), "1.5E+3M");
  EXPECT_EQ(rd("1E+2M"), "1E+2M");
  EXPECT_EQ(rd("1e2M"), "1E+2M");
  EXPECT_EQ(rd("0.0001M"), "0.0001M");
  EXPECT_EQ(rd("0.0000001M"), "1E-7M");
  EXPECT_EQ(rd("-1.23E-10M"), "-1.23E-10M");
  EXPECT_EQ(rd("100M"), "100M");
  EXPECT_EQ(rd("-0.0M"), "0.0M");
  EXPECT_EQ(rd("12.3400M"), "12.3400M");
  EXPECT_TRUE(is<BigDecimal>(read("1.5M")));
}

TEST_F(ReaderTest, NumberErrors) {
  EXPECT_DIAG("1.2.3", reader_invalid_number, "Invalid number: 1.2.3", 1u, 1u);
  EXPECT_DIAG("08", reader_invalid_number, "Invalid number: 08", 1u, 1u);
  EXPECT_DIAG("099", reader_invalid_number, "Invalid number: 099", 1u, 1u);
  EXPECT_DIAG("0x", reader_invalid_number, "Invalid number: 0x", 1u, 1u);
  EXPECT_DIAG("1/-2", reader_invalid_number, "Invalid number: 1/-2", 1u, 1u);
  EXPECT_DIAG("1.0e", reader_invalid_number, "Invalid number: 1.0e", 1u, 1u);
  EXPECT_DIAG("-1a", reader_invalid_number, "Invalid number: -1a", 1u, 1u);
  EXPECT_DIAG("  1a", reader_invalid_number, "Invalid number: 1a", 1u, 3u);
  EXPECT_DIAG("1/2N", reader_invalid_number, "Invalid number: 1/2N", 1u, 1u);
  EXPECT_DIAG("0.5/2", reader_invalid_number, "Invalid number: 0.5/2", 1u, 1u);
  EXPECT_DIAG("1_000", reader_invalid_number, "Invalid number: 1_000", 1u, 1u);
  EXPECT_DIAG("0r1", reader_invalid_number, "Invalid number: 0r1", 1u, 1u);
  EXPECT_DIAG("37r1", reader_invalid_number, "Radix out of range", 1u, 1u);
  EXPECT_DIAG("1r1", reader_invalid_number, "Radix out of range", 1u, 1u);
  EXPECT_DIAG("3r3", reader_invalid_number, "For input string: \"3\" under radix 3", 1u, 1u);
  EXPECT_DIAG("2r10N", reader_invalid_number, "For input string: \"10N\" under radix 2", 1u, 1u);
  EXPECT_DIAG("1/0", reader_invalid_number, "Divide by zero", 1u, 1u);
  EXPECT_DIAG("##Foo", reader_invalid_token, "Unknown symbolic value: ##Foo", 1u, 1u);
}

// ---- strings and characters ----

TEST_F(ReaderTest, Strings) {
  EXPECT_EQ(rd(R"("abc")"), R"("abc")");
  EXPECT_EQ(rd(R"("a\"b\\c\nd\te\rf\bg\fh")"), R"("a\"b\\c\nd\te\rf\bg\fh")");
  EXPECT_EQ(str_of(vm, read(R"("\u00e9")")), "é");
  EXPECT_EQ(str_of(vm, read(R"("\u00E9x")")), "éx");
  EXPECT_EQ(str_of(vm, read(R"("\123")")), "S");
  EXPECT_EQ(str_of(vm, read(R"("\0")")), std::string(1, '\0'));
  EXPECT_EQ(str_of(vm, read(R"("\377")")), "ÿ");
  EXPECT_EQ(str_of(vm, read(R"("\1234")")), "S4");
  EXPECT_EQ(str_of(vm, read("\"é😀\"")), "é😀");
  // A surrogate pair written as two escapes is one code point.
  EXPECT_EQ(str_of(vm, read(R"("\uD83D\uDE00")")), "😀");
  EXPECT_EQ(as<String>(read("\"é😀\""))->ncodepoints, 2u);
  EXPECT_EQ(str_of(vm, read("\"line1\nline2\"")), "line1\nline2");
}

TEST_F(ReaderTest, StringErrors) {
  EXPECT_DIAG("\"abc", reader_unterminated, "EOF while reading string", 1u, 1u);
  EXPECT_DIAG("(\n  \"abc", reader_unterminated, "EOF while reading string", 2u, 3u);
  EXPECT_DIAG(R"("a\q")", reader_invalid_escape, "Unsupported escape character: \\q", 1u, 3u);
  EXPECT_DIAG(R"("\u12")", reader_invalid_escape, "Invalid character length: 2, should be: 4", 1u, 2u);
  EXPECT_DIAG(R"("\u00")", reader_invalid_escape, "Invalid character length: 2, should be: 4", 1u, 2u);
  EXPECT_DIAG(R"("\uXYZW")", reader_invalid_escape, "Invalid unicode escape: \\uX", 1u, 2u);
  EXPECT_DIAG(R"("\400")", reader_invalid_escape, "Octal escape sequence must be in range [0, 377].", 1u, 2u);
  EXPECT_DIAG(R"("\8")", reader_invalid_escape, "Invalid digit: 8", 1u, 2u);
  EXPECT_DIAG(R"("\uD800")", reader_invalid_escape, "Invalid unicode escape: lone surrogate \\uD800", 1u, 2u);
  EXPECT_DIAG(R"("\uDC00")", reader_invalid_escape, "Invalid unicode escape: lone surrogate \\uDC00", 1u, 2u);
}

TEST_F(ReaderTest, Characters) {
  EXPECT_EQ(rd("\\a"), "\\a");
  EXPECT_EQ(read("\\a"), Value::character('a'));
  EXPECT_EQ(read("\\newline"), Value::character('\n'));
  EXPECT_EQ(read("\\space"), Value::character(' '));
  EXPECT_EQ(read("\\tab"), Value::character('\t'));
  EXPECT_EQ(read("\\backspace"), Value::character('\b'));
  EXPECT_EQ(read("\\formfeed"), Value::character('\f'));
  EXPECT_EQ(read("\\return"), Value::character('\r'));
  EXPECT_EQ(read("\\u00e9"), Value::character(0xE9));
  EXPECT_EQ(read("\\u00E9"), Value::character(0xE9));
  EXPECT_EQ(read("\\o123"), Value::character('S'));
  EXPECT_EQ(read("\\é"), Value::character(0xE9));
  EXPECT_EQ(read("\\x"), Value::character('x'));
  EXPECT_EQ(read("\\u"), Value::character('u'));
  EXPECT_EQ(read("\\ "), Value::character(' '));
  EXPECT_EQ(read("\\("), Value::character('('));
  // Clove characters are code points, so a character beyond the BMP reads (Java cannot).
  EXPECT_EQ(read("\\😀"), Value::character(0x1F600));
  EXPECT_EQ(rd("[\\a\\b]"), "[\\a \\b]");
  EXPECT_EQ(rd("(\\a)"), "(\\a)");
}

TEST_F(ReaderTest, CharacterErrors) {
  EXPECT_DIAG("\\newlin", reader_invalid_character, "Unsupported character: \\newlin", 1u, 1u);
  EXPECT_DIAG("\\abc", reader_invalid_character, "Unsupported character: \\abc", 1u, 1u);
  EXPECT_DIAG("\\", reader_unterminated, "EOF while reading character", 1u, 1u);
  EXPECT_DIAG("\\o400", reader_invalid_character, "Octal escape sequence must be in range [0, 377].", 1u, 1u);
  EXPECT_DIAG("\\o8", reader_invalid_character, "Invalid digit: 8", 1u, 1u);
  EXPECT_DIAG("\\o1234", reader_invalid_character, "Invalid octal escape sequence length: 4", 1u, 1u);
  EXPECT_DIAG("\\uD800", reader_invalid_character, "Invalid character constant: \\ud800", 1u, 1u);
  EXPECT_DIAG("\\u00", reader_invalid_character, "Invalid unicode character: \\u00", 1u, 1u);
  EXPECT_DIAG("\\u00g0", reader_invalid_character, "Invalid digit: g", 1u, 1u);
}

// ---- symbols and keywords ----

TEST_F(ReaderTest, SymbolsAndKeywords) {
  EXPECT_EQ(read("nil"), Value::nil());
  EXPECT_EQ(read("true"), Value::t());
  EXPECT_EQ(read("false"), Value::f());
  EXPECT_EQ(read("foo"), Value::object(vm.sym("foo")));
  EXPECT_EQ(read("foo/bar"), Value::object(vm.names.symbol("foo", "bar")));
  EXPECT_EQ(rd("a/b/c"), "a/b/c");
  EXPECT_EQ(as<Symbol>(read("a/b/c"))->ns_view(), "a");
  EXPECT_EQ(rd("/"), "/");
  EXPECT_EQ(rd("a//"), "a//");
  EXPECT_EQ(rd("-"), "-");
  EXPECT_EQ(rd("+"), "+");
  EXPECT_EQ(rd("+a"), "+a");
  EXPECT_EQ(rd(".5"), ".5");  // a symbol, as in Clojure
  EXPECT_EQ(rd("a:b"), "a:b");
  EXPECT_EQ(rd("a'b"), "a'b");
  EXPECT_EQ(rd("a#"), "a#");
  EXPECT_EQ(rd("é"), "é");
  EXPECT_EQ(read(":a"), Value::object(vm.kw("a")));
  EXPECT_EQ(read(":a/b"), Value::object(vm.names.keyword("a", "b")));
  EXPECT_EQ(rd(":1"), ":1");
  EXPECT_EQ(rd("::foo"), ":user/foo");
  EXPECT_EQ(read("::foo"), Value::object(vm.names.keyword("user", "foo")));
}

TEST_F(ReaderTest, AutoResolvedKeywordWithAlias) {
  Namespace* target = vm.find_or_create_ns(vm.sym("clojure.string"));
  vm.current_ns()->aliases[vm.sym("str")] = target;
  EXPECT_EQ(rd("::str/join"), ":clojure.string/join");
  EXPECT_DIAG("::nope/x", reader_invalid_token, "Invalid token: ::nope/x", 1u, 1u);
}

TEST_F(ReaderTest, InvalidTokens) {
  EXPECT_DIAG("a/", reader_invalid_token, "Invalid token: a/", 1u, 1u);
  EXPECT_DIAG("::", reader_invalid_token, "Invalid token: ::", 1u, 1u);
  EXPECT_DIAG(":", reader_invalid_token, "Invalid token: :", 1u, 1u);
  EXPECT_DIAG(":a:", reader_invalid_token, "Invalid token: :a:", 1u, 1u);
  EXPECT_DIAG("a::b", reader_invalid_token, "Invalid token: a::b", 1u, 1u);
  EXPECT_DIAG("x a/1", reader_invalid_token, "Invalid token: a/1", 1u, 3u);
}

// ---- collections ----

TEST_F(ReaderTest, Collections) {
  EXPECT_EQ(rd("(1 2 3)"), "(1 2 3)");
  EXPECT_EQ(rd("()"), "()");
  EXPECT_EQ(rd("[1 [2] ()]"), "[1 [2] ()]");
  EXPECT_EQ(rd("[]"), "[]");
  EXPECT_EQ(rd("{:a 1, :b 2}"), "{:a 1, :b 2}");
  EXPECT_EQ(rd("{}"), "{}");
  EXPECT_EQ(rd("#{}"), "#{}");
  EXPECT_EQ(rd("#{1}"), "#{1}");
  EXPECT_EQ(count(vm, read("#{1 2 3}")), 3);
  EXPECT_TRUE(is_list(read("(1)")));
  EXPECT_TRUE(is_vector(read("[1]")));
  EXPECT_TRUE(is_map(read("{1 2}")));
  EXPECT_TRUE(is_set(read("#{1}")));
  EXPECT_EQ(rd("(a,b,,c)"), "(a b c)");
  EXPECT_EQ(rd("{nil nil}"), "{nil nil}");
}

TEST_F(ReaderTest, CollectionErrors) {
  EXPECT_DIAG("(1 2", reader_unterminated, "EOF while reading, starting at line 1", 1u, 1u);
  EXPECT_DIAG("\n  [1 (2\n", reader_unterminated, "EOF while reading, starting at line 2", 2u, 6u);
  EXPECT_DIAG("[1 2)", reader_unmatched_delimiter, "Unmatched delimiter: )", 1u, 5u);
  EXPECT_DIAG(")", reader_unmatched_delimiter, "Unmatched delimiter: )", 1u, 1u);
  EXPECT_DIAG("(]", reader_unmatched_delimiter, "Unmatched delimiter: ]", 1u, 2u);
  EXPECT_DIAG("{:a}", reader_odd_map, "Map literal must contain an even number of forms", 1u, 1u);
  EXPECT_DIAG("{1 2 3}", reader_odd_map, "Map literal must contain an even number of forms", 1u, 1u);
  EXPECT_DIAG("{:a 1 :a 2}", reader_duplicate_key, "Duplicate key: :a", 1u, 7u);
  EXPECT_DIAG("{\"a\" 1 \"a\" 2}", reader_duplicate_key, "Duplicate key: a", 1u, 8u);
  EXPECT_DIAG("#{1 2 1}", reader_duplicate_key, "Duplicate key: 1", 1u, 7u);
  EXPECT_DIAG("#{1 1N}", reader_duplicate_key, "Duplicate key: 1", 1u, 5u);
}

// ---- reader macros ----

TEST_F(ReaderTest, QuoteFamily) {
  EXPECT_EQ(rd("'a"), "(quote a)");
  EXPECT_EQ(rd("''a"), "(quote (quote a))");
  EXPECT_EQ(rd("@a"), "(clojure.core/deref a)");
  EXPECT_EQ(rd("#'a"), "(var a)");
  EXPECT_EQ(rd("~a"), "(clojure.core/unquote a)");
  EXPECT_EQ(rd("~@a"), "(clojure.core/unquote-splicing a)");
  EXPECT_EQ(rd("' ;c\n a"), "(quote a)");
  EXPECT_DIAG("'", reader_unterminated, "EOF while reading", 1u, 1u);
  EXPECT_DIAG("(')", reader_unmatched_delimiter, "Unmatched delimiter: )", 1u, 3u);
}

TEST_F(ReaderTest, CommentsAndDiscard) {
  EXPECT_EQ(all("1 ;c\n2"), "1 | 2");
  EXPECT_EQ(rd("#_ 1 2"), "2");
  EXPECT_EQ(rd("[1 #_2 3]"), "[1 3]");
  EXPECT_EQ(rd("[1 #_ #_ 2 3 4]"), "[1 4]");
  EXPECT_EQ(rd("(1 ;x\n 2)"), "(1 2)");
  EXPECT_EQ(rd("#!shebang\n1"), "1");
  EXPECT_EQ(all(";only a comment"), "");
  EXPECT_EQ(all("#_1"), "");
  EXPECT_DIAG("#_", reader_unterminated, "EOF while reading", 1u, 1u);
  EXPECT_DIAG("[#_]", reader_unmatched_delimiter, "Unmatched delimiter: ]", 1u, 4u);
}

TEST_F(ReaderTest, Metadata) {
  Value v = read("^:a [1]");
  EXPECT_EQ(pr_str(vm, v), "[1]");
  EXPECT_EQ(pr_str(vm, meta(v)), "{:a true}");
  EXPECT_EQ(pr_str(vm, meta(read("^String x"))), "{:tag String}");
  EXPECT_EQ(pr_str(vm, meta(read("^\"[B\" x"))), "{:tag \"[B\"}");
  EXPECT_EQ(pr_str(vm, meta(read("^{:a 1} (x)"))), "{:a 1}");
  Value stacked = meta(read("^:a ^:b [1]"));
  EXPECT_EQ(count(vm, stacked), 2);
  EXPECT_EQ(get(vm, stacked, Value::object(vm.kw("a"))), Value::t());
  EXPECT_EQ(get(vm, stacked, Value::object(vm.kw("b"))), Value::t());
  // The outer metadata wins over the inner for the same key.
  EXPECT_EQ(pr_str(vm, meta(read("^{:a 1} ^{:a 2} x"))), "{:a 1}");
  EXPECT_EQ(pr_str(vm, meta(read("#^:a b"))), "{:a true}");
  EXPECT_DIAG("^1 x", reader_invalid_token, "Metadata must be Symbol,Keyword,String or Map", 1u, 2u);
  EXPECT_DIAG("^:a 1", reader_invalid_token, "Metadata can only be applied to IMetas", 1u, 5u);
  EXPECT_DIAG("^:a", reader_unterminated, "EOF while reading", 1u, 1u);
}

TEST_F(ReaderTest, FnLiteral) {
  EXPECT_EQ(norm(rd("#(+ % %2)")), "(fn* [p1__N# p2__N#] (+ p1__N# p2__N#))");
  EXPECT_EQ(norm(rd("#(+ %&)")), "(fn* [& rest__N#] (+ rest__N#))");
  EXPECT_EQ(norm(rd("#(%3)")), "(fn* [p1__N# p2__N# p3__N#] (p3__N#))");
  EXPECT_EQ(norm(rd("#(% %1)")), "(fn* [p1__N#] (p1__N# p1__N#))");
  EXPECT_EQ(norm(rd("#(%0)")), "(fn* [] (p0__N#))");
  EXPECT_EQ(norm(rd("#(foo)")), "(fn* [] (foo))");
  EXPECT_EQ(norm(rd("#(vector %1 %&)")), "(fn* [p1__N# & rest__N#] (vector p1__N# rest__N#))");
  // % and %1 are the same symbol.
  Value f = read("#(+ % %1)");
  Value params = nth(vm, f, 1);
  EXPECT_EQ(count(vm, params), 1);
  EXPECT_EQ(rd("%"), "%");  // outside #() a plain symbol
  EXPECT_EQ(rd("%foo"), "%foo");
  EXPECT_DIAG("#(#(%))", reader_invalid_dispatch, "Nested #()s are not allowed", 1u, 3u);
  EXPECT_DIAG("#(%a)", reader_invalid_token, "arg literal must be %, %& or %integer", 1u, 3u);
}

TEST_F(ReaderTest, Regex) {
  // A regex literal is read as a compiled Pattern holding its source as written.
  Value re = read(R"(#"a\d")");
  ASSERT_TRUE(is<Regex>(re));
  EXPECT_EQ(rd(R"(#"a\d")"), R"(#"a\d")");
  EXPECT_EQ(static_cast<Regex*>(read(R"(#"a\"b")").as_obj())->source->view(), R"(a\"b)");
  EXPECT_EQ(static_cast<Regex*>(read(R"(#"é+")").as_obj())->source->view(), "é+");
  EXPECT_DIAG("#\"abc", reader_unterminated, "EOF while reading regex", 1u, 1u);
  // A pattern that does not compile fails where it is read, its PatternSyntaxException
  // kept as the cause.
  EXPECT_DIAG("[1 #\"a(\"]", reader_invalid_regex, "Unclosed group near index 2\na(", 1u, 4u);
  ReaderOptions edn;
  edn.edn = true;
  EXPECT_THROW(read(R"(#"a")", edn), Diagnostic);
}

TEST_F(ReaderTest, SymbolicAndDispatchErrors) {
  EXPECT_DIAG("#x 1", reader_invalid_dispatch, "No reader function for tag x", 1u, 1u);
  EXPECT_DIAG("#foo/bar [1]", reader_invalid_dispatch, "No reader function for tag foo/bar", 1u, 1u);
  EXPECT_DIAG("#<foo>", reader_invalid_dispatch, "Unreadable form", 1u, 1u);
  EXPECT_DIAG("#)", reader_invalid_dispatch, "No dispatch macro for: )", 1u, 1u);
  EXPECT_DIAG("#=(+ 1 2)", reader_invalid_dispatch, "Read-time evaluation (#=) is not supported", 1u, 1u);
  EXPECT_DIAG("#", reader_unterminated, "EOF while reading character", 1u, 1u);
}

TEST_F(ReaderTest, TaggedLiterals) {
  Uuid* u = as<Uuid>(read("#uuid \"550E8400-e29b-41d4-a716-446655440000\""));
  ASSERT_NE(u, nullptr);
  EXPECT_EQ(u->msb, 0x550e8400e29b41d4ULL);
  EXPECT_EQ(u->lsb, 0xa716446655440000ULL);
  Inst* i = as<Inst>(read("#inst \"2020-01-02T03:04:05.006-00:00\""));
  ASSERT_NE(i, nullptr);
  EXPECT_EQ(i->ms, 1577934245006);
  EXPECT_EQ(as<Inst>(read("#inst \"1969-12-31T23:59:59.999Z\""))->ms, -1);
  EXPECT_EQ(as<Inst>(read("#inst \"2020-01-02T03:04:05+05:30\""))->ms, 1577914445000);
  EXPECT_EQ(as<Inst>(read("#inst \"2020\""))->ms, 1577836800000);
  EXPECT_TRUE(is<Uuid>(nth(vm, read("[#uuid \"0-0-0-0-0\"]"), 0)));
  EXPECT_TRUE(read("#?(:cljs #foo 1 :default nil)").is_nil());  // unread branch: any tag
  EXPECT_DIAG("#uuid \"x\"", reader_invalid_token, "Invalid UUID string: x", 1u, 7u);
  EXPECT_DIAG("#uuid 1", reader_invalid_token, "UUID literal expects a string as its representation.", 1u, 7u);
  EXPECT_DIAG("#uuid \"1-2-3-4-5-6\"", reader_invalid_token, "Invalid UUID string: 1-2-3-4-5-6", 1u, 7u);
  EXPECT_DIAG("#inst \"20\"", reader_invalid_token, "Unrecognized date/time syntax: 20", 1u, 7u);
  EXPECT_DIAG("#inst \"2020-13\"", reader_invalid_token, "failed: (<= 1 months 12)", 1u, 7u);
  EXPECT_DIAG("#inst \"2021-02-29\"", reader_invalid_token,
              "failed: (<= 1 days (days-in-month months (leap-year? years)))", 1u, 7u);
  EXPECT_DIAG("#inst :x", reader_invalid_token, "Instance literal expects a string for its timestamp.", 1u, 7u);
  EXPECT_DIAG("#uuid", reader_unterminated, "EOF while reading", 1u, 1u);
}

TEST_F(ReaderTest, NamespacedMaps) {
  EXPECT_EQ(rd("#:a{:b 1 :c/d 2 :_/e 3}"), "{:a/b 1, :c/d 2, :e 3}");
  EXPECT_EQ(rd("#:a{b 1}"), "{a/b 1}");
  EXPECT_EQ(rd("#:a{1 1}"), "{1 1}");
  EXPECT_EQ(rd("#:a {:b 1}"), "{:a/b 1}");
  EXPECT_EQ(rd("#::{:a 1}"), "{:user/a 1}");
  Namespace* target = vm.find_or_create_ns(vm.sym("clojure.set"));
  vm.current_ns()->aliases[vm.sym("set")] = target;
  EXPECT_EQ(rd("#::set{:a 1}"), "{:clojure.set/a 1}");
  EXPECT_DIAG("#: a{:b 1}", reader_invalid_token, "Namespaced map must specify a namespace", 1u, 1u);
  EXPECT_DIAG("#:{:b 1}", reader_invalid_token, "Namespaced map must specify a namespace", 1u, 1u);
  EXPECT_DIAG("#:{##NaN 1}", reader_invalid_token, "Namespaced map must specify a namespace", 1u, 1u);
  EXPECT_DIAG("#:a [1]", reader_invalid_token, "Namespaced map must specify a map", 1u, 1u);
  EXPECT_DIAG("#:a{:b 1 :b 2}", reader_duplicate_key, "Duplicate key: :a/b", 1u, 10u);
  EXPECT_DIAG("#:a{:b}", reader_odd_map, "Namespaced map literal must contain an even number of forms", 1u, 4u);
  EXPECT_DIAG("#::nope{:b 1}", reader_invalid_token, "Unknown auto-resolved namespace alias: nope", 1u, 1u);
}

TEST_F(ReaderTest, ReaderConditionals) {
  EXPECT_EQ(rd("#?(:clove 1 :clj 2)"), "1");
  EXPECT_EQ(rd("#?(:clj 2 :clove 1)"), "2");  // :clj is a feature too: the first match wins
  EXPECT_EQ(rd("#?(:cljs 3 :clj 2)"), "2");
  EXPECT_EQ(rd("#?(:cljs 1 :default 2)"), "2");
  EXPECT_EQ(rd("#?(:default 2 :clove 1)"), "2");  // the first match wins
  EXPECT_EQ(rd("[#?(:cljs 1)]"), "[]");
  EXPECT_EQ(rd("(#?(:cljs 1) 2)"), "(2)");
  EXPECT_EQ(all("#?(:cljs 1) 2"), "2");
  EXPECT_EQ(rd("[#?@(:clove [1 2]) 3]"), "[1 2 3]");
  EXPECT_EQ(rd("[#?@(:clove (1 2)) 3]"), "[1 2 3]");
  EXPECT_EQ(rd("{#?@(:clove [:a 1])}"), "{:a 1}");
  EXPECT_EQ(rd("#?(:cljs #foo 1 :clove 2)"), "2");  // unknown tags skipped where not selected
  EXPECT_EQ(rd("#?(:cljs ::nope/x :clove 2)"), "2");
  EXPECT_EQ(rd("#?(:clove #?(:clove 1))"), "1");
  EXPECT_EQ(rd("#? (:clove 1)"), "1");
  EXPECT_EQ(rd("#?(:clove 1 :clove 2)"), "1");
  ReaderOptions no_clove;
  no_clove.clove_features = false;
  EXPECT_EQ(rd("#?(:clove 1 :default 2)", no_clove), "2");
}

TEST_F(ReaderTest, ReaderConditionalErrors) {
  EXPECT_DIAG("#?@(:clove [1 2])", reader_invalid_conditional, "Reader conditional splicing not allowed at the top level.", 1u, 1u);
  EXPECT_DIAG("[#?@(:clove 1) 3]", reader_invalid_conditional, "Spliced form in read-cond-splicing must be a list or vector", 1u, 13u);
  EXPECT_DIAG("#?(:clove)", reader_invalid_conditional, "read-cond requires an even number of forms.", 1u, 1u);
  EXPECT_DIAG("#?[:clove 1]", reader_invalid_conditional, "read-cond body must be a list", 1u, 1u);
  EXPECT_DIAG("#?x", reader_invalid_conditional, "read-cond body must be a list", 1u, 1u);
  EXPECT_DIAG("#?(1 2)", reader_invalid_conditional, "Feature should be a keyword: 1", 1u, 4u);
  EXPECT_DIAG("#?(:else 2)", reader_invalid_conditional, "Feature name :else is reserved.", 1u, 4u);
  EXPECT_DIAG("#?", reader_unterminated, "EOF while reading character", 1u, 1u);
  EXPECT_DIAG("#?(:clove 1", reader_unterminated, "EOF while reading, starting at line 1", 1u, 1u);
  EXPECT_DIAG("[#?@(:clove [1 2)]", reader_unmatched_delimiter, "Unmatched delimiter: )", 1u, 17u);
}

// ---- syntax-quote ----

TEST_F(ReaderTest, SyntaxQuoteBasics) {
  EXPECT_EQ(rd("`a"), "(quote user/a)");
  EXPECT_EQ(rd("`str"), "(quote clojure.core/str)");  // resolves to the var's namespace
  EXPECT_EQ(rd("`clojure.core/map"), "(quote clojure.core/map)");
  EXPECT_EQ(rd("`foo/bar"), "(quote foo/bar)");
  EXPECT_EQ(rd("`def"), "(quote def)");
  EXPECT_EQ(rd("`fn*"), "(quote fn*)");
  EXPECT_EQ(rd("`&"), "(quote &)");
  EXPECT_EQ(rd("`catch"), "(quote catch)");
  EXPECT_EQ(rd("`."), "(quote .)");
  EXPECT_EQ(rd("`Foo."), "(quote Foo.)");
  EXPECT_EQ(rd("`.foo"), "(quote .foo)");
  EXPECT_EQ(rd("`a.b"), "(quote a.b)");
  EXPECT_EQ(rd("`java.lang.String"), "(quote java.lang.String)");
  EXPECT_EQ(rd("`Exception"), "(quote Exception)");  // Clojure: java.lang.Exception
  EXPECT_EQ(rd("`ArithmeticException"), "(quote ArithmeticException)");
  EXPECT_EQ(rd("`:a"), ":a");
  EXPECT_EQ(rd("`1"), "1");
  EXPECT_EQ(rd("`\"s\""), "\"s\"");
  EXPECT_EQ(rd("`\\a"), "\\a");
  EXPECT_EQ(rd("`nil"), "(quote nil)");
  EXPECT_EQ(rd("`true"), "(quote true)");
  EXPECT_EQ(rd("`()"), "(clojure.core/list)");
  EXPECT_EQ(rd("`x/y#"), "(quote x/y#)");
}

TEST_F(ReaderTest, SyntaxQuoteCollections) {
  EXPECT_EQ(rd("`(a ~b ~@c)"),
            "(clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)) (clojure.core/list b) c))");
  EXPECT_EQ(rd("`[a]"),
            "(clojure.core/apply clojure.core/vector (clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)))))");
  EXPECT_EQ(rd("`{a 1}"),
            "(clojure.core/apply clojure.core/hash-map (clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)) (clojure.core/list 1))))");
  EXPECT_EQ(rd("`#{a}"),
            "(clojure.core/apply clojure.core/hash-set (clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)))))");
  EXPECT_EQ(rd("`(a & b)"),
            "(clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)) (clojure.core/list (quote &)) (clojure.core/list (quote user/b))))");
  EXPECT_EQ(rd("`~a"), "a");
  EXPECT_EQ(rd("`^:m x"), "(clojure.core/with-meta (quote user/x) (clojure.core/apply clojure.core/hash-map (clojure.core/seq (clojure.core/concat (clojure.core/list :m) (clojure.core/list (quote true))))))");
  EXPECT_DIAG("`~@a", reader_invalid_token, "splice not in list", 1u, 2u);
}

TEST_F(ReaderTest, SyntaxQuoteGensyms) {
  EXPECT_EQ(norm(rd("`x#")), "(quote x__N__auto__)");
  std::string two = rd("`(x# x# y#)");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(two, m, std::regex(R"(x__(\d+)__auto__\)\) \(clojure.core/list \(quote x__(\d+)__auto__)")));
  EXPECT_EQ(m[1], m[2]);  // one gensym per name within a syntax-quote
  // Separate syntax-quotes get separate gensyms.
  EXPECT_NE(rd("`x#"), rd("`x#"));
  // #() args inside a syntax-quote end in # and become auto-gensyms too, consistently.
  std::string f = rd("`#(inc %)");
  EXPECT_NE(f.find("p1__"), std::string::npos);
  EXPECT_EQ(f.find("p1__" + std::string("0#")), std::string::npos);
  EXPECT_EQ(rd("x#"), "x#");  // outside a syntax-quote it is a plain symbol
}

TEST_F(ReaderTest, SyntaxQuoteResolvesAliases) {
  Namespace* target = vm.find_or_create_ns(vm.sym("clojure.string"));
  vm.current_ns()->aliases[vm.sym("s")] = target;
  EXPECT_EQ(rd("`s/join"), "(quote clojure.string/join)");
  EXPECT_EQ(rd("`clojure.string/join"), "(quote clojure.string/join)");
  Var* v = vm.intern(vm.current_ns(), vm.sym("my-var"));
  (void)v;
  EXPECT_EQ(rd("`my-var"), "(quote user/my-var)");
  EXPECT_EQ(rd("`+"), "(quote clojure.core/+)");
}

// ---- positions ----

TEST_F(ReaderTest, PositionsOfForms) {
  Value form = read("(foo\n  (bar baz)\n  [1 é x])");
  SourcePos p = vm.source_map.lookup(form);
  EXPECT_EQ(p.line, 1u);
  EXPECT_EQ(p.col, 1u);
  EXPECT_EQ(vm.source_map.element(form, 0).col, 2u);  // foo
  SourcePos bar = vm.source_map.element(form, 1);
  EXPECT_EQ(bar.line, 2u);
  EXPECT_EQ(bar.col, 3u);
  Value inner = nth(vm, form, 1);
  EXPECT_EQ(vm.source_map.lookup(inner).line, 2u);
  EXPECT_EQ(vm.source_map.element(inner, 1).col, 8u);  // baz
  Value vec = nth(vm, form, 2);
  EXPECT_EQ(vm.source_map.lookup(vec).line, 3u);
  // Columns count code points: x follows the 2-byte é.
  EXPECT_EQ(vm.source_map.element(vec, 2).col, 8u);
  EXPECT_EQ(p.file, vm.source_map.lookup(vec).file);
  EXPECT_NE(p.file, 0u);
}

TEST_F(ReaderTest, PositionsOfMacroForms) {
  Value q = read("  'x");
  EXPECT_EQ(vm.source_map.lookup(q).col, 3u);
  EXPECT_EQ(vm.source_map.element(q, 1).col, 4u);
  Value m = read("^:a (f x)");
  EXPECT_EQ(vm.source_map.lookup(m).col, 5u);
  EXPECT_EQ(vm.source_map.element(m, 1).col, 8u);
  Value fn = read("#(f %)");
  EXPECT_EQ(vm.source_map.lookup(fn).col, 1u);
  Value body = nth(vm, fn, 2);
  EXPECT_EQ(vm.source_map.lookup(body).col, 2u);
  EXPECT_EQ(vm.source_map.element(body, 1).col, 5u);
  Value spliced = read("[#?@(:clove [a\n b])]");
  EXPECT_EQ(vm.source_map.element(spliced, 1).line, 2u);
  EXPECT_EQ(vm.source_map.element(spliced, 1).col, 2u);
  Value map = read("{:a\n (f)}");
  EXPECT_EQ(vm.source_map.element(map, 1).line, 2u);
}

TEST_F(ReaderTest, ReadsFormsOneAtATime) {
  EXPECT_EQ(all("1 (2) [3] {:a 4} #{5} \"s\" \\c :k sym"), "1 | (2) | [3] | {:a 4} | #{5} | \"s\" | \\c | :k | sym");
  EXPECT_EQ(all(""), "");
  EXPECT_EQ(all("  \n\t, "), "");
  EXPECT_EQ(read_one(vm, "1 2"), Value::small_int(1));
  EXPECT_EQ(read_one(vm, "   "), Value::nil());
}

// ---- limits and malformed input ----

TEST_F(ReaderTest, DeepNestingIsAnErrorNotACrash) {
#if defined(__SANITIZE_ADDRESS__)
  const size_t ok_depth = 1000;  // AddressSanitizer's frames are several times larger
#else
  const size_t ok_depth = 2000;
#endif
  std::string ok(ok_depth, '[');
  ok += std::string(ok_depth, ']');
  EXPECT_TRUE(is_vector(read(ok)));
  // 10,000 levels at most; fewer when the C++ stack would run short first (debug builds).
  std::string deep(200000, '(');
  Diagnostic d = err(deep);
  EXPECT_EQ(d.kind, DiagKind::reader_too_deep);
  EXPECT_EQ(std::string(d.what()).rfind("Forms nested too deeply: more than ", 0), 0u);
  EXPECT_LE(d.pos.col, 10002u);
  EXPECT_GE(d.pos.col, 1000u);
  std::string quotes(200000, '\'');
  quotes += "x";
  EXPECT_EQ(err(quotes).kind, DiagKind::reader_too_deep);
  ReaderOptions small;
  small.max_depth = 3;
  EXPECT_DIAG_OPTS("[[[[1]]]]", small, reader_too_deep, "Forms nested too deeply: more than 3 levels", 1u, 5u);
  EXPECT_EQ(rd("[[[1]]]", small), "[[[1]]]");
}

TEST_F(ReaderTest, InvalidUtf8) {
  EXPECT_DIAG("(a \xff)", reader_invalid_character, "Invalid UTF-8 byte in source: 0xFF", 1u, 4u);
  EXPECT_DIAG("\"\xc3\"", reader_invalid_character, "Invalid UTF-8 byte in source: 0xC3", 1u, 2u);
}

TEST_F(ReaderTest, Whitespace) {
  EXPECT_EQ(count(vm, read("[a\u00a0b]")), 1);  // no-break space is not whitespace (as in Java)
  EXPECT_EQ(count(vm, read("[1\u20282]")), 2);  // line separator is whitespace
  EXPECT_EQ(count(vm, read("[1\f2\v3]")), 3);
}

TEST_F(ReaderTest, RoundTrips) {
  const char* forms[] = {
      "nil", "true", "false", "42", "-7", "1.5", "-0.0", "1.0E10", "1.0E-5", "##NaN", "##Inf", "##-Inf",
      "1N", "123456789012345678901234567890N", "1/3", "-2/7", "1.5M", "1E+3M", "\\a", "\\newline", "\\é",
      "\"a\\\"b\\\\c\\nd\"", "\"é😀\"", ":a", ":a/b", "a", "a/b", "()", "(1 (2 [3 {:a #{4}}]))",
      "[nil true \"x\"]", "{:a 1, :b [2 3]}", "(quote x)", "(fn* [p1__1#] p1__1#)",
  };
  for (const char* f : forms) {
    std::string once = rd(f);
    EXPECT_EQ(once, f);
    Value a = read(f), b = read(once);
    if (!(a.is_double() && std::isnan(a.as_double()))) EXPECT_TRUE(equiv(vm, a, b)) << f;
  }
}

TEST_F(ReaderTest, RandomBytesNeverCrash) {
  // A small in-process fuzz: any input either reads or raises a Diagnostic.
  uint32_t seed = 12345;
  const char alphabet[] = "()[]{}#?@^`~'\\\";:%&_/.0123456789abcxyzNMr+- \n\xc3\xa9\xff";
  for (int iter = 0; iter < 3000; ++iter) {
    std::string s;
    int len = static_cast<int>((seed = seed * 1103515245u + 12345u) >> 16) % 24;
    for (int i = 0; i < len; ++i) s += alphabet[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof alphabet - 1)];
    uint32_t file = vm.sources.add("fuzz", s);
    Reader r(vm, env, vm.sources.text(file), file);
    Value v;
    try {
      while (r.next(&v)) pr_str(vm, v);
    } catch (const Diagnostic&) {
    } catch (const CloveError&) {
    }
  }
  SUCCEED();
}

// ---- ReaderEnv: names, gensym numbers and positions come from the env ----

/// A ReaderEnv with no namespaces behind it: a fixed current namespace and tables of
/// aliases, namespaces, vars and classes, a gensym counter of its own and, optionally,
/// a source map of its own. Its answers differ from the State's, so a reader that
/// consulted the State instead would read differently.
class TableEnv final : public ReaderEnv {
 public:
  explicit TableEnv(State& vm) : vm_(vm) {}

  std::string current = "my.app";  // empty: no current namespace
  std::unordered_map<std::string, std::string> aliases;  // alias -> namespace name
  std::unordered_set<std::string> namespaces;
  std::unordered_map<std::string, std::string> vars;  // simple name -> its namespace
  std::unordered_set<std::string> classes;
  uint64_t counter = 1000;
  int gensyms_asked = 0;
  SourceMap* positions = nullptr;

  Symbol* current_ns() override {
    return current.empty() ? nullptr : vm_.names.symbol({}, current);
  }
  Symbol* resolve_alias(Symbol* alias) override {
    auto it = aliases.find(std::string(alias->name_view()));
    return it == aliases.end() ? nullptr : vm_.names.symbol({}, it->second);
  }
  bool namespace_exists(Symbol* name) override {
    return namespaces.count(std::string(name->name_view())) > 0;
  }
  Symbol* resolve_class(Symbol* sym) override {
    return classes.count(std::string(sym->name_view())) ? sym : nullptr;
  }
  Symbol* resolve_var(Symbol* sym) override {
    auto it = vars.find(std::string(sym->name_view()));
    return it == vars.end() ? nullptr : vm_.names.symbol(it->second, sym->name_view());
  }
  uint64_t next_gensym_id() override {
    ++gensyms_asked;
    return ++counter;
  }
  SourceMap* source_map() override { return positions; }

 private:
  State& vm_;
};

class ReaderEnvTest : public ReaderTest {
 protected:
  TableEnv table{vm};

  void SetUp() override {
    // The State's user namespace: s and str are aliases, helper a var of its own.
    vm.current_ns()->aliases[vm.sym("s")] = vm.find_or_create_ns(vm.sym("clojure.set"));
    vm.current_ns()->aliases[vm.sym("str")] = vm.find_or_create_ns(vm.sym("clojure.string"));
    vm.intern(vm.current_ns(), vm.sym("helper"));
    // The table: another current namespace, alias and vars; no namespace of the State.
    table.aliases = {{"s", "some.lib"}};
    table.namespaces = {"other.ns"};
    table.vars = {{"map", "my.core"}, {"helper", "my.util"}};
    table.classes = {"Widget"};
  }
  /// The first form of src, read through `table`.
  Value read_env(std::string_view src) {
    uint32_t file = vm.sources.add("env.clj", std::string(src));
    Reader r(vm, table, vm.sources.text(file), file);
    Value v;
    EXPECT_TRUE(r.next(&v)) << "no form in: " << src;
    return v;
  }
  std::string rd_env(std::string_view src) { return pr_str(vm, read_env(src)); }
  /// The message of the Diagnostic reading src through `table` throws.
  std::string err_env(std::string_view src) {
    uint32_t file = vm.sources.add("env.clj", std::string(src));
    Reader r(vm, table, vm.sources.text(file), file);
    Value v;
    try {
      while (r.next(&v)) {
      }
    } catch (const Diagnostic& d) {
      return d.what();
    }
    ADD_FAILURE() << "no error reading: " << src;
    return "";
  }
};

TEST_F(ReaderEnvTest, AutoResolvedKeywordsAskTheEnv) {
  EXPECT_EQ(rd("::kw"), ":user/kw");  // the State's answer, for contrast
  EXPECT_EQ(rd_env("::kw"), ":my.app/kw");
  EXPECT_EQ(rd("::s/kw"), ":clojure.set/kw");
  EXPECT_EQ(rd_env("::s/kw"), ":some.lib/kw");
  EXPECT_EQ(err_env("::str/join"), "Invalid token: ::str/join");  // an alias of the State only
  EXPECT_EQ(rd_env("#?(:cljs ::str/join :clove 1)"), "1");
  EXPECT_EQ(rd_env("#::{:a 1}"), "{:my.app/a 1}");
  EXPECT_EQ(rd_env("#::s{:a 1}"), "{:some.lib/a 1}");
  EXPECT_EQ(rd_env("#::other.ns{:a 1}"), "{:other.ns/a 1}");  // a namespace's full name
  EXPECT_EQ(rd("#::clojure.core{:a 1}"), "{:clojure.core/a 1}");
  EXPECT_EQ(err_env("#::clojure.core{:a 1}"), "Unknown auto-resolved namespace alias: clojure.core");
  EXPECT_EQ(err_env("#::str{:a 1}"), "Unknown auto-resolved namespace alias: str");
}

TEST_F(ReaderEnvTest, SyntaxQuoteQualifiesThroughTheEnv) {
  EXPECT_EQ(rd_env("`foo"), "(quote my.app/foo)");
  EXPECT_EQ(rd_env("`map"), "(quote my.core/map)");
  EXPECT_EQ(rd("`helper"), "(quote user/helper)");
  EXPECT_EQ(rd_env("`helper"), "(quote my.util/helper)");
  EXPECT_EQ(rd("`str"), "(quote clojure.core/str)");
  EXPECT_EQ(rd_env("`str"), "(quote my.app/str)");  // the State's clojure.core is not asked
  EXPECT_EQ(rd_env("`s/join"), "(quote some.lib/join)");
  EXPECT_EQ(rd_env("`str/join"), "(quote str/join)");
  EXPECT_EQ(rd_env("`Widget"), "(quote Widget)");
  EXPECT_EQ(rd("`Exception"), "(quote Exception)");
  EXPECT_EQ(rd_env("`Exception"), "(quote my.app/Exception)");  // classes come from the env too
  // The language's own rules need no env: special forms, member and class-like names.
  EXPECT_EQ(rd_env("`if"), "(quote if)");
  EXPECT_EQ(rd_env("`.foo"), "(quote .foo)");
  EXPECT_EQ(rd_env("`Foo."), "(quote Foo.)");
  EXPECT_EQ(rd_env("`a.b"), "(quote a.b)");
  EXPECT_EQ(rd_env("`[foo ~x]"),
            "(clojure.core/apply clojure.core/vector (clojure.core/seq (clojure.core/concat "
            "(clojure.core/list (quote my.app/foo)) (clojure.core/list x))))");
}

TEST_F(ReaderEnvTest, NoCurrentNamespace) {
  table.current.clear();
  EXPECT_EQ(rd_env("`foo"), "(quote foo)");
  EXPECT_EQ(rd_env("`map"), "(quote map)");  // vars are resolved from the current namespace only
  EXPECT_EQ(rd_env("`Widget"), "(quote Widget)");
  EXPECT_EQ(rd_env("`s/join"), "(quote some.lib/join)");
  EXPECT_EQ(rd_env("::s/kw"), ":some.lib/kw");
  EXPECT_EQ(err_env("::kw"), "Invalid token: ::kw");
  EXPECT_EQ(err_env("#::{:a 1}"), "No current namespace for #::{}");
}

TEST_F(ReaderEnvTest, GensymNumbersComeFromTheEnv) {
  uint64_t before = vm.next_id();
  std::string let = rd_env("`(let [x# 1] x#)");
  EXPECT_EQ(table.gensyms_asked, 1);  // one per name per syntax-quote
  size_t at = let.find("(quote x__1001__auto__)");
  ASSERT_NE(at, std::string::npos) << let;
  EXPECT_NE(let.find("(quote x__1001__auto__)", at + 1), std::string::npos) << let;
  EXPECT_EQ(rd_env("#(+ % %2 %&)"),
            "(fn* [p1__1002# p2__1003# & rest__1004#] (+ p1__1002# p2__1003# rest__1004#))");
  EXPECT_EQ(rd_env("#(f %2)"), "(fn* [p1__1006# p2__1005#] (f p2__1005#))");  // %1 named last
  EXPECT_EQ(table.gensyms_asked, 6);
  EXPECT_EQ(vm.next_id(), before + 1);  // the State's counter did not move
}

TEST_F(ReaderEnvTest, PositionsGoToTheEnvsSourceMap) {
  SourceMap own;
  table.positions = &own;
  Value form = read_env("(a\n [b c])");
  EXPECT_EQ(own.lookup(form).line, 1u);
  EXPECT_EQ(own.element(form, 1).line, 2u);
  EXPECT_EQ(own.element(form, 1).col, 2u);
  EXPECT_FALSE(vm.source_map.lookup(form).known());
  Value meta_form = read_env("^:m [x]");  // with-meta re-makes the vector: its entry moves along
  EXPECT_EQ(own.lookup(meta_form).col, 5u);

  // No source map: the same forms, no positions anywhere.
  table.positions = nullptr;
  Value bare = read_env("(a [b c] #{d} {:e 1} ^:m [f] #(g %) [#?@(:clove [1 2])] `[h])");
  EXPECT_EQ(pr_str(vm, bare),
            "(a [b c] #{d} {:e 1} [f] (fn* [p1__1001#] (g p1__1001#)) [1 2] (clojure.core/apply "
            "clojure.core/vector (clojure.core/seq (clojure.core/concat (clojure.core/list (quote my.app/h))))))");
  EXPECT_FALSE(vm.source_map.lookup(bare).known());
  EXPECT_FALSE(own.lookup(bare).known());
}

}  // namespace

// ---- SourceMap: the table itself (probing, deletion, element pool compaction) ----

TEST(SourceMapTable, RecordLookupForgetCopyAndCompaction) {
  SourceMap sm;
  constexpr int kN = 6000;
  std::vector<Obj> objs;
  objs.reserve(kN + 1);
  for (int i = 0; i <= kN; ++i) objs.emplace_back(ObjType::List);
  auto pos = [](int i, int k) { return SourcePos{1, static_cast<uint32_t>(i + 1), static_cast<uint32_t>(k + 1)}; };
  for (int i = 0; i < kN; ++i) {
    std::vector<SourcePos> els;
    for (int k = 0; k < i % 4; ++k) els.push_back(pos(i, k + 1));
    sm.record(&objs[i], pos(i, 0), els);
  }
  EXPECT_EQ(sm.size(), static_cast<size_t>(kN));
  // An object without kFlagSourcePos is never looked up.
  EXPECT_FALSE(sm.lookup(Value::object(&objs[kN])).known());
  // Forget 3 in 4, keeping those with 2 elements: 2/3 of the pool dies, so it is compacted.
  for (int i = 0; i < kN; ++i)
    if (i % 4 != 2) sm.forget(&objs[i]);
  EXPECT_EQ(sm.size(), static_cast<size_t>(kN / 4));
  for (int i = 0; i < kN; ++i) {
    Value v = Value::object(&objs[i]);
    if (i % 4 != 2) {
      EXPECT_FALSE(sm.lookup(v).known()) << i;
      continue;
    }
    EXPECT_EQ(sm.lookup(v).line, static_cast<uint32_t>(i + 1)) << i;
    for (int k = 0; k < 2; ++k) EXPECT_EQ(sm.element(v, k).col, static_cast<uint32_t>(k + 2)) << i;
    EXPECT_EQ(sm.element(v, 2).col, 1u) << i;  // past the elements: the form's own position
  }
  // copy gives another object the same entry; record again replaces an entry.
  sm.copy(&objs[2], &objs[kN]);
  EXPECT_EQ(sm.lookup(Value::object(&objs[kN])).line, 3u);
  EXPECT_EQ(sm.element(Value::object(&objs[kN]), 1).col, 3u);
  SourcePos one[] = {pos(99, 5)};
  sm.record(&objs[2], pos(99, 0), one);
  EXPECT_EQ(sm.lookup(Value::object(&objs[2])).line, 100u);
  EXPECT_EQ(sm.element(Value::object(&objs[2]), 0).col, 6u);
  EXPECT_EQ(sm.element(Value::object(&objs[2]), 1).col, 1u);
  EXPECT_EQ(sm.element(Value::object(&objs[kN]), 1).col, 3u);  // the copy is independent
  sm.forget(&objs[kN]);
  sm.forget(&objs[kN]);  // forgetting twice is harmless
  EXPECT_FALSE(sm.lookup(Value::object(&objs[kN])).known());
}
