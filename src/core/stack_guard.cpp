// stack_guard.cpp: finds this thread's stack bounds once (pthread_getattr_np, which
// also covers the main thread) and compares the current stack pointer against them.
#include "core/stack_guard.h"

#include <pthread.h>

#include <cstdint>

#include "core/error.h"

namespace clove {

namespace {
struct Bounds {
  uintptr_t low = 0;  // lowest usable address (stacks grow down on x86-64 and arm64)
  bool known = false;
};

Bounds compute_bounds() {
  Bounds b;
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return b;
  void* addr = nullptr;
  size_t size = 0;
  if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr) {
    b.low = reinterpret_cast<uintptr_t>(addr);
    b.known = true;
  }
  pthread_attr_destroy(&attr);
  return b;
}

thread_local Bounds t_bounds = compute_bounds();
}  // namespace

size_t native_stack_remaining() {
  if (!t_bounds.known) return SIZE_MAX;
  char probe;
  auto sp = reinterpret_cast<uintptr_t>(&probe);
  return sp > t_bounds.low ? sp - t_bounds.low : 0;
}

void check_native_stack(size_t reserve) {
  if (native_stack_remaining() < reserve)
    throw_error(ErrorKind::StackOverflowError, "C++ stack exhausted (nesting too deep)");
}

}  // namespace clove
