// errors.cpp: clove::Error and the crossings of api/errors.h.
#include "api/errors.h"

#include <cstring>

#include <fmt/format.h>

#include "api/handles.h"
#include "runtime/lang/exception.h"

namespace clove {

Error::Error(std::string class_name, std::string message, Handle exception, Handle data,
             std::vector<StackFrame> trace, std::string report, bool aborted)
    : std::runtime_error(fmt::format("{}: {}", class_name, message)),
      class_name_(std::move(class_name)),
      message_(std::move(message)),
      exception_(std::move(exception)),
      data_(std::move(data)),
      trace_(std::move(trace)),
      report_(std::move(report)),
      aborted_(aborted) {}

namespace detail {

namespace {
StackFrame frame_of(Runtime& rt, const TraceEntry& t) {
  StackFrame f;
  if (t.fn_name) f.function = std::string(t.fn_name->view());
  if (t.pos.file) f.file = rt.sources.name(t.pos.file);
  f.line = static_cast<int>(t.pos.line);
  f.column = static_cast<int>(t.pos.col);
  return f;
}
}  // namespace

Error public_error(Runtime& rt, const CloveError& e, bool aborted) {
  VM* vm = rt.host_vm;
  auto handle = [&](Value v) { return vm ? HandleAccess::make(*vm, v) : Handle(); };
  if (Exception* x = as<Exception>(e.payload)) {
    std::vector<StackFrame> trace;
    for (const TraceEntry& t : x->frames) trace.push_back(frame_of(rt, t));
    return Error(error_class_name(x->kind), x->message ? std::string(x->message->view()) : std::string(),
                 handle(e.payload), handle(x->data), std::move(trace), rt.format_exception(e.payload), aborted);
  }
  std::string report = fmt::format("Execution error ({}).\n{}", error_short_name(e.kind), e.what());
  return Error(error_class_name(e.kind), e.what(), handle(Value::nil()), handle(Value::nil()), {},
               std::move(report), aborted);
}

Error public_error(Runtime& rt, const Diagnostic& d) {
  VM* vm = rt.host_vm;
  const bool reader = std::strncmp(diag_kind_name(d.kind), "reader", 6) == 0;
  std::vector<StackFrame> trace;
  if (d.pos.known()) trace.push_back(frame_of(rt, TraceEntry{nullptr, d.pos}));
  Handle nil = vm ? HandleAccess::make(*vm, Value::nil()) : Handle();
  return Error(error_class_name(reader ? ErrorKind::ReaderException : ErrorKind::CompilerException), d.what(), nil,
               nil, std::move(trace), render_diagnostic(d, rt.sources), false);
}

void throw_public(Runtime& rt, ErrorKind kind, const std::string& message) {
  throw public_error(rt, CloveError(kind, message), false);
}

void rethrow_in_clove(Runtime& rt, const char* native_name) {
  try {
    throw;
  } catch (const CloveError&) {
    throw;
  } catch (const Diagnostic&) {
    throw;
  } catch (const Error& e) {
    ErrorKind kind = ErrorKind::RuntimeException;
    error_kind_from_name(e.class_name(), &kind);
    if (e.aborted()) throw VMAbort(kind, e.message());
    Value exc = e.exception().alive() ? HandleAccess::value(e.exception()) : Value::nil();
    if (is<Exception>(exc)) throw CloveError(kind, e.message(), exc);
    throw_error(kind, e.message());
  } catch (const std::exception& e) {
    throw_error(ErrorKind::RuntimeException, fmt::format("{} (thrown by the native {})", e.what(), native_name));
  } catch (...) {
    throw_error(ErrorKind::RuntimeException, fmt::format("a C++ exception thrown by the native {}", native_name));
  }
}

}  // namespace detail
}  // namespace clove
