// lower_control.cpp: if, do, let*/loop*, recur and case* as blocks and jumps.
#include "compiler/ir/lower_impl.h"

namespace clove {

VReg ArityLowerer::lower_if(IfNode* n, Dest d) {
  VReg cond = value(n->test);
  int then_b = new_block(), else_b = new_block();
  branch(IrOp::JMPIFNOT, cond, else_b, then_b, n->pos);
  if (d.mode == Mode::Tail) {
    start(then_b);
    lower(n->then, d);
    start(else_b);
    lower(n->otherwise, d);
    return kNoVReg;
  }
  Dest branch_dest = d.mode == Mode::Effect ? d : Dest::into(result_reg(d));
  int join = new_block();
  start(then_b);
  lower(n->then, branch_dest);
  jump(join, n->pos);
  start(else_b);
  lower(n->otherwise, branch_dest);
  jump(join, n->pos);
  start(join);
  return branch_dest.dst;
}

VReg ArityLowerer::lower_do(DoNode* n, Dest d) {
  for (size_t i = 0; i + 1 < n->body.size(); ++i) lower(n->body[i], Dest::effect());
  if (n->body.empty()) {
    ConstNode nil(n->pos, Value::nil());
    return lower_const(&nil, d);
  }
  return lower(n->body.back(), d);
}

VReg ArityLowerer::lower_let(LetNode* n, Dest d) {
  size_t mark = local_mark();
  std::vector<VReg> vregs;
  for (const Binding& b : n->bindings) {
    VReg v;
    if (n->is_loop) {
      v = fresh();  // loop locals are rewritten by recur, so never alias another vreg
      lower(b.init, Dest::into(v));
    } else {
      v = value(b.init);
      if (v == kNoVReg) v = fresh();  // an init that does not return (throw)
    }
    bind(b.local, v);
    vregs.push_back(v);
  }
  VReg out;
  if (n->is_loop) {
    int header = new_block();
    jump(header, n->pos);
    start(header);
    loops_[&n->target] = LoopTarget{header, vregs};
    // A loop's value may come from several exits: give Value mode one result vreg.
    Dest body = d.mode == Mode::Value ? Dest::into(fresh()) : d;
    out = lower(n->body, body);
  } else {
    out = lower(n->body, d);
  }
  end_locals(mark);
  return out;
}

VReg ArityLowerer::lower_recur(RecurNode* n, Dest d) {
  std::vector<VReg> vals;
  for (Node* a : n->args) vals.push_back(value(a));
  const LoopTarget& t = loops_.at(n->target);
  assign_parallel(t.vregs, vals, n->pos);
  jump(t.header, n->pos);
  close();
  return d.mode == Mode::Into ? d.dst : kNoVReg;
}

VReg ArityLowerer::lower_case(CaseNode* n, Dest d) {
  VReg e = value(n->expr);
  bool tail = d.mode == Mode::Tail;
  Dest arm = tail || d.mode == Mode::Effect ? d : Dest::into(result_reg(d));
  int done = tail ? -1 : new_block();
  for (auto& [test, then] : n->clauses) {
    VReg k = fresh();
    load_const(test, k, n->pos);
    VReg eq = fresh();
    emit(IrOp::EQ, eq, {e, k}, n->pos);
    int then_b = new_block(), next_b = new_block();
    branch(IrOp::JMPIFNOT, eq, next_b, then_b, n->pos);
    start(then_b);
    lower(then, arm);
    if (!tail) jump(done, n->pos);
    start(next_b);
  }
  lower(n->dflt, arm);
  if (tail) return kNoVReg;
  jump(done, n->pos);
  start(done);
  return arm.dst;
}

}  // namespace clove
