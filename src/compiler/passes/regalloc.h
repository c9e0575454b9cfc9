// regalloc.h: register allocation by linear scan over live intervals (Poletto & Sarkar,
// "Linear Scan Register Allocation", TOPLAS 1999), adapted to the register windows of
// bytecode/opcodes.h.
//
// Every vreg gets one location for its whole life: a register 0 .. kAllocatableRegs-1
// or, when more values are live than registers exist, a spill slot >= kMaxRegisters
// (reached through SPILL/RELOAD; the emitter uses the scratch registers
// kScratchReg .. 255 for that). A vreg's interval is the hull of the positions where it
// is live (instruction g reads its operands at 2g and writes its result at 2g+1), so
// registers are reused as soon as a value is dead and the frame stays compact.
//
// Window instructions (flag W of bytecode/opcodes.h; calls, flag C, have the callee at
// A and arguments at A+3+i, the others their elements at B+i: NEWVEC, NEWMAP, NEWSET,
// COLLADD) need their operands in consecutive registers above every value live across
// them. The allocator chooses each window's base when the first
// operand is defined and allocates operands that die at the window straight into their
// slots (and a call's result into a slot of the call that consumes it), so most calls
// need no moves; whatever is not in place is moved by the emitter.
// Parameters are precoloured: parameter i lives in register i.
#pragma once
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/passes/liveness.h"

namespace clove {

inline constexpr int kScratchRegs = 3;
inline constexpr int kScratchReg = kMaxRegisters - kScratchRegs;  // 253: first scratch register
inline constexpr int kAllocatableRegs = kScratchReg;             // vregs live in 0 .. 252

/// Where each vreg lives and where each window instruction's window starts.
struct RegAllocation {
  std::vector<int32_t> loc;      // per vreg: register (< 256), spill slot (>= 256), or -1 (never live)
  std::vector<int> index_of;     // per block id: global index of its first instruction
  std::vector<int> window_base;  // per global instruction index: window base, or -1
  int num_instrs = 0;
  int max_reg = -1;              // highest register any vreg lives in
  int spill_slots = 0;           // slots kMaxRegisters .. kMaxRegisters+spill_slots-1
  bool is_spilled(VReg v) const { return loc[v] >= kMaxRegisters; }
};

/// Window shape of an instruction, from its flags (W: has a window; C: a call's): header
/// slots before the operands (3 for calls, 0 for collection ops) and the highest
/// register the window may reach (exclusive).
struct WindowShape {
  bool is_window = false;
  int header = 0;
  int first_operand = 0;  // index in args of the first windowed operand
  int cap = kMaxRegisters;
  /// Window slots: callee + link slots + arguments, or the elements.
  int size(const IrInstr& in) const {
    int n = static_cast<int>(in.args.size()) - first_operand;
    return header ? n + header - 1 : n;
  }
  /// Offset of args[i] (i >= first_operand) from the window base.
  int offset(int i) const { return header ? (i == 0 ? 0 : i + header - 1) : i - first_operand; }
};
WindowShape window_shape(const IrInstr& in);

/// Allocates locations for every vreg of `fn`. Never fails: values that do not fit
/// are spilled. Throws std::logic_error only on malformed IR (a bug).
RegAllocation allocate_registers(const IrFunction& fn, const Liveness& lv);

}  // namespace clove
