// pool.cpp: pages of the small-object allocator (see pool.h for the design).
#include "gc/pool.h"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <new>
#include <vector>

#if CLOVE_POOL_ASAN
#include <sanitizer/lsan_interface.h>
#endif

namespace clove {

namespace {
// Empty pages kept for reuse: at least this many, or as many as the pages in use.
// Reusing a page saves the system calls, the kernel's zeroing of fresh memory and, above
// all, its 16 page faults, which on a virtual machine cost 10-40 us each. With a quarter
// kept, tree-seq over records nested a million deep unmapped and faulted in again 3.5
// times the memory it ever held at once (163,000 faults, 40% of its time; with as many
// as in use: 54,000 faults, 5.7 s -> 3.5 s, the same peak RSS).
constexpr size_t kMinCachedPages = 16;

// Pages are carved from arenas of this many bytes (one mmap per 32 pages).
constexpr size_t kArenaSize = size_t{2} << 20;
static_assert(kArenaSize % PoolPage::kSize == 0);

// A pool's first arenas (6 MiB) are of 4 KiB pages, the rest of huge pages (map_page).
constexpr size_t kSmallArenas = 3;

/// `size` fresh bytes aligned on `size` (a power of two): map twice the size and unmap
/// the misaligned ends.
void* map_aligned(size_t size) {
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
#if CLOVE_POOL_ASAN
  __lsan_unregister_root_region(p, PoolPage::kSize);
#endif
  munmap(p, PoolPage::kSize);
}

/// The pages of destroyed pools, kept for the next pool of the process (an embedder's
/// next VM; SPEC E2's VMs on several threads, hence the lock). A page that was touched
/// before costs no page faults, which on a virtual machine take 15-40 us each: a VM's
/// core library fills about 40 pages. At most kSharedPages (4 MiB) stay mapped after
/// the last VM is gone. Never destroyed (a pool may die during static destruction).
struct SharedPages {
  static constexpr size_t kSharedPages = 64;
  std::mutex lock;
  std::vector<void*> pages;
};
SharedPages& shared_pages() {
  static SharedPages* s = new SharedPages;
  return *s;
}

/// Gives p to the shared pages, or back to the system when they are full.
void release_page(PoolPage* p) {
  SharedPages& s = shared_pages();
  {
    std::lock_guard<std::mutex> g(s.lock);
    if (s.pages.size() < SharedPages::kSharedPages) {
      CLOVE_POOL_UNPOISON(p, PoolPage::kSize);
#if CLOVE_POOL_ASAN
      __lsan_unregister_root_region(p, PoolPage::kSize);  // map_page registers it again
#endif
      s.pages.push_back(p);
      return;
    }
  }
  unmap_page(p);
}

/// A page from the shared pages, or nullptr when there is none.
void* take_shared_page() {
  SharedPages& s = shared_pages();
  std::lock_guard<std::mutex> g(s.lock);
  if (s.pages.empty()) return nullptr;
  void* p = s.pages.back();
  s.pages.pop_back();
  return p;
}
}  // namespace

Pool::Pool() {
  empty_.bump = empty_.end = nullptr;
  empty_.cell_size = kGranule;
  std::fill(std::begin(current_), std::end(current_), &empty_);
  std::fill(std::begin(avail_), std::end(avail_), nullptr);
}

Pool::~Pool() {
  for (PoolPage* p : pages_) release_page(p);
  for (PoolPage* p : frozen_) release_page(p);
  for (PoolPage* p : cache_) release_page(p);
  if (arena_next_ < arena_end_) munmap(reinterpret_cast<void*>(arena_next_), arena_end_ - arena_next_);
}

void* Pool::map_page() {
  if (void* shared = take_shared_page()) {
#if CLOVE_POOL_ASAN
    __lsan_register_root_region(shared, PoolPage::kSize);
#endif
    return shared;
  }
  if (arena_next_ == arena_end_) {
    void* arena = map_aligned(kArenaSize);
    // Transparent huge pages, where the system grants them on request (the setting
    // "madvise" or "always"; with "never", madvise changes nothing). A 4 KiB page fault
    // costs 10-16 us on a virtual machine; one 2 MiB huge page costs 0.1-0.3 ms when the
    // kernel has one free, and up to 2 ms when it must compact memory first: against
    // 512 faults, 5-8 ms, it wins either way, and the TLB then covers 512 times more
    // of the heap. Asked for:
    //  * by the process's first arena: the VM that fills it is the one loading the core
    //    library at start-up, which touches about 220 of its 4 KiB pages.
    //    `clove -e nil`: 480 -> 295 page faults, 11.2 -> 8.5 ms.
    //  * by a pool's arenas from its kSmallArenas-th on: a program that stays small
    //    keeps its peak RSS to the pages it touches (a huge page is resident whole).
    //    Measured with bench/run.sh's programs, paired runs: sort 1.95x, vector_conj
    //    1.7x, hash_map 1.4x, string_build 1.3x faster; peak RSS unchanged.
    static std::atomic<bool> first_arena{true};
    bool huge = first_arena.exchange(false, std::memory_order_relaxed) || arenas_ >= kSmallArenas;
    if (huge) madvise(arena, kArenaSize, MADV_HUGEPAGE);
    ++arenas_;
    arena_next_ = reinterpret_cast<uintptr_t>(arena);
    arena_end_ = arena_next_ + kArenaSize;
  }
  void* page = reinterpret_cast<void*>(arena_next_);
  arena_next_ += PoolPage::kSize;
#if CLOVE_POOL_ASAN
  // LeakSanitizer does not scan mmap'd memory by itself: without this, a malloc'd block
  // reachable only from a pool object (a Proto's code vector) would be reported leaked
  // when the process exits with the heap still alive (System/exit).
  __lsan_register_root_region(page, PoolPage::kSize);
#endif
  return page;
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
  void* mem = take_block();
  PoolPage* p = new (mem) PoolPage{};
  p->cell_size = static_cast<uint32_t>(cell_size_of(cls));
  p->cls = static_cast<uint8_t>(cls);
  p->free = nullptr;
  p->young = true;
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
  p->young = true;
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
  give_block(p);
}

void* Pool::take_block() {
  void* mem;
  if (!cache_.empty()) {
    mem = cache_.back();
    cache_.pop_back();
  } else {
    mem = map_page();
  }
  CLOVE_POOL_UNPOISON(mem, PoolPage::kSize);
  return mem;
}

void Pool::give_block(void* block) {
  // Kept for the next page of cells or block while the cache holds fewer pages than are
  // in use (trim_cache), else unmapped.
  auto* p = static_cast<PoolPage*>(block);
  if (cache_.size() < std::max(kMinCachedPages, pages_.size())) {
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

void Pool::trim_cache() {
  const size_t keep = std::max(kMinCachedPages, pages_.size());
  while (cache_.size() > keep) {
    PoolPage* p = cache_.back();
    cache_.pop_back();
    unmap_page(p);
  }
}

void Pool::freeze() {
  for (PoolPage* p : pages_) {
    if (p->listed) unlist(p);
    frozen_.push_back(p);
  }
  pages_.clear();
  std::fill(std::begin(current_), std::end(current_), &empty_);
}

bool Pool::owns_live(const void* addr) const {
  PoolPage* p = page_of(addr);
  if (std::find(pages_.begin(), pages_.end(), p) == pages_.end() &&
      std::find(frozen_.begin(), frozen_.end(), p) == frozen_.end())
    return false;
  const char* c = static_cast<const char*>(addr);
  if (c < p->cells() || c >= p->bump) return false;
  if ((c - p->cells()) % p->cell_size != 0) return false;
  return !is_free(c);
}

}  // namespace clove
