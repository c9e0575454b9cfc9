// stack_guard.h: protection of the C++ stack.
//
// The VM itself never recurses on the C++ stack for Clove calls (SPEC V3), but some
// C++ code is recursive by nature: the reader on nested forms, the compiler on
// nested expressions, the printer and equality on nested data, and natives that call
// back into Clove (each re-entry runs a new dispatch loop). They call
// check_native_stack() at each level; when the thread's stack is nearly used up it
// throws a catchable StackOverflowError instead of letting the process crash.
#pragma once
#include <cstddef>

namespace clove {

/// Bytes of C++ stack still free below the current frame on this thread (an estimate).
size_t native_stack_remaining();

#if defined(__SANITIZE_ADDRESS__)
/// AddressSanitizer's redzones make frames several times larger.
inline constexpr size_t kDefaultStackReserve = 1024 * 1024;
#else
inline constexpr size_t kDefaultStackReserve = 256 * 1024;
#endif

/// Throws StackOverflowError (CloveError) when less than `reserve` bytes remain.
void check_native_stack(size_t reserve = kDefaultStackReserve);

}  // namespace clove
