// lower.cpp: the lowering core: blocks, modes, constants, locals, vars, def, and the
// dispatch over node kinds. Control flow, calls, fns and try are in lower_*.cpp.
#include <fmt/format.h>

#include "compiler/ir/lower_impl.h"
#include "runtime/num/number.h"

namespace clove {

ArityLowerer::ArityLowerer(CompileSession& s, FnNode* fn, FnArity& arity) : s_(s), fn_(fn), ar_(arity) {}

IrFunction ArityLowerer::run() {
  f_.name = fn_->name ? std::string(fn_->name->view()) : "";
  f_.nparams = ar_.nfixed();
  f_.variadic = ar_.variadic;
  f_.nvregs = static_cast<int>(ar_.params.size());
  int entry = new_block();
  start(entry);
  for (size_t i = 0; i < ar_.params.size(); ++i) bind(ar_.params[i], static_cast<VReg>(i));
  if (fn_->once) {
    // Take every upvalue into a register now: the body reads the registers, which die at
    // their last use, and the closure no longer holds the values.
    for (size_t u = 0; u < fn_->captures.size(); ++u) {
      VReg v = fresh();
      emit(IrOp::GETUPVAL, v, {}, ar_.pos, static_cast<int64_t>(u) | kUpvalTake);
      once_upvals_.push_back(v);
    }
  }
  // The body starts in its own block: recur and self tail calls jump back to it.
  body_header_ = new_block();
  jump(body_header_, ar_.pos);
  start(body_header_);
  std::vector<VReg> params;
  for (size_t i = 0; i < ar_.params.size(); ++i) params.push_back(static_cast<VReg>(i));
  loops_[&ar_.target] = LoopTarget{body_header_, params};
  lower(ar_.body, Dest::tail());
  for (IrLocal& l : f_.locals) {
    if (l.end_block < 0) {
      l.end_block = f_.layout.back();
      l.end_index = static_cast<int>(f_.blocks[l.end_block].instrs.size());
    }
  }
  prune_unreachable();
  return std::move(f_);
}

// ---- blocks and instructions ----

void ArityLowerer::start(int block) {
  f_.place(block);
  f_.blocks[block].handler = handlers_.empty() ? -1 : handlers_.back();
  cur_ = block;
}

void ArityLowerer::ensure_block() {
  if (cur_ < 0) start(new_block());  // unreachable code; pruned later
}

IrInstr& ArityLowerer::emit(IrOp op, VReg dst, std::vector<VReg> args, SourcePos pos, int64_t imm) {
  ensure_block();
  IrInstr in;
  in.op = op;
  in.dst = dst;
  in.args = std::move(args);
  in.imm = imm;
  in.pos = pos;
  auto& instrs = f_.blocks[cur_].instrs;
  instrs.push_back(std::move(in));
  IrInstr& ref = instrs.back();
  if (is_terminator(op)) close();
  return ref;
}

void ArityLowerer::jump(int block, SourcePos pos) {
  if (!open()) return;
  emit(IrOp::JMP, kNoVReg, {}, pos).target = block;
}

void ArityLowerer::branch(IrOp op, VReg cond, int target, int alt, SourcePos pos) {
  IrInstr& in = emit(op, kNoVReg, {cond}, pos);
  in.target = target;
  in.alt = alt;
}

VReg ArityLowerer::finish(VReg v, const Dest& d, SourcePos pos) {
  switch (d.mode) {
    case Mode::Value:
      return v;
    case Mode::Into:
      if (v != d.dst) emit(IrOp::MOVE, d.dst, {v}, pos);
      return d.dst;
    case Mode::Tail:
      emit(IrOp::RET, kNoVReg, {v}, pos);
      return kNoVReg;
    case Mode::Effect:
      return v;
  }
  return v;
}

int ArityLowerer::constant(Value v, SourcePos pos) {
  int k = f_.constant(s_.pin(v));
  if (k >= 65536) throw Diagnostic(DiagKind::compile_too_large, pos, "Too many constants in one function (limit 65,536)");
  return k;
}

void ArityLowerer::load_const(Value v, VReg out, SourcePos pos) {
  if (v.is_nil()) {
    emit(IrOp::LOADNIL, out, {}, pos);
  } else if (v.is_true()) {
    emit(IrOp::LOADTRUE, out, {}, pos);
  } else if (v.is_false()) {
    emit(IrOp::LOADFALSE, out, {}, pos);
  } else if (v.is_small_int() && v.as_small_int() >= -32768 && v.as_small_int() <= 32767) {
    emit(IrOp::LOADI, out, {}, pos, v.as_small_int());
  } else {
    emit(IrOp::LOADK, out, {}, pos, constant(v, pos));
  }
}

void ArityLowerer::bind(const LocalBinding* b, VReg v) {
  locals_[b] = v;
  if (!b->name) return;
  int blk = cur_ >= 0 ? cur_ : (f_.layout.empty() ? 0 : f_.layout.back());
  f_.locals.push_back(IrLocal{b->name, v, blk, static_cast<int>(f_.blocks[blk].instrs.size()), -1, 0});
}

void ArityLowerer::end_locals(size_t from) {
  int blk = cur_ >= 0 ? cur_ : f_.layout.back();
  for (size_t i = from; i < f_.locals.size(); ++i) {
    if (f_.locals[i].end_block >= 0) continue;
    f_.locals[i].end_block = blk;
    f_.locals[i].end_index = static_cast<int>(f_.blocks[blk].instrs.size());
  }
}

void ArityLowerer::assign_parallel(const std::vector<VReg>& targets, const std::vector<VReg>& values, SourcePos pos) {
  std::vector<VReg> vals = values;
  for (size_t i = 0; i < vals.size(); ++i) {
    if (vals[i] == targets[i]) continue;
    bool clobbered = false;
    for (size_t j = 0; j < targets.size(); ++j) clobbered |= j != i && targets[j] == vals[i];
    if (clobbered) {
      VReg t = fresh();
      emit(IrOp::MOVE, t, {vals[i]}, pos);
      vals[i] = t;
    }
  }
  for (size_t i = 0; i < vals.size(); ++i)
    if (vals[i] != targets[i]) emit(IrOp::MOVE, targets[i], {vals[i]}, pos);
}

void ArityLowerer::prune_unreachable() {
  std::vector<char> seen(f_.blocks.size(), 0);
  std::vector<int> work{f_.layout[0]};
  seen[f_.layout[0]] = 1;
  while (!work.empty()) {
    int b = work.back();
    work.pop_back();
    f_.blocks[b].for_each_succ([&](int s) {
      if (!seen[s]) {
        seen[s] = 1;
        work.push_back(s);
      }
    });
  }
  std::vector<int> layout;
  for (int b : f_.layout)
    if (seen[b]) layout.push_back(b);
  for (int b : f_.layout)
    if (!seen[b]) f_.blocks[b].instrs.clear();
  f_.layout = std::move(layout);
  std::vector<IrLocal> locals;
  for (IrLocal& l : f_.locals)
    if (seen[l.start_block] && l.end_block >= 0 && seen[l.end_block]) locals.push_back(l);
  f_.locals = std::move(locals);
}

// ---- dispatch ----

VReg ArityLowerer::lower(Node* n, Dest d) {
  switch (n->kind) {
    case NodeKind::Const: return lower_const(static_cast<ConstNode*>(n), d);
    case NodeKind::Local: return lower_local(static_cast<LocalNode*>(n), d);
    case NodeKind::Upval: {
      if (d.mode == Mode::Effect) return kNoVReg;
      if (fn_->once) return finish(once_upvals_[static_cast<UpvalNode*>(n)->index], d, n->pos);
      VReg out = result_reg(d);
      emit(IrOp::GETUPVAL, out, {}, n->pos, static_cast<UpvalNode*>(n)->index);
      return finish(out, d, n->pos);
    }
    case NodeKind::VarRef: {
      VReg out = result_reg(d);
      emit(IrOp::GETVAR, out, {}, n->pos, constant(Value::object(static_cast<VarRefNode*>(n)->var), n->pos));
      return finish(out, d, n->pos);
    }
    case NodeKind::Def: return lower_def(static_cast<DefNode*>(n), d);
    case NodeKind::If: return lower_if(static_cast<IfNode*>(n), d);
    case NodeKind::Do: return lower_do(static_cast<DoNode*>(n), d);
    case NodeKind::Let: return lower_let(static_cast<LetNode*>(n), d);
    case NodeKind::Recur: return lower_recur(static_cast<RecurNode*>(n), d);
    case NodeKind::Fn: return lower_fn(static_cast<FnNode*>(n), d);
    case NodeKind::Invoke: return lower_invoke(static_cast<InvokeNode*>(n), d);
    case NodeKind::Prim: return lower_prim(static_cast<PrimNode*>(n), d);
    case NodeKind::Throw: return lower_throw(static_cast<ThrowNode*>(n), d);
    case NodeKind::Try: return lower_try(static_cast<TryNode*>(n), d);
    case NodeKind::Letfn: return lower_letfn(static_cast<LetfnNode*>(n), d);
    case NodeKind::Case: return lower_case(static_cast<CaseNode*>(n), d);
    case NodeKind::Coll: return lower_coll(static_cast<CollNode*>(n), d);
  }
  return kNoVReg;
}

VReg ArityLowerer::lower_const(ConstNode* n, Dest d) {
  if (d.mode == Mode::Effect) return kNoVReg;
  VReg out = result_reg(d);
  load_const(n->value, out, n->pos);
  return finish(out, d, n->pos);
}

VReg ArityLowerer::lower_local(LocalNode* n, Dest d) {
  if (d.mode == Mode::Effect) return kNoVReg;
  if (n->local->is_self) {
    VReg out = result_reg(d);
    emit(IrOp::SELF, out, {}, n->pos);
    return finish(out, d, n->pos);
  }
  auto it = locals_.find(n->local);
  if (it == locals_.end())
    throw Diagnostic(DiagKind::compile_error, n->pos,
                     fmt::format("Internal compiler error: local {} has no register", n->local->name->str()));
  return finish(it->second, d, n->pos);
}

VReg ArityLowerer::lower_def(DefNode* n, Dest d) {
  int k = constant(Value::object(n->var), n->pos);
  if (n->init) {
    VReg v = value(n->init);
    if (n->var->flags & kFlagWatched) {
      // The var has a validator or watches (when this def is compiled: at the REPL,
      // after add-watch): Var.bindRoot through -bind-root!, which runs them, so that
      // SETVAR in the dispatch loop need not test for them.
      VReg kv = fresh();
      emit(IrOp::LOADK, kv, {}, n->pos, k);
      call_var(s_.vm.intern(s_.vm.core_ns(), s_.vm.sym("-bind-root!")), {kv, v}, n->pos, fresh());
    } else {
      emit(IrOp::SETVAR, kNoVReg, {v}, n->pos, k);
    }
  }
  if (d.mode == Mode::Effect) return kNoVReg;
  VReg out = result_reg(d);
  emit(IrOp::LOADK, out, {}, n->pos, k);
  return finish(out, d, n->pos);
}

VReg ArityLowerer::call_var(Var* var, std::vector<VReg> args, SourcePos pos, VReg out) {
  VReg f = fresh();
  emit(IrOp::GETVAR, f, {}, pos, constant(Value::object(var), pos));
  args.insert(args.begin(), f);
  emit(IrOp::CALL, out, std::move(args), pos);
  return out;
}

}  // namespace clove
