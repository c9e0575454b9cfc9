// call.cpp: entering frames, calling natives and callable values, calls from C++,
// and turning C++ exceptions into Clove exceptions with traces.
#include <cstring>

#include <fmt/format.h>

#include "core/stack_guard.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/array_seq.h"
#include "runtime/coll/transient.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "vm/interpreter.h"
#include "vm/enter.h"

namespace clove {

namespace {
[[noreturn]] void arity_error(int nargs, const std::string& name) {
  throw_error(ErrorKind::ArityException, fmt::format("Wrong number of args ({}) passed to: {}", nargs, name));
}
}  // namespace

Value Interpreter::call_non_closure(Fiber* f, Value callee, size_t newbase, int nargs, uint32_t ret_pc) {
  Args args(&f->stack, newbase, nargs);
  if (Native* n = as<Native>(callee)) {
    if (nargs < n->min_args || (n->max_args >= 0 && nargs > n->max_args))
      arity_error(nargs, std::string(n->name->view()));
    if (f->depth >= limits.max_depth) [[unlikely]]
      throw_depth_exceeded();
    size_t saved_base = f->base, saved_top = f->top;
    f->stack[newbase - 3] = callee;
    f->stack[newbase - 2] = make_link(saved_base, 0);
    f->stack[newbase - 1] = Value::internal(ret_pc);
    f->base = newbase;
    f->top = newbase + nargs;
    ++f->depth;
    Value r;
    try {
      r = n->fn(*this, args);
    } catch (...) {
      // Build the exception while the native's frame is still on the stack, so the
      // trace names it; then drop the frame and rethrow.
      Value exc = exception_from_current(std::current_exception());
      f->base = saved_base;
      f->top = saved_top;
      --f->depth;
      throw CloveError(exception_kind(exc), exception_message(exc), exc);
    }
    f->base = saved_base;
    f->top = saved_top;
    --f->depth;
    return r;
  }
  if (Var* v = as<Var>(callee)) {
    if (!v->bound) throw_unbound(v);
    std::vector<Value> copy(nargs);
    for (int k = 0; k < nargs; ++k) copy[k] = args[k];
    return call(v->root, copy.data(), nargs);
  }
  if (is<Keyword>(callee)) {
    if (nargs < 1 || nargs > 2) arity_error(nargs, static_cast<Keyword*>(callee.as_obj())->str());
    return get(*this, args[0], callee, args.at_or(1, Value::nil()));
  }
  if (is_map(callee) || is_set(callee) || is_transient(callee)) {
    if (nargs < 1 || nargs > 2) arity_error(nargs, value_type_name(callee));
    return get(*this, callee, args[0], args.at_or(1, Value::nil()));
  }
  if (is_vector(callee)) {
    if (nargs != 1) arity_error(nargs, value_type_name(callee));
    if (!is_long(args[0])) throw_error(ErrorKind::IllegalArgumentException, "Key must be integer");
    return nth(*this, callee, as_long(args[0]));
  }
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class clojure.lang.IFn", value_type_name(callee)));
}

Value Interpreter::call(Value fn, const Value* args, int nargs) {
  check_native_stack(limits.native_stack_reserve);
  Fiber* f = fiber_;
  size_t saved_base = f->base, saved_top = f->top, saved_handlers = f->handlers.size();
  uint32_t saved_depth = f->depth;
  // Copy first: `args` may point into the stack, which ensure() may move.
  Value small[8];
  std::vector<Value> big;
  const Value* src = args;
  if (nargs <= 8) {
    for (int k = 0; k < nargs; ++k) small[k] = args[k];
    src = small;
  } else {
    big.assign(args, args + nargs);
    src = big.data();
  }
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
    f->base = saved_base;
    f->top = saved_top;
    f->depth = saved_depth;
    f->pc = f->boundary_pcs.back();
    f->boundary_pcs.pop_back();
    f->handlers.resize(saved_handlers);
  };
  try {
    Value r;
    if (Closure* c = as<Closure>(fn)) {
      enter_closure(f, c, nb, nargs, saved_base, Fiber::kNoFrame);
      f->pc = 0;
      r = run(saved_handlers);
    } else {
      r = call_non_closure(f, fn, nb, nargs, static_cast<uint32_t>(Fiber::kNoFrame));
    }
    restore();
    return r;
  } catch (...) {
    Value exc = exception_from_current(std::current_exception());
    restore();
    last_exception_ = exc;
    throw CloveError(exception_kind(exc), exception_message(exc), exc);
  }
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

std::vector<TraceEntry> Interpreter::capture_trace() const {
  std::vector<TraceEntry> out;
  const Fiber* f = fiber_;
  size_t b = f->base;
  uint64_t pc = f->pc;  // the executing instruction of the innermost frame
  size_t boundary = f->boundary_pcs.size();
  while (b >= 3) {
    Value callee = f->stack[b - 3];
    Value link = f->stack[b - 2];
    uint64_t ret = f->stack[b - 1].as_internal();
    TraceEntry e{nullptr, {}};
    if (Closure* c = as<Closure>(callee)) {
      Proto* p = arity_proto(c->fn, link_arity(link));
      e.fn_name = p->name ? p->name : c->fn->name;
      if (pc < p->positions.size()) e.pos = p->positions[pc];
    } else if (Native* n = as<Native>(callee)) {
      e.fn_name = n->name;
    }
    out.push_back(e);
    b = link_prev_base(link);
    if (ret != Fiber::kNoFrame)
      pc = ret - 1;  // the CALL
    else
      pc = boundary > 0 ? f->boundary_pcs[--boundary] : 0;
  }
  return out;
}

Value Interpreter::exception_from_current(std::exception_ptr ep) {
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
    x = make_exception(d.is_reader() ? ErrorKind::ReaderException : ErrorKind::CompilerException,
                       render_diagnostic(d, sources));
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
  }
  return Value::object(x);
}

std::string Interpreter::format_exception(Value exc) const {
  Exception* e = as<Exception>(exc);
  if (!e) return "Execution error: (not an exception)";
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
  if (e->kind == ErrorKind::ExceptionInfo && !e->data.is_nil())
    out += "\ndata: " + pr_str(const_cast<Interpreter&>(*this), e->data);
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
