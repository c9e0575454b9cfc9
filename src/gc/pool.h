// pool.h: the small-object allocator under the GC heap.
//
// Segregated fits with size-class pages, the layout of mimalloc's "free list
// sharding" pages (Leijen, Zorn, de Moura 2019) and of the Boehm-Demers-Weiser
// collector's size-class heap blocks:
//
// * Requests of 1..kMaxSmall bytes are rounded up to a multiple of 16 bytes: one of
//   kClasses size classes (16, 32, ..., 1024). Every cell is 16-byte aligned.
// * Memory comes in pages of PoolPage::kSize bytes, aligned on their own size, each
//   holding cells of one class only. Pages are carved in turn from 2 MiB arenas (one
//   mmap per 32 pages); a heap past its first few arenas asks for transparent huge
//   pages (pool.cpp, map_page). The page header sits at the start of the page, so
//   the page (and the cell size) of any cell is `address & ~(kSize - 1)`: a free needs
//   no size and no per-object header.
// * Each page has its own free list, threaded through its free cells, plus a bump
//   pointer over cells never used yet (so a fresh page is touched only as it fills).
//   Each class allocates from one current page; when it runs dry the next page with
//   free cells is taken from the class's list of such pages, else a new page.
// * The collector sweeps page by page (sweep_page): cells are visited in address
//   order, dead ones go on the page's free list, and a page left with no live cell is
//   kept in a bounded cache of empty pages or returned to the OS.
// * A destroyed pool's pages go to a process-wide list of up to 64 pages (4 MiB) that
//   the next pool takes first, so an embedder's next VM does not fault in fresh memory
//   for its core library.
//
// A free cell is told apart from a live one by its byte at offset 9, which overlays
// Obj::gc_color: kFreeTag on a free cell, a colour (0..5) on a live object. Users of
// the pool must therefore never store kFreeTag at offset 9 of a live cell.
//
// Under AddressSanitizer free cells, the unused tail of every cell and the never-used
// part of each page are poisoned, so use-after-free and overflows into free memory are
// still reported; there the sweeper asks ASan whether a cell is free instead of reading
// its tag.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define CLOVE_POOL_ASAN 1
#define CLOVE_POOL_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define CLOVE_POOL_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define CLOVE_POOL_ASAN 0
#define CLOVE_POOL_POISON(p, n) ((void)(p), (void)(n))
#define CLOVE_POOL_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

namespace clove {

/// The layout of a free cell: a link to the next free cell of the page, and the tag.
struct FreeCell {
  FreeCell* next;
  uint8_t unused;
  uint8_t tag;  // kFreeTag; offset 9, the same byte as Obj::gc_color
};

/// The header at the start of every pool page.
struct PoolPage {
  static constexpr size_t kSize = size_t{64} << 10;  // bytes per page, also its alignment
  static constexpr size_t kHeaderSize = 64;           // cells start this far into the page

  FreeCell* free;         // free cells of this page
  char* bump;             // the next never-used cell
  char* end;              // one past the last whole cell
  PoolPage* prev;         // in the class's list of pages with free cells
  PoolPage* next;
  uint32_t index;         // position in Pool::pages_
  uint32_t cell_size;     // bytes per cell (a multiple of 16)
  uint8_t cls;            // size class
  bool listed;            // in the class's list of pages with free cells
  bool young;             // may hold young objects (Heap's generational mode): set when
                          // the page is allocated from, cleared by a sweep that finds none

  char* cells() { return reinterpret_cast<char*>(this) + kHeaderSize; }
};
static_assert(sizeof(PoolPage) <= PoolPage::kHeaderSize);

/// A segregated-fit allocator of cells of 1..kMaxSmall bytes (see the top of this file).
/// Not thread-safe: one Pool per Heap. Cells are 16-byte aligned and uninitialised.
class Pool {
 public:
  static constexpr size_t kGranule = 16;     // cell sizes are multiples of this
  static constexpr size_t kMaxSmall = 1024;  // largest request served (HAMT Array nodes are 544); larger ones use malloc
  static constexpr size_t kClasses = kMaxSmall / kGranule;
  static constexpr uint8_t kFreeTag = 0xFF;  // byte 9 of a free cell

  Pool();
  ~Pool();  // returns every page to the OS; does not run anything in the cells
  Pool(const Pool&) = delete;
  Pool& operator=(const Pool&) = delete;

  /// The size class of a request of `bytes` (1..kMaxSmall), and the cell size of a class.
  static size_t class_of(size_t bytes) { return (bytes - 1) / kGranule; }
  static size_t cell_size_of(size_t cls) { return (cls + 1) * kGranule; }
  /// The page holding a cell allocated by a Pool.
  static PoolPage* page_of(const void* cell) {
    return reinterpret_cast<PoolPage*>(reinterpret_cast<uintptr_t>(cell) & ~(PoolPage::kSize - 1));
  }

  /// A cell of at least `bytes` (1..kMaxSmall) bytes, 16-byte aligned, contents
  /// undefined. Throws std::bad_alloc when the OS has no memory.
  void* alloc(size_t bytes) {
    PoolPage* p = current_[class_of(bytes)];
    void* cell;
    if (FreeCell* f = p->free) {
      CLOVE_POOL_UNPOISON(f, sizeof(FreeCell));
      p->free = f->next;
      cell = f;
    } else if (p->bump != p->end) {
      cell = p->bump;
      p->bump += p->cell_size;
    } else {
      cell = alloc_slow(class_of(bytes));
    }
#if CLOVE_POOL_ASAN
    CLOVE_POOL_UNPOISON(cell, bytes);
    CLOVE_POOL_POISON(static_cast<char*>(cell) + bytes, page_of(cell)->cell_size - bytes);
#endif
    return cell;
  }

  /// Returns a live cell to its page's free list. The page stays in place even if it is
  /// now empty (sweep_page releases empty pages).
  void free(void* cell);

  /// Whether a cell lying in a page below the bump pointer is free.
  static bool is_free(const void* cell) {
#if CLOVE_POOL_ASAN
    return __asan_address_is_poisoned(cell);
#else
    return static_cast<const FreeCell*>(cell)->tag == kFreeTag;
#endif
  }

  /// Sweeps pages()[index]: calls `dead(cell)` on every cell in use, in address order;
  /// when it returns true the cell is freed (the callback has finalised it). If the page
  /// is left with no cell in use and is not a current allocation page it is released,
  /// and the last page moves to `index` (so the caller sweeps `index` again).
  /// Returns the number of cells visited in use; sets `released`.
  template <class Dead>
  size_t sweep_page(size_t index, bool& released, Dead&& dead) {
    PoolPage* p = pages_[index];
    size_t visited = 0, live = 0, freed = 0;
    const size_t step = p->cell_size;
    FreeCell* free = p->free;
    for (char* c = p->cells(); c != p->bump; c += step) {
      if (is_free(c)) continue;
      ++visited;
      if (dead(static_cast<void*>(c))) {
        FreeCell* f = reinterpret_cast<FreeCell*>(c);
        f->next = free;
        f->tag = kFreeTag;
        CLOVE_POOL_POISON(c, step);
        free = f;
        ++freed;
      } else {
        ++live;
      }
    }
    p->free = free;
    released = false;
    if (live == 0 && current_[p->cls] != p) {
      release(p);
      released = true;
    } else if (freed && !p->listed && current_[p->cls] != p) {
      list(p);
    }
    return visited;
  }

  /// pages()[index], for sweeping.
  PoolPage* page_at(size_t index) const { return pages_[index]; }
  /// Whether p is the page its class allocates from.
  bool is_current(const PoolPage* p) const { return current_[p->cls] == p; }
  /// Calls f(cell) for every cell in use outside the frozen pages.
  template <class F>
  void for_each_unfrozen_cell(F&& f) {
    for (PoolPage* p : pages_)
      for (char* c = p->cells(); c != p->bump; c += p->cell_size)
        if (!is_free(c)) f(static_cast<void*>(c));
  }

  /// Calls f(cell) for every cell in use, page by page, frozen pages included (for
  /// validation and teardown).
  template <class F>
  void for_each_cell(F&& f) {
    for (const std::vector<PoolPage*>* list : {&pages_, &frozen_})
      for (PoolPage* p : *list)
        for (char* c = p->cells(); c != p->bump; c += p->cell_size)
          if (!is_free(c)) f(static_cast<void*>(c));
  }

  /// Takes every page out of allocation and out of the sweep (Heap::freeze): their
  /// cells stay as they are until the pool is destroyed, and new objects go to new
  /// pages. The free cells left in them are not used again.
  void freeze();

  /// Whether `addr` is a cell in use in one of this pool's pages (slow; for validation).
  bool owns_live(const void* addr) const;

  size_t page_count() const { return pages_.size(); }
  size_t cached_pages() const { return cache_.size(); }
  /// Gives back to the system the empty pages kept beyond as many as are in use (at
  /// least kMinCachedPages stay). Called when a collection cycle ends: the sweep keeps
  /// every page it empties while it runs, since the program allocates about as much
  /// again before the next cycle (the pacing doubles the heap), and re-faulting a page
  /// costs more than keeping it (pool.cpp).
  void trim_cache();
  /// A whole page (PoolPage::kSize bytes, aligned on that, contents unspecified) for a
  /// table that is not made of cells: the same memory the cells come from, so that at
  /// start-up it lies in the first arena's huge page, where a fresh 4 KiB costs a small
  /// part of a page fault on malloc's heap (Heap::alloc_table). Not swept, not counted
  /// in page_count(); give_block takes it back. Throws std::bad_alloc.
  void* take_block();
  void give_block(void* block);
  /// Bytes of pages held (in use, frozen or cached).
  size_t bytes_reserved() const { return (pages_.size() + frozen_.size() + cache_.size()) * PoolPage::kSize; }

 private:
  void* alloc_slow(size_t cls);
  PoolPage* new_page(size_t cls);
  /// A page no pool of this process uses: one a destroyed pool left (pool.cpp's shared
  /// pages), else a fresh one from the current arena (a new arena when it is used up).
  void* map_page();
  void release(PoolPage* p);
  void list(PoolPage* p);
  void unlist(PoolPage* p);

  PoolPage* current_[kClasses];   // each class allocates from this page
  PoolPage* avail_[kClasses];     // pages of the class with free cells (not current)
  std::vector<PoolPage*> pages_;  // every page with cells, in no particular order
  std::vector<PoolPage*> cache_;  // empty pages kept for reuse
  std::vector<PoolPage*> frozen_; // pages of frozen objects: never swept nor allocated from
  PoolPage empty_{};              // the current page of a class with none: always full
  uintptr_t arena_next_ = 0;      // the current arena's pages not handed out yet:
  uintptr_t arena_end_ = 0;       //   [arena_next_, arena_end_)
  size_t arenas_ = 0;             // arenas this pool has mapped
};

}  // namespace clove
