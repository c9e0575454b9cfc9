// io.cpp: printing to *out* (pr prn print println newline, the -str variants,
// with-out-str's capture hooks) and flush.
#include <cstdio>

#include "runtime/natives/args.h"
#include "runtime/print.h"

namespace clove {

namespace {

std::string join(VM& vm, Args a, bool readably) {
  std::string out;
  for (int i = 0; i < a.size(); ++i) {
    if (i) out += ' ';
    print_value(vm, out, a[i], readably);
  }
  return out;
}

Value io_pr(VM& vm, Args a) { vm.write_out(join(vm, a, true)); return Value::nil(); }
Value io_prn(VM& vm, Args a) { vm.write_out(join(vm, a, true) + "\n"); return Value::nil(); }
Value io_print(VM& vm, Args a) { vm.write_out(join(vm, a, false)); return Value::nil(); }
Value io_println(VM& vm, Args a) { vm.write_out(join(vm, a, false) + "\n"); return Value::nil(); }
Value io_newline(VM& vm, Args) { vm.write_out("\n"); return Value::nil(); }
Value io_pr_str(VM& vm, Args a) { return string_value(vm.heap, join(vm, a, true)); }
Value io_prn_str(VM& vm, Args a) { return string_value(vm.heap, join(vm, a, true) + "\n"); }
Value io_print_str(VM& vm, Args a) { return string_value(vm.heap, join(vm, a, false)); }
Value io_println_str(VM& vm, Args a) { return string_value(vm.heap, join(vm, a, false) + "\n"); }
Value io_flush(VM&, Args) { std::fflush(stdout); return Value::nil(); }

// with-out-str: (-push-out-capture) ... (-pop-out-capture) returns the captured text.
Value io_push_capture(VM& vm, Args) { vm.out_capture.push_back(new std::string()); return Value::nil(); }
Value io_pop_capture(VM& vm, Args) {
  if (vm.out_capture.empty()) throw_error(ErrorKind::IllegalStateException, "no output capture active");
  std::string* s = vm.out_capture.back();
  vm.out_capture.pop_back();
  Value r = string_value(vm.heap, *s);
  delete s;
  return r;
}

}  // namespace

void install_io_natives(VM& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "pr", io_pr, 0, -1, "Prints the object(s) to the output stream that is the current value of *out*, readably, separated by spaces.", "([] [x] [x & more])");
  vm.def_native(C, "prn", io_prn, 0, -1, "Same as pr followed by (newline).", "([& more])");
  vm.def_native(C, "print", io_print, 0, -1, "Prints the object(s) to the output stream that is the current value of *out*, for human consumption.", "([& more])");
  vm.def_native(C, "println", io_println, 0, -1, "Same as print followed by (newline).", "([& more])");
  vm.def_native(C, "newline", io_newline, 0, 0, "Writes a platform-specific newline to *out*.", "([])");
  vm.def_native(C, "pr-str", io_pr_str, 0, -1, "pr to a string, returning it.", "([& xs])");
  vm.def_native(C, "prn-str", io_prn_str, 0, -1, "prn to a string, returning it.", "([& xs])");
  vm.def_native(C, "print-str", io_print_str, 0, -1, "print to a string, returning it.", "([& xs])");
  vm.def_native(C, "println-str", io_println_str, 0, -1, "println to a string, returning it.", "([& xs])");
  vm.def_native(C, "flush", io_flush, 0, 0, "Flushes the output stream that is the current value of *out*.", "([])");
  vm.def_native(C, "-push-out-capture", io_push_capture, 0, 0, "Hook for with-out-str: start capturing *out*.", "([])");
  vm.def_native(C, "-pop-out-capture", io_pop_capture, 0, 0, "Hook for with-out-str: stop capturing and return the text.", "([])");
}

}  // namespace clove
