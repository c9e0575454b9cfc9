// system.cpp: shims for the java.lang.System statics Clojure code calls for time
// (System/nanoTime, System/currentTimeMillis), used by clojure.core/time, and for the
// process (System/getenv, System/getProperty, System/exit), and Thread/sleep.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/coll/identity_hash.h"

#include "natives/args.h"

namespace clove {

namespace {

Value s_nano_time(State& vm, Args) {
  vm.require_capability(CapabilityId::Time, "System/nanoTime");
  auto t = std::chrono::steady_clock::now().time_since_epoch();
  return make_long(vm.heap, std::chrono::duration_cast<std::chrono::nanoseconds>(t).count());
}

Value s_current_time_millis(State& vm, Args) {
  vm.require_capability(CapabilityId::Time, "System/currentTimeMillis");
  auto t = std::chrono::system_clock::now().time_since_epoch();
  return make_long(vm.heap, std::chrono::duration_cast<std::chrono::milliseconds>(t).count());
}

extern "C" char** environ;

Value s_getenv(State& vm, Args a) {
  vm.require_capability(CapabilityId::Env, "System/getenv");
  if (a.size() == 1) {
    const char* v = std::getenv(std::string(arg_string(a, 0, "System/getenv")->view()).c_str());
    return v ? string_value(vm.heap, v) : Value::nil();
  }
  std::vector<Value> kvs;
  for (char** e = environ; *e; ++e) {
    const char* eq = std::strchr(*e, '=');
    if (!eq) continue;
    kvs.push_back(string_value(vm.heap, std::string_view(*e, eq - *e)));
    kvs.push_back(string_value(vm.heap, eq + 1));
  }
  return map_from(vm, kvs.data(), kvs.size() / 2);
}

/// The few Java system properties scripts ask for, from the process environment.
Value s_get_property(State& vm, Args a) {
  vm.require_capability(CapabilityId::Env, "System/getProperty");
  std::string key(arg_string(a, 0, "System/getProperty")->view());
  std::string val;
  bool found = true;
  if (key == "user.dir") {
    char buf[4096];
    found = getcwd(buf, sizeof buf) != nullptr;
    if (found) val = buf;
  } else if (key == "user.home" || key == "user.name") {
    const char* v = std::getenv(key == "user.home" ? "HOME" : "USER");
    found = v != nullptr;
    if (found) val = v;
  } else if (key == "os.name") {
    val = "Linux";
  } else if (key == "line.separator") {
    val = "\n";
  } else if (key == "file.separator") {
    val = "/";
  } else if (key == "path.separator") {
    val = ":";
  } else if (key == "java.io.tmpdir") {
    const char* v = std::getenv("TMPDIR");
    val = v ? v : "/tmp";
  } else {
    found = false;
  }
  if (found) return string_value(vm.heap, val);
  return a.size() > 1 ? a[1] : Value::nil();
}

Value s_exit(State& vm, Args a) {
  vm.require_capability(CapabilityId::Process, "System/exit");
  int64_t code = arg_long(a, 0, "System/exit");
  std::fflush(stdout);
  std::fflush(stderr);
  std::exit(static_cast<int>(code));
}

Value s_sleep(State&, Args a) {
  int64_t ms = arg_long(a, 0, "Thread/sleep");
  if (ms < 0) throw_error(ErrorKind::IllegalArgumentException, "timeout value is negative");
  std::fflush(stdout);  // what was printed before the pause shows during it
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  return Value::nil();
}

// System.identityHashCode: 0 for nil, an object's identity hash (the one its #object
// text and a hash without hashCode show); a value held in the word itself (a small
// long, a double, a character, a boolean) has no identity, and gives its hash.
Value s_identity_hash_code(State& vm, Args a) {
  Value v = a[0];
  if (v.is_nil()) return Value::small_int(0);
  uint32_t h = v.is_obj() ? identity_hash(v.as_obj()) : hash(vm, v);
  return Value::small_int(static_cast<int32_t>(h));
}

}  // namespace

void install_system_natives(State& vm) {
  const char* S = "System";
  vm.def_native(S, "nanoTime", s_nano_time, 0, 0,
                "The current value of a monotonic clock, in nanoseconds (only differences are meaningful).",
                "([])");
  vm.def_native(S, "currentTimeMillis", s_current_time_millis, 0, 0,
                "The current wall-clock time in milliseconds since 1970-01-01T00:00:00Z.", "([])");
  vm.def_native(S, "getenv", s_getenv, 0, 1,
                "The value of the environment variable name (nil if unset), or with no argument a map of the whole environment.",
                "([] [name])");
  vm.def_native(S, "getProperty", s_get_property, 1, 2,
                "A system property: Clove knows user.dir, user.home, user.name, os.name, line.separator, file.separator, path.separator and java.io.tmpdir; others give default (nil).",
                "([key] [key default])");
  vm.def_native(S, "identityHashCode", s_identity_hash_code, 1, 1,
                "The identity hash of x (an int): 0 for nil; an object's own, the hex its #object text shows.",
                "([x])");
  vm.def_native(S, "exit", s_exit, 1, 1,
                "Flushes stdout and stderr and ends the process with the status code (it exits the host process too when Clove is embedded).",
                "([status])");
  vm.def_native("Thread", "sleep", s_sleep, 1, 1,
                "Blocks the calling thread for ms milliseconds (the whole VM: Clove has no threads of its own). Throws IllegalArgumentException for a negative time.",
                "([ms])");
}

}  // namespace clove
