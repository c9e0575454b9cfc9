// function.h: compiled code and callable values.
//
// Proto    one compiled arity: bytecode, constant pool, frame size, debug info
//          (a position per instruction, local names with live ranges, and the
//          register live ranges the GC uses as a stack map).
// FnProto  one fn* form: its arities and the upvalues they share. Clojure locals are
//          immutable, so closures capture values, not variables: CLOSURE copies them
//          when the closure is made (letfn patches cycles with SETUPVAL).
// Closure  a fn value: an FnProto plus captured values.
// Native   a C++ function with its arity bounds and docstring (Janet's JANET_FN idea).
#pragma once
#include <string>
#include <vector>

#include "bytecode/opcodes.h"
#include "core/source.h"
#include "gc/heap.h"
#include "core/object.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

/// A register live range [start_pc, end_pc): the register holds a value that may be read.
struct LiveRange {
  uint32_t start_pc, end_pc;
  uint16_t reg;
};

/// A named local for debuggers and `disasm`: register `reg` holds `name` in [start_pc, end_pc).
struct LocalInfo {
  Symbol* name;
  uint32_t start_pc, end_pc;
  uint16_t reg;
};

struct Proto : Obj {
  static constexpr ObjType kType = ObjType::Proto;
  std::vector<Instr> code;
  std::vector<Value> constants;
  std::vector<SourcePos> positions;  // one per instruction
  std::vector<LocalInfo> locals;
  std::vector<LiveRange> live;       // GC stack map; empty = every slot is live
  String* name = nullptr;            // "ns/fn" for traces; may be null
  uint32_t framesize = 0;            // registers (and spill slots) the frame needs
  uint16_t nparams = 0;              // fixed parameters, in R[0] .. R[nparams-1]
  /// Which arity of its FnProto this is: an index into FnProto::fixed, or
  /// kVariadicArity. Set by FnProto::add_fixed / set_variadic; a frame's link holds it.
  uint16_t arity_index = 0;
  bool variadic = false;             // extra arguments arrive as a seq in R[nparams]
  /// Bytes of the vectors above counted in the heap (build_proto counts them; a Proto
  /// assembled by hand counts none).
  size_t external = 0;
  /// Instructions the debugger replaced by a breakpoint (is_breakpoint): (pc, original), one
  /// per patched pc, in any order. Empty unless a breakpoint is set in this arity.
  std::vector<std::pair<uint32_t, Instr>> breaks;
  /// Non-null while the body is still in an image (deferred): then `code` is the one
  /// instruction kDeferredBody, `constants`, `positions`, `locals` and `live` are empty,
  /// and the header fields above are already right. The dispatch loop reads the body
  /// when it meets that instruction; other readers call ensure_body first.
  DeferredSource* body_source = nullptr;
  uint32_t body_index = 0;  // which section of body_source's image
  Proto() : Obj(kType) {}
  size_t external_bytes() const { return external; }
  /// The bytes the vectors above hold.
  size_t vector_bytes() const {
    return code.capacity() * sizeof(Instr) + constants.capacity() * sizeof(Value) +
           positions.capacity() * sizeof(SourcePos) + locals.capacity() * sizeof(LocalInfo) +
           live.capacity() * sizeof(LiveRange);
  }
  void trace(Tracer& t) {
    for (Value v : constants) t.mark(v);
    for (const LocalInfo& l : locals) t.mark(l.name);
    t.mark(name);
  }
  size_t byte_size() const { return sizeof(Proto) + vector_bytes(); }
  /// Which registers may be read by the instruction at `pc` or a later one, in one pass
  /// over the stack map: live[r] is 1 for such a register r (live is resized to
  /// framesize). `pc` is the next instruction to run: the saved pc of the innermost
  /// frame, the return pc of a caller frame. The GC marks live registers and clears
  /// dead ones.
  void live_registers(uint32_t pc, std::vector<uint8_t>& live) const;
};

/// A breakpoint (vm/debugger.h): a NOP whose operand bits are not all zero, which the
/// compiler never emits (it emits no NOP at all). The debugger patches one in by
/// replacing an instruction's opcode byte with NOP, keeping its operands (the loop
/// decodes a CALL's A from the word before a return pc), or all ones when they are all
/// zero, and keeps the original in Proto::breaks. No opcode of its own: a new entry in
/// the dispatch table changed GCC's register allocation of the whole loop.
inline bool is_breakpoint(Instr i) { return static_cast<Op>(i & 0xFF) == Op::NOP && (i >> 8) != 0; }
/// The breakpoint that stands for instruction i.
constexpr Instr breakpoint_of(Instr i) {
  Instr operands = (i >> 8) != 0 ? (i & ~Instr{0xFF}) : ~Instr{0xFF};
  return operands | static_cast<Instr>(Op::NOP);
}

/// The instruction at `pc` as the compiler emitted it: the original of a breakpoint the
/// debugger patched in (Proto::breaks), else code[pc] itself. Readers of code other
/// than the dispatch loop (disasm, marshal, traces) use this.
inline Instr original_instr(const Proto* p, uint32_t pc) {
  Instr i = p->code[pc];
  if (!is_breakpoint(i)) return i;
  for (const auto& [at, orig] : p->breaks)
    if (at == pc) return orig;
  return i;
}

/// The one instruction of a Proto whose body is deferred (Proto::body_source): a NOP
/// with operand bits, so the loop takes its breakpoint path, which reads the body and
/// starts the arity again at pc 0. No opcode of its own, for the reason given above.
inline constexpr Instr kDeferredBody = breakpoint_of(static_cast<Instr>(Op::NOP));

/// Reads p's deferred body if it has one (Proto::body_source), so that code,
/// constants and debug info can be read. Reading a body changes nothing a caller can
/// observe, so a const Proto may be completed. Throws what DeferredSource::load_body throws.
inline void ensure_body(State& vm, const Proto* p) {
  if (p->body_source) [[unlikely]]
    p->body_source->load_body(vm, const_cast<Proto*>(p));
}

/// Where CLOSURE finds each captured value: a register of the enclosing frame or one
/// of the enclosing closure's own upvalues.
struct UpvalDesc {
  bool from_register;
  uint16_t index;
  Symbol* name;
};

/// Proto::arity_index of a variadic arity (a frame link's arity field, vm/fiber.h).
inline constexpr uint16_t kVariadicArity = 0xFFFF;

struct FnProto : Obj {
  static constexpr ObjType kType = ObjType::FnProto;
  /// Argument counts below this find their arity in one load (by_nargs).
  static constexpr int kDirectArities = 8;
  String* name = nullptr;            // the fn's name (fn* name or defn name), or null
  /// Fixed arities, any order. Read-only: add through add_fixed, which keeps by_nargs.
  std::vector<Proto*> fixed;
  Proto* variadic = nullptr;         // the & arity, or null; set through set_variadic
  /// by_nargs[n] is arity_for(n) for n < kDirectArities: the CALL sequence's arity
  /// lookup without a search (enter_closure). Kept by add_fixed and set_variadic.
  Proto* by_nargs[kDirectArities] = {};
  std::vector<UpvalDesc> upvals;
  SourcePos pos;
  FnProto() : Obj(kType) {}
  /// The arity to run for `nargs` arguments, or nullptr (an ArityException).
  Proto* arity_for(int nargs) const {
    if (static_cast<unsigned>(nargs) < kDirectArities) return by_nargs[nargs];
    return search_arity(nargs);
  }
  /// Adds a fixed arity (the first one with a given nparams is the one calls run).
  void add_fixed(Proto* p) {
    p->arity_index = static_cast<uint16_t>(fixed.size());
    fixed.push_back(p);
    index_arities();
  }
  /// Sets the & arity.
  void set_variadic(Proto* p) {
    p->arity_index = kVariadicArity;
    variadic = p;
    index_arities();
  }
  void trace(Tracer& t) {
    t.mark(name);
    for (Proto* p : fixed) t.mark(p);
    t.mark(variadic);
    for (const UpvalDesc& u : upvals) t.mark(u.name);
  }
  size_t byte_size() const { return sizeof(FnProto) + fixed.capacity() * 8 + upvals.capacity() * sizeof(UpvalDesc); }

 private:
  // The arity for n arguments: a fixed arity of n parameters first, else the & arity
  // when n reaches its fixed part; nullptr when neither.
  Proto* search_arity(int n) const {
    for (Proto* p : fixed)
      if (p->nparams == n) return p;
    if (variadic && n >= variadic->nparams) return variadic;
    return nullptr;
  }
  void index_arities() {
    for (int n = 0; n < kDirectArities; ++n) by_nargs[n] = search_arity(n);
  }
};

struct Closure : Obj {
  static constexpr ObjType kType = ObjType::Closure;
  FnProto* fn;
  Value meta;
  uint32_t nupvals;
  Closure(FnProto* f, uint32_t n) : Obj(kType), fn(f), nupvals(n) {}
  Value* upvals() { return reinterpret_cast<Value*>(this + 1); }
  void trace(Tracer& t) {
    t.mark(fn);
    t.mark(meta);
    for (uint32_t i = 0; i < nupvals; ++i) t.mark(upvals()[i]);
  }
  size_t byte_size() const { return sizeof(Closure) + nupvals * sizeof(Value); }
};
/// Allocates a closure with n nil upvalues.
Closure* make_closure(Heap& h, FnProto* fn, uint32_t n);

/// The arguments of a native call. Indexing reads through the fiber's value stack, so
/// an Args stays valid even when the native calls back into Clove and the stack moves.
/// 16 bytes, so that natives receive it in two registers (the SysV ABI passes larger
/// structs through memory, which cost a store-forwarding stall on every native call).
class Args {
 public:
  Args(std::vector<Value>* stack, size_t base, int n) : stack_(stack), base_(static_cast<uint32_t>(base)), n_(n) {}
  int size() const { return n_; }
  Value operator[](int i) const { return (*stack_)[base_ + i]; }
  Value at_or(int i, Value dflt) const { return i < n_ ? (*this)[i] : dflt; }
  /// Argument i, clearing its stack slot: the native becomes the value's only holder
  /// (it must root it if it runs Clove code). For natives that walk a lazy seq, so the
  /// call does not hold the seq's head (`(count (filter ...))` in constant memory).
  Value take(int i) {
    Value v = (*stack_)[base_ + i];
    (*stack_)[base_ + i] = Value::nil();
    return v;
  }
  /// Replaces argument i (a stackless native keeps its cursor there between
  /// continuations, so the frame does not hold what it has walked past).
  void set(int i, Value v) { (*stack_)[base_ + i] = v; }
  /// The function being called (the Native itself; its frame's callee slot).
  Value callee() const { return (*stack_)[base_ - 3]; }

 private:
  std::vector<Value>* stack_;
  uint32_t base_;  // a value stack never holds 2^32 slots (Fiber::grow refuses more)
  int n_;
};
static_assert(sizeof(Args) == 16, "Args travels in two registers");

/// Values copied out of the value stack into one contiguous array that does not move
/// when the stack grows: inline for up to 8, on the C++ heap beyond. For passing
/// arguments on as a pointer (a tail call's, a record constructor's fields). The
/// values are not rooted by the copy: they must stay reachable elsewhere (the frame).
class ArgsCopy {
 public:
  /// args[from..] (from <= args.size()).
  explicit ArgsCopy(Args args, int from = 0) : n_(args.size() - from) {
    Value* p = reserve();
    for (int k = 0; k < n_; ++k) p[k] = args[from + k];
  }
  /// src[0..n).
  ArgsCopy(const Value* src, int n) : n_(n) {
    Value* p = reserve();
    for (int k = 0; k < n_; ++k) p[k] = src[k];
  }
  Value* data() { return n_ <= kInline ? small_ : big_.data(); }
  int size() const { return n_; }

 private:
  static constexpr int kInline = 8;
  Value* reserve() {
    if (n_ <= kInline) return small_;
    big_.resize(static_cast<size_t>(n_));
    return big_.data();
  }
  int n_;
  Value small_[kInline];
  std::vector<Value> big_;
};
// A native is a NativeFn (state/state.h): Value (*)(State&, Args).

struct Native : Obj {
  static constexpr ObjType kType = ObjType::Native;
  NativeFn fn;
  String* name;      // "clojure.core/str"
  const char* doc;   // static docstring
  const char* arglists;  // e.g. "([x] [x & ys])", for doc
  int16_t min_args;
  int16_t max_args;  // -1: variadic
  Value meta;
  /// The host's data for a native bound through the embedding API (the C++ callable
  /// it runs, owned by the host's VM object; src/api/vm.cpp); null for Clove's own.
  void* host_data = nullptr;
  /// A leaf: for any number of arguments it accepts, it never returns a request and
  /// never reads its own frame (type and number tests, accessors, arithmetic, assoc,
  /// conj, subvec ...; an error message or an equality may call back through a nested
  /// call), so CALL, TAILCALL and LEAFCALL run it without a frame (traces still name it:
  /// Interpreter::capture_trace). Set by mark_leaf_natives (natives/core/leaf.cpp) for
  /// clojure.core's; a copy (with-meta) is not one.
  bool leaf = false;
  Native(NativeFn f, String* n, const char* d, const char* al, int16_t mn, int16_t mx)
      : Obj(kType), fn(f), name(n), doc(d), arglists(al), min_args(mn), max_args(mx) {}
  /// Whether nargs arguments are an arity this native takes.
  bool accepts(int nargs) const { return nargs >= min_args && (max_args < 0 || nargs <= max_args); }
  void trace(Tracer& t) {
    t.mark(name);
    t.mark(meta);
  }
};

/// (fn? v): implements clojure.lang.Fn (a Closure or a Native).
bool is_fn(Value v);

/// Registers Proto, FnProto, Closure and Native with the type table; closures and
/// natives carry metadata (meta, with-meta).
void register_function_types(TypeInfo* table);

}  // namespace clove
