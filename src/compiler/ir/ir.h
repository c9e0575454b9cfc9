// ir.h: the compiler's intermediate representation (SPEC V4).
//
// One IrFunction per fn arity: basic blocks of instructions over virtual registers
// (vregs, unbounded, numbered from 0). Instructions reuse the bytecode opcodes of
// bytecode/opcodes.h (same meaning and flags, but operands are vregs and jump targets
// are block ids) plus the pseudo-instructions of CLOVE_IR_PSEUDO_OPS, which exist only
// here and carry flags the same way. Vregs are not SSA: a vreg may be written on
// several paths (an `if` result, a `loop*` local rewritten by `recur`). Every block
// ends with a terminator, an op flagged E (ends a block: JMP, JMPIF, JMPIFNOT, RET,
// TAILCALL, THROW, TRY, SWITCH); its successors are the blocks named by its target,
// alt and targets, so conditional jumps name both, and the emitter drops a jump to the
// block laid out next.
//
// Operand conventions (dst = the vreg written, args = vregs read, in operand order):
//   MOVE dst <- args[0]                 LOADK dst, imm = constant index
//   LOADI dst, imm = value              LOADNIL/LOADTRUE/LOADFALSE dst
//   GETUPVAL dst, imm = upvalue index   SELF dst
//   GETVAR dst, imm = const index       SETVAR args[0], imm = const index
//   CLOSURE dst, imm = const index of the FnProto, captures (vreg ones also in args)
//   SETUPVAL args = [closure, value], imm = upvalue index
//   NEWVEC/NEWMAP/NEWSET dst, args = elements (placed in a contiguous window)
//   COLLADD dst, args = [dst, elements...] (dst is read and rewritten)
//   PFN dst, args = [dst, x], imm = method index (dst holds the protocol; rewritten)
//   NTHD dst, args = [dst, coll, i] (dst holds the not-found value; rewritten)
//   GETD dst, args = [dst, m, k] (dst holds the not-found value; rewritten)
//   LEAFCALL dst, args = [x], imm = constant (the var of a leaf native)
//   CALL1 dst, args = [x, callee]
//   NTHI dst, args = [coll], imm = index 0..255 ((nth coll imm nil))
//   CONJ dst, args = [dst, x] (dst holds the collection; rewritten)
//   ADD/SUB/MUL/DIV/LT/LE/NUMEQ/EQ dst, args = [b, c]    ADDI dst, args = [b], imm = sC
//   NOT dst, args = [b]
//   JMP target                          JMPIF/JMPIFNOT args = [cond], target (taken), alt
//   CALL dst, args = [callee, arguments...]              TAILCALL args = [callee, ...]
//   RET args = [v]                      THROW args = [v]
//   TRY target = handler block, alt = first block of the protected region,
//       imm = the vreg that receives the exception (defined by the handler's CATCH)
//   ENDTRY                              CATCH dst (pseudo: first instruction of a handler)
//   SWITCH args = [v], imm = const index of the map constant -> slot (1..n),
//       targets = the jump table's blocks: [default, arm 1 .. arm n]
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bytecode/opcodes.h"
#include "core/source.h"
#include "core/value.h"

namespace clove {

struct Symbol;

using VReg = int32_t;
inline constexpr VReg kNoVReg = -1;

// The IR's pseudo-instructions, entries shaped as CLOVE_OPCODES' (name, (format,
// flags), semantics). They have no encoding (format None); the emitter expands each.
#define CLOVE_IR_PSEUDO_OPS(X) \
  X(CATCH, (None, ".........."), "dst := the exception delivered to this handler block (its first instruction)")

/// The bytecode opcodes, then the pseudo-instructions.
enum class IrOp : uint8_t {
#define CLOVE_X(name, fmt_flags, doc) name,
  CLOVE_OPCODES(CLOVE_X) CLOVE_IR_PSEUDO_OPS(CLOVE_X)
#undef CLOVE_X
      kCount
};
inline constexpr OpInfo kIrPseudoOpInfo[] = {CLOVE_IR_PSEUDO_OPS(CLOVE_OP_INFO)};

constexpr IrOp ir_op(Op op) { return static_cast<IrOp>(op); }
/// The bytecode opcode of a real (non-pseudo) IR op.
constexpr Op bytecode_op(IrOp op) { return static_cast<Op>(op); }
constexpr bool is_pseudo(IrOp op) { return static_cast<int>(op) >= static_cast<int>(Op::kCount); }
/// Name, format, flags and semantics of an IR op (opcodes.h's OpInfo for real ones).
constexpr const OpInfo& ir_op_info(IrOp op) {
  return is_pseudo(op) ? kIrPseudoOpInfo[static_cast<int>(op) - static_cast<int>(Op::kCount)]
                       : op_info(bytecode_op(op));
}
constexpr const char* ir_op_name(IrOp op) { return ir_op_info(op).name; }
constexpr OpFlags ir_op_flags(IrOp op) { return ir_op_info(op).flags; }
/// Whether `op` ends a block (flag E).
constexpr bool is_terminator(IrOp op) { return ir_op_flags(op) & kOpEndsBlock; }
/// Whether `op` takes some operands in consecutive registers (flag W; regalloc.h).
constexpr bool ir_reads_window(IrOp op) { return ir_op_flags(op) & kOpWindow; }

static_assert([] {
  for (const OpInfo& info : kIrPseudoOpInfo)
    if (!op_flags_consistent(info) || info.format != OpFormat::None) return false;
  return true;
}(), "CLOVE_IR_PSEUDO_OPS: flags break an implication of opcodes.h, or a format is not None");

/// One value captured by CLOSURE: a vreg of the enclosing arity or one of the
/// enclosing closure's own upvalues.
struct Capture {
  bool from_vreg;
  int32_t index;  // vreg, or upvalue index
  Symbol* name;
};

/// GETUPVAL's imm: the upvalue index, plus this bit when the read also clears the
/// upvalue (the prologue of a once fn, see ArityLowerer::run).
constexpr int64_t kUpvalTake = int64_t{1} << 16;

struct IrInstr {
  IrOp op = IrOp::NOP;
  VReg dst = kNoVReg;
  std::vector<VReg> args;
  int64_t imm = 0;
  int target = -1;  // block id (jumps, TRY handler)
  int alt = -1;     // block id (fallthrough of a conditional jump; TRY region)
  std::vector<int> targets;  // SWITCH: block ids of the jump table, default first
  std::vector<Capture> captures;
  SourcePos pos;
};

struct IrBlock {
  int id = 0;
  std::vector<IrInstr> instrs;
  int handler = -1;  // innermost try handler covering this block, or -1
  /// Successor block ids, each once (from the terminator, plus `handler`).
  std::vector<int> succs() const;
  /// Calls f(id) for every successor without building a vector (the dataflow loops
  /// run it per block per iteration): the terminator's target, alt and targets, where
  /// set, then `handler`. A block may be passed more than once.
  template <class F>
  void for_each_succ(F&& f) const {
    if (!instrs.empty() && is_terminator(instrs.back().op)) {
      const IrInstr& t = instrs.back();
      if (t.target >= 0) f(t.target);
      if (t.alt >= 0 && t.alt != t.target) f(t.alt);
      for (int b : t.targets) f(b);
    }
    if (handler >= 0) f(handler);
  }
};

/// A named local for debug info: `vreg` holds `name` from instruction `start`
/// to instruction `end` (both (block, index) positions; end exclusive).
struct IrLocal {
  Symbol* name;
  VReg vreg;
  int start_block, start_index;
  int end_block, end_index;
};

struct IrFunction {
  std::string name;               // for dumps
  std::vector<IrBlock> blocks;    // indexed by block id
  std::vector<int> layout;        // block ids in emission order (entry first)
  int nvregs = 0;
  int nparams = 0;                // vregs 0 .. nparams-1 (plus the rest vreg) are the params
  bool variadic = false;          // vreg nparams holds the rest seq
  std::vector<Value> constants;   // deduplicated by identity
  std::unordered_map<uint64_t, int> constant_ids;  // Value::bits() -> index, once the pool is large
  std::vector<IrLocal> locals;

  VReg new_vreg() { return nvregs++; }
  /// Allocates a block id; the block is placed in the layout when started.
  int new_block();
  /// Appends block `id` to the layout (call once per block, before emitting into it).
  void place(int id) { layout.push_back(id); }
  /// Index of `v` in the constant pool, adding it when new (identity dedup).
  int constant(Value v);
  /// Params in registers: the count of parameter vregs (nparams + variadic).
  int param_count() const { return nparams + (variadic ? 1 : 0); }
};

/// Renders a constant for dumps (pr_str when a VM is at hand).
using ConstPrinter = std::function<std::string(Value)>;
/// The `--ir` dump: a header, block labels, one instruction per line.
std::string print_ir(const IrFunction& fn, const ConstPrinter& show = {});
/// Renders one instruction, e.g. "v3 = ADD v1, v2".
std::string print_instr(const IrFunction& fn, const IrInstr& in, const ConstPrinter& show = {});

}  // namespace clove
