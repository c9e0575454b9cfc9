// bitset.h: a fixed-size set of small non-negative integers (vregs, registers), used by
// the dataflow passes and the emitter.
//
// The words live inline up to kInlineWords (512 bits: every vreg set of a typical
// arity, and the emitter's location sets of 256 registers + spill slots), on the heap
// beyond. Start-up compiles the whole core library, and these sets are made per block,
// per instruction and per pc: a heap block each was a large share of its malloc calls.
#pragma once
#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>

namespace clove {

class BitSet {
 public:
  BitSet() = default;
  explicit BitSet(int n) : n_(n), nwords_((n + 63) / 64) {
    if (nwords_ > kInlineWords) heap_ = std::make_unique<uint64_t[]>(nwords_);  // zeroed
  }
  BitSet(const BitSet& o) : n_(o.n_), nwords_(o.nwords_) {
    if (nwords_ > kInlineWords) heap_.reset(new uint64_t[nwords_]);
    std::copy_n(o.data(), nwords_, data());
  }
  /// Leaves `o` empty (size 0).
  BitSet(BitSet&& o) noexcept : n_(o.n_), nwords_(o.nwords_), heap_(std::move(o.heap_)) {
    if (nwords_ <= kInlineWords) std::copy_n(o.inline_, nwords_, inline_);
    o.n_ = o.nwords_ = 0;
  }
  BitSet& operator=(const BitSet& o) {
    if (this == &o) return *this;
    if (o.nwords_ > kInlineWords && (nwords_ != o.nwords_ || !heap_)) heap_.reset(new uint64_t[o.nwords_]);
    if (o.nwords_ <= kInlineWords) heap_.reset();
    n_ = o.n_;
    nwords_ = o.nwords_;
    std::copy_n(o.data(), nwords_, data());
    return *this;
  }
  BitSet& operator=(BitSet&& o) noexcept {
    if (this == &o) return *this;
    n_ = o.n_;
    nwords_ = o.nwords_;
    heap_ = std::move(o.heap_);
    if (nwords_ <= kInlineWords) std::copy_n(o.inline_, nwords_, inline_);
    o.n_ = o.nwords_ = 0;
    return *this;
  }

  int capacity() const { return n_; }
  bool test(int i) const { return (data()[i >> 6] >> (i & 63)) & 1; }
  void set(int i) { data()[i >> 6] |= uint64_t{1} << (i & 63); }
  void reset(int i) { data()[i >> 6] &= ~(uint64_t{1} << (i & 63)); }
  void clear() { std::fill_n(data(), nwords_, 0); }
  /// this |= o (same size); returns whether anything changed.
  bool merge(const BitSet& o) {
    uint64_t* w = data();
    const uint64_t* ow = o.data();
    bool changed = false;
    for (int i = 0; i < nwords_; ++i) {
      uint64_t nw = w[i] | ow[i];
      changed |= nw != w[i];
      w[i] = nw;
    }
    return changed;
  }
  /// this &= ~o (same size).
  void subtract(const BitSet& o) {
    uint64_t* w = data();
    const uint64_t* ow = o.data();
    for (int i = 0; i < nwords_; ++i) w[i] &= ~ow[i];
  }
  bool operator==(const BitSet& o) const {
    return nwords_ == o.nwords_ && std::equal(data(), data() + nwords_, o.data());
  }
  int count() const {
    int c = 0;
    for (int i = 0; i < nwords_; ++i) c += std::popcount(data()[i]);
    return c;
  }
  /// Calls f(i) for every i in exactly one of this set and `o` (same size), increasing.
  template <class F>
  void for_each_diff(const BitSet& o, F&& f) const {
    const uint64_t* w = data();
    const uint64_t* ow = o.data();
    for (int i = 0; i < nwords_; ++i) {
      uint64_t bits = w[i] ^ ow[i];
      while (bits) {
        int b = std::countr_zero(bits);
        f(i * 64 + b);
        bits &= bits - 1;
      }
    }
  }
  /// Calls f(i) for every member, in increasing order.
  template <class F>
  void for_each(F&& f) const {
    const uint64_t* w = data();
    for (int i = 0; i < nwords_; ++i) {
      uint64_t bits = w[i];
      while (bits) {
        int b = std::countr_zero(bits);
        f(i * 64 + b);
        bits &= bits - 1;
      }
    }
  }

 private:
  static constexpr int kInlineWords = 8;
  uint64_t* data() { return nwords_ > kInlineWords ? heap_.get() : inline_; }
  const uint64_t* data() const { return nwords_ > kInlineWords ? heap_.get() : inline_; }

  int n_ = 0;
  int nwords_ = 0;
  std::unique_ptr<uint64_t[]> heap_;  // the words when nwords_ > kInlineWords
  uint64_t inline_[kInlineWords] = {};
};

}  // namespace clove
