// liveness.h: live-variable analysis over an IrFunction's blocks (SPEC V4).
//
// Classic backward dataflow (Aho, Lam, Sethi, Ullman, "Compilers", 2nd ed., 9.2.5):
//   live_out(B) = union of live_in(S) over successors S (including B's try handler)
//   live_in(B)  = uses(B) | (live_out(B) - defs(B))
// solved with a worklist seeded in reverse layout order: a block is visited again only
// when the live_in of one of its successors grew. A vreg is live at a point when some
// path from there reads it before writing it.
//
// The sets are sparse (sorted vectors of vregs): a function of n instructions has O(n)
// vregs and O(n) blocks, while few values are live across any one block boundary, so
// dense sets per block cost O(n^2) time and memory (a 200,000-call function needed tens
// of gigabytes). Everything here runs in time proportional to the instructions plus the
// sizes of the live sets.
#pragma once
#include <algorithm>
#include <vector>

#include "compiler/ir/ir.h"

namespace clove {

/// A set of vregs, as a sorted vector without duplicates.
class VRegSet {
 public:
  VRegSet() = default;
  /// From a sorted vector without duplicates.
  explicit VRegSet(std::vector<VReg> sorted) : v_(std::move(sorted)) {}

  bool test(VReg v) const { return std::binary_search(v_.begin(), v_.end(), v); }
  size_t size() const { return v_.size(); }
  bool empty() const { return v_.empty(); }
  /// Calls f(v) for every member, in increasing order.
  template <class F>
  void for_each(F&& f) const {
    for (VReg v : v_) f(v);
  }
  const std::vector<VReg>& members() const { return v_; }
  bool operator==(const VRegSet& o) const { return v_ == o.v_; }

 private:
  std::vector<VReg> v_;
};

struct Liveness {
  std::vector<VRegSet> live_in;   // indexed by block id
  std::vector<VRegSet> live_out;  // indexed by block id
};

/// Computes live_in/live_out for every block of `fn`. Unplaced blocks get empty sets.
Liveness compute_liveness(const IrFunction& fn);

/// The vregs live just *before* each instruction of block `block` (index i: before
/// instruction i), plus one final entry equal to the block's live_out. For tests and
/// dumps: it takes O(instructions x live values); the emitter walks blocks itself.
std::vector<VRegSet> live_before_each(const IrFunction& fn, const Liveness& lv, int block);

/// Vregs read by an instruction (its args; CLOSURE's vreg captures are among them).
inline const std::vector<VReg>& uses_of(const IrInstr& in) { return in.args; }

}  // namespace clove
