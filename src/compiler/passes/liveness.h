// liveness.h: live-variable analysis over an IrFunction's blocks (SPEC V4).
//
// Classic backward dataflow (Aho, Lam, Sethi, Ullman, "Compilers", 2nd ed., 9.2.5):
//   live_out(B) = union of live_in(S) over successors S (including B's try handler)
//   live_in(B)  = uses(B) | (live_out(B) - defs(B))
// iterated to a fixed point over the blocks in reverse layout order. A vreg is live
// at a point when some path from there reads it before writing it.
#pragma once
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/passes/bitset.h"

namespace clove {

struct Liveness {
  std::vector<BitSet> live_in;   // indexed by block id
  std::vector<BitSet> live_out;  // indexed by block id
};

/// Computes live_in/live_out for every block of `fn`. Unplaced blocks get empty sets.
Liveness compute_liveness(const IrFunction& fn);

/// The vregs live just *before* each instruction of block `block` (index i: before
/// instruction i), plus one final entry equal to the block's live_out.
std::vector<BitSet> live_before_each(const IrFunction& fn, const Liveness& lv, int block);

/// Vregs read by an instruction (its args; CLOSURE's vreg captures are among them).
inline const std::vector<VReg>& uses_of(const IrInstr& in) { return in.args; }

}  // namespace clove
