// verifier.h: the bytecode verifier (SPEC V11). Bytecode that did not come from the
// compiler (an image, unmarshalled data, clove.asm) is checked before it runs, so that
// no instruction can read or write outside its frame, its constant pool or its
// closure's upvalues, jump outside its code, or leave the VM's handler stack
// inconsistent. The rules derive from the opcode table (bytecode/opcodes.h,
// bytecode/operands.h); docs/design/vm.md ("Verifier") lists them. What cannot be
// known before running (SETUPVAL's target closure) the VM checks when it runs.
#pragma once
#include <string>

#include "runtime/lang/function.h"

namespace clove {

/// Checks one fn prototype and, recursively, every FnProto in its arities' constant pools.
/// Returns "" when valid, else a message naming the fn, arity, pc and the broken rule, e.g.
/// "fn user/f arity [2]: pc 7: CALL window r10..r14 outside the frame (framesize 12)".
/// Never throws and allocates nothing on the heap; a cycle of FnProtos is reported.
/// An arity whose body is deferred (Proto::body_source) passes as it is: its body is
/// verified when it is read.
std::string verify_fn_proto(const FnProto& fn);
/// Checks one arity. `owner` is the FnProto it belongs to, for its upvalue count; it may
/// be null (then any upvalue use is an error). FnProtos in its constants are checked too.
std::string verify_proto(const Proto& p, const FnProto* owner);

/// Where a check failed, for tools that map it back to their input (clove.asm names
/// the line): the fn and arity (null when the rule is about something else) and the pc
/// (-1 when the rule is about the whole arity).
struct VerifyFault {
  const FnProto* fn = nullptr;
  const Proto* proto = nullptr;
  long pc = -1;
};
/// verify_fn_proto, also filling *where when it fails.
std::string verify_fn_proto(const FnProto& fn, VerifyFault* where);

}  // namespace clove
