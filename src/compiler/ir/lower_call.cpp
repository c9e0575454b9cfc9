// lower_call.cpp: calls (tail calls, self tail calls), inlined core functions, and
// collection literals with non-constant elements.
#include "compiler/ir/lower_impl.h"

namespace clove {

namespace {

/// Elements per NEWVEC/NEWMAP/NEWSET or COLLADD, so a literal of any size needs only
/// a small register window.
constexpr size_t kCollChunk = 16;

bool is_trivial(Node* n) {
  return n->kind == NodeKind::Const || n->kind == NodeKind::Upval ||
         (n->kind == NodeKind::Local && !static_cast<LocalNode*>(n)->local->is_self);
}

IrOp arith_op(PrimOp op) {
  switch (op) {
    case PrimOp::Add: return IrOp::ADD;
    case PrimOp::Sub: return IrOp::SUB;
    case PrimOp::Mul: return IrOp::MUL;
    default: return IrOp::DIV;
  }
}

}  // namespace

VReg ArityLowerer::lower_invoke(InvokeNode* n, Dest d) {
  bool tail = d.mode == Mode::Tail && try_depth_ == 0;
  // A call of the fn's own name with this arity's argument count, in tail position:
  // new parameter values and a jump back to the start of the body.
  if (tail && n->fn->kind == NodeKind::Local && fn_->self &&
      static_cast<LocalNode*>(n->fn)->local == fn_->self && !ar_.variadic &&
      n->args.size() == ar_.params.size()) {
    std::vector<VReg> vals;
    for (Node* a : n->args) vals.push_back(value(a));
    std::vector<VReg> params;
    for (size_t i = 0; i < ar_.params.size(); ++i) params.push_back(static_cast<VReg>(i));
    assign_parallel(params, vals, n->pos);
    jump(body_header_, n->pos);
    close();
    return kNoVReg;
  }
  std::vector<VReg> args;
  args.push_back(value(n->fn));
  for (Node* a : n->args) args.push_back(value(a));
  const bool self = n->fn->kind == NodeKind::Local && static_cast<LocalNode*>(n->fn)->local->is_self;
  if (!tail && args.size() == 2 && n->fn->kind != NodeKind::VarRef && !self) {
    // (v i), (m k), (f x) with the callee a local, an upvalue or a computed value: one
    // CALL1, with no window to fill. A var's fn and the fn's own name keep CALL (most
    // often a closure, whose argument is then computed in place).
    VReg out = result_reg(d);
    emit(IrOp::CALL1, out, {args[1], args[0]}, n->pos);
    return finish(out, d, n->pos);
  }
  if (tail) {
    emit(IrOp::TAILCALL, kNoVReg, std::move(args), n->pos);
    return kNoVReg;
  }
  VReg out = result_reg(d);
  emit(IrOp::CALL, out, std::move(args), n->pos);
  return finish(out, d, n->pos);
}

VReg ArityLowerer::lower_prim(PrimNode* n, Dest d) {
  const auto& args = n->args;
  auto out_for = [&](bool last) { return last ? result_reg(d) : fresh(); };
  VReg out = kNoVReg;
  switch (n->op) {
    case PrimOp::Add:
    case PrimOp::Sub:
    case PrimOp::Mul:
    case PrimOp::Div: {
      // Operands with effects are evaluated first, left to right; literals and
      // locals are read as the fold reaches them, so long chains need few registers.
      std::vector<VReg> vals(args.size(), kNoVReg);
      for (size_t i = 0; i < args.size(); ++i)
        if (!is_trivial(args[i])) vals[i] = value(args[i]);
      auto operand = [&](size_t i) { return vals[i] != kNoVReg ? vals[i] : value(args[i]); };
      VReg acc = operand(0);
      for (size_t i = 1; i < args.size(); ++i) {
        VReg o = out_for(i + 1 == args.size());
        int64_t imm = 0;
        bool use_addi = false;
        if ((n->op == PrimOp::Add || n->op == PrimOp::Sub) && args[i]->kind == NodeKind::Const) {
          Value c = static_cast<ConstNode*>(args[i])->value;
          if (c.is_small_int()) {
            imm = n->op == PrimOp::Add ? c.as_small_int() : -c.as_small_int();
            use_addi = imm >= -128 && imm <= 127;
          }
        }
        if (use_addi)
          emit(IrOp::ADDI, o, {acc}, n->pos, imm);
        else
          emit(arith_op(n->op), o, {acc, operand(i)}, n->pos);
        acc = o;
      }
      return finish(acc, d, n->pos);
    }
    case PrimOp::Lt:
    case PrimOp::Le:
    case PrimOp::Gt:
    case PrimOp::Ge:
    case PrimOp::Eq:
    case PrimOp::NumEq: {
      VReg a = value(args[0]);
      VReg b = value(args[1]);
      out = out_for(true);
      switch (n->op) {
        case PrimOp::Lt: emit(IrOp::LT, out, {a, b}, n->pos); break;
        case PrimOp::Le: emit(IrOp::LE, out, {a, b}, n->pos); break;
        case PrimOp::Gt: emit(IrOp::LT, out, {b, a}, n->pos); break;
        case PrimOp::Ge: emit(IrOp::LE, out, {b, a}, n->pos); break;
        case PrimOp::Eq: emit(IrOp::EQ, out, {a, b}, n->pos); break;
        default: emit(IrOp::NUMEQ, out, {a, b}, n->pos); break;
      }
      return finish(out, d, n->pos);
    }
    case PrimOp::Not: {
      VReg a = value(args[0]);
      out = out_for(true);
      emit(IrOp::NOT, out, {a}, n->pos);
      return finish(out, d, n->pos);
    }
    case PrimOp::IsNil:
    case PrimOp::IsSome: {
      // (= x nil): only nil equals nil. As a test it becomes a BREQK on the nil
      // constant (peephole.h); some? is its NOT, which a test turns into the jump.
      VReg a = value(args[0]);
      VReg k = fresh();
      emit(IrOp::LOADK, k, {}, n->pos, constant(Value::nil(), n->pos));
      if (n->op == PrimOp::IsNil) {
        out = out_for(true);
        emit(IrOp::EQ, out, {a, k}, n->pos);
      } else {
        VReg eq = fresh();
        emit(IrOp::EQ, eq, {a, k}, n->pos);
        out = out_for(true);
        emit(IrOp::NOT, out, {eq}, n->pos);
      }
      return finish(out, d, n->pos);
    }
    case PrimOp::Zero: {
      VReg a = value(args[0]);
      VReg z = fresh();
      emit(IrOp::LOADI, z, {}, n->pos, 0);
      out = out_for(true);
      emit(IrOp::NUMEQ, out, {a, z}, n->pos);
      return finish(out, d, n->pos);
    }
    case PrimOp::First:
    case PrimOp::Next:
    case PrimOp::Count:
    case PrimOp::IsReduced: {
      VReg a = value(args[0]);
      out = out_for(true);
      IrOp op = n->op == PrimOp::First ? IrOp::FIRST
                : n->op == PrimOp::Next ? IrOp::NEXT
                : n->op == PrimOp::Count ? IrOp::COUNT
                                         : IrOp::ISREDUCED;
      emit(op, out, {a}, n->pos);
      return finish(out, d, n->pos);
    }
    case PrimOp::Nth:
    case PrimOp::Get:
      if (n->op == PrimOp::Nth && args.size() == 3 && args[1]->kind == NodeKind::Const &&
          args[2]->kind == NodeKind::Const && static_cast<ConstNode*>(args[2])->value.is_nil()) {
        // (nth coll i nil) with a literal i, every name of a sequential destructuring:
        // one NTHI, with neither the index nor the nil in a register.
        Value i = static_cast<ConstNode*>(args[1])->value;
        if (i.is_small_int() && i.as_small_int() >= 0 && i.as_small_int() <= 255) {
          VReg coll = value(args[0]);
          out = out_for(true);
          emit(IrOp::NTHI, out, {coll}, n->pos, i.as_small_int());
          return finish(out, d, n->pos);
        }
      }
      if (args.size() == 3) {
        // NTHD and GETD rewrite the not-found value's register with the result: a fresh
        // vreg holds it, so the not-found value's own vreg stays as it was.
        VReg coll = value(args[0]);
        VReg key = value(args[1]);
        VReg nf = value(args[2]);
        VReg t = fresh();
        emit(IrOp::MOVE, t, {nf}, n->pos);
        emit(n->op == PrimOp::Nth ? IrOp::NTHD : IrOp::GETD, t, {t, coll, key}, n->pos);
        return finish(t, d, n->pos);
      }
      [[fallthrough]];
    case PrimOp::Quot:
    case PrimOp::Rem:
    case PrimOp::Mod: {
      VReg a = value(args[0]);
      VReg b = value(args[1]);
      out = out_for(true);
      IrOp op = n->op == PrimOp::Nth    ? IrOp::NTH
                : n->op == PrimOp::Get  ? IrOp::GET
                : n->op == PrimOp::Quot ? IrOp::QUOT
                : n->op == PrimOp::Rem  ? IrOp::REM
                                        : IrOp::MOD;
      emit(op, out, {a, b}, n->pos);
      return finish(out, d, n->pos);
    }
    case PrimOp::ProtocolFn: {
      // PFN rewrites the protocol's register with the fn: a fresh vreg holds it, so
      // the receiver and the protocol's own vreg stay as they were.
      VReg p = value(args[0]);
      VReg x = value(args[2]);
      VReg t = fresh();
      emit(IrOp::MOVE, t, {p}, n->pos);
      emit(IrOp::PFN, t, {t, x}, n->pos, static_cast<ConstNode*>(args[1])->value.as_small_int());
      return finish(t, d, n->pos);
    }
    case PrimOp::LeafCall: {
      VReg x = value(args[0]);
      int k = constant(static_cast<ConstNode*>(args[1])->value, n->pos);
      out = out_for(true);
      if (k <= 255) {
        emit(IrOp::LEAFCALL, out, {x}, n->pos, k);
      } else {  // past C's reach: the var's value called as any fn is
        VReg fn = fresh();
        emit(IrOp::GETVAR, fn, {}, n->pos, k);
        emit(IrOp::CALL, out, {fn, x}, n->pos);
      }
      return finish(out, d, n->pos);
    }
    case PrimOp::Conj: {
      // Every argument first, as for a call; then CONJ rewrites a fresh vreg holding the
      // collection (as NTHD's not-found value), once per item.
      VReg coll = value(args[0]);
      std::vector<VReg> xs;
      for (size_t k = 1; k < args.size(); ++k) xs.push_back(value(args[k]));
      VReg t = fresh();
      emit(IrOp::MOVE, t, {coll}, n->pos);
      for (VReg x : xs) emit(IrOp::CONJ, t, {t, x}, n->pos);
      return finish(t, d, n->pos);
    }
    case PrimOp::Inc:
    case PrimOp::Dec: {
      VReg a = value(args[0]);
      out = out_for(true);
      emit(IrOp::ADDI, out, {a}, n->pos, n->op == PrimOp::Inc ? 1 : -1);
      return finish(out, d, n->pos);
    }
  }
  return out;
}

VReg ArityLowerer::lower_coll(CollNode* n, Dest d) {
  IrOp make = n->coll == CollKind::Vector ? IrOp::NEWVEC : n->coll == CollKind::Map ? IrOp::NEWMAP : IrOp::NEWSET;
  VReg out = result_reg(d);
  for (size_t from = 0; from < n->items.size() || from == 0; from += kCollChunk) {
    std::vector<VReg> vals;
    if (from > 0) vals.push_back(out);
    for (size_t i = from; i < std::min(n->items.size(), from + kCollChunk); ++i) vals.push_back(value(n->items[i]));
    if (from == 0)
      emit(make, out, std::move(vals), n->pos);
    else
      emit(IrOp::COLLADD, out, std::move(vals), n->pos);
    if (n->items.empty()) break;
  }
  return finish(out, d, n->pos);
}

}  // namespace clove
