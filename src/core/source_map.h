// source_map.h: where each form came from, kept beside the forms (SPEC V6).
//
// Positions live in a side table keyed by the identity of the form object (a list,
// vector, map or set the reader made), not in wrappers or metadata, so macros see
// plain data. For atoms inside a collection (symbols are interned and shared, so
// they cannot be keys), the collection also records the position of each element.
// Entries die with their form: the heap calls forget() when it frees an object that
// carries kFlagSourcePos.
//
// Representation: an open-addressing table (linear probing, deletion by backward
// shift, so no tombstones) of {form, position, slice of the element pool}, with every
// element position in one pooled vector that is compacted when half of it belongs to
// forgotten forms. Start-up reads the whole core library; a node and an element vector
// per form (std::unordered_map) were a visible share of its malloc calls. Forms the
// reader did not make (most forms the compiler sees are macro expansions) lack
// kFlagSourcePos and are answered without probing.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/source.h"
#include "core/object.h"
#include "core/value.h"

namespace clove {

class SourceMap {
 public:
  /// Remembers where `form` starts, and optionally where each of its elements starts.
  void record(Obj* form, SourcePos pos, std::span<const SourcePos> elements = {});
  /// The position of a form, or an unknown position.
  SourcePos lookup(Value form) const {
    const Slot* s = find(form);
    return s ? s->pos : SourcePos{};
  }
  /// The position of element `i` of collection `form`, or the form's own position.
  SourcePos element(Value form, size_t i) const {
    const Slot* s = find(form);
    if (!s) return {};
    if (i < s->n && elements_[s->first + i].known()) return elements_[s->first + i];
    return s->pos;
  }
  /// Gives `to` the same entry as `from` (a form re-made by with-meta keeps its place).
  void copy(const Obj* from, Obj* to);
  /// Drops the entry of `o` (called when the heap frees it).
  void forget(Obj* o);
  /// Number of forms with an entry.
  size_t size() const { return count_; }

 private:
  struct Slot {
    const Obj* key = nullptr;  // nullptr: empty slot
    SourcePos pos;
    uint32_t first = 0;  // this form's element positions: elements_[first, first + n)
    uint32_t n = 0;
  };
  std::vector<Slot> slots_;  // size 0 or a power of two, at most 3/4 full
  size_t count_ = 0;
  std::vector<SourcePos> elements_;
  size_t dead_elements_ = 0;  // entries of elements_ no slot refers to

  int shift_ = 64;  // 64 - log2(slots_.size())
  size_t home(const Obj* key) const {
    // Objects of one 64 KiB pool page go to consecutive slots in address order (the
    // reader records forms, and the analyzer looks them up, in allocation order, so the
    // probes stream through the table instead of missing the cache on each); where a
    // page's run starts is a Fibonacci hash of the page's address (the high bits of the
    // product), so different pages do not pile up on the same slots.
    uintptr_t a = reinterpret_cast<uintptr_t>(key);
    uintptr_t page_start = ((a >> 16) * 0x9E3779B97F4A7C15ull) >> shift_;
    return static_cast<size_t>(page_start + ((a & 0xFFFF) >> 4)) & (slots_.size() - 1);
  }
  const Slot* find(Value form) const {
    if (!form.is_obj() || !(form.as_obj()->flags & kFlagSourcePos) || slots_.empty()) return nullptr;
    const Obj* key = form.as_obj();
    for (size_t i = home(key);; i = (i + 1) & (slots_.size() - 1)) {
      if (slots_[i].key == key) return &slots_[i];
      if (!slots_[i].key) return nullptr;
    }
  }
  /// The slot of `key`, made empty-but-keyed when new (n = 0).
  Slot& slot_for(const Obj* key);
  void grow();
  void release_elements(Slot& s);
  uint32_t append_elements(std::span<const SourcePos> elements);
  void compact();
};

}  // namespace clove
