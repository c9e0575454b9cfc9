// asm_listing.h: the assembler's parsed listing (compiler/asm_parse.cpp reads the
// text into it; compiler/asm.cpp builds FnProtos from it). Internal to the assembler.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bytecode/opcodes.h"
#include "core/value.h"

namespace clove {

class State;

/// One constant line (`kI  TEXT`): a value read by the reader, or a reference to a
/// later fn block (`<fn NAME>`), matched in order.
struct AsmConstant {
  Value value;          // the constant (nil for a fn reference until it is matched)
  bool fn_ref = false;  // `<fn NAME>`
  std::string fn_name;  // NAME of a fn reference
  int line = 0;
};

struct AsmLocal {
  std::string name;
  uint32_t start_pc, end_pc;
  uint16_t reg;
};

struct AsmArity {
  int line = 0;      // of the `arity` header
  std::string name;  // "<anon>" for none
  uint16_t nparams = 0;
  bool variadic = false;
  uint32_t framesize = 0;
  size_t nconstants = 0;  // as the header says
  std::vector<Instr> code;
  std::vector<int> code_lines;        // the text line of each instruction
  std::vector<uint32_t> lines, cols;  // each instruction's @LINE:COL (0 0: none)
  bool any_position = false;
  std::vector<AsmConstant> constants;
  std::vector<AsmLocal> locals;
};

struct AsmUpval {
  std::string name;
  bool from_register;
  uint16_t index;
};

struct AsmFn {
  int line = 0;  // of the `fn` header
  std::string name;
  size_t narities = 0;  // as the header says
  std::vector<AsmUpval> upvals;
  size_t nupvals = 0;  // as the header says
  std::vector<AsmArity> arities;
};

struct AsmListing {
  std::vector<AsmFn> fns;  // in text order: the first is the fn assembled
  uint32_t source = 0;     // the SourceRegistry id ("<asm>") that positions name
};

/// Parses a listing into its fn blocks. Constants are read with the reader (vars are
/// interned, `<fn NAME>` left for the builder). Throws CloveError
/// IllegalArgumentException "asm: line N: ..." at the first malformed line.
AsmListing parse_asm_listing(State& vm, std::string_view text);

/// Throws the assembler's error: IllegalArgumentException "asm: line N: what".
[[noreturn]] void asm_error(int line, const std::string& what);

}  // namespace clove
