// source_map.cpp: the SourceMap's table and element pool; see source_map.h.
#include "core/source_map.h"

#include <bit>
#include <stdexcept>

namespace clove {

namespace {

// First sizes. A new VM loads the core library from its image, so the reader records
// only the forms of the program itself: small tables, doubled as they fill. (Sized for
// the whole core library, 16,384 slots, zeroing the table cost 128 page faults of a
// 650-fault `clove -e nil`; on a virtual machine each takes 10-40 us.)
constexpr size_t kInitialSlots = 256;
constexpr size_t kInitialElements = 1024;

}  // namespace

void SourceMap::record(Obj* form, SourcePos pos, std::span<const SourcePos> elements) {
  form->flags |= kFlagSourcePos;
  Slot& s = slot_for(form);
  release_elements(s);
  s.pos = pos;
  s.first = append_elements(elements);
  s.n = static_cast<uint32_t>(elements.size());
}

void SourceMap::copy(const Obj* from, Obj* to) {
  const Slot* f = find(Value::object(from));
  if (!f || from == to) return;
  // Copied out first: slot_for may move the slots, append_elements the pool.
  SourcePos pos = f->pos;
  uint32_t first = f->first, n = f->n;
  to->flags |= kFlagSourcePos;
  Slot& s = slot_for(to);
  release_elements(s);
  s.pos = pos;
  s.n = n;
  s.first = static_cast<uint32_t>(elements_.size());
  elements_.reserve(elements_.size() + n);
  for (uint32_t i = 0; i < n; ++i) elements_.push_back(elements_[first + i]);
}

void SourceMap::forget(Obj* o) {
  if (slots_.empty()) return;
  const size_t mask = slots_.size() - 1;
  size_t i = home(o);
  while (slots_[i].key != o) {
    if (!slots_[i].key) return;
    i = (i + 1) & mask;
  }
  release_elements(slots_[i]);
  --count_;
  // Backward-shift deletion: move later members of the probe run into the hole when
  // their home is not between the hole and their slot (cyclically).
  size_t hole = i;
  for (size_t j = (i + 1) & mask; slots_[j].key; j = (j + 1) & mask) {
    size_t h = home(slots_[j].key);
    bool stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j);
    if (stays) continue;
    slots_[hole] = slots_[j];
    hole = j;
  }
  slots_[hole] = Slot{};
  if (dead_elements_ > 4096 && dead_elements_ * 2 > elements_.size()) compact();
}

SourceMap::Slot& SourceMap::slot_for(const Obj* key) {
  if ((count_ + 1) * 4 > slots_.size() * 3) grow();
  const size_t mask = slots_.size() - 1;
  size_t i = home(key);
  while (slots_[i].key && slots_[i].key != key) i = (i + 1) & mask;
  if (!slots_[i].key) {
    slots_[i] = Slot{key, {}, 0, 0};
    ++count_;
  }
  return slots_[i];
}

void SourceMap::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? kInitialSlots : old.size() * 2, Slot{});
  shift_ = 64 - std::countr_zero(slots_.size());
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (!s.key) continue;
    size_t i = home(s.key);
    while (slots_[i].key) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void SourceMap::release_elements(Slot& s) {
  dead_elements_ += s.n;
  s.n = 0;
  s.first = 0;
}

uint32_t SourceMap::append_elements(std::span<const SourcePos> elements) {
  if (elements_.capacity() == 0) elements_.reserve(kInitialElements);
  if (elements_.size() + elements.size() > UINT32_MAX) throw std::length_error("SourceMap: too many positions");
  uint32_t first = static_cast<uint32_t>(elements_.size());
  elements_.insert(elements_.end(), elements.begin(), elements.end());
  return first;
}

void SourceMap::compact() {
  std::vector<SourcePos> live;
  live.reserve(elements_.size() - dead_elements_);
  for (Slot& s : slots_) {
    if (!s.key || s.n == 0) continue;
    uint32_t first = static_cast<uint32_t>(live.size());
    live.insert(live.end(), elements_.begin() + s.first, elements_.begin() + s.first + s.n);
    s.first = first;
  }
  elements_ = std::move(live);
  dead_elements_ = 0;
}

}  // namespace clove
