// verifier.cpp: the bytecode verifier (verifier.h). Three passes over each arity:
//   1. the arity's shape: frame size, code, positions, constants, locals, stack map;
//   2. each instruction alone: opcode, operands by their roles (bytecode/operands.h),
//      constants of the right type, windows and jump targets inside their bounds, a JMP
//      after every compare-and-skip (flag S);
//   3. the handler flow (verify_handlers.cpp): every path pushes and pops TRY
//      handlers in step, and no arity returns with one of its handlers pushed.
// FnProtos nested in constant pools are walked with an explicit stack (no recursion,
// whatever the nesting) and a set of the fns on the path, so a cycle is reported.
#include "runtime/lang/verifier.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

#include "bytecode/operands.h"
#include "runtime/coll/map_ops.h"
#include "runtime/lang/verify_handlers.h"
#include "runtime/num/number.h"
#include "state/namespace.h"

namespace clove {

namespace {

std::string name_of(const String* s) { return s ? std::string(s->view()) : "<anon>"; }

std::string arity_label(const Proto& p, const FnProto* owner) {
  std::string params = fmt::format("[{}{}]", p.nparams, p.variadic ? "+rest" : "");
  if (owner) return fmt::format("fn {} arity {}", name_of(owner->name), params);
  return fmt::format("arity {} {}", name_of(p.name), params);
}

const char* operand_name(int k) { return k == 0 ? "A" : k == 1 ? "B" : "C"; }

// Checks one arity's shape and its instructions one by one (passes 1 and 2).
class ArityChecker {
 public:
  ArityChecker(const Proto& p, const FnProto* owner, VerifyFault* where)
      : p_(p), owner_(owner), where_(where) {}

  std::string run() {
    // A deferred body (Proto::body_source): the loop reads it before the arity runs,
    // and the reader verifies what it reads (marshal_read.cpp). Its placeholder code is
    // accepted only with a body to read, never as code of its own.
    if (p_.body_source && p_.code.size() == 1 && p_.code[0] == kDeferredBody && p_.constants.empty()) return "";
    if (std::string e = check_shape(); !e.empty()) return e;
    switch_tables_.assign(p_.code.size(), -1);
    for (size_t pc = 0; pc < p_.code.size(); ++pc)
      if (std::string e = check_instr(pc); !e.empty()) return e;
    Op last = op_of(p_.code.back());
    if (op_falls_through(last))
      return fail(static_cast<long>(p_.code.size()) - 1,
                  fmt::format("the last instruction ({}) falls through past the end of the code",
                              op_info(last).name));
    HandlerFault hf = check_handler_flow(p_.code, switch_tables_);
    if (!hf.message.empty()) return fail(hf.pc, hf.message);
    return "";
  }

 private:
  const Proto& p_;
  const FnProto* owner_;
  VerifyFault* where_;
  std::vector<int> switch_tables_;  // per pc: the jump table size n of a SWITCH there, else -1

  std::string fail(long pc, const std::string& rule) {
    if (where_) {
      where_->fn = owner_;
      where_->proto = &p_;
      where_->pc = pc;
    }
    if (pc < 0) return fmt::format("{}: {}", arity_label(p_, owner_), rule);
    return fmt::format("{}: pc {}: {}", arity_label(p_, owner_), pc, rule);
  }

  size_t nupvals() const { return owner_ ? owner_->upvals.size() : 0; }

  std::string check_shape() {
    if (p_.framesize > static_cast<uint32_t>(kMaxFrameSlots))
      return fail(-1, fmt::format("framesize {} above the limit {}", p_.framesize, kMaxFrameSlots));
    uint32_t params = p_.nparams + (p_.variadic ? 1u : 0u);
    if (p_.framesize < params)
      return fail(-1, fmt::format("framesize {} smaller than its {} parameter registers",
                                  p_.framesize, params));
    if (p_.code.empty()) return fail(-1, "no code");
    if (!p_.positions.empty() && p_.positions.size() != p_.code.size())
      return fail(-1, fmt::format("{} positions for {} instructions (one each, or none)",
                                  p_.positions.size(), p_.code.size()));
    for (size_t k = 0; k < p_.constants.size(); ++k) {
      Value v = p_.constants[k];
      if (v.is_internal() || is<Proto>(v))
        return fail(
            -1, fmt::format("constant k{} is not a value (an internal word or a bare arity)", k));
    }
    const auto n = static_cast<uint32_t>(p_.code.size());
    for (const LocalInfo& l : p_.locals) {
      if (l.reg >= p_.framesize)
        return fail(-1, fmt::format("local {} in r{} outside the frame (framesize {})",
                                    name_of_sym(l.name), l.reg, p_.framesize));
      if (l.start_pc > l.end_pc || l.end_pc > n)
        return fail(-1, fmt::format("local {} range [{}, {}) outside the code (0..{})",
                                    name_of_sym(l.name), l.start_pc, l.end_pc, n));
    }
    for (const LiveRange& r : p_.live) {
      if (r.reg >= p_.framesize)
        return fail(-1, fmt::format("live range of r{} outside the frame (framesize {})", r.reg,
                                    p_.framesize));
      if (r.start_pc > r.end_pc || r.end_pc > n)
        return fail(-1, fmt::format("live range of r{} [{}, {}) outside the code (0..{})", r.reg,
                                    r.start_pc, r.end_pc, n));
    }
    return "";
  }

  static std::string name_of_sym(const Symbol* s) { return s ? s->str() : "?"; }

  // The value of operand k (0 A, 1 B/Bx/sBx/sJ, 2 C/sC) of instruction i.
  static long operand(Instr i, int k) {
    switch (op_info(op_of(i)).format) {
      case OpFormat::ABC:
        return k == 0 ? arg_a(i) : k == 1 ? arg_b(i) : arg_c(i);
      case OpFormat::ABx:
        return k == 0 ? arg_a(i) : k == 1 ? static_cast<long>(arg_bx(i)) : 0;
      case OpFormat::AsBx:
        return k == 0 ? arg_a(i) : k == 1 ? arg_sbx(i) : 0;
      case OpFormat::sJ:
        return k == 1 ? arg_sj(i) : 0;
      case OpFormat::ABsC:
        return k == 0 ? arg_a(i) : k == 1 ? static_cast<long>(arg_b(i)) : arg_sc(i);
      case OpFormat::A:
        return k == 0 ? arg_a(i) : 0;
      case OpFormat::None:
        return 0;
    }
    return 0;
  }

  std::string check_instr(size_t pc) {
    const long lpc = static_cast<long>(pc);
    Instr i = p_.code[pc];
    if ((i & 0xFF) >= static_cast<unsigned>(Op::kCount))
      return fail(lpc, fmt::format("opcode {} unknown (there are {})", i & 0xFF,
                                   static_cast<int>(Op::kCount)));
    Op op = op_of(i);
    const char* name = op_info(op).name;
    OperandRoles roles = operand_roles(op);
    const Operand role[3] = {roles.a, roles.b, roles.c};
    for (int k = 0; k < 3; ++k) {
      long v = operand(i, k);
      switch (role[k]) {
        case Operand::Reg:
          if (v >= static_cast<long>(p_.framesize))
            return fail(lpc, fmt::format("{} operand {} r{} outside the frame (framesize {})", name,
                                         operand_name(k), v, p_.framesize));
          break;
        case Operand::Const:
          if (v >= static_cast<long>(p_.constants.size()))
            return fail(lpc, fmt::format("{} constant k{} outside the constant pool ({} constants)",
                                         name, v, p_.constants.size()));
          break;
        case Operand::Upval:
          if (v >= static_cast<long>(nupvals()))
            return fail(lpc, fmt::format("{} upvalue u{} outside the fn's {} upvalues", name, v,
                                         nupvals()));
          break;
        case Operand::Flag:
          if (v > 1)
            return fail(lpc, fmt::format("{} operand {} is a flag, 0 or 1, not {}", name,
                                         operand_name(k), v));
          break;
        case Operand::Jump: {
          long target = lpc + 1 + v;
          if (target < 0 || target >= static_cast<long>(p_.code.size()))
            return fail(lpc, fmt::format("{} target {} outside the code (0..{})", name, target,
                                         p_.code.size() - 1));
          break;
        }
        case Operand::None:
        case Operand::OtherUpval:
        case Operand::Count:
        case Operand::Imm:
          break;
      }
    }
    if (op_is_call(op)) {
      long last = static_cast<long>(arg_a(i)) + kCallHeader - 1 + arg_b(i);
      if (last >= static_cast<long>(p_.framesize))
        return fail(lpc, fmt::format("{} window r{}..r{} outside the frame (framesize {})", name,
                                     arg_a(i), last, p_.framesize));
    } else if (op_reads_window(op) && arg_c(i) > 0) {
      long last = static_cast<long>(arg_b(i)) + arg_c(i) - 1;
      if (last >= static_cast<long>(p_.framesize))
        return fail(lpc, fmt::format("{} window r{}..r{} outside the frame (framesize {})", name,
                                     arg_b(i), last, p_.framesize));
    }
    return check_special(lpc, op, i);
  }

  // The rules particular to one opcode: the type of its constant, NEWMAP's pairs,
  // CLOSURE's captures, SWITCH's table.
  std::string check_special(long pc, Op op, Instr i) {
    const char* name = op_info(op).name;
    switch (op) {
      case Op::NEWMAP:
        if (arg_c(i) % 2)
          return fail(pc, fmt::format("NEWMAP of {} registers (key, value pairs: an even count)",
                                      arg_c(i)));
        return "";
      case Op::GETVAR:
      case Op::SETVAR:
        if (!is<Var>(p_.constants[arg_bx(i)]))
          return fail(pc, fmt::format("{} constant k{} is a {}, not a var", name, arg_bx(i),
                                      value_type_name(p_.constants[arg_bx(i)])));
        return "";
      case Op::CLOSURE:
        return check_closure(pc, i);
      case Op::SWITCH:
        return check_switch(pc, i);
      default:
        if (op_skips(op) && (pc + 1 >= static_cast<long>(p_.code.size()) || op_of(p_.code[pc + 1]) != Op::JMP))
          return fail(pc, fmt::format("{} is not followed by the JMP it runs or skips", name));
        return "";
    }
  }

  std::string check_closure(long pc, Instr i) {
    const FnProto* f = as<FnProto>(p_.constants[arg_bx(i)]);
    if (!f)
      return fail(pc, fmt::format("CLOSURE constant k{} is a {}, not a fn prototype", arg_bx(i),
                                  value_type_name(p_.constants[arg_bx(i)])));
    for (size_t u = 0; u < f->upvals.size(); ++u) {
      const UpvalDesc& d = f->upvals[u];
      if (d.from_register && d.index >= p_.framesize)
        return fail(
            pc, fmt::format(
                    "CLOSURE of fn {}: upvalue u{} captures r{} outside the frame (framesize {})",
                    name_of(f->name), u, d.index, p_.framesize));
      if (!d.from_register && d.index >= nupvals())
        return fail(pc, fmt::format("CLOSURE of fn {}: upvalue u{} captures u{}, outside the "
                                    "enclosing fn's {} upvalues",
                                    name_of(f->name), u, d.index, nupvals()));
    }
    return "";
  }

  std::string check_switch(long pc, Instr i) {
    Value m = p_.constants[arg_bx(i)];
    if (!is_map_type(m))
      return fail(
          pc, fmt::format("SWITCH constant k{} is a {}, not a map", arg_bx(i), value_type_name(m)));
    bool ok = true;
    int64_t n = 0;
    map_for_each(m, [&](Value, Value slot) {
      if (!slot.is_small_int() || slot.as_small_int() < 1) {
        ok = false;
        return;
      }
      n = std::max(n, slot.as_small_int());
    });
    if (!ok)
      return fail(pc, fmt::format("SWITCH map k{} has a value that is not a jump-table slot 1..n",
                                  arg_bx(i)));
    if (pc + 1 + n >= static_cast<long>(p_.code.size()))
      return fail(pc,
                  fmt::format("SWITCH jump table of {} JMPs runs past the end of the code", n + 1));
    for (long s = pc + 1; s <= pc + 1 + n; ++s)
      if (op_of(p_.code[s]) != Op::JMP)
        return fail(pc,
                    fmt::format("SWITCH jump table slot {} (pc {}) is not a JMP", s - pc - 1, s));
    switch_tables_[pc] = static_cast<int>(n);
    return "";
  }
};

// Checks what belongs to a fn as a whole: its arities, one per parameter count.
std::string check_fn_shape(const FnProto& fn, VerifyFault* where) {
  auto fail = [&](const std::string& rule) {
    if (where) *where = VerifyFault{&fn, nullptr, -1};
    return fmt::format("fn {}: {}", name_of(fn.name), rule);
  };
  if (fn.fixed.empty() && !fn.variadic) return fail("no arity");
  if (fn.fixed.size() >= 0xFFFF)
    return fail(fmt::format("{} fixed arities (at most 65,534)", fn.fixed.size()));
  std::unordered_set<uint16_t> seen;
  for (const Proto* p : fn.fixed) {
    if (!p) return fail("a null fixed arity");
    if (p->variadic)
      return fail(fmt::format("fixed arity [{}] has the variadic flag set", p->nparams));
    if (!seen.insert(p->nparams).second)
      return fail(fmt::format("two fixed arities of {} parameters", p->nparams));
  }
  if (fn.variadic && !fn.variadic->variadic)
    return fail(
        fmt::format("the variadic arity [{}] lacks the variadic flag", fn.variadic->nparams));
  return "";
}

// The FnProtos in p's constant pool, in order.
void nested_fns(const Proto& p, std::vector<const FnProto*>& out) {
  for (Value k : p.constants)
    if (const FnProto* f = as<FnProto>(k)) out.push_back(f);
}

std::vector<const Proto*> arities_of(const FnProto& fn) {
  std::vector<const Proto*> v(fn.fixed.begin(), fn.fixed.end());
  if (fn.variadic) v.push_back(fn.variadic);
  return v;
}

// Walks `roots` and every FnProto nested in them, depth first with an explicit stack.
// `ancestors` are fns already on the path above the roots (a root's enclosing fn).
std::string walk(const std::vector<const FnProto*>& roots, std::vector<const FnProto*> ancestors,
                 VerifyFault* where) {
  struct Step {
    const FnProto* fn;
    std::vector<const FnProto*> children;
    size_t next = 0;
  };
  std::unordered_set<const FnProto*> on_path(ancestors.begin(), ancestors.end());
  std::unordered_set<const FnProto*> done;
  std::vector<Step> stack;
  auto enter = [&](const FnProto* f) -> std::string {
    if (std::string e = check_fn_shape(*f, where); !e.empty()) return e;
    Step s{f, {}, 0};
    for (const Proto* p : arities_of(*f)) {
      if (std::string e = ArityChecker(*p, f, where).run(); !e.empty()) return e;
      nested_fns(*p, s.children);
    }
    on_path.insert(f);
    stack.push_back(std::move(s));
    return "";
  };
  for (const FnProto* root : roots) {
    if (on_path.count(root)) {
      if (where) *where = VerifyFault{root, nullptr, -1};
      return fmt::format("fn {}: contains itself (a cycle of fn prototypes)", name_of(root->name));
    }
    if (done.count(root)) continue;
    if (std::string e = enter(root); !e.empty()) return e;
    while (!stack.empty()) {
      Step& top = stack.back();
      if (top.next == top.children.size()) {
        on_path.erase(top.fn);
        done.insert(top.fn);
        stack.pop_back();
        continue;
      }
      const FnProto* child = top.children[top.next++];
      if (on_path.count(child)) {
        if (where) *where = VerifyFault{top.fn, nullptr, -1};
        return fmt::format(
            "fn {}: its constants contain fn {}, which encloses it (a cycle of fn prototypes)",
            name_of(top.fn->name), name_of(child->name));
      }
      if (done.count(child)) continue;
      if (std::string e = enter(child); !e.empty()) return e;
    }
  }
  return "";
}

}  // namespace

std::string verify_fn_proto(const FnProto& fn, VerifyFault* where) {
  return walk({&fn}, {}, where);
}

std::string verify_fn_proto(const FnProto& fn) { return verify_fn_proto(fn, nullptr); }

std::string verify_proto(const Proto& p, const FnProto* owner) {
  if (std::string e = ArityChecker(p, owner, nullptr).run(); !e.empty()) return e;
  std::vector<const FnProto*> children;
  nested_fns(p, children);
  std::vector<const FnProto*> ancestors;
  if (owner) ancestors.push_back(owner);
  return walk(children, ancestors, nullptr);
}

}  // namespace clove
