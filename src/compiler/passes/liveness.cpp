// liveness.cpp: backward dataflow for live vregs; see liveness.h.
#include "compiler/passes/liveness.h"

#include "compiler/passes/sparse_set.h"

namespace clove {

namespace {

/// Applies one instruction backwards: live := (live - def) | uses.
void step_back(const IrInstr& in, SparseSet& live) {
  if (in.dst != kNoVReg) live.erase(in.dst);
  for (VReg u : in.args) live.insert(u);
}

/// Appends the members of `s`, sorted, to `out`.
void append_sorted(const SparseSet& s, std::vector<VReg>& out) {
  size_t from = out.size();
  out.insert(out.end(), s.members().begin(), s.members().end());
  std::sort(out.begin() + static_cast<long>(from), out.end());
}

}  // namespace

namespace {

/// compute_liveness's working storage, kept from call to call on each thread: start-up
/// compiles the whole core library, thousands of small functions for which allocating
/// it each time was the pass's main cost. Per-block summaries, each sorted, share one
/// array: the vregs read before any write (gen: sets[gen_from .. kill_from)) and those
/// written (kill: sets[kill_from .. kill_to)); the predecessors of block b are
/// preds[pred_from[b] .. pred_from[b + 1]).
struct Workspace {
  SparseSet scratch;
  std::vector<VReg> sets, out, in;
  std::vector<uint32_t> gen_from, kill_from, kill_to, pred_from, fill;
  std::vector<int> preds, ring;
  std::vector<char> queued;
};

}  // namespace

Liveness compute_liveness(const IrFunction& fn) {
  const size_t nb = fn.blocks.size();
  Liveness lv;
  lv.live_in.resize(nb);
  lv.live_out.resize(nb);
  thread_local Workspace w;
  w.scratch.reset(fn.nvregs);
  w.sets.clear();
  w.gen_from.assign(nb, 0);
  w.kill_from.assign(nb, 0);
  w.kill_to.assign(nb, 0);
  w.pred_from.assign(nb + 1, 0);
  SparseSet& scratch = w.scratch;
  for (int id : fn.layout) {
    const auto& ins = fn.blocks[id].instrs;
    scratch.clear();
    for (auto it = ins.rbegin(); it != ins.rend(); ++it) step_back(*it, scratch);
    w.gen_from[id] = static_cast<uint32_t>(w.sets.size());
    append_sorted(scratch, w.sets);
    scratch.clear();
    for (const IrInstr& in : ins)
      if (in.dst != kNoVReg) scratch.insert(in.dst);
    w.kill_from[id] = static_cast<uint32_t>(w.sets.size());
    append_sorted(scratch, w.sets);
    w.kill_to[id] = static_cast<uint32_t>(w.sets.size());
    fn.blocks[id].for_each_succ([&](int s) { ++w.pred_from[s + 1]; });
  }
  for (size_t b = 0; b < nb; ++b) w.pred_from[b + 1] += w.pred_from[b];
  w.preds.resize(w.pred_from[nb]);
  w.fill.assign(w.pred_from.begin(), w.pred_from.end() - 1);
  for (int id : fn.layout) fn.blocks[id].for_each_succ([&](int s) { w.preds[w.fill[s]++] = id; });
  // A FIFO of blocks to visit, seeded in reverse layout order (most blocks then see
  // their successors' final sets); a block is queued again when a successor's live_in
  // grows. A block is queued at most once at a time, so a ring of one slot per placed
  // block suffices.
  w.ring.assign(fn.layout.rbegin(), fn.layout.rend());
  w.queued.assign(nb, 0);
  for (int id : fn.layout) w.queued[id] = 1;
  size_t head = 0, queued_count = w.ring.size();
  while (queued_count > 0) {
    int id = w.ring[head];
    head = (head + 1) % w.ring.size();
    --queued_count;
    w.queued[id] = 0;
    // out = union of the successors' live_in; in = gen | (out - kill).
    scratch.clear();
    fn.blocks[id].for_each_succ([&](int s) {
      for (VReg v : lv.live_in[s].members()) scratch.insert(v);
    });
    w.out.clear();
    append_sorted(scratch, w.out);
    const VReg* kill_begin = w.sets.data() + w.kill_from[id];
    const VReg* kill_end = w.sets.data() + w.kill_to[id];
    for (VReg v : w.out)
      if (std::binary_search(kill_begin, kill_end, v)) scratch.erase(v);
    for (uint32_t k = w.gen_from[id]; k < w.kill_from[id]; ++k) scratch.insert(w.sets[k]);
    w.in.clear();
    append_sorted(scratch, w.in);
    if (w.out != lv.live_out[id].members()) lv.live_out[id] = VRegSet(w.out);
    if (w.in != lv.live_in[id].members()) {
      lv.live_in[id] = VRegSet(w.in);
      for (uint32_t p = w.pred_from[id]; p < w.pred_from[id + 1]; ++p) {
        int pb = w.preds[p];
        if (w.queued[pb]) continue;
        w.queued[pb] = 1;
        w.ring[(head + queued_count) % w.ring.size()] = pb;
        ++queued_count;
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
  std::vector<VReg> sorted;
  for (size_t i = ins.size(); i-- > 0;) {
    step_back(ins[i], live);
    sorted.clear();
    append_sorted(live, sorted);
    out[i] = VRegSet(sorted);
  }
  return out;
}

}  // namespace clove
