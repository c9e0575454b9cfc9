// reader_hostile_test.cpp: the reader on hostile input: nested syntax-quotes whose
// expansion would grow without bound. Each must give a reader error with its position
// (or read normally), quickly and in bounded memory: never a crash or a hang.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "api/vm.h"
#include "reader/reader.h"
#include "reader/reader_env.h"
#include "runtime/coll/coll.h"
#include "runtime/print/print.h"

using namespace clove;

namespace {

class ReaderHostileTest : public ::testing::Test {
 protected:
  VM vm{VMOptions{.load_core_library = false}};  // natives only: no compiler needed
  StateReaderEnv env{vm};

  /// Every form of src, printed and joined with " | ".
  std::string all(std::string_view src) {
    uint32_t file = vm.sources.add("test.clj", std::string(src));
    Reader r(vm, env, vm.sources.text(file), file);
    std::string out;
    Value v;
    while (r.next(&v)) out += (out.empty() ? "" : " | ") + pr_str(vm, v);
    return out;
  }
  /// The Diagnostic reading src throws (fails the test when none is thrown).
  Diagnostic err(std::string_view src, ReaderOptions opts = {}) {
    uint32_t file = vm.sources.add("test.clj", std::string(src));
    Reader r(vm, env, vm.sources.text(file), file, opts);
    Value v;
    try {
      while (r.next(&v)) {
      }
    } catch (const Diagnostic& d) {
      return d;
    }
    ADD_FAILURE() << "no error reading: " << src;
    return Diagnostic(DiagKind::compile_error, {}, "none");
  }
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

}  // namespace
