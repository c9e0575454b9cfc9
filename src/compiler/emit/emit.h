// emit.h: IR + register allocation -> bytecode for one arity (SPEC V4).
//
// Produces the instruction words, positions (one per instruction), local variable
// ranges, and the GC stack map: for every pc, the registers and spill slots that hold
// a value which may still be read when the frame is about to execute that pc. A
// frame suspended in a CALL is described by the entry of its return pc (CALL + 1),
// where only the values live across the call (below the window) and the call's
// register A (holding the callee until the result arrives) are listed; the window
// above A belongs to the callee's frame.
//
// Jumps use the short forms when they reach; otherwise the arity is emitted again
// with every conditional jump and TRY as a short hop over a long JMP.
#pragma once
#include <vector>

#include "compiler/ir/ir.h"
#include "compiler/passes/liveness.h"
#include "compiler/passes/regalloc.h"
#include "runtime/lang/function.h"

namespace clove {

struct EmittedArity {
  std::vector<Instr> code;
  std::vector<SourcePos> positions;
  std::vector<Value> constants;
  std::vector<LocalInfo> locals;
  std::vector<LiveRange> live;
  uint32_t framesize = 0;
  uint16_t nparams = 0;
  bool variadic = false;
  /// For each CLOSURE: the constant index of its FnProto and where each upvalue comes from.
  struct ClosureUpvals {
    int constant;
    std::vector<UpvalDesc> upvals;
  };
  std::vector<ClosureUpvals> closures;
};

/// Emits bytecode for `fn`. Throws Diagnostic(compile_too_large) at `where` when a
/// limit of opcodes.h is exceeded (constants, upvalues, frame size).
EmittedArity emit_arity(const IrFunction& fn, const Liveness& lv, const RegAllocation& ra, SourcePos where);

/// Moves an emitted arity into a new Proto on `h` (and fills the upvalue lists of the
/// FnProtos its CLOSUREs make). Does not collect.
Proto* build_proto(Heap& h, EmittedArity&& e, String* name);

}  // namespace clove
