// ptr_map.h: PtrMap, a hash map from object pointers to small values, in one array.
//
// Open addressing with linear probing and deletion by backward shift (Knuth, TAOCP
// vol. 3, 6.4, Algorithm R), so there are no tombstones; the home slot is a Fibonacci
// hash of the address (Knuth's multiplicative hashing). A namespace's mappings are
// the user: clojure.core's thousand vars were a thousand malloc'd nodes of
// std::unordered_map, whose page faults showed in the start-up time of every VM.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace clove {

/// A map from non-null pointers K (objects at least 16-byte aligned) to values V, for
/// which V{} is the value of an entry operator[] creates. Iteration order is the table's;
/// an insertion or erase invalidates iterators and entry references. Alloc<Entry> gives
/// the slot array (gc/heap.h's TableAllocator puts a big one in a pool page).
template <class K, class V, template <class> class Alloc = std::allocator>
class PtrMap {
 public:
  struct Entry {
    K first{};  // null: an empty slot
    V second{};
  };
  using allocator_type = Alloc<Entry>;
  PtrMap() = default;
  explicit PtrMap(const allocator_type& a) : slots_(a) {}

  template <class E>
  class Iter {
   public:
    Iter(E* at, E* end) : at_(at), end_(end) { skip(); }
    E& operator*() const { return *at_; }
    E* operator->() const { return at_; }
    Iter& operator++() {
      ++at_;
      skip();
      return *this;
    }
    bool operator==(const Iter& o) const { return at_ == o.at_; }

   private:
    void skip() {
      while (at_ != end_ && !at_->first) ++at_;
    }
    E* at_;
    E* end_;
  };
  using iterator = Iter<Entry>;
  using const_iterator = Iter<const Entry>;

  iterator begin() { return {slots_.data(), slots_.data() + slots_.size()}; }
  iterator end() { return {slots_.data() + slots_.size(), slots_.data() + slots_.size()}; }
  const_iterator begin() const { return {slots_.data(), slots_.data() + slots_.size()}; }
  const_iterator end() const { return {slots_.data() + slots_.size(), slots_.data() + slots_.size()}; }

  size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  /// Bytes of the slot array.
  size_t bytes() const { return slots_.capacity() * sizeof(Entry); }

  iterator find(K key) {
    size_t i = slot_of(key);
    return i == kNone ? end() : iterator{slots_.data() + i, slots_.data() + slots_.size()};
  }
  const_iterator find(K key) const {
    size_t i = slot_of(key);
    return i == kNone ? end() : const_iterator{slots_.data() + i, slots_.data() + slots_.size()};
  }
  size_t count(K key) const { return slot_of(key) == kNone ? 0 : 1; }
  /// The value of `key`; std::out_of_range when there is none.
  const V& at(K key) const {
    size_t i = slot_of(key);
    if (i == kNone) throw std::out_of_range("PtrMap::at");
    return slots_[i].second;
  }
  /// The value of `key`, inserting V{} first when there is none.
  V& operator[](K key) {
    if (size_t i = slot_of(key); i != kNone) return slots_[i].second;
    if ((count_ + 1) * 4 > slots_.size() * 3) grow(slots_.empty() ? 8 : slots_.size() * 2);
    size_t i = home(key);
    while (slots_[i].first) i = (i + 1) & mask();
    slots_[i].first = key;
    ++count_;
    return slots_[i].second;
  }
  /// Removes `key`'s entry; returns how many were removed (0 or 1).
  size_t erase(K key) {
    size_t hole = slot_of(key);
    if (hole == kNone) return 0;
    // Backward shift: move each later entry of the run into the hole unless its home
    // lies cyclically in (hole, j], where it must stay to remain reachable.
    for (size_t j = (hole + 1) & mask(); slots_[j].first; j = (j + 1) & mask()) {
      size_t h = home(slots_[j].first);
      bool stays = hole < j ? (hole < h && h <= j) : (hole < h || h <= j);
      if (stays) continue;
      slots_[hole] = slots_[j];
      hole = j;
    }
    slots_[hole] = Entry{};
    --count_;
    return 1;
  }
  /// Room for n entries without growing.
  void reserve(size_t n) {
    size_t want = 8;
    while (want * 3 < n * 4) want *= 2;
    if (want > slots_.size()) grow(want);
  }

 private:
  static constexpr size_t kNone = SIZE_MAX;
  size_t mask() const { return slots_.size() - 1; }
  size_t home(K key) const {
    return static_cast<size_t>((reinterpret_cast<uintptr_t>(key) >> 4) * 0x9E3779B97F4A7C15ull >> shift_);
  }
  size_t slot_of(K key) const {
    if (slots_.empty() || !key) return kNone;
    for (size_t i = home(key);; i = (i + 1) & mask()) {
      if (slots_[i].first == key) return i;
      if (!slots_[i].first) return kNone;
    }
  }
  void grow(size_t n) {
    std::vector<Entry, allocator_type> old(slots_.get_allocator());
    old.swap(slots_);
    slots_.assign(n, Entry{});
    shift_ = 64;
    for (size_t s = n; s > 1; s >>= 1) --shift_;
    for (const Entry& e : old) {
      if (!e.first) continue;
      size_t i = home(e.first);
      while (slots_[i].first) i = (i + 1) & mask();
      slots_[i] = e;
    }
  }

  std::vector<Entry, allocator_type> slots_;  // empty or a power of two in size, at most 3/4 full
  size_t count_ = 0;
  int shift_ = 64;  // 64 - log2(slots_.size())
};

}  // namespace clove
