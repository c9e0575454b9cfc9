// lower_try.cpp: throw, and try/catch/finally as handler blocks.
//
// Shape of (try body (catch C e h) (finally f)):
//       TRY e2 -> FIN            ; only with a finally
//       TRY e -> CATCH           ; only with catch clauses
//       r := body
//       ENDTRY
//       JMP DONE
//   CATCH: e := exception
//       t := (-catches? e "C") ; JMPIFNOT t -> next clause ; r := h ; JMP DONE
//       THROW e                ; no clause matched
//   DONE:
//       ENDTRY                 ; pops the finally handler
//       f ; JMP END
//   FIN: e2 := exception ; f ; THROW e2
//   END: value r
// A handler that fires is popped by the VM before control reaches it. The finally
// body is lowered twice (normal and exceptional exit).
#include "compiler/ir/lower_impl.h"
#include "state/state.h"

namespace clove {

VReg ArityLowerer::lower_throw(ThrowNode* n, Dest d) {
  VReg v = value(n->exc);
  emit(IrOp::THROW, kNoVReg, {v}, n->pos);
  return d.mode == Mode::Into ? d.dst : fresh();
}

VReg ArityLowerer::lower_try(TryNode* n, Dest d) {
  VReg r = d.mode == Mode::Into ? d.dst : fresh();
  Dest into = d.mode == Mode::Effect ? Dest::effect() : Dest::into(r);
  int fin = -1, end = -1;
  VReg e2 = kNoVReg;
  ++try_depth_;
  if (n->finally) {
    e2 = fresh();
    fin = new_block();
    end = new_block();
    int region = new_block();
    IrInstr& t = emit(IrOp::TRY, kNoVReg, {}, n->pos, e2);
    t.target = fin;
    t.alt = region;
    handlers_.push_back(fin);
    start(region);
  }
  int done = new_block();
  if (n->catches.empty()) {
    lower(n->body, into);
    jump(done, n->pos);
  } else {
    VReg e = fresh();
    int handler = new_block(), region = new_block();
    IrInstr& t = emit(IrOp::TRY, kNoVReg, {}, n->pos, e);
    t.target = handler;
    t.alt = region;
    handlers_.push_back(handler);
    start(region);
    lower(n->body, into);
    if (open()) emit(IrOp::ENDTRY, kNoVReg, {}, n->pos);
    jump(done, n->pos);
    handlers_.pop_back();
    start(handler);
    emit(IrOp::CATCH, e, {}, n->pos);
    Var* catches = s_.vm.intern(s_.vm.core_ns(), s_.vm.sym("-catches?"));
    for (const CatchClause& c : n->catches) {
      size_t mark = local_mark();
      if (!c.class_name) {
        bind(c.local, e);
        lower(c.body, into);
        jump(done, c.pos);
        end_locals(mark);
        break;  // :default catches everything; later clauses are unreachable
      }
      VReg cls = fresh();
      load_const(Value::object(c.class_name), cls, c.pos);
      VReg ok = call_var(catches, {e, cls}, c.pos, fresh());
      int body_b = new_block(), next_b = new_block();
      branch(IrOp::JMPIFNOT, ok, next_b, body_b, c.pos);
      start(body_b);
      bind(c.local, e);
      lower(c.body, into);
      jump(done, c.pos);
      end_locals(mark);
      start(next_b);
    }
    if (open()) emit(IrOp::THROW, kNoVReg, {e}, n->pos);
  }
  start(done);
  --try_depth_;
  if (n->finally) {
    emit(IrOp::ENDTRY, kNoVReg, {}, n->pos);
    handlers_.pop_back();
    lower(n->finally, Dest::effect());
    jump(end, n->pos);
    start(fin);
    emit(IrOp::CATCH, e2, {}, n->pos);
    lower(n->finally, Dest::effect());
    emit(IrOp::THROW, kNoVReg, {e2}, n->pos);
    start(end);
  }
  if (d.mode == Mode::Effect) return kNoVReg;
  return finish(r, d, n->pos);
}

}  // namespace clove
