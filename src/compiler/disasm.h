// disasm.h: human-readable listings of compiled code (SPEC V7), the same text format
// the golden bytecode tests compare against.
#pragma once
#include <string>

#include "runtime/lang/function.h"

namespace clove {

class State;

/// Lists every arity of `fn` and, recursively, every fn it creates: instructions with
/// operands, constants, source lines, locals.
std::string disassemble(State& vm, FnProto* fn);
std::string disassemble_proto(State& vm, Proto* p);
/// A constant as listings show it: #'ns/name for vars, <fn name> for fn prototypes,
/// pr_str for everything else; shortened to 60 characters (instruction comments).
std::string constant_text(State& vm, Value v);
/// constant_text in full, as the `constants:` section shows it (the assembler,
/// compiler/asm.h, reads it back).
std::string full_constant_text(State& vm, Value v);

}  // namespace clove
