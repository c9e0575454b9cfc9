// debugger.cpp: breakpoints (patched in as NOPs that keep the operands), steps and frame inspection
// (debugger.h). The stop itself, where the loop hands control over, is in
// vm/debug_stop.cpp.
#include "vm/debugger.h"

#include <algorithm>
#include <filesystem>

#include "vm/interpreter.h"

namespace clove {

const char* stop_reason_name(StopReason r) {
  switch (r) {
    case StopReason::Breakpoint: return "breakpoint";
    case StopReason::Break: return "break";
    case StopReason::Step: return "step";
    case StopReason::Pause: return "pause";
    case StopReason::Entry: return "entry";
    case StopReason::Exception: return "exception";
  }
  return "break";
}

namespace {

/// Every arity of the fn tree under fp (an FnProto's arities, the FnProtos in their
/// constant pools, and so on), each once.
std::vector<Proto*> arities_under(State& vm, FnProto* root) {
  std::vector<Proto*> out;
  std::vector<FnProto*> todo{root};
  std::unordered_set<FnProto*> seen{root};
  while (!todo.empty()) {
    FnProto* fp = todo.back();
    todo.pop_back();
    auto visit = [&](Proto* p) {
      if (!p) return;
      ensure_body(vm, p);
      out.push_back(p);
      for (Value k : p->constants)
        if (FnProto* inner = as<FnProto>(k))
          if (seen.insert(inner).second) todo.push_back(inner);
    };
    for (Proto* p : fp->fixed) visit(p);
    visit(fp->variadic);
  }
  return out;
}

bool can_patch(const Proto* p, uint32_t pc) {
  // A breakpoint keeps the operand bits (function.h, breakpoint_of). Unpatched: TAILCALL
  // (a native it calls that finishes later returns into it, and the loop decodes the
  // opcode there: do_return_value), a CALL without operand bits (the return decodes its
  // A from the patched word), and the JMP after a compare-and-skip (read as ip[0]).
  Instr i = original_instr(p, pc);
  Op op = static_cast<Op>(i & 0xFF);
  if (op == Op::TAILCALL || op == Op::NOP || (op == Op::CALL && (i >> 8) == 0)) return false;
  return !(pc > 0 && op_skips(static_cast<Op>(original_instr(p, pc - 1) & 0xFF)));
}

}  // namespace

Debugger::Debugger(Interpreter& vm) : vm_(vm) {}

bool Debugger::user_file(uint32_t file) const { return file != 0 && !vm_.sources.is_static(file); }

std::string Debugger::canonical(const std::string& path) {
  std::error_code ec;
  auto c = std::filesystem::weakly_canonical(std::filesystem::path(path), ec);
  return ec ? path : c.string();
}

bool Debugger::same_file(uint32_t file, const std::string& path) {
  if (file == 0 || file >= vm_.sources.size()) return false;
  if (canonical_names_.size() <= file) canonical_names_.resize(file + 1);
  std::string& name = canonical_names_[file];
  if (name.empty()) name = canonical(vm_.sources.name(file));
  std::string want = canonical(path);
  if (name == want) return true;
  // A path given relative to another directory: match the shorter as a suffix of the
  // longer, on a '/' boundary.
  const std::string& a = name.size() >= path.size() ? name : path;
  const std::string& b = name.size() >= path.size() ? path : name;
  return b.size() > 0 && a.size() > b.size() && a.compare(a.size() - b.size(), b.size(), b) == 0 &&
         (a[a.size() - b.size() - 1] == '/' || b[0] == '/');
}

void Debugger::patch(Breakpoint& b, Proto* p, uint32_t pc) {
  for (auto& s : b.sites)
    if (s.first == p && s.second == pc) return;
  b.sites.emplace_back(p, pc);
  Instr i = p->code[pc];
  if (is_breakpoint(i)) return;  // another breakpoint patched it
  p->breaks.emplace_back(pc, i);
  p->code[pc] = breakpoint_of(i);
}

void Debugger::unpatch(Proto* p, uint32_t pc) {
  // Another breakpoint at the same place keeps the patch.
  for (auto& [id, b] : breakpoints_)
    for (auto& s : b.sites)
      if (s.first == p && s.second == pc) return;
  for (size_t k = 0; k < p->breaks.size(); ++k) {
    if (p->breaks[k].first == pc) {
      p->code[pc] = p->breaks[k].second;
      p->breaks.erase(p->breaks.begin() + static_cast<long>(k));
      return;
    }
  }
}

void Debugger::resolve(Breakpoint& b, FnProto* fp) {
  // In each arity with code on the line (or, failing that anywhere, the first line
  // after it that has code), the first instruction of that line.
  std::vector<Proto*> protos = arities_under(vm_, fp);
  uint32_t best = b.actual_line;
  for (Proto* p : protos) {
    for (uint32_t pc = 0; pc < p->positions.size() && pc < p->code.size(); ++pc) {
      const SourcePos& pos = p->positions[pc];
      if (pos.line < b.line || (best && pos.line > best) || !same_file(pos.file, b.file)) continue;
      best = pos.line;
    }
  }
  if (!best) return;
  b.actual_line = best;
  for (Proto* p : protos) {
    const uint32_t n = static_cast<uint32_t>(std::min(p->positions.size(), p->code.size()));
    for (uint32_t pc = 0; pc < n; ++pc) {
      const SourcePos& pos = p->positions[pc];
      if (pos.line != best || !same_file(pos.file, b.file)) continue;
      if (!can_patch(p, pc)) continue;
      patch(b, p, pc);
      // A loop's test copied to the end of its body (loop inversion, peephole.h 5)
      // is the same line's test again: the same compare of the same operands, its
      // flag C aside. It gets the breakpoint too, so that it stops at every iteration.
      const Instr first = original_instr(p, pc);
      if (op_skips(static_cast<Op>(first & 0xFF)))
        for (uint32_t q = pc + 1; q < n; ++q) {
          const Instr i = original_instr(p, q);
          if ((i & 0xFFFF'FF) == (first & 0xFFFF'FF) && p->positions[q].line == best &&
              same_file(p->positions[q].file, b.file) && can_patch(p, q))
            patch(b, p, q);
        }
      break;
    }
  }
}

int Debugger::set_line_breakpoint(const std::string& file, uint32_t line) {
  int id = next_id_++;
  Breakpoint& b = breakpoints_[id];
  b.id = id;
  b.file = file;
  b.line = line;
  for (FnProto* fp : loaded_) resolve(b, fp);
  // Code loaded before the debugger was asked: the fns the namespaces' vars hold.
  if (b.sites.empty()) {
    // Gathered first: resolving reads deferred bodies (arities_under), which may intern
    // vars and namespaces, and so change the tables walked here.
    std::vector<FnProto*> fns;
    for (auto& [sym, ns] : vm_.namespaces()) {
      for (auto& [name, var] : ns->mappings) {
        if (var->ns != ns || !var->bound) continue;
        if (Closure* c = as<Closure>(var->root)) fns.push_back(c->fn);
      }
    }
    for (FnProto* fp : fns) resolve(b, fp);
  }
  return id;
}

int Debugger::set_fn_breakpoint(FnProto* fn) {
  int id = next_id_++;
  Breakpoint& b = breakpoints_[id];
  b.id = id;
  b.fn = fn;
  auto entry = [&](Proto* p) {
    if (!p) return;
    ensure_body(vm_, p);
    for (uint32_t pc = 0; pc < p->code.size(); ++pc) {
      if (!can_patch(p, pc)) continue;
      if (pc < p->positions.size()) b.actual_line = p->positions[pc].line;
      patch(b, p, pc);
      return;
    }
  };
  for (Proto* p : fn->fixed) entry(p);
  entry(fn->variadic);
  return id;
}

bool Debugger::clear_breakpoint(int id) {
  auto it = breakpoints_.find(id);
  if (it == breakpoints_.end()) return false;
  std::vector<std::pair<Proto*, uint32_t>> sites = std::move(it->second.sites);
  breakpoints_.erase(it);
  for (auto& [p, pc] : sites) unpatch(p, pc);
  return true;
}

void Debugger::clear_all() {
  std::vector<int> ids;
  for (auto& [id, b] : breakpoints_) ids.push_back(id);
  for (int id : ids) clear_breakpoint(id);
}

int Debugger::breakpoint_at(const Proto* p, uint32_t pc) const {
  for (auto& [id, b] : breakpoints_)
    for (auto& s : b.sites)
      if (s.first == p && s.second == pc) return id;
  return 0;
}

void Debugger::code_compiled(FnProto* fp) {
  if (!host_ && breakpoints_.empty()) return;
  loaded_.push_back(fp);
  for (auto& [id, b] : breakpoints_)
    if (!b.fn) resolve(b, fp);
}

void Debugger::step(StepMode m, Fiber* f) {
  mode_ = m;
  step_fiber_ = f;
  step_depth_ = f ? f->depth : 0;
  step_proto_ = nullptr;
  step_line_ = 0;
  if (!f || m == StepMode::None) return;
  std::vector<FrameView> fr = frames(f);
  // The innermost Clove frame (a native's frame above it, e.g. clove.debug/break's own,
  // does not count).
  for (size_t k = 0; k < fr.size(); ++k) {
    if (!fr[k].proto) {
      if (step_depth_ > 0) --step_depth_;
      continue;
    }
    step_proto_ = fr[k].proto;
    step_line_ = fr[k].pos.line;
    break;
  }
}

void Debugger::set_in_stop(Fiber* f) {
  in_stop_ = f != nullptr;
  stop_fiber_ = f;
  if (!f) return;
  stop_base_ = f->base;
  stop_pc_ = f->pc;
  stop_boundaries_ = f->boundary_pcs.size();
}

std::vector<FrameView> Debugger::frames(const Fiber* f) const {
  std::vector<FrameView> out;
  if (!f || f->stack.empty()) return out;
  size_t b = f->base;
  uint64_t pc = f->pc;
  size_t boundary = f->boundary_pcs.size();
  if (in_stop_ && f == stop_fiber_) {
    b = stop_base_;
    pc = stop_pc_;
    boundary = std::min(boundary, stop_boundaries_);
  }
  uint64_t live_pc = pc;
  while (b >= Fiber::kFirstBase && b < f->stack.size()) {
    Value callee = f->stack[b - 3];
    Value link = f->stack[b - 2];
    uint64_t ret = frame_return_pc(f->stack, b);
    FrameView v;
    v.base = b;
    if (Closure* c = as<Closure>(callee)) {
      v.closure = c;
      v.proto = arity_proto(c->fn, link_arity(link));
      v.pc = static_cast<uint32_t>(pc);
      v.live_pc = static_cast<uint32_t>(live_pc);
      if (pc < v.proto->positions.size()) v.pos = v.proto->positions[pc];
      v.name = v.proto->name ? v.proto->name : c->fn->name;
    } else if (Native* n = as<Native>(callee)) {
      v.native = n;
      v.name = n->name;
    }
    out.push_back(v);
    b = link_prev_base(link);
    if (ret == Fiber::kNoFrame) {
      pc = live_pc = boundary > 0 ? f->boundary_pcs[--boundary] : 0;
    } else if (ret >= Fiber::kFiberBase) {
      pc = live_pc = 0;  // a native below, or nothing
    } else {
      pc = ret - 1;  // the CALL
      live_pc = ret;
    }
  }
  return out;
}

std::vector<LocalView> Debugger::locals(const Fiber* f, const FrameView& fr) const {
  // A local's entry covers the pcs where its register holds it; before fr.pc and no
  // longer covering it, the register was reused or cleared after the local's last use
  // (its scope may still include pc: the debug info does not say): it is unavailable.
  std::vector<LocalView> out;
  if (!fr.proto) return out;
  std::vector<uint8_t> live;
  const Proto* p = fr.proto;
  if (!p->live.empty()) p->live_registers(fr.live_pc, live);
  auto in_range = [&](const LocalInfo& l) { return fr.pc >= l.start_pc && fr.pc < l.end_pc; };
  for (size_t k = 0; k < p->locals.size(); ++k) {
    const LocalInfo& l = p->locals[k];
    if (l.start_pc > fr.pc) continue;
    bool here = in_range(l);
    if (!here) {
      // Shown once, and not at all when the name is bound here by another entry.
      bool other = false;
      for (size_t j = 0; j < p->locals.size() && !other; ++j) {
        const LocalInfo& m = p->locals[j];
        if (j != k && m.name == l.name && m.start_pc <= fr.pc && (in_range(m) || j > k)) other = true;
      }
      if (other) continue;
    }
    LocalView v;
    v.name = l.name;
    bool is_live = here && (p->live.empty() || (l.reg < live.size() && live[l.reg]));
    size_t slot = fr.base + l.reg;
    if (is_live && slot < f->stack.size()) {
      v.value = f->stack[slot];
    } else {
      v.available = false;
    }
    out.push_back(v);
  }
  return out;
}

std::vector<LocalView> Debugger::upvalues(const FrameView& fr) const {
  std::vector<LocalView> out;
  if (!fr.closure) return out;
  FnProto* fn = fr.closure->fn;
  for (uint32_t u = 0; u < fn->upvals.size() && u < fr.closure->nupvals; ++u) {
    LocalView v;
    v.name = fn->upvals[u].name;
    v.value = fr.closure->upvals()[u];
    out.push_back(v);
  }
  return out;
}

void Debugger::trace(Tracer& t) {
  t.mark(last_exception_);
  for (FnProto* fp : loaded_) t.mark(fp);
  for (auto& [id, b] : breakpoints_) {
    if (b.fn) t.mark(b.fn);
    for (auto& s : b.sites) t.mark(s.first);
  }
}

}  // namespace clove
