// stack_guard.cpp: finds this thread's stack bounds once (pthread_getattr_np, which
// also covers the main thread) and compares the current stack pointer against them.
#include "core/stack_guard.h"

#include <pthread.h>

#include "core/error.h"

namespace clove {

namespace stack_detail {
thread_local constinit uintptr_t t_stack_low = kUnknownLow;
}  // namespace stack_detail

namespace {

/// The lowest usable stack address of this thread, or 0 if it cannot be found.
uintptr_t find_stack_low() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* addr = nullptr;
  size_t size = 0;
  uintptr_t low = 0;
  if (pthread_attr_getstack(&attr, &addr, &size) == 0 && addr)
    low = reinterpret_cast<uintptr_t>(addr);
  pthread_attr_destroy(&attr);
  return low;
}

uintptr_t stack_low() {
  using stack_detail::t_stack_low;
  if (t_stack_low == stack_detail::kUnknownLow) t_stack_low = find_stack_low();
  return t_stack_low;
}

}  // namespace

size_t native_stack_remaining() {
  uintptr_t low = stack_low();
  if (low == 0) return SIZE_MAX;
  auto sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  return sp > low ? sp - low : 0;
}

void stack_detail::check_native_stack_slow(size_t reserve) {
  if (native_stack_remaining() < reserve)
    throw_error(ErrorKind::StackOverflowError, "C++ stack exhausted (nesting too deep)");
}

}  // namespace clove
