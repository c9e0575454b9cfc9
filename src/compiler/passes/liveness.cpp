// liveness.cpp: backward dataflow for live vregs; see liveness.h.
#include "compiler/passes/liveness.h"

namespace clove {

namespace {

/// Applies one instruction backwards: live := (live - def) | uses.
void step_back(const IrInstr& in, BitSet& live) {
  if (in.dst != kNoVReg) live.reset(in.dst);
  for (VReg u : in.args) live.set(u);
}

}  // namespace

Liveness compute_liveness(const IrFunction& fn) {
  const int nb = static_cast<int>(fn.blocks.size());
  Liveness lv;
  lv.live_in.assign(nb, BitSet(fn.nvregs));
  lv.live_out.assign(nb, BitSet(fn.nvregs));
  // Per-block summaries: uses before any def (gen) and defs (kill).
  std::vector<BitSet> gen(nb, BitSet(fn.nvregs)), kill(nb, BitSet(fn.nvregs));
  for (int id : fn.layout) {
    const auto& ins = fn.blocks[id].instrs;
    for (auto it = ins.rbegin(); it != ins.rend(); ++it) step_back(*it, gen[id]);
    for (const IrInstr& in : ins)
      if (in.dst != kNoVReg) kill[id].set(in.dst);
  }
  // Scratch sets reused across blocks and iterations (no allocation in the loop).
  BitSet out(fn.nvregs), in(fn.nvregs);
  bool changed = true;
  while (changed) {
    changed = false;
    for (auto it = fn.layout.rbegin(); it != fn.layout.rend(); ++it) {
      int id = *it;
      out.clear();
      fn.blocks[id].for_each_succ([&](int s) { out.merge(lv.live_in[s]); });
      // in = gen | (out - kill)
      in = out;
      in.subtract(kill[id]);
      in.merge(gen[id]);
      if (!(out == lv.live_out[id])) {
        lv.live_out[id] = out;
        changed = true;
      }
      if (!(in == lv.live_in[id])) {
        lv.live_in[id] = in;
        changed = true;
      }
    }
  }
  return lv;
}

std::vector<BitSet> live_before_each(const IrFunction& fn, const Liveness& lv, int block) {
  const auto& ins = fn.blocks[block].instrs;
  std::vector<BitSet> out(ins.size() + 1);
  BitSet live = lv.live_out[block];
  out[ins.size()] = live;
  for (size_t i = ins.size(); i-- > 0;) {
    step_back(ins[i], live);
    out[i] = live;
  }
  return out;
}

}  // namespace clove
