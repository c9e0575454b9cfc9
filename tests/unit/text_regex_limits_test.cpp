// text_regex_limits_test.cpp: PCRE2's match, depth and heap limits on every match:
// catastrophic backtracking and per-character backtracking points fail quickly, in
// bounded memory, with a catchable RuntimeException naming the limit.
#include <chrono>
#include <string>

#include "runtime/text/regex.h"
#include "text_test_support.h"

using namespace clove;
using clove::text_test::TextVM;

namespace {

/// "Kind: message" of the error regex_find throws on `subject`, or "no error", and the
/// time it took in seconds.
std::pair<std::string, double> find_error(std::string_view pattern, const std::string& subject) {
  TextVM t;
  Regex* re = make_regex(t.vm.heap, make_string(t.vm.heap, pattern));
  Match m;
  auto start = std::chrono::steady_clock::now();
  std::string out = "no error";
  try {
    regex_find(re, subject, 0, m);
  } catch (const CloveError& e) {
    out = std::string(error_short_name(e.kind)) + ": " + e.what();
  }
  return {out, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count()};
}

}  // namespace

TEST(TextRegexLimits, CatastrophicBacktrackingHitsTheMatchLimit) {
  // Exponentially many ways to split the a's, none followed by b: without a limit this
  // runs for longer than the universe has existed.
  auto [err, secs] = find_error("(a|aa)*b", std::string(100000, 'a') + "cb");
  EXPECT_EQ(err,
            "RuntimeException: Regex match limit exceeded: more than 10000000 backtracking steps "
            "matching #\"(a|aa)*b\"");
  EXPECT_LT(secs, 20.0);
  // The y after the z makes PCRE2 try (no required character missing to give up early).
  auto [err2, secs2] = find_error("(x+x+)+y", std::string(40, 'x') + "zy");
  EXPECT_EQ(err2,
            "RuntimeException: Regex match limit exceeded: more than 10000000 backtracking steps "
            "matching #\"(x+x+)+y\"");
  EXPECT_LT(secs2, 20.0);
}

TEST(TextRegexLimits, NestedBacktrackingPointsHitTheDepthLimit) {
  // (a|b)* keeps a backtracking point per repetition: over 2,000,000 characters PCRE2's
  // defaults let it grow the heap by gigabytes.
  auto [err, secs] = find_error("(a|b)*c", std::string(2000000, 'a') + "c");
  EXPECT_EQ(err,
            "RuntimeException: Regex depth limit exceeded: more than 1000000 nested backtracking "
            "points matching #\"(a|b)*c\"");
  EXPECT_LT(secs, 20.0);
}

TEST(TextRegexLimits, LargeBacktrackingFramesHitTheHeapLimit) {
  // 61 capturing groups make each backtracking point about 2 KB: the heap limit comes first.
  std::string pattern = "(?:(a)";
  for (int i = 0; i < 60; ++i) pattern += "|(x)";
  pattern += ")*c";
  auto [err, secs] = find_error(pattern, std::string(300000, 'a') + "c");
  EXPECT_EQ(err.rfind("RuntimeException: Regex heap limit exceeded: more than 256 MiB of backtracking "
                      "memory matching #\"(?:(a)|(x)|(x)",
                      0),
            0u)
      << err;
  EXPECT_NE(err.find("...\""), std::string::npos) << err;  // a long pattern is cut
  EXPECT_LT(secs, 20.0);
}

TEST(TextRegexLimits, OrdinaryMatchesOnLargeInputsStayWithinTheLimits) {
  std::string ab;
  for (int i = 0; i < 300000; ++i) ab += "ab";
  TextVM t;
  Match m;
  Regex* group = make_regex(t.vm.heap, make_string(t.vm.heap, "(ab)*"));
  ASSERT_TRUE(regex_find(group, ab, 0, m));
  EXPECT_EQ(m.end[0], ab.size());
  Regex* alt = make_regex(t.vm.heap, make_string(t.vm.heap, "(a|b)*"));
  ASSERT_TRUE(regex_find(alt, ab.substr(0, 300000), 0, m));  // 300,000 repetitions
  EXPECT_EQ(m.end[0], 300000u);
  Regex* cls = make_regex(t.vm.heap, make_string(t.vm.heap, "[ab]*$"));
  ASSERT_TRUE(regex_find(cls, ab, 0, m));
  EXPECT_EQ(m.end[0], ab.size());
}

TEST(TextRegexLimits, TheErrorIsCatchableFromClove) {
  TextVM t;
  Value subject = t.s(std::string(100000, 'a') + "cb");
  EXPECT_EQ(t.err("clojure.core/re-find", {t.re("(a|aa)*b"), subject}),
            "RuntimeException: Regex match limit exceeded: more than 10000000 backtracking steps "
            "matching #\"(a|aa)*b\"");
  EXPECT_EQ(t.err("clojure.core/re-seq", {t.re("(a|aa)*b"), subject}),
            "RuntimeException: Regex match limit exceeded: more than 10000000 backtracking steps "
            "matching #\"(a|aa)*b\"");
  EXPECT_EQ(t.err("clojure.core/re-matches", {t.re("(a|aa)*b"), subject}),
            "RuntimeException: Regex match limit exceeded: more than 10000000 backtracking steps "
            "matching #\"(a|aa)*b\"");
  // The matcher is still usable afterwards.
  EXPECT_EQ(t.pr("clojure.core/re-find", {t.re("a+c"), subject}), "\"" + std::string(100000, 'a') + "c\"");
}
