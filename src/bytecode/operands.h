// operands.h: what each operand of an instruction names (a register, a constant, an
// upvalue, a count...), for the verifier (runtime/lang/verifier.cpp) and any tool that
// reads bytecode. Derived from the opcode table: the format and flags of CLOVE_OPCODES
// decide every operand, except for the few opcodes listed in operand_roles' switch,
// whose semantics line says what a format cannot (an upvalue index, a flag, an unused C).
#pragma once
#include "bytecode/opcodes.h"

namespace clove {

enum class Operand : uint8_t {
  None,        // unused (any value)
  Reg,         // a register or spill slot of this frame: < framesize
  Const,       // an index into the arity's constant pool
  Upval,       // an upvalue of the running closure
  OtherUpval,  // an upvalue of the closure in R[A] (SETUPVAL): checked at run time
  Count,       // a number of registers (W) or of call arguments (C)
  Flag,        // 0 or 1
  Imm,         // a signed immediate
  Jump,        // a signed pc offset from the next instruction
};

/// The roles of one instruction's operands: `a` for A; `b` for B, Bx, sBx or sJ; `c`
/// for C or sC. A window op (W flag) reads R[b] .. R[b+c-1], a call op (C flag)
/// R[a] .. R[a+2+b]; `b` is then Reg (the window's first register) or Count.
struct OperandRoles {
  Operand a, b, c;
};

/// The roles of op's operands: from its format and flags, then the exceptions.
constexpr OperandRoles operand_roles(Op op) {
  const OpInfo& info = op_info(op);
  OperandRoles r{Operand::None, Operand::None, Operand::None};
  switch (info.format) {
    case OpFormat::ABC: r = {Operand::Reg, Operand::Reg, Operand::Reg}; break;
    case OpFormat::ABx: r = {Operand::Reg, Operand::Const, Operand::None}; break;
    case OpFormat::AsBx: r = {Operand::Reg, op_is_jump(op) ? Operand::Jump : Operand::Imm, Operand::None}; break;
    case OpFormat::sJ: r = {Operand::None, Operand::Jump, Operand::None}; break;
    case OpFormat::ABsC: r = {Operand::Reg, Operand::Reg, Operand::Imm}; break;
    case OpFormat::A: r = {Operand::Reg, Operand::None, Operand::None}; break;
    case OpFormat::None: break;
  }
  if (op_is_call(op))
    r = {Operand::Reg, Operand::Count, Operand::None};
  else if (op_reads_window(op))
    r.c = Operand::Count;
  // What the format cannot say (see each opcode's semantics in CLOVE_OPCODES):
  switch (op) {
    case Op::SPILL:
    case Op::RELOAD: r.b = Operand::Reg; break;  // Bx is a slot, not a constant
    case Op::GETUPVAL: r = {Operand::Reg, Operand::Upval, Operand::Flag}; break;
    case Op::SETUPVAL: r.b = Operand::OtherUpval; break;
    case Op::COUNT: r.c = Operand::Flag; break;
    case Op::MOVE:
    case Op::NOT:
    case Op::FIRST:
    case Op::NEXT:
    case Op::ISREDUCED: r.c = Operand::None; break;
    case Op::ADDK:
    case Op::SUBK:
    case Op::MULK:
    case Op::DIVK:
    case Op::QUOTK:
    case Op::REMK:
    case Op::MODK:
    case Op::GETK:
    case Op::LEAFCALL: r.c = Operand::Const; break;
    case Op::PFN: r.c = Operand::Imm; break;  // a method index, checked when it runs
    case Op::NTHI: r.c = Operand::Imm; break;  // an index, 0..255
    case Op::CONJ: r.c = Operand::None; break;
    case Op::BRLTK:
    case Op::BRLEK:
    case Op::BRGTK:
    case Op::BRGEK:
    case Op::BREQK:
    case Op::BRNUMEQK: r = {Operand::Reg, Operand::Const, Operand::Flag}; break;
    case Op::BRREDUCED: r = {Operand::Reg, Operand::None, Operand::Flag}; break;
    default:
      if (op_skips(op)) r.c = Operand::Flag;  // BRLT and the other register compares
      break;
  }
  return r;
}

}  // namespace clove
