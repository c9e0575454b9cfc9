// regalloc.cpp: linear scan with register windows; see regalloc.h.
#include "compiler/passes/regalloc.h"

#include <algorithm>
#include <array>
#include <climits>
#include <functional>
#include <queue>
#include <stdexcept>

namespace clove {

WindowShape window_shape(const IrInstr& in) {
  WindowShape w;
  if (!ir_reads_window(in.op)) return w;
  if (ir_op_flags(in.op) & kOpCall) {
    // The callee, two link slots, the arguments; the result lands in the base.
    w.is_window = true;
    w.header = kCallHeader;
    w.cap = kMaxRegisters;
    return w;
  }
  // The elements. COLLADD also reads the collection it adds to, args[0] (in R[A]).
  w.first_operand = in.op == IrOp::COLLADD ? 1 : 0;
  w.is_window = static_cast<int>(in.args.size()) > w.first_operand;
  w.cap = kScratchReg;  // the emitter may need the scratch registers around it
  return w;
}

namespace {

struct Interval {
  VReg v;
  int start = INT_MAX, end = INT_MIN;
  int reg = -1;
  bool spilled = false;
  bool fixed = false;     // a parameter: register = its index
  int hint_window = -1;   // window index where this vreg dies as an operand
  int hint_offset = 0;
  int result_of = -1;     // window index whose result this vreg is (first def)
  int move_src = -1;      // defined first by MOVE from this vreg
  bool live() const { return start <= end; }
};

struct Window {
  int g;              // global instruction index
  int size, cap;
  VReg dst;
  int base = -1;
  bool finalized = false;
};

class Allocator {
 public:
  Allocator(const IrFunction& fn, const Liveness& lv) : fn_(fn), lv_(lv) {}

  RegAllocation run() {
    number();
    build_intervals();
    collect_windows();
    scan();
    assign_slots();
    return std::move(out_);
  }

 private:
  const IrFunction& fn_;
  const Liveness& lv_;
  RegAllocation out_;
  std::vector<const IrInstr*> instr_;  // by global index
  std::vector<Interval> iv_;           // by vreg
  std::vector<Window> windows_;
  std::vector<int> window_at_;         // by global index: window index or -1
  std::vector<int> active_;            // vregs holding a register now
  std::vector<VReg> reg_owner_;        // by register: vreg or -1
  std::vector<int> pending_;           // planned windows not yet finalized

  void number() {
    out_.index_of.assign(fn_.blocks.size(), -1);
    size_t n = 0;
    for (int id : fn_.layout) n += fn_.blocks[id].instrs.size();
    instr_.reserve(n);
    for (int id : fn_.layout) {
      out_.index_of[id] = static_cast<int>(instr_.size());
      for (const IrInstr& in : fn_.blocks[id].instrs) instr_.push_back(&in);
    }
    out_.num_instrs = static_cast<int>(instr_.size());
    out_.window_base.assign(instr_.size(), -1);
  }

  void build_intervals() {
    iv_.resize(fn_.nvregs);
    for (int v = 0; v < fn_.nvregs; ++v) iv_[v].v = v;
    for (int p = 0; p < fn_.param_count(); ++p) {
      iv_[p].start = -1;
      iv_[p].end = std::max(iv_[p].end, -1);
      iv_[p].fixed = true;
    }
    for (int id : fn_.layout) {
      const IrBlock& b = fn_.blocks[id];
      if (b.instrs.empty()) continue;
      int first = out_.index_of[id];
      int last = first + static_cast<int>(b.instrs.size()) - 1;
      lv_.live_in[id].for_each([&](int v) { extend(v, 2 * first); });
      lv_.live_out[id].for_each([&](int v) { extend(v, 2 * last + 1); });
      for (int g = first; g <= last; ++g) {
        const IrInstr& in = *instr_[g];
        for (VReg u : in.args) extend(u, 2 * g);
        if (in.dst != kNoVReg) {
          Interval& d = iv_[in.dst];
          if (d.start > 2 * g + 1 && !d.fixed && in.op == IrOp::MOVE) d.move_src = in.args[0];
          extend(in.dst, 2 * g + 1);
        }
        if (in.op == IrOp::TRY) extend(static_cast<VReg>(in.imm), 2 * g + 1);
      }
    }
    // A MOVE hint only holds when that MOVE is the first definition.
    for (int g = 0; g < out_.num_instrs; ++g) {
      const IrInstr& in = *instr_[g];
      if (in.dst == kNoVReg) continue;
      Interval& d = iv_[in.dst];
      if (d.start == 2 * g + 1 && in.op != IrOp::MOVE) d.move_src = -1;
    }
  }

  void extend(int v, int pos) {
    Interval& i = iv_[v];
    i.start = std::min(i.start, pos);
    i.end = std::max(i.end, pos);
  }

  void collect_windows() {
    window_at_.assign(instr_.size(), -1);
    for (int g = 0; g < out_.num_instrs; ++g) {
      const IrInstr& in = *instr_[g];
      WindowShape ws = window_shape(in);
      if (!ws.is_window) continue;
      int w = static_cast<int>(windows_.size());
      windows_.push_back(Window{g, ws.size(in), ws.cap, in.op == IrOp::COLLADD ? kNoVReg : in.dst});
      window_at_[g] = w;
      for (int i = ws.first_operand; i < static_cast<int>(in.args.size()); ++i) {
        Interval& a = iv_[in.args[i]];
        // Only an operand that dies here, used once here, can live in its slot.
        if (a.end != 2 * g || a.fixed || a.hint_window >= 0) continue;
        if (std::count(in.args.begin(), in.args.end(), in.args[i]) != 1) continue;
        a.hint_window = w;
        a.hint_offset = ws.offset(i);
      }
      if (in.dst != kNoVReg && iv_[in.dst].start == 2 * g + 1 && in.op != IrOp::COLLADD)
        iv_[in.dst].result_of = w;
    }
  }

  // ---- the scan ----
  int window_pos(const Window& w) const { return 2 * w.g; }

  void expire(int pos) {
    for (size_t i = 0; i < active_.size();) {
      Interval& a = iv_[active_[i]];
      if (a.end < pos) {
        reg_owner_[a.reg] = -1;
        active_[i] = active_.back();
        active_.pop_back();
      } else {
        ++i;
      }
    }
  }

  void take(Interval& iv, int reg) {
    iv.reg = reg;
    reg_owner_[reg] = iv.v;
    active_.push_back(iv.v);
    out_.max_reg = std::max(out_.max_reg, reg);
  }

  void spill(Interval& iv) {
    if (iv.reg >= 0 && reg_owner_[iv.reg] == iv.v) {
      reg_owner_[iv.reg] = -1;
      active_.erase(std::find(active_.begin(), active_.end(), iv.v));
    }
    iv.reg = -1;
    iv.spilled = true;
  }

  /// 1 + the highest register of a value live across window w (0 if none).
  int base_min(const Window& w) const {
    int m = 0;
    for (VReg v : active_) {
      const Interval& a = iv_[v];
      if (a.end > window_pos(w) && a.v != w.dst) m = std::max(m, a.reg + 1);
    }
    return m;
  }

  bool range_free(int from, int to) const {
    for (int r = from; r < std::min(to, kAllocatableRegs); ++r)
      if (reg_owner_[r] >= 0) return false;
    return true;
  }

  /// Chooses a base for window w now, preferring the slot its result should go to.
  void plan(Window& w) {
    int lo = base_min(w);
    if (w.dst != kNoVReg) {
      const Interval& d = iv_[w.dst];
      if (d.hint_window >= 0 && windows_[d.hint_window].base >= 0) {
        int pref = windows_[d.hint_window].base + d.hint_offset;
        if (pref >= lo && pref + w.size <= w.cap && range_free(pref, pref + w.size)) {
          w.base = pref;
          pending_.push_back(static_cast<int>(&w - windows_.data()));
          return;
        }
      }
    }
    for (int b = lo; b + w.size <= w.cap; ++b) {
      if (range_free(b, b + w.size)) {
        w.base = b;
        pending_.push_back(static_cast<int>(&w - windows_.data()));
        return;
      }
    }
  }

  /// The highest register (exclusive) `iv` may take: below the base of every planned
  /// window it stays live across.
  int limit_for(const Interval& iv) const {
    int lim = kAllocatableRegs;
    for (int wi : pending_) {
      const Window& w = windows_[wi];
      int p = window_pos(w);
      if (iv.start < p && iv.end > p && iv.v != w.dst) lim = std::min(lim, w.base);
    }
    return lim;
  }

  /// Drops the plans of pending windows that `iv` lives across and whose base is <= r.
  void unplan_crossed(const Interval& iv, int r) {
    for (size_t i = 0; i < pending_.size();) {
      Window& w = windows_[pending_[i]];
      int p = window_pos(w);
      if (iv.start < p && iv.end > p && iv.v != w.dst && w.base <= r) {
        w.base = -1;
        pending_.erase(pending_.begin() + static_cast<long>(i));
      } else {
        ++i;
      }
    }
  }

  bool usable(int r, int lim) const { return r >= 0 && r < lim && reg_owner_[r] < 0; }

  void allocate(Interval& iv) {
    if (iv.hint_window >= 0) {
      Window& w = windows_[iv.hint_window];
      if (w.base < 0 && !w.finalized) plan(w);
    }
    int lim = limit_for(iv);
    if (iv.hint_window >= 0) {
      const Window& w = windows_[iv.hint_window];
      if (w.base >= 0 && usable(w.base + iv.hint_offset, lim)) return take(iv, w.base + iv.hint_offset);
    }
    if (iv.result_of >= 0) {
      const Window& w = windows_[iv.result_of];
      if (w.base >= 0 && usable(w.base, lim)) return take(iv, w.base);
    }
    if (iv.move_src >= 0) {
      const Interval& s = iv_[iv.move_src];
      if (!s.spilled && s.reg >= 0 && s.end <= iv.start && usable(s.reg, lim)) return take(iv, s.reg);
    }
    // The registers planned windows reserve for iv, found in one pass over the plans
    // (a pass per register made deep nests of calls quadratic).
    // Each window adds 1 over its range of registers (a difference array).
    std::array<int, kMaxRegisters + 1> edges{};
    for (int wi : pending_) {
      const Window& w = windows_[wi];
      if (iv.start < window_pos(w) && w.base >= 0 && w.base < kMaxRegisters) {
        ++edges[w.base];
        --edges[std::min(w.base + w.size, kMaxRegisters)];
      }
    }
    int any = -1, held = 0;
    for (int r = 0; r < lim; ++r) {
      held += edges[r];
      if (reg_owner_[r] >= 0) continue;
      if (held == 0) return take(iv, r);
      if (any < 0) any = r;
    }
    if (any >= 0) return take(iv, any);
    // Every register below the planned windows iv lives across is taken: give up those
    // plans (the windows are planned again, higher, and their placed operands moved)
    // rather than spill.
    for (int r = lim; r < kAllocatableRegs; ++r) {
      if (reg_owner_[r] >= 0) continue;
      unplan_crossed(iv, r);
      return take(iv, r);
    }
    // No register: spill whichever of iv and the active values ends last (Poletto & Sarkar).
    Interval* victim = nullptr;
    for (VReg v : active_) {
      Interval& a = iv_[v];
      if (a.fixed || a.reg >= lim) continue;
      if (!victim || a.end > victim->end) victim = &a;
    }
    if (victim && victim->end > iv.end) {
      int r = victim->reg;
      spill(*victim);
      return take(iv, r);
    }
    spill(iv);
  }

  void finalize(Window& w) {
    expire(window_pos(w));
    int lo = base_min(w);
    // Too many values live across the window: spill the highest until it fits.
    while (lo + w.size > w.cap) {
      Interval* victim = nullptr;
      for (VReg v : active_) {
        Interval& a = iv_[v];
        if (a.end > window_pos(w) && a.v != w.dst && (!victim || a.reg > victim->reg)) victim = &a;
      }
      if (!victim) throw std::logic_error("regalloc: window larger than the register file");
      spill(*victim);
      lo = base_min(w);
    }
    if (w.base < lo || w.base + w.size > w.cap) {
      w.base = -1;
      for (int b = lo; b + w.size <= w.cap && w.base < 0; ++b)
        if (range_free(b, b + w.size)) w.base = b;
      if (w.base < 0) w.base = lo;  // overlaps dying operands: the emitter orders the moves
    }
    w.finalized = true;
    out_.window_base[w.g] = w.base;
    auto it = std::find(pending_.begin(), pending_.end(), static_cast<int>(&w - windows_.data()));
    if (it != pending_.end()) pending_.erase(it);
  }

  void scan() {
    reg_owner_.assign(kMaxRegisters, -1);
    std::vector<VReg> order;
    for (const Interval& i : iv_)
      if (i.live()) order.push_back(i.v);
    std::stable_sort(order.begin(), order.end(), [&](VReg a, VReg b) {
      if (iv_[a].start != iv_[b].start) return iv_[a].start < iv_[b].start;
      return iv_[a].fixed > iv_[b].fixed;
    });
    size_t next_window = 0;
    for (VReg v : order) {
      Interval& iv = iv_[v];
      while (next_window < windows_.size() && window_pos(windows_[next_window]) < iv.start)
        finalize(windows_[next_window++]);
      expire(iv.start);
      if (iv.fixed) {
        if (v >= kAllocatableRegs) throw std::logic_error("regalloc: too many parameters");
        take(iv, v);
        continue;
      }
      allocate(iv);
    }
    while (next_window < windows_.size()) finalize(windows_[next_window++]);
  }

  /// Spilled intervals get slots by greedy interval colouring (optimal for intervals):
  /// in order of start, each takes the lowest slot whose occupant has ended. Heaps of the
  /// occupied slots (by end) and of the free ones keep it O(n log n) when thousands of
  /// values are spilled at once.
  void assign_slots() {
    out_.loc.assign(fn_.nvregs, -1);
    std::vector<VReg> spilled;
    for (const Interval& i : iv_) {
      if (!i.live()) continue;
      if (i.spilled)
        spilled.push_back(i.v);
      else
        out_.loc[i.v] = i.reg;
    }
    std::sort(spilled.begin(), spilled.end(), [&](VReg a, VReg b) { return iv_[a].start < iv_[b].start; });
    using EndSlot = std::pair<int, int>;  // (end of the occupant, slot)
    std::priority_queue<EndSlot, std::vector<EndSlot>, std::greater<>> occupied;
    std::priority_queue<int, std::vector<int>, std::greater<>> free_slots;
    int nslots = 0;
    for (VReg v : spilled) {
      const Interval& i = iv_[v];
      while (!occupied.empty() && occupied.top().first < i.start) {
        free_slots.push(occupied.top().second);
        occupied.pop();
      }
      int slot;
      if (free_slots.empty()) {
        slot = nslots++;
      } else {
        slot = free_slots.top();
        free_slots.pop();
      }
      occupied.emplace(i.end, slot);
      out_.loc[v] = kMaxRegisters + slot;
    }
    out_.spill_slots = nslots;
  }
};

}  // namespace

RegAllocation allocate_registers(const IrFunction& fn, const Liveness& lv) {
  return Allocator(fn, lv).run();
}

}  // namespace clove
