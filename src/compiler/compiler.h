// compiler.h: forms -> bytecode (SPEC V4).
//
// Pipeline, one file per phase under src/compiler/:
//   analyze/  forms -> AST (macroexpansion, symbol resolution, one file per special form)
//   ir/       AST -> IR over virtual registers, in basic blocks
//   passes/   liveness, register allocation (compact frames, spilling past 256),
//             constant folding, ...
//   emit      IR -> Proto: bytecode, constant pool, positions, locals, stack map
// Errors are Diagnostics (compile_*) with file:line:column.
#pragma once
#include <string>

#include "core/source.h"
#include "core/value.h"
#include "runtime/lang/function.h"

namespace clove {

class State;

struct CompileOptions {
  std::string* ir_dump = nullptr;  // when set, the IR of every arity is appended here
  /// Where the form starts, for a form the source map holds no position for (a symbol
  /// or another atom at top level): its errors point there. Unknown: nowhere.
  SourcePos where;
};

/// Compiles one top-level form into a zero-argument fn whose single arity runs it.
/// Macros are expanded by calling them through vm.call (which may collect garbage;
/// the compiler keeps its forms rooted). The returned FnProto is no longer rooted by
/// the compiler: the caller must root it before the next safepoint. Throws Diagnostic
/// (compile_*) with file:line:column for errors in the form.
FnProto* compile_toplevel(State& vm, Value form, const CompileOptions& opts = {});

/// Compiles and runs one form (already read): a top-level `(do ...)` runs form by form,
/// so a macro defined early in it is usable later (Clojure's Compiler.eval). `where` is
/// where the form starts (CompileOptions::where). Returns the value; runtime errors
/// propagate as CloveError, compile errors as Diagnostic.
Value eval_form(State& vm, Value form, SourcePos where = {});

/// Expands `form` once if it is a macro call, else returns it (macroexpand-1).
Value macroexpand_1(State& vm, Value form);

}  // namespace clove
