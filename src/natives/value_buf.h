// value_buf.h: a short-lived buffer of Values that natives fill before building a
// collection from them (subvec, rseq, vec).
#pragma once
#include <cstddef>
#include <vector>

#include "core/value.h"

namespace clove {

/// Values collected in order; the first kInline are held in the object itself (on the
/// stack, as a local), so collecting a short sequence costs no malloc (LLVM's
/// SmallVector idea). Like a std::vector<Value>, it is not a GC root: fill it and use
/// it without running Clove code in between, or root what it holds.
class ValueBuf {
 public:
  static constexpr size_t kInline = 32;
  void push_back(Value v) {
    if (n_ < kInline) inline_[n_] = v;
    else spill(v);
    ++n_;
  }
  /// The n_ values, contiguous.
  const Value* data() const { return n_ <= kInline ? inline_ : heap_.data(); }
  size_t size() const { return n_; }

 private:
  void spill(Value v) {
    if (n_ == kInline) heap_.assign(inline_, inline_ + kInline);
    heap_.push_back(v);
  }
  Value inline_[kInline];
  std::vector<Value> heap_;
  size_t n_ = 0;
};

}  // namespace clove
