// The VM's streams (runtime/host/stream.h): the embedder's output redirection
// (Runtime::set_out / Runtime::set_err), *out* / *err* / *in* as dynamic vars holding writers and
// readers, the errors for values that are not streams, and *data-readers* /
// *default-data-reader-fn* at read-string and load time (eval/data_readers.h).
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "runtime/print/print.h"
#include "runtime/host/stream.h"
#include "api/runtime.h"

namespace clove {
namespace {

class VmIo : public ::testing::Test {
 protected:
  void SetUp() override {
    vm.set_out([this](std::string_view s) { out += s; });
    vm.set_err([this](std::string_view s) { err += s; });
  }
  std::string eval(const std::string& src) { return pr_str(vm, vm.eval_string(src, "<test>")); }
  /// "Kind: message" of the error `src` raises ("" and a test failure if none).
  std::string error_of(const std::string& src) {
    try {
      vm.eval_string(src, "<test>");
    } catch (const CloveError& e) {
      return std::string(error_short_name(e.kind)) + ": " + e.what();
    } catch (const Diagnostic& d) {
      return std::string("Diagnostic: ") + d.what();
    }
    ADD_FAILURE() << "no error for " << src;
    return "";
  }

  Runtime vm;
  std::string out;
  std::string err;
};

TEST_F(VmIo, ReadStringKeepsNoTextAndGivesNoPositions) {
  // A loop of read-string calls (parsing input line by line) must not grow the VM's
  // source registry; the forms carry no position, as the JVM's read-string gives none.
  eval("(read-string \"(warm up)\")");
  size_t before = vm.sources.size();
  EXPECT_EQ(eval("(reduce + (map read-string (map str (range 2000))))"), "1999000");
  EXPECT_EQ(eval("(first (read-string \"[(a b) {:k [1 2]}]\"))"), "(a b)");
  EXPECT_EQ(vm.sources.size(), before + 2);  // the two eval_string sources above only
  EXPECT_EQ(error_of("(read-string \"[1 2\")"), "RuntimeException: EOF while reading");
}

TEST_F(VmIo, SetOutReceivesEveryPrintingFunction) {
  eval("(pr 1 \"a\") (prn :k) (print \"p\" \\c) (println) (newline) (printf \"%d|%s\" 5 \"z\") (flush)");
  EXPECT_EQ(out, "1 \"a\":k\np c\n\n5|z");
  EXPECT_EQ(err, "");
}

TEST_F(VmIo, SetErrReceivesTextPrintedWithOutBoundToErr) {
  eval("(println \"o\") (binding [*out* *err*] (println \"e\") (pr [1]))");
  EXPECT_EQ(out, "o\n");
  EXPECT_EQ(err, "e\n[1]");
}

TEST_F(VmIo, TextCapturedByWithOutStrDoesNotReachTheSink) {
  EXPECT_EQ(eval("(with-out-str (print \"captured\"))"), "\"captured\"");
  EXPECT_EQ(eval("(let [w (java.io.StringWriter.)] (binding [*out* w] (prn 1) (print 2)) (str w))"), "\"1\\n2\"");
  EXPECT_EQ(out, "");
}

TEST_F(VmIo, StringWriterPrintsAsAnObjectWithItsText) {
  std::string printed = eval("(let [w (java.io.StringWriter.)] (binding [*out* w] (print \"x\")) (pr-str w))");
  EXPECT_TRUE(std::regex_match(printed, std::regex(R"re("#object\[java\.io\.StringWriter 0x[0-9a-f]+ \\"x\\"\]")re")))
      << printed;
}

TEST_F(VmIo, ClearingTheSinkRestoresTheProcessStream) {
  vm.set_out(nullptr);
  testing::internal::CaptureStdout();
  eval("(print \"to stdout\") (flush)");
  EXPECT_EQ(testing::internal::GetCapturedStdout(), "to stdout");
  EXPECT_EQ(out, "");
}

TEST_F(VmIo, SinkSurvivesGarbageCollection) {
  // The root writers are permanent: redefining *out* and collecting keeps them usable.
  eval("(def keep *out*) (alter-var-root #'*out* (constantly (java.io.StringWriter.)))");
  vm.heap.collect();
  eval("(binding [*out* keep] (print \"still here\"))");
  EXPECT_EQ(out, "still here");
}

TEST_F(VmIo, OutBoundToANonWriterIsAnError) {
  EXPECT_EQ(error_of("(binding [*out* 42] (println \"x\"))"),
            "ClassCastException: class java.lang.Long cannot be cast to class java.io.Writer");
  EXPECT_EQ(error_of("(binding [*out* nil] (print \"x\"))").rfind("NullPointerException: ", 0), 0u);
  EXPECT_EQ(error_of("(binding [*out* :k] (flush))").rfind("ClassCastException: ", 0), 0u);
  // The binding is unwound: printing works again.
  eval("(print \"ok\")");
  EXPECT_EQ(out, "ok");
}

TEST_F(VmIo, InBoundToANonReaderIsAnError) {
  EXPECT_EQ(error_of("(binding [*in* \"text\"] (read-line))").rfind("ClassCastException: ", 0), 0u);
  EXPECT_EQ(error_of("(with-in-str 42 (read-line))").rfind("ClassCastException: ", 0), 0u);
  EXPECT_EQ(error_of("(line-seq 42)").rfind("ClassCastException: ", 0), 0u);
}

TEST_F(VmIo, WithInStrReadsLinesAndClosesItsReader) {
  EXPECT_EQ(eval("(with-in-str \"a\\r\\nb\\rc\\n\" [(read-line) (read-line) (read-line) (read-line)])"),
            "[\"a\" \"b\" \"c\" nil]");
  EXPECT_EQ(error_of("(let [r (with-in-str \"x\" *in*)] (binding [*in* r] (read-line)))"),
            "IOException: Stream closed");
}

TEST_F(VmIo, StreamConstructorsCheckTheirArguments) {
  EXPECT_EQ(error_of("(java.io.BufferedReader. 1)").rfind("IllegalArgumentException: No matching ctor", 0), 0u);
  EXPECT_EQ(error_of("(java.io.StringReader. 1)").rfind("IllegalArgumentException: No matching ctor", 0), 0u);
  EXPECT_EQ(error_of("(java.io.PrintWriter. \"x\")").rfind("IllegalArgumentException: No matching ctor", 0), 0u);
  EXPECT_EQ(eval("(let [w (java.io.StringWriter.)] (identical? w (java.io.PrintWriter. w)))"), "true");
}

TEST_F(VmIo, WithOpenChecksItsBindingsAndClosesOnlyStreams) {
  EXPECT_NE(error_of("(with-open (x 1) x)").find("with-open requires a vector for its binding"), std::string::npos);
  EXPECT_NE(error_of("(with-open [x] x)").find("with-open requires an even number of forms"), std::string::npos);
  EXPECT_EQ(error_of("(with-open [x 1] x)").rfind("IllegalArgumentException: No matching method close", 0), 0u);
}

TEST_F(VmIo, DataReadersAreCalledWithTheUnevaluatedForm) {
  EXPECT_EQ(eval("(binding [*data-readers* {'my/tag (fn [x] [:got x])}] (read-string \"#my/tag (+ 1 2)\"))"),
            "[:got (+ 1 2)]");
  // Metadata on a collection holding a replaced form is kept.
  EXPECT_EQ(eval("(binding [*data-readers* {'t inc}] (meta (read-string \"^:m [#t 1]\")))"), "{:m true}");
  EXPECT_EQ(eval("(binding [*data-readers* {'t inc}] (read-string \"^:m [#t 1]\"))"), "[2]");
  EXPECT_EQ(eval("(binding [*default-data-reader-fn* (fn [t f] (list 'quote [t f]))] (load-string \"#x/y 1\"))"),
            "[x/y 1]");
}

TEST_F(VmIo, UnknownTagsAndFailingReaderFunctionsAreErrors) {
  EXPECT_NE(error_of("(binding [*data-readers* {'a identity}] (read-string \"#b 1\"))")
                .find("No reader function for tag b"),
            std::string::npos);
  EXPECT_NE(error_of("(binding [*data-readers* {'a nil}] (read-string \"#a 1\"))").find("No reader function for tag a"),
            std::string::npos);
  EXPECT_EQ(error_of("(binding [*data-readers* {'a (fn [_] (throw (ex-info \"inner\" {})))}] (read-string \"#a 1\"))"),
            "ExceptionInfo: inner");
  EXPECT_EQ(error_of("(read-string \"\")"), "RuntimeException: EOF while reading");
}

}  // namespace
}  // namespace clove
