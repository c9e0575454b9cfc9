// disasm.cpp: the listing format of `clove disasm` and the golden bytecode tests.
//
//   fn NAME  arities=N  upvals=U
//     u0  NAME  (register R | upvalue I)
//   arity NAME [NPARAMS(+rest)]  framesize=F  constants=K
//       PC  OPCODE     OPERANDS        ; COMMENT            @LINE:COL
//     constants:
//       kI  VALUE                (in full, so compiler/asm.cpp reads it back; the
//                                 comments above shorten it to 60 characters)
//     locals:
//       NAME  rR  [START, END)
//   (then every fn created by this one, the same way)
#include "compiler/disasm.h"

#include "bytecode/operands.h"

#include <fmt/format.h>

#include <algorithm>

#include "state/namespace.h"
#include "runtime/print/print.h"
#include "state/state.h"

namespace clove {

namespace {

std::string name_of(String* s) { return s ? std::string(s->view()) : "<anon>"; }

}  // namespace

std::string constant_text(State& vm, Value v) {
  std::string t = full_constant_text(vm, v);
  if (t.size() > 60) t = t.substr(0, 57) + "...";
  return t;
}

std::string full_constant_text(State& vm, Value v) {
  if (Var* var = as<Var>(v)) return fmt::format("#'{}/{}", var->ns->name->str(), var->sym->str());
  if (FnProto* f = as<FnProto>(v)) return fmt::format("<fn {}>", name_of(f->name));
  return pr_str(vm, v);
}

namespace {

std::string const_text(State& vm, Value v) { return constant_text(vm, v); }

std::string operands(Instr i) {
  const OpInfo& info = op_info(op_of(i));
  switch (info.format) {
    case OpFormat::ABC: return fmt::format("{} {} {}", arg_a(i), arg_b(i), arg_c(i));
    case OpFormat::ABx: return fmt::format("{} {}", arg_a(i), arg_bx(i));
    case OpFormat::AsBx: return fmt::format("{} {}", arg_a(i), arg_sbx(i));
    case OpFormat::sJ: return fmt::format("{}", arg_sj(i));
    case OpFormat::ABsC: return fmt::format("{} {} {}", arg_a(i), arg_b(i), arg_sc(i));
    case OpFormat::A: return fmt::format("{}", arg_a(i));
    case OpFormat::None: return "";
  }
  return "";
}

std::string comment(State& vm, const Proto* p, const FnProto* owner, size_t pc) {
  Instr i = original_instr(p, static_cast<uint32_t>(pc));
  auto k = [&](unsigned idx) { return idx < p->constants.size() ? const_text(vm, p->constants[idx]) : "?"; };
  auto upname = [&](unsigned idx) -> std::string {
    if (owner && idx < owner->upvals.size() && owner->upvals[idx].name) return owner->upvals[idx].name->str();
    return fmt::format("u{}", idx);
  };
  Op op = op_of(i);
  if (op_is_jump(op)) {  // the offset is sJ or sBx, from the next pc
    int off = op_info(op).format == OpFormat::sJ ? arg_sj(i) : arg_sbx(i);
    return fmt::format("to {}", static_cast<long>(pc) + 1 + off);
  }
  if (op_is_call(op)) return fmt::format("{} arg{}", arg_b(i), arg_b(i) == 1 ? "" : "s");
  switch (op) {
    case Op::LOADK:
    case Op::GETVAR:
    case Op::SETVAR:
    case Op::CLOSURE:
    case Op::SWITCH:
      return k(arg_bx(i));
    case Op::GETUPVAL:
    case Op::SETUPVAL:
      return upname(arg_b(i));
    default: {
      // The constant operands of ADDK ... and BRLTK ... (bytecode/operands.h).
      OperandRoles r = operand_roles(op);
      if (r.c == Operand::Const) return k(arg_c(i));
      if (r.b == Operand::Const && op_info(op).format == OpFormat::ABC) return k(arg_b(i));
      return "";
    }
  }
}

void proto_listing(State& vm, std::string& out, const Proto* p, const FnProto* owner) {
  ensure_body(vm, p);
  out += fmt::format("arity {} [{}{}]  framesize={}  constants={}\n", name_of(p->name), p->nparams,
                     p->variadic ? "+rest" : "", p->framesize, p->constants.size());
  for (size_t pc = 0; pc < p->code.size(); ++pc) {
    Instr i = original_instr(p, static_cast<uint32_t>(pc));  // breakpoints do not show
    std::string line = fmt::format("  {:>4}  {:<9} {:<12}", pc, op_info(op_of(i)).name, operands(i));
    std::string c = comment(vm, p, owner, pc);
    if (!c.empty()) line += "; " + c;
    if (pc < p->positions.size() && p->positions[pc].known()) {
      if (line.size() < 52) line.append(52 - line.size(), ' ');
      line += fmt::format("  @{}:{}", p->positions[pc].line, p->positions[pc].col);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  if (!p->constants.empty()) {
    out += "  constants:\n";
    for (size_t k = 0; k < p->constants.size(); ++k)
      out += fmt::format("    k{}  {}\n", k, full_constant_text(vm, p->constants[k]));
  }
  if (!p->locals.empty()) {
    out += "  locals:\n";
    for (const LocalInfo& l : p->locals)
      out += fmt::format("    {}  {}{}  [{}, {})\n", l.name ? l.name->str() : "?", l.reg >= kMaxRegisters ? "s" : "r",
                         l.reg, l.start_pc, l.end_pc);
  }
}

void fn_listing(State& vm, std::string& out, const FnProto* fn) {
  size_t n = fn->fixed.size() + (fn->variadic ? 1 : 0);
  out += fmt::format("fn {}  arities={}  upvals={}\n", name_of(fn->name), n, fn->upvals.size());
  for (size_t u = 0; u < fn->upvals.size(); ++u) {
    const UpvalDesc& d = fn->upvals[u];
    out += fmt::format("  u{}  {}  ({} {})\n", u, d.name ? d.name->str() : "?", d.from_register ? "register" : "upvalue",
                       d.index);
  }
  std::vector<const Proto*> arities(fn->fixed.begin(), fn->fixed.end());
  std::sort(arities.begin(), arities.end(), [](const Proto* a, const Proto* b) { return a->nparams < b->nparams; });
  if (fn->variadic) arities.push_back(fn->variadic);
  for (const Proto* p : arities) proto_listing(vm, out, p, fn);
  for (const Proto* p : arities)
    for (Value k : p->constants)
      if (FnProto* inner = as<FnProto>(k)) {
        out += "\n";
        fn_listing(vm, out, inner);
      }
}

}  // namespace

std::string disassemble(State& vm, FnProto* fn) {
  std::string out;
  fn_listing(vm, out, fn);
  return out;
}

std::string disassemble_proto(State& vm, Proto* p) {
  std::string out;
  proto_listing(vm, out, p, nullptr);
  return out;
}

}  // namespace clove
