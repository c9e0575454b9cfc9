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
//  6. Every frame's header (stack[base-3 .. base-1]) holds the callee, the link to the
//     caller (with the arity index) and the return pc (vm/fiber.h).
#include <cstring>

#include "bytecode/opcodes.h"
#include "core/stack_guard.h"
#include <fmt/format.h>

#include "runtime/coll/coll.h"
#include "runtime/num/number.h"
#include "vm/enter.h"
#include "vm/interpreter.h"

namespace clove {

Value Interpreter::run(size_t handler_floor) {
  Fiber* f = fiber_;
  Closure* cl = nullptr;
  Proto* proto = nullptr;
  const Instr* code = nullptr;
  const Instr* ip = nullptr;
  const Value* K = nullptr;
  Value* R = nullptr;
  Instr i = 0;

  auto load_frame = [&](uint32_t pc) {
    cl = static_cast<Closure*>(f->stack[f->base - 3].as_obj());
    proto = arity_proto(cl->fn, link_arity(f->stack[f->base - 2]));
    code = proto->code.data();
    ip = code + pc;
    K = proto->constants.data();
    R = f->stack.data() + f->base;
    f->top = f->base + proto->framesize;
  };

  // After enter_closure made c's frame current: run arity p from its first instruction.
  auto begin_arity = [&](Closure* c, Proto* p) {
    cl = c;
    proto = p;
    code = p->code.data();
    ip = code;
    K = p->constants.data();
    R = f->stack.data() + f->base;
  };

  static const void* const kDispatch[] = {
#define CLOVE_X(name, fmt, doc) &&L_##name,
      CLOVE_OPCODES(CLOVE_X)
#undef CLOVE_X
  };

#define VM_NEXT()                 \
  do {                            \
    i = *ip++;                    \
    goto* kDispatch[i & 0xFF];    \
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

  load_frame(f->pc);
  for (;;) {
    try {
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
        Closure* c = static_cast<Closure*>(RA.as_obj());
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

#define ARITH_CASE(NAME, OP, SYM)                                               \
  VM_CASE(NAME) {                                                               \
    Value x = RB, y = RC;                                                       \
    if (x.is_small_int() && y.is_small_int()) {                                 \
      int64_t r = x.as_small_int() SYM y.as_small_int();                        \
      RA = Value::fits_small(r) ? Value::small_int(r) : make_long(heap, r);     \
    } else if (x.is_double() && y.is_double()) {                                \
      RA = Value::from_double(x.as_double() SYM y.as_double());                 \
    } else {                                                                    \
      SAVE_PC();                                                                \
      RA = arith(*this, ArithOp::OP, x, y);                                      \
    }                                                                           \
    VM_NEXT();                                                                  \
  }
      ARITH_CASE(ADD, Add, +)
      ARITH_CASE(SUB, Sub, -)
#undef ARITH_CASE
      VM_CASE(MUL) {
        Value x = RB, y = RC;
        int64_t r;
        if (x.is_small_int() && y.is_small_int() &&
            !__builtin_mul_overflow(x.as_small_int(), y.as_small_int(), &r)) {
          RA = make_long(heap, r);
        } else if (x.is_double() && y.is_double()) {
          RA = Value::from_double(x.as_double() * y.as_double());
        } else {
          SAVE_PC();
          RA = arith(*this, ArithOp::Mul, x, y);
        }
        VM_NEXT();
      }
      VM_CASE(DIV) {
        Value x = RB, y = RC;
        if (x.is_double() && y.is_double()) {
          RA = Value::from_double(x.as_double() / y.as_double());
        } else {
          SAVE_PC();
          RA = arith(*this, ArithOp::Div, x, y);
        }
        VM_NEXT();
      }
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

#define CMP_CASE(NAME, OP, SYM)                                  \
  VM_CASE(NAME) {                                                \
    Value x = RB, y = RC;                                        \
    bool r;                                                      \
    if (x.is_small_int() && y.is_small_int())                    \
      r = x.as_small_int() SYM y.as_small_int();                 \
    else if (x.is_double() && y.is_double())                     \
      r = x.as_double() SYM y.as_double();                       \
    else {                                                       \
      SAVE_PC();                                                 \
      r = num_compare(CmpOp::OP, x, y);                          \
    }                                                            \
    RA = Value::boolean(r);                                      \
    VM_NEXT();                                                   \
  }
      CMP_CASE(LT, Lt, <)
      CMP_CASE(LE, Le, <=)
      CMP_CASE(NUMEQ, Eq, ==)
#undef CMP_CASE
      VM_CASE(EQ) {
        Value x = RB, y = RC;
        bool r;
        if (x == y && !x.is_double())
          r = true;
        else if (x.is_small_int() && y.is_small_int())
          r = false;
        else {
          SAVE_PC();
          r = equiv(*this, x, y);
          RELOAD();
        }
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
      COLL_CASE(FIRST, first(*this, RB))
      COLL_CASE(NEXT, next(*this, RB))
      COLL_CASE(GET, get(*this, RB, RC))
#undef COLL_CASE
      VM_CASE(COUNT) {
        // C = 1: R[B] dies here; clear it so a lazy seq's head is not held while count
        // walks it (count roots its own cursor).
        Value coll = RB;
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
        // R[A] is overwritten by the result: when it is also the source, clear it so a
        // lazy seq's head is not held while nth walks it (nth roots its cursor).
        if (arg_a(i) == arg_b(i)) RB = Value::nil();
        Value r = nth(*this, coll, as_long(ix));
        RELOAD();
        RA = r;
        SAFEPOINT();
        VM_NEXT();
      }
      // quot/rem/mod on two small ints with a non-zero divisor stay here (C++ `/` and
      // `%` truncate toward zero as Java's do; mod is number.h's floor_mod, as
      // clojure.core/mod). Anything else, zero
      // divisors and their ArithmeticException included, goes to arith().
#define INTDIV_CASE(NAME, OP, EXPR)                                 \
  VM_CASE(NAME) {                                                   \
    Value x = RB, y = RC;                                           \
    if (x.is_small_int() && y.is_small_int() && y.as_small_int()) { \
      int64_t a = x.as_small_int(), b = y.as_small_int();           \
      RA = make_long(heap, EXPR);                                   \
    } else {                                                        \
      SAVE_PC();                                                    \
      RA = arith(*this, ArithOp::OP, x, y);                          \
    }                                                               \
    VM_NEXT();                                                      \
  }
      INTDIV_CASE(QUOT, Quot, a / b)
      INTDIV_CASE(REM, Rem, a % b)
      INTDIV_CASE(MOD, Mod, floor_mod(a, b))
#undef INTDIV_CASE
      VM_CASE(NOT) {
        RA = Value::boolean(!RB.truthy());
        VM_NEXT();
      }
      VM_CASE(JMP) {
        int off = arg_sj(i);
        ip += off;
        if (off < 0) SAFEPOINT();
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
        int nargs = static_cast<int>(arg_b(i));
        Value callee = R[a];
        size_t newbase = f->base + a + kCallHeader;
        if (proto->framesize > static_cast<uint32_t>(kMaxRegisters)) [[unlikely]] {
          // Spill slots (>= 256) stay live across calls: start the callee's frame above
          // the caller's last slot, copying callee and arguments there (opcodes.h).
          newbase = f->base + proto->framesize + kCallHeader;
          f->ensure(newbase - kCallHeader, kCallHeader + nargs + 1);
          RELOAD();
          Value* dst = f->stack.data() + newbase - kCallHeader;
          for (int k = 0; k < kCallHeader + nargs; ++k) dst[k] = R[a + k];
        }
        if (Closure* c = as<Closure>(callee)) {
          SAVE_PC();
          begin_arity(c, enter_closure(f, c, newbase, nargs, f->base, static_cast<uint64_t>(ip - code)));
          SAFEPOINT();
          VM_NEXT();
        }
        SAVE_PC();
        Value result = call_non_closure(f, callee, newbase, nargs, static_cast<uint32_t>(ip - code));
        RELOAD();
        R[a] = result;
        SAFEPOINT();
        VM_NEXT();
      }
      VM_CASE(TAILCALL) {
        unsigned a = arg_a(i);
        int nargs = static_cast<int>(arg_b(i));
        Value callee = R[a];
        if (Closure* c = as<Closure>(callee)) {
          SAVE_PC();
          // Check the arity while this frame is intact, so the error's trace shows the caller.
          if (!c->fn->arity_for(nargs)) [[unlikely]]
            throw_closure_arity(c, nargs);
          // Slide callee and arguments down over the current frame; keep its link.
          f->stack[f->base - 3] = callee;
          std::memmove(R, R + a + kCallHeader, sizeof(Value) * nargs);
          size_t prev = link_prev_base(f->stack[f->base - 2]);
          uint64_t ret = f->stack[f->base - 1].as_internal();
          --f->depth;  // enter_closure counts the frame again
          begin_arity(c, enter_closure(f, c, f->base, nargs, prev, ret));
          SAFEPOINT();
          VM_NEXT();
        }
        // Natives and callable collections: call, then return the result.
        SAVE_PC();
        Value result = call_non_closure(f, callee, f->base + a + kCallHeader, nargs,
                                        static_cast<uint32_t>(ip - code));
        RELOAD();
        R[a] = result;
        goto do_return;
      }
      VM_CASE(RET) {
      do_return:
        Value result = RA;
        Value link = f->stack[f->base - 2];
        uint64_t ret = f->stack[f->base - 1].as_internal();
        size_t prev = link_prev_base(link);
        --f->depth;
        if (ret == Fiber::kNoFrame) {
          f->base = prev;
          f->result = result;
          return result;
        }
        f->base = prev;
        load_frame(static_cast<uint32_t>(ret));
        R[arg_a(ip[-1])] = result;
        SAFEPOINT();
        VM_NEXT();
      }
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
    } catch (...) {
      // Invariant 2: f->pc names the faulting instruction (SAVE_PC ran, or we set it).
      Value exc = exception_from_current(std::current_exception());
      if (f->handlers.size() <= handler_floor) throw CloveError(exception_kind(exc), exception_message(exc), exc);
      Handler h = f->handlers.back();
      f->handlers.pop_back();
      f->base = h.frame_base;
      f->depth = h.depth;
      load_frame(h.catch_pc);
      R[h.reg] = exc;
    }
  }
#undef VM_NEXT
#undef VM_CASE
#undef RA
#undef RB
#undef RC
#undef RELOAD
#undef SAVE_PC
#undef SAFEPOINT
}

}  // namespace clove
