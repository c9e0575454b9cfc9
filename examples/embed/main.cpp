// main.cpp: a host program that embeds Clove (docs/embedding.md).
//
// It exposes C++ functions and a C++ type to scripts, calls a Clove callback from C++,
// runs an untrusted script under an instruction budget and a memory cap in a sandbox,
// spreads a program over budgeted slices (a task), and runs scripts in several VMs on
// several threads.
// Prints what each part did; exits 0 when every part behaved as expected.
#include <clove/clove.h>

#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

int failures = 0;
void check(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

/// A host with an inventory that scripts can query and extend.
struct Inventory {
  std::vector<std::pair<std::string, double>> items;
};

void expose_functions(clove::VM& vm, Inventory& inv) {
  vm.def("shop", "add-item!", [&inv](std::string name, double price) {
    inv.items.emplace_back(std::move(name), price);
    return static_cast<int64_t>(inv.items.size());
  }, "Adds an item; returns how many there are.");
  vm.def("shop", "prices", [&inv] {
    std::vector<double> ps;
    for (const auto& [n, p] : inv.items) ps.push_back(p);
    return ps;
  }, "The prices of every item, in order.");
  vm.def("shop", "hypot", [](double x, double y) { return std::hypot(x, y); });
}

/// A C++ type that scripts use as a Clove value (host objects, clove/host.h).
struct Account {
  std::string owner;
  int64_t cents = 0;
};

void host_type() {
  clove::VM vm;
  vm.define_class<Account>("bank", "Account")
      .method("deposit", [](Account& a, int64_t cents) {
        if (cents <= 0) throw std::invalid_argument("deposit must be positive");
        a.cents += cents;
        return a.cents;
      })
      .get([](const Account& a, clove::Handle key) -> std::optional<clove::Handle> {
        if (key.str() == ":owner") return key.vm().string(a.owner);
        if (key.str() == ":cents") return key.vm().integer(a.cents);
        return std::nullopt;
      })
      .to_string([](const Account& a) { return a.owner + ": " + std::to_string(a.cents) + " cents"; });
  vm.def("bank", "open", [](clove::VM& v, std::string owner) {
    return v.wrap(std::make_unique<Account>(Account{std::move(owner), 0}));
  });
  clove::Handle acct = vm.eval(R"(
    (def acct (bank/open "ada"))
    (.deposit acct 250)
    (.deposit acct 100)
    acct)");
  check(acct.as<Account*>()->cents == 350 && acct.str() == "ada: 350 cents", "a C++ type used from a script: " + acct.str());
  check(vm.eval("(try (.deposit acct -5) (catch RuntimeException e (ex-message e)))").as<std::string>().rfind(
            "deposit must be positive", 0) == 0,
        "a C++ exception is a Clove error");
  check(vm.eval("[(:owner acct) (instance? bank/Account acct)]").pr_str() == "[\"ada\" true]",
        "keyword lookup and instance? on the C++ type");
}

void functions_and_callbacks() {
  clove::VM vm;
  Inventory inv;
  expose_functions(vm, inv);
  vm.eval(R"(
    (shop/add-item! "tea" 3.5)
    (shop/add-item! "cake" 4.25)
    (defn total [] (reduce + (shop/prices)))
    (defn discount [pct] (fn [price] (* price (- 1 (/ pct 100.0)))))
  )", "shop.clj");
  check(vm.call("user/total").as<double>() == 7.75, "a script calls C++ functions: total 7.75");
  clove::Handle ten_off = vm.call("user/discount", 10);  // a Clove closure, called from C++
  check(std::abs(ten_off(20).as<double>() - 18.0) < 1e-9, "C++ calls a Clove closure: 20 -> 18");
  try {
    vm.eval("(shop/add-item! \"bad\" \"not a price\")");
    check(false, "a bad argument is an error");
  } catch (const clove::Error& e) {
    check(e.class_name() == "java.lang.ClassCastException", "a bad argument is an error: " + e.message());
  }
}

void untrusted_script() {
  clove::Options opts;
  opts.sandboxed = true;                  // no files, processes, environment, clock
  opts.max_instructions = 1000000;
  opts.max_memory = 64u << 20;
  clove::VM vm(opts);
  try {
    vm.eval("(slurp \"/etc/passwd\")");
    check(false, "the sandbox refuses files");
  } catch (const clove::Error& e) {
    check(e.class_name() == "clove.lang.SandboxException", "the sandbox refuses files: " + e.message());
  }
  try {
    vm.eval("(loop [] (recur))");
    check(false, "the budget stops an endless loop");
  } catch (const clove::Error& e) {
    check(e.aborted(), "the budget stops an endless loop: " + e.message());
  }
  vm.set_budget(100000000);
  try {
    vm.eval("(loop [s \"ab\"] (recur (str s s)))");
    check(false, "the memory cap stops an allocation bomb");
  } catch (const clove::Error& e) {
    check(e.class_name() == "java.lang.OutOfMemoryError", "the memory cap stops an allocation bomb: " + e.message());
  }
  vm.set_budget(1000000);
  check(vm.eval("(+ 1 2)").as<int>() == 3, "the VM is usable afterwards");
}

void task_in_slices() {
  clove::VM vm;
  clove::VM::Task script = vm.start_eval("(def squares (mapv #(* % %) (range 1000))) (reduce + squares)", "script.clj");
  int script_slices = 1;
  while (script.resume(5000) == clove::VM::Task::Status::Suspended) ++script_slices;
  check(script.result().as<int64_t>() == 332833500,
        "a script in " + std::to_string(script_slices) + " slices of 5,000 instructions");
  clove::Handle primes = vm.eval(R"(
    (fn [n] (count (filter (fn [k] (not-any? #(zero? (rem k %)) (range 2 k))) (range 2 n)))))");
  clove::VM::Task task = vm.start(primes, {vm.integer(2000)});
  int slices = 0;
  while (task.resume(20000) == clove::VM::Task::Status::Suspended) ++slices;
  check(task.result().as<int>() == 303, "a task in " + std::to_string(slices + 1) + " slices finds 303 primes");
}

void vms_on_threads() {
  std::vector<std::thread> threads;
  std::vector<int64_t> results(4);
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([t, &results] {
      clove::VM vm;
      results[t] = vm.call(vm.eval("(fn [n] (reduce + (range n)))"), 100000 * (t + 1)).as<int64_t>();
    });
  for (auto& th : threads) th.join();
  bool ok = true;
  for (int t = 0; t < 4; ++t) {
    int64_t n = 100000 * (t + 1);
    ok = ok && results[t] == n * (n - 1) / 2;
  }
  check(ok, "four VMs on four threads");
}

}  // namespace

int main() {
  std::printf("%s\n", clove::build_stamp());
  functions_and_callbacks();
  host_type();
  untrusted_script();
  task_in_slices();
  vms_on_threads();
  return failures == 0 ? 0 : 1;
}
