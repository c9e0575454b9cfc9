// reader_hostile_test.cpp: the reader on hostile input: nested syntax-quotes whose
// expansion would grow without bound, control characters, byte order marks and huge
// literals with duplicate keys. Each must give a reader error with its position (or
// read normally), quickly and in bounded memory: never a crash or a hang.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "api/runtime.h"
#include "core/source.h"
#include "reader/reader.h"
#include "reader_test_support.h"
#include "reader/reader_env.h"
#include "runtime/coll/coll.h"
#include "runtime/print/print.h"

using namespace clove;

namespace {

class ReaderHostileTest : public reader_test::ReaderFixture {
 protected:
  /// `(`(`( ... body ...)))` with `levels` syntax-quoted lists.
  static std::string nested_syntax_quotes(int levels, const std::string& body) {
    std::string s = "(";
    for (int i = 0; i < levels; ++i) s += "`(";
    s += body;
    s += std::string(levels + 1, ')');
    return s;
  }
};

bool starts_with(const Diagnostic& d, std::string_view prefix) {
  return std::string_view(d.what()).starts_with(prefix);
}

// ---- syntax-quote ----

TEST_F(ReaderHostileTest, DeeplyNestedSyntaxQuotesAreAnErrorNotACrash) {
  // 1,000 levels (a 3 KB file): each level's expansion nests the code of the one inside
  // about three times deeper, so the C++ recursion of the expansion ran out of stack.
  std::string src = nested_syntax_quotes(1000, "a");
  Diagnostic d = err(src);
  EXPECT_EQ(d.kind, DiagKind::reader_too_deep);
  // Whichever bound it reaches first: the nesting or the size (both grow geometrically).
  EXPECT_TRUE(starts_with(d, "Syntax-quote expansion nested too deeply: more than ") ||
              starts_with(d, "Syntax-quote expansion too large: more than "))
      << d.what();
  // It points at the backquote whose expansion went too far: one of the innermost.
  EXPECT_EQ(d.pos.line, 1u);
  EXPECT_EQ(src[d.pos.col - 1], '`');
  EXPECT_GT(d.pos.col, 1900u);
}

TEST_F(ReaderHostileTest, SyntaxQuoteDepthFollowsMaxDepth) {
  ReaderOptions small;
  small.max_depth = 4;
  // ``(a) reads 3 levels deep, but the outer backquote expands what the inner one made,
  // (seq (concat (list (quote a)))): 5 levels.
  Diagnostic d = err("``(a)", small);
  EXPECT_EQ(d.kind, DiagKind::reader_too_deep);
  EXPECT_EQ(std::string(d.what()), "Syntax-quote expansion nested too deeply: more than 4 levels");
  EXPECT_EQ(d.pos.col, 1u);
  EXPECT_EQ(all("`(a b)"), "(clojure.core/seq (clojure.core/concat (clojure.core/list (quote user/a)) "
                           "(clojure.core/list (quote user/b))))");
}

TEST_F(ReaderHostileTest, SyntaxQuoteExpansionSizeIsBounded) {
  // Six levels around 100 symbols: shallow enough for the depth bound, but each level
  // multiplies the size of the code: unchecked it built gigabytes of forms.
  std::string body;
  for (int i = 0; i < 100; ++i) body += "a ";
  auto start = std::chrono::steady_clock::now();
  Diagnostic d = err("\n " + nested_syntax_quotes(6, body));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(d.kind, DiagKind::reader_too_deep);
  EXPECT_EQ(std::string(d.what()), "Syntax-quote expansion too large: more than 250000 forms");
  EXPECT_EQ(d.pos.line, 2u);
  EXPECT_EQ(d.pos.col, 3u);  // the outermost backquote: the inner five expanded within bounds
  EXPECT_LT(secs, 30.0);
  // Five levels expand (JVM Clojure compiles that too).
  EXPECT_FALSE(all(nested_syntax_quotes(5, body)).empty());
}

// ---- control characters ----

TEST_F(ReaderHostileTest, NulBetweenFormsIsAReaderError) {
  using namespace std::string_literals;
  Diagnostic d = err("(println 1)\0(println 2)"s);
  EXPECT_EQ(d.kind, DiagKind::reader_invalid_character);
  EXPECT_EQ(std::string(d.what()), "Invalid control character in source: U+0000");
  EXPECT_EQ(d.pos.line, 1u);
  EXPECT_EQ(d.pos.col, 12u);
}

TEST_F(ReaderHostileTest, ControlCharactersOutsideLiteralsAreReaderErrors) {
  using namespace std::string_literals;
  struct Case {
    std::string src, msg;
    uint32_t line, col;
  } cases[] = {
      {"[a\001b]", "Invalid control character in source: U+0001", 1, 3},
      {"x\n  :k\x1b[31m", "Invalid control character in source: U+001B", 2, 5},
      {"(def x\x7f 1)", "Invalid control character in source: U+007F", 1, 7},
      {"[1 \xc2\x85]", "Invalid control character in source: U+0085", 1, 4},  // NEL
      {"12\x02", "Invalid control character in source: U+0002", 1, 3},
      {"#\0x"s, "Invalid control character in source: U+0000", 1, 2},
      {"#\x08tag 1", "Invalid control character in source: U+0008", 1, 2},
      {"\\a\0"s, "Invalid control character in source: U+0000", 1, 3},
  };
  for (const Case& c : cases) {
    Diagnostic d = err(c.src);
    EXPECT_EQ(d.kind, DiagKind::reader_invalid_character) << c.src;
    EXPECT_EQ(std::string(d.what()), c.msg) << c.src;
    EXPECT_EQ(d.pos.line, c.line) << c.src;
    EXPECT_EQ(d.pos.col, c.col) << c.src;
  }
}

TEST_F(ReaderHostileTest, ControlCharactersInsideLiteralsAndWhitespaceAreKept) {
  using namespace std::string_literals;
  // Strings, regexes, comments and a character literal's one character hold anything,
  // as in Clojure; \t \n \v \f \r and U+001C..U+001F are whitespace.
  EXPECT_EQ(all("\"a\001b\""), "\"a\001b\"");
  EXPECT_EQ(all("(count \"\0\")"s), "(count \"\0\")"s);
  EXPECT_NE(all("#\"x\x02y\"").find("x\x02y"), std::string::npos);
  EXPECT_EQ(all("1 ; \x01\0 comment\n2"s), "1 | 2");
  EXPECT_EQ(all("\\\0"s), "\\\0"s);
  EXPECT_EQ(all("[1\t2\v3\f4\r5\0346\0377]"), "[1 2 3 4 5 6 7]");
}

TEST_F(ReaderHostileTest, SnippetShowsControlCharactersAsQuestionMarks) {
  using namespace std::string_literals;
  uint32_t file = vm.sources.add("t.clj", "(a)\0\x1b[2J(b)\r\n"s);
  EXPECT_EQ(vm.sources.snippet(SourcePos{file, 1, 5}), "    1 | (a)??[2J(b)\n      |     ^");
}

TEST_F(ReaderHostileTest, LeadingByteOrderMarkIsSkipped) {
  EXPECT_EQ(all("\xef\xbb\xbf(a b)"), "(a b)");
  Diagnostic d = err("\xef\xbb\xbf)");
  EXPECT_EQ(d.kind, DiagKind::reader_unmatched_delimiter);
  EXPECT_EQ(d.pos.col, 1u);
  // Elsewhere it stays a constituent character, as in Clojure.
  EXPECT_EQ(all("a\xef\xbb\xbf"), "a\xef\xbb\xbf");
}

// ---- huge literals ----

TEST_F(ReaderHostileTest, DuplicateKeyInAHugeLiteralIsFoundQuickly) {
  // The duplicate is the last key: comparing every pair took minutes at this size.
  std::string map = "{";
  std::string set = "#{";
  for (int i = 0; i < 200000; ++i) {
    map += std::to_string(i) + " 0 ";
    set += std::to_string(i) + " ";
  }
  map += "17 1}";
  set += "17}";
  auto start = std::chrono::steady_clock::now();
  Diagnostic dm = err(map);
  Diagnostic ds = err(set);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(dm.kind, DiagKind::reader_duplicate_key);
  EXPECT_EQ(std::string(dm.what()), "Duplicate key: 17");
  EXPECT_EQ(dm.pos.col, map.size() - 4);
  EXPECT_EQ(ds.kind, DiagKind::reader_duplicate_key);
  EXPECT_EQ(ds.pos.col, set.size() - 2);
  EXPECT_LT(secs, 20.0);
  // The key Clojure names: in a map of up to 8 entries the first with a later duplicate,
  // in a larger map or any set the first repeating an earlier one. The position is the
  // repetition's.
  Diagnostic small = err("{:a 1 :b 2 :b 3 :a 4}");
  EXPECT_EQ(std::string(small.what()), "Duplicate key: :a");
  EXPECT_EQ(small.pos.col, 17u);
  EXPECT_EQ(std::string(err("{:a 1 :b 2 :b 3 :a 4 :c 5 :d 6 :e 7 :f 8 :g 9}").what()), "Duplicate key: :b");
  EXPECT_EQ(std::string(err("#{:a :b :b :a}").what()), "Duplicate key: :b");
}

}  // namespace
