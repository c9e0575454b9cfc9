// stack_guard.cpp: finds this thread's stack bounds once and compares the current
// stack pointer against them. The main thread's come from its resource limit and the
// top of its stack (main_stack_low); other threads' from pthread_getattr_np.
#include "core/stack_guard.h"

#include <pthread.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstring>

#include "core/error.h"

namespace clove {

namespace stack_detail {
thread_local constinit uintptr_t t_stack_low = kUnknownLow;
}  // namespace stack_detail

uintptr_t stack_detail::main_stack_low() {
  if (getpid() != gettid()) return 0;
  rlimit rl{};
  // A limit of 128 MiB or more may let the kernel put mappings closer than that below
  // the stack (the gap it keeps under the stack is the limit clamped to 128 MiB and up).
  if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= (rlim_t{128} << 20))
    return 0;
  const char* execfn = reinterpret_cast<const char*>(getauxval(AT_EXECFN));
  if (!execfn) return 0;
  // The kernel copies the program's name first, ending one pointer below the top of the
  // stack's mapping (fs/exec.c), which is page-aligned.
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  uintptr_t top = (reinterpret_cast<uintptr_t>(execfn) + std::strlen(execfn) + 1 + sizeof(void*) + page - 1) & ~(page - 1);
  uintptr_t size = static_cast<uintptr_t>(rl.rlim_cur) & ~(page - 1);
  auto sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  if (size == 0 || top < size || sp >= top || sp < top - size) return 0;  // not the layout expected
  return top - size;
}

namespace {

/// The lowest usable stack address of this thread, or 0 if it cannot be found. On the
/// main thread, glibc's pthread_getattr_np reads /proc/self/maps with sscanf (about
/// 0.1 ms and 5 page faults at every start of `clove`); main_stack_low computes the same
/// bounds from the stack's resource limit.
uintptr_t find_stack_low() {
  if (uintptr_t low = stack_detail::main_stack_low()) return low;
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
