// lower_control.cpp: if, do, let*/loop*, recur and case* as blocks and jumps.
#include "compiler/ir/lower_impl.h"
#include "runtime/coll/coll.h"

namespace clove {

namespace {
// Whether a and b read the same local: (if t x t) is and's expansion, (if t t y) or's.
bool same_local(const Node* a, const Node* b) {
  return a->kind == NodeKind::Local && b->kind == NodeKind::Local &&
         static_cast<const LocalNode*>(a)->local == static_cast<const LocalNode*>(b)->local;
}
}  // namespace

void ArityLowerer::lower_test(Node* test, int then_b, int else_b, SourcePos pos) {
  switch (test->kind) {
    case NodeKind::If: {
      // Short-circuit as jumps: (if (if c a b) X Y) tests a and b for X and Y
      // directly. Where a branch's value is the test's own local, its truth is known.
      auto* n = static_cast<IfNode*>(test);
      int a = same_local(n->then, n->test) ? then_b : new_block();
      int b = same_local(n->otherwise, n->test) ? else_b : new_block();
      lower_test(n->test, a, b, n->pos);
      if (a != then_b) {
        start(a);
        lower_test(n->then, then_b, else_b, n->pos);
      }
      if (b != else_b) {
        start(b);
        lower_test(n->otherwise, then_b, else_b, n->pos);
      }
      return;
    }
    case NodeKind::Let: {
      auto* n = static_cast<LetNode*>(test);
      if (n->is_loop) break;
      size_t mark = local_mark();
      bind_let(n);
      lower_test(n->body, then_b, else_b, pos);
      end_locals(mark);
      return;
    }
    case NodeKind::Prim: {
      // (not x) tests x with the arms swapped, and (some? x) is (not (nil? x)).
      auto* n = static_cast<PrimNode*>(test);
      if (n->op == PrimOp::Not && n->args.size() == 1) {
        lower_test(n->args[0], else_b, then_b, pos);
        return;
      }
      if (n->op == PrimOp::IsSome && n->args.size() == 1) {
        PrimNode is_nil(n->pos, PrimOp::IsNil, n->args);
        lower_test(&is_nil, else_b, then_b, pos);
        return;
      }
      break;
    }
    case NodeKind::Const:  // (if b b false), (and x true): the arm is known
      jump(static_cast<ConstNode*>(test)->value.truthy() ? then_b : else_b, pos);
      close();
      return;
    case NodeKind::Do: {
      auto* n = static_cast<DoNode*>(test);
      if (n->body.empty()) break;
      for (size_t i = 0; i + 1 < n->body.size(); ++i) lower(n->body[i], Dest::effect());
      lower_test(n->body.back(), then_b, else_b, pos);
      return;
    }
    default:
      break;
  }
  VReg cond = value(test);
  if (cond == kNoVReg) cond = fresh();  // a test that does not return (throw)
  branch(IrOp::JMPIFNOT, cond, else_b, then_b, pos);
}

VReg ArityLowerer::lower_if(IfNode* n, Dest d) {
  int then_b = new_block(), else_b = new_block();
  lower_test(n->test, then_b, else_b, n->pos);
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
  if (!n->is_loop) {
    bind_let(n);
    VReg out = lower(n->body, d);
    end_locals(mark);
    return out;
  }
  std::vector<VReg> vregs;
  for (const Binding& b : n->bindings) {
    VReg v = fresh();  // loop locals are rewritten by recur, so never alias another vreg
    lower(b.init, Dest::into(v));
    bind(b.local, v);
    vregs.push_back(v);
  }
  int header = new_block();
  jump(header, n->pos);
  start(header);
  loops_[&n->target] = LoopTarget{header, vregs};
  // A loop's value may come from several exits: give Value mode one result vreg.
  Dest body = d.mode == Mode::Value ? Dest::into(fresh()) : d;
  VReg out = lower(n->body, body);
  end_locals(mark);
  return out;
}

void ArityLowerer::bind_let(LetNode* n) {
  for (const Binding& b : n->bindings) {
    VReg v = value(b.init);
    if (v == kNoVReg) v = fresh();  // an init that does not return (throw)
    bind(b.local, v);
  }
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
