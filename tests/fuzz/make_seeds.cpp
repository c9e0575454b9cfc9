// make_seeds.cpp: writes the unmarshal fuzz target's seed inputs: marshal's bytes of a
// range of values (every kind of value, closures, cycles, suspended fibers of each kind
// marshal writes), data with deferred bodies and a program image.
//   fuzz_make_seeds DIR
#include <cstdio>
#include <fstream>
#include <string>

#include "api/runtime.h"
#include "image/marshal.h"
#include "image/program.h"

namespace {

const char* const kSeeds[] = {
    "nil", "[1 -2 3.5 \\a \"text\" :k :ns/k 'sym 1N 1/3 1.5M ##NaN]",
    "{:a 1 \"b\" [2 3] #{4 5} (list 6 7)}",
    "(sorted-map 3 :c 1 :a 2 :b)",
    "(with-meta [1 2] {:tag :v})",
    "(range 1 100 7)",
    "(doall (map inc (range 40)))",
    "(let [a (atom nil)] (reset! a [a a]) a)",
    "(let [x 10] (fn [y] (+ x y)))",
    "(letfn [(ev? [n] (if (zero? n) true (od? (dec n)))) (od? [n] (if (zero? n) false (ev? (dec n))))] ev?)",
    "(fn f ([] (f 1)) ([x] (try (/ 10 x) (catch ArithmeticException e :div0))) ([x & more] (case x 1 :one :other)))",
    "(do (defrecord Point [x y]) (->Point 1 2))",
    "(delay (+ 1 2))",
    "(lazy-seq (cons 1 nil))",
    "#uuid \"550e8400-e29b-41d4-a716-446655440000\"",
    "#inst \"2020-01-02T03:04:05.000-00:00\"",
    "#\"a(b+)c\"",
    "(ex-info \"boom\" {:k 1})",
    "str",
    "[String (class 1) clojure.lang.IFn (class (long-array 0)) {Long :l} (into-array String [\"a\"])]",
    // Suspended fibers: yielded, inside `binding`, waiting in a native's call.
    "(let [f (fiber/new (fn [] (loop [i 0] (fiber/yield i) (recur (inc i)))))] (fiber/resume f) (fiber/resume f) f)",
    "(do (def ^:dynamic *d* 0) (let [f (fiber/new (fn [] (binding [*d* 1] (fiber/yield *d*) *d*)))] (fiber/resume f) f))",
    "(let [f (fiber/new (fn [] (doall (map (fn [x] (fiber/yield x)) [1 2 3]))))] (fiber/resume f) f)",
};

// Fibers the instruction budget pauses (resumed under a small budget): one that catches
// :budget itself, and a chain of three whose innermost ran out.
const char* const kBudgetSeeds[] = {
    "(fiber/new (fn [] (loop [i 0 acc []] (if (< i 100000) (recur (inc i) (conj acc i)) (count acc)))) #{:budget})",
    "(fiber/new (fn [] [:outer (fiber/resume (fiber/new (fn [] [:mid (fiber/resume (fiber/new (fn []"
    "  (loop [i 0 acc 0] (if (< i 100000) (recur (inc i) (+ acc i)) acc)))))])))]) #{:budget})",
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_make_seeds DIR\n");
    return 2;
  }
  std::string dir = argv[1];
  clove::Runtime vm;
  int n = 0;
  for (const char* src : kSeeds) {
    std::string bytes = clove::marshal(vm, vm.eval_string(src, "<seed>"));
    std::ofstream(dir + "/seed" + std::to_string(n++) + ".bin", std::ios::binary) << bytes;
  }
  for (const char* src : kBudgetSeeds) {
    clove::Value f = vm.eval_string(src, "<seed>");
    vm.permanent.push_back(f);
    vm.set_budget(5000);
    vm.call(vm.eval_string("clove.fiber/resume", "<seed>"), {f});
    vm.set_budget(clove::State::kUnlimited);
    std::string bytes = clove::marshal(vm, f);
    std::ofstream(dir + "/seed" + std::to_string(n++) + ".bin", std::ios::binary) << bytes;
  }
  // Deferred bodies (marshal.md): the body table after the value, EXPORT references,
  // read eagerly and verified by any reader but the core image's.
  {
    clove::MarshalOptions opts;
    opts.defer_bodies = true;
    clove::Value fns = vm.eval_string(
        "(defn seed-f ([x] (let [g (fn [y] (str \"f\" x y))] (g 1))) ([x & m] (apply str x m)))"
        "(defn seed-g [m] (reduce-kv (fn [a k v] (+ a v)) 0 m)) [seed-f seed-g {:k seed-f}]",
        "<seed>");
    vm.permanent.push_back(fns);
    std::ofstream(dir + "/deferred.bin", std::ios::binary) << clove::marshal(vm, fns, opts);
  }
  std::string prog = dir + "/program.clj";
  std::ofstream(prog) << "(ns seed.main)\n(defn f [x] (* x 2))\n(def v (mapv f (range 5)))\n(str v)\n";
  std::string image = clove::compile_program(vm, prog);
  std::remove(prog.c_str());
  std::ofstream(dir + "/program.bin", std::ios::binary) << image;
  return 0;
}
