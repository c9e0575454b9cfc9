// exception.h: the Clove exception object (Throwable and its subclasses, ex-info).
//
// `kind` is the class (core/error.h); `data` is the ex-info map (nil otherwise);
// `frames` is captured where the exception is first thrown: one entry per Clove frame,
// innermost first.
#pragma once
#include <vector>

#include "core/error.h"
#include "core/source.h"
#include "gc/heap.h"
#include "core/object.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

struct Exception : Obj {
  static constexpr ObjType kType = ObjType::Exception;
  ErrorKind kind;
  String* message;  // may be null
  Value data;       // ex-data
  Value cause;      // ex-cause
  std::vector<TraceEntry> frames;  // innermost first; at most kMaxTrace kept
  uint32_t frames_elided = 0;      // frames left out in the middle of a deep stack
  size_t frames_counted = 0;       // bytes of `frames` counted in the heap (Heap::add_external)
  static constexpr size_t kMaxTrace = 48;
  size_t external_bytes() const { return frames_counted; }
  Exception(ErrorKind k, String* m) : Obj(kType), kind(k), message(m) {}
  void trace(Tracer& t) {
    t.mark(message);
    t.mark(data);
    t.mark(cause);
    for (TraceEntry& e : frames) t.mark(e.fn_name);
  }
  size_t byte_size() const { return sizeof(Exception) + frames.capacity() * sizeof(TraceEntry); }
};

/// Registers Exception with the type table; an exception's class is its kind's
/// (java.lang.ArithmeticException, clojure.lang.ExceptionInfo, ...).
void register_exception_type(TypeInfo* table);

}  // namespace clove
