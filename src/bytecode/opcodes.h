// opcodes.h: THE bytecode specification. Every opcode is defined once, here; the
// enum, the name table, the disassembler, the assembler and the verifier are all
// generated from CLOVE_OPCODES.
//
// Instruction word (32 bits, little end first):
//
//    31      24 23      16 15       8 7        0
//   +----------+----------+----------+----------+
//   |    C     |    B     |    A     |    op    |   ABC   A, B, C: 8-bit unsigned
//   +----------+----------+----------+----------+
//   |         Bx          |    A     |    op    |   ABx   Bx: 16-bit unsigned
//   |         sBx         |    A     |    op    |   AsBx  sBx: 16-bit signed
//   +---------------------+----------+----------+
//   |             sJ                 |    op    |   sJ    24-bit signed
//   +--------------------------------+----------+
//   |    sC    |    B     |    A     |    op    |   ABsC  sC: 8-bit signed
//
// Notation: R[x] register x of the current frame; K[x] constant x; U[x] upvalue x of
// the running closure; pc is the index of the *next* instruction when a jump applies
// its offset (pc += sJ jumps relative to the instruction after the jump).
//
// Limits: 256 directly addressable registers (A/B/C); a frame may be larger (up to
// 65,535 slots) and slots >= 256 are reached only by SPILL/RELOAD (Bx). 65,536
// constants per function arity. Jumps reach +-32,767 (AsBx) or +-8,388,607 (sJ).
//
// Calling convention (docs/design/vm.md): for CALL/TAILCALL A B the callee is in R[A],
// R[A+1] and R[A+2] are reserved for the frame link (written by the VM), and the B
// arguments are in R[A+3] .. R[A+2+B]. The callee's frame starts at R[A+3], so every
// register above A+2 is clobbered by the call; the compiler places A above every
// register live across the call. The result lands in R[A].
// A frame with spill slots (framesize > 256) keeps values in slots >= 256 across
// calls, so for such a frame the VM must start the callee's frame above the caller's
// last slot (copying the callee and arguments there) instead of at R[A+3].
// Stack map (Proto::live): a frame about to execute pc uses the entry for pc; a frame
// suspended in a CALL uses the entry for its return pc (CALL + 1), which lists only
// values live across the call plus R[A]. A TRY handler that fires is popped first.
//
// SWITCH (case* in constant time): K[Bx] is a hash map from each test constant to a
// jump-table slot 1..n, looked up with Clojure equality (coll.h get). The n+1
// instructions after SWITCH are the table, all JMPs: slot 0 (no match) jumps to the
// default, slot i to the i-th arm. So a lookup is one hash probe plus two jumps.
//
// FIRST ... MOD are clojure.core functions the compiler inlines (compiler/analyze/
// inline.cpp) when a call's head resolves to the clojure.core var: the same behaviour
// and errors as the function, without a call. Like every instruction that may realize
// a lazy seq, they can run Clove code and so collect.
//
// Version history (append only; images record kBytecodeVersion):
//   1  2026-11  first format; FIRST NEXT COUNT ISREDUCED NTH GET QUOT REM MOD appended
//               before any image was written.
#pragma once
#include <cstdint>

namespace clove {

inline constexpr uint32_t kBytecodeVersion = 1;
inline constexpr int kMaxRegisters = 256;      // directly addressable
inline constexpr int kMaxFrameSlots = 65535;   // with spill slots
inline constexpr int kCallHeader = 3;          // callee + two link slots
inline constexpr int kMaxCallArgs = 255 - kCallHeader;

enum class OpFormat : uint8_t { ABC, ABx, AsBx, sJ, ABsC, A, None };

// X(name, format, semantics)
#define CLOVE_OPCODES(X)                                                                       \
  X(NOP, None, "no operation")                                                                 \
  X(MOVE, ABC, "R[A] := R[B]")                                                                 \
  X(LOADK, ABx, "R[A] := K[Bx]")                                                               \
  X(LOADI, AsBx, "R[A] := sBx (a small integer)")                                              \
  X(LOADNIL, A, "R[A] := nil")                                                                 \
  X(LOADTRUE, A, "R[A] := true")                                                               \
  X(LOADFALSE, A, "R[A] := false")                                                             \
  X(SPILL, ABx, "R[Bx] := R[A]   (Bx may be a slot >= 256)")                                 \
  X(RELOAD, ABx, "R[A] := R[Bx]   (Bx may be a slot >= 256)")                                \
  X(GETUPVAL, ABC, "R[A] := U[B]; C=1: then U[B] := nil (a once fn's prologue)")              \
  X(SELF, A, "R[A] := the running closure")                                                    \
  X(GETVAR, ABx, "R[A] := value of var K[Bx] (dynamic binding first); unbound: error")        \
  X(SETVAR, ABx, "root of var K[Bx] := R[A]")                                                  \
  X(CLOSURE, ABx, "R[A] := new closure of fn prototype K[Bx], capturing its upvalues")         \
  X(SETUPVAL, ABC, "U[B] of closure R[A] := R[C]   (letfn back-patching)")                     \
  X(NEWVEC, ABC, "R[A] := [R[B] ... R[B+C-1]]")                                                \
  X(NEWMAP, ABC, "R[A] := {R[B] R[B+1] ... R[B+C-1]}   (C even: key, value pairs)")            \
  X(NEWSET, ABC, "R[A] := #{R[B] ... R[B+C-1]}")                                               \
  X(COLLADD, ABC, "R[A] := R[A] with R[B] ... R[B+C-1] added (conj; maps take pairs)")         \
  X(ADD, ABC, "R[A] := R[B] + R[C]   (long overflow: ArithmeticException)")                    \
  X(SUB, ABC, "R[A] := R[B] - R[C]")                                                           \
  X(MUL, ABC, "R[A] := R[B] * R[C]")                                                           \
  X(DIV, ABC, "R[A] := R[B] / R[C]   (Clojure's /)")                                           \
  X(ADDI, ABsC, "R[A] := R[B] + sC")                                                           \
  X(LT, ABC, "R[A] := R[B] < R[C]")                                                            \
  X(LE, ABC, "R[A] := R[B] <= R[C]")                                                           \
  X(NUMEQ, ABC, "R[A] := R[B] == R[C]   (numeric equality)")                                  \
  X(EQ, ABC, "R[A] := (= R[B] R[C])")                                                          \
  X(NOT, ABC, "R[A] := (not R[B])")                                                            \
  X(JMP, sJ, "pc += sJ")                                                                       \
  X(JMPIF, AsBx, "if R[A] is truthy then pc += sBx")                                           \
  X(JMPIFNOT, AsBx, "if R[A] is nil or false then pc += sBx")                                  \
  X(CALL, ABC, "R[A] := R[A](R[A+3] ... R[A+2+B])   (R[A+1], R[A+2]: frame link)")             \
  X(TAILCALL, ABC, "return R[A](R[A+3] ... R[A+2+B]), reusing this frame")                     \
  X(RET, A, "return R[A]")                                                                     \
  X(TRY, AsBx, "push a handler: on a throw, R[A] := the exception and pc += sBx")              \
  X(ENDTRY, None, "pop the innermost handler of this frame")                                   \
  X(THROW, A, "throw R[A]")                                                                   \
  X(SWITCH, ABx, "pc += K[Bx][R[A]], else 0   (K[Bx]: map constant -> slot 1..n; next n+1: JMPs)")  \
  X(FIRST, ABC, "R[A] := (first R[B])")                                                        \
  X(NEXT, ABC, "R[A] := (next R[B])")                                                          \
  X(COUNT, ABC, "R[A] := (count R[B]); C=1: R[B] dies here and is cleared before the walk")  \
  X(ISREDUCED, ABC, "R[A] := (reduced? R[B])")                                                 \
  X(NTH, ABC, "R[A] := (nth R[B] R[C])   (R[C] must be a long)")                               \
  X(GET, ABC, "R[A] := (get R[B] R[C])")                                                       \
  X(QUOT, ABC, "R[A] := (quot R[B] R[C])")                                                     \
  X(REM, ABC, "R[A] := (rem R[B] R[C])")                                                       \
  X(MOD, ABC, "R[A] := (mod R[B] R[C])")

enum class Op : uint8_t {
#define CLOVE_X(name, fmt, doc) name,
  CLOVE_OPCODES(CLOVE_X)
#undef CLOVE_X
      kCount
};

struct OpInfo {
  const char* name;
  OpFormat format;
  const char* doc;
};
inline constexpr OpInfo kOpInfo[] = {
#define CLOVE_X(name, fmt, doc) {#name, OpFormat::fmt, doc},
    CLOVE_OPCODES(CLOVE_X)
#undef CLOVE_X
};
inline const OpInfo& op_info(Op op) { return kOpInfo[static_cast<int>(op)]; }

using Instr = uint32_t;

// ---- encoding ----
constexpr Instr encode_abc(Op op, unsigned a, unsigned b, unsigned c) {
  return static_cast<Instr>(op) | (a & 0xFF) << 8 | (b & 0xFF) << 16 | (c & 0xFF) << 24;
}
constexpr Instr encode_abx(Op op, unsigned a, unsigned bx) {
  return static_cast<Instr>(op) | (a & 0xFF) << 8 | (bx & 0xFFFF) << 16;
}
constexpr Instr encode_asbx(Op op, unsigned a, int sbx) {
  return static_cast<Instr>(op) | (a & 0xFF) << 8 | (static_cast<uint32_t>(sbx) & 0xFFFF) << 16;
}
constexpr Instr encode_sj(Op op, int sj) {
  return static_cast<Instr>(op) | (static_cast<uint32_t>(sj) & 0xFFFFFF) << 8;
}
constexpr Instr encode_absc(Op op, unsigned a, unsigned b, int sc) {
  return static_cast<Instr>(op) | (a & 0xFF) << 8 | (b & 0xFF) << 16 | (static_cast<uint32_t>(sc) & 0xFF) << 24;
}

// ---- decoding ----
constexpr Op op_of(Instr i) { return static_cast<Op>(i & 0xFF); }
constexpr unsigned arg_a(Instr i) { return (i >> 8) & 0xFF; }
constexpr unsigned arg_b(Instr i) { return (i >> 16) & 0xFF; }
constexpr unsigned arg_c(Instr i) { return i >> 24; }
constexpr unsigned arg_bx(Instr i) { return i >> 16; }
constexpr int arg_sbx(Instr i) { return static_cast<int16_t>(i >> 16); }
constexpr int arg_sj(Instr i) { return static_cast<int32_t>(i) >> 8; }
constexpr int arg_sc(Instr i) { return static_cast<int8_t>(i >> 24); }

inline constexpr int kMaxSbx = 32767;
inline constexpr int kMaxSj = (1 << 23) - 1;

}  // namespace clove
