// liveness.cpp: backward dataflow for live vregs; see liveness.h.
#include "compiler/passes/liveness.h"

#include <deque>

#include "compiler/passes/sparse_set.h"

namespace clove {

namespace {

/// Applies one instruction backwards: live := (live - def) | uses.
void step_back(const IrInstr& in, SparseSet& live) {
  if (in.dst != kNoVReg) live.erase(in.dst);
  for (VReg u : in.args) live.insert(u);
}

std::vector<VReg> sorted_members(const SparseSet& s) {
  std::vector<VReg> out(s.members().begin(), s.members().end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

Liveness compute_liveness(const IrFunction& fn) {
  const size_t nb = fn.blocks.size();
  Liveness lv;
  lv.live_in.resize(nb);
  lv.live_out.resize(nb);
  // Per-block summaries: the vregs read before any write (gen) and those written
  // (kill), sorted; and each block's predecessors, to revisit them.
  std::vector<std::vector<VReg>> gen(nb), kill(nb);
  std::vector<std::vector<int>> preds(nb);
  std::vector<char> queued(nb, 0);
  SparseSet scratch(fn.nvregs);
  for (int id : fn.layout) {
    const auto& ins = fn.blocks[id].instrs;
    scratch.clear();
    for (auto it = ins.rbegin(); it != ins.rend(); ++it) step_back(*it, scratch);
    gen[id] = sorted_members(scratch);
    scratch.clear();
    for (const IrInstr& in : ins)
      if (in.dst != kNoVReg) scratch.insert(in.dst);
    kill[id] = sorted_members(scratch);
    fn.blocks[id].for_each_succ([&](int s) { preds[s].push_back(id); });
    queued[id] = 1;
  }
  // Reverse layout order first: most blocks then see their successors' final sets.
  std::deque<int> work(fn.layout.rbegin(), fn.layout.rend());
  while (!work.empty()) {
    int id = work.front();
    work.pop_front();
    queued[id] = 0;
    // out = union of the successors' live_in; in = gen | (out - kill).
    scratch.clear();
    fn.blocks[id].for_each_succ([&](int s) {
      for (VReg v : lv.live_in[s].members()) scratch.insert(v);
    });
    std::vector<VReg> out = sorted_members(scratch);
    const std::vector<VReg>& k = kill[id];
    for (VReg v : out)
      if (std::binary_search(k.begin(), k.end(), v)) scratch.erase(v);
    for (VReg v : gen[id]) scratch.insert(v);
    std::vector<VReg> in = sorted_members(scratch);
    lv.live_out[id] = VRegSet(std::move(out));
    if (in != lv.live_in[id].members()) {
      lv.live_in[id] = VRegSet(std::move(in));
      for (int p : preds[id]) {
        if (queued[p]) continue;
        queued[p] = 1;
        work.push_back(p);
      }
    }
  }
  return lv;
}

std::vector<VRegSet> live_before_each(const IrFunction& fn, const Liveness& lv, int block) {
  const auto& ins = fn.blocks[block].instrs;
  std::vector<VRegSet> out(ins.size() + 1);
  SparseSet live(fn.nvregs);
  for (VReg v : lv.live_out[block].members()) live.insert(v);
  out[ins.size()] = lv.live_out[block];
  for (size_t i = ins.size(); i-- > 0;) {
    step_back(ins[i], live);
    out[i] = VRegSet(sorted_members(live));
  }
  return out;
}

}  // namespace clove
