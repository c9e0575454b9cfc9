// sparse_set.h: a set of integers 0 .. n-1 with O(1) insert, erase, membership test and
// clear, and iteration over its members only (Briggs & Torczon, "An Efficient
// Representation for Sparse Sets", ACM LOPLAS 1993). The dataflow passes use it as
// scratch over all the vregs of a function: a dense bit set would cost O(vregs) to
// clear or walk per block or per instruction, which made them quadratic in the size of
// the function.
#pragma once
#include <cstdint>
#include <vector>

namespace clove {

class SparseSet {
 public:
  SparseSet() = default;
  /// An empty set over 0 .. n-1.
  explicit SparseSet(int n) : index_(static_cast<size_t>(n), 0) {}

  /// Empties the set and makes it a set over 0 .. n-1, keeping its storage (a scratch
  /// set reused from function to function allocates only to grow).
  void reset(int n) {
    members_.clear();
    if (index_.size() < static_cast<size_t>(n)) index_.resize(static_cast<size_t>(n), 0);
  }

  bool contains(int v) const {
    uint32_t i = index_[v];
    return i < members_.size() && members_[i] == v;
  }
  /// Adds v; returns whether it was absent.
  bool insert(int v) {
    if (contains(v)) return false;
    index_[v] = static_cast<uint32_t>(members_.size());
    members_.push_back(v);
    return true;
  }
  /// Removes v; returns whether it was present.
  bool erase(int v) {
    if (!contains(v)) return false;
    int last = members_.back();
    index_[last] = index_[v];
    members_[index_[v]] = last;
    members_.pop_back();
    return true;
  }
  void clear() { members_.clear(); }
  size_t size() const { return members_.size(); }
  /// The members, in no particular order.
  const std::vector<int>& members() const { return members_; }

 private:
  std::vector<uint32_t> index_;  // by value: its index in members_ (meaningful only if a member)
  std::vector<int> members_;
};

}  // namespace clove
