// dispatch.cpp: the interpreter loop. One function, computed goto (threaded dispatch).
//
// Invariants of the loop (numbered; other files refer to them):
//  1. `f->base` is the innermost frame's base; R == f->stack.data() + f->base, except
//     between a call that may grow the stack and the RELOAD() that follows it.
//  2. `ip` points at the instruction after the one executing; the executing one is
//     ip[-1]. Before anything that may call back into Clove or throw from deep inside,
//     SAVE_PC() stores the executing instruction's index in f->pc (so its operands
//     stay live for the GC and traces point at it); SAFEPOINT() stores the next one.
//  3. f->top == f->base + proto->framesize whenever a safepoint or a call happens.
//  4. Collection happens only in SAFEPOINT() (after allocating instructions, calls,
//     returns and backward jumps), never while an instruction holds raw pointers.
//  5. A Clove call never recurses on the C++ stack: CALL pushes a frame and jumps to
//     the callee's first instruction; RET pops it. Only natives that call back
//     (Interpreter::call) start a nested run(), which ends when its boundary frame returns.
//     A native may instead hand a call to the loop (State::tail_call, call_then), which
//     runs it here with no C++ frame in between.
//  6. Every frame's header (stack[base-3 .. base-1]) holds the callee, the link to the
//     caller (with the arity index) and the return pc or a sentinel (vm/fiber.h).
//  7. `f` is the running fiber (== fiber_). One run() may switch among fibers
//     (fiber/resume, yield, a fiber ending) but only among `origin`, the fiber it
//     started on, and fibers resumed from it; it returns when origin's boundary frame
//     returns. A fiber other than origin has no C++ boundary of this run on it, so
//     all its handlers are this run's; origin's below `handler_floor` are not.
//  8. The loop is instantiated twice (vm/debugger.h): run_loop<false>, the normal loop,
//     never consults the debugger except in BREAK, poll_slow and the catch block;
//     run_loop<true> asks Debugger::step_hit before every instruction. A stop that
//     starts or ends a step hands the rest of the run to the other one (`transfer`),
//     which goes on from the fiber's state alone (invariants 1-7 hold at a stop).
#include <cstring>

#include "bytecode/opcodes.h"
#include "core/stack_guard.h"
#include <fmt/format.h>

#include "runtime/coll/coll.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/lang/seq_fns.h"
#include "runtime/num/number.h"
#include "vm/debugger.h"
#include "vm/enter.h"
#include "vm/interpreter.h"

namespace clove {

Value Interpreter::run(size_t handler_floor, Value callee, size_t entry_base, int nargs) {
  LoopEntry e;
  e.callee = callee;
  e.base = entry_base;
  e.nargs = nargs;
  if (debugger_ && debugger_->stepping() && !debugger_->in_stop()) [[unlikely]]
    return run_loop<true>(fiber_, handler_floor, e);
  return run_loop<false>(fiber_, handler_floor, e);
}

// Aligned on a cache line, so that the loop's layout, and its speed, do not change with
// the size of the code linked before it (a shift of 32 bytes moved mandelbrot by 10%).
template <bool kStepping>
[[gnu::aligned(64)]] Value Interpreter::run_loop(Fiber* const origin, size_t handler_floor, LoopEntry entry) {
  Fiber* f = fiber_;
  Closure* cl = nullptr;
  Proto* proto = nullptr;
  const Instr* code = nullptr;
  const Instr* ip = nullptr;
  const Value* K = nullptr;
  Value* R = nullptr;
  Instr i = 0;

  // The pending call of the `invoke` block: callee with nargs arguments at
  // stack[nb..], whose frame links to prev_base and returns to ret_pc.
  Value callee = entry.callee;
  size_t nb = entry.base;
  int nargs = entry.nargs;
  size_t prev_base = f->base;
  uint64_t ret_pc = Fiber::kNoFrame;
  // The value the `do_return_value` block returns from the frame at f->base.
  Value result = entry.result;
  // Arguments of the native frame at f->base while its continuation runs (-1: the
  // native itself is running, its frame is exactly its arguments).
  int cont_nargs = -1;
  // What the top of the loop does next: the catch handler cannot jump into the try block.
  enum class Next : uint8_t { Dispatch, Invoke, Return, Resume } resume_at = Next::Invoke;
  if (entry.mode == LoopEntry::Mode::Resume) resume_at = Next::Resume;
  if (entry.mode == LoopEntry::Mode::Return) resume_at = Next::Return;
  // How `transfer` hands the run to the other instantiation (invariant 8).
  LoopEntry handover;
  // A fiber being resumed from :debug with a step chosen: hand over after the switch.
  [[maybe_unused]] bool resume_steps = false;

  // The helpers below must inline: a call would force the loop's state into memory.
  auto load_frame = [&](uint32_t pc) __attribute__((always_inline)) {
    cl = static_cast<Closure*>(f->stack[f->base - 3].as_obj());
    proto = arity_proto(cl->fn, link_arity(f->stack[f->base - 2]));
    code = proto->code.data();
    ip = code + pc;
    K = proto->constants.data();
    R = f->stack.data() + f->base;
    f->top = f->base + proto->framesize;
  };

  // After enter_closure made c's frame current: run arity p from its first instruction.
  auto begin_arity = [&](Closure* c, Proto* p) __attribute__((always_inline)) {
    cl = c;
    proto = p;
    code = p->code.data();
    ip = code;
    K = p->constants.data();
    R = f->stack.data() + f->base;
  };

  // Makes `to` the running fiber. The one left has had its stack written without
  // barriers while it ran, so a black one is scanned again (heap.h, touch).
  auto switch_to = [&](Fiber* to) __attribute__((always_inline)) {
    heap.touch(f);
    f = to;
    fiber_ = to;
    bindings_ = &to->bindings;
    binding_scopes_.clear();
    for (Fiber* x = to; x; x = x->resumer) binding_scopes_.push_back(&x->bindings);
  };

  static const void* const kDispatch[] = {
#define CLOVE_X(name, fmt, doc) &&L_##name,
      CLOVE_OPCODES(CLOVE_X)
#undef CLOVE_X
  };

// The stepping loop asks the debugger first (invariant 8); the normal loop does not.
#define VM_NEXT()                                                                          \
  do {                                                                                     \
    i = *ip++;                                                                             \
    if constexpr (kStepping) {                                                             \
      if (debugger_->step_hit(f, proto, static_cast<uint32_t>(ip - code - 1))) goto step_stop; \
    }                                                                                      \
    goto* kDispatch[i & 0xFF];                                                             \
  } while (0)
#define VM_CASE(name) L_##name:
#define RA R[arg_a(i)]
#define RB R[arg_b(i)]
#define RC R[arg_c(i)]
#define RELOAD() (R = f->stack.data() + f->base)
#define SAVE_PC() (f->pc = static_cast<uint32_t>(ip - code - 1))
#define SAFEPOINT()                                    \
  do {                                                 \
    if (heap.owes_work()) {                            \
      f->pc = static_cast<uint32_t>(ip - code);        \
      heap.safepoint();                                \
    }                                                  \
  } while (0)

  // Counts `cost` instructions of the budget; when it is spent or an interrupt is
  // pending, goes to poll_slow with the fiber's pc saved (a point it can resume at).
#define POLL(cost)                                                                          \
  do {                                                                                      \
    budget_left_ -= (cost);                                                                 \
    if (budget_left_ < 0) [[unlikely]] {                                                    \
      f->pc = static_cast<uint32_t>(ip - code);                                             \
      goto poll_slow;                                                                       \
    }                                                                                       \
  } while (0)

  for (;;) {
    try {
      if (resume_at != Next::Dispatch) {
        Next n = resume_at;
        resume_at = Next::Dispatch;
        if (n == Next::Invoke) goto invoke;
        if (n == Next::Resume) {
          load_frame(f->pc);
          if (debugger_ && debugger_->stepping() != kStepping && !debugger_->in_stop()) [[unlikely]]
            goto transfer_resume_unbroken;
          VM_NEXT();
        }
        goto do_return_value;
      }
      VM_NEXT();
      VM_CASE(NOP) { VM_NEXT(); }
      VM_CASE(MOVE) {
        RA = RB;
        VM_NEXT();
      }
      VM_CASE(LOADK) {
        RA = K[arg_bx(i)];
        VM_NEXT();
      }
      VM_CASE(LOADI) {
        RA = Value::small_int(arg_sbx(i));
        VM_NEXT();
      }
      VM_CASE(LOADNIL) {
        RA = Value::nil();
        VM_NEXT();
      }
      VM_CASE(LOADTRUE) {
        RA = Value::t();
        VM_NEXT();
      }
      VM_CASE(LOADFALSE) {
        RA = Value::f();
        VM_NEXT();
      }
      VM_CASE(SPILL) {
        R[arg_bx(i)] = RA;
        VM_NEXT();
      }
      VM_CASE(RELOAD) {
        RA = R[arg_bx(i)];
        VM_NEXT();
      }
      VM_CASE(GETUPVAL) {
        RA = cl->upvals()[arg_b(i)];
        if (arg_c(i)) cl->upvals()[arg_b(i)] = Value::nil();  // a once fn takes its upvalues
        VM_NEXT();
      }
      VM_CASE(SELF) {
        RA = Value::object(cl);
        VM_NEXT();
      }
      VM_CASE(GETVAR) {
        Var* v = static_cast<Var*>(K[arg_bx(i)].as_obj());
        if (!v->bound) [[unlikely]] {
          SAVE_PC();
          throw_unbound(v);
        }
        RA = v->thread_bound ? var_value(v) : v->root;
        VM_NEXT();
      }
      VM_CASE(SETVAR) {
        Var* v = static_cast<Var*>(K[arg_bx(i)].as_obj());
        v->root = RA;
        v->bound = true;
        heap.barrier(v, v->root);
        VM_NEXT();
      }
      VM_CASE(CLOSURE) {
        FnProto* fp = static_cast<FnProto*>(K[arg_bx(i)].as_obj());
        auto n = static_cast<uint32_t>(fp->upvals.size());
        Closure* c = make_closure(heap, fp, n);
        for (uint32_t u = 0; u < n; ++u) {
          const UpvalDesc& d = fp->upvals[u];
          c->upvals()[u] = d.from_register ? R[d.index] : cl->upvals()[d.index];
        }
        RA = Value::object(c);
        SAFEPOINT();
        VM_NEXT();
      }
      VM_CASE(SETUPVAL) {
        // The verifier cannot know which closure R[A] holds: bytecode that did not come
        // from the compiler (clove.asm, images) is checked here (letfn's path only).
        Closure* c = as<Closure>(RA);
        if (!c || arg_b(i) >= c->nupvals) [[unlikely]] {
          SAVE_PC();
          throw_error(ErrorKind::IllegalStateException,
                      fmt::format("SETUPVAL: u{} is not an upvalue of {}", arg_b(i), value_type_name(RA)));
        }
        c->upvals()[arg_b(i)] = RC;
        heap.barrier(c, RC);
        VM_NEXT();
      }
      VM_CASE(NEWVEC) {
        RA = vector_from(heap, &RB, arg_c(i));
        SAFEPOINT();
        VM_NEXT();
      }
      VM_CASE(NEWMAP) {
        SAVE_PC();
        Value m = map_from(*this, &RB, arg_c(i) / 2);
        RELOAD();
        RA = m;
        SAFEPOINT();
        VM_NEXT();
      }
      VM_CASE(NEWSET) {
        SAVE_PC();
        Value s = set_from(*this, &RB, arg_c(i));
        RELOAD();
        RA = s;
        SAFEPOINT();
        VM_NEXT();
      }
      VM_CASE(COLLADD) {
        SAVE_PC();
        unsigned a = arg_a(i), b = arg_b(i), n = arg_c(i);
        Value coll = R[a];
        if (is_map(coll)) {
          for (unsigned k = 0; k + 1 < n; k += 2) {
            coll = assoc(*this, coll, R[b + k], R[b + k + 1]);
            RELOAD();
          }
        } else {
          for (unsigned k = 0; k < n; ++k) {
            coll = conj(*this, coll, R[b + k]);
            RELOAD();
          }
        }
        R[a] = coll;
        SAFEPOINT();
        VM_NEXT();
      }

// Y is the right operand: RC, or K[C] for the ...K forms (opcodes.h). Longs past 48
// bits (boxed) stay here too: only overflow, mixed types and non-numbers call arith().
#define ARITH_CASE(NAME, OP, SYM, OVERFLOW, Y)                                  \
  VM_CASE(NAME) {                                                               \
    Value x = RB, y = Y;                                                        \
    int64_t r;                                                                  \
    if (x.is_small_int() && y.is_small_int()) {                                 \
      r = x.as_small_int() SYM y.as_small_int();                                \
      RA = Value::fits_small(r) ? Value::small_int(r) : make_long(heap, r);     \
    } else if (x.is_double() && y.is_double()) {                                \
      RA = Value::from_double(x.as_double() SYM y.as_double());                 \
    } else if (is_long(x) && is_long(y) && !OVERFLOW(as_long(x), as_long(y), &r)) { \
      RA = make_long(heap, r);                                                  \
    } else {                                                                    \
      SAVE_PC();                                                                \
      RA = arith(*this, ArithOp::OP, x, y);                                      \
    }                                                                           \
    VM_NEXT();                                                                  \
  }
      ARITH_CASE(ADD, Add, +, __builtin_add_overflow, RC)
      ARITH_CASE(SUB, Sub, -, __builtin_sub_overflow, RC)
      ARITH_CASE(ADDK, Add, +, __builtin_add_overflow, K[arg_c(i)])
      ARITH_CASE(SUBK, Sub, -, __builtin_sub_overflow, K[arg_c(i)])
#undef ARITH_CASE
#define MUL_CASE(NAME, Y)                                                        \
  VM_CASE(NAME) {                                                               \
    Value x = RB, y = Y;                                                        \
    int64_t r;                                                                  \
    if (is_long(x) && is_long(y) && !__builtin_mul_overflow(as_long(x), as_long(y), &r)) { \
      RA = make_long(heap, r);                                                  \
    } else if (x.is_double() && y.is_double()) {                                \
      RA = Value::from_double(x.as_double() * y.as_double());                   \
    } else {                                                                    \
      SAVE_PC();                                                                \
      RA = arith(*this, ArithOp::Mul, x, y);                                     \
    }                                                                           \
    VM_NEXT();                                                                  \
  }
      MUL_CASE(MUL, RC)
      MUL_CASE(MULK, K[arg_c(i)])
#undef MUL_CASE
#define DIV_CASE(NAME, Y)                                      \
  VM_CASE(NAME) {                                             \
    Value x = RB, y = Y;                                      \
    if (x.is_double() && y.is_double()) {                     \
      RA = Value::from_double(x.as_double() / y.as_double()); \
    } else {                                                  \
      SAVE_PC();                                              \
      RA = arith(*this, ArithOp::Div, x, y);                   \
    }                                                         \
    VM_NEXT();                                                \
  }
      DIV_CASE(DIV, RC)
      DIV_CASE(DIVK, K[arg_c(i)])
#undef DIV_CASE
      VM_CASE(ADDI) {
        Value x = RB;
        if (x.is_small_int()) {
          int64_t r = x.as_small_int() + arg_sc(i);
          RA = Value::fits_small(r) ? Value::small_int(r) : make_long(heap, r);
        } else if (x.is_double()) {
          RA = Value::from_double(x.as_double() + arg_sc(i));
        } else {
          SAVE_PC();
          RA = arith(*this, ArithOp::Add, x, Value::small_int(arg_sc(i)));
        }
        VM_NEXT();
      }

// r := x SYM y on numbers: longs (small or boxed) and doubles here, the rest (mixed
// kinds, ratios, big numbers, non-numbers and their errors) through num_compare.
#define NUM_COMPARE(r, OP, SYM, x, y)                            \
  do {                                                           \
    if (x.is_small_int() && y.is_small_int())                    \
      r = x.as_small_int() SYM y.as_small_int();                 \
    else if (x.is_double() && y.is_double())                     \
      r = x.as_double() SYM y.as_double();                       \
    else if (is_long(x) && is_long(y))                           \
      r = as_long(x) SYM as_long(y);                             \
    else {                                                       \
      SAVE_PC();                                                 \
      r = num_compare(CmpOp::OP, x, y);                          \
    }                                                            \
  } while (0)
#define CMP_CASE(NAME, OP, SYM)                                  \
  VM_CASE(NAME) {                                                \
    Value x = RB, y = RC;                                        \
    bool r;                                                      \
    NUM_COMPARE(r, OP, SYM, x, y);                               \
    RA = Value::boolean(r);                                      \
    VM_NEXT();                                                   \
  }
      CMP_CASE(LT, Lt, <)
      CMP_CASE(LE, Le, <=)
      CMP_CASE(NUMEQ, Eq, ==)
#undef CMP_CASE
// r := (= x y): identical non-doubles and two small ints decided here, the rest by
// equiv, which may run Clove code (a lazy seq realized), so R is reloaded after it.
#define VALUE_EQUAL(r, x, y)                       \
  do {                                             \
    if (x == y && !x.is_double())                  \
      r = true;                                    \
    else if (x.is_small_int() && y.is_small_int()) \
      r = false;                                   \
    else {                                         \
      SAVE_PC();                                   \
      r = equiv(*this, x, y);                      \
      RELOAD();                                    \
    }                                              \
  } while (0)
      VM_CASE(EQ) {
        Value x = RB, y = RC;
        bool r;
        VALUE_EQUAL(r, x, y);
        RA = Value::boolean(r);
        VM_NEXT();
      }
      // Inlined clojure.core functions (opcodes.h). Each may realize a lazy seq, which
      // runs Clove code: save pc first (traces, stack maps), reload R after.
#define COLL_CASE(NAME, CALL) \
  VM_CASE(NAME) {               \
    SAVE_PC();                  \
    Value r = CALL;             \
    RELOAD();                   \
    RA = r;                     \
    SAFEPOINT();                \
    VM_NEXT();                  \
  }
      // FIRST and NEXT on a lazy seq whose thunk must run call the stackless natives
      // (runtime/lang/seq_fns.h) in a frame above this one, so the thunk runs in this
      // loop; the result comes back to R[A] as from a CALL.
      VM_CASE(FIRST) {
        Value x = RB;
        if (unrealized_lazy_seq(x)) [[unlikely]] {
          callee = Value::object(first_native_);
          goto call_out_of_line;
        }
        SAVE_PC();
        Value r = first(*this, x);
        RELOAD();
        RA = r;
        SAFEPOINT();
        VM_NEXT();
      }
      VM_CASE(NEXT) {
        Value x = RB;
        if (lazy_seq_blocking_next(x)) [[unlikely]] {
          callee = Value::object(next_native_);
          goto call_out_of_line;
        }
        SAVE_PC();
        Value r = next(*this, x);
        RELOAD();
        RA = r;
        SAFEPOINT();
        VM_NEXT();
      }
      COLL_CASE(GET, get(*this, RB, RC))
      COLL_CASE(GETK, get(*this, RB, K[arg_c(i)]))
#undef COLL_CASE
      VM_CASE(COUNT) {
        // C = 1: R[B] dies here; clear it so a lazy seq's head is not held while count
        // walks it (count roots its own cursor).
        Value coll = RB;
        if (maybe_lazy_spine(coll)) [[unlikely]] {
          // A seq that may be lazy: the stackless count walks it through this loop.
          callee = Value::object(count_native_);
          goto call_out_of_line;
        }
        if (arg_c(i)) RB = Value::nil();
        SAVE_PC();
        int64_t n = count(*this, coll);
        RELOAD();
        RA = make_long(heap, n);
        VM_NEXT();
      }
      VM_CASE(ISREDUCED) {
        Value x = RB;
        RA = Value::boolean(x.is_obj() && x.as_obj()->type == ObjType::Reduced);
        VM_NEXT();
      }
      VM_CASE(NTH) {
        SAVE_PC();
        Value ix = RC;
        if (!is_long(ix)) [[unlikely]]
          throw_error(ErrorKind::ClassCastException,
                      fmt::format("nth: class {} cannot be cast to class java.lang.Long", value_type_name(ix)));
        Value coll = RB;
        if (maybe_lazy_spine(coll)) [[unlikely]] {
          // A seq that may be lazy: the stackless nth walks it through this loop.
          callee = Value::object(nth_native_);
          goto call_out_of_line;
        }
        // R[A] is overwritten by the result: when it is also the source, clear it so a
        // lazy seq's head is not held while nth walks it (nth roots its cursor).
        if (arg_a(i) == arg_b(i)) RB = Value::nil();
        Value r = nth(*this, coll, as_long(ix));
        RELOAD();
        RA = r;
        SAFEPOINT();
        VM_NEXT();
      }
      // quot/rem/mod on two longs with a non-zero divisor (INT64_MIN by -1 excepted)
      // stay here (C++ `/` and `%` truncate toward zero as Java's do; mod is number.h's
      // floor_mod, as clojure.core/mod). Anything else, zero divisors and their
      // ArithmeticException included, goes to arith().
#define INTDIV_CASE(NAME, OP, EXPR, Y)                              \
  VM_CASE(NAME) {                                                   \
    Value x = RB, y = Y;                                            \
    int64_t a, b;                                                   \
    if (is_long(x) && is_long(y) && (b = as_long(y)) != 0 &&        \
        ((a = as_long(x)) != INT64_MIN || b != -1)) {               \
      RA = make_long(heap, EXPR);                                   \
    } else {                                                        \
      SAVE_PC();                                                    \
      RA = arith(*this, ArithOp::OP, x, y);                          \
    }                                                               \
    VM_NEXT();                                                      \
  }
      INTDIV_CASE(QUOT, Quot, a / b, RC)
      INTDIV_CASE(REM, Rem, a % b, RC)
      INTDIV_CASE(MOD, Mod, floor_mod(a, b), RC)
      INTDIV_CASE(QUOTK, Quot, a / b, K[arg_c(i)])
      INTDIV_CASE(REMK, Rem, a % b, K[arg_c(i)])
      INTDIV_CASE(MODK, Mod, floor_mod(a, b), K[arg_c(i)])
#undef INTDIV_CASE

      // Compare-and-skip (flag S, opcodes.h): the JMP after the instruction runs here
      // when the test gives C, so a compare and its branch cost one dispatch. A
      // backward jump polls as JMP does.
#define SKIP_OR_JUMP(cond)                                   \
  do {                                                       \
    if (static_cast<unsigned>(cond) == arg_c(i)) {           \
      int off = arg_sj(*ip) + 1;                             \
      ip += off;                                             \
      if (off < 0) {                                         \
        SAFEPOINT();                                         \
        POLL(-off);                                          \
      }                                                      \
    } else {                                                 \
      ++ip;                                                  \
    }                                                        \
    VM_NEXT();                                               \
  } while (0)
#define BRCMP_CASE(NAME, OP, SYM, X, Y)                      \
  VM_CASE(NAME) {                                            \
    Value x = X, y = Y;                                      \
    bool r;                                                  \
    NUM_COMPARE(r, OP, SYM, x, y);                           \
    SKIP_OR_JUMP(r);                                         \
  }
      BRCMP_CASE(BRLT, Lt, <, RA, RB)
      BRCMP_CASE(BRLE, Le, <=, RA, RB)
      BRCMP_CASE(BRNUMEQ, Eq, ==, RA, RB)
      BRCMP_CASE(BRLTK, Lt, <, RA, K[arg_b(i)])
      BRCMP_CASE(BRLEK, Le, <=, RA, K[arg_b(i)])
      BRCMP_CASE(BRNUMEQK, Eq, ==, RA, K[arg_b(i)])
      // x > k is k < x (not !(x <= k): a NaN fails both).
      BRCMP_CASE(BRGTK, Lt, <, K[arg_b(i)], RA)
      BRCMP_CASE(BRGEK, Le, <=, K[arg_b(i)], RA)
#undef BRCMP_CASE
#undef NUM_COMPARE
#define BREQ_CASE(NAME, Y)                        \
  VM_CASE(NAME) {                                 \
    Value x = RA, y = Y;                          \
    bool r;                                       \
    VALUE_EQUAL(r, x, y);                         \
    SKIP_OR_JUMP(r);                              \
  }
      BREQ_CASE(BREQ, RB)
      BREQ_CASE(BREQK, K[arg_b(i)])
#undef BREQ_CASE
#undef VALUE_EQUAL
#undef SKIP_OR_JUMP
      VM_CASE(NOT) {
        RA = Value::boolean(!RB.truthy());
        VM_NEXT();
      }
      VM_CASE(JMP) {
        int off = arg_sj(i);
        ip += off;
        if (off < 0) {
          SAFEPOINT();
          POLL(-off);
        }
        VM_NEXT();
      }
      VM_CASE(JMPIF) {
        if (RA.truthy()) ip += arg_sbx(i);
        VM_NEXT();
      }
      VM_CASE(JMPIFNOT) {
        if (!RA.truthy()) ip += arg_sbx(i);
        VM_NEXT();
      }

      VM_CASE(CALL) {
        unsigned a = arg_a(i);
        int n = static_cast<int>(arg_b(i));
        Value fn = R[a];
        size_t newbase = f->base + a + kCallHeader;
        if (proto->framesize > static_cast<uint32_t>(kMaxRegisters)) [[unlikely]] {
          // Spill slots (>= 256) stay live across calls: start the callee's frame above
          // the caller's last slot, copying callee and arguments there (opcodes.h).
          newbase = f->base + proto->framesize + kCallHeader;
          f->ensure(newbase - kCallHeader, kCallHeader + n + 1);
          RELOAD();
          Value* dst = f->stack.data() + newbase - kCallHeader;
          for (int k = 0; k < kCallHeader + n; ++k) dst[k] = R[a + k];
        }
        SAVE_PC();
        if (Closure* c = as<Closure>(fn)) {
          begin_arity(c, enter_closure(f, c, newbase, n, f->base, static_cast<uint64_t>(ip - code)));
          SAFEPOINT();
          POLL(static_cast<int64_t>(proto->code.size()));
          VM_NEXT();
        }
        size_t caller = f->base;
        Value r = call_non_closure(f, fn, newbase, n, caller, static_cast<uint64_t>(ip - code));
        if (is_request(r)) [[unlikely]] {
          cont_nargs = -1;
          goto handle_request;
        }
        f->base = caller;
        --f->depth;
        f->top = caller + proto->framesize;
        RELOAD();
        R[a] = r;
        SAFEPOINT();
        VM_NEXT();
      }
      VM_CASE(TAILCALL) {
        unsigned a = arg_a(i);
        int n = static_cast<int>(arg_b(i));
        Value fn = R[a];
        SAVE_PC();
        if (Closure* c = as<Closure>(fn)) {
          // Check the arity while this frame is intact, so the error's trace shows the caller.
          if (!c->fn->arity_for(n)) [[unlikely]]
            throw_closure_arity(c, n);
          // Slide callee and arguments down over the current frame; keep its link.
          f->stack[f->base - 3] = fn;
          std::memmove(R, R + a + kCallHeader, sizeof(Value) * n);
          size_t prev = link_prev_base(f->stack[f->base - 2]);
          uint64_t ret = f->stack[f->base - 1].as_internal();
          --f->depth;  // enter_closure counts the frame again
          begin_arity(c, enter_closure(f, c, f->base, n, prev, ret));
          SAFEPOINT();
          POLL(static_cast<int64_t>(proto->code.size()));
          VM_NEXT();
        }
        // Natives and callable collections: call above this frame (so traces keep the
        // caller), then return the result. A native that suspends here (yield) or
        // continues later returns into this TAILCALL, which returns again (below).
        size_t caller = f->base;
        Value r = call_non_closure(f, fn, caller + a + kCallHeader, n, caller, static_cast<uint64_t>(ip - code));
        if (is_request(r)) [[unlikely]] {
          cont_nargs = -1;
          goto handle_request;
        }
        f->base = caller;
        --f->depth;
        result = r;
        goto do_return_value;
      }
      VM_CASE(RET) {
        result = RA;
      do_return_value:
        // Pops the frame at f->base, delivering `result` where its return pc says.
        {
          size_t b = f->base;
          uint64_t ret = f->stack[b - 1].as_internal();
          size_t prev = link_prev_base(f->stack[b - 2]);
          --f->depth;
          f->base = prev;
          if (ret < Fiber::kFiberBase) [[likely]] {
            load_frame(static_cast<uint32_t>(ret));
            Instr call = ip[-1];
            R[arg_a(call)] = result;
            // A native called by TAILCALL that finished later (after a yield or a
            // continuation): this frame returns its result in turn.
            if (static_cast<Op>(call & 0xFF) == Op::TAILCALL) [[unlikely]]
              goto do_return_value;
            SAFEPOINT();
            VM_NEXT();
          }
          if (ret == Fiber::kNoFrame) {
            f->result = result;
            return result;
          }
          if (ret == Fiber::kContinue) {
            // The frame below is a native waiting in call_then: its frame ends with the
            // continuation, the unwind hook and the context, just below the returning
            // frame's header (vm/fiber.h).
            size_t ntop = b - kCallHeader;
            auto k = reinterpret_cast<NativeCont>(f->stack[ntop - 3].as_internal());
            Value ctx = f->stack[ntop - 1];
            f->top = ntop;
            cont_nargs = static_cast<int>(ntop - kContinueSlots - prev);
            result = k(*this, Args(&f->stack, prev, cont_nargs), ctx, result);
            if (is_request(result)) goto handle_request;
            goto do_return_value;
          }
          // kFiberBase: the fiber's function returned; its resumer's fiber/resume
          // returns the result.
          Fiber* done = f;
          done->status = FiberStatus::Dead;
          done->value = result;
          Fiber* to = done->resumer;
          done->resumer = nullptr;
          to->child = nullptr;
          done->top = 0;
          std::vector<Value>().swap(done->stack);  // a dead fiber keeps no stack
          release_bindings(done);
          switch_to(to);
          goto do_return_value;
        }
      }

    poll_slow:
      // POLL reached the end of a budget slice (state.h); f->pc is where the innermost
      // (Clove) frame goes on.
      {
        if (debugger_ && debugger_->take_service()) [[unlikely]] {
          // A host asked for the VM's attention (DebugHost::service): f->pc is where
          // the innermost frame goes on.
          if (debugger_->host() && debugger_->host()->service()) {
            if (debug_stop(f, StopReason::Pause) == DebugGo::Suspend) goto debug_suspend;
          }
          RELOAD();
          if (debugger_->stepping() != kStepping) goto transfer_resume_unbroken;
        }
        if (!budget_slice_end()) VM_NEXT();
        if (interrupt_.exchange(false, std::memory_order_relaxed))
          throw_error(ErrorKind::InterruptedError, "Interrupted");
        if (budget_left_ >= 0) VM_NEXT();
        bool exists = false;
        Fiber* catcher = budget_catcher(f, &exists);
        if (!catcher) {
          budget_overrun_or_abort(f);  // throws, or lets it overrun
          VM_NEXT();
        }
        // Suspend f and the fibers it was resumed by, up to the catcher; the catcher's
        // resumer's fiber/resume returns nil. Resuming the catcher goes on with f.
        for (Fiber* x = f;; x = x->resumer) {
          x->status = FiberStatus::Pending;
          x->paused_by = Fiber::Pause::Budget;
          x->value = Value::nil();
          if (x == catcher) break;
        }
        Fiber* to = catcher->resumer;
        catcher->resumer = nullptr;
        to->child = nullptr;
        switch_to(to);
        result = Value::nil();
        goto do_return_value;  // the resumer's fiber/resume returns nil
      }

    call_out_of_line:
      // An instruction calls `callee` with R[B] in a frame above this frame's registers
      // (f->top, invariant 3); the result returns to the instruction's R[A].
      SAVE_PC();
      nb = f->top + kCallHeader;
      f->ensure(f->top, kCallHeader + 3);
      RELOAD();
      f->stack[nb] = RB;
      nargs = 1;
      if (static_cast<Op>(i & 0xFF) == Op::COUNT) {
        if (arg_c(i)) RB = Value::nil();  // R[B] dies here
      } else if (static_cast<Op>(i & 0xFF) == Op::NTH) {
        f->stack[nb + 1] = RC;
        nargs = 2;
        if (arg_a(i) == arg_b(i)) RB = Value::nil();  // overwritten by the result
      }
      prev_base = f->base;
      ret_pc = static_cast<uint64_t>(ip - code);
      // fall through
    invoke:
      // Calls `callee` (nargs arguments at stack[nb..]) in a frame linked to prev_base
      // returning to ret_pc: from call(), a native's request, or a fiber's start.
      if (Closure* c = as<Closure>(callee)) {
        begin_arity(c, enter_closure(f, c, nb, nargs, prev_base, ret_pc));
        SAFEPOINT();
        POLL(static_cast<int64_t>(proto->code.size()));
        VM_NEXT();
      }
      cont_nargs = -1;
      result = call_non_closure(f, callee, nb, nargs, prev_base, ret_pc);
      if (!is_request(result)) goto do_return_value;

    handle_request:
      // The native whose frame is at f->base returned kRequest (state.h).
      {
        RequestKind kind = request.kind;
        request.kind = RequestKind::None;
        size_t b = f->base;
        switch (kind) {
          case RequestKind::TailCall: {
            // The callee replaces the native's frame, keeping its link and return pc.
            prev_base = link_prev_base(f->stack[b - 2]);
            ret_pc = f->stack[b - 1].as_internal();
            --f->depth;
            callee = request.fn;
            nargs = static_cast<int>(request.args.size());
            f->ensure(b, nargs + 1);
            f->stack[b - 3] = callee;
            std::copy(request.args.begin(), request.args.end(), f->stack.begin() + b);
            f->top = b + nargs;
            nb = b;
            request.fn = Value::nil();
            request.args.clear();
            goto invoke;
          }
          case RequestKind::CallThen: {
            // Keep the native's frame; store the continuation, unwind hook and context
            // above its arguments, and call with a frame that returns into them.
            size_t slots = b + (cont_nargs >= 0 ? static_cast<size_t>(cont_nargs) : f->top - b);
            nargs = static_cast<int>(request.args.size());
            f->ensure(slots, kContinueSlots + kCallHeader + nargs + 1);
            Value* S = f->stack.data();
            S[slots] = Value::internal(reinterpret_cast<uint64_t>(request.k));
            S[slots + 1] = Value::internal(reinterpret_cast<uint64_t>(request.on_error));
            S[slots + 2] = request.ctx;
            f->top = slots + kContinueSlots;
            nb = f->top + kCallHeader;
            callee = request.fn;
            S[nb - 3] = callee;
            std::copy(request.args.begin(), request.args.end(), f->stack.begin() + nb);
            prev_base = b;
            ret_pc = Fiber::kContinue;
            request.fn = Value::nil();
            request.ctx = Value::nil();
            request.args.clear();
            goto invoke;
          }
          case RequestKind::Yield: {
            Value v = request.fn;
            request.fn = Value::nil();
            check_can_yield(f);
            // The yield's native frame stays on the fiber: resuming returns from it.
            f->status = FiberStatus::Pending;
            f->value = v;
            f->paused_by = Fiber::Pause::Yield;
            Fiber* to = f->resumer;
            f->resumer = nullptr;
            to->child = nullptr;
            switch_to(to);
            result = v;
            goto do_return_value;  // the resumer's fiber/resume returns v
          }
          case RequestKind::Break: {
            // clove.debug/break: its native frame is at f->base; the stop is at its caller.
            request_break_pending_ = true;
            if (debug_stop(f, StopReason::Break) == DebugGo::Suspend) goto debug_suspend;
            request_break_pending_ = false;
            result = Value::nil();
            if (debugger_->stepping() != kStepping) {
              handover = LoopEntry{};
              handover.mode = LoopEntry::Mode::Return;
              handover.result = result;
              goto transfer;
            }
            goto do_return_value;
          }
          case RequestKind::Resume: {
            Fiber* child = request.fiber;
            request.fiber = nullptr;
            FiberStatus was = child->status;
            child->resumer = f;
            f->child = child;
            child->status = FiberStatus::Alive;
            if constexpr (!kStepping) {
              // A step chosen while the fiber was stopped (clove.debug/step) runs in the
              // stepping loop: hand the run over once the switch is made.
              if (was == FiberStatus::Debug && debugger_ && debugger_->stepping()) resume_steps = true;
            }
            if ((was == FiberStatus::Pending || was == FiberStatus::Debug) &&
                child->paused_by == Fiber::Pause::Budget) {
              // A chain suspended by the budget: go on where its innermost fiber stopped.
              Fiber* inner = child;
              while (inner->child) {
                inner = inner->child;
                inner->status = FiberStatus::Alive;
              }
              request.args.clear();
              switch_to(inner);
              if constexpr (!kStepping) {
                if (resume_steps) {
                  resume_steps = false;
                  goto transfer_resume;
                }
              }
              load_frame(f->pc);
              VM_NEXT();
            }
            switch_to(child);
            if (was == FiberStatus::New) {
              // Its first frame: the function at stack[3..] returning kFiberBase.
              nargs = static_cast<int>(request.args.size());
              f->ensure(0, std::max(Fiber::kInitialSlots, Fiber::kFirstBase + nargs + 1));
              callee = f->fn;
              f->fn = Value::nil();
              f->stack[0] = callee;
              std::copy(request.args.begin(), request.args.end(), f->stack.begin() + Fiber::kFirstBase);
              f->base = 0;
              f->top = Fiber::kFirstBase + nargs;
              nb = Fiber::kFirstBase;
              prev_base = 0;
              ret_pc = Fiber::kFiberBase;
              request.args.clear();
              goto invoke;
            }
            // :pending: its fiber/yield returns the value passed (nil if none); :debug
            // stopped in clove.debug/break: that returns it.
            result = request.args.empty() ? Value::nil() : request.args[0];
            request.args.clear();
            if constexpr (!kStepping) {
              if (resume_steps) {
                resume_steps = false;
                handover = LoopEntry{};
                handover.mode = LoopEntry::Mode::Return;
                handover.result = result;
                goto transfer;
              }
            }
            goto do_return_value;
          }
          case RequestKind::None:
            break;
        }
        throw_error(ErrorKind::IllegalStateException, "a native returned a request without making one");
      }

      VM_CASE(BREAK) {
        // A breakpoint (vm/debugger.h): stop, then run the original instruction, which
        // reads its operands from `i` and finds ip already past it.
        SAVE_PC();
        if (f->skip_break) {
          f->skip_break = false;
        } else {
          if (debug_stop(f, StopReason::Breakpoint) == DebugGo::Suspend) goto debug_suspend;
          RELOAD();
          if (debugger_->stepping() != kStepping) {
            f->skip_break = true;
            goto transfer_resume;
          }
        }
        i = original_instr(proto, f->pc);
        goto* kDispatch[i & 0xFF];
      }

    step_stop:
      // The stepping loop's check said stop before ip[-1] (not run yet).
      SAVE_PC();
      if (debug_stop(f, StopReason::Step) == DebugGo::Suspend) goto debug_suspend;
      RELOAD();
      if (!debugger_->stepping()) goto transfer_resume_unbroken;
      if (static_cast<Op>(i & 0xFF) == Op::BREAK) i = original_instr(proto, f->pc);  // stopped here already
      goto* kDispatch[i & 0xFF];

    debug_suspend:
      // debug_stop found a fiber whose mask has :debug (debug_catcher_): f and the
      // fibers up to it stop with status :debug, and its resumer's fiber/resume returns
      // nil. Resuming it goes on at f->pc (or returns from clove.debug/break's frame).
      {
        Fiber* catcher = debug_catcher_;
        debug_catcher_ = nullptr;
        bool at_break_native = request_break_pending_;
        request_break_pending_ = false;
        if (!at_break_native) f->skip_break = static_cast<Op>(code[f->pc] & 0xFF) == Op::BREAK;
        for (Fiber* x = f;; x = x->resumer) {
          x->status = FiberStatus::Debug;
          x->paused_by = Fiber::Pause::Budget;
          x->value = Value::nil();
          if (x == catcher) break;
        }
        if (at_break_native) f->paused_by = Fiber::Pause::Yield;
        Fiber* to = catcher->resumer;
        catcher->resumer = nullptr;
        to->child = nullptr;
        switch_to(to);
        result = Value::nil();
        goto do_return_value;
      }

    transfer_resume_unbroken:
      // Hand over at f->pc, the instruction not run yet; a BREAK there already stopped.
      f->skip_break = static_cast<Op>(code[f->pc] & 0xFF) == Op::BREAK;
    transfer_resume:
      handover = LoopEntry{};
      handover.mode = LoopEntry::Mode::Resume;
      goto transfer;

      VM_CASE(TRY) {
        f->handlers.push_back(Handler{f->base, static_cast<uint32_t>(ip - code + arg_sbx(i)), f->depth,
                                      static_cast<uint8_t>(arg_a(i))});
        VM_NEXT();
      }
      VM_CASE(ENDTRY) {
        f->handlers.pop_back();
        VM_NEXT();
      }
      VM_CASE(THROW) {
        SAVE_PC();
        throw_value(RA);
      }
      VM_CASE(SWITCH) {
        // K[Bx] maps each case* test to its jump-table slot; the table (JMPs) follows.
        SAVE_PC();  // hashing/equality may call back into Clove
        Value slot = get(*this, K[arg_bx(i)], RA);
        RELOAD();
        if (slot.is_small_int()) ip += slot.as_small_int();
        VM_NEXT();
      }
    } catch (const VMAbort&) {
      // No Clove handler runs: every fiber this run switched to ends in :error and the
      // abort goes on to C++ (unwind hooks do not run: nothing was thrown at them).
      request = Request{};
      for (;;) {
        if (f == origin) throw;
        Fiber* failed = f;
        failed->status = FiberStatus::Error;
        release_bindings(failed);
        Fiber* to = failed->resumer;
        failed->resumer = nullptr;
        to->child = nullptr;
        switch_to(to);
      }
    } catch (...) {
      // Invariant 2: f->pc names the faulting instruction (SAVE_PC ran, or we set it).
      Value exc = exception_from_current(std::current_exception());
      request = Request{};  // a native that threw may have left one half made
      request_break_pending_ = false;
      if (debugger_ && debugger_->wants_exceptions()) [[unlikely]] {
        debug_exception(f, exc);  // the host may look at the frames before they unwind
      }
      for (;;) {
        size_t floor = f == origin ? handler_floor : 0;
        if (f->handlers.size() > floor) {
          Handler h = f->handlers.back();
          f->handlers.pop_back();
          unwind_frames(f, h.frame_base, exc);
          f->base = h.frame_base;
          f->depth = h.depth;
          load_frame(h.catch_pc);
          R[h.reg] = exc;
          if (debugger_ && debugger_->stepping() != kStepping && !debugger_->in_stop()) [[unlikely]] {
            f->pc = h.catch_pc;  // a step chosen at the exception's stop starts in the handler
            resume_at = Next::Resume;
          }
          break;
        }
        unwind_frames(f, 0, exc);
        if (f == origin) throw CloveError(exception_kind(exc), exception_message(exc), exc);
        // Nothing in this fiber catches it: the fiber ends in :error, and its resumer's
        // fiber/resume returns the exception (:error in the fiber's mask) or throws it.
        Fiber* failed = f;
        failed->status = FiberStatus::Error;
        failed->value = exc;
        release_bindings(failed);
        Fiber* to = failed->resumer;
        failed->resumer = nullptr;
        to->child = nullptr;
        switch_to(to);
        if (failed->mask & fiber_mask::kError) {
          result = exc;
          resume_at = Next::Return;
          break;
        }
      }
    }
  }
transfer:
  // Invariant 8: the other instantiation runs the rest of this run.
  return run_loop<!kStepping>(origin, handler_floor, handover);
#undef VM_NEXT
#undef VM_CASE
#undef RA
#undef RB
#undef RC
#undef RELOAD
#undef SAVE_PC
#undef SAFEPOINT
#undef POLL
}

template Value Interpreter::run_loop<false>(Fiber*, size_t, LoopEntry);
template Value Interpreter::run_loop<true>(Fiber*, size_t, LoopEntry);

}  // namespace clove
