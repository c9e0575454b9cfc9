// emit.cpp: IR -> bytecode for one arity; see emit.h.
#include "compiler/emit/emit.h"

#include <algorithm>
#include <stdexcept>

#include "bytecode/operands.h"
#include "compiler/passes/bitset.h"
#include "compiler/passes/sparse_set.h"

namespace clove {

namespace {

class LongJumps {};  // thrown to restart emission with long jump forms

class Emitter {
 public:
  Emitter(const IrFunction& fn, const Liveness& lv, const RegAllocation& ra, SourcePos where, bool long_jumps)
      : fn_(fn), lv_(lv), ra_(ra), where_(where), long_(long_jumps), w_(workspace()) {
    swap_slot_ = kMaxRegisters + ra.spill_slots;
    nlocs_ = swap_slot_ + 1;
    w_.back_live.reset(fn.nvregs);
    w_.fwd_live.reset(fn.nvregs);
    w_.loc_count.assign(nlocs_, 0);
    live_locs_ = BitSet(nlocs_);
  }

  EmittedArity run() {
    out_.nparams = static_cast<uint16_t>(fn_.nparams);
    out_.variadic = fn_.variadic;
    out_.constants = fn_.constants;
    if (fn_.constants.size() > 65536) too_large("Too many constants in one function (limit 65,536)");
    block_pc_.assign(fn_.blocks.size(), -1);
    instr_start_.assign(ra_.num_instrs, 0);
    instr_end_.assign(ra_.num_instrs, 0);
    last_live_g_.assign(fn_.nvregs, -1);
    // Most IR instructions become one bytecode instruction, some a few (moves, jumps):
    // reserving avoids growing the per-pc vectors step by step.
    size_t expect = static_cast<size_t>(ra_.num_instrs) + ra_.num_instrs / 4 + 4;
    out_.code.reserve(expect);
    out_.positions.reserve(expect);
    w_.open.assign(nlocs_, -1);
    prev_live_ = BitSet(nlocs_);
    for (int p = 0; p < fn_.param_count(); ++p) note_loc(p);
    prologue();
    for (size_t li = 0; li < fn_.layout.size(); ++li) {
      int id = fn_.layout[li];
      int next = li + 1 < fn_.layout.size() ? fn_.layout[li + 1] : -1;
      block(id, next);
    }
    patch();
    finish_live();
    finish_locals();
    out_.framesize = static_cast<uint32_t>(std::max<int>(max_loc_ + 1, fn_.param_count()));
    if (out_.framesize > static_cast<uint32_t>(kMaxFrameSlots)) too_large("Function needs too many frame slots");
    return std::move(out_);
  }

 private:
  const IrFunction& fn_;
  const Liveness& lv_;
  const RegAllocation& ra_;
  SourcePos where_;
  bool long_;
  EmittedArity out_;
  int nlocs_, swap_slot_;
  int max_loc_ = -1;
  BitSet cur_;                   // live set of the next instruction put()
  // The stack map is built as instructions are put: the locations live at the
  // previous pc (and, in the workspace, the pc each open live range started at).
  BitSet prev_live_;
  BitSet live_locs_;   // locations holding a live vreg (block()'s forward pass)
  BitSet after_locs_;  // those after the instruction, its result excluded

  /// Scratch storage kept from arity to arity on each thread: start-up compiles the
  /// whole core library, thousands of small arities for which allocating it each time
  /// was a large share of emission.
  struct Workspace {
    // Liveness inside the current block (block()): a backward pass finds, per
    // instruction, the operands that die there and whether its result lives on; a
    // forward pass then keeps the locations of the live vregs, counting vregs per
    // location.
    SparseSet back_live, fwd_live;            // vregs live at the current point of each pass
    std::vector<VReg> dying;                  // the dying operands of the block's instructions
    std::vector<uint32_t> dying_from, dying_to;  // per instruction: its range in dying
    std::vector<char> result_lives;           // per instruction: its result is live after it
    std::vector<int> loc_count;               // per location: live vregs in it
    std::vector<int> open;                    // per location: start pc of its open live range, or -1
  };
  static Workspace& workspace() {
    thread_local Workspace w;
    return w;
  }
  Workspace& w_;
  SourcePos pos_;
  std::vector<int> block_pc_, instr_start_, instr_end_, last_live_g_;
  struct Fixup {
    int pc, block;
    bool sj;
  };
  struct PMove {
    int dst, src;
  };
  std::vector<Fixup> fixups_;

  [[noreturn]] void too_large(const std::string& msg) {
    throw Diagnostic(DiagKind::compile_too_large, where_, msg);
  }

  int loc(VReg v) const { return ra_.loc[v]; }
  void note_loc(VReg v) { max_loc_ = std::max(max_loc_, loc(v)); }
  void use_reg(int r) { max_loc_ = std::max(max_loc_, r); }

  int pc() const { return static_cast<int>(out_.code.size()); }

  void put(Instr i) {
    note_live(pc(), cur_);
    out_.code.push_back(i);
    out_.positions.push_back(pos_);
  }

  /// Opens and closes live ranges where the locations live at pc `p` differ from those
  /// at the pc before (a word-wise XOR: only the changes cost; start-up compiles the
  /// whole core library, and a loop over every one of the 257+ locations at every pc
  /// was its largest single cost). Keeping no per-pc sets keeps memory linear when
  /// thousands of values are live at once.
  void note_live(int p, const BitSet& live) {
    live.for_each_diff(prev_live_, [&](int l) {
      if (live.test(l)) {
        w_.open[l] = p;
      } else {
        out_.live.push_back(LiveRange{static_cast<uint32_t>(w_.open[l]), static_cast<uint32_t>(p), static_cast<uint16_t>(l)});
        w_.open[l] = -1;
      }
    });
    prev_live_ = live;
  }

  // ---- operand access ----
  /// A register holding v for reading; reloads a spilled v into `scratch`.
  int read(VReg v, int scratch) {
    note_loc(v);
    int l = loc(v);
    if (l < kMaxRegisters) return l;
    use_reg(scratch);
    put(encode_abx(Op::RELOAD, scratch, l));
    cur_.set(scratch);
    return scratch;
  }
  /// The register an instruction should write v's value into.
  int target(VReg v) {
    note_loc(v);
    int l = loc(v);
    if (l < kMaxRegisters) return l;
    use_reg(kScratchReg);
    return kScratchReg;
  }
  /// Whether no value live after the instruction other than its own result is in
  /// register `reg` (`after` holds their locations): its source there dies with it.
  static bool only_result_after(const BitSet& after, int reg) { return !after.test(reg); }
  /// After the main instruction wrote v's value into `written`: store it in v's home.
  /// `after` holds the locations of the values live after it, v excluded.
  void finish_def(VReg v, int written, const BitSet& after) {
    int l = loc(v);
    if (l == written) return;
    cur_ = after;
    cur_.reset(l);
    cur_.set(written);
    if (l < kMaxRegisters)
      put(encode_abc(Op::MOVE, l, written, 0));
    else
      put(encode_abx(Op::SPILL, written, l));
  }

  void move(int dst_reg, int src_loc) {
    if (src_loc < kMaxRegisters)
      put(encode_abc(Op::MOVE, dst_reg, src_loc, 0));
    else
      put(encode_abx(Op::RELOAD, dst_reg, src_loc));
    cur_.set(dst_reg);
    use_reg(dst_reg);
  }

  /// Moves window operands into their slots as a parallel move: a move runs only once
  /// no other pending move still reads its destination; a cycle is broken through a
  /// free register (or the swap slot).
  void window_moves(const IrInstr& in, int base, const BitSet& before) {
    WindowShape ws = window_shape(in);
    std::vector<PMove> pending;
    for (int i = ws.first_operand; i < static_cast<int>(in.args.size()); ++i) {
      note_loc(in.args[i]);
      int d = base + ws.offset(i), s = loc(in.args[i]);
      use_reg(d);
      if (d != s) pending.push_back({d, s});
    }
    use_reg(base + ws.size(in) - 1);
    while (!pending.empty()) {
      bool progressed = false;
      for (size_t i = 0; i < pending.size(); ++i) {
        bool blocked = false;
        for (size_t j = 0; j < pending.size(); ++j)
          if (j != i && pending[j].src == pending[i].dst) blocked = true;
        if (blocked) continue;
        move(pending[i].dst, pending[i].src);
        pending.erase(pending.begin() + static_cast<long>(i));
        progressed = true;
        break;
      }
      if (progressed) continue;
      // A cycle: park one source elsewhere.
      int from = pending[0].src;
      int tmp = free_temp(base, ws.size(in), pending, before);
      if (tmp < kMaxRegisters) {
        put(encode_abc(Op::MOVE, tmp, from, 0));
      } else {
        put(encode_abx(Op::SPILL, from, tmp));
      }
      use_reg(tmp);
      cur_.set(tmp);
      for (PMove& m : pending)
        if (m.src == from) m.src = tmp;
    }
  }

  /// A register outside the window that holds nothing needed now; else the swap slot.
  int free_temp(int base, int size, const std::vector<PMove>& pending, const BitSet& before) const {
    BitSet busy = before;
    for (const PMove& m : pending) busy.set(m.src);
    for (int r = 0; r < kMaxRegisters; ++r) {
      if (r >= base && r < base + size) continue;
      if (!busy.test(r) && !cur_.test(r)) return r;
    }
    return swap_slot_;
  }

  // ---- jumps ----
  /// Whether a jump to block `a` goes backward, and a jump to `b` forward or less far
  /// back: of a loop's test copied to its end, `a` is then the loop's body (the exit
  /// is laid out after the body, or before it when it is the test's first branch).
  bool closer_back(int a, int b) const {
    int pa = block_pc_[static_cast<size_t>(a)], pb = block_pc_[static_cast<size_t>(b)];
    return pa >= 0 && (pb < 0 || pa > pb);
  }

  void jump_to(int block) {
    fixups_.push_back({pc(), block, true});
    put(encode_sj(Op::JMP, 0));
  }
  void cond_jump(Op op, int reg, int block) {
    if (long_) {
      Op inv = op == Op::JMPIF ? Op::JMPIFNOT : Op::JMPIF;
      put(encode_asbx(inv, reg, 1));
      jump_to(block);
    } else {
      fixups_.push_back({pc(), block, false});
      put(encode_asbx(op, reg, 0));
    }
  }

  void patch() {
    for (const Fixup& f : fixups_) {
      int off = block_pc_[f.block] - (f.pc + 1);
      Instr& i = out_.code[f.pc];
      if (f.sj) {
        if (off > kMaxSj || off < -kMaxSj) too_large("Function too large: jump out of range");
        i = encode_sj(op_of(i), off);
      } else {
        if (off > kMaxSbx || off < -kMaxSbx) throw LongJumps{};
        i = encode_asbx(op_of(i), arg_a(i), off);
      }
    }
  }

  // ---- instructions ----
  /// Parameters arrive in R[0..]; a spilled one is stored to its slot first.
  void prologue() {
    pos_ = where_;
    const VRegSet& entry = lv_.live_in[fn_.layout[0]];
    cur_ = BitSet(nlocs_);
    for (int p = 0; p < fn_.param_count(); ++p)
      if (entry.test(p)) cur_.set(p);
    for (int p = 0; p < fn_.param_count(); ++p) {
      if (loc(p) >= kMaxRegisters && entry.test(p)) {
        put(encode_abx(Op::SPILL, p, loc(p)));
        cur_.set(loc(p));
      }
    }
  }

  void add_live(VReg v) {
    int l = loc(v);
    if (w_.fwd_live.insert(v) && l >= 0 && w_.loc_count[l]++ == 0) live_locs_.set(l);
  }
  void remove_live(VReg v) {
    int l = loc(v);
    if (w_.fwd_live.erase(v) && l >= 0 && --w_.loc_count[l] == 0) live_locs_.reset(l);
  }

  /// Emits block `id`. Time proportional to its instructions and operands plus its live
  /// sets (never to all the function's vregs: that made long functions quadratic).
  void block(int id, int next) {
    block_pc_[id] = pc();
    const IrBlock& b = fn_.blocks[id];
    const size_t n = b.instrs.size();
    // Backward: the operands of each instruction that are not live after it (or are its
    // result), once each, and whether its result is live after it.
    SparseSet& back = w_.back_live;
    back.clear();
    for (VReg v : lv_.live_out[id].members()) back.insert(v);
    w_.dying.clear();
    w_.dying_from.resize(n);
    w_.dying_to.resize(n);
    w_.result_lives.resize(n);
    for (size_t i = n; i-- > 0;) {
      const IrInstr& in = b.instrs[i];
      w_.result_lives[i] = in.dst != kNoVReg && back.contains(in.dst);
      if (in.dst != kNoVReg) back.erase(in.dst);
      w_.dying_from[i] = static_cast<uint32_t>(w_.dying.size());
      for (VReg u : in.args)
        if (back.insert(u)) w_.dying.push_back(u);
      w_.dying_to[i] = static_cast<uint32_t>(w_.dying.size());
    }
    // Forward, from live_in: before instruction i the live vregs are those of the
    // previous step; after it, those less its dying operands, plus its result if live.
    for (VReg v : w_.fwd_live.members()) {
      int l = loc(v);
      if (l >= 0) w_.loc_count[l] = 0;
    }
    w_.fwd_live.clear();
    live_locs_.clear();
    for (VReg v : lv_.live_in[id].members()) add_live(v);
    int g0 = ra_.index_of[id];
    for (size_t i = 0; i < n; ++i) {
      const IrInstr& in = b.instrs[i];
      int g = g0 + static_cast<int>(i);
      instr_start_[g] = pc();
      cur_ = live_locs_;
      // A vreg is live before g last at the instruction where it dies, or at the block's
      // last instruction when it is live out (below).
      for (uint32_t k = w_.dying_from[i]; k < w_.dying_to[i]; ++k) {
        remove_live(w_.dying[k]);
        last_live_g_[w_.dying[k]] = g;
      }
      after_locs_ = live_locs_;
      if (w_.result_lives[i]) add_live(in.dst);
      instr(in, g, after_locs_, next);
      instr_end_[g] = pc();
    }
    if (n > 0) {
      VReg last_dst = b.instrs[n - 1].dst;
      for (VReg v : lv_.live_out[id].members())
        if (v != last_dst) last_live_g_[v] = g0 + static_cast<int>(n) - 1;
    }
  }

  /// Emits one instruction; cur_ holds the locations live before it, `la` those live
  /// after it other than its result's.
  void instr(const IrInstr& in, int g, const BitSet& la, int next) {
    pos_ = in.pos.known() ? in.pos : where_;
    if (ir_op_flags(in.op) & kOpSkips) return skip_branch(in, next);
    switch (in.op) {
      case IrOp::NOP:
        break;
      case IrOp::MOVE: {
        int d = loc(in.dst), s = loc(in.args[0]);
        note_loc(in.dst);
        note_loc(in.args[0]);
        if (d == s) break;
        if (d < kMaxRegisters && s < kMaxRegisters) {
          put(encode_abc(Op::MOVE, d, s, 0));
        } else if (d < kMaxRegisters) {
          put(encode_abx(Op::RELOAD, d, s));
        } else if (s < kMaxRegisters) {
          put(encode_abx(Op::SPILL, s, d));
        } else {
          int r = read(in.args[0], kScratchReg);
          finish_def(in.dst, r, la);
        }
        break;
      }
      case IrOp::CLOSURE: {
        // Its vreg args are the captures (recorded for build_proto), not operands.
        int t = target(in.dst);
        put(encode_abx(Op::CLOSURE, t, static_cast<unsigned>(in.imm)));
        closure(in);
        finish_def(in.dst, t, la);
        break;
      }
      case IrOp::GETUPVAL: {
        int64_t index = in.imm & (kUpvalTake - 1);
        if (index > 255) too_large("Too many closed-over locals (limit 256)");
        int t = target(in.dst);
        put(encode_abc(Op::GETUPVAL, t, static_cast<unsigned>(index), (in.imm & kUpvalTake) ? 1 : 0));
        finish_def(in.dst, t, la);
        break;
      }
      case IrOp::SETUPVAL: {
        if (in.imm > 255) too_large("Too many closed-over locals (limit 256)");
        int a = read(in.args[0], kScratchReg);
        int c = read(in.args[1], kScratchReg + 1);
        put(encode_abc(Op::SETUPVAL, a, static_cast<unsigned>(in.imm), c));
        break;
      }
      case IrOp::NEWVEC:
      case IrOp::NEWMAP:
      case IrOp::NEWSET: {
        int base = ra_.window_base[g];
        if (base < 0) base = 0;
        window_moves(in, base, cur_);
        int t = target(in.dst);
        put(encode_abc(bytecode_op(in.op), t, base, static_cast<unsigned>(in.args.size())));
        finish_def(in.dst, t, la);
        break;
      }
      case IrOp::COLLADD: {
        int base = ra_.window_base[g];
        int a = read(in.args[0], kScratchReg);
        window_moves(in, base, cur_);
        put(encode_abc(Op::COLLADD, a, base, static_cast<unsigned>(in.args.size() - 1)));
        finish_def(in.dst, a, la);
        break;
      }
      case IrOp::PFN:
      case IrOp::CONJ: {
        // R[A] is read (the protocol; the collection) and rewritten (the fn; the
        // result), as COLLADD's is. C is PFN's method index; CONJ's imm is 0.
        int a = read(in.args[0], kScratchReg);
        int b = read(in.args[1], kScratchReg + 1);
        put(encode_abc(bytecode_op(in.op), a, b, static_cast<unsigned>(in.imm)));
        finish_def(in.dst, a, la);
        break;
      }
      case IrOp::LEAFCALL:
      case IrOp::NTHI: {
        // C is the immediate: LEAFCALL's constant (the var), NTHI's index.
        int b = read(in.args[0], kScratchReg);
        int t = target(in.dst);
        put(encode_abc(bytecode_op(in.op), t, b, static_cast<unsigned>(in.imm)));
        finish_def(in.dst, t, la);
        break;
      }
      case IrOp::NTHD:
      case IrOp::GETD: {
        // R[A] is read (the not-found value) and rewritten (the result), as PFN's is.
        int a = read(in.args[0], kScratchReg);
        int b = read(in.args[1], kScratchReg + 1);
        int c = read(in.args[2], kScratchReg + 2);
        put(encode_abc(bytecode_op(in.op), a, b, c));
        finish_def(in.dst, a, la);
        break;
      }
      case IrOp::NTH: {
        int b = read(in.args[0], kScratchReg);
        int c = read(in.args[1], kScratchReg + 1);
        int t = target(in.dst);
        // When no value live after (but the result) is in R[B], write the result there:
        // the VM clears a source that is also the target before walking, so a lazy
        // seq's head is not held (finish_def moves the result home).
        if (b != c && b != t && only_result_after(la, b)) t = b;
        put(encode_abc(Op::NTH, t, b, c));
        finish_def(in.dst, t, la);
        break;
      }
      case IrOp::COUNT: {
        int b = read(in.args[0], kScratchReg);
        int t = target(in.dst);
        // C = 1: no value live after this instruction but its own result is in R[B], so
        // the VM may clear it before walking (a counted lazy seq's head is not retained).
        int dies = only_result_after(la, b) ? 1 : 0;
        put(encode_abc(Op::COUNT, t, b, dies));
        finish_def(in.dst, t, la);
        break;
      }
      case IrOp::CALL:
      case IrOp::TAILCALL: {
        int base = ra_.window_base[g];
        window_moves(in, base, cur_);
        put(encode_abc(bytecode_op(in.op), base, static_cast<unsigned>(in.args.size() - 1), 0));
        if (in.op == IrOp::CALL && in.dst != kNoVReg) {
          note_loc(in.dst);
          finish_def(in.dst, base, la);
        }
        break;
      }
      case IrOp::CATCH: {
        int l = loc(in.dst);
        note_loc(in.dst);
        if (l >= kMaxRegisters) {
          use_reg(kScratchReg);
          cur_.set(kScratchReg);
          put(encode_abx(Op::SPILL, kScratchReg, l));
        }
        break;
      }
      case IrOp::TRY: {
        VReg e = static_cast<VReg>(in.imm);
        int l = loc(e);
        note_loc(e);
        int a = l >= 0 && l < kMaxRegisters ? l : kScratchReg;
        use_reg(a);
        if (long_) {
          put(encode_asbx(Op::TRY, a, 1));
          jump_to(in.alt);
          jump_to(in.target);
        } else {
          fixups_.push_back({pc(), in.target, false});
          put(encode_asbx(Op::TRY, a, 0));
          if (in.alt != next) jump_to(in.alt);
        }
        break;
      }
      case IrOp::JMP:
        if (in.target != next) jump_to(in.target);
        break;
      case IrOp::SWITCH: {
        // SWITCH, then its jump table: one JMP per target (default first), none dropped.
        int r = read(in.args[0], kScratchReg);
        put(encode_abx(Op::SWITCH, r, static_cast<unsigned>(in.imm)));
        for (int t : in.targets) jump_to(t);
        break;
      }
      case IrOp::JMPIF:
      case IrOp::JMPIFNOT: {
        int r = read(in.args[0], kScratchReg);
        Op op = bytecode_op(in.op);
        Op inv = op == Op::JMPIF ? Op::JMPIFNOT : Op::JMPIF;
        if (in.alt == next) {
          cond_jump(op, r, in.target);
        } else if (in.target == next) {
          cond_jump(inv, r, in.alt);
        } else {
          cond_jump(op, r, in.target);
          jump_to(in.alt);
        }
        break;
      }
      case IrOp::SPILL:
      case IrOp::RELOAD:
      case IrOp::kCount:
        throw std::logic_error("emit: SPILL/RELOAD are chosen by the emitter, not written in IR");
      default:
        plain(in, la);
        break;
    }
  }

  /// A compare-and-skip terminator (BRLT ..., flag S), then the JMP it runs when the
  /// test gives C: C = 1 jumps to `target` (the comparison holds), C = 0 to `alt`. Its
  /// B is a register, or for the ...K forms (operand role Const) the constant's index.
  void skip_branch(const IrInstr& in, int next) {
    Op op = bytecode_op(in.op);
    int a = read(in.args[0], kScratchReg);
    const Operand rb = operand_roles(op).b;
    int b = rb == Operand::Const ? static_cast<int>(in.imm) : rb == Operand::None ? 0 : read(in.args[1], kScratchReg + 1);
    if (in.target == next || (in.alt != next && closer_back(in.alt, in.target))) {
      // The inline jump goes to alt: the block laid out next, or the loop's body when
      // this is a test threaded to the loop's end (peephole.h, 5).
      put(encode_abc(op, a, b, 0));
      jump_to(in.alt);
      if (in.target != next) jump_to(in.target);
    } else {
      put(encode_abc(op, a, b, 1));
      jump_to(in.target);
      if (in.alt != next) jump_to(in.alt);
    }
  }

  /// Every other instruction has one shape, encoded by its opcode's format: the result
  /// (if any) goes to A, else the first operand is read into A; the other operands are
  /// read into B and C; imm is Bx, sBx or sC. Windows, jumps and pseudo-ops have cases.
  void plain(const IrInstr& in, const BitSet& la) {
    const OpInfo& info = ir_op_info(in.op);
    if (is_pseudo(in.op) || (info.flags & (kOpWindow | kOpJump)) || in.args.size() > 2)
      throw std::logic_error(std::string("emit: no rule for ") + info.name);
    const bool defines = in.dst != kNoVReg;
    unsigned f[3] = {0, 0, 0};  // the A, B, C fields
    int n = defines ? 1 : 0;    // A holds the result, placed after the operands are read
    for (size_t k = 0; k < in.args.size(); ++k) f[n++] = read(in.args[k], kScratchReg + static_cast<int>(k));
    const int t = defines ? target(in.dst) : 0;
    if (defines) f[0] = t;
    Op op = bytecode_op(in.op);
    switch (info.format) {
      case OpFormat::ABC:
        if (operand_roles(op).c == Operand::Const) f[2] = static_cast<unsigned>(in.imm);  // ADDK ...
        put(encode_abc(op, f[0], f[1], f[2]));
        break;
      case OpFormat::ABx: put(encode_abx(op, f[0], static_cast<unsigned>(in.imm))); break;
      case OpFormat::AsBx: put(encode_asbx(op, f[0], static_cast<int>(in.imm))); break;
      case OpFormat::ABsC: put(encode_absc(op, f[0], f[1], static_cast<int>(in.imm))); break;
      case OpFormat::A:
      case OpFormat::None: put(encode_abc(op, f[0], 0, 0)); break;
      case OpFormat::sJ: throw std::logic_error(std::string("emit: no rule for ") + info.name);
    }
    if (defines) finish_def(in.dst, t, la);
  }

  void closure(const IrInstr& in) {
    EmittedArity::ClosureUpvals cu;
    cu.constant = static_cast<int>(in.imm);
    for (const Capture& c : in.captures) {
      if (c.from_vreg) {
        note_loc(c.index);
        cu.upvals.push_back(UpvalDesc{true, static_cast<uint16_t>(loc(c.index)), c.name});
      } else {
        cu.upvals.push_back(UpvalDesc{false, static_cast<uint16_t>(c.index), c.name});
      }
    }
    out_.closures.push_back(std::move(cu));
  }

  // ---- debug info ----
  void finish_live() {
    note_live(pc(), BitSet(nlocs_));  // close every range at the end
    std::sort(out_.live.begin(), out_.live.end(), [](const LiveRange& a, const LiveRange& b) {
      return a.start_pc != b.start_pc ? a.start_pc < b.start_pc : a.reg < b.reg;
    });
  }

  int pc_at(int block, int index) const {
    const IrBlock& b = fn_.blocks[block];
    int g0 = ra_.index_of[block];
    if (g0 < 0) return 0;
    if (index < static_cast<int>(b.instrs.size())) return instr_start_[g0 + index];
    return b.instrs.empty() ? block_pc_[block] : instr_end_[g0 + static_cast<int>(b.instrs.size()) - 1];
  }

  void finish_locals() {
    for (const IrLocal& l : fn_.locals) {
      if (l.vreg < 0 || loc(l.vreg) < 0) continue;
      int s = pc_at(l.start_block, l.start_index);
      int e = pc_at(l.end_block, l.end_index);
      int lg = last_live_g_[l.vreg];
      if (lg >= 0) {
        int end = instr_end_[lg];
        // The last use was a move the allocator made empty (t <- v with t in v's own
        // register): v's value stays there through the instruction after it, which
        // reads it as t. PFN, NTHD, GETD and CONJ rewrite such a copy; without this a
        // parameter they consume first had no range, so a debugger never showed it.
        if (end == instr_start_[lg] && lg + 1 < static_cast<int>(instr_start_.size()) && instr_start_[lg + 1] == end)
          end = instr_end_[lg + 1];
        e = std::min(e, end);
      }
      if (e <= s) continue;
      out_.locals.push_back(LocalInfo{l.name, static_cast<uint32_t>(s), static_cast<uint32_t>(e),
                                      static_cast<uint16_t>(loc(l.vreg))});
    }
  }
};

}  // namespace

EmittedArity emit_arity(const IrFunction& fn, const Liveness& lv, const RegAllocation& ra, SourcePos where) {
  try {
    return Emitter(fn, lv, ra, where, false).run();
  } catch (const LongJumps&) {
    return Emitter(fn, lv, ra, where, true).run();
  }
}

}  // namespace clove
