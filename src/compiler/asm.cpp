// asm.cpp: builds FnProtos from a parsed listing (asm_parse.cpp), links each `<fn NAME>`
// constant to its block, and verifies the result (asm.h).
#include "compiler/asm.h"

#include <string>
#include <unordered_map>
#include <vector>

#include <fmt/format.h>

#include "compiler/asm_listing.h"
#include "runtime/lang/verifier.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

namespace {

// "<anon>" and "?" are how listings show a missing name.
String* name_string(Heap& h, const std::string& name) {
  return name == "<anon>" ? nullptr : make_string(h, name);
}
Symbol* name_symbol(State& vm, const std::string& name) {
  return name == "?" ? nullptr : vm.sym(name);
}

Proto* build_arity(State& vm, const AsmArity& a, uint32_t source) {
  Proto* p = vm.heap.make<Proto>();
  p->name = name_string(vm.heap, a.name);
  p->nparams = a.nparams;
  p->variadic = a.variadic;
  p->framesize = a.framesize;
  p->code = a.code;
  if (a.any_position) {
    p->positions.resize(a.code.size());
    for (size_t pc = 0; pc < a.code.size(); ++pc)
      if (a.lines[pc]) p->positions[pc] = SourcePos{source, a.lines[pc], a.cols[pc]};
  }
  p->constants.reserve(a.constants.size());
  for (const AsmConstant& k : a.constants)
    p->constants.push_back(k.value);  // fn refs: linked later
  for (const AsmLocal& l : a.locals)
    p->locals.push_back(LocalInfo{name_symbol(vm, l.name), l.start_pc, l.end_pc, l.reg});
  vm.heap.recount_external(p->external, p->vector_bytes());
  return p;
}

struct Built {
  std::vector<FnProto*> fns;                 // one per block
  std::vector<std::vector<Proto*>> arities;  // per block, in text order
};

Built build(State& vm, const AsmListing& l, RootScope& roots) {
  Built b;
  for (const AsmFn& f : l.fns) {
    FnProto* fp = vm.heap.make<FnProto>();
    roots.push(Value::object(fp));
    fp->name = name_string(vm.heap, f.name);
    for (const AsmUpval& u : f.upvals)
      fp->upvals.push_back(UpvalDesc{u.from_register, u.index, name_symbol(vm, u.name)});
    std::vector<Proto*> ps;
    for (const AsmArity& a : f.arities) {
      Proto* p = build_arity(vm, a, l.source);
      roots.push(Value::object(p));
      if (!a.variadic) {
        fp->add_fixed(p);
      } else if (fp->variadic) {
        asm_error(a.line, fmt::format("fn {} has a second variadic arity", f.name));
      } else {
        fp->set_variadic(p);
      }
      ps.push_back(p);
    }
    b.fns.push_back(fp);
    b.arities.push_back(std::move(ps));
  }
  return b;
}

// Gives each `<fn NAME>` constant the next unclaimed block, depth first (a nested
// fn's own blocks follow it directly), with an explicit stack.
void link_nested(const AsmListing& l, const Built& b) {
  struct Step {
    size_t block, arity = 0, k = 0;
  };
  size_t next = 1;
  std::vector<Step> stack{{0}};
  while (!stack.empty()) {
    Step& s = stack.back();
    const AsmFn& fn = l.fns[s.block];
    if (s.arity == fn.arities.size()) {
      stack.pop_back();
      continue;
    }
    const AsmArity& a = fn.arities[s.arity];
    if (s.k == a.constants.size()) {
      ++s.arity;
      s.k = 0;
      continue;
    }
    size_t k = s.k++;
    const AsmConstant& c = a.constants[k];
    if (!c.fn_ref) continue;
    if (next >= l.fns.size())
      asm_error(c.line, fmt::format("constant k{} <fn {}>: no `fn {}` block follows for it", k,
                                    c.fn_name, c.fn_name));
    if (l.fns[next].name != c.fn_name)
      asm_error(c.line,
                fmt::format("constant k{} <fn {}>, but the next fn block (line {}) is `fn {}`", k,
                            c.fn_name, l.fns[next].line, l.fns[next].name));
    b.arities[s.block][s.arity]->constants[k] = Value::object(b.fns[next]);
    stack.push_back(Step{next++});
  }
  if (next < l.fns.size())
    asm_error(l.fns[next].line,
              fmt::format("fn block `{}` is not named by any <fn {}> constant before it",
                          l.fns[next].name, l.fns[next].name));
}

// The text line a verifier fault points at.
int fault_line(const AsmListing& l, const Built& b, const VerifyFault& where) {
  for (size_t f = 0; f < b.fns.size(); ++f) {
    for (size_t a = 0; a < b.arities[f].size(); ++a) {
      if (b.arities[f][a] != where.proto) continue;
      const AsmArity& arity = l.fns[f].arities[a];
      if (where.pc >= 0 && static_cast<size_t>(where.pc) < arity.code_lines.size())
        return arity.code_lines[where.pc];
      return arity.line;
    }
    if (b.fns[f] == where.fn && !where.proto) return l.fns[f].line;
  }
  return l.fns.empty() ? 1 : l.fns[0].line;
}

}  // namespace

FnProto* assemble(State& vm, std::string_view text) {
  const std::string copy(text);  // the reader reads constants out of it
  AsmListing l = parse_asm_listing(vm, copy);
  RootScope roots(vm.heap);
  Built b = build(vm, l, roots);
  link_nested(l, b);
  VerifyFault where;
  std::string e = verify_fn_proto(*b.fns[0], &where);
  if (!e.empty()) asm_error(fault_line(l, b, where), e);
  return b.fns[0];
}

}  // namespace clove
