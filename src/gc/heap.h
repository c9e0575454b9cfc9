// heap.h: allocation and the garbage collector.
//
// Precise, incremental, tri-colour mark-sweep (Dijkstra et al. 1978; the two-white
// scheme of Lua 5.x), paced by bytes allocated. The full design essay is at the top
// of gc/heap.cpp and in docs/design/gc.md. In short:
//
// * Collection happens only at safepoints: Heap::safepoint() is called by the VM
//   between instructions (after allocating instructions, at calls and backward jumps).
//   Native functions and the reader/compiler therefore never see a collection while
//   they run, unless they call back into Clove code; then they must keep what they
//   hold reachable (RootScope, or a RootProvider).
// * Roots: every registered RootProvider (the VM: fibers' value stacks, namespaces,
//   interned names; the compiler: forms it is working on) plus Heap::temp_roots.
// * Barrier: a backward barrier (Lua's luaC_barrierback): storing a white value into
//   a black object turns the object grey again. Stacks are not barriered; they are
//   rescanned in the atomic phase.
// * CLOVE_GC_STRESS=1 runs a full collection at every safepoint that follows an
//   allocation, which is the finest grain at which collection happens at all.
//   CLOVE_GC_STRESS=incremental keeps a cycle always running and advances it by a
//   tiny budget at every such safepoint, so marking interleaves with the program as
//   much as possible (this is what exercises the write barrier and root rescans).
// * Frozen objects (freeze(): the core library, once loaded) have the colour kFixed:
//   never marked, never swept, never freed, so a cycle costs only what the program
//   made. A store into a frozen object (the same barrier) puts it on the remembered
//   list, whose objects are traced with the roots at every cycle (the remembered set of
//   generational collectors; Lua 5.4 fixes objects the same way, luaC_fix).
// * Generations (set_generational, on by default): survivors of a cycle that found a
//   big live set become old (kOld); minor cycles mark and sweep only young objects and
//   the remembered old ones, major cycles everything (docs/design/gc.md, Generations).
#pragma once
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <new>
#include <utility>
#include <vector>

#include "gc/pool.h"
#include "core/object.h"
#include "core/value.h"

namespace clove {

class Heap;

/// Passed to Obj::trace implementations and RootProviders: mark what you hold.
struct Tracer {
  Heap& heap;
  void mark(Value v);
  void mark(Obj* o);
};

/// Something outside the heap that holds Values (the VM, a compiler run, a host handle table).
class RootProvider {
 public:
  virtual ~RootProvider() = default;
  virtual void trace_roots(Tracer& t) = 0;
};

enum class GcPhase : uint8_t { Pause, Mark, Sweep };

class Heap {
 public:
  static constexpr uint8_t kWhite0 = 0, kWhite1 = 1, kGray = 2, kBlack = 3;
  /// The colour of a frozen object (freeze()); above kBlack, so never white.
  static constexpr uint8_t kFixed = 4;
  /// The colour of an old object (generational mode): it survived a cycle, so minor
  /// cycles neither mark nor free it; a major cycle whitens it first.
  static constexpr uint8_t kOld = 5;
  /// Tables of at least this many bytes get a pool page of their own (alloc_table).
  static constexpr size_t kTableBlockMin = size_t{16} << 10;

  Heap();
  ~Heap();
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;

  /// Allocate a T (deriving from Obj) with `extra` trailing bytes; constructor args forwarded.
  /// Objects of up to Pool::kMaxSmall bytes come from the size-class pool (gc/pool.h),
  /// larger ones from malloc. Memory is 16-byte aligned.
  /// Never collects; throws std::bad_alloc (or an OutOfMemory Clove error, see set_limit).
  template <class T, class... A>
  T* make_extra(size_t extra, A&&... args) {
    const size_t sz = sizeof(T) + extra;
    void* mem = allocate(sz);
    T* o;
    try {
      o = new (mem) T(std::forward<A>(args)...);
    } catch (...) {
      unallocate(mem, sz);
      throw;
    }
    o->gc_color = current_white_;
    if (sz > Pool::kMaxSmall) {
      o->gc_next = large_;
      large_ = o;
    }
    return o;
  }
  template <class T, class... A>
  T* make(A&&... args) {
    return make_extra<T>(0, std::forward<A>(args)...);
  }

  /// Backward write barrier: call after storing v into a field of `parent`. A black
  /// parent of a white value is scanned again (remembered instead during the sweep of
  /// a generational cycle, which is about to make it old); a frozen parent of anything
  /// not frozen, and an old parent of a young (white) value, are remembered (traced
  /// with the roots at every cycle: for an old object, until the next major cycle).
  void barrier(Obj* parent, Value v) {
    if (parent->gc_color >= kBlack && v.is_obj()) barrier(parent, v.as_obj());
  }
  void barrier(Obj* parent, Obj* child) {
    if (parent->gc_color < kBlack || !child) return;
    if (parent->gc_color == kBlack ? is_white(child)
                                   : !(parent->flags & kFlagRemembered) &&
                                         (parent->gc_color == kFixed ? child->gc_color != kFixed : is_white(child)))
      barrier_slow(parent);
  }
  /// Backward barrier for an object whose fields changed in bulk without barriers
  /// (a fiber's value stack while it ran): a black object is scanned again, a frozen
  /// one remembered.
  void touch(Obj* o) {
    if (o->gc_color == kBlack || (o->gc_color >= kFixed && !(o->flags & kFlagRemembered))) barrier_slow(o);
  }

  /// Freezes every object allocated so far (the runtime calls it once the core library
  /// is loaded): they get the colour kFixed and their pages leave the sweep, so no cycle
  /// marks, sweeps or frees them again. They still count in bytes_live() and against the
  /// cap; the pacing counts only the rest (set_pause). Finishes a cycle in progress
  /// first. A frozen object whose fields change without barriers (the root fiber's
  /// stack) must be touch()ed once after, so that it is remembered.
  void freeze();
  /// Bytes of frozen objects (part of bytes_live()).
  size_t frozen_bytes() const { return fixed_bytes_; }
  /// Frozen objects stored into since they were frozen (traced with the roots).
  size_t remembered_count() const { return remembered_.size(); }
  /// The objects `p.trace_roots` marks, in order and with repeats, colouring nothing:
  /// the work of one root scan (for tests).
  std::vector<Obj*> root_marks(RootProvider& p);

  /// A GC safepoint: may run an incremental step (or, in stress mode, a full collection).
  void safepoint() {
    if (debt_ > 0) step();
  }
  /// Whether allocation since the last step means a safepoint has work to do: in the
  /// pause, the heap has reached the threshold; during a cycle, a step's worth of bytes
  /// (kStepBytes) has been allocated since the last step.
  bool owes_work() const { return debt_ > 0; }
  /// Run a complete collection now (finishes any cycle in progress first).
  void collect();
  /// The longest pause an incremental step has made so far, in nanoseconds: measured
  /// only when CLOVE_GC_STATS is set (each cycle's line on stderr reports it), else 0.
  int64_t longest_step_ns() const { return longest_step_ns_; }

  void add_root_provider(RootProvider* p);
  void remove_root_provider(RootProvider* p);
  /// Values kept alive by C++ code across callbacks into the VM; see RootScope.
  std::vector<Value> temp_roots;

  /// Called for every freed object whose kFlagSourcePos flag is set (weak side tables).
  std::function<void(Obj*)> on_free_flagged;

  bool stress() const { return stress_; }
  void set_stress(bool on) {
    stress_ = on;
    set_threshold();
  }
  bool incremental_stress() const { return incremental_stress_; }
  void set_incremental_stress(bool on) {
    incremental_stress_ = on;
    set_threshold();
  }
  /// Bytes currently allocated (live or not yet swept): see set_limit for what counts.
  size_t bytes_live() const { return bytes_; }
  /// The part of bytes_live() outside the cells (see add_external).
  size_t external_bytes() const { return external_; }
  /// The live bytes found by the last finished cycle (what the next threshold is
  /// computed from).
  size_t estimate() const { return estimate_; }
  /// bytes_live() at which the next cycle starts (meaningful in the pause).
  size_t threshold() const { return threshold_; }
  /// Finished collection cycles, incremental or full.
  size_t collections() const { return cycles_; }
  size_t object_count() const { return objects_; }
  GcPhase phase() const { return phase_; }
  /// Memory cap in bytes (0 = none); exceeding it throws a Clove OutOfMemoryError at
  /// allocation (CloveError with ErrorKind::OutOfMemoryError; `catch` can handle it, as
  /// an Error or a Throwable). RuntimeOptions::max_memory sets it when a VM is made.
  /// Counted are the bytes the objects really occupy: their size-class cells, or their
  /// malloc'd block and its 16-byte size header.
  /// Memory outside the cells is counted too when the code that grows it says so (see
  /// add_external): strings' and numbers' buffers, fiber stacks, compiled code, the VM's
  /// tables. Under a cap the pacing starts cycles earlier (halfway from the live bytes
  /// to the cap) and finishes a cycle at once when the heap nears the cap, since a
  /// collection cannot run inside the allocation that would pass it. Once the cap has
  /// been passed, a reserve (an eighth of the cap, at least 1 MiB) is lent so that the
  /// error can be built, unwound and handled; it is taken back when a collection brings
  /// the heap under the cap again.
  void set_limit(size_t bytes);
  /// The cap in bytes, 0 for none.
  size_t limit() const { return limit_ == SIZE_MAX ? 0 : limit_; }
  /// Lifts the cap while it lives (allocation is still counted): for making the error
  /// that reports an error, which must not fail in turn when even the reserve is used up.
  class CapLifted {
   public:
    explicit CapLifted(Heap& h) : heap_(h), cap_(h.cap_) { h.cap_ = SIZE_MAX; }
    ~CapLifted() { heap_.cap_ = cap_; }
    CapLifted(const CapLifted&) = delete;
    CapLifted& operator=(const CapLifted&) = delete;

   private:
    Heap& heap_;
    size_t cap_;
  };

  // ---- memory outside the cells ----
  // An object owning memory outside its cell (a std::vector's buffer, GMP limbs) has
  // it counted in bytes_live(), and so against the cap, by the code that grows it; its
  // type's TypeInfo::external gives the bytes counted for it, which the sweep
  // subtracts when it frees the object. Tables of the VM that are no heap object (the
  // interner's) are counted the same way and never given back.
  /// Counts `n` bytes about to be allocated outside the cells. Throws OutOfMemoryError,
  /// counting nothing, if that passes the cap. Never collects.
  void add_external(size_t n) {
    if (passes_cap(n)) [[unlikely]]
      limit_exceeded();
    bytes_ += n;
    external_ += n;
    debt_ += static_cast<int64_t>(n);
  }
  /// Counts `n` bytes already allocated (their owner will give them back): never throws.
  /// check_limit() then reports passing the cap.
  void adopt_external(size_t n) {
    bytes_ += n;
    external_ += n;
    debt_ += static_cast<int64_t>(n);
  }
  /// Uncounts `n` bytes counted by add_external or adopt_external.
  void sub_external(size_t n) {
    n = std::min(n, external_);
    external_ -= n;
    bytes_ -= std::min(n, bytes_);
    debt_ -= static_cast<int64_t>(n);
  }
  /// Memory for one of the VM's hash tables (the interner's, a namespace's mappings):
  /// a whole pool page (Pool::take_block) for 16 KiB to a page, malloc otherwise. At
  /// start-up such a page lies in the first arena's huge page, where the core library's
  /// two 32 KiB tables cost a fraction of the 16 page faults they took on malloc's heap.
  /// Counts nothing (the owner counts with add_external); free_table with the same size
  /// gives it back. Contents unspecified; throws std::bad_alloc.
  void* alloc_table(size_t bytes) {
    if (is_table_block(bytes)) return pool_.take_block();
    void* p = std::malloc(bytes);
    if (!p) throw std::bad_alloc();
    return p;
  }
  void free_table(void* p, size_t bytes) {
    if (is_table_block(bytes)) pool_.give_block(p);
    else std::free(p);
  }
  static bool is_table_block(size_t bytes) { return bytes >= kTableBlockMin && bytes <= PoolPage::kSize; }
  /// Sets what is counted for an owner from `counted` to `actual` bytes (never throws).
  void recount_external(size_t& counted, size_t actual) {
    if (actual > counted) adopt_external(actual - counted);
    else sub_external(counted - actual);
    counted = actual;
  }
  /// Throws OutOfMemoryError if the heap is past the cap (after adopt_external).
  void check_limit() {
    if (bytes_ > cap_) [[unlikely]]
      limit_exceeded();
  }
  /// Grows the capacity of `c` (a std::vector or std::string whose buffer an object owns
  /// and counts in `counted`) to hold `n` elements, counting the new buffer first: the
  /// old and the new one coexist while the elements move. Throws OutOfMemoryError,
  /// changing nothing, past the cap.
  template <class C>
  void reserve_counted(C& c, size_t n, size_t& counted) {
    if (n <= c.capacity()) return;
    n = std::max(n, 2 * c.capacity());
    const size_t bytes = n * sizeof(typename C::value_type);
    add_external(bytes);
    try {
      c.reserve(n);
    } catch (...) {
      sub_external(bytes);
      throw;
    }
    sub_external(counted);
    counted = bytes;
    recount_external(counted, c.capacity() * sizeof(typename C::value_type));
  }

  /// The pacing parameters, as Lua 5.4's incremental mode (lua_gc LUA_GCINC):
  /// * pause (percent, default 200): a cycle starts when bytes_live() less the frozen
  ///   bytes reaches pause% of the live bytes the last cycle found, frozen ones not
  ///   counted (at least kMinThreshold);
  /// * step multiplier (percent, default kDefaultStepMul): every step does work (bytes
  ///   of objects marked, bytes of pages and large objects swept) equal to this
  ///   percentage of the bytes allocated since the previous step, so a cycle over a heap
  ///   of H bytes with L live ends after about (L + H) * 100 / stepmul bytes allocated.
  /// Values below 100 and 100 respectively are raised to them.
  void set_pause(int percent) { pause_ = percent < 100 ? 100 : percent; }
  int pause() const { return pause_; }
  void set_step_multiplier(int percent) { stepmul_ = percent < 100 ? 100 : percent; }
  int step_multiplier() const { return stepmul_; }
  static constexpr size_t kMinThreshold = size_t{1} << 20;  // the program's own bytes before a cycle
  static constexpr int64_t kStepBytes = int64_t{32} << 10;   // bytes allocated per step
  static constexpr int kDefaultPause = 200;
  static constexpr int kDefaultStepMul = 400;
  /// Generational mode (the default; CLOVE_GC=incremental turns it off): objects that
  /// survive a cycle become old (kOld), and *minor* cycles mark and sweep only young
  /// objects plus the remembered old ones, so a program's large long-lived data is not
  /// marked again at every cycle. Survivors become old only when the cycle found at
  /// least kMinGenerationalLive bytes live (below that, every cycle is a major one, as
  /// in the plain incremental mode). A minor cycle starts after the program allocates
  /// kMinorPercent% of its live bytes (at least kMinThreshold); a *major* one, which
  /// whitens the old objects and collects everything, once the live bytes a cycle finds
  /// reach kMajorPercent% of what the last major one found, or after kMaxMinors minor
  /// ones. Lua 5.4's generational mode (genminormul, genmajormul), non-moving "sticky
  /// mark bits" (Demers et al. 1990).
  bool generational() const { return generational_; }
  /// Switches generational mode: finishes a cycle in progress first (collect()); turning
  /// it off makes the old objects white again (whiten_old). The next cycle is major.
  void set_generational(bool on);
  static constexpr int kMinorPercent = 25;
  static constexpr size_t kMajorPercent = 150;
  static constexpr size_t kMaxMinors = 8;
  /// The live bytes a major cycle must find for its survivors to become old.
  static constexpr size_t kMinGenerationalLive = size_t{4} << 20;
  /// Bytes of objects the current (or last) cycle has marked.
  size_t marked_bytes() const { return marked_; }
  /// Finished minor cycles (part of collections()).
  size_t minor_collections() const { return minors_; }

  bool is_white(const Obj* o) const { return o->gc_color < kGray; }
  bool is_dead(const Obj* o) const { return o->gc_color == other_white(); }

  /// Heap validator for tests: every object reachable from the roots is an allocated
  /// object of this heap (a live pool cell or on the large-object list) and not dead. Returns the number of reachable objects, or
  /// throws std::logic_error describing the first problem.
  size_t validate();
  /// For tests, between incremental steps: the edges from a black object to a white one
  /// among the objects reachable from the roots. The tri-colour invariant the write
  /// barrier keeps says there are none while marking (Dijkstra et al. 1978).
  size_t black_to_white_edges();

  /// Greys a white object (puts it on the grey stack); other colours are left alone.
  /// Inside mark_step the test is deferred: o is prefetched and joins the mark-ahead
  /// ring, and the object kMarkAhead edges earlier is tested instead (see mark_step).
  void mark_obj(Obj* o) {
    if (marking_ahead_) [[likely]] {
      __builtin_prefetch(o, 1);
      if (ahead_n_ < kMarkAhead) {
        ahead_[(ahead_head_ + ahead_n_++) % kMarkAhead] = o;
        return;
      }
      Obj* due = ahead_[ahead_head_];
      ahead_[ahead_head_] = o;
      ahead_head_ = (ahead_head_ + 1) % kMarkAhead;
      grey(due);
      return;
    }
    if (capture_) [[unlikely]] {
      capture_->push_back(o);
      return;
    }
    grey(o);
  }
  void grey(Obj* o) {
    if (is_white(o)) {
      o->gc_color = kGray;
      gray_.push_back(o);
    }
  }
  /// Takes the oldest object out of the mark-ahead ring and greys it if white; false
  /// when the ring is empty.
  bool grey_oldest_ahead() {
    if (ahead_n_ == 0) return false;
    Obj* o = ahead_[ahead_head_];
    ahead_head_ = (ahead_head_ + 1) % kMarkAhead;
    --ahead_n_;
    grey(o);
    return true;
  }
  /// Greys what the mark-ahead ring still holds and empties it.
  void flush_ahead() {
    while (grey_oldest_ahead()) {
    }
  }

  /// The allocator's pages (for tests and statistics).
  const Pool& pool() const { return pool_; }

 private:
  friend struct Tracer;
  static constexpr size_t kLargeHeader = 16;  // size prefix of a malloc'd object, keeps alignment
  /// Memory for an object of `sz` bytes, counted in bytes_ and debt_.
  void* allocate(size_t sz) {
    const bool small = sz <= Pool::kMaxSmall;
    const size_t charge = small ? Pool::cell_size_of(Pool::class_of(sz)) : sz + kLargeHeader;
    if (passes_cap(charge)) [[unlikely]]
      limit_exceeded();
    void* mem = small ? pool_.alloc(sz) : alloc_large(sz);
    bytes_ += charge;
    debt_ += static_cast<int64_t>(charge);
    ++objects_;
    return mem;
  }
  /// Whether counting `n` more bytes would pass the cap (and its reserve, once lent).
  bool passes_cap(size_t n) const { return n > cap_ || bytes_ > cap_ - n; }
  /// Undoes allocate() for memory whose constructor threw.
  void unallocate(void* mem, size_t sz);
  [[noreturn]] void limit_exceeded();
  void* alloc_large(size_t sz);
  void free_large(Obj* o);
  void finalize(Obj* o);
  void barrier_slow(Obj* parent);
  void step();
  void stress_step();
  /// Advances the cycle by about `budget` units of work (bytes); returns the work done.
  size_t single_step(size_t budget);
  void start_cycle();
  /// Blackens grey objects until `budget` bytes of them are scanned or none is left;
  /// returns the bytes scanned.
  size_t mark_step(size_t budget);
  /// Ends marking; returns the work done (bytes scanned).
  size_t atomic();
  /// Sweeps pages and large objects until `budget` bytes of them are swept or the sweep
  /// is done (sets `done`); returns the bytes swept.
  size_t sweep_step(size_t budget, bool& done);
  /// Ends a cycle: back to the pause, with the next threshold (Lua's setpause).
  void finish_cycle(const char* how);
  /// A whole cycle at once (after finishing one in progress): a major one, or in
  /// generational mode a minor one when `major` is false.
  void full_cycle(bool major);
  /// Generational mode: every old object becomes white again (the start of a major
  /// cycle, or leaving the mode), and old objects leave the remembered list.
  void whiten_old();
  void set_threshold();
  bool pressed() const;
  void trace_roots(Tracer& t);
  uint8_t other_white() const { return current_white_ ^ 1; }
  /// Calls visit(o, children, nchildren) on every object reachable from the roots,
  /// once; returns how many (validate and black_to_white_edges).
  template <class Visit>
  size_t walk_reachable(Visit&& visit);

  Pool pool_;
  const TypeInfo* types_;     // the per-type table, indexed by ObjType
  Obj* large_ = nullptr;      // malloc'd objects, linked by Obj::gc_next
  size_t sweep_page_ = 0;     // sweep cursor: the next pool page to sweep ...
  size_t sweep_end_ = 0;      // ... below this index (pages made later hold only new objects)
  Obj** sweep_large_ = nullptr;  // ... then the link to the next large object
  std::vector<Obj*> gray_;
  // The mark-ahead ring (mark_step): a FIFO of edges found by tracing, prefetched,
  // whose colour test waits until kMarkAhead more edges have been found, or until the
  // grey stack runs dry. Empty outside mark_step.
  static constexpr uint32_t kMarkAhead = 8;
  Obj* ahead_[kMarkAhead] = {};
  uint32_t ahead_head_ = 0;  // the oldest entry
  uint32_t ahead_n_ = 0;     // entries in use
  bool marking_ahead_ = false;
  std::vector<Obj*> gray_again_;  // greyed by the barrier while marking; scanned in atomic()
  std::vector<Obj*> remembered_;  // frozen objects stored into: traced with the roots
  Obj* frozen_large_ = nullptr;   // frozen malloc'd objects, linked by Obj::gc_next
  size_t fixed_bytes_ = 0;        // bytes of frozen objects (counted in bytes_)
  std::vector<RootProvider*> providers_;
  GcPhase phase_ = GcPhase::Pause;
  uint8_t current_white_ = kWhite0;
  int64_t longest_step_ns_ = 0;  // longest_step_ns()
  bool generational_ = true;
  bool minor_ = false;         // the cycle in progress is a minor one
  bool promote_ = false;       // the sweep in progress makes marked survivors old
  bool has_old_ = false;       // a sweep has made objects old since whiten_old last ran
  bool next_major_ = true;     // the next cycle must be a major one
  size_t major_base_ = 0;      // the program's live bytes the last major cycle found
  size_t minors_ = 0;
  size_t minors_since_major_ = 0;
  size_t marked_ = 0;          // bytes marked by the cycle in progress or the last one
  bool stress_ = false;
  bool incremental_stress_ = false;
  bool in_gc_ = false;
  bool emergency_ = false;  // the cap was passed: the next step collects fully
  // Bytes allocated beyond the allowance (Lua's GCdebt): positive means a step is owed.
  // In the pause it is bytes_ - threshold_; after a step, minus the credit left
  // (at least kStepBytes).
  int64_t debt_ = 0;
  size_t bytes_ = 0;        // bytes currently allocated
  size_t threshold_ = 0;    // start a cycle when bytes_ passes this
  size_t estimate_ = 0;     // live bytes found by the last cycle (Lua's GCestimate)
  int pause_ = kDefaultPause;
  int stepmul_ = kDefaultStepMul;
  size_t objects_ = 0;
  size_t cycles_ = 0;
  size_t limit_ = SIZE_MAX;  // SIZE_MAX: no cap
  size_t cap_ = SIZE_MAX;    // what allocation checks against: limit_, plus the reserve once passed
  size_t external_ = 0;      // the part of bytes_ outside the cells
  std::vector<Obj*>* capture_ = nullptr;  // validate(): collect marks instead of colouring
};

inline void Tracer::mark(Value v) {
  if (v.is_obj()) heap.mark_obj(v.as_obj());
}
inline void Tracer::mark(Obj* o) {
  if (o) heap.mark_obj(o);
}

/// Pins values for the lifetime of the scope: anything push()ed stays alive even when
/// the code calls back into the VM. `Value& v = scope.push(x)` gives a slot that may be
/// updated in place (the reference stays valid until the next push).
class RootScope {
 public:
  explicit RootScope(Heap& h) : heap_(h), mark_(h.temp_roots.size()) {}
  ~RootScope() { heap_.temp_roots.resize(mark_); }
  size_t push(Value v) {
    heap_.temp_roots.push_back(v);
    return heap_.temp_roots.size() - 1;
  }
  Value& operator[](size_t i) { return heap_.temp_roots[i]; }
  RootScope(const RootScope&) = delete;
  RootScope& operator=(const RootScope&) = delete;

 private:
  Heap& heap_;
  size_t mark_;
};

/// A std::allocator for the VM's hash tables: their arrays come from
/// Heap::alloc_table (a pool page for the big ones). Stateful: it carries the heap.
template <class T>
struct TableAllocator {
  using value_type = T;
  Heap* heap;
  explicit TableAllocator(Heap* h) : heap(h) {}
  template <class U>
  TableAllocator(const TableAllocator<U>& o) : heap(o.heap) {}
  T* allocate(size_t n) { return static_cast<T*>(heap->alloc_table(n * sizeof(T))); }
  void deallocate(T* p, size_t n) { heap->free_table(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const TableAllocator<U>& o) const {
    return heap == o.heap;
  }
};

}  // namespace clove
