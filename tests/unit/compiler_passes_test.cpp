// Tests of the back end on hand-built IR: liveness, register allocation (compactness,
// windows, spilling), emission and the GC stack map. A small interpreter runs the
// emitted bytecode on integers, poisons every register a call may clobber, and checks
// at each instruction that every register read is in the stack map and that the map
// never lists a register holding garbage.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <stdexcept>

#include "compiler/emit/emit.h"
#include "compiler/passes/liveness.h"
#include "compiler/passes/peephole.h"
#include "compiler/passes/regalloc.h"

namespace clove {
namespace {

// ---- building IR by hand ----
struct Builder {
  IrFunction f;
  int cur = -1;
  explicit Builder(int nparams = 0) {
    f.nparams = nparams;
    f.nvregs = nparams;
    start(f.new_block());
  }
  void start(int b) {
    f.place(b);
    cur = b;
  }
  IrInstr& add(IrInstr in) {
    f.blocks[cur].instrs.push_back(std::move(in));
    return f.blocks[cur].instrs.back();
  }
  VReg op(IrOp o, std::vector<VReg> args, int64_t imm = 0) {
    VReg d = f.new_vreg();
    IrInstr in;
    in.op = o;
    in.dst = d;
    in.args = std::move(args);
    in.imm = imm;
    add(std::move(in));
    return d;
  }
  VReg loadi(int64_t v) { return op(IrOp::LOADI, {}, v); }
  void into(IrOp o, VReg d, std::vector<VReg> args, int64_t imm = 0) {
    IrInstr in;
    in.op = o;
    in.dst = d;
    in.args = std::move(args);
    in.imm = imm;
    add(std::move(in));
  }
  void ret(VReg v) {
    IrInstr in;
    in.op = IrOp::RET;
    in.args = {v};
    add(std::move(in));
  }
  void jmp(int b) {
    IrInstr in;
    in.op = IrOp::JMP;
    in.target = b;
    add(std::move(in));
  }
  void br(IrOp o, VReg c, int t, int e) {
    IrInstr in;
    in.op = o;
    in.args = {c};
    in.target = t;
    in.alt = e;
    add(std::move(in));
  }
  VReg call(VReg callee, std::vector<VReg> args) {
    args.insert(args.begin(), callee);
    return op(IrOp::CALL, std::move(args));
  }
};

struct Compiled {
  RegAllocation ra;
  EmittedArity code;
};

Compiled compile(const IrFunction& f) {
  Liveness lv = compute_liveness(f);
  RegAllocation ra = allocate_registers(f, lv);
  EmittedArity e = emit_arity(f, lv, ra, SourcePos{});
  return {ra, std::move(e)};
}

// ---- a tiny interpreter over integers ----
constexpr int64_t kUndef = INT64_MIN + 1;  // never written
constexpr int64_t kPoison = INT64_MIN + 2; // clobbered by a call

/// Callee ids (integers in registers): 1 sums its arguments, 2 returns the count.
/// *dispatched, when given, counts the instructions run (a compare-and-skip and the
/// JMP it runs count once, as in the VM).
int64_t run(const EmittedArity& e, std::vector<int64_t> params, int* dispatched = nullptr) {
  std::vector<int64_t> r(e.framesize + 300, kUndef);
  for (size_t i = 0; i < params.size(); ++i) r[i] = params[i];
  auto live = [&](int reg, uint32_t pc) {
    for (const LiveRange& l : e.live)
      if (l.reg == reg && pc >= l.start_pc && pc < l.end_pc) return true;
    return false;
  };
  auto rd = [&](int reg, uint32_t pc) {
    if (!live(reg, pc)) throw std::runtime_error("pc " + std::to_string(pc) + " reads r" + std::to_string(reg) + " not in the stack map");
    if (r[reg] == kUndef || r[reg] == kPoison) throw std::runtime_error("pc " + std::to_string(pc) + " reads garbage in r" + std::to_string(reg));
    return r[reg];
  };
  struct H {
    uint32_t pc;
    int reg;
  };
  std::vector<H> handlers;
  uint32_t pc = 0;
  for (int steps = 0; steps < 1000000; ++steps) {
    if (pc >= e.code.size()) throw std::runtime_error("ran off the end");
    for (const LiveRange& l : e.live)
      if (pc >= l.start_pc && pc < l.end_pc && (r[l.reg] == kUndef || r[l.reg] == kPoison))
        throw std::runtime_error("stack map lists garbage r" + std::to_string(l.reg) + " at pc " + std::to_string(pc));
    Instr i = e.code[pc];
    uint32_t here = pc++;
    if (dispatched) ++*dispatched;
    unsigned a = arg_a(i), b = arg_b(i), c = arg_c(i);
    switch (op_of(i)) {
      case Op::MOVE: r[a] = rd(b, here); break;
      case Op::LOADI: r[a] = arg_sbx(i); break;
      case Op::LOADK: r[a] = e.constants[arg_bx(i)].as_small_int(); break;
      case Op::SPILL: r[arg_bx(i)] = rd(a, here); break;
      case Op::RELOAD: r[a] = rd(arg_bx(i), here); break;
      case Op::ADD: r[a] = rd(b, here) + rd(c, here); break;
      case Op::SUB: r[a] = rd(b, here) - rd(c, here); break;
      case Op::MUL: r[a] = rd(b, here) * rd(c, here); break;
      case Op::ADDI: r[a] = rd(b, here) + arg_sc(i); break;
      case Op::LT: r[a] = rd(b, here) < rd(c, here); break;
      case Op::LE: r[a] = rd(b, here) <= rd(c, here); break;
      case Op::NUMEQ: r[a] = rd(b, here) == rd(c, here); break;
      case Op::ADDK: r[a] = rd(b, here) + e.constants[c].as_small_int(); break;
      case Op::SUBK: r[a] = rd(b, here) - e.constants[c].as_small_int(); break;
      case Op::MULK: r[a] = rd(b, here) * e.constants[c].as_small_int(); break;
      case Op::MOD: {
        int64_t x = rd(b, here), k = rd(c, here);
        r[a] = ((x % k) + k) % k;
        break;
      }
      case Op::MODK: {
        int64_t x = rd(b, here), k = e.constants[c].as_small_int();
        r[a] = ((x % k) + k) % k;
        break;
      }
      case Op::BRLT:
      case Op::BRLE:
      case Op::BRNUMEQ:
      case Op::BRLTK:
      case Op::BRLEK:
      case Op::BRGTK:
      case Op::BRGEK:
      case Op::BRNUMEQK: {
        Op o = op_of(i);
        int64_t x = rd(a, here);
        bool konst = o == Op::BRLTK || o == Op::BRLEK || o == Op::BRGTK || o == Op::BRGEK || o == Op::BRNUMEQK;
        int64_t y = konst ? e.constants[b].as_small_int() : rd(b, here);
        bool t = o == Op::BRLT || o == Op::BRLTK ? x < y
                 : o == Op::BRLE || o == Op::BRLEK ? x <= y
                 : o == Op::BRGTK                  ? x > y
                 : o == Op::BRGEK                  ? x >= y
                                                   : x == y;
        Instr j = e.code.at(pc);
        if (op_of(j) != Op::JMP) throw std::runtime_error("no JMP after a compare-and-skip");
        pc += t == (c != 0) ? 1 + arg_sj(j) : 1;
        break;
      }
      case Op::JMP: pc += arg_sj(i); break;
      case Op::JMPIF: if (rd(a, here)) pc += arg_sbx(i); break;
      case Op::JMPIFNOT: if (!rd(a, here)) pc += arg_sbx(i); break;
      case Op::NEWVEC: {
        int64_t s = 0;
        for (unsigned k = 0; k < c; ++k) s += rd(b + k, here);
        r[a] = s;
        break;
      }
      case Op::CALL:
      case Op::TAILCALL: {
        int64_t f = rd(a, here), s = 0;
        for (unsigned k = 0; k < b; ++k) s += rd(a + 3 + k, here);
        int64_t res = f == 1 ? s : f == 2 ? b : throw std::runtime_error("bad callee");
        if (op_of(i) == Op::TAILCALL) return res;
        int top = e.framesize > 256 ? 256 : static_cast<int>(e.framesize) + 8;
        for (int k = a + 1; k < top; ++k) r[k] = kPoison;
        r[a] = res;
        break;
      }
      case Op::TRY: handlers.push_back({pc + arg_sbx(i), static_cast<int>(a)}); break;
      case Op::ENDTRY: handlers.pop_back(); break;
      case Op::THROW: {
        int64_t v = rd(a, here);
        if (handlers.empty()) throw std::runtime_error("uncaught");
        H h = handlers.back();
        handlers.pop_back();
        r[h.reg] = v;
        pc = h.pc;
        break;
      }
      case Op::RET: return rd(a, here);
      case Op::NOP: break;
      default: throw std::runtime_error(std::string("unsupported op ") + op_info(op_of(i)).name);
    }
  }
  throw std::runtime_error("too many steps");
}

// ---- liveness ----
TEST(CompilerLiveness, LoopCarriedValuesAreLiveAroundTheBackEdge) {
  // i = 0; acc = 0; loop: if !(i < n) goto done; acc += i; i += 1; goto loop; done: ret acc
  Builder bd(1);  // v0 = n
  VReg i = bd.loadi(0), acc = bd.loadi(0);
  int loop = bd.f.new_block(), body = bd.f.new_block(), done = bd.f.new_block();
  bd.jmp(loop);
  bd.start(loop);
  VReg t = bd.op(IrOp::LT, {i, 0});
  bd.br(IrOp::JMPIFNOT, t, done, body);
  bd.start(body);
  bd.into(IrOp::ADD, acc, {acc, i});
  bd.into(IrOp::ADDI, i, {i}, 1);
  bd.jmp(loop);
  bd.start(done);
  bd.ret(acc);
  Liveness lv = compute_liveness(bd.f);
  EXPECT_TRUE(lv.live_in[loop].test(i));
  EXPECT_TRUE(lv.live_in[loop].test(acc));
  EXPECT_TRUE(lv.live_in[loop].test(0));
  EXPECT_FALSE(lv.live_in[loop].test(t));
  EXPECT_TRUE(lv.live_in[done].test(acc));
  EXPECT_FALSE(lv.live_in[done].test(i));
  EXPECT_TRUE(lv.live_out[body].test(i));
  std::vector<VRegSet> before = live_before_each(bd.f, lv, body);
  EXPECT_TRUE(before[0].test(acc));
  Compiled c = compile(bd.f);
  EXPECT_EQ(run(c.code, {10}), 45);
  EXPECT_LE(c.code.framesize, 4u);
}

TEST(CompilerLiveness, HandlerLiveInIsLiveThroughTheProtectedRegion) {
  Builder bd(0);
  VReg keep = bd.loadi(7);
  int region = bd.f.new_block(), handler = bd.f.new_block(), after = bd.f.new_block();
  VReg exc = bd.f.new_vreg(), res = bd.f.new_vreg();
  IrInstr t;
  t.op = IrOp::TRY;
  t.imm = exc;
  t.target = handler;
  t.alt = region;
  bd.add(t);
  bd.start(region);
  bd.f.blocks[region].handler = handler;
  VReg x = bd.loadi(5);
  IrInstr th;
  th.op = IrOp::THROW;
  th.args = {x};
  bd.add(th);
  bd.start(handler);
  bd.into(IrOp::CATCH, exc, {});
  bd.into(IrOp::ADD, res, {exc, keep});
  bd.jmp(after);
  bd.start(after);
  bd.ret(res);
  Liveness lv = compute_liveness(bd.f);
  EXPECT_TRUE(lv.live_out[region].test(keep));
  EXPECT_FALSE(lv.live_in[handler].test(exc));
  Compiled c = compile(bd.f);
  EXPECT_EQ(run(c.code, {}), 12);
}

// ---- register allocation ----
TEST(CompilerRegalloc, DeadRegistersAreReused) {
  // ((((1+2)+3)+4)...+100) with each constant loaded just before use: 2-3 registers.
  Builder bd;
  VReg acc = bd.loadi(1);
  for (int k = 2; k <= 100; ++k) acc = bd.op(IrOp::ADD, {acc, bd.loadi(k)});
  bd.ret(acc);
  Compiled c = compile(bd.f);
  EXPECT_LE(c.code.framesize, 2u);
  EXPECT_EQ(c.ra.spill_slots, 0);
  EXPECT_EQ(run(c.code, {}), 5050);
}

TEST(CompilerRegalloc, MoveAtLastUseIsCoalesced) {
  Builder bd(1);
  VReg t = bd.op(IrOp::ADDI, {0}, 1);
  VReg m = bd.op(IrOp::MOVE, {t});
  bd.ret(m);
  Compiled c = compile(bd.f);
  EXPECT_EQ(c.ra.loc[t], c.ra.loc[m]);
  for (Instr i : c.code.code) EXPECT_NE(op_of(i), Op::MOVE);
  EXPECT_EQ(run(c.code, {41}), 42);
}

TEST(CompilerRegalloc, ThreeHundredLiveValuesSpill) {
  Builder bd;
  std::vector<VReg> vs;
  for (int k = 0; k < 300; ++k) vs.push_back(bd.loadi(k));
  VReg acc = vs[0];
  for (int k = 1; k < 300; ++k) acc = bd.op(IrOp::ADD, {acc, vs[k]});
  bd.ret(acc);
  Compiled c = compile(bd.f);
  EXPECT_GT(c.ra.spill_slots, 0);
  EXPECT_GT(c.code.framesize, 256u);
  for (VReg v = 0; v < bd.f.nvregs; ++v) EXPECT_TRUE(c.ra.loc[v] < kAllocatableRegs || c.ra.loc[v] >= kMaxRegisters);
  EXPECT_EQ(run(c.code, {}), 299 * 300 / 2);
}

TEST(CompilerRegalloc, NestedCallArgumentsLandInTheirSlots) {
  // (f (g x) y): the inner call's result is the outer call's first argument.
  Builder bd(2);
  VReg f = bd.loadi(1);
  VReg g = bd.loadi(1);
  VReg inner = bd.call(g, {0});
  VReg outer = bd.call(f, {inner, 1});
  bd.ret(outer);
  Compiled c = compile(bd.f);
  int fg = c.ra.index_of[0];
  int base_outer = c.ra.window_base[fg + 3], base_inner = c.ra.window_base[fg + 2];
  EXPECT_EQ(c.ra.loc[f], base_outer);
  EXPECT_EQ(base_inner, base_outer + 3);
  EXPECT_EQ(c.ra.loc[inner], base_outer + 3);
  EXPECT_EQ(run(c.code, {5, 6}), 11);
}

TEST(CompilerRegalloc, ValuesLiveAcrossACallStayBelowItsWindow) {
  Builder bd(1);
  std::vector<VReg> keep;
  for (int k = 0; k < 20; ++k) keep.push_back(bd.op(IrOp::ADDI, {0}, k));
  VReg f = bd.loadi(1);
  VReg r = bd.call(f, {keep[3], keep[4]});
  VReg acc = r;
  for (VReg k : keep) acc = bd.op(IrOp::ADD, {acc, k});
  bd.ret(acc);
  Compiled c = compile(bd.f);
  // 1 + (0..19 each + 1) + (2*1 + 3 + 4) = 20 + 190 + 9
  EXPECT_EQ(run(c.code, {1}), 20 + 190 + 9);
  EXPECT_LT(c.code.framesize, 40u);
}

TEST(CompilerRegalloc, CallWindowPastTheRegisterFileSpillsLiveValues) {
  // 240 values live across a call with 30 arguments: the window cannot fit above them.
  Builder bd;
  std::vector<VReg> keep;
  for (int k = 0; k < 240; ++k) keep.push_back(bd.loadi(k));
  VReg f = bd.loadi(1);
  std::vector<VReg> args;
  for (int k = 0; k < 30; ++k) args.push_back(bd.loadi(1000));
  VReg r = bd.call(f, args);
  VReg acc = r;
  for (VReg k : keep) acc = bd.op(IrOp::ADD, {acc, k});
  bd.ret(acc);
  Compiled c = compile(bd.f);
  EXPECT_GT(c.ra.spill_slots, 0);
  EXPECT_EQ(run(c.code, {}), 30000 + 239 * 240 / 2);
}

TEST(CompilerRegalloc, MaxArgumentCallWithParamsLiveAcross) {
  Builder bd(2);
  VReg f = bd.loadi(2);
  std::vector<VReg> args;
  for (int k = 0; k < kMaxCallArgs; ++k) args.push_back(bd.loadi(k));
  VReg r = bd.call(f, args);
  VReg s = bd.op(IrOp::ADD, {r, 0});
  s = bd.op(IrOp::ADD, {s, 1});
  bd.ret(s);
  Compiled c = compile(bd.f);
  EXPECT_EQ(run(c.code, {10, 20}), kMaxCallArgs + 30);
}

TEST(CompilerRegalloc, CollectionWindowsAndTailCalls) {
  Builder bd(3);
  VReg v = bd.op(IrOp::NEWVEC, {2, 1, 0});  // the window wants them in a different order
  VReg f = bd.loadi(1);
  IrInstr tc;
  tc.op = IrOp::TAILCALL;
  tc.args = {f, v, 0, 0};
  bd.add(tc);
  Compiled c = compile(bd.f);
  EXPECT_EQ(run(c.code, {1, 2, 3}), 6 + 1 + 1);
}

TEST(CompilerRegalloc, SwappedOperandsNeedAParallelMove) {
  // (f b a) where the args sit in each other's slots is still correct.
  Builder bd(2);
  VReg f = bd.loadi(2);
  VReg r = bd.call(f, {1, 0});
  bd.ret(r);
  Compiled c = compile(bd.f);
  EXPECT_EQ(run(c.code, {4, 5}), 2);
}

TEST(CompilerEmit, LongConditionalJumpsUseTheLongForm) {
  Builder bd(1);
  int big = bd.f.new_block(), done = bd.f.new_block();
  VReg t = bd.op(IrOp::LT, {0, 0});
  bd.br(IrOp::JMPIF, t, done, big);
  bd.start(big);
  VReg acc = bd.loadi(0);
  for (int k = 0; k < 40000; ++k) bd.into(IrOp::ADDI, acc, {acc}, 1);
  bd.ret(acc);
  bd.start(done);
  bd.ret(0);
  Compiled c = compile(bd.f);
  EXPECT_EQ(run(c.code, {3}), 40000);
}

TEST(CompilerEmit, PositionsAndLocalsArePerInstruction) {
  Builder bd(1);
  VReg x = bd.op(IrOp::ADDI, {0}, 2);
  bd.f.blocks[0].instrs.back().pos = SourcePos{1, 3, 7};
  bd.ret(x);
  bd.f.locals.push_back(IrLocal{nullptr, 0, 0, 0, 0, 2});
  Compiled c = compile(bd.f);
  ASSERT_EQ(c.code.positions.size(), c.code.code.size());
  EXPECT_EQ(c.code.positions[0].line, 3u);
  ASSERT_EQ(c.code.locals.size(), 1u);
  EXPECT_EQ(c.code.locals[0].reg, 0);
}


// ---- peephole (passes/peephole.h) ----
int count_op(const EmittedArity& e, Op op) {
  int n = 0;
  for (Instr i : e.code) n += op_of(i) == op;
  return n;
}

/// The blocks of `while (counter < v0) { body }` opened in bd: the test block, then
/// the body, where bd is left; the caller ends the body with `bd.jmp(loop)` and starts
/// `done`.
struct CountedLoop {
  int loop, body, done;
};
CountedLoop open_counted_loop(Builder& bd, VReg counter) {
  CountedLoop l{bd.f.new_block(), bd.f.new_block(), bd.f.new_block()};
  bd.jmp(l.loop);
  bd.start(l.loop);
  VReg c = bd.op(IrOp::LT, {counter, 0});
  bd.br(IrOp::JMPIFNOT, c, l.done, l.body);
  bd.start(l.body);
  return l;
}

// The loop of a `loop`/`recur` sum: i = 0; acc = 0; while i < n: t = i + 1;
// u = acc + (i * i) mod 7; i, acc = t, u (recur's moves).
Builder sum_loop() {
  Builder bd(1);  // v0 = n
  VReg i = bd.loadi(0), acc = bd.loadi(0);
  auto [loop, body, done] = open_counted_loop(bd, i);
  VReg t = bd.op(IrOp::ADDI, {i}, 1);
  VReg sq = bd.op(IrOp::MUL, {i, i});
  VReg seven = bd.loadi(7);
  VReg m = bd.op(IrOp::MOD, {sq, seven});
  VReg u = bd.op(IrOp::ADD, {acc, m});
  bd.into(IrOp::MOVE, i, {t});
  bd.into(IrOp::MOVE, acc, {u});
  bd.jmp(loop);
  bd.start(done);
  bd.ret(acc);
  return bd;
}

TEST(CompilerPeephole, LoopUsesConstantOperandsAFusedBranchAndFewerMoves) {
  Builder plain = sum_loop(), opt = sum_loop();
  peephole(opt.f);
  Compiled before = compile(plain.f), after = compile(opt.f);
  for (int64_t n : {0, 1, 10, 100}) EXPECT_EQ(run(after.code, {n}), run(before.code, {n})) << n;
  EXPECT_EQ(count_op(after.code, Op::MODK), 1);
  EXPECT_EQ(count_op(after.code, Op::MOD), 0);
  EXPECT_EQ(count_op(after.code, Op::LOADI), 2);  // i and acc; 7 is K[C] now
  EXPECT_EQ(count_op(after.code, Op::BRLT), 2);  // the loop's test, and its copy at the end (5)
  EXPECT_EQ(count_op(after.code, Op::LT), 0);
  EXPECT_EQ(count_op(after.code, Op::JMPIFNOT), 0);
  // acc := acc + m in place; i's move stays (m reads the old i after t is made).
  EXPECT_EQ(count_op(after.code, Op::MOVE), 1);
  EXPECT_EQ(count_op(before.code, Op::MOVE), 2);
  EXPECT_LT(after.code.code.size(), before.code.code.size());
}

TEST(CompilerPeephole, LoopsJumpBackThroughACopyOfTheirTest) {
  // sum_loop's recur jumps back to `i < n`; after rewrite 5 its block ends with a copy
  // of that test whose inline jump goes back to the body: one dispatch less an
  // iteration, with the same results (and the same stack maps, run() checks them).
  Builder opt = sum_loop();
  peephole(opt.f);
  Builder unthreaded = sum_loop();
  peephole(unthreaded.f);
  const int head = unthreaded.f.layout[1];  // the loop's test, after the entry block
  for (IrBlock& b : unthreaded.f.blocks)      // undo 5: the body jumps to the test again
    if (!b.instrs.empty() && (ir_op_flags(b.instrs.back().op) & kOpSkips) && b.id != head) {
      IrInstr j;
      j.op = IrOp::JMP;
      j.target = head;
      b.instrs.back() = j;
    }
  Compiled after = compile(opt.f), before = compile(unthreaded.f);
  EXPECT_EQ(count_op(before.code, Op::BRLT), 1);
  for (int64_t n : {0, 1, 2, 10, 100}) {
    int d_before = 0, d_after = 0;
    EXPECT_EQ(run(after.code, {n}, &d_after), run(before.code, {n}, &d_before)) << n;
    EXPECT_EQ(d_after, d_before - n) << n;  // one less per iteration
  }
  // The copy's inline jump goes back to the body (C = 1: taken while i < n).
  const auto& code = after.code.code;
  size_t last = code.size();
  while (last-- > 0 && op_of(code[last]) != Op::BRLT) {}
  ASSERT_LT(last + 1, code.size());
  EXPECT_EQ(arg_c(code[last]), 1u);
  EXPECT_LT(arg_sj(code[last + 1]), 0);
}

TEST(CompilerPeephole, ConstantOnTheLeftFlipsTheComparison) {
  // r = (3 < x) ? 1 : 2, and (x <= 3) ? 1 : 2 on the other branch form
  for (IrOp cmp : {IrOp::LT, IrOp::LE, IrOp::NUMEQ}) {
    Builder bd(1);
    VReg three = bd.loadi(3);
    VReg c = bd.op(cmp, {three, 0});
    int yes = bd.f.new_block(), no = bd.f.new_block();
    bd.br(IrOp::JMPIF, c, yes, no);
    bd.start(yes);
    bd.ret(bd.loadi(1));
    bd.start(no);
    bd.ret(bd.loadi(2));
    Builder ref = bd;
    peephole(bd.f);
    Compiled a = compile(bd.f), b = compile(ref.f);
    for (int64_t x : {1, 3, 5}) EXPECT_EQ(run(a.code, {x}), run(b.code, {x})) << ir_op_name(cmp) << " " << x;
    Op want = cmp == IrOp::LT ? Op::BRGTK : cmp == IrOp::LE ? Op::BRGEK : Op::BRNUMEQK;
    EXPECT_EQ(count_op(a.code, want), 1) << ir_op_name(cmp);
  }
}

TEST(CompilerPeephole, MoveNotCoalescedWhenALaterMoveReadsTheTarget) {
  // (recur (+ a b) a): the new a must not overwrite a before b takes the old one.
  Builder bd(1);  // v0 = n
  VReg a = bd.loadi(1), b = bd.loadi(0), k = bd.loadi(0);
  auto [loop, body, done] = open_counted_loop(bd, k);
  VReg s = bd.op(IrOp::ADD, {a, b});
  VReg k1 = bd.op(IrOp::ADDI, {k}, 1);
  bd.into(IrOp::MOVE, b, {a});
  bd.into(IrOp::MOVE, a, {s});
  bd.into(IrOp::MOVE, k, {k1});
  bd.jmp(loop);
  bd.start(done);
  bd.ret(b);
  Builder ref = bd;
  peephole(bd.f);
  Compiled x = compile(bd.f), y = compile(ref.f);
  for (int64_t n : {0, 1, 2, 10, 20}) EXPECT_EQ(run(x.code, {n}), run(y.code, {n})) << n;
  EXPECT_EQ(run(x.code, {10}), 55);  // fib 10
}

TEST(CompilerPeephole, LetValueUsedBeforeTheJumpIsComputedIntoItsLoopVariable) {
  // (loop [k 0 z 1 acc 0] (if (< k n) (let [x (* z 3)] (recur (inc k) x (+ acc x))) acc)):
  // x, named and read before the jump, is made in z's register; no MOVE is left.
  auto build = [] {
    Builder bd(1);  // v0 = n
    VReg k = bd.loadi(0), z = bd.loadi(1), acc = bd.loadi(0);
    auto [loop, body, done] = open_counted_loop(bd, k);
    VReg three = bd.loadi(3);
    VReg x = bd.op(IrOp::MUL, {z, three});
    bd.f.locals.push_back(IrLocal{nullptr, x, body, 2, body, 6});  // x, over the rest of the body
    VReg y = bd.op(IrOp::ADD, {acc, x});
    VReg k1 = bd.op(IrOp::ADDI, {k}, 1);
    bd.into(IrOp::MOVE, k, {k1});
    bd.into(IrOp::MOVE, z, {x});
    bd.into(IrOp::MOVE, acc, {y});
    bd.jmp(loop);
    bd.start(done);
    bd.ret(acc);
    return bd;
  };
  Builder opt = build(), plain = build();
  peephole(opt.f);
  Compiled after = compile(opt.f), before = compile(plain.f);
  for (int64_t n : {0, 1, 2, 5, 9}) EXPECT_EQ(run(after.code, {n}), run(before.code, {n})) << n;
  EXPECT_EQ(run(after.code, {2}), 12);  // x: 3, 9
  EXPECT_EQ(count_op(after.code, Op::MOVE), 0);
  EXPECT_GT(count_op(before.code, Op::MOVE), 0);
  // The name followed the value into the register the multiplication writes (z's).
  const auto& code = after.code.code;
  auto mul = std::find_if(code.begin(), code.end(), [](Instr i) { return op_of(i) == Op::MULK; });
  ASSERT_NE(mul, code.end());
  ASSERT_EQ(after.code.locals.size(), 1u);
  EXPECT_EQ(after.code.locals[0].reg, arg_a(*mul));
}

TEST(CompilerPeephole, LetValueNotCoalescedWhenTheOldValueIsReadAfterIt) {
  // (let [w (+ a 1)] (recur (+ a b) w)): the old a is read after w is made, so w keeps
  // its own register and the results stay those of the unoptimized loop.
  auto build = [] {
    Builder bd(1);  // v0 = n
    VReg a = bd.loadi(1), b = bd.loadi(0), k = bd.loadi(0);
    auto [loop, body, done] = open_counted_loop(bd, k);
    VReg w = bd.op(IrOp::ADDI, {a}, 1);
    VReg ww = bd.op(IrOp::ADD, {w, w});
    VReg s = bd.op(IrOp::ADD, {a, b});
    VReg k1 = bd.op(IrOp::ADDI, {k}, 1);
    bd.into(IrOp::MOVE, a, {s});
    bd.into(IrOp::MOVE, b, {w});
    bd.into(IrOp::MOVE, k, {bd.op(IrOp::ADD, {k1, bd.op(IrOp::SUB, {ww, ww})})});
    bd.jmp(loop);
    bd.start(done);
    bd.ret(bd.op(IrOp::ADD, {a, b}));
    return bd;
  };
  Builder opt = build(), plain = build();
  peephole(opt.f);
  Compiled after = compile(opt.f), before = compile(plain.f);
  for (int64_t n : {0, 1, 2, 3, 7}) EXPECT_EQ(run(after.code, {n}), run(before.code, {n})) << n;
}

TEST(CompilerPeephole, ConstantLoadNamingALocalIsKept) {
  Builder bd(1);
  VReg seven = bd.loadi(7);
  bd.f.locals.push_back(IrLocal{nullptr, seven, 0, 0, 0, 3});
  VReg s = bd.op(IrOp::ADD, {0, seven});
  bd.ret(s);
  peephole(bd.f);
  Compiled c = compile(bd.f);
  EXPECT_EQ(count_op(c.code, Op::ADDK), 1);
  EXPECT_EQ(count_op(c.code, Op::LOADI), 1);  // kept for the debugger's view of the local
  EXPECT_EQ(run(c.code, {5}), 12);
}

TEST(CompilerPeephole, ALoadiAddsNoConstantThatNoOperandCouldName) {
  Builder bd(1);
  for (int k = 0; k < 300; ++k) bd.f.constant(Value::small_int(1000 + k));
  VReg seven = bd.loadi(7);
  VReg s = bd.op(IrOp::ADD, {0, seven});
  bd.ret(s);
  peephole(bd.f);
  EXPECT_EQ(bd.f.constants.size(), 300u);  // 7 would be K[300]: out of reach of C
  Compiled c = compile(bd.f);
  EXPECT_EQ(count_op(c.code, Op::ADDK), 0);
  EXPECT_EQ(run(c.code, {5}), 12);
}

TEST(CompilerPeephole, ConstantsPastTheEightBitFieldStayInRegisters) {
  Builder bd(1);
  for (int k = 0; k < 300; ++k) bd.f.constant(Value::small_int(1000 + k));
  VReg big = bd.op(IrOp::LOADK, {}, 299);  // K[299] = 1299: no 8-bit operand can name it
  VReg s = bd.op(IrOp::ADD, {0, big});
  bd.ret(s);
  peephole(bd.f);
  Compiled c = compile(bd.f);
  EXPECT_EQ(count_op(c.code, Op::ADDK), 0);
  EXPECT_EQ(count_op(c.code, Op::ADD), 1);
  EXPECT_EQ(run(c.code, {1}), 1300);
}

}  // namespace
}  // namespace clove
