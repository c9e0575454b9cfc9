// const_fold.h: compile-time evaluation of inlined arithmetic and comparisons on
// literal longs and doubles (SPEC V4). Folding happens only when the result is exactly
// what the run time would compute: long overflow, division by zero and divisions whose
// result is a ratio are left to run time (so they throw or produce ratios there).
#pragma once
#include <optional>
#include <vector>

#include "compiler/analyze/ast.h"
#include "gc/heap.h"

namespace clove {

/// The folded value of `op` applied to `args` (longs/doubles/any value for Not), or
/// nothing when it must be computed at run time. May allocate a boxed long on `h`.
std::optional<Value> fold_prim(Heap& h, PrimOp op, const std::vector<Value>& args);

}  // namespace clove
