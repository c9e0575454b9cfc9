// api_test.cpp: the public embedding API (include/clove/, SPEC E1-E3, E5) used the way
// a host uses it: only <clove/clove.h>, no internal header.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include <clove/clove.h>

namespace {

/// Sizes shrink when the suite runs under GC stress (every allocation collects).
bool gc_stress() { return std::getenv("CLOVE_GC_STRESS") != nullptr; }

/// The clove::Error that running `src` throws (fails the test if none).
clove::Error error_of(clove::VM& vm, const std::string& src) {
  try {
    vm.eval(src);
  } catch (const clove::Error& e) {
    return e;
  }
  ADD_FAILURE() << "no error from " << src;
  return clove::Error("", "", {}, {}, {}, "", false);
}

TEST(Api, VersionAndBuildStamp) {
  EXPECT_STREQ(clove::version(), CLOVE_VERSION_STRING);
  EXPECT_EQ(std::string(clove::build_stamp()).rfind(std::string("clove ") + CLOVE_VERSION_STRING, 0), 0u);
  EXPECT_GE(CLOVE_VERSION_NUMBER, 100);
}

TEST(Api, EvalAndConvertResults) {
  clove::VM vm;
  EXPECT_EQ(vm.eval("(+ 1 2)").as<int64_t>(), 3);
  EXPECT_EQ(vm.eval("(+ 1 2)").as<int>(), 3);
  EXPECT_DOUBLE_EQ(vm.eval("(/ 1.0 4)").as<double>(), 0.25);
  EXPECT_DOUBLE_EQ(vm.eval("3").as<double>(), 3.0);
  EXPECT_EQ(vm.eval("(str \"a\" 1)").as<std::string>(), "a1");
  EXPECT_TRUE(vm.eval("(= 1 1)").as<bool>());
  EXPECT_EQ(vm.eval("(range 4)").as<std::vector<int>>(), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ((vm.eval("{:a 1 \"b\" 2}").as<std::map<std::string, int>>()), (std::map<std::string, int>{{"a", 1}, {"b", 2}}));
  EXPECT_EQ((vm.eval("{:x [1 2]}").as<std::unordered_map<std::string, std::vector<int64_t>>>().at("x")),
            (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(vm.eval("nil").as<std::optional<int>>(), std::nullopt);
  EXPECT_EQ(vm.eval("7").as<std::optional<int>>(), 7);
  EXPECT_EQ(vm.eval("18446744073709551615N").as<uint64_t>(), UINT64_MAX);
  EXPECT_EQ(vm.make(UINT64_MAX).pr_str(), "18446744073709551615N");

  clove::Handle v = vm.eval("[1 :k \"s\" nil]");
  EXPECT_EQ(v.type_name(), "clojure.lang.PersistentVector");
  EXPECT_EQ(v.count(), 4);
  EXPECT_EQ(v.pr_str(), "[1 :k \"s\" nil]");
  EXPECT_EQ(v.str(), "[1 :k \"s\" nil]");
  EXPECT_TRUE(v.nth(1).is_keyword());
  EXPECT_TRUE(v.nth(2).is_string());
  EXPECT_TRUE(v.nth(3).is_nil());
  EXPECT_TRUE(v.equals(vm.eval("'(1 :k \"s\" nil)")));  // Clojure's =
  EXPECT_EQ(v.hash(), vm.eval("(hash [1 :k \"s\" nil])").as<int32_t>());
  EXPECT_EQ(vm.eval("{:a {:b 5}}").get("a").get(":b").as<int>(), 5);
  EXPECT_EQ(vm.eval("nil").type_name(), "nil");
}

TEST(Api, ConversionErrorsNameTheTypes) {
  clove::VM vm;
  try {
    vm.eval("\"text\"").as<int64_t>();
    FAIL();
  } catch (const clove::Error& e) {
    EXPECT_EQ(e.class_name(), "java.lang.ClassCastException");
    EXPECT_EQ(e.message(), "java.lang.String cannot be converted to int64_t");
  }
  try {
    vm.eval("300").as<uint8_t>();
    FAIL();
  } catch (const clove::Error& e) {
    EXPECT_EQ(e.class_name(), "java.lang.ArithmeticException");
    EXPECT_EQ(e.message(), "300 is out of the range of uint8_t");
  }
  EXPECT_THROW(vm.eval("-1").as<uint32_t>(), clove::Error);
  EXPECT_THROW(vm.eval("1").as<std::string>(), clove::Error);
  EXPECT_THROW(vm.eval("42").count(), clove::Error);
  EXPECT_THROW(vm.eval("[1]").nth(5), clove::Error);
}

TEST(Api, MakeValuesAndCallFunctions) {
  clove::VM vm;
  clove::Handle inc = vm.var("clojure.core/inc");
  EXPECT_TRUE(inc.is_fn());
  EXPECT_EQ(vm.call(inc, 41).as<int>(), 42);
  EXPECT_EQ(inc(1).as<int>(), 2);
  EXPECT_EQ(vm.call("clojure.core/str", "a", 1, 2.5, true, std::string("z")).as<std::string>(), "a12.5truez");
  EXPECT_EQ(vm.call("clojure.core/count", std::vector<int>{1, 2, 3}).as<int>(), 3);
  EXPECT_EQ(vm.call("clojure.core/get", std::map<std::string, int>{{"k", 9}}, vm.keyword("k")).as<int>(), 9);
  EXPECT_EQ(vm.apply(vm.var("clojure.core/+"), {vm.integer(1), vm.integer(2), vm.number(0.5)}).as<double>(), 3.5);
  EXPECT_EQ(vm.map({{vm.keyword(":a"), vm.integer(1)}}).pr_str(), "{:a 1}");
  EXPECT_EQ(vm.set({vm.integer(1), vm.integer(1)}).pr_str(), "#{1}");
  EXPECT_EQ(vm.list({vm.symbol("f"), vm.string("x")}).pr_str(), "(f \"x\")");
  EXPECT_EQ(vm.make(std::optional<int>()).pr_str(), "nil");
  // A closure made in Clove, called from C++.
  clove::Handle adder = vm.eval("(fn [n] (fn [x] (+ x n)))")(10);
  EXPECT_EQ(adder(5).as<int>(), 15);
  EXPECT_TRUE(vm.has_var("clojure.core/map"));
  EXPECT_FALSE(vm.has_var("clojure.core/no-such-thing"));
  EXPECT_FALSE(vm.has_var("no.such.ns/x"));
  EXPECT_THROW(vm.var("clojure.core/no-such-thing"), clove::Error);
}

// Marshal between two VMs (as Janet's janet_marshal/janet_unmarshal): a closure and a
// suspended generator go over and go on; bad bytes and unwritable values are clove::Error.
TEST(Api, MarshalBetweenVms) {
  clove::VM a, b;
  std::string adder = a.marshal(a.eval("(let [n 10] (fn [x] (+ x n)))"));
  EXPECT_EQ(b.unmarshal(adder)(5).as<int>(), 15);
  clove::Handle gen = a.eval("(let [g (fiber/new (fn [] (doseq [i (range)] (fiber/yield i))))] (fiber/resume g) g)");
  clove::Handle moved = b.unmarshal(a.marshal(gen));
  EXPECT_EQ(b.call("clove.fiber/resume", moved).as<int>(), 1);
  EXPECT_EQ(b.call("clove.fiber/resume", moved).as<int>(), 2);
  EXPECT_THROW(b.unmarshal("CLVM junk"), clove::Error);
  EXPECT_THROW(a.marshal(a.eval("(transient [])")), clove::Error);
}

TEST(Api, HandlesKeepValuesAliveAndDieWithTheirVM) {
  std::vector<clove::Handle> kept;
  clove::Handle outlives;
  {
    clove::VM vm;
    const int n = gc_stress() ? 20 : 2000;
    for (int i = 0; i < n; ++i) kept.push_back(vm.eval("(vec (map str (range 3)))"));
    vm.eval("(dotimes [i 100000] (vec (range 10)))");  // garbage: collections run
    vm.collect();
    for (const clove::Handle& h : kept) ASSERT_EQ(h.pr_str(), "[\"0\" \"1\" \"2\"]");
    // Copies, moves and destruction in any order.
    clove::Handle a = kept[0];
    clove::Handle b = std::move(a);
    EXPECT_FALSE(a.has_vm());
    EXPECT_TRUE(a.is_nil());
    a = b;
    kept.erase(kept.begin());
    vm.collect();
    EXPECT_EQ(a.pr_str(), b.pr_str());
    outlives = b;
    EXPECT_TRUE(outlives.alive());
  }
  EXPECT_TRUE(outlives.has_vm());
  EXPECT_FALSE(outlives.alive());
  EXPECT_THROW(outlives.pr_str(), std::logic_error);
  EXPECT_THROW(outlives.vm(), std::logic_error);
  clove::Handle copy = outlives;  // copying and destroying dead handles is fine
  kept.clear();
}

TEST(Api, ErrorsCarryClassMessageDataAndTrace) {
  clove::VM vm;
  vm.eval("(defn inner [x] (throw (ex-info \"boom\" {:x x})))\n(defn outer [x] (+ 1 (inner x)))", "app.clj");
  try {
    vm.call("user/outer", 7);
    FAIL();
  } catch (const clove::Error& e) {
    EXPECT_EQ(e.class_name(), "clojure.lang.ExceptionInfo");
    EXPECT_EQ(e.message(), "boom");
    EXPECT_STREQ(e.what(), "clojure.lang.ExceptionInfo: boom");
    EXPECT_EQ(e.data().get("x").as<int>(), 7);
    ASSERT_GE(e.trace().size(), 2u);
    EXPECT_EQ(e.trace()[0].function, "user/inner");
    EXPECT_EQ(e.trace()[0].file, "app.clj");
    EXPECT_EQ(e.trace()[0].line, 1);
    EXPECT_EQ(e.trace()[1].function, "user/outer");
    EXPECT_NE(e.report().find("boom"), std::string::npos);
    EXPECT_FALSE(e.aborted());
  }
  clove::Error r = error_of(vm, "(+ 1\n  (");
  EXPECT_EQ(r.class_name(), "clojure.lang.LispReader$ReaderException");
  ASSERT_EQ(r.trace().size(), 1u);
  EXPECT_EQ(r.trace()[0].file, "<eval>");
  clove::Error c = error_of(vm, "(no-such-fn 1)");
  EXPECT_EQ(c.class_name(), "clojure.lang.Compiler$CompilerException");
  EXPECT_NE(c.message().find("no-such-fn"), std::string::npos);
  EXPECT_EQ(error_of(vm, "(/ 1 0)").class_name(), "java.lang.ArithmeticException");
  EXPECT_EQ(vm.eval("(+ 1 1)").as<int>(), 2);  // usable afterwards
}

TEST(Api, NativesConvertArgumentsAndResults) {
  clove::VM vm;
  vm.def("app", "add", [](int64_t a, int64_t b) { return a + b; }, "Adds two longs.");
  vm.def("app", "greet", [](const std::string& name, std::optional<std::string> title) {
    return (title ? *title + " " : std::string()) + name;
  });
  vm.def("app", "total", [](const std::vector<double>& xs) {
    double t = 0;
    for (double x : xs) t += x;
    return t;
  });
  vm.def("app", "keys-of", [](const std::map<std::string, int>& m) {
    std::vector<std::string> ks;
    for (const auto& [k, v] : m) ks.push_back(k);
    return ks;
  });
  vm.def("app", "count-rest", [](int first, clove::RestArgs rest) { return first + static_cast<int>(rest.size()); });
  vm.def("app", "twice", [](clove::VM& v, clove::Handle f, clove::Handle x) { return v.call(f, v.call(f, x)); });
  int calls = 0;
  vm.def("app", "tick", [&calls] { ++calls; });  // void: nil
  vm.def("app", "view-len", [](std::string_view s) { return s.size(); });
  EXPECT_EQ(vm.eval("(app/add 2 3)").as<int>(), 5);
  EXPECT_EQ(vm.eval("(app/greet \"Ada\" nil)").as<std::string>(), "Ada");
  EXPECT_EQ(vm.eval("(app/greet \"Ada\" \"Dr\")").as<std::string>(), "Dr Ada");
  EXPECT_DOUBLE_EQ(vm.eval("(app/total [1 2.5 3])").as<double>(), 6.5);
  EXPECT_EQ(vm.eval("(app/keys-of {:b 1 :a 2})").pr_str(), "[\"a\" \"b\"]");
  EXPECT_EQ(vm.eval("(app/count-rest 10 :a :b :c)").as<int>(), 13);
  EXPECT_EQ(vm.eval("(app/count-rest 10)").as<int>(), 10);
  EXPECT_EQ(vm.eval("(app/twice inc 5)").as<int>(), 7);                  // re-entry
  EXPECT_EQ(vm.eval("(app/twice (fn [x] (app/add x x)) 3)").as<int>(), 12);
  EXPECT_TRUE(vm.eval("(do (app/tick) (app/tick))").is_nil());
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(vm.eval("(app/view-len \"héllo\")").as<int>(), 6);  // UTF-8 bytes
  EXPECT_EQ(vm.eval("(map app/add [1 2] [10 20])").pr_str(), "(11 22)");  // first-class
}

TEST(Api, NativeErrorsAreCloveErrors) {
  clove::VM vm;
  vm.def("app", "add", [](int64_t a, int64_t b) { return a + b; });
  vm.def("app", "fail", [](int n) -> int { throw std::runtime_error("bad n " + std::to_string(n)); });
  vm.def("app", "call-clove", [](clove::VM& v, clove::Handle f) { return v.call(f); });
  clove::Error arity = error_of(vm, "(app/add 1)");
  EXPECT_EQ(arity.class_name(), "clojure.lang.ArityException");
  EXPECT_NE(arity.message().find("app/add"), std::string::npos);
  clove::Error type = error_of(vm, "(app/add 1 \"two\")");
  EXPECT_EQ(type.class_name(), "java.lang.ClassCastException");
  EXPECT_EQ(type.message(), "app/add: argument 2: java.lang.String cannot be converted to int64_t");
  // A C++ exception is a catchable RuntimeException inside Clove.
  EXPECT_EQ(vm.eval("(try (app/fail 3) (catch RuntimeException e (ex-message e)))").as<std::string>(),
            "bad n 3 (thrown by the native app/fail)");
  // A Clove error passing through a native keeps its class and data.
  EXPECT_EQ(vm.eval("(try (app/call-clove #(throw (ex-info \"inner\" {:k 1})))"
                    "  (catch clojure.lang.ExceptionInfo e [(ex-message e) (ex-data e)]))")
                .pr_str(),
            "[\"inner\" {:k 1}]");
  EXPECT_EQ(error_of(vm, "(app/call-clove #(/ 1 0))").class_name(), "java.lang.ArithmeticException");
}

TEST(Api, OutputSinksAndLoadPath) {
  std::string out, err;
  clove::Options opts;
  opts.out = [&](std::string_view s) { out += s; };
  opts.err = [&](std::string_view s) { err += s; };
  clove::VM vm(opts);
  vm.eval("(println \"hi\" 1) (binding [*out* *err*] (print \"oops\"))");
  EXPECT_EQ(out, "hi 1\n");
  EXPECT_EQ(err, "oops");
}

TEST(Api, BudgetAbortsAndTaskSuspendsAndResumes) {
  clove::Options opts;
  opts.max_instructions = 100000;
  clove::VM vm(opts);
  clove::Error e = error_of(vm, "(loop [] (recur))");
  EXPECT_TRUE(e.aborted());
  EXPECT_EQ(e.class_name(), "clove.lang.BudgetExhaustedError");
  vm.set_budget(clove::VM::kUnlimited);
  EXPECT_EQ(vm.budget_left(), clove::VM::kUnlimited);
  EXPECT_EQ(vm.eval("(+ 1 2)").as<int>(), 3);

  const int n = gc_stress() ? 2000 : 200000;
  clove::Handle work = vm.eval("(fn [n] (reduce + (map (fn [i] (* i i)) (range n))))");
  const int64_t expected = vm.call(work, n).as<int64_t>();
  clove::VM::Task task = vm.start(work, {vm.integer(n)});
  int resumes = 0;
  while (task.resume(5000) == clove::VM::Task::Status::Suspended) ++resumes;
  EXPECT_GT(resumes, 3);
  EXPECT_EQ(task.result().as<int64_t>(), expected);
  EXPECT_EQ(vm.budget_left(), clove::VM::kUnlimited);  // the task's budget was its own
  // An error inside a task reaches the host's resume.
  clove::VM::Task bad = vm.start(vm.eval("#(throw (ex-info \"task failed\" {}))"));
  EXPECT_THROW(bad.resume(1000), clove::Error);
  EXPECT_EQ(bad.status(), clove::VM::Task::Status::Done);
}

TEST(Api, ProgramsRunInSlicesGiveTheSameResult) {
  const std::string program = R"(
    (set! *warn-on-reflection* true)
    (defmacro twice [x] `(do ~x ~x))
    (def acc (atom []))
    (defn step [i] (swap! acc conj (* i i)))
    (dotimes [i 300] (twice (step i)))
    (println "steps" (count @acc))
    (do (def total (reduce + @acc)) (def lazy (doall (map inc (range 2000)))))
    [total (count lazy) (last lazy) *warn-on-reflection*])";
  std::string whole_out;
  clove::Options wopts;
  wopts.out = [&](std::string_view s) { whole_out += s; };
  clove::VM whole(wopts);
  const std::string expected = whole.eval(program).pr_str();
  for (int64_t slice : {200, 1000, 50000}) {
    std::string out;
    clove::Options opts;
    opts.out = [&](std::string_view s) { out += s; };
    clove::VM vm(opts);
    clove::VM::Task task = vm.start_eval(program, "sliced.clj");
    int resumes = 0;
    while (task.resume(slice) == clove::VM::Task::Status::Suspended) ++resumes;
    EXPECT_EQ(task.result().pr_str(), expected) << slice;
    EXPECT_EQ(out, whole_out) << slice;
    if (slice == 200) EXPECT_GT(resumes, 50);
  }
  // Errors: a reader error and a runtime error end the task with clove::Error.
  clove::VM vm;
  clove::VM::Task bad = vm.start_eval("(def x 1) (/ x 0)");
  EXPECT_THROW(while (bad.resume(100) == clove::VM::Task::Status::Suspended) {}, clove::Error);
  EXPECT_EQ(bad.status(), clove::VM::Task::Status::Done);
  clove::VM::Task unread = vm.start_eval("(+ 1");
  EXPECT_THROW(unread.resume(1000), clove::Error);
  // An endless loop never finishes, but every slice returns.
  clove::VM::Task endless = vm.start_eval("(loop [] (recur))");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(endless.resume(10000), clove::VM::Task::Status::Suspended);
  EXPECT_EQ(vm.eval("(+ 1 2)").as<int>(), 3);
}

TEST(Api, MemoryCapIsACatchableError) {
  clove::Options opts;
  opts.max_memory = 48u << 20;
  clove::VM vm(opts);
  const char* bomb = "(loop [s \"xy\"] (recur (str s s)))";
  clove::Error e = error_of(vm, bomb);
  EXPECT_EQ(e.class_name(), "java.lang.OutOfMemoryError");
  EXPECT_FALSE(e.aborted());
  EXPECT_EQ(vm.eval(std::string("(try ") + bomb + " (catch OutOfMemoryError e :caught))").pr_str(), ":caught");
  EXPECT_EQ(vm.eval("(+ 1 2)").as<int>(), 3);
  clove::Options tiny;
  tiny.max_memory = 1000;
  EXPECT_THROW(clove::VM{tiny}, std::invalid_argument);
}

TEST(Api, InterruptFromAnotherThread) {
  clove::VM vm;
  std::atomic<bool> stop{false};
  std::thread t([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    vm.interrupt();
  });
  clove::Error e = error_of(vm, "(loop [i 0] (recur (inc i)))");
  t.join();
  EXPECT_EQ(e.class_name(), "clove.lang.InterruptedError");
  EXPECT_EQ(vm.eval("(+ 1 2)").as<int>(), 3);
}

TEST(Api, SandboxGrantsCapabilitiesOneByOne) {
  clove::Options opts;
  opts.sandboxed = true;
  opts.capabilities = clove::Capability::Env | clove::Capability::Time;
  clove::VM vm(opts);
  EXPECT_TRUE(vm.has_capability(clove::Capability::Env));
  EXPECT_FALSE(vm.has_capability(clove::Capability::Fs));
  clove::Error e = error_of(vm, "(slurp \"/etc/hostname\")");
  EXPECT_EQ(e.class_name(), "clove.lang.SandboxException");
  EXPECT_NE(e.message().find("fs capability"), std::string::npos);
  EXPECT_THROW(vm.load_file("/nonexistent.clj"), clove::Error);  // :load missing
  EXPECT_EQ(error_of(vm, "(clove.ffi/fn nil \"abs\" :int [:int])").class_name(), "clove.lang.SandboxException");
  vm.grant(static_cast<uint32_t>(clove::Capability::Fs));
  EXPECT_TRUE(vm.has_capability(clove::Capability::Fs));
  EXPECT_EQ(error_of(vm, "(slurp \"/nonexistent-file\")").class_name(), "java.io.FileNotFoundException");
  vm.revoke(static_cast<uint32_t>(clove::Capability::Fs));
  EXPECT_EQ(error_of(vm, "(slurp \"/etc/hostname\")").class_name(), "clove.lang.SandboxException");
}

TEST(Api, ManyVMsOnManyThreads) {
  const int threads = 4, rounds = gc_stress() ? 2 : 20;
  std::vector<std::thread> ts;
  std::atomic<int> ok{0};
  for (int t = 0; t < threads; ++t) {
    ts.emplace_back([&, t] {
      clove::VM vm;
      vm.def("host", "id", [t] { return t; });
      for (int r = 0; r < rounds; ++r) {
        clove::Handle v = vm.eval("(defonce acc (atom [])) (swap! acc conj (host/id)) (reduce + (range 1000))");
        if (v.as<int>() == 499500 && vm.eval("(every? #(= % (host/id)) @acc)").as<bool>()) ++ok;
      }
    });
  }
  for (auto& th : ts) th.join();
  EXPECT_EQ(ok.load(), threads * rounds);
}

}  // namespace

namespace {

/// A host type for the host-object tests; counts live instances.
struct Sprite {
  static inline int alive = 0;
  std::string name;
  double x = 0, y = 0;
  std::vector<int> frames;
  explicit Sprite(std::string n, std::vector<int> f = {}) : name(std::move(n)), frames(std::move(f)) { ++alive; }
  ~Sprite() { --alive; }
};

void define_sprite(clove::VM& vm) {
  vm.define_class<Sprite>("game", "Sprite")
      .method("move", [](Sprite& s, double dx, double dy) {
        s.x += dx;
        s.y += dy;
        return s.x + s.y;
      })
      .method("name", [](const Sprite& s) { return s.name; })
      .to_string([](const Sprite& s) { return "sprite " + s.name; })
      .equals([](const Sprite& a, const Sprite& b) { return a.name == b.name; })
      .hash([](const Sprite& s) { return std::hash<std::string>()(s.name) & 0x7fffffff; })
      .count([](const Sprite& s) { return s.frames.size(); })
      .nth([](const Sprite& s, int64_t i) { return s.frames.at(static_cast<size_t>(i)); })
      .seq([](const Sprite& s) { return s.frames; })
      .get([](const Sprite& s, clove::Handle key) -> std::optional<double> {
        std::string k = key.str();
        if (k == ":x") return s.x;
        if (k == ":y") return s.y;
        return std::nullopt;
      })
      .invoke([](Sprite& s, int i) { return s.frames.at(static_cast<size_t>(i)) * 10; });
}

TEST(ApiHost, ObjectsBehaveAsTheHostSays) {
  clove::VM vm;
  define_sprite(vm);
  clove::Handle s = vm.wrap(std::make_unique<Sprite>("hero", std::vector<int>{4, 5, 6}));
  vm.eval("(def ^:dynamic *s* nil)");
  clove::Handle f = vm.eval("(fn [s] [(str s) (count s) (nth s 1) (vec s) (map inc s) (:x s) (get s :nope :dflt)"
                            "        (.name s) (.move s 1.5 2) (:y s) (s 2) (class s) (instance? game/Sprite s)])");
  EXPECT_EQ(f(s).pr_str(),
            "[\"sprite hero\" 3 5 [4 5 6] (5 6 7) 0.0 :dflt \"hero\" 3.5 2.0 60 game.Sprite true]");
  EXPECT_NE(s.pr_str().find("#object[game.Sprite 0x"), std::string::npos);
  EXPECT_NE(s.pr_str().find(" \"sprite hero\"]"), std::string::npos);
  EXPECT_EQ(s.as<Sprite*>()->x, 1.5);
  // = and hash by the host's rule: two objects with the same name are equal.
  clove::Handle twin = vm.wrap(std::make_unique<Sprite>("hero"));
  EXPECT_TRUE(s.equals(twin));
  EXPECT_EQ(s.hash(), twin.hash());
  EXPECT_EQ(vm.call("clojure.core/count", vm.call("clojure.core/hash-set", s, twin)).as<int>(), 1);
  EXPECT_FALSE(s.equals(vm.wrap(std::make_unique<Sprite>("villain"))));
  // Protocols and multimethods on the class.
  EXPECT_EQ(vm.eval("(defprotocol Named (label [x]))"
                    "(extend-protocol Named game/Sprite (label [x] (str \"<\" (.name x) \">\")))"
                    "(defmulti kind class) (defmethod kind game/Sprite [_] :sprite) (defmethod kind :default [_] :other)"
                    "(fn [s] [(label s) (kind s) (kind 1)])")(s)
                .pr_str(),
            "[\"<hero>\" :sprite :other]");
}

TEST(ApiHost, ErrorsNameTheClass) {
  clove::VM vm;
  define_sprite(vm);
  clove::Handle s = vm.wrap(std::make_unique<Sprite>("hero", std::vector<int>{1}));
  clove::Handle call = vm.eval("(fn [f x] (try (f x) (catch Throwable e [(.getName (class e)) (ex-message e)])))");
  EXPECT_EQ(call(vm.eval("#(nth % 5)"), s).pr_str(),
            "[\"java.lang.IndexOutOfBoundsException\" \"Index 5 out of bounds for game.Sprite\"]");
  EXPECT_EQ(call(vm.eval("#(.jump %)"), s).pr_str(),
            "[\"java.lang.IllegalArgumentException\" \"No matching field found: jump for class game.Sprite\"]");
  EXPECT_EQ(call(vm.eval("#(.jump % 1)"), s).pr_str(),
            "[\"java.lang.IllegalArgumentException\" \"No matching method jump found taking 1 args for class "
            "game.Sprite\"]");
  EXPECT_EQ(call(vm.eval("#(.move % \"far\" 1)"), s).pr_str(),
            "[\"java.lang.ClassCastException\" \"game.Sprite.move: argument 2: java.lang.String cannot be converted "
            "to double\"]");
  EXPECT_THROW(vm.eval("42").as<Sprite*>(), clove::Error);
  // A class without count, seq or invoke says so, as Clojure does for a Java object.
  struct Plain {};
  vm.define_class<Plain>("game", "Plain");
  clove::Handle p = vm.wrap(std::make_unique<Plain>());
  EXPECT_EQ(call(vm.var("clojure.core/count"), p).pr_str(),
            "[\"java.lang.UnsupportedOperationException\" \"count not supported on this type: game.Plain\"]");
  EXPECT_EQ(call(vm.eval("#(%)"), p).pr_str(),
            "[\"java.lang.ClassCastException\" \"class game.Plain cannot be cast to class clojure.lang.IFn\"]");
  EXPECT_TRUE(vm.call("clojure.core/=", p, p).as<bool>());  // identity
  EXPECT_THROW(vm.define_class<Plain>("game", "Other"), clove::Error);  // once per type
}

TEST(ApiHost, OwnedObjectsAreFinalizedAndBorrowedOnesInvalidated) {
  Sprite::alive = 0;
  {
    clove::VM vm;
    define_sprite(vm);
    vm.eval("(def keep [])");
    for (int i = 0; i < 50; ++i) vm.call("clojure.core/identity", vm.wrap(std::make_unique<Sprite>("tmp")));
    clove::Handle kept = vm.wrap(std::make_unique<Sprite>("kept"));
    if (!gc_stress()) EXPECT_EQ(Sprite::alive, 51);  // (stress collects them at once)
    vm.eval("nil");  // the last value returned to C++ stays reachable until the next
    vm.collect();
    vm.collect();
    EXPECT_EQ(Sprite::alive, 1);  // the unreferenced ones were deleted
    Sprite local("borrowed");
    clove::Handle b = vm.borrow(&local);
    vm.eval("(def saved nil)");
    vm.call("clojure.core/intern", vm.symbol("user"), vm.symbol("saved"), b);
    EXPECT_EQ(vm.eval("(.name saved)").as<std::string>(), "borrowed");
    vm.invalidate(b);
    clove::Error e = error_of(vm, "(.name saved)");
    EXPECT_EQ(e.class_name(), "java.lang.IllegalStateException");
    EXPECT_EQ(e.message(), "game.Sprite object is no longer valid: the host invalidated it");
    EXPECT_THROW(b.as<Sprite*>(), clove::Error);
    EXPECT_EQ(vm.eval("(.getName (class saved))").as<std::string>(), "game.Sprite");  // the value itself is fine
    vm.invalidate(kept);  // owned: deleted now
    EXPECT_EQ(Sprite::alive, 1);  // `local` only
    vm.wrap(std::make_unique<Sprite>("at exit"));
    EXPECT_EQ(Sprite::alive, 2);
  }
  EXPECT_EQ(Sprite::alive, 0);  // the VM's destruction finalized the rest
}

/// A 2-D vector with arithmetic: v + v, v - v, v * number, number * v.
struct Vec2 {
  double x, y;
};

TEST(ApiHost, ArithmeticOnHostObjects) {
  clove::VM vm;
  vm.define_class<Vec2>("geo", "Vec2")
      .to_string([](const Vec2& v) { return "<" + std::to_string(static_cast<int>(v.x)) + "," +
                                            std::to_string(static_cast<int>(v.y)) + ">"; })
      .method("x", [](const Vec2& v) { return v.x; })
      .arithmetic([](clove::VM& vm, clove::Arith op, const clove::Handle& a, const clove::Handle& b) -> clove::Handle {
        auto vec = [](const clove::Handle& h) { return h.is_number() ? nullptr : h.as<Vec2*>(); };
        Vec2 *va = vec(a), *vb = vec(b);
        if (va && vb && (op == clove::Arith::Add || op == clove::Arith::Sub)) {
          double s = op == clove::Arith::Add ? 1 : -1;
          return vm.wrap(std::make_unique<Vec2>(Vec2{va->x + s * vb->x, va->y + s * vb->y}));
        }
        if (op == clove::Arith::Mul && (va == nullptr) != (vb == nullptr)) {
          Vec2* v = va ? va : vb;
          double k = (va ? b : a).as<double>();
          return vm.wrap(std::make_unique<Vec2>(Vec2{v->x * k, v->y * k}));
        }
        throw std::invalid_argument("unsupported Vec2 arithmetic");
      });
  vm.def("geo", "v", [](clove::VM& vm, double x, double y) { return vm.wrap(std::make_unique<Vec2>(Vec2{x, y})); });
  EXPECT_EQ(vm.eval("(str (+ (geo/v 1 2) (geo/v 10 20)) (- (geo/v 5 5) (geo/v 1 2)) (* 3 (geo/v 1 2)) (* (geo/v 1 2) 2)"
                    "     (reduce + [(geo/v 1 1) (geo/v 2 2) (geo/v 3 3)]))")
                .as<std::string>(),
            "<11,22><4,3><3,6><2,4><6,6>");
  EXPECT_EQ(vm.eval("(try (/ (geo/v 1 1) 2) (catch RuntimeException e (ex-message e)))").as<std::string>(),
            "unsupported Vec2 arithmetic (thrown by the native geo.Vec2)");
  EXPECT_EQ(vm.eval("(try (mod (geo/v 1 1) 2) (catch ClassCastException e (ex-message e)))").as<std::string>(),
            "class geo.Vec2 cannot be cast to class java.lang.Number");
  // A class without arithmetic is not a number.
  struct Token {};
  vm.define_class<Token>("geo", "Token");
  vm.def("geo", "token", [](clove::VM& vm) { return vm.wrap(std::make_unique<Token>()); });
  EXPECT_EQ(vm.eval("(try (+ 1 (geo/token)) (catch ClassCastException e (ex-message e)))").as<std::string>(),
            "class geo.Token cannot be cast to class java.lang.Number");
}

TEST(ApiHost, NativesTakeHostObjects) {
  clove::VM vm;
  define_sprite(vm);
  vm.def("game", "rename!", [](Sprite* s, std::string n) { s->name = std::move(n); });
  clove::Handle s = vm.wrap(std::make_unique<Sprite>("a"));
  vm.call("game/rename!", s, "b");
  EXPECT_EQ(s.as<Sprite*>()->name, "b");
  EXPECT_EQ(error_of(vm, "(game/rename! 1 \"c\")").message(),
            "game/rename!: argument 1: java.lang.Long cannot be converted to game.Sprite");
}

}  // namespace
