// call.cpp: entering frames, calling natives and callable values, calls from C++,
// and turning C++ exceptions into Clove exceptions with traces.
#include <cstring>

#include <fmt/format.h>

#include "core/stack_guard.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/array_seq.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "runtime/lang/host_object.h"
#include "runtime/lang/unbound.h"
#include "runtime/lang/user_type.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "vm/interpreter.h"
#include "vm/enter.h"

namespace clove {

Proto* Interpreter::closure_arity(Closure* c, int nargs) {
  if (Proto* p = c->fn->arity_for(nargs)) return p;
  throw_closure_arity(c, nargs);
}

Proto* Interpreter::enter_closure_slow(Fiber* f, Closure* c, size_t newbase, int nargs, size_t prev_base,
                                       uint64_t ret_pc) {
  Proto* p = closure_arity(c, nargs);
  if (f->depth >= limits.max_depth) [[unlikely]]
    throw_depth_exceeded();
  f->ensure(newbase, p->framesize + kCallHeader + 1);
  Value* S = f->stack.data();
  uint32_t filled = static_cast<uint32_t>(nargs);
  if (p->variadic) {
    int np = p->nparams;
    Value rest = nargs > np ? array_seq(heap, S + newbase + np, nargs - np) : Value::nil();
    S[newbase + np] = rest;
    filled = np + 1;
  }
  if (p->live.empty())
    for (uint32_t r = filled; r < p->framesize; ++r) S[newbase + r] = Value::nil();
  push_closure_frame(f, c, p, newbase, prev_base, ret_pc);
  return p;
}

Proto* Interpreter::enter_closure_rest(Fiber* f, Closure* c, size_t newbase, int nargs, size_t prev_base,
                                       uint64_t ret_pc) {
  Proto* p = enter_closure(f, c, newbase, nargs, prev_base, ret_pc);
  Value* S = f->stack.data();
  if (p->variadic) S[newbase + p->nparams] = first(*this, S[newbase + p->nparams]);
  return p;
}

namespace {
[[noreturn]] void arity_error(int nargs, const std::string& name) {
  throw_error(ErrorKind::ArityException, fmt::format("Wrong number of args ({}) passed to: {}", nargs, name));
}
}  // namespace

namespace {
// The frame of a callee that is not a closure: its header (the callee, the link to the
// caller's frame, the return address) below its nargs arguments at stack[newbase..].
inline void push_callee_frame(Fiber* f, Value callee, size_t newbase, int nargs, size_t prev_base, uint64_t ret_pc) {
  f->stack[newbase - 3] = callee;
  f->stack[newbase - 2] = make_link(prev_base, 0);
  f->stack[newbase - 1] = Value::internal(ret_pc);
  f->base = newbase;
  f->top = newbase + nargs;
  ++f->depth;
}
}  // namespace

Value Interpreter::call_non_closure(Fiber* f, Value callee, size_t newbase, int nargs, size_t prev_base,
                                    uint64_t ret_pc) {
  Native* n = as<Native>(callee);
  if (!n) {
    // (v i) with a small index in range: the common case of a collection called, here
    // before the rest (the kinds are disjoint).
    if (const Vector* vec = as<Vector>(callee); vec && nargs == 1) {
      if (Value r; vec->nth_if_in_range(f->stack[newbase], &r)) {
        push_callee_frame(f, callee, newbase, nargs, prev_base, ret_pc);
        return r;
      }
    }
    return call_other_callable(f, callee, newbase, nargs, prev_base, ret_pc);
  }
  // Arity first, so the error's trace shows the caller and not the native.
  if (!n->accepts(nargs)) [[unlikely]]
    arity_error(nargs, std::string(n->name->view()));
  if (f->depth >= limits.max_depth) [[unlikely]]
    throw_depth_exceeded();
  push_callee_frame(f, callee, newbase, nargs, prev_base, ret_pc);
  return n->fn(*this, Args(&f->stack, newbase, nargs));
}

Value Interpreter::call_other_callable(Fiber* f, Value callee, size_t newbase, int nargs, size_t prev_base,
                                       uint64_t ret_pc) {
  auto push_frame = [&] { push_callee_frame(f, callee, newbase, nargs, prev_base, ret_pc); };
  Args args(&f->stack, newbase, nargs);
  if (Var* v = as<Var>(callee)) {
    // Calling a var calls its value, its innermost dynamic binding first (Var.invoke
    // derefs): a tail call from the var's frame.
    if (!v->thread_bound && !v->bound) throw_unbound(v);
    Value fn = v->thread_bound ? var_value(v) : v->root;
    ArgsCopy copy(args);
    push_frame();
    return tail_call(fn, copy.data(), nargs);
  }
  if (is<HostObject>(callee)) {
    HostObject* h = live_host_object(callee);
    // A host object the host made callable: its class's invoke fn, with the object
    // first, replaces the object's frame (as calling a var does).
    if (h->cls->host_invoke.is_nil())
      throw_error(ErrorKind::ClassCastException,
                  fmt::format("class {} cannot be cast to class clojure.lang.IFn", h->cls->cname()));
    std::vector<Value> with_self(static_cast<size_t>(nargs) + 1);
    with_self[0] = callee;
    for (int k = 0; k < nargs; ++k) with_self[static_cast<size_t>(k) + 1] = args[k];
    push_frame();
    return tail_call(h->cls->host_invoke, with_self.data(), nargs + 1);
  }
  // Keywords, symbols and collections look themselves up without a frame of their own
  // (a vector with a small index in range was answered in call_non_closure).
  Value r;
  if (is<Keyword>(callee)) {
    if (nargs < 1 || nargs > 2) arity_error(nargs, static_cast<Keyword*>(callee.as_obj())->str());
    r = get(*this, args[0], callee, args.at_or(1, Value::nil()));
  } else if (const Interfaces* ui = interfaces_of(callee)) {
    // A deftype, defrecord or reify implementing IFn: its invoke fn with the object
    // first replaces the object's frame (as calling a var does); applyTo, given only
    // that, gets the arguments as a seq.
    Value inv = ui->slot(IMethod::invoke);
    bool apply_to = inv.is_nil();
    if (apply_to) inv = ui->slot(IMethod::applyTo);
    if (inv.is_nil() && is_unbound_value(*this, callee)) throw_unbound_call(callee);  // an unbound var's value
    if (inv.is_nil()) throw_missing_method(callee, trait::IFn, "invoke");
    if (inv.is_nil())
      throw_error(ErrorKind::ClassCastException,
                  fmt::format("class {} cannot be cast to class clojure.lang.IFn", value_type_name(callee)));
    // An arity the form does not give is a method it does not implement, as on the JVM.
    if (Closure* c = as<Closure>(inv); c && !apply_to && !c->fn->arity_for(nargs + 1))
      throw_error(ErrorKind::AbstractMethodError,
                  fmt::format("Receiver class {} does not define or inherit an implementation of the resolved "
                              "method 'invoke' with {} argument(s) of interface clojure.lang.IFn.",
                              value_type_name(callee), nargs));
    std::vector<Value> with_self(static_cast<size_t>(nargs) + 1);
    with_self[0] = callee;
    for (int k = 0; k < nargs; ++k) with_self[static_cast<size_t>(k) + 1] = args[k];
    int n = nargs + 1;
    if (apply_to) {
      with_self[1] = nargs == 0 ? Value::nil() : list_from(heap, with_self.data() + 1, static_cast<size_t>(nargs));
      n = 2;
    }
    push_frame();
    return tail_call(inv, with_self.data(), n);
  } else if (is_vector(callee)) {
    if (nargs != 1) arity_error(nargs, value_type_name(callee));
    if (!is_long(args[0])) throw_error(ErrorKind::IllegalArgumentException, "Key must be integer");
    // The index as a Java int, as APersistentVector.invoke takes it (intValue: the low
    // 32 bits), so (v 4294967301) is (v 5) there too.
    r = nth(*this, callee, static_cast<int32_t>(static_cast<uint32_t>(as_long(args[0]))));
  } else if (is<Symbol>(callee)) {  // ('a m) looks 'a up in m, as a keyword does
    if (nargs < 1 || nargs > 2) arity_error(nargs, "clojure.lang.Symbol");
    r = get(*this, args[0], callee, args.at_or(1, Value::nil()));
  } else if (is_map(callee) || is_set(callee) || is_transient(callee)) {
    if (nargs < 1 || nargs > 2) arity_error(nargs, value_type_name(callee));
    r = get(*this, callee, args[0], args.at_or(1, Value::nil()));
  } else {
    if (is_unbound_value(*this, callee)) throw_unbound_call(callee);  // an unbound var's value
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class clojure.lang.IFn", value_type_name(callee)));
  }
  push_frame();
  return r;
}

Value Interpreter::call(Value fn, const Value* args, int nargs) {
  check_native_stack(limits.native_stack_reserve);
  Fiber* f = fiber_;
  size_t saved_base = f->base, saved_top = f->top, saved_handlers = f->handlers.size();
  uint32_t saved_depth = f->depth;
  // Copy first: `args` may point into the stack, which ensure() may move.
  ArgsCopy copy(args, nargs);
  const Value* src = copy.data();
  size_t nb = saved_top + kCallHeader;
  f->ensure(saved_top, kCallHeader + nargs + 8);
  Value* S = f->stack.data();
  S[nb - 3] = fn;
  S[nb - 2] = make_link(saved_base, 0);
  S[nb - 1] = Value::internal(Fiber::kNoFrame);
  for (int k = 0; k < nargs; ++k) S[nb + k] = src[k];
  f->top = nb + nargs;
  f->boundary_pcs.push_back(f->pc);
  auto restore = [&] {
    // run() ends on the fiber it started on (dispatch.cpp, invariant 7).
    f->base = saved_base;
    f->top = saved_top;
    f->depth = saved_depth;
    f->pc = f->boundary_pcs.back();
    f->boundary_pcs.pop_back();
    f->handlers.resize(saved_handlers);
  };
  try {
    Value r = run(saved_handlers, fn, nb, nargs);
    restore();
    return r;
  } catch (const VMAbort&) {
    restore();
    throw;
  } catch (...) {
    Value exc = exception_from_current(std::current_exception());
    restore();
    last_exception_ = exc;
    throw CloveError(exception_kind(exc), exception_message(exc), exc);
  }
}

void Interpreter::unwind_frames(Fiber* f, size_t stop_base, Value exc) {
  for (size_t b = f->base; b > stop_base && b >= Fiber::kFirstBase;) {
    uint64_t ret = f->stack[b - 1].as_internal();
    size_t prev = link_prev_base(f->stack[b - 2]);
    if (ret == Fiber::kNoFrame) break;  // the boundary of this run: outer frames stay
    if (ret == Fiber::kContinue) {
      size_t ntop = b - kCallHeader;
      auto hook = reinterpret_cast<NativeUnwind>(f->stack[ntop - 2].as_internal());
      if (hook) hook(*this, f->stack[ntop - 1], exc);
    }
    b = prev;
  }
}

void Interpreter::check_can_yield(Fiber* f) {
  if (!f->resumer)
    throw_error(ErrorKind::IllegalStateException,
                "fiber/yield outside of a fiber: the root fiber has no resumer to yield to");
  if (f->boundary_pcs.empty()) return;
  // Find the innermost C++ boundary; the frame below it belongs to whoever called
  // back into Clove from C++ (a native that is not stackless, or the compiler).
  std::string who = "C++ code";
  size_t boundary = f->boundary_pcs.size();
  for (size_t b = f->base; b >= Fiber::kFirstBase;) {
    size_t prev = link_prev_base(f->stack[b - 2]);
    if (f->stack[b - 1].as_internal() == Fiber::kNoFrame) {
      if (prev >= Fiber::kFirstBase) {
        Value below = f->stack[prev - 3];
        if (Native* n = as<Native>(below)) {
          who = std::string(n->name->view());
        } else if (Closure* c = as<Closure>(below)) {
          // An instruction of a Clove function (equality or hashing inlined as EQ, GET, ...).
          Proto* p = arity_proto(c->fn, link_arity(f->stack[prev - 2]));
          uint32_t pc = f->boundary_pcs[boundary - 1];
          if (pc < p->code.size())
            who = fmt::format("the {} instruction in {}", op_info(static_cast<Op>(original_instr(p, static_cast<uint32_t>(pc)) & 0xFF)).name,
                              p->name ? std::string(p->name->view()) : "an anonymous fn");
        }
      }
      break;
    }
    b = prev;
  }
  throw_error(ErrorKind::IllegalStateException,
              fmt::format("cannot yield across a C++ frame: {} called back into Clove and cannot be suspended "
                          "(see docs/design/vm.md, \"Stackless natives\")",
                          who));
}

void Interpreter::throw_closure_arity(Closure* c, int nargs) {
  arity_error(nargs, c->fn->name ? std::string(c->fn->name->view()) : "fn");
}

void Interpreter::throw_depth_exceeded() {
  throw_error(ErrorKind::StackOverflowError,
              fmt::format("call depth exceeded the limit of {} frames", limits.max_depth));
}

void Interpreter::throw_unbound(Var* v) {
  throw_error(ErrorKind::IllegalStateException,
              fmt::format("Attempting to call unbound fn: #'{}/{}", v->ns->name->str(), v->sym->str()));
}

void Interpreter::throw_value(Value exc) {
  if (Exception* e = as<Exception>(exc)) throw CloveError(e->kind, e->message ? std::string(e->message->view()) : "", exc);
  if (exc.is_nil()) throw_error(ErrorKind::NullPointerException, "Cannot throw nil");
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class java.lang.Throwable", value_type_name(exc)));
}

ErrorKind Interpreter::exception_kind(Value exc) const {
  if (Exception* e = as<Exception>(exc)) return e->kind;
  return ErrorKind::RuntimeException;
}

std::string Interpreter::exception_message(Value exc) const {
  if (Exception* e = as<Exception>(exc)) return e->message ? std::string(e->message->view()) : "";
  return "";
}

Exception* Interpreter::make_exception(ErrorKind kind, std::string_view message) {
  return heap.make<Exception>(kind, make_string(heap, message));
}

namespace {

/// The leaf native that instruction pc of a frame (registers R, arity p) is running
/// without a frame: a CALL or TAILCALL whose callee register still holds a leaf native
/// (the result replaces it only on return), a LEAFCALL whose var holds one, or a CALL1
/// whose callee register holds one taking one argument; else null.
/// A CALL from a frame with spill slots gives the leaf a frame of its own (its window
/// is moved above the frame: the CALL handler's window_moved), which the trace shows.
const Native* frameless_leaf(const Value* R, const Proto* p, uint64_t pc) {
  if (pc >= p->code.size()) return nullptr;
  Instr i = p->code[pc];
  const Native* n = nullptr;
  const bool window_moved = p->framesize > static_cast<uint32_t>(kMaxRegisters);
  if ((op_of(i) == Op::CALL && !window_moved) || op_of(i) == Op::TAILCALL) {
    n = as<Native>(R[arg_a(i)]);
  } else if (op_of(i) == Op::LEAFCALL && arg_c(i) < p->constants.size()) {
    if (const Var* v = as<Var>(p->constants[arg_c(i)])) n = as<Native>(v->root);
  } else if (op_of(i) == Op::CALL1) {
    n = as<Native>(R[arg_c(i)]);
    if (n && !n->accepts(1)) n = nullptr;  // called out of line, in a frame of its own
  }
  return n && n->leaf ? n : nullptr;
}

}  // namespace

std::vector<TraceEntry> Interpreter::capture_trace() const {
  // The running fiber's frames, then those of each fiber waiting in fiber/resume for
  // it: an error that crosses fibers shows all of them.
  std::vector<TraceEntry> out;
  for (const Fiber* f = fiber_; f; f = f->resumer) {
    size_t b = f->base;
    uint64_t pc = f->pc;  // the executing instruction of the innermost frame
    size_t boundary = f->boundary_pcs.size();
    while (b >= Fiber::kFirstBase) {
      Value callee = f->stack[b - 3];
      Value link = f->stack[b - 2];
      uint64_t ret = frame_return_pc(f->stack, b);
      TraceEntry e{nullptr, {}};
      if (Closure* c = as<Closure>(callee)) {
        Proto* p = arity_proto(c->fn, link_arity(link));
        // A leaf native this frame is running without a frame of its own (CALL,
        // TAILCALL or LEAFCALL of a Native::leaf) shows as if it had one.
        if (const Native* leaf = frameless_leaf(f->stack.data() + b, p, pc)) out.push_back(TraceEntry{leaf->name, {}});
        e.fn_name = p->name ? p->name : c->fn->name;
        if (pc < p->positions.size()) e.pos = p->positions[pc];
      } else if (Native* n = as<Native>(callee)) {
        e.fn_name = n->name;
      }
      out.push_back(e);
      b = link_prev_base(link);
      if (ret == Fiber::kNoFrame)
        pc = boundary > 0 ? f->boundary_pcs[--boundary] : 0;
      else
        pc = ret - 1;  // the CALL (for a sentinel the frame below is a native or none)
    }
  }
  return out;
}

Value Interpreter::loop_exception(std::exception_ptr ep) {
  Value exc = exception_from_current(ep);
  // The loop's catch calls this before it unwinds: the debugger (vm/debugger.h) may
  // stop where the exception was thrown, with every frame still there.
  if (debugger_) [[unlikely]] {
    request_break_pending_ = false;
    if (debugger_->wants_exceptions()) {
      RootScope roots(heap);
      roots.push(exc);
      debug_exception(fiber_, exc);
    }
  }
  return exc;
}

Value Interpreter::exception_from_current(std::exception_ptr ep) {
  // An OutOfMemoryError of the memory cap is made even when the cap's reserve is used up.
  Heap::CapLifted uncapped(heap);
  Exception* x = nullptr;
  try {
    std::rethrow_exception(ep);
  } catch (CloveError& ce) {
    if (Exception* e = as<Exception>(ce.payload)) {
      x = e;
    } else {
      x = make_exception(ce.kind, ce.what());
      // An error raised without a message (Java's `new IndexOutOfBoundsException()`)
      // has a nil ex-message, as on the JVM.
      if (ce.what()[0] == '\0') x->message = nullptr;
    }
  } catch (Diagnostic& d) {
    // A macro's own error becomes the cause; nothing between its throw and here
    // allocates, so its exception object is still there to root.
    RootScope roots(heap);
    size_t cause = roots.push(d.cause ? exception_from_current(d.cause) : Value::nil());
    x = make_exception(d.is_reader() ? ErrorKind::ReaderException : ErrorKind::CompilerException,
                       render_diagnostic(d, sources));
    x->cause = roots[cause];
    heap.barrier(x, x->cause);
  } catch (std::bad_alloc&) {
    x = make_exception(ErrorKind::OutOfMemoryError, "out of memory");
  } catch (std::exception& e) {
    x = make_exception(ErrorKind::RuntimeException, e.what());
  } catch (...) {
    x = make_exception(ErrorKind::RuntimeException, "unknown C++ exception");
  }
  if (x->frames.empty() && x->frames_elided == 0) {
    std::vector<TraceEntry> all = capture_trace();
    if (all.size() > Exception::kMaxTrace) {
      size_t keep_head = Exception::kMaxTrace - 8;
      x->frames.assign(all.begin(), all.begin() + keep_head);
      x->frames.insert(x->frames.end(), all.end() - 8, all.end());
      x->frames_elided = static_cast<uint32_t>(all.size() - Exception::kMaxTrace);
    } else {
      x->frames = std::move(all);
    }
    // Never throws: this may be the OutOfMemoryError of a memory cap being made.
    heap.recount_external(x->frames_counted, x->frames.capacity() * sizeof(TraceEntry));
  }
  return Value::object(x);
}

std::string Interpreter::format_exception(Value exc) const {
  Exception* e = as<Exception>(exc);
  if (!e) return "Execution error: (not an exception)";
  // Printing the data may run Clove code (realizing lazy seqs) and so collect.
  auto& self = const_cast<Interpreter&>(*this);
  RootScope roots(self.heap);
  roots.push(exc);
  std::string msg = e->message ? std::string(e->message->view()) : "";
  SourcePos where{};
  std::string at_name;
  for (const TraceEntry& t : e->frames) {
    if (t.pos.known()) {
      where = t.pos;
      at_name = t.fn_name ? std::string(t.fn_name->view()) : "<top level>";
      break;
    }
  }
  std::string out;
  if (e->kind == ErrorKind::CompilerException || e->kind == ErrorKind::ReaderException) {
    out = msg;
  } else if (where.known()) {
    out = fmt::format("Execution error ({}) at {} ({}).\n{}", error_short_name(e->kind), at_name,
                      sources.format(where), msg);
  } else {
    out = fmt::format("Execution error ({}).\n{}", error_short_name(e->kind), msg);
  }
  if (e->kind == ErrorKind::ExceptionInfo && !e->data.is_nil()) {
    // The report must not fail: even a host's interrupt only cuts the data short.
    try {
      out += "\ndata: " + pr_str_report(self, e->data);
    } catch (const std::exception& x) {
      out += fmt::format("\ndata: #<unprintable: {}>", x.what());
    }
  }
  size_t k = 0;
  for (const TraceEntry& t : e->frames) {
    std::string name = t.fn_name ? std::string(t.fn_name->view()) : "<top level>";
    out += fmt::format("\n    at {} ({})", name, t.pos.known() ? sources.format(t.pos) : "native");
    if (++k == Exception::kMaxTrace - 8 && e->frames_elided)
      out += fmt::format("\n    ... {} more frames ...", e->frames_elided);
  }
  std::string snip = sources.snippet(where);
  if (!snip.empty()) out += "\n" + snip;
  return out;
}

}  // namespace clove
