// peephole.cpp: see peephole.h.
#include "compiler/passes/peephole.h"

#include <vector>

namespace clove {

namespace {

// A constant operand must fit an 8-bit field (C of ADDK..., B of BR...K).
constexpr int kMaxKOperand = 255;

class Peephole {
 public:
  explicit Peephole(IrFunction& fn) : fn_(fn) {}

  void run() {
    // Each block's place in the layout (no rewrite here moves a block).
    at_.assign(fn_.blocks.size(), -1);
    for (size_t k = 0; k < fn_.layout.size(); ++k) at_[static_cast<size_t>(fn_.layout[k])] = static_cast<int>(k);
    count();
    for (IrBlock& b : fn_.blocks) coalesce_moves(b);
    count();
    for (IrBlock& b : fn_.blocks) {
      for (IrInstr& in : b.instrs) constant_operand(in);
      fuse_branch(b);
    }
    count();
    drop_dead_constants();
    for (IrBlock& b : fn_.blocks) thread_jump(b, at_);
  }

 private:
  IrFunction& fn_;
  std::vector<int> defs_, uses_;
  std::vector<const IrInstr*> def_;  // the defining instruction of a vreg defined once
  std::vector<bool> named_;          // vregs that hold a named local
  std::vector<int> at_;              // by block id: its place in fn_.layout

  void count() {
    defs_.assign(fn_.nvregs, 0);
    uses_.assign(fn_.nvregs, 0);
    def_.assign(fn_.nvregs, nullptr);
    named_.assign(fn_.nvregs, false);
    for (VReg p = 0; p < fn_.param_count(); ++p) ++defs_[p];  // parameters arrive defined
    for (const IrBlock& b : fn_.blocks)
      for (const IrInstr& in : b.instrs) {
        for (VReg a : in.args) ++uses_[a];
        if (in.dst != kNoVReg) {
          ++defs_[in.dst];
          def_[in.dst] = &in;
        }
        // TRY's imm names the vreg its handler's CATCH defines: count it as used, so no
        // rewrite touches it.
        if (in.op == IrOp::TRY) ++uses_[static_cast<VReg>(in.imm)];
      }
    for (const IrLocal& l : fn_.locals)
      if (l.vreg >= 0 && l.vreg < fn_.nvregs) named_[l.vreg] = true;
  }

  /// The constant pool index of v's value when v is loaded once by LOADK or LOADI and
  /// the index fits an 8-bit operand; else -1.
  int constant_of(VReg v) {
    if (defs_[v] != 1 || !def_[v]) return -1;
    const IrInstr& d = *def_[v];
    int k = -1;
    if (d.op == IrOp::LOADK) {
      k = static_cast<int>(d.imm);
    } else if (d.op == IrOp::LOADI) {
      // The pool gains the value only when an 8-bit operand can name it: once it holds
      // more, a LOADI stays a register operand rather than adding a constant no
      // instruction would use.
      if (fn_.constants.size() > static_cast<size_t>(kMaxKOperand)) return -1;
      k = fn_.constant(Value::small_int(d.imm));
    }
    return k >= 0 && k <= kMaxKOperand ? k : -1;
  }

  // ---- 1. constant operands ----
  static IrOp k_form(IrOp op) {
    switch (op) {
      case IrOp::ADD: return IrOp::ADDK;
      case IrOp::SUB: return IrOp::SUBK;
      case IrOp::MUL: return IrOp::MULK;
      case IrOp::DIV: return IrOp::DIVK;
      case IrOp::QUOT: return IrOp::QUOTK;
      case IrOp::REM: return IrOp::REMK;
      case IrOp::MOD: return IrOp::MODK;
      case IrOp::GET: return IrOp::GETK;
      default: return IrOp::NOP;
    }
  }

  void constant_operand(IrInstr& in) {
    IrOp kop = k_form(in.op);
    if (kop == IrOp::NOP || in.args.size() != 2) return;
    bool commutes = in.op == IrOp::ADD || in.op == IrOp::MUL;
    int k = constant_of(in.args[1]);
    if (k < 0 && commutes && (k = constant_of(in.args[0])) >= 0) std::swap(in.args[0], in.args[1]);
    if (k < 0) return;
    --uses_[in.args[1]];
    in.args.pop_back();
    in.op = kop;
    in.imm = k;
  }

  // ---- 2. compare-and-branch ----
  void fuse_branch(IrBlock& b) {
    if (b.instrs.size() < 2) return;
    IrInstr& br = b.instrs.back();
    if ((br.op != IrOp::JMPIF && br.op != IrOp::JMPIFNOT) || br.args.size() != 1) return;
    IrInstr& cmp = b.instrs[b.instrs.size() - 2];
    VReg c = br.args[0];
    if (cmp.dst != c || defs_[c] != 1 || uses_[c] != 1) return;
    if (cmp.op == IrOp::NOT) {  // (if (not x) ...)
      br.op = br.op == IrOp::JMPIF ? IrOp::JMPIFNOT : IrOp::JMPIF;
      br.args[0] = cmp.args[0];
      make_nop(cmp);
      return;
    }
    if (cmp.op == IrOp::ISREDUCED) {  // (if (reduced? acc) ...), every step of reduce
      IrInstr fused;
      fused.op = IrOp::BRREDUCED;
      fused.pos = br.pos.known() ? br.pos : cmp.pos;
      fused.args = {cmp.args[0]};
      fused.target = br.op == IrOp::JMPIF ? br.target : br.alt;
      fused.alt = br.op == IrOp::JMPIF ? br.alt : br.target;
      make_nop(cmp);
      br = std::move(fused);
      return;
    }
    // The compare-and-skip forms of each comparison: registers, then x OP K, then
    // K OP y tested as y OP' K (k < y is y > k; = and == are symmetric).
    struct Forms {
      IrOp cmp, reg, konst, flipped;
    };
    static constexpr Forms kForms[] = {
        {IrOp::LT, IrOp::BRLT, IrOp::BRLTK, IrOp::BRGTK},
        {IrOp::LE, IrOp::BRLE, IrOp::BRLEK, IrOp::BRGEK},
        {IrOp::NUMEQ, IrOp::BRNUMEQ, IrOp::BRNUMEQK, IrOp::BRNUMEQK},
        {IrOp::EQ, IrOp::BREQ, IrOp::BREQK, IrOp::BREQK},
    };
    const Forms* forms = nullptr;
    for (const Forms& f : kForms)
      if (f.cmp == cmp.op) forms = &f;
    if (!forms) return;
    VReg x = cmp.args[0], y = cmp.args[1];
    // A jump taken when c is true, from JMPIF's target or JMPIFNOT's alt.
    int when_true = br.op == IrOp::JMPIF ? br.target : br.alt;
    int when_false = br.op == IrOp::JMPIF ? br.alt : br.target;
    IrInstr fused;
    fused.pos = br.pos.known() ? br.pos : cmp.pos;
    fused.target = when_true;
    fused.alt = when_false;
    int k;
    if ((k = constant_of(y)) >= 0) {
      fused.op = forms->konst;
      fused.args = {x};
      fused.imm = k;
    } else if ((k = constant_of(x)) >= 0) {
      fused.op = forms->flipped;
      fused.args = {y};
      fused.imm = k;
    } else {
      fused.op = forms->reg;
      fused.args = {x, y};
    }
    make_nop(cmp);
    br = std::move(fused);
  }

  // ---- 3. moves coalesced ----
  void coalesce_moves(IrBlock& b) {
    if (b.handler >= 0) return;  // a handler could see the early write
    for (size_t m = 0; m < b.instrs.size(); ++m) {
      IrInstr& mv = b.instrs[m];
      if (mv.op != IrOp::MOVE || mv.args.size() != 1) continue;
      VReg v = mv.dst, t = mv.args[0];
      if (v == t || defs_[t] != 1 || v < 0 || v >= fn_.nvregs) continue;
      // t's definition, earlier in this block, with nothing in between touching v and
      // every other use of t in between (the move is its last).
      size_t d = m;
      bool clear = true;
      int between = 0;  // uses of t strictly between the definition and the move
      while (d-- > 0) {
        const IrInstr& in = b.instrs[d];
        if (in.dst == t) break;
        if (in.dst == v || reads(in, v)) {
          clear = false;
          break;
        }
        if (reads(in, t)) {
          // An instruction that rewrites the register it reads keeps its operand's own.
          if (rewrites_first_operand(in.op)) {
            clear = false;
            break;
          }
          for (VReg a : in.args) between += a == t;
        }
      }
      if (!clear || d == static_cast<size_t>(-1) || between + 1 != uses_[t]) continue;
      IrInstr& def = b.instrs[d];
      // CATCH is placed by the handler's entry.
      if (rewrites_first_operand(def.op) || def.op == IrOp::CATCH || is_terminator(def.op)) continue;
      def.dst = v;
      for (size_t k = d + 1; k < m; ++k)
        for (VReg& a : b.instrs[k].args)
          if (a == t) a = v;
      make_nop(mv);
      --defs_[t];
      uses_[t] = 0;
      ++defs_[v];
      uses_[v] += between;
      rename_local(b.id, static_cast<int>(d), static_cast<int>(m), t, v);
    }
  }

  // COLLADD, PFN, NTHD, GETD and CONJ write the register they read (dst == args[0]).
  static bool rewrites_first_operand(IrOp op) {
    return op == IrOp::COLLADD || op == IrOp::PFN || op == IrOp::NTHD || op == IrOp::GETD || op == IrOp::CONJ;
  }

  /// Debug info after t (defined at (blk, d), moved into v at (blk, m)) became v: t's
  /// names now live in v's register, and a name of v's own (a loop variable) stops at d
  /// and resumes after m, so a debugger never shows the new value under the old name.
  void rename_local(int blk, int d, int m, VReg t, VReg v) {
    if (!named_[t] && !named_[v]) return;
    auto before = [&](int b1, int i1, int b2, int i2) {  // (b1, i1) < (b2, i2) in layout order
      int p1 = b1 >= 0 ? at_[static_cast<size_t>(b1)] : -1, p2 = b2 >= 0 ? at_[static_cast<size_t>(b2)] : -1;
      return p1 != p2 ? p1 < p2 : i1 < i2;
    };
    size_t n = m == d + 1 ? 0 : fn_.locals.size();  // nothing in between: no gap
    for (size_t k = 0; k < n; ++k) {
      IrLocal& l = fn_.locals[k];
      if (l.vreg != v || l.end_block < 0) continue;
      if (!before(l.start_block, l.start_index, blk, d + 1) || !before(blk, d, l.end_block, l.end_index)) continue;
      IrLocal rest = l;
      l.end_block = blk;
      l.end_index = d + 1;  // through the definition, which reads the old value
      rest.start_block = blk;
      rest.start_index = m + 1;
      if (before(rest.start_block, rest.start_index, rest.end_block, rest.end_index)) fn_.locals.push_back(rest);
    }
    for (IrLocal& l : fn_.locals)
      if (l.vreg == t) l.vreg = v;
    if (named_[t]) named_[v] = true;
  }

  static bool reads(const IrInstr& in, VReg v) {
    for (VReg a : in.args)
      if (a == v) return true;
    return false;
  }

  // ---- 4. dead constant loads ----
  void drop_dead_constants() {
    for (IrBlock& b : fn_.blocks)
      for (IrInstr& in : b.instrs)
        if ((in.op == IrOp::LOADK || in.op == IrOp::LOADI) && in.dst != kNoVReg && uses_[in.dst] == 0 &&
            !named_[in.dst])
          make_nop(in);
  }

  // ---- 5. jumps to a test threaded ----
  void thread_jump(IrBlock& b, const std::vector<int>& at) {
    if (b.instrs.empty()) return;
    IrInstr& j = b.instrs.back();
    // Backward jumps only: a forward one to the block laid out next costs nothing.
    if (j.op != IrOp::JMP || j.target < 0 || at[static_cast<size_t>(j.target)] >= at[static_cast<size_t>(b.id)]) return;
    const IrBlock& h = fn_.blocks[static_cast<size_t>(j.target)];
    if (h.handler != b.handler) return;
    const IrInstr* test = nullptr;
    for (const IrInstr& in : h.instrs) {
      if (in.op == IrOp::NOP) continue;
      if (test) return;  // more than the test
      test = &in;
    }
    if (!test || test->target < 0 || test->alt < 0) return;
    // Compare-and-skip only: its inline jump polls when it goes backward, as JMP does,
    // where JMPIF and JMPIFNOT never jump backward (they do not poll).
    if (!(ir_op_flags(test->op) & kOpSkips)) return;
    j = *test;
  }

  static void make_nop(IrInstr& in) {
    SourcePos pos = in.pos;
    in = IrInstr{};
    in.pos = pos;
  }
};

}  // namespace

void peephole(IrFunction& fn) { Peephole(fn).run(); }

}  // namespace clove
