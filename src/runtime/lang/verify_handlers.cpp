// verify_handlers.cpp: the handler-flow pass of the verifier (verify_handlers.h).
#include "runtime/lang/verify_handlers.h"

#include <fmt/format.h>

namespace clove {

HandlerFault check_handler_flow(const std::vector<Instr>& code,
                                const std::vector<int>& switch_tables) {
  const long n = static_cast<long>(code.size());
  std::vector<long> depth(code.size(), -1);  // handlers pushed on entry to pc; -1: not reached yet
  std::vector<long> work;
  HandlerFault fault;
  auto reach = [&](long from, long to, long d) {
    if (!fault.message.empty()) return;
    if (to >= n) {
      fault = {"falls through past the end of the code", from};
      return;
    }
    if (depth[to] == -1) {
      depth[to] = d;
      work.push_back(to);
    } else if (depth[to] != d) {
      fault = {
          fmt::format("pc {} is reached with {} and with {} handlers pushed", to, depth[to], d),
          from};
    }
  };
  depth[0] = 0;
  work.push_back(0);
  while (!work.empty() && fault.message.empty()) {
    long pc = work.back();
    work.pop_back();
    Instr i = code[pc];
    Op op = op_of(i);
    long d = depth[pc];
    long next = pc + 1;
    switch (op) {
      case Op::TRY:
        reach(pc, next + arg_sbx(i), d);
        reach(pc, next, d + 1);
        continue;
      case Op::ENDTRY:
        if (d == 0) return {"ENDTRY with no handler of this frame pushed", pc};
        reach(pc, next, d - 1);
        continue;
      case Op::RET:
      case Op::TAILCALL:
        if (d != 0)
          return {fmt::format("{} leaves the frame with {} of its handlers pushed",
                              op_info(op).name, d),
                  pc};
        continue;
      case Op::SWITCH:
        for (long s = next; s <= next + switch_tables[pc]; ++s) reach(pc, s, d);
        continue;
      default:
        break;
    }
    if (op_skips(op)) reach(pc, next + 1, d);  // past the JMP (checked to be there)
    if (op_is_jump(op))
      reach(pc, next + (op_info(op).format == OpFormat::sJ ? arg_sj(i) : arg_sbx(i)), d);
    if (op_falls_through(op)) reach(pc, next, d);
  }
  return fault;
}

}  // namespace clove
