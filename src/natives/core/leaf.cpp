// leaf.cpp: which of clojure.core's natives are leaves (Native::leaf): for any number
// of arguments they accept, they never return a request (a tail call, a continuation, a
// lazy seq realized through the dispatch loop) and never read their own frame, so CALL,
// TAILCALL and LEAFCALL run them without a frame (vm/dispatch_loop.inc), reading the
// arguments where they are. A native joins this list only when its code, for any
// arguments, is a type or number test, arithmetic, a field read or a persistent
// collection's update (assoc, conj, subvec ...). Printing an argument for an error message may call back
// through a nested call, as equality and a deftype's own methods may: that needs no
// frame of the native's. A trace still names a leaf (Interpreter::capture_trace).
#include <string_view>

#include "natives/args.h"
#include "runtime/lang/function.h"
#include "state/namespace.h"
#include "state/state.h"

namespace clove {

namespace {

constexpr std::string_view kLeafNatives[] = {
    // type tests
    "seq?", "map?", "vector?", "string?", "keyword?", "symbol?", "number?", "integer?", "set?", "list?",
    "char?", "boolean?", "true?", "false?", "coll?", "sequential?", "map-entry?", "var?", "volatile?",
    "delay?", "int?", "double?", "float?", "ratio?", "decimal?", "rational?",
    // number tests
    "pos?", "neg?", "even?", "odd?",
    // map entries
    "key", "val",
    // arithmetic, as values (map inc, reduce +) or with more arguments than the
    // instructions take
    "+", "-", "*", "inc", "dec", "quot", "rem", "mod", "max", "min", "zero?", "not",
    // persistent collections: one update, nothing lazy realized
    "assoc", "dissoc", "conj", "disj", "contains?", "peek", "pop", "subvec", "rseq",
    // transients, and into's and the chunked seqs' steps in the core library's loops
    // (a lazy seq they step into is realized by a nested call, as seq does)
    "transient", "persistent!", "conj!", "assoc!", "dissoc!", "disj!", "pop!", "-into-vector",
    "chunk-buffer", "chunk-append", "chunk", "chunk-first", "chunk-rest", "chunk-next", "chunk-cons",
    "chunked-seq?", "-range-fields", "-long-range",
};

// The one-argument Math/ statics (math.cpp): a number in, a number out, a
// ClassCastException or ArithmeticException otherwise.
constexpr std::string_view kLeafMath[] = {
    "sqrt", "cbrt", "floor", "ceil", "rint", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
    "tanh", "exp", "expm1", "log", "log10", "log1p", "toDegrees", "toRadians", "signum", "ulp", "nextUp",
    "nextDown", "getExponent", "round", "abs", "incrementExact", "decrementExact", "negateExact", "absExact",
    "toIntExact",
};

void mark(State& vm, Namespace* ns, std::string_view name) {
  Var* v = ns ? ns->lookup(vm.sym(name)) : nullptr;
  if (auto* n = v ? as<Native>(v->root) : nullptr) n->leaf = true;
}

}  // namespace

void mark_leaf_natives(State& vm) {
  // Through the namespaces' vars, not the native registry's name index, which start-up
  // does not otherwise build.
  for (std::string_view name : kLeafNatives) mark(vm, vm.core_ns(), name);
  Namespace* math = vm.find_ns(vm.sym("Math"));
  for (std::string_view name : kLeafMath) mark(vm, math, name);
}

}  // namespace clove
