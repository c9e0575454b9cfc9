// opcodes.h: THE bytecode specification. Every opcode is defined once, here; the
// enum, the table of names, formats and flags, the dispatch table, the compiler's IR
// opcodes, the disassembler, the assembler and the verifier are all generated from
// CLOVE_OPCODES.
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
// Flags: what an instruction may do, for the compiler and the verifier. The flags
// column of CLOVE_OPCODES has one letter per flag, in the order below, or '.' when the
// flag is clear; op_flags() and the op_* predicates read them. A flag means "may, on
// some path"; an opcode without it never does that.
//   E  ends a basic block: it may go elsewhere than the next instruction, or leave
//      the arity (the compiler's IR terminators; SWITCH's jump table follows it).
//   J  jumps: its sJ or sBx operand is a pc offset (for TRY, where its handler starts).
//   N  never continues with the next instruction (so an arity's last instruction has N).
//   W  uses a window of consecutive registers: R[A] .. R[A+2+B] with C, else R[B] ..
//      R[B+C-1] (the registers a verifier must find inside the frame).
//   C  calls R[A]: its window is the callee, the frame link and the arguments.
//   R  may run Clove code: a call, a lazy seq realized, hashing or equality calling back.
//   T  may throw (its own error, one from Clove code it runs, or a memory limit hit).
//   A  may allocate on the heap (not counting the exception it throws).
//   G  may collect garbage: it reaches a safepoint (vm/dispatch.cpp) or runs Clove code.
//   S  a conditional skip (Lua 5.4's compare-and-jump pairs): the next instruction is a
//      JMP, which runs at once when the test gives C (0 or 1) and is skipped otherwise,
//      so a compare and its branch cost one dispatch. The S ops that read K[B] take
//      the first 256 constants only; the compiler uses the register form beyond.
// Implications, checked when this header compiles: J and N imply E; C implies W and R;
// R implies T, A and G; A implies T (the memory limit); J needs an sJ or AsBx format;
// S implies E and excludes J and N.
//
// The ...K arithmetic ops and GETK take their right operand from K[C] (the first 256
// constants), so a literal operand costs no LOADK and no register (Lua 5.4's ADDK family).
//
// Version history (append only; images record kBytecodeVersion):
//   1  2026-11  first format; FIRST NEXT COUNT ISREDUCED NTH GET QUOT REM MOD appended
//               before any image was written.
//   2  2026-12  appended ADDK SUBK MULK DIVK QUOTK REMK MODK (constant operands) and the
//               compare-and-skip ops BRLT BRLE BREQ BRNUMEQ BRLTK BRLEK BRGTK BRGEK BREQK
//               BRNUMEQK (flag S), GETK. Version 1 code is version 2 code: images of either load.
//   3  2026-12  appended PFN (a protocol method fn's dispatch, without a native call).
//               Older code is version 3 code.
//   4  2026-12  appended NTHD ((nth coll i not-found), destructuring's nth, without a
//               native call), LEAFCALL (a one-argument call of a leaf native such as
//               seq? or pos?, without a frame) and GETD ((get m k not-found) and
//               (:k m not-found) without a native call). Older code is version 4 code.
//   5  2026-12  appended NTHI ((nth coll i nil) with a literal i: a destructured name in
//               one instruction) and CONJ ((conj coll x ...) without a native call).
//               Older code is version 5 code.
//   6  2026-12  appended CALL1 (a one-argument call of a register's value: (v i), (m k),
//               (f x) with f a local, with no window to fill) and BRREDUCED (reduce's
//               (if (reduced? acc) ...) as one compare-and-skip). Older code is version 6 code.
#pragma once
#include <cstdint>

namespace clove {

inline constexpr uint32_t kBytecodeVersion = 6;
/// The oldest bytecode version this VM still runs (see the version history).
inline constexpr uint32_t kOldestBytecodeVersion = 1;
inline constexpr int kMaxRegisters = 256;      // directly addressable
inline constexpr int kMaxFrameSlots = 65535;   // with spill slots
inline constexpr int kCallHeader = 3;          // callee + two link slots
inline constexpr int kMaxCallArgs = 255 - kCallHeader;

enum class OpFormat : uint8_t { ABC, ABx, AsBx, sJ, ABsC, A, None };

/// The flags of an opcode, one bit each (see "Flags" above).
using OpFlags = uint16_t;
enum OpFlag : OpFlags {
  kOpEndsBlock = 1 << 0,        // E
  kOpJump = 1 << 1,             // J
  kOpNoFallthrough = 1 << 2,    // N
  kOpWindow = 1 << 3,           // W
  kOpCall = 1 << 4,             // C
  kOpRunsCode = 1 << 5,         // R
  kOpMayThrow = 1 << 6,         // T
  kOpMayAllocate = 1 << 7,      // A
  kOpMayCollect = 1 << 8,       // G
  kOpSkips = 1 << 9,            // S
};
/// The letters of the flags column, bit 0 first.
inline constexpr char kOpFlagLetters[] = "EJNWCRTAGS";
inline constexpr int kNumOpFlags = sizeof(kOpFlagLetters) - 1;

/// A flags column ("EJN.....G") as bits. Each position holds its letter or '.'; any
/// other mask is not a constant expression, so a misspelt entry fails the build.
consteval OpFlags parse_op_flags(const char (&mask)[kNumOpFlags + 1]) {
  OpFlags f = 0;
  for (int k = 0; k < kNumOpFlags; ++k) {
    if (mask[k] == kOpFlagLetters[k])
      f = static_cast<OpFlags>(f | 1 << k);
    else if (mask[k] != '.')
      throw "opcode flags: each position holds its letter of EJNWCRTAGS or '.'";
  }
  return f;
}

// X(name, (format, flags), semantics). Format and flags travel as one argument, so an
// expansion that needs neither (the dispatch table of vm/dispatch.cpp) takes three.
#define CLOVE_OPCODES(X)                                                                                              \
  X(NOP,       (None, ".........."), "no operation; with operand bits set: a breakpoint (vm/debugger.h)")                                                                   \
  X(MOVE,      (ABC,  ".........."), "R[A] := R[B]")                                                                   \
  X(LOADK,     (ABx,  ".........."), "R[A] := K[Bx]")                                                                  \
  X(LOADI,     (AsBx, ".........."), "R[A] := sBx (a small integer)")                                                  \
  X(LOADNIL,   (A,    ".........."), "R[A] := nil")                                                                    \
  X(LOADTRUE,  (A,    ".........."), "R[A] := true")                                                                   \
  X(LOADFALSE, (A,    ".........."), "R[A] := false")                                                                  \
  X(SPILL,     (ABx,  ".........."), "R[Bx] := R[A]   (Bx may be a slot >= 256)")                                      \
  X(RELOAD,    (ABx,  ".........."), "R[A] := R[Bx]   (Bx may be a slot >= 256)")                                      \
  X(GETUPVAL,  (ABC,  ".........."), "R[A] := U[B]; C=1: then U[B] := nil (a once fn's prologue)")                     \
  X(SELF,      (A,    ".........."), "R[A] := the running closure")                                                    \
  X(GETVAR,    (ABx,  "......T..."), "R[A] := value of var K[Bx] (dynamic binding first); unbound: error")             \
  X(SETVAR,    (ABx,  ".........."), "root of var K[Bx] := R[A]")                                                      \
  X(CLOSURE,   (ABx,  "......TAG."), "R[A] := new closure of fn prototype K[Bx], capturing its upvalues")              \
  X(SETUPVAL,  (ABC,  ".........."), "U[B] of closure R[A] := R[C]   (letfn back-patching)")                           \
  X(NEWVEC,    (ABC,  "...W..TAG."), "R[A] := [R[B] ... R[B+C-1]]")                                                    \
  X(NEWMAP,    (ABC,  "...W.RTAG."), "R[A] := {R[B] R[B+1] ... R[B+C-1]}   (C even: key, value pairs)")                \
  X(NEWSET,    (ABC,  "...W.RTAG."), "R[A] := #{R[B] ... R[B+C-1]}")                                                   \
  X(COLLADD,   (ABC,  "...W.RTAG."), "R[A] := R[A] with R[B] ... R[B+C-1] added (conj; maps take pairs)")              \
  X(ADD,       (ABC,  "......TA.."), "R[A] := R[B] + R[C]   (long overflow: ArithmeticException)")                     \
  X(SUB,       (ABC,  "......TA.."), "R[A] := R[B] - R[C]")                                                            \
  X(MUL,       (ABC,  "......TA.."), "R[A] := R[B] * R[C]")                                                            \
  X(DIV,       (ABC,  "......TA.."), "R[A] := R[B] / R[C]   (Clojure's /)")                                            \
  X(ADDI,      (ABsC, "......TA.."), "R[A] := R[B] + sC")                                                              \
  X(LT,        (ABC,  "......T..."), "R[A] := R[B] < R[C]")                                                            \
  X(LE,        (ABC,  "......T..."), "R[A] := R[B] <= R[C]")                                                           \
  X(NUMEQ,     (ABC,  "......T..."), "R[A] := R[B] == R[C]   (numeric equality)")                                      \
  X(EQ,        (ABC,  ".....RTAG."), "R[A] := (= R[B] R[C])")                                                          \
  X(NOT,       (ABC,  ".........."), "R[A] := (not R[B])")                                                             \
  X(JMP,       (sJ,   "EJN.....G."), "pc += sJ")                                                                       \
  X(JMPIF,     (AsBx, "EJ........"), "if R[A] is truthy then pc += sBx")                                               \
  X(JMPIFNOT,  (AsBx, "EJ........"), "if R[A] is nil or false then pc += sBx")                                         \
  X(CALL,      (ABC,  "...WCRTAG."), "R[A] := R[A](R[A+3] ... R[A+2+B])   (R[A+1], R[A+2]: frame link)")               \
  X(TAILCALL,  (ABC,  "E.NWCRTAG."), "return R[A](R[A+3] ... R[A+2+B]), reusing this frame")                           \
  X(RET,       (A,    "E.N.....G."), "return R[A]")                                                                    \
  X(TRY,       (AsBx, "EJ........"), "push a handler: on a throw, R[A] := the exception and pc += sBx")                \
  X(ENDTRY,    (None, ".........."), "pop the innermost handler of this frame")                                        \
  X(THROW,     (A,    "E.N...T..."), "throw R[A]")                                                                     \
  X(SWITCH,    (ABx,  "E....RTAG."), "pc += K[Bx][R[A]], else 0   (K[Bx]: map constant -> slot 1..n; next n+1: JMPs)") \
  X(FIRST,     (ABC,  ".....RTAG."), "R[A] := (first R[B])")                                                           \
  X(NEXT,      (ABC,  ".....RTAG."), "R[A] := (next R[B])")                                                            \
  X(COUNT,     (ABC,  ".....RTAG."), "R[A] := (count R[B]); C=1: R[B] dies here and is cleared before the walk")       \
  X(ISREDUCED, (ABC,  ".........."), "R[A] := (reduced? R[B])")                                                        \
  X(NTH,       (ABC,  ".....RTAG."), "R[A] := (nth R[B] R[C])   (R[C] must be a long)")                                \
  X(GET,       (ABC,  ".....RTAG."), "R[A] := (get R[B] R[C])")                                                        \
  X(QUOT,      (ABC,  "......TA.."), "R[A] := (quot R[B] R[C])")                                                       \
  X(REM,       (ABC,  "......TA.."), "R[A] := (rem R[B] R[C])")                                                        \
  X(MOD,       (ABC,  "......TA.."), "R[A] := (mod R[B] R[C])")                                                      \
  X(ADDK,      (ABC,  "......TA.."), "R[A] := R[B] + K[C]")                                                           \
  X(SUBK,      (ABC,  "......TA.."), "R[A] := R[B] - K[C]")                                                           \
  X(MULK,      (ABC,  "......TA.."), "R[A] := R[B] * K[C]")                                                           \
  X(DIVK,      (ABC,  "......TA.."), "R[A] := R[B] / K[C]")                                                           \
  X(QUOTK,     (ABC,  "......TA.."), "R[A] := (quot R[B] K[C])")                                                      \
  X(REMK,      (ABC,  "......TA.."), "R[A] := (rem R[B] K[C])")                                                       \
  X(MODK,      (ABC,  "......TA.."), "R[A] := (mod R[B] K[C])")                                                       \
  X(BRLT,      (ABC,  "E.....T..S"), "if (R[A] < R[B]) == C then do the next JMP, else skip it")                      \
  X(BRLE,      (ABC,  "E.....T..S"), "if (R[A] <= R[B]) == C then do the next JMP, else skip it")                     \
  X(BREQ,      (ABC,  "E....RTAGS"), "if (= R[A] R[B]) == C then do the next JMP, else skip it")                      \
  X(BRNUMEQ,   (ABC,  "E.....T..S"), "if (== R[A] R[B]) == C then do the next JMP, else skip it")                     \
  X(BRLTK,     (ABC,  "E.....T..S"), "if (R[A] < K[B]) == C then do the next JMP, else skip it")                      \
  X(BRLEK,     (ABC,  "E.....T..S"), "if (R[A] <= K[B]) == C then do the next JMP, else skip it")                     \
  X(BRGTK,     (ABC,  "E.....T..S"), "if (R[A] > K[B]) == C then do the next JMP, else skip it")                      \
  X(BRGEK,     (ABC,  "E.....T..S"), "if (R[A] >= K[B]) == C then do the next JMP, else skip it")                     \
  X(BREQK,     (ABC,  "E....RTAGS"), "if (= R[A] K[B]) == C then do the next JMP, else skip it")                      \
  X(BRNUMEQK,  (ABC,  "E.....T..S"), "if (== R[A] K[B]) == C then do the next JMP, else skip it")                     \
  X(GETK,      (ABC,  ".....RTAG."), "R[A] := (get R[B] K[C])   ((:k m) with k = K[C])")                              \
  X(PFN,       (ABC,  "......TA.."), "R[A] := the fn of method C of protocol R[A] for R[B]   (protocol dispatch)")    \
  X(NTHD,      (ABC,  ".....RTAG."), "R[A] := (nth R[B] R[C] R[A])   (R[A] holds the not-found value)")               \
  X(LEAFCALL,  (ABC,  ".....RTAG."), "R[A] := K[C](R[B])   (K[C] a var; a leaf native's: no frame; else as CALL)")    \
  X(GETD,      (ABC,  ".....RTAG."), "R[A] := (get R[B] R[C] R[A])   (R[A] holds the not-found value)")               \
  X(NTHI,      (ABC,  ".....RTAG."), "R[A] := (nth R[B] C nil)   (C a literal index, as destructuring writes)")    \
  X(CONJ,      (ABC,  ".....RTAG."), "R[A] := (conj R[A] R[B])")                                                     \
  X(CALL1,     (ABC,  ".....RTAG."), "R[A] := R[C](R[B])   (a vector, map or leaf native answers without a frame)")  \
  X(BRREDUCED, (ABC,  "E........S"), "if (reduced? R[A]) == C then do the next JMP, else skip it")

enum class Op : uint8_t {
#define CLOVE_X(name, fmt_flags, doc) name,
  CLOVE_OPCODES(CLOVE_X)
#undef CLOVE_X
      kCount
};

struct OpInfo {
  const char* name;
  OpFormat format;
  OpFlags flags;
  const char* doc;
};
/// The OpInfo of one X-macro entry (the IR's pseudo-ops, compiler/ir/ir.h, use it too).
#define CLOVE_OP_INFO(name, fmt_flags, doc) {#name, CLOVE_OP_FORMAT_ fmt_flags, CLOVE_OP_FLAGS_ fmt_flags, doc},
#define CLOVE_OP_FORMAT_(format, flags) OpFormat::format
#define CLOVE_OP_FLAGS_(format, flags) parse_op_flags(flags)
inline constexpr OpInfo kOpInfo[] = {CLOVE_OPCODES(CLOVE_OP_INFO)};
constexpr const OpInfo& op_info(Op op) { return kOpInfo[static_cast<int>(op)]; }

// ---- flags ----
constexpr OpFlags op_flags(Op op) { return op_info(op).flags; }
constexpr bool op_ends_block(Op op) { return op_flags(op) & kOpEndsBlock; }
constexpr bool op_is_jump(Op op) { return op_flags(op) & kOpJump; }
constexpr bool op_falls_through(Op op) { return !(op_flags(op) & kOpNoFallthrough); }
constexpr bool op_reads_window(Op op) { return op_flags(op) & kOpWindow; }
constexpr bool op_is_call(Op op) { return op_flags(op) & kOpCall; }
constexpr bool op_runs_code(Op op) { return op_flags(op) & kOpRunsCode; }
constexpr bool op_may_throw(Op op) { return op_flags(op) & kOpMayThrow; }
constexpr bool op_may_allocate(Op op) { return op_flags(op) & kOpMayAllocate; }
constexpr bool op_may_collect(Op op) { return op_flags(op) & kOpMayCollect; }
constexpr bool op_skips(Op op) { return op_flags(op) & kOpSkips; }

/// Whether one opcode's flags and format obey the implications listed under "Flags".
constexpr bool op_flags_consistent(const OpInfo& info) {
  auto implies = [&](OpFlags if_set, OpFlags then_set) {
    return !(info.flags & if_set) || (info.flags & then_set) == then_set;
  };
  return implies(kOpJump, kOpEndsBlock) && implies(kOpNoFallthrough, kOpEndsBlock) &&
         implies(kOpCall, kOpWindow | kOpRunsCode) &&
         implies(kOpRunsCode, kOpMayThrow | kOpMayAllocate | kOpMayCollect) &&
         implies(kOpMayAllocate, kOpMayThrow) && implies(kOpSkips, kOpEndsBlock) &&
         (!(info.flags & kOpSkips) || !(info.flags & (kOpJump | kOpNoFallthrough))) &&
         (!(info.flags & kOpJump) || info.format == OpFormat::sJ || info.format == OpFormat::AsBx) &&
         (!(info.flags & kOpWindow) || info.format == OpFormat::ABC);
}
constexpr bool all_op_flags_consistent() {
  for (const OpInfo& info : kOpInfo)
    if (!op_flags_consistent(info)) return false;
  return true;
}
static_assert(all_op_flags_consistent(), "CLOVE_OPCODES: flags break an implication listed under Flags");
static_assert(static_cast<int>(Op::kCount) <= 256, "an opcode is one byte");
static_assert(kNumOpFlags <= 16, "OpFlags has 16 bits");

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
