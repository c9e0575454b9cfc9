// murmur3.h: the 32-bit MurmurHash3 mixing steps, exactly as clojure.lang.Murmur3
// uses them (Appleby 2011), so Clove's `hash` gives Clojure's numbers.
#pragma once
#include <cstdint>

namespace clove::murmur3 {

inline constexpr uint32_t kC1 = 0xcc9e2d51u;
inline constexpr uint32_t kC2 = 0x1b873593u;

inline uint32_t rotl(uint32_t x, int r) { return (x << r) | (x >> (32 - r)); }
inline uint32_t mix_k1(uint32_t k1) { return rotl(k1 * kC1, 15) * kC2; }
inline uint32_t mix_h1(uint32_t h1, uint32_t k1) { return rotl(h1 ^ k1, 13) * 5 + 0xe6546b64u; }
inline uint32_t fmix(uint32_t h1, uint32_t length) {
  h1 ^= length;
  h1 ^= h1 >> 16;
  h1 *= 0x85ebca6bu;
  h1 ^= h1 >> 13;
  h1 *= 0xc2b2ae35u;
  h1 ^= h1 >> 16;
  return h1;
}
/// Murmur3.hashInt.
inline uint32_t hash_int(int32_t input) {
  if (input == 0) return 0;
  return fmix(mix_h1(0, mix_k1(static_cast<uint32_t>(input))), 4);
}
/// Murmur3.hashLong.
inline uint32_t hash_long(int64_t input) {
  if (input == 0) return 0;
  auto u = static_cast<uint64_t>(input);
  uint32_t h1 = mix_h1(0, mix_k1(static_cast<uint32_t>(u)));
  h1 = mix_h1(h1, mix_k1(static_cast<uint32_t>(u >> 32)));
  return fmix(h1, 8);
}
/// Murmur3.mixCollHash: the final step of hash-ordered-coll / hash-unordered-coll.
inline uint32_t mix_coll_hash(uint32_t hash, uint32_t count) {
  return fmix(mix_h1(0, mix_k1(hash)), count);
}
/// clojure.lang.Util.hashCombine(seed, h) (boost::hash_combine in Java int arithmetic;
/// not Murmur3, but used beside it for symbols and `hash-combine`).
inline uint32_t hash_combine(uint32_t seed, uint32_t h) {
  auto sseed = static_cast<int32_t>(seed);
  return seed ^ (h + 0x9e3779b9u + (seed << 6) + static_cast<uint32_t>(sseed >> 2));
}

}  // namespace clove::murmur3
