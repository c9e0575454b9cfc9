// lower.h: AST -> IR, and the per-fn driver of the back end (SPEC V4).
//
// compile_fn lowers every arity of an analyzed fn* to IR (ir.h), then runs liveness,
// register allocation and emission, and assembles the FnProto. Nested fns are
// compiled first, when their CLOSURE is lowered, and become constants of the parent.
#pragma once
#include "compiler/analyze/ast.h"
#include "compiler/session.h"

namespace clove {

/// Compiles an analyzed fn into an FnProto (pinned in the session). Throws
/// Diagnostic(compile_too_large) when a bytecode limit is exceeded.
FnProto* compile_fn(CompileSession& s, FnNode* fn);

}  // namespace clove
