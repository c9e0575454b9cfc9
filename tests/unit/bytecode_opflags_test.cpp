// bytecode_opflags_test.cpp: the opcode flags of bytecode/opcodes.h. Spot checks of
// single opcodes, the sets the compiler relies on (block ends, windows), the IR's
// pseudo-ops, and the flags held against real code: the IR the compiler lowers (a block
// ends exactly at its one E-flagged instruction) and the bytecode it emits (the last
// instruction never falls through, jumps land inside the code, windows inside the frame).
#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <functional>
#include <set>
#include <sstream>
#include <unordered_set>

#include "api/runtime.h"
#include "compiler/compiler.h"
#include "compiler/passes/regalloc.h"
#include "reader/reader.h"
#include "reader/reader_env.h"

namespace clove {
namespace {

namespace fs = std::filesystem;

constexpr int kNumOps = static_cast<int>(Op::kCount);
constexpr int kNumIrOps = static_cast<int>(IrOp::kCount);

std::set<Op> ops_with(OpFlags flag) {
  std::set<Op> out;
  for (int i = 0; i < kNumOps; ++i)
    if (op_flags(static_cast<Op>(i)) & flag) out.insert(static_cast<Op>(i));
  return out;
}

// ---- the table ----

static_assert(parse_op_flags("..........") == 0);
static_assert(parse_op_flags("EJN.....G.") == (kOpEndsBlock | kOpJump | kOpNoFallthrough | kOpMayCollect));
static_assert(parse_op_flags("E.....T..S") == (kOpEndsBlock | kOpMayThrow | kOpSkips));
static_assert(op_ends_block(Op::JMP) && op_is_jump(Op::JMP) && !op_falls_through(Op::JMP));

TEST(BytecodeOpFlags, LettersAreTheBitsInOrder) {
  ASSERT_EQ(kNumOpFlags, 10);
  const OpFlags bits[] = {kOpEndsBlock, kOpJump,     kOpNoFallthrough, kOpWindow,     kOpCall,
                          kOpRunsCode,  kOpMayThrow, kOpMayAllocate,   kOpMayCollect, kOpSkips};
  for (int k = 0; k < kNumOpFlags; ++k) EXPECT_EQ(bits[k], 1 << k) << kOpFlagLetters[k];
}

TEST(BytecodeOpFlags, EveryOpcodeObeysTheImplications) {
  for (int i = 0; i < kNumOps; ++i) EXPECT_TRUE(op_flags_consistent(kOpInfo[i])) << kOpInfo[i].name;
}

TEST(BytecodeOpFlags, Call) {
  for (Op op : {Op::CALL, Op::TAILCALL}) {
    EXPECT_TRUE(op_reads_window(op));
    EXPECT_TRUE(op_is_call(op));
    EXPECT_TRUE(op_runs_code(op));
    EXPECT_TRUE(op_may_throw(op));
    EXPECT_TRUE(op_may_allocate(op));
    EXPECT_TRUE(op_may_collect(op));
    EXPECT_FALSE(op_is_jump(op));
  }
  EXPECT_FALSE(op_ends_block(Op::CALL));  // the call returns to the next instruction
  EXPECT_TRUE(op_falls_through(Op::CALL));
  EXPECT_TRUE(op_ends_block(Op::TAILCALL));
  EXPECT_FALSE(op_falls_through(Op::TAILCALL));
}

TEST(BytecodeOpFlags, Jumps) {
  EXPECT_EQ(op_flags(Op::JMP), kOpEndsBlock | kOpJump | kOpNoFallthrough | kOpMayCollect);  // backward: safepoint
  for (Op op : {Op::JMPIF, Op::JMPIFNOT, Op::TRY}) {
    EXPECT_EQ(op_flags(op), kOpEndsBlock | kOpJump) << op_info(op).name;
    EXPECT_TRUE(op_falls_through(op));
  }
  EXPECT_EQ(ops_with(kOpJump), (std::set<Op>{Op::JMP, Op::JMPIF, Op::JMPIFNOT, Op::TRY}));
}

TEST(BytecodeOpFlags, ExitsAndSwitch) {
  EXPECT_EQ(op_flags(Op::RET), kOpEndsBlock | kOpNoFallthrough | kOpMayCollect);
  EXPECT_EQ(op_flags(Op::THROW), kOpEndsBlock | kOpNoFallthrough | kOpMayThrow);
  // SWITCH continues into its jump table; its offset comes from a constant, not an operand.
  EXPECT_TRUE(op_ends_block(Op::SWITCH));
  EXPECT_TRUE(op_falls_through(Op::SWITCH));
  EXPECT_FALSE(op_is_jump(Op::SWITCH));
  EXPECT_TRUE(op_runs_code(Op::SWITCH));  // hashing and equality may call back
  EXPECT_EQ(ops_with(kOpNoFallthrough), (std::set<Op>{Op::JMP, Op::TAILCALL, Op::RET, Op::THROW}));
}

TEST(BytecodeOpFlags, PlainDataMovesDoNothingElse) {
  for (Op op : {Op::NOP, Op::MOVE, Op::LOADK, Op::LOADI, Op::LOADNIL, Op::LOADTRUE, Op::LOADFALSE, Op::SPILL,
                Op::RELOAD, Op::GETUPVAL, Op::SELF, Op::SETVAR, Op::SETUPVAL, Op::NOT, Op::ISREDUCED, Op::ENDTRY})
    EXPECT_EQ(op_flags(op), 0) << op_info(op).name;
  EXPECT_EQ(op_flags(Op::GETVAR), kOpMayThrow);  // unbound
}

TEST(BytecodeOpFlags, ArithmeticAllocatesButDoesNotCollect) {
  // A boxed long or a ratio is allocated; the debt is paid at the next safepoint.
  for (Op op : {Op::ADD, Op::SUB, Op::MUL, Op::DIV, Op::ADDI, Op::QUOT, Op::REM, Op::MOD, Op::ADDK, Op::SUBK,
                Op::MULK, Op::DIVK, Op::QUOTK, Op::REMK, Op::MODK})
    EXPECT_EQ(op_flags(op), kOpMayThrow | kOpMayAllocate) << op_info(op).name;
  for (Op op : {Op::LT, Op::LE, Op::NUMEQ}) EXPECT_EQ(op_flags(op), kOpMayThrow) << op_info(op).name;
  // = may realize lazy seqs.
  EXPECT_EQ(op_flags(Op::EQ), kOpRunsCode | kOpMayThrow | kOpMayAllocate | kOpMayCollect);
}

TEST(BytecodeOpFlags, CompareAndSkip) {
  const std::set<Op> skips{Op::BRLT, Op::BRLE,  Op::BREQ,  Op::BRNUMEQ, Op::BRLTK,
                           Op::BRLEK, Op::BRGTK, Op::BRGEK, Op::BREQK,  Op::BRNUMEQK, Op::BRREDUCED};
  EXPECT_EQ(ops_with(kOpSkips), skips);
  for (Op op : skips) {
    EXPECT_TRUE(op_ends_block(op)) << op_info(op).name;
    EXPECT_TRUE(op_falls_through(op)) << op_info(op).name;  // into the JMP it runs or skips
    EXPECT_FALSE(op_is_jump(op)) << op_info(op).name;       // the offset is the JMP's
  }
  // = may realize lazy seqs; the numeric compares only throw.
  EXPECT_EQ(op_flags(Op::BREQ), kOpEndsBlock | kOpRunsCode | kOpMayThrow | kOpMayAllocate | kOpMayCollect | kOpSkips);
  EXPECT_EQ(op_flags(Op::BRLTK), kOpEndsBlock | kOpMayThrow | kOpSkips);
  EXPECT_EQ(op_flags(Op::BRREDUCED), kOpEndsBlock | kOpSkips);  // a type test: nothing else
}

TEST(BytecodeOpFlags, CollectionsAndIntrinsics) {
  EXPECT_EQ(op_flags(Op::NEWVEC), kOpWindow | kOpMayThrow | kOpMayAllocate | kOpMayCollect);
  for (Op op : {Op::NEWMAP, Op::NEWSET, Op::COLLADD})  // keys are hashed
    EXPECT_EQ(op_flags(op), kOpWindow | kOpRunsCode | kOpMayThrow | kOpMayAllocate | kOpMayCollect)
        << op_info(op).name;
  for (Op op : {Op::FIRST, Op::NEXT, Op::COUNT, Op::NTH, Op::GET, Op::GETK})
    EXPECT_EQ(op_flags(op), kOpRunsCode | kOpMayThrow | kOpMayAllocate | kOpMayCollect) << op_info(op).name;
  EXPECT_EQ(op_flags(Op::CLOSURE), kOpMayThrow | kOpMayAllocate | kOpMayCollect);
}

TEST(BytecodeOpFlags, BlockEndsAndWindowsAreTheSetsTheCompilerKnew) {
  // The lists ir.cpp and regalloc.cpp kept by hand before the flags existed.
  // ... plus the compare-and-skip ops, which end a block as JMPIF does.
  std::set<Op> ends{Op::JMP, Op::JMPIF, Op::JMPIFNOT, Op::RET, Op::TAILCALL, Op::THROW, Op::TRY, Op::SWITCH};
  for (Op op : ops_with(kOpSkips)) ends.insert(op);
  EXPECT_EQ(ops_with(kOpEndsBlock), ends);
  EXPECT_EQ(ops_with(kOpWindow),
            (std::set<Op>{Op::CALL, Op::TAILCALL, Op::NEWVEC, Op::NEWMAP, Op::NEWSET, Op::COLLADD}));
  EXPECT_EQ(ops_with(kOpCall), (std::set<Op>{Op::CALL, Op::TAILCALL}));
}

// ---- the IR ----

TEST(IrOpFlags, RealOpsShareTheOpcodeTable) {
  for (int i = 0; i < kNumOps; ++i) {
    Op op = static_cast<Op>(i);
    EXPECT_FALSE(is_pseudo(ir_op(op)));
    EXPECT_EQ(ir_op_flags(ir_op(op)), op_flags(op));
    EXPECT_STREQ(ir_op_name(ir_op(op)), op_info(op).name);
    EXPECT_EQ(is_terminator(ir_op(op)), op_ends_block(op));
  }
}

TEST(IrOpFlags, PseudoOps) {
  EXPECT_TRUE(is_pseudo(IrOp::CATCH));
  EXPECT_STREQ(ir_op_name(IrOp::CATCH), "CATCH");
  EXPECT_EQ(ir_op_flags(IrOp::CATCH), 0);  // a handler's first instruction: the VM already wrote R[A]
  EXPECT_FALSE(is_terminator(IrOp::CATCH));
  EXPECT_EQ(kNumIrOps, kNumOps + static_cast<int>(std::size(kIrPseudoOpInfo)));
}

TEST(IrOpFlags, WindowShapeFollowsTheFlags) {
  for (int i = 0; i < kNumIrOps; ++i) {
    IrInstr in;
    in.op = static_cast<IrOp>(i);
    in.dst = 3;
    in.args = {0, 1, 2};
    WindowShape w = window_shape(in);
    OpFlags f = ir_op_flags(in.op);
    EXPECT_EQ(w.is_window, (f & kOpWindow) != 0) << ir_op_name(in.op);
    EXPECT_EQ(w.header, (f & kOpCall) ? kCallHeader : 0) << ir_op_name(in.op);
  }
}

TEST(IrOpFlags, SuccessorsComeFromTheTerminatorsTargets) {
  auto block_ending = [](IrOp op, int target, int alt, std::vector<int> targets, int handler) {
    IrBlock b;
    b.instrs.push_back(IrInstr{});  // a NOP first: only the last instruction counts
    IrInstr t;
    t.op = op;
    t.target = target;
    t.alt = alt;
    t.targets = std::move(targets);
    b.instrs.push_back(t);
    b.handler = handler;
    return b;
  };
  EXPECT_EQ(block_ending(IrOp::JMP, 4, -1, {}, -1).succs(), (std::vector<int>{4}));
  EXPECT_EQ(block_ending(IrOp::JMPIF, 4, 5, {}, 9).succs(), (std::vector<int>{4, 5, 9}));
  EXPECT_EQ(block_ending(IrOp::JMPIFNOT, 4, 4, {}, 4).succs(), (std::vector<int>{4}));
  EXPECT_EQ(block_ending(IrOp::TRY, 7, 2, {}, -1).succs(), (std::vector<int>{7, 2}));
  EXPECT_EQ(block_ending(IrOp::SWITCH, -1, -1, {3, 5, 3, 6}, 5).succs(), (std::vector<int>{3, 5, 6}));
  EXPECT_EQ(block_ending(IrOp::RET, -1, -1, {}, 8).succs(), (std::vector<int>{8}));
  // Not a terminator (a block still being filled): only the handler.
  EXPECT_EQ(block_ending(IrOp::CALL, 4, 5, {}, 8).succs(), (std::vector<int>{8}));
}

// ---- against compiled code ----

IrOp ir_op_named(const std::string& name) {
  for (int i = 0; i < kNumIrOps; ++i)
    if (name == ir_op_name(static_cast<IrOp>(i))) return static_cast<IrOp>(i);
  ADD_FAILURE() << "no IR op " << name;
  return IrOp::NOP;
}

/// Checks an `--ir` dump: every block ends with its only E-flagged instruction.
/// Returns the number of blocks seen.
int check_ir_blocks(const std::string& dump) {
  std::istringstream in(dump);
  std::string line;
  std::vector<IrOp> block;
  int blocks = 0;
  auto end_block = [&] {
    if (block.empty()) return;
    ++blocks;
    EXPECT_TRUE(is_terminator(block.back())) << "block ends with " << ir_op_name(block.back()) << "\n" << dump;
    for (size_t i = 0; i + 1 < block.size(); ++i)
      EXPECT_FALSE(is_terminator(block[i])) << ir_op_name(block[i]) << " inside a block\n" << dump;
    block.clear();
  };
  while (std::getline(in, line)) {
    if (line.rfind("  ", 0) != 0) {  // a header, block label, local or regs line
      end_block();
      continue;
    }
    std::istringstream words(line);
    std::string w;
    words >> w;
    if (w.size() > 1 && w[0] == 'v' && std::isdigit(static_cast<unsigned char>(w[1]))) words >> w >> w;  // "vN = OP"
    block.push_back(ir_op_named(w));
  }
  end_block();
  return blocks;
}

/// Checks one emitted arity against the flags of its instructions.
void check_proto(const Proto* p, const std::string& where) {
  ASSERT_FALSE(p->code.empty()) << where;
  const long n = static_cast<long>(p->code.size());
  EXPECT_FALSE(op_falls_through(op_of(p->code.back())))
      << where << ": the last instruction, " << op_info(op_of(p->code.back())).name << ", falls through";
  for (long pc = 0; pc < n; ++pc) {
    Instr i = p->code[pc];
    Op op = op_of(i);
    ASSERT_LT(static_cast<int>(op), kNumOps) << where;
    if (op_is_jump(op)) {
      long to = pc + 1 + (op_info(op).format == OpFormat::sJ ? arg_sj(i) : arg_sbx(i));
      EXPECT_TRUE(to >= 0 && to < n) << where << ": pc " << pc << " jumps to " << to;
    }
    if (op == Op::SWITCH) {
      ASSERT_LT(pc + 1, n) << where;
      EXPECT_EQ(op_of(p->code[pc + 1]), Op::JMP) << where << ": SWITCH's table";
    }
    if (op_reads_window(op)) {
      unsigned last = op_is_call(op) ? arg_a(i) + kCallHeader - 1 + arg_b(i) : arg_b(i) + arg_c(i) - 1;
      if (op_is_call(op) || arg_c(i) > 0) {
        EXPECT_LT(last, p->framesize) << where << ": pc " << pc << " " << op_info(op).name << " window";
      }
    }
  }
}

void check_fn(const FnProto* fp, const std::string& where, std::unordered_set<const FnProto*>& seen) {
  if (!seen.insert(fp).second) return;
  std::vector<const Proto*> arities(fp->fixed.begin(), fp->fixed.end());
  if (fp->variadic) arities.push_back(fp->variadic);
  for (const Proto* p : arities) {
    check_proto(p, where);
    for (Value k : p->constants)
      if (const FnProto* inner = as<FnProto>(k)) check_fn(inner, where, seen);
  }
}

struct Totals {
  int forms = 0, blocks = 0;
};

/// Compiles and runs every form of `text`, checking its IR and bytecode.
void check_source(Runtime& vm, const std::string& name, const std::string& text, Totals& totals) {
  uint32_t id = vm.sources.add(name, text);
  StateReaderEnv env(vm);
  Reader reader(vm, env, vm.sources.text(id), id);
  RootScope roots(vm.heap);
  size_t slot = roots.push(Value::nil());
  Value form;
  std::unordered_set<const FnProto*> seen;
  while (reader.next(&form)) {
    roots[slot] = form;
    std::string ir;
    CompileOptions opts;
    opts.ir_dump = &ir;
    FnProto* fp = compile_toplevel(vm, form, opts);
    roots.push(Value::object(fp));
    ++totals.forms;
    totals.blocks += check_ir_blocks(ir);
    check_fn(fp, name, seen);
    vm.call(Value::object(make_closure(vm.heap, fp, 0)), nullptr, 0);
  }
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(OpFlagsInCompiledCode, GoldenBytecodeSources) {
  Totals t;
  fs::path dir = fs::path(__FILE__).parent_path().parent_path() / "bytecode";
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".clj") continue;
    Runtime vm{RuntimeOptions{false}};
    check_source(vm, e.path().filename().string(), slurp(e.path()), t);
  }
  EXPECT_GT(t.forms, 10);
  EXPECT_GT(t.blocks, t.forms);
}

TEST(OpFlagsInCompiledCode, CoreLibraryCode) {
  Runtime vm;
  Totals t;
  check_source(vm, "<opflags>", R"(
    (defn classify [x]
      (case x
        (1 2 3) :small
        (4 5 6) :medium
        :a :key
        "s" :string
        :other))
    (defn total [xs]
      (loop [xs (seq xs) acc 0]
        (if xs (recur (next xs) (+ acc (first xs))) acc)))
    (defn safe-div [a b]
      (try (quot a b)
           (catch ArithmeticException e :div0)
           (finally (count [a b]))))
    (defn build [a b & more]
      (let [v [a b (nth more 0 nil)]
            m {:a a :b b}
            s #{a b}]
        (conj v (get m :a) (count s) (apply + a b more))))
    (defn tail [n] (if (pos? n) (tail (dec n)) (throw (ex-info "done" {:n n}))))
    (letfn [(ev? [n] (if (zero? n) true (od? (dec n))))
            (od? [n] (if (zero? n) false (ev? (dec n))))]
      [(ev? 10) (classify 5) (total (range 10)) (safe-div 1 0) (build 1 2 3 4)
       (try (tail 3) (catch Exception e (:n (ex-data e))))
       (for [x (range 3) :when (odd? x)] (* x x))])
  )", t);
  EXPECT_GE(t.forms, 6);
  EXPECT_GT(t.blocks, 20);
}

}  // namespace
}  // namespace clove
