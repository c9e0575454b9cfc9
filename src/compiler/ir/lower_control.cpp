// lower_control.cpp: if, do, let*/loop*, recur and case* as blocks and jumps.
#include "compiler/ir/lower_impl.h"
#include "runtime/coll/coll.h"

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

// case*: one block per distinct `then` (grouped tests share their node), then either
// a chain of EQ tests (few tests) or a SWITCH over a map constant -> jump-table slot,
// which dispatches in constant time (bytecode/opcodes.h). A test seen twice keeps its
// first arm, as the EQ chain would.
VReg ArityLowerer::lower_case(CaseNode* n, Dest d) {
  VReg e = value(n->expr);
  bool tail = d.mode == Mode::Tail;
  Dest arm = tail || d.mode == Mode::Effect ? d : Dest::into(result_reg(d));
  int done = tail ? -1 : new_block();
  std::vector<Node*> thens;
  std::vector<size_t> arm_of;
  for (auto& clause : n->clauses) {
    size_t a = 0;
    while (a < thens.size() && thens[a] != clause.second) ++a;
    if (a == thens.size()) thens.push_back(clause.second);
    arm_of.push_back(a);
  }
  std::vector<int> arm_blocks(thens.size(), -1);
  if (n->clauses.size() >= kCaseSwitchMinTests) {
    // Slots go to arms in order of first use; an arm only a shadowed duplicate test
    // selects gets none and is not compiled.
    int dflt_block = new_block();
    State& vm = s_.vm;
    Value table = s_.pin(map_from(vm, nullptr, 0));
    std::vector<size_t> slot_arms;  // slot i+1 -> arm
    std::vector<int> slot_of(thens.size(), 0);
    for (size_t c = 0; c < n->clauses.size(); ++c) {
      Value test = n->clauses[c].first;
      if (contains(vm, table, test)) continue;
      size_t a = arm_of[c];
      if (!slot_of[a]) {
        slot_arms.push_back(a);
        slot_of[a] = static_cast<int>(slot_arms.size());
        arm_blocks[a] = new_block();
      }
      table = s_.pin(assoc(vm, table, test, Value::small_int(slot_of[a])));
    }
    IrInstr& sw = emit(IrOp::SWITCH, kNoVReg, {e}, n->pos, constant(table, n->pos));
    sw.targets.push_back(dflt_block);
    for (size_t a : slot_arms) sw.targets.push_back(arm_blocks[a]);
    for (size_t a : slot_arms) {
      start(arm_blocks[a]);
      lower(thens[a], arm);
      if (!tail) jump(done, n->pos);
    }
    start(dflt_block);
  } else {
    // Each arm is laid out right after the first test that selects it.
    for (int& b : arm_blocks) b = new_block();
    std::vector<bool> placed(thens.size(), false);
    for (size_t c = 0; c < n->clauses.size(); ++c) {
      VReg k = fresh();
      load_const(n->clauses[c].first, k, n->pos);
      VReg eq = fresh();
      emit(IrOp::EQ, eq, {e, k}, n->pos);
      int next_b = new_block();
      size_t a = arm_of[c];
      branch(IrOp::JMPIFNOT, eq, next_b, arm_blocks[a], n->pos);
      if (!placed[a]) {
        placed[a] = true;
        start(arm_blocks[a]);
        lower(thens[a], arm);
        if (!tail) jump(done, n->pos);
      }
      start(next_b);
    }
  }
  lower(n->dflt, arm);
  if (tail) return kNoVReg;
  jump(done, n->pos);
  start(done);
  return arm.dst;
}

}  // namespace clove
