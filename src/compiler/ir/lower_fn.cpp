// lower_fn.cpp: nested fns (CLOSURE), letfn*, and compile_fn, the per-fn driver of
// the back end: lower -> liveness -> register allocation -> emit -> Proto.
#include <fmt/format.h>

#include "compiler/emit/emit.h"
#include "compiler/ir/lower.h"
#include "compiler/ir/lower_impl.h"
#include "compiler/passes/liveness.h"
#include "compiler/passes/peephole.h"
#include "compiler/passes/regalloc.h"
#include "compiler/disasm.h"
#include "state/state.h"

namespace clove {

void ArityLowerer::make_closure(FnNode* n, VReg out) {
  FnProto* proto = compile_fn(s_, n);
  std::vector<Capture> caps;
  std::vector<VReg> uses;
  for (const CaptureRef& c : n->captures) {
    if (!c.local && fn_->once) {  // this once fn took its upvalues into registers
      VReg v = once_upvals_[static_cast<size_t>(c.upval)];
      caps.push_back(Capture{true, v, c.name});
      uses.push_back(v);
      continue;
    }
    if (!c.local) {
      caps.push_back(Capture{false, c.upval, c.name});
      continue;
    }
    VReg v;
    if (c.local->is_self) {
      v = fresh();
      emit(IrOp::SELF, v, {}, n->pos);
    } else {
      auto it = locals_.find(c.local);
      if (it == locals_.end())
        throw Diagnostic(DiagKind::compile_error, n->pos,
                         fmt::format("Internal compiler error: captured local {} has no register", c.name->str()));
      v = it->second;
    }
    caps.push_back(Capture{true, v, c.name});
    uses.push_back(v);
  }
  IrInstr& in = emit(IrOp::CLOSURE, out, std::move(uses), n->pos, constant(Value::object(proto), n->pos));
  in.captures = std::move(caps);
}

VReg ArityLowerer::lower_fn(FnNode* n, Dest d) {
  VReg out = result_reg(d);
  make_closure(n, out);
  if (d.mode == Mode::Effect) return kNoVReg;
  return finish(out, d, n->pos);
}

VReg ArityLowerer::lower_letfn(LetfnNode* n, Dest d) {
  size_t mark = local_mark();
  std::vector<VReg> vs;
  for (LocalBinding* b : n->locals) {
    VReg v = fresh();
    emit(IrOp::LOADNIL, v, {}, n->pos);
    bind(b, v);
    vs.push_back(v);
  }
  for (size_t i = 0; i < n->fns.size(); ++i) make_closure(n->fns[i], vs[i]);
  // Patch the captures that saw a letfn local before its closure existed.
  for (size_t i = 0; i < n->fns.size(); ++i) {
    const auto& caps = n->fns[i]->captures;
    for (size_t u = 0; u < caps.size(); ++u)
      for (size_t j = 0; j < n->locals.size(); ++j)
        if (caps[u].local == n->locals[j]) emit(IrOp::SETUPVAL, kNoVReg, {vs[i], vs[j]}, n->pos, static_cast<int64_t>(u));
  }
  VReg out = lower(n->body, d);
  end_locals(mark);
  return out;
}

FnProto* compile_fn(CompileSession& s, FnNode* fn) {
  State& vm = s.vm;
  FnProto* proto = s.pin(vm.heap.make<FnProto>());
  proto->name = fn->name;
  proto->pos = fn->pos;
  if (fn->captures.size() > 256)
    throw Diagnostic(DiagKind::compile_too_large, fn->pos, "Too many closed-over locals in one fn (limit 256)");
  for (FnArity& ar : fn->arities) {
    IrFunction ir = ArityLowerer(s, fn, ar).run();
    peephole(ir);
    Liveness lv = compute_liveness(ir);
    RegAllocation ra = allocate_registers(ir, lv);
    if (s.opts.ir_dump) {
      *s.opts.ir_dump += print_ir(ir, [&](Value v) { return constant_text(vm, v); });
      std::string regs = "regs";
      for (VReg v = 0; v < ir.nvregs; ++v)
        if (ra.loc[v] >= 0) regs += fmt::format(" v{}:{}{}", v, ra.loc[v] >= kMaxRegisters ? "s" : "r", ra.loc[v]);
      *s.opts.ir_dump += regs + "\n\n";
    }
    EmittedArity code = emit_arity(ir, lv, ra, ar.pos.known() ? ar.pos : fn->pos);
    Proto* p = s.pin(build_proto(vm.heap, std::move(code), fn->name));
    if (ar.variadic)
      proto->set_variadic(p);
    else
      proto->add_fixed(p);
    vm.heap.barrier(proto, p);
  }
  return proto;
}

}  // namespace clove
