// pool.cpp: pages of the small-object allocator (see pool.h for the design).
#include "gc/pool.h"

#include <sys/mman.h>

#include <algorithm>
#include <new>

namespace clove {

namespace {
// Empty pages kept for reuse: at least this many, or a quarter of the pages in use.
// Reusing a page saves the system calls and the kernel's zeroing of fresh memory.
constexpr size_t kMinCachedPages = 16;

/// A fresh page of PoolPage::kSize bytes aligned on its size: map twice the size and
/// unmap the misaligned ends.
void* map_page() {
  const size_t size = PoolPage::kSize;
  void* raw = mmap(nullptr, 2 * size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) throw std::bad_alloc();
  uintptr_t start = reinterpret_cast<uintptr_t>(raw);
  uintptr_t aligned = (start + size - 1) & ~(size - 1);
  if (aligned > start) munmap(raw, aligned - start);
  uintptr_t tail = aligned + size;
  uintptr_t raw_end = start + 2 * size;
  if (raw_end > tail) munmap(reinterpret_cast<void*>(tail), raw_end - tail);
  return reinterpret_cast<void*>(aligned);
}

void unmap_page(PoolPage* p) {
  CLOVE_POOL_UNPOISON(p, PoolPage::kSize);
  munmap(p, PoolPage::kSize);
}
}  // namespace

Pool::Pool() {
  empty_.bump = empty_.end = nullptr;
  empty_.cell_size = kGranule;
  std::fill(std::begin(current_), std::end(current_), &empty_);
  std::fill(std::begin(avail_), std::end(avail_), nullptr);
}

Pool::~Pool() {
  for (PoolPage* p : pages_) unmap_page(p);
  for (PoolPage* p : cache_) unmap_page(p);
}

void Pool::list(PoolPage* p) {
  p->prev = nullptr;
  p->next = avail_[p->cls];
  if (p->next) p->next->prev = p;
  avail_[p->cls] = p;
  p->listed = true;
}

void Pool::unlist(PoolPage* p) {
  if (p->prev) p->prev->next = p->next;
  else avail_[p->cls] = p->next;
  if (p->next) p->next->prev = p->prev;
  p->prev = p->next = nullptr;
  p->listed = false;
}

PoolPage* Pool::new_page(size_t cls) {
  pages_.reserve(pages_.size() + 1);  // may throw: before a page is taken
  void* mem;
  if (!cache_.empty()) {
    mem = cache_.back();
    cache_.pop_back();
  } else {
    mem = map_page();
  }
  CLOVE_POOL_UNPOISON(mem, PoolPage::kHeaderSize);
  PoolPage* p = new (mem) PoolPage{};
  p->cell_size = static_cast<uint32_t>(cell_size_of(cls));
  p->cls = static_cast<uint8_t>(cls);
  p->free = nullptr;
  p->bump = p->cells();
  size_t ncells = (PoolPage::kSize - PoolPage::kHeaderSize) / p->cell_size;
  p->end = p->bump + ncells * p->cell_size;
  CLOVE_POOL_POISON(p->cells(), PoolPage::kSize - PoolPage::kHeaderSize);
  p->index = static_cast<uint32_t>(pages_.size());
  pages_.push_back(p);
  return p;
}

void* Pool::alloc_slow(size_t cls) {
  PoolPage* p = avail_[cls];
  if (p) {
    unlist(p);
  } else {
    p = new_page(cls);
  }
  current_[cls] = p;
  void* cell;
  if (FreeCell* f = p->free) {
    CLOVE_POOL_UNPOISON(f, sizeof(FreeCell));
    p->free = f->next;
    cell = f;
  } else {
    cell = p->bump;
    p->bump += p->cell_size;
  }
  return cell;
}

void Pool::free(void* cell) {
  PoolPage* p = page_of(cell);
  FreeCell* f = static_cast<FreeCell*>(cell);
  CLOVE_POOL_UNPOISON(f, sizeof(FreeCell));
  f->next = p->free;
  f->tag = kFreeTag;
  CLOVE_POOL_POISON(f, p->cell_size);
  p->free = f;
  if (!p->listed && current_[p->cls] != p) list(p);
}

void Pool::release(PoolPage* p) {
  if (p->listed) unlist(p);
  // Swap-remove from pages_: the last page takes p's index.
  PoolPage* last = pages_.back();
  pages_[p->index] = last;
  last->index = p->index;
  pages_.pop_back();
  if (cache_.size() < std::max(kMinCachedPages, pages_.size() / 4)) {
    try {
      cache_.push_back(p);
      CLOVE_POOL_POISON(p, PoolPage::kSize);
      return;
    } catch (const std::bad_alloc&) {
      // no room to remember it: give it back instead
    }
  }
  unmap_page(p);
}

bool Pool::owns_live(const void* addr) const {
  PoolPage* p = page_of(addr);
  if (std::find(pages_.begin(), pages_.end(), p) == pages_.end()) return false;
  const char* c = static_cast<const char*>(addr);
  if (c < p->cells() || c >= p->bump) return false;
  if ((c - p->cells()) % p->cell_size != 0) return false;
  return !is_free(c);
}

}  // namespace clove
