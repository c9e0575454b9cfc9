// bits.h: bit tricks the collections use on their hot paths.
#pragma once
#include <cstdint>

namespace clove {

/// Number of set bits in x (0..32). The HAMT (Bagwell 2001) computes a child's slot as
/// popcount(bitmap & (bit - 1)) on every step of every lookup. std::popcount compiles
/// to a call into libgcc's table-driven routine unless the build targets a CPU with the
/// POPCNT instruction; this branch-free SWAR count (Hacker's Delight, 2nd ed., fig. 5-2)
/// stays inline on every x86-64 and takes about as long as that call's setup.
constexpr uint32_t popcount32(uint32_t x) {
#if defined(__POPCNT__)
  return static_cast<uint32_t>(__builtin_popcount(x));
#else
  x = x - ((x >> 1) & 0x55555555u);
  x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
  x = (x + (x >> 4)) & 0x0F0F0F0Fu;
  return (x * 0x01010101u) >> 24;
#endif
}

static_assert(popcount32(0) == 0 && popcount32(1) == 1 && popcount32(0xFFFFFFFFu) == 32 &&
              popcount32(0x80000001u) == 2 && popcount32(0x0F0F0F0Fu) == 16);

}  // namespace clove
