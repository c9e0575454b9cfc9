// stack_guard.h: protection of the C++ stack.
//
// The VM itself never recurses on the C++ stack for Clove calls (SPEC V3), but some
// C++ code is recursive by nature: the reader on nested forms, the compiler on
// nested expressions, the printer, equality, hashing and compare on nested data, and
// natives that call back into Clove (each re-entry runs a new dispatch loop). They call
// check_native_stack() at each level; when the thread's stack is nearly used up it
// throws a catchable StackOverflowError instead of letting the process crash.
#pragma once
#include <cstddef>
#include <cstdint>

namespace clove {

/// Bytes of C++ stack still free below the current frame on this thread (an estimate).
size_t native_stack_remaining();

#if defined(__SANITIZE_ADDRESS__)
/// AddressSanitizer's redzones make frames several times larger.
inline constexpr size_t kDefaultStackReserve = 1024 * 1024;
#else
inline constexpr size_t kDefaultStackReserve = 256 * 1024;
#endif

namespace stack_detail {
/// Not yet looked up: above every stack address of a Linux process, so the first check
/// on a thread takes the slow path, which looks the bounds up.
inline constexpr uintptr_t kUnknownLow = UINTPTR_MAX / 2;
/// The lowest usable address of this thread's stack (stacks grow down on x86-64 and
/// arm64); 0 when the bounds cannot be found (then nothing is checked).
extern thread_local constinit uintptr_t t_stack_low;
/// The lowest usable address of the main thread's stack, from RLIMIT_STACK and the top
/// of the stack (found from AT_EXECFN, which the kernel puts there); 0 on another thread,
/// with no or a very large limit, or when the layout is not the expected one. The same
/// bounds pthread_getattr_np finds by reading /proc/self/maps.
uintptr_t main_stack_low();
/// Looks the bounds up if needed and throws when less than `reserve` bytes remain.
[[gnu::cold]] void check_native_stack_slow(size_t reserve);
}  // namespace stack_detail

/// Throws StackOverflowError (CloveError) when less than `reserve` bytes remain. Inline
/// and cheap (one comparison of the frame address), for a call at every level of a
/// recursion over nested data.
inline void check_native_stack(size_t reserve = kDefaultStackReserve) {
  auto sp = reinterpret_cast<uintptr_t>(__builtin_frame_address(0));
  if (sp < stack_detail::t_stack_low + reserve) [[unlikely]]
    stack_detail::check_native_stack_slow(reserve);
}

}  // namespace clove
