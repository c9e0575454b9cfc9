// asm.h: the assembler (SPEC V7), the disassembler's inverse: the text `disassemble`
// prints (compiler/disasm.h, docs/design/vm.md "Listings and clove.asm") back into an
// FnProto, verified before anything can run it.
#pragma once
#include <string_view>

#include "runtime/lang/function.h"

namespace clove {

class State;

/// Assembles a listing into an FnProto: the first `fn` block, whose `<fn NAME>`
/// constants are the later blocks, matched in the order the listing shows them (each
/// fn's arities in text order, each arity's constants in order, depth first, as
/// `disassemble` prints them). Constants are read with the reader, `#'ns/name` is the
/// var (interned, with its namespace, if missing). Kept: positions (@LINE:COL, under
/// the source "<asm>"), locals, upvalue descriptors. Not in a listing, so absent: the
/// stack map (every register counts as live and frames start nil-filled) and the fn's
/// own source position. Comments (`; ...`) are ignored.
/// The result passes verify_fn_proto (runtime/lang/verifier.h).
/// Throws CloveError IllegalArgumentException "asm: line N: WHAT" for text that is not
/// a listing (unknown opcode, wrong operand count or range, a constant the reader
/// rejects, a `<fn NAME>` with no matching block...) and for bytecode the verifier
/// rejects (N: the line of the offending instruction, arity header or fn header).
FnProto* assemble(State& vm, std::string_view text);

}  // namespace clove
