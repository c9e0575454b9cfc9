// text_regex_test.cpp: Java-syntax translation, PCRE2 compilation errors in Java's
// wording, matching (find, whole match, empty matches), replacement strings, split, and
// the re-* natives including matchers, printing and GC.
#include "runtime/text/regex.h"
#include "text_test_support.h"

using namespace clove;
using clove::text_test::TextVM;

namespace {

std::string tr(std::string_view java) { return translate_java_regex(java); }

std::string compile_error(std::string_view pattern) {
  TextVM t;
  try {
    make_regex(t.vm.heap, make_string(t.vm.heap, pattern));
    return "compiled";
  } catch (const CloveError& e) {
    return std::string(error_short_name(e.kind)) + ": " + e.what();
  }
}

}  // namespace

TEST(TextRegexTranslate, RewritesJavaOnlySyntax) {
  EXPECT_EQ(tr("\\u00e9+"), "\\x{e9}+");
  EXPECT_EQ(tr("\\uD83D\\uDE00"), "\\x{1f600}");  // a surrogate pair is one code point
  EXPECT_EQ(tr("\\0101"), "\\o{101}");
  EXPECT_EQ(tr("\\p{Lower}+"), "[[:lower:]]+");
  EXPECT_EQ(tr("[\\p{Upper}\\d]"), "[[:upper:]\\d]");
  EXPECT_EQ(tr("\\P{Alpha}"), "[[:^alpha:]]");
  EXPECT_EQ(tr("\\p{IsLatin}\\p{javaLowerCase}\\p{L}"), "\\p{Latin}\\p{Ll}\\p{L}");
  EXPECT_EQ(tr("(?iu)a(?u)b(?d:c)"), "(?i)ab(?:c)");
  EXPECT_EQ(tr("(?U)\\w"), "(*UCP)\\w");
  EXPECT_EQ(tr("[a-c[x-z]]"), "[a-cx-z]");
  EXPECT_EQ(tr("\\Q[\\u0041\\E[b]"), "\\Q[\\u0041\\E[b]");  // nothing inside \Q..\E is rewritten
  EXPECT_EQ(tr("(?<name>x)(?:y)(?=z)"), "(?<name>x)(?:y)(?=z)");
  EXPECT_EQ(tr("é\\d"), "é\\d");
}

TEST(TextRegexTranslate, NestedClassesAnyNumberOfLevelsDeep) {
  EXPECT_EQ(tr("[a[b[c[d]]]e]"), "[abcde]");
  // Nesting is counted, not recursed into: a million levels need no C++ stack.
  std::string deep = std::string(1000000, '[') + "a" + std::string(1000000, ']');
  EXPECT_EQ(tr(deep), "[a]");
  EXPECT_EQ(tr(std::string(1000000, '[')), "[");  // unclosed: PCRE2 reports it
}

TEST(TextRegexTranslate, UnsupportedConstructsAreErrorsNotMismatches) {
  EXPECT_THROW(tr("[a-z&&[^aeiou]]"), CloveError);
  EXPECT_THROW(tr("[a[^b]]"), CloveError);
  EXPECT_EQ(compile_error("\\0"),
            "PatternSyntaxException: Illegal octal escape sequence near index 2\n\\0");
}

TEST(TextRegexCompile, SyntaxErrorsUseJavasWordingAndIndex) {
  EXPECT_EQ(compile_error("("), "PatternSyntaxException: Unclosed group near index 1\n(");
  EXPECT_EQ(compile_error("a)"),
            "PatternSyntaxException: Unmatched closing ')' near index 0\na)\n^");
  EXPECT_EQ(compile_error("[a"),
            "PatternSyntaxException: Unclosed character class near index 1\n[a\n ^");
  EXPECT_EQ(compile_error("*a"),
            "PatternSyntaxException: Dangling meta character '*' near index 0\n*a\n^");
  EXPECT_EQ(compile_error("a{2,1}"),
            "PatternSyntaxException: Illegal repetition range near index 5\na{2,1}\n     ^");
  EXPECT_EQ(compile_error("[z-a]"),
            "PatternSyntaxException: Illegal character range near index 3\n[z-a]\n   ^");
  EXPECT_EQ(compile_error("a\\"),
            "PatternSyntaxException: Unexpected internal error near index 2\na\\");
  EXPECT_EQ(compile_error("(?<n>a)(?<n>b)"),
            "PatternSyntaxException: Named capturing group <n> is already defined near index "
            "11\n(?<n>a)(?<n>b)\n"
            "           ^");
  // Any other PCRE2 error still names the problem and a position.
  EXPECT_NE(compile_error("\\p{NoSuchProperty}").find("near index"), std::string::npos);
  EXPECT_EQ(compile_error("a+b"), "compiled");
}

TEST(TextRegexMatch, FindWholeAndEmptyMatches) {
  TextVM t;
  Regex* re = make_regex(t.vm.heap, make_string(t.vm.heap, "a*"));
  std::string_view s = "baaa";
  std::vector<std::string> found;
  Match m;
  for (size_t from = 0; from <= s.size() && regex_find(re, s, from, m);
       from = regex_next_start(s, m))
    found.emplace_back(m.group(s, 0));
  EXPECT_EQ(found, (std::vector<std::string>{"", "aaa", ""}));  // as Java's Matcher.find
  EXPECT_TRUE(regex_match_whole(re, "aaa", m));
  EXPECT_FALSE(regex_match_whole(re, "aab", m));
  Regex* alt = make_regex(t.vm.heap, make_string(t.vm.heap, "a|ab"));
  EXPECT_TRUE(regex_match_whole(alt, "ab", m));  // backtracks into the second alternative
  EXPECT_EQ(m.end[0], 2u);
}

TEST(TextRegexMatch, ReplacementStrings) {
  TextVM t;
  Regex* re = make_regex(t.vm.heap, make_string(t.vm.heap, "(?<w>o)(x)?"));
  std::string_view s = "foo";
  Match m;
  ASSERT_TRUE(regex_find(re, s, 0, m));
  auto rep = [&](std::string_view r) {
    std::string out;
    try {
      append_replacement(out, re, s, m, r);
      return out;
    } catch (const CloveError& e) {
      return std::string(error_short_name(e.kind)) + ": " + e.what();
    }
  };
  EXPECT_EQ(rep("[$0|$1|$2|${w}]"), "[o|o||o]");  // an unmatched group inserts nothing
  EXPECT_EQ(rep("\\$1\\\\"), "$1\\");
  EXPECT_EQ(rep("$12"), "o2");  // digits are taken while they name a group
  EXPECT_EQ(rep("$3"), "IndexOutOfBoundsException: No group 3");
  EXPECT_EQ(rep("$x"), "IllegalArgumentException: Illegal group reference");
  EXPECT_EQ(rep("$"), "IllegalArgumentException: Illegal group reference: group index is missing");
  EXPECT_EQ(rep("${nope}"), "IllegalArgumentException: No group with name {nope}");
  EXPECT_EQ(rep("a\\"), "IllegalArgumentException: character to be escaped is missing");
  EXPECT_EQ(quote_replacement("$1 \\ x"), "\\$1 \\\\ x");
}

TEST(TextRegexMatch, SplitFollowsPatternSplit) {
  TextVM t;
  Regex* comma = make_regex(t.vm.heap, make_string(t.vm.heap, ","));
  Regex* empty = make_regex(t.vm.heap, make_string(t.vm.heap, ""));
  using V = std::vector<std::string_view>;
  EXPECT_EQ(regex_split(comma, "a,b,,c,,", 0), (V{"a", "b", "", "c"}));
  EXPECT_EQ(regex_split(comma, "a,b,,c,,", -1), (V{"a", "b", "", "c", "", ""}));
  EXPECT_EQ(regex_split(comma, "a,b,,c,,", 2), (V{"a", "b,,c,,"}));
  EXPECT_EQ(regex_split(comma, ",,,", 0), V{});
  EXPECT_EQ(regex_split(comma, "", 0), V{""});
  EXPECT_EQ(regex_split(comma, ",a", 0), (V{"", "a"}));
  EXPECT_EQ(regex_split(empty, "héllo", 0), (V{"h", "é", "l", "l", "o"}));  // by code point
}

TEST(TextRegexNatives, FindMatchesSeqGroups) {
  TextVM t;
  EXPECT_EQ(t.pr("clojure.core/re-find", {t.re("\\d+"), t.s("ab 123 c")}), "\"123\"");
  EXPECT_EQ(t.pr("clojure.core/re-find", {t.re("(a)|(b)"), t.s("b")}), "[\"b\" nil \"b\"]");
  EXPECT_EQ(t.pr("clojure.core/re-find", {t.re("z"), t.s("abc")}), "nil");
  EXPECT_EQ(t.pr("clojure.core/re-matches", {t.re("(\\d)(\\d)?"), t.s("1")}), "[\"1\" \"1\" nil]");
  EXPECT_EQ(t.pr("clojure.core/re-matches", {t.re("\\d+"), t.s("12a")}), "nil");
  EXPECT_EQ(t.pr("clojure.core/re-seq", {t.re("(\\w)(\\d)"), t.s("a1 b2")}),
            "([\"a1\" \"a\" \"1\"] [\"b2\" \"b\" \"2\"])");
  EXPECT_EQ(t.pr("clojure.core/re-seq", {t.re("x"), t.s("abc")}), "nil");
  EXPECT_EQ(t.pr("clojure.core/re-seq", {t.re("."), t.s("a😀b")}), "(\"a\" \"😀\" \"b\")");
  EXPECT_EQ(t.pr("clojure.core/re-find", {t.re("(?i)straSSe"), t.s("STRASSE")}), "\"STRASSE\"");
  EXPECT_EQ(t.pr("clojure.core/re-find", {t.re("\\w+"), t.s("héllo")}),
            "\"h\"");  // \w is ASCII, as in Java
  EXPECT_EQ(t.pr("clojure.core/re-find", {t.re("(?U)\\w+"), t.s("héllo")}), "\"héllo\"");
  Value re = t.re("x");
  EXPECT_EQ(t.call("clojure.core/re-pattern", {re}), re);  // a pattern passes through
}

TEST(TextRegexNatives, MatcherWalksAndRemembersItsMatch) {
  TextVM t;
  Value m = t.call("clojure.core/re-matcher", {t.re("(\\d)(\\w)"), t.s("1a 2b")});
  t.vm.permanent.push_back(m);
  EXPECT_EQ(t.err("clojure.core/re-groups", {m}), "IllegalStateException: No match found");
  EXPECT_EQ(t.pr("clojure.core/re-find", {m}), "[\"1a\" \"1\" \"a\"]");
  EXPECT_EQ(t.pr("clojure.core/re-groups", {m}), "[\"1a\" \"1\" \"a\"]");
  EXPECT_EQ(t.pr("clojure.core/re-find", {m}), "[\"2b\" \"2\" \"b\"]");
  EXPECT_EQ(t.pr("clojure.core/re-find", {m}), "nil");
  EXPECT_EQ(t.pr("clojure.core/re-find", {m}), "nil");
}

TEST(TextRegexNatives, BadArgumentsAreClearErrors) {
  TextVM t;
  EXPECT_EQ(t.err("clojure.core/re-pattern", {Value::small_int(1)}).substr(0, 18),
            "ClassCastException");
  EXPECT_EQ(t.err("clojure.core/re-pattern", {Value::nil()}).substr(0, 20), "NullPointerException");
  EXPECT_EQ(t.err("clojure.core/re-find", {t.s("a"), t.s("a")}).substr(0, 18),
            "ClassCastException");
  EXPECT_EQ(t.err("clojure.core/re-find", {t.re("a"), Value::nil()}).substr(0, 20),
            "NullPointerException");
  EXPECT_EQ(t.err("clojure.core/re-find", {Value::small_int(3)}).substr(0, 18),
            "ClassCastException");
  EXPECT_EQ(t.err("clojure.core/re-groups", {Value::nil()}).substr(0, 20), "NullPointerException");
  EXPECT_EQ(t.err("clojure.core/re-pattern", {t.s("(")}),
            "PatternSyntaxException: Unclosed group near index 1\n(");
}

TEST(TextRegexNatives, PrintsAsALiteralAndStrGivesTheSource) {
  TextVM t;
  Value re = t.re("a\"b\\d");
  EXPECT_EQ(pr_str(t.vm, re), "#\"a\\\"b\\d\"");
  EXPECT_EQ(str_of(t.vm, re), "a\"b\\d");
  EXPECT_EQ(pr_str(t.vm, t.re("\\Qa\"b\\E")), "#\"\\Qa\\E\\\"\\Qb\\E\"");
}

TEST(TextRegexGc, RegexesAndMatchersAreTracedAndFreed) {
  TextVM t;
  Value keep = t.call("clojure.core/re-matcher", {t.re("b+"), t.s("abbbc")});
  t.vm.permanent.push_back(keep);
  for (int i = 0; i < 200; ++i)
    t.call("clojure.core/re-pattern", {t.s("x" + std::to_string(i) + "(y|z)+")});
  size_t before = t.vm.heap.object_count();
  t.vm.heap.collect();
  t.vm.heap.collect();
  EXPECT_LT(t.vm.heap.object_count(), before);  // the unreferenced patterns were swept
  t.vm.heap.validate();
  EXPECT_EQ(t.pr("clojure.core/re-find", {keep}),
            "\"bbb\"");  // the kept matcher and its regex survived
}
