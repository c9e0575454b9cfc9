// ir.cpp: IR helpers and the `--ir` dump printer.
#include "compiler/ir/ir.h"

#include "bytecode/operands.h"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/text/string.h"

namespace clove {

std::vector<int> IrBlock::succs() const {
  std::vector<int> out;
  for_each_succ([&](int b) {
    if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
  });
  return out;
}

int IrFunction::new_block() {
  int id = static_cast<int>(blocks.size());
  blocks.emplace_back();
  blocks.back().id = id;
  return id;
}

int IrFunction::constant(Value v) {
  // Most functions have a few constants: a scan. Past kIndexFrom, a hash index (the
  // pool holds up to 65,536: scanning it per constant was quadratic).
  constexpr size_t kIndexFrom = 32;
  if (constants.size() < kIndexFrom) {
    for (size_t i = 0; i < constants.size(); ++i)
      if (constants[i] == v) return static_cast<int>(i);
  } else {
    if (constant_ids.empty())
      for (size_t i = 0; i < constants.size(); ++i) constant_ids.emplace(constants[i].bits(), static_cast<int>(i));
    auto it = constant_ids.find(v.bits());
    if (it != constant_ids.end()) return it->second;
    constant_ids.emplace(v.bits(), static_cast<int>(constants.size()));
  }
  constants.push_back(v);
  return static_cast<int>(constants.size() - 1);
}

namespace {

std::string vreg_name(VReg v) { return v == kNoVReg ? "_" : fmt::format("v{}", v); }

std::string const_text(const IrFunction& fn, int64_t idx, const ConstPrinter& show) {
  if (!show || idx < 0 || idx >= static_cast<int64_t>(fn.constants.size())) return fmt::format("k{}", idx);
  return fmt::format("k{} {}", idx, show(fn.constants[idx]));
}

}  // namespace

std::string print_instr(const IrFunction& fn, const IrInstr& in, const ConstPrinter& show) {
  std::string s;
  if (in.dst != kNoVReg) s += vreg_name(in.dst) + " = ";
  s += ir_op_name(in.op);
  std::vector<std::string> ops;
  for (VReg a : in.args) ops.push_back(vreg_name(a));
  switch (in.op) {
    case IrOp::LOADK:
    case IrOp::GETVAR:
    case IrOp::SETVAR:
    case IrOp::CLOSURE:
      ops.push_back(const_text(fn, in.imm, show));
      break;
    case IrOp::LOADI:
    case IrOp::ADDI:
      ops.push_back(fmt::format("#{}", in.imm));
      break;
    case IrOp::GETUPVAL:
    case IrOp::SETUPVAL:
      ops.push_back(fmt::format("u{}", in.imm));
      break;
    case IrOp::JMP:
      ops.push_back(fmt::format("B{}", in.target));
      break;
    case IrOp::JMPIF:
    case IrOp::JMPIFNOT:
      ops.push_back(fmt::format("B{}", in.target));
      ops.push_back(fmt::format("else B{}", in.alt));
      break;
    case IrOp::TRY:
      ops.push_back(fmt::format("handler B{} exc {}", in.target, vreg_name(static_cast<VReg>(in.imm))));
      ops.push_back(fmt::format("body B{}", in.alt));
      break;
    case IrOp::SWITCH: {
      ops.push_back(const_text(fn, in.imm, show));
      std::string table;
      for (size_t t = 0; t < in.targets.size(); ++t) table += fmt::format("{}B{}", t ? " " : "", in.targets[t]);
      ops.push_back("[" + table + "]");
      break;
    }
    default:
      if (is_pseudo(in.op)) break;
      if (ir_op_flags(in.op) & kOpSkips) {  // BRLT ...: B is a constant in the ...K forms
        if (in.args.size() == 1) ops.push_back(const_text(fn, in.imm, show));
        ops.push_back(fmt::format("B{}", in.target));
        ops.push_back(fmt::format("else B{}", in.alt));
      } else if (operand_roles(bytecode_op(in.op)).c == Operand::Const) {  // ADDK ... GETK
        ops.push_back(const_text(fn, in.imm, show));
      }
      break;
  }
  if (in.op == IrOp::CLOSURE) {
    std::string caps;
    for (const Capture& c : in.captures) {
      if (!caps.empty()) caps += ' ';
      caps += c.from_vreg ? vreg_name(c.index) : fmt::format("u{}", c.index);
    }
    ops.push_back("[" + caps + "]");
    // the vreg captures are already listed among the args
    ops.erase(ops.begin(), ops.begin() + static_cast<long>(in.args.size()));
  }
  for (size_t i = 0; i < ops.size(); ++i) s += (i ? ", " : " ") + ops[i];
  return s;
}

std::string print_ir(const IrFunction& fn, const ConstPrinter& show) {
  std::string out = fmt::format("ir {} params={}{} vregs={}\n", fn.name.empty() ? "<anon>" : fn.name,
                                fn.nparams, fn.variadic ? "+rest" : "", fn.nvregs);
  for (int id : fn.layout) {
    const IrBlock& b = fn.blocks[id];
    out += fmt::format("B{}:", id);
    if (b.handler >= 0) out += fmt::format("  ; handler B{}", b.handler);
    out += '\n';
    for (const IrInstr& in : b.instrs) {
      out += "  " + print_instr(fn, in, show);
      if (in.pos.known()) out += fmt::format("  @{}:{}", in.pos.line, in.pos.col);
      out += '\n';
    }
  }
  for (const IrLocal& l : fn.locals)
    out += fmt::format("local {} {}\n", l.name ? l.name->str() : "?", vreg_name(l.vreg));
  return out;
}

}  // namespace clove
