// peephole.h: instruction selection on the IR of one arity, after lowering and before
// liveness (SPEC V4: instructions with constant operands, fused compare-and-branch,
// recur moves coalesced). Each rewrite keeps the arity's behaviour, errors included;
// the techniques are Lua 5.4's (lcode.c: ADDK and friends, compare-and-jump pairs).
//
//  1. Constant operands. An arithmetic op (ADD SUB MUL DIV QUOT REM MOD) or GET whose right
//     operand is a vreg loaded once, by LOADK or LOADI, with a constant among the
//     first 256 of the pool becomes its ...K form, reading K[C]: no load and no
//     register. ADD and MUL with the constant on the left swap their operands first.
//  2. Compare-and-branch. A block ending `c := LT/LE/NUMEQ/EQ x y; JMPIF(NOT) c`, where
//     c is used only there, ends with one compare-and-skip terminator instead (BRLT,
//     BRLE, BRNUMEQ, BREQ, and with a constant operand BRLTK BRLEK BRGTK BRGEK
//     BRNUMEQK BREQK: `k < x` is tested as `x > k`). IR form: args = [x, y] or [x] with
//     imm = the constant's index; `target` is taken when the comparison holds, `alt`
//     otherwise (the emitter adds the JMPs). `c := NOT x; JMPIFNOT c` becomes JMPIF x;
//     `c := ISREDUCED x; JMPIF(NOT) c` becomes BRREDUCED x (reduce's every step).
//  3. Moves coalesced. `t := OP ...; ...; v := MOVE t`, in one block without a
//     handler, where t is defined once, the move is its last use and nothing between
//     reads or writes v, becomes `v := OP ...` with t's uses in between reading v:
//     recur's parallel moves mostly vanish (a loop variable is rewritten in place
//     when nothing after the new value's definition reads the old one, as with
//     `(let [zr (...)] (recur zr))`). Debug info follows: t's names move to v, and a
//     name of v's own is hidden from the definition to the move, where v's register
//     already holds the next value (mandelbrot's loop: 14 -> 12 instructions).
//  4. A LOADK or LOADI left without uses by 1 or 2 becomes a NOP, unless it names a
//     local (kept for the debugger). Instructions become NOPs rather than being
//     removed, so the positions in IrFunction::locals stay valid.
//  5. Jumps back to a test threaded. A block ending `JMP h`, where h is laid out
//     before it, has the same try handler and holds nothing but a compare-and-skip
//     terminator, ends with a copy of that test instead. This is loop inversion for
//     `(loop [...] (if (< i n) (recur ...) done))`: recur's jump back to the test
//     becomes the test, whose inline jump (which polls, as a backward JMP does) returns
//     to the body, so an iteration dispatches one instruction fewer. The emitter gives
//     the inline jump to the block already emitted, the loop's body. JMPIF and
//     JMPIFNOT are not copied: they never jump backward, since they do not poll.
#pragma once
#include "compiler/ir/ir.h"

namespace clove {

/// Runs the rewrites above on `fn` in place. Constants may be added to its pool (a
/// LOADI's value, when it becomes a K operand).
void peephole(IrFunction& fn);

}  // namespace clove
