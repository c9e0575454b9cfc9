// verify_handlers.h: the verifier's handler-flow pass (verifier.cpp runs it last).
//
// TRY pushes a handler on the fiber's handler stack and ENDTRY pops the innermost one
// without looking (vm/dispatch.cpp), and a frame that returns leaves its handlers
// behind. So the verifier follows every path from pc 0 with the number of this frame's
// handlers pushed: TRY adds one on the way into its region (none on the way to the
// handler, which the VM pops before it runs), ENDTRY needs one and removes it, RET
// and TAILCALL need none left, and two paths that meet must agree.
#pragma once
#include <string>
#include <vector>

#include "bytecode/opcodes.h"

namespace clove {

struct HandlerFault {
  std::string message;  // "" when the flow is sound
  long pc = -1;
};

/// Checks the handler flow of `code`, whose instructions have already passed the
/// verifier's per-instruction checks (jump targets inside the code). switch_tables[pc]
/// is the jump-table size n of a SWITCH at pc (its successors are pc+1 .. pc+1+n), -1
/// elsewhere.
HandlerFault check_handler_flow(const std::vector<Instr>& code,
                                const std::vector<int>& switch_tables);

}  // namespace clove
