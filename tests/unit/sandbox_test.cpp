// The sandbox (state/capability.h, docs/design/sandbox.md): a VM created with
// VMOptions::capabilities lacking a capability refuses every native that needs it,
// whichever way Clove code reaches the native (resolve, eval, apply, alter-var-root,
// interop, fibers, lazy seqs), with a catchable clove.lang.SandboxException; embedded
// libraries stay requirable; granted capabilities work.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "runtime/print/print.h"
#include "api/vm.h"

namespace clove {
namespace {

VMOptions sandboxed(uint32_t caps = kNoCapabilities) {
  VMOptions o;
  o.capabilities = caps;
  return o;
}

class Sandbox : public ::testing::Test {
 protected:
  explicit Sandbox(uint32_t caps = kNoCapabilities) : vm(sandboxed(caps)) {
    vm.set_out([this](std::string_view s) { out += s; });
    vm.set_err([this](std::string_view s) { out += s; });
  }
  std::string eval(const std::string& src) { return pr_str(vm, vm.eval_string(src, "<test>")); }
  /// "Kind: message" of the error `src` raises ("" and a test failure if none).
  std::string error_of(const std::string& src) {
    try {
      vm.eval_string(src, "<test>");
    } catch (const CloveError& e) {
      return std::string(error_short_name(e.kind)) + ": " + e.what();
    } catch (const std::exception& e) {
      return std::string("other: ") + e.what();
    }
    ADD_FAILURE() << "no error for " << src;
    return "";
  }
  /// Expects `src` to fail with SandboxException naming capability `cap` and `what`.
  void expect_denied(const std::string& src, const std::string& cap, const std::string& what) {
    std::string e = error_of(src);
    EXPECT_EQ(e, "SandboxException: " + cap + " capability required by " + what + " (the VM is sandboxed)")
        << "for " << src;
  }
  /// A java.io.File made while fs is granted for a moment, as a host could hand one in.
  void def_host_file(const char* name, const char* path) {
    uint32_t saved = vm.capabilities;
    vm.capabilities = kAllCapabilities;
    eval(std::string("(def ") + name + " (java.io.File. \"" + path + "\"))");
    vm.capabilities = saved;
  }

  VM vm;
  std::string out;
};

class SandboxWithFs : public Sandbox {
 protected:
  SandboxWithFs() : Sandbox(capability_bit(Capability::Fs)) {}
};

TEST(SandboxOptions, NormalVmHasEveryCapability) {
  VM vm;
  EXPECT_EQ(vm.capabilities, kAllCapabilities);
  for (unsigned i = 0; i < static_cast<unsigned>(Capability::kCount); ++i)
    EXPECT_TRUE(vm.has_capability(static_cast<Capability>(i)));
  EXPECT_EQ(pr_str(vm, vm.eval_string("(string? (System/getProperty \"os.name\"))", "<t>")), "true");
}

TEST(SandboxOptions, ParseCapabilities) {
  EXPECT_EQ(parse_capabilities(""), kNoCapabilities);
  EXPECT_EQ(parse_capabilities("fs,env"), capability_bit(Capability::Fs) | capability_bit(Capability::Env));
  EXPECT_EQ(parse_capabilities(":time, load"), capability_bit(Capability::Time) | capability_bit(Capability::Load));
  EXPECT_EQ(parse_capabilities("all"), kAllCapabilities);
  EXPECT_THROW(parse_capabilities("fs,disk"), std::invalid_argument);
  Capability c;
  EXPECT_TRUE(capability_from_name("process", &c));
  EXPECT_EQ(c, Capability::Process);
  EXPECT_STREQ(capability_name(Capability::Net), "net");
  EXPECT_STREQ(capability_name(Capability::Ffi), "ffi");
}

// ---- :fs ----

TEST_F(Sandbox, SlurpAndSpit) {
  expect_denied("(slurp \"/etc/passwd\")", "fs", "clojure.core/slurp");
  expect_denied("(spit \"/tmp/clove-sandbox-x\" \"y\")", "fs", "clojure.core/spit");
  expect_denied("(spit \"/tmp/clove-sandbox-x\" \"y\" :append true)", "fs", "clojure.core/spit");
  EXPECT_FALSE(std::filesystem::exists("/tmp/clove-sandbox-x"));
}

TEST_F(Sandbox, JavaIo) {
  expect_denied("(clojure.java.io/reader \"/etc/passwd\")", "fs", "clojure.java.io/reader");
  expect_denied("(with-open [r (clojure.java.io/reader \"/etc/passwd\")] (slurp r))", "fs",
                "clojure.java.io/reader");
  expect_denied("(line-seq (clojure.java.io/reader \"/etc/passwd\"))", "fs", "clojure.java.io/reader");
  expect_denied("(clojure.java.io/writer \"/tmp/clove-sandbox-w\")", "fs", "clojure.java.io/writer");
  expect_denied("(clojure.java.io/writer \"/tmp/clove-sandbox-w\" :append true)", "fs", "clojure.java.io/writer");
  expect_denied("(clojure.java.io/file \"/etc/passwd\")", "fs", "clojure.java.io/file");
  expect_denied("(clojure.java.io/as-file \"/etc\")", "fs", "clojure.java.io/file");
  expect_denied("(clojure.java.io/delete-file \"/tmp/x\" true)", "fs", "clojure.java.io/delete-file");
  expect_denied("(clojure.java.io/make-parents \"/tmp/a/b\")", "fs", "clojure.java.io/make-parents");
}

TEST_F(Sandbox, LineSeqOnAPath) {
  expect_denied("(line-seq \"/etc/passwd\")", "fs", "clojure.core/line-seq");
  expect_denied("(clojure.core/-file-lines \"/etc/passwd\")", "fs", "clojure.core/line-seq");
}

TEST_F(Sandbox, FileConstructorsAndMethods) {
  expect_denied("(.exists (java.io.File. \"/etc/passwd\"))", "fs", "java.io.File.");
  expect_denied("(java.io.File. \"/etc\" \"passwd\")", "fs", "java.io.File.");
  expect_denied("(new java.io.File \"/etc/passwd\")", "fs", "java.io.File.");
  expect_denied("(file-seq (clojure.java.io/file \"/\"))", "fs", "clojure.java.io/file");
  // A File the host handed in: its path is readable, the file system is not.
  def_host_file("f", "/etc/passwd");
  EXPECT_EQ(eval("(.getName f)"), "\"passwd\"");
  expect_denied("(.exists f)", "fs", "java.io.File.exists");
  expect_denied("((memfn exists) f)", "fs", "java.io.File.exists");
  expect_denied("(. f (length))", "fs", "java.io.File.length");
  expect_denied("(.delete f)", "fs", "java.io.File.delete");
  expect_denied("(.getAbsolutePath f)", "fs", "java.io.File.getAbsolutePath");
  expect_denied("(slurp f)", "fs", "clojure.core/slurp");
  def_host_file("root", "/");
  expect_denied("(doall (file-seq root))", "fs", "java.io.File.isDirectory");
  expect_denied("(.listFiles root)", "fs", "java.io.File.listFiles");
  expect_denied("(.list root)", "fs", "java.io.File.list");
}

TEST_F(Sandbox, CloveIo) {
  expect_denied("(clove.io/exists? \"/etc/passwd\")", "fs", "clove.io/exists?");
  expect_denied("(clove.io/directory? \"/etc\")", "fs", "clove.io/directory?");
  expect_denied("(clove.io/list-dir \"/etc\")", "fs", "clove.io/list-dir");
}

// ---- the ways to reach a native other than calling it by name ----

TEST_F(Sandbox, IndirectCalls) {
  expect_denied("(eval '(slurp \"/etc/passwd\"))", "fs", "clojure.core/slurp");
  expect_denied("(eval (read-string \"(slurp \\\"/etc/passwd\\\")\"))", "fs", "clojure.core/slurp");
  expect_denied("(load-string \"(slurp \\\"/etc/passwd\\\")\")", "fs", "clojure.core/slurp");
  expect_denied("((resolve 'slurp) \"/etc/passwd\")", "fs", "clojure.core/slurp");
  expect_denied("(@(resolve 'clojure.core/slurp) \"/etc/passwd\")", "fs", "clojure.core/slurp");
  expect_denied("((get (ns-publics 'clojure.core) 'slurp) \"/etc/passwd\")", "fs", "clojure.core/slurp");
  expect_denied("((ns-resolve 'clojure.java.shell 'sh) \"ls\")", "process", "clojure.java.shell/sh");
  expect_denied("(apply slurp [\"/etc/passwd\"])", "fs", "clojure.core/slurp");
  expect_denied("(doall (map slurp [\"/etc/passwd\"]))", "fs", "clojure.core/slurp");
  expect_denied("(first (lazy-seq [(slurp \"/etc/passwd\")]))", "fs", "clojure.core/slurp");
  expect_denied("(let [f (partial slurp)] (f \"/etc/passwd\"))", "fs", "clojure.core/slurp");
  expect_denied("(-> \"/etc/passwd\" ((comp slurp str)))", "fs", "clojure.core/slurp");
  expect_denied("(fiber/resume (fiber/new (fn [] (slurp \"/etc/passwd\"))))", "fs", "clojure.core/slurp");
  expect_denied("(deref (delay (slurp \"/etc/passwd\")))", "fs", "clojure.core/slurp");
  expect_denied("(do (alter-var-root #'slurp identity) (slurp \"/etc/passwd\"))", "fs", "clojure.core/slurp");
  expect_denied("(do (def my-slurp @#'slurp) (my-slurp \"/etc/passwd\"))", "fs", "clojure.core/slurp");
}

TEST_F(Sandbox, ReadEvalIsNeverAvailable) {
  // #= is not implemented at all, sandboxed or not: read-string cannot run code.
  EXPECT_EQ(error_of("(binding [*read-eval* true] (read-string \"#=(slurp \\\"/etc/passwd\\\")\"))"),
            "RuntimeException: Read-time evaluation (#=) is not supported");
  EXPECT_EQ(error_of("(eval (read-string \"#=(slurp \\\"/etc/passwd\\\")\"))"),
            "RuntimeException: Read-time evaluation (#=) is not supported");
}

TEST_F(Sandbox, ErrorIsCatchable) {
  EXPECT_EQ(eval("(try (slurp \"/etc/passwd\") (catch clove.lang.SandboxException e (ex-message e)))"),
            "\"fs capability required by clojure.core/slurp (the VM is sandboxed)\"");
  EXPECT_EQ(eval("(try (System/getenv \"HOME\") (catch SecurityException e :security))"), ":security");
  EXPECT_EQ(eval("(try (System/nanoTime) (catch RuntimeException e (.getName (class e))))"),
            "\"clove.lang.SandboxException\"");
  // Catching it grants nothing: the next call is refused again.
  expect_denied("(do (try (slurp \"a\") (catch Exception _)) (slurp \"a\"))", "fs", "clojure.core/slurp");
}

// ---- :load ----

TEST_F(Sandbox, LoadingFromDisk) {
  vm.load_path.push_back("/tmp");
  expect_denied("(load-file \"/etc/passwd\")", "load", "clojure.core/load-file");
  expect_denied("(require 'some.ns.on.disk)", "load", "clojure.core/load of /some/ns/on/disk");
  expect_denied("(use 'other.ns)", "load", "clojure.core/load of /other/ns");
  expect_denied("(load \"/x\")", "load", "clojure.core/load of /x");
  expect_denied("(ns my.app (:require [my.dep]))", "load", "clojure.core/load of /my/dep");
}

TEST_F(Sandbox, EmbeddedLibrariesStayRequirable) {
  EXPECT_EQ(eval("(do (require '[clojure.string :as s]) (s/upper-case \"a\"))"), "\"A\"");
  EXPECT_EQ(eval("(do (require '[clojure.walk :as w]) (w/keywordize-keys {\"a\" 1}))"), "{:a 1}");
  EXPECT_EQ(eval("(do (require 'clojure.set) (clojure.set/union #{1} #{2}))"), "#{1 2}");
  EXPECT_EQ(eval("(do (require 'clojure.set :reload) (clojure.set/union #{1} #{3}))"), "#{1 3}");
  EXPECT_EQ(eval("(do (require 'clojure.edn) (clojure.edn/read-string \"[1]\"))"), "[1]");
  EXPECT_EQ(eval("(do (require '[clojure.test :refer [is]]) (is (= 1 1)))"), "true");
}

// ---- :process, :env, :time ----

TEST_F(Sandbox, Process) {
  expect_denied("(clojure.java.shell/sh \"ls\")", "process", "clojure.java.shell/sh");
  expect_denied("(do (require '[clojure.java.shell :refer [sh]]) (sh \"touch\" \"/tmp/clove-sandbox-p\"))",
                "process", "clojure.java.shell/sh");
  expect_denied("(System/exit 0)", "process", "System/exit");
  EXPECT_FALSE(std::filesystem::exists("/tmp/clove-sandbox-p"));
}

TEST_F(Sandbox, Env) {
  expect_denied("(System/getenv \"HOME\")", "env", "System/getenv");
  expect_denied("(System/getenv)", "env", "System/getenv");
  expect_denied("(System/getProperty \"user.home\")", "env", "System/getProperty");
  expect_denied("(System/getProperty \"user.dir\" \"x\")", "env", "System/getProperty");
}

TEST_F(Sandbox, Time) {
  expect_denied("(System/currentTimeMillis)", "time", "System/currentTimeMillis");
  expect_denied("(System/nanoTime)", "time", "System/nanoTime");
  expect_denied("(time (+ 1 2))", "time", "System/nanoTime");
}

TEST_F(Sandbox, PureCodeRuns) {
  EXPECT_EQ(eval("(reduce + (map inc (range 10)))"), "55");
  EXPECT_EQ(eval("(with-out-str (println :hi))"), "\":hi\\n\"");
  EXPECT_EQ(eval("(with-in-str \"a\\nb\" [(read-line) (read-line)])"), "[\"a\" \"b\"]");
  EXPECT_EQ(eval("(slurp (java.io.StringReader. \"text\"))"), "\"text\"");
  EXPECT_EQ(eval("(uuid? (random-uuid))"), "true");
  EXPECT_EQ(eval("(let [w (java.io.StringWriter.)] (spit w \"x\") (str w))"), "\"x\"");
}

// ---- granted capabilities ----

TEST_F(SandboxWithFs, GrantedFsWorksAndTheRestStaysDenied) {
  std::string path = (std::filesystem::temp_directory_path() / "clove_sandbox_test.txt").string();
  eval("(spit \"" + path + "\" \"one\\n\")");
  eval("(spit \"" + path + "\" \"two\\n\" :append true)");
  EXPECT_EQ(eval("(slurp \"" + path + "\")"), "\"one\\ntwo\\n\"");
  EXPECT_EQ(eval("(with-open [r (clojure.java.io/reader \"" + path + "\")] (vec (line-seq r)))"),
            "[\"one\" \"two\"]");
  EXPECT_EQ(eval("(.exists (java.io.File. \"" + path + "\"))"), "true");
  std::remove(path.c_str());
  expect_denied("(System/getenv \"HOME\")", "env", "System/getenv");
  expect_denied("(load-file \"" + path + "\")", "load", "clojure.core/load-file");
}

}  // namespace
}  // namespace clove
