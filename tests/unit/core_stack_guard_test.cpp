// The C++ stack guard's bounds (core/stack_guard.h).
#include <gtest/gtest.h>
#include <pthread.h>
#include <sys/resource.h>

#include <cstdint>
#include <thread>

#include "core/stack_guard.h"

namespace clove {
namespace {

/// The lowest stack address glibc reports for this thread (it reads /proc/self/maps
/// for the main thread).
uintptr_t glibc_stack_low() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* addr = nullptr;
  size_t size = 0;
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  return reinterpret_cast<uintptr_t>(addr);
}

// GoogleTest runs tests on the process's main thread.
TEST(StackGuard, MainThreadBoundsAgreeWithGlibc) {
  rlimit rl{};
  ASSERT_EQ(getrlimit(RLIMIT_STACK, &rl), 0);
  if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= (rlim_t{128} << 20)) GTEST_SKIP() << "no usable stack limit";
  uintptr_t ours = stack_detail::main_stack_low();
  uintptr_t glibc = glibc_stack_low();
  ASSERT_NE(ours, 0u);
  ASSERT_NE(glibc, 0u);
  // glibc takes the top from the [stack] mapping; we find it from the program's name,
  // which the kernel copies there. Both subtract the same limit.
  EXPECT_EQ(ours, glibc);
  auto sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  EXPECT_LT(ours, sp);
  EXPECT_GT(native_stack_remaining(), size_t{64} << 10);
  EXPECT_LT(native_stack_remaining(), static_cast<size_t>(rl.rlim_cur));
}

TEST(StackGuard, OtherThreadsUseTheirOwnStack) {
  uintptr_t fast = 1, glibc = 0;
  size_t remaining = 0;
  std::thread t([&] {
    fast = stack_detail::main_stack_low();
    glibc = glibc_stack_low();
    remaining = native_stack_remaining();
  });
  t.join();
  EXPECT_EQ(fast, 0u);  // not the main thread: the main thread's limit says nothing of it
  ASSERT_NE(glibc, 0u);
  EXPECT_GT(remaining, size_t{64} << 10);
}

}  // namespace
}  // namespace clove
