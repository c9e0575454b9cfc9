// asm_parse.cpp: reads the text of a listing (the format compiler/disasm.cpp prints)
// into AsmFn blocks, line by line. Each line is one of
//   fn NAME  arities=N  upvals=U
//     uI  NAME  (register R | upvalue I)
//   arity NAME [NPARAMS(+rest)]  framesize=F  constants=K
//       PC  OPCODE  OPERANDS   ; COMMENT   @LINE:COL     (comment and position optional)
//     constants:
//       kI  VALUE
//     locals:
//       NAME  rR  [START, END)
// or blank. Comments are ignored: what they show follows from the operands.
#include <charconv>
#include <cstring>

#include <fmt/format.h>

#include "compiler/asm_listing.h"
#include "core/error.h"
#include "reader/reader.h"
#include "state/namespace.h"
#include "state/state.h"

namespace clove {

void asm_error(int line, const std::string& what) {
  throw_error(ErrorKind::IllegalArgumentException, fmt::format("asm: line {}: {}", line, what));
}

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// At most n bytes of s for a message, not cutting a UTF-8 sequence.
std::string_view excerpt(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// The next whitespace-separated token of *rest (removed from it), or "".
std::string_view token(std::string_view* rest) {
  std::string_view s = *rest;
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  size_t n = 0;
  while (n < s.size() && !is_space(s[n])) ++n;
  *rest = s.substr(n);
  return s.substr(0, n);
}

bool to_long(std::string_view t, long* out) {
  if (t.empty()) return false;
  auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), *out);
  return ec == std::errc() && p == t.data() + t.size();
}

// "key=N" -> N.
bool keyed(std::string_view t, std::string_view key, long* out) {
  return t.size() > key.size() && t.substr(0, key.size()) == key && t[key.size()] == '=' &&
         to_long(t.substr(key.size() + 1), out);
}

bool is_digits(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  return true;
}

// "@LINE:COL" -> line, col.
bool position(std::string_view t, long* line, long* col) {
  if (t.size() < 4 || t[0] != '@') return false;
  size_t colon = t.find(':');
  return colon != std::string_view::npos && to_long(t.substr(1, colon - 1), line) &&
         to_long(t.substr(colon + 1), col) && *line > 0 && *line <= UINT32_MAX && *col >= 0 &&
         *col <= UINT32_MAX;
}

struct OperandSpec {
  const char* names[3];
  long lo[3], hi[3];
  int n;
};

OperandSpec operand_spec(OpFormat f) {
  constexpr long kB = 255, kBx = 65535;
  switch (f) {
    case OpFormat::ABC:
      return {{"A", "B", "C"}, {0, 0, 0}, {kB, kB, kB}, 3};
    case OpFormat::ABx:
      return {{"A", "Bx", ""}, {0, 0, 0}, {kB, kBx, 0}, 2};
    case OpFormat::AsBx:
      return {{"A", "sBx", ""}, {0, -32768, 0}, {kB, 32767, 0}, 2};
    case OpFormat::sJ:
      return {{"sJ", "", ""}, {-(1L << 23), 0, 0}, {(1L << 23) - 1, 0, 0}, 1};
    case OpFormat::ABsC:
      return {{"A", "B", "sC"}, {0, 0, -128}, {kB, kB, 127}, 3};
    case OpFormat::A:
      return {{"A", "", ""}, {0, 0, 0}, {kB, 0, 0}, 1};
    case OpFormat::None:
      break;
  }
  return {{"", "", ""}, {0, 0, 0}, {0, 0, 0}, 0};
}

Instr encode(Op op, OpFormat f, const long v[3]) {
  switch (f) {
    case OpFormat::ABC:
      return encode_abc(op, v[0], v[1], v[2]);
    case OpFormat::ABx:
      return encode_abx(op, v[0], v[1]);
    case OpFormat::AsBx:
      return encode_asbx(op, v[0], static_cast<int>(v[1]));
    case OpFormat::sJ:
      return encode_sj(op, static_cast<int>(v[0]));
    case OpFormat::ABsC:
      return encode_absc(op, v[0], v[1], static_cast<int>(v[2]));
    case OpFormat::A:
      return encode_abc(op, v[0], 0, 0);
    case OpFormat::None:
      break;
  }
  return encode_abc(op, 0, 0, 0);
}

bool find_op(std::string_view name, Op* out) {
  for (int k = 0; k < static_cast<int>(Op::kCount); ++k)
    if (name == kOpInfo[k].name) {
      *out = static_cast<Op>(k);
      return true;
    }
  return false;
}

class ListingParser {
 public:
  ListingParser(State& vm, std::string_view text) : vm_(vm), text_(text), env_(vm) {}

  AsmListing run() {
    source_ = vm_.sources.add("<asm>", "");
    int no = 0;
    size_t at = 0;
    while (at <= text_.size()) {
      size_t nl = text_.find('\n', at);
      if (nl == std::string_view::npos) nl = text_.size();
      line(++no, text_.substr(at, nl - at));
      at = nl + 1;
    }
    if (fns_.empty()) asm_error(no, "no `fn` block: the text is not a listing");
    for (const AsmFn& f : fns_) {
      if (f.arities.size() != f.narities)
        asm_error(f.line, fmt::format("fn {} says arities={} but has {}", f.name, f.narities,
                                      f.arities.size()));
      if (f.upvals.size() != f.nupvals)
        asm_error(f.line, fmt::format("fn {} says upvals={} but lists {}", f.name, f.nupvals,
                                      f.upvals.size()));
      for (const AsmArity& a : f.arities)
        if (a.constants.size() != a.nconstants)
          asm_error(a.line, fmt::format("arity says constants={} but lists {}", a.nconstants,
                                        a.constants.size()));
    }
    return AsmListing{std::move(fns_), source_};
  }

 private:
  enum class Section { Upvals, Code, Constants, Locals };
  State& vm_;
  std::string_view text_;
  StateReaderEnv env_;
  uint32_t source_ = 0;
  std::vector<AsmFn> fns_;
  Section section_ = Section::Upvals;

  AsmArity& arity(int no, const char* what) {
    if (fns_.empty() || fns_.back().arities.empty() || section_ == Section::Upvals)
      asm_error(no, fmt::format("{} outside an `arity` block", what));
    return fns_.back().arities.back();
  }

  void line(int no, std::string_view raw) {
    std::string_view t = trim(raw);
    if (t.empty()) return;
    bool indented = is_space(raw.front());
    std::string_view rest = t;
    std::string_view first = token(&rest);
    if (!indented && first == "fn") return fn_header(no, rest);
    if (!indented && first == "arity") return arity_header(no, rest);
    if (indented && t == "constants:") {
      arity(no, "`constants:`");
      if (section_ != Section::Code) asm_error(no, "`constants:` after the constants or locals");
      section_ = Section::Constants;
      return;
    }
    if (indented && t == "locals:") {
      arity(no, "`locals:`");
      if (section_ == Section::Locals) asm_error(no, "a second `locals:`");
      section_ = Section::Locals;
      return;
    }
    if (indented) {
      switch (section_) {
        case Section::Upvals:
          if (!fns_.empty() && first.size() > 1 && first[0] == 'u' && is_digits(first.substr(1)))
            return upval(no, first, rest);
          if (is_digits(first)) arity(no, "an instruction");
          break;
        case Section::Code:
          if (is_digits(first)) return instruction(no, first, rest);
          break;
        case Section::Constants:
          if (first.size() > 1 && first[0] == 'k' && is_digits(first.substr(1)))
            return constant(no, first, rest);
          break;
        case Section::Locals:
          return local(no, first, rest);
      }
    }
    asm_error(no, fmt::format("unrecognized line `{}`", excerpt(t, 60)));
  }

  void fn_header(int no, std::string_view rest) {
    AsmFn f;
    f.line = no;
    f.name = std::string(token(&rest));
    long n = 0, u = 0;
    if (f.name.empty() || !keyed(token(&rest), "arities", &n) ||
        !keyed(token(&rest), "upvals", &u) || !trim(rest).empty() || n < 0 || u < 0 || u > 65535)
      asm_error(no, "expected `fn NAME  arities=N  upvals=U`");
    f.narities = static_cast<size_t>(n);
    f.nupvals = static_cast<size_t>(u);
    fns_.push_back(std::move(f));
    section_ = Section::Upvals;
  }

  void upval(int no, std::string_view first, std::string_view rest) {
    AsmFn& f = fns_.back();
    long idx = 0;
    to_long(first.substr(1), &idx);
    if (idx != static_cast<long>(f.upvals.size()))
      asm_error(no, fmt::format("upvalue u{} out of order (expected u{})", idx, f.upvals.size()));
    AsmUpval u;
    u.name = std::string(token(&rest));
    std::string_view kind = token(&rest), index = token(&rest);
    long i = 0;
    if (u.name.empty() || (kind != "(register" && kind != "(upvalue") || index.empty() ||
        index.back() != ')' || !to_long(index.substr(0, index.size() - 1), &i) || i < 0 ||
        i > 65535 || !trim(rest).empty())
      asm_error(no, "expected `uI  NAME  (register R)` or `uI  NAME  (upvalue I)`");
    u.from_register = kind == "(register";
    u.index = static_cast<uint16_t>(i);
    f.upvals.push_back(std::move(u));
  }

  void arity_header(int no, std::string_view rest) {
    if (fns_.empty()) asm_error(no, "`arity` before any `fn` header");
    AsmArity a;
    a.line = no;
    a.name = std::string(token(&rest));
    std::string_view params = token(&rest);
    long fs = 0, nk = 0, np = 0;
    bool ok =
        !a.name.empty() && params.size() >= 3 && params.front() == '[' && params.back() == ']';
    if (ok) {
      params = params.substr(1, params.size() - 2);
      constexpr std::string_view kRest = "+rest";
      if (params.size() > kRest.size() && params.substr(params.size() - kRest.size()) == kRest) {
        a.variadic = true;
        params.remove_suffix(kRest.size());
      }
      ok = to_long(params, &np) && np >= 0 && np <= 65535;
    }
    ok = ok && keyed(token(&rest), "framesize", &fs) && keyed(token(&rest), "constants", &nk) &&
         trim(rest).empty() && fs >= 0 && fs <= kMaxFrameSlots && nk >= 0 && nk <= 65536;
    if (!ok)
      asm_error(
          no,
          "expected `arity NAME [N]  framesize=F  constants=K` ([N+rest] for a variadic arity)");
    a.nparams = static_cast<uint16_t>(np);
    a.framesize = static_cast<uint32_t>(fs);
    a.nconstants = static_cast<size_t>(nk);
    fns_.back().arities.push_back(std::move(a));
    section_ = Section::Code;
  }

  void instruction(int no, std::string_view pc_text, std::string_view rest) {
    AsmArity& a = arity(no, "an instruction");
    long pc = 0;
    if (!to_long(pc_text, &pc) || pc != static_cast<long>(a.code.size()))
      asm_error(no, fmt::format("pc {} out of order (expected {})", pc_text, a.code.size()));
    std::string_view name = token(&rest);
    Op op;
    if (!find_op(name, &op)) asm_error(no, fmt::format("unknown opcode `{}`", name));
    const OpInfo& info = op_info(op);
    OperandSpec spec = operand_spec(info.format);
    auto shape = [&] {
      std::string s;
      for (int k = 0; k < spec.n; ++k) s += std::string(k ? " " : "") + spec.names[k];
      return fmt::format("{} takes {} operand{}{}{}", info.name, spec.n, spec.n == 1 ? "" : "s",
                         spec.n ? ": " : "", s);
    };
    long v[3] = {0, 0, 0};
    for (int k = 0; k < spec.n; ++k) {
      std::string_view t = token(&rest);
      if (t.empty() || t[0] == ';' || t[0] == '@')
        asm_error(no, fmt::format("{} (got {})", shape(), k));
      if (!to_long(t, &v[k]))
        asm_error(no, fmt::format("{} (operand {} is `{}`)", shape(), spec.names[k], t));
      if (v[k] < spec.lo[k] || v[k] > spec.hi[k])
        asm_error(no, fmt::format("{} operand {} = {} out of range {}..{}", info.name,
                                  spec.names[k], v[k], spec.lo[k], spec.hi[k]));
    }
    rest = trim(rest);
    long line = 0, col = 0;
    bool has_pos = false;
    if (!rest.empty() && rest.front() == '@') {
      if (!position(rest, &line, &col))
        asm_error(no, fmt::format("bad position `{}` (expected @LINE:COL)", rest));
      has_pos = true;
    } else if (!rest.empty() && rest.front() == ';') {
      size_t at = rest.rfind('@');
      if (at != std::string_view::npos && at > 0 && is_space(rest[at - 1]) &&
          position(rest.substr(at), &line, &col))
        has_pos = true;
    } else if (!rest.empty()) {
      asm_error(no, fmt::format("{} (then `{}`)", shape(), excerpt(rest, 40)));
    }
    a.code.push_back(encode(op, info.format, v));
    a.code_lines.push_back(no);
    a.lines.push_back(has_pos ? static_cast<uint32_t>(line) : 0);
    a.cols.push_back(has_pos ? static_cast<uint32_t>(col) : 0);
    a.any_position = a.any_position || has_pos;
  }

  void constant(int no, std::string_view first, std::string_view rest) {
    AsmArity& a = arity(no, "a constant");
    long idx = 0;
    to_long(first.substr(1), &idx);
    if (idx != static_cast<long>(a.constants.size()))
      asm_error(no,
                fmt::format("constant k{} out of order (expected k{})", idx, a.constants.size()));
    std::string_view text = trim(rest);
    if (text.empty()) asm_error(no, fmt::format("constant k{} has no value", idx));
    AsmConstant k;
    k.line = no;
    if (text.size() > 5 && text.substr(0, 4) == "<fn " && text.back() == '>') {
      k.fn_ref = true;
      k.fn_name = std::string(trim(text.substr(4, text.size() - 5)));
    } else if (text.size() > 2 && text.substr(0, 2) == "#'") {
      k.value = var_constant(no, text.substr(2));
    } else {
      k.value = read_constant(no, idx, text);
    }
    a.constants.push_back(std::move(k));
  }

  // #'ns/name: the var, interned (with its namespace) if missing.
  Value var_constant(int no, std::string_view qualified) {
    size_t slash = qualified.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= qualified.size() ||
        qualified.find_first_of(" \t") != std::string_view::npos)
      asm_error(no, fmt::format("bad var `#'{}` (expected #'ns/name)", qualified));
    Namespace* ns = vm_.find_or_create_ns(vm_.sym(qualified.substr(0, slash)));
    return Value::object(vm_.intern(ns, vm_.sym(qualified.substr(slash + 1))));
  }

  Value read_constant(int no, long idx, std::string_view text) {
    Value v, extra;
    bool got = false, more = false;
    try {
      Reader r(vm_, env_, text, source_);
      got = r.next(&v);
      more = got && r.next(&extra);
    } catch (const Diagnostic& d) {
      asm_error(no, fmt::format("constant k{}: {}", idx, d.what()));
    } catch (const VMAbort&) {
      throw;
    } catch (const CloveError& e) {
      asm_error(no, fmt::format("constant k{}: {}", idx, e.what()));
    }
    if (!got) asm_error(no, fmt::format("constant k{} has no value", idx));
    if (more)
      asm_error(no,
                fmt::format("constant k{} is more than one form: `{}`", idx, excerpt(text, 60)));
    return v;
  }

  void local(int no, std::string_view name, std::string_view rest) {
    AsmArity& a = arity(no, "a local");
    std::string_view reg = token(&rest), start = token(&rest), end = token(&rest);
    long r = 0, s = 0, e = 0;
    bool ok = reg.size() > 1 && (reg[0] == 'r' || reg[0] == 's') && to_long(reg.substr(1), &r) &&
              r >= 0 && r <= 65535 && start.size() > 2 && start.front() == '[' &&
              start.back() == ',' && to_long(start.substr(1, start.size() - 2), &s) &&
              end.size() > 1 && end.back() == ')' && to_long(end.substr(0, end.size() - 1), &e) &&
              s >= 0 && e >= 0 && s <= UINT32_MAX && e <= UINT32_MAX && trim(rest).empty();
    if (!ok) asm_error(no, "expected a local `NAME  rR  [START, END)`");
    a.locals.push_back(AsmLocal{std::string(name), static_cast<uint32_t>(s),
                                static_cast<uint32_t>(e), static_cast<uint16_t>(r)});
  }
};

}  // namespace

AsmListing parse_asm_listing(State& vm, std::string_view text) {
  return ListingParser(vm, text).run();
}

}  // namespace clove
