// bitset.h: a growable set of small non-negative integers (vregs, registers), used by
// the dataflow passes.
#pragma once
#include <bit>
#include <cstdint>
#include <vector>

namespace clove {

class BitSet {
 public:
  BitSet() = default;
  explicit BitSet(int n) : words_((n + 63) / 64, 0), n_(n) {}
  int capacity() const { return n_; }
  bool test(int i) const { return (words_[i >> 6] >> (i & 63)) & 1; }
  void set(int i) { words_[i >> 6] |= uint64_t{1} << (i & 63); }
  void reset(int i) { words_[i >> 6] &= ~(uint64_t{1} << (i & 63)); }
  void clear() { std::fill(words_.begin(), words_.end(), 0); }
  /// this |= o; returns whether anything changed.
  bool merge(const BitSet& o) {
    bool changed = false;
    for (size_t w = 0; w < words_.size(); ++w) {
      uint64_t nw = words_[w] | o.words_[w];
      changed |= nw != words_[w];
      words_[w] = nw;
    }
    return changed;
  }
  bool operator==(const BitSet& o) const { return words_ == o.words_; }
  int count() const {
    int c = 0;
    for (uint64_t w : words_) c += std::popcount(w);
    return c;
  }
  /// Calls f(i) for every i in exactly one of this set and `o` (same size), increasing.
  template <class F>
  void for_each_diff(const BitSet& o, F&& f) const {
    for (size_t w = 0; w < words_.size(); ++w) {
      uint64_t bits = words_[w] ^ o.words_[w];
      while (bits) {
        int b = std::countr_zero(bits);
        f(static_cast<int>(w * 64 + b));
        bits &= bits - 1;
      }
    }
  }
  /// Calls f(i) for every member, in increasing order.
  template <class F>
  void for_each(F&& f) const {
    for (size_t w = 0; w < words_.size(); ++w) {
      uint64_t bits = words_[w];
      while (bits) {
        int b = std::countr_zero(bits);
        f(static_cast<int>(w * 64 + b));
        bits &= bits - 1;
      }
    }
  }

 private:
  std::vector<uint64_t> words_;
  int n_ = 0;
};

}  // namespace clove
