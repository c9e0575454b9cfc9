// heap.cpp: the incremental tri-colour mark-sweep collector.
//
// The design, as an essay (docs/design/gc.md says the same at more length):
//
// Every object starts with an Obj header holding a colour. White objects have not
// been reached this cycle, grey ones have been reached but their children not yet
// scanned (they sit on gray_), black ones are reached and scanned. There are two
// whites (Lua 5.x): `current_white_` is the colour of objects allocated now;
// after the atomic phase the meaning flips, so everything still carrying the *other*
// white is garbage, while objects allocated during the sweep carry the new white and
// survive it.
//
// A cycle runs in three phases, advanced at the safepoints that owe work (debt_ > 0):
//   Pause -> Mark: when bytes_ passes threshold_, roots are greyed.
//   Mark: grey objects are blackened, a budget of bytes per step.
//   Atomic (one step, not interruptible): roots are marked again (the value stacks
//     are not barriered, so they may hold new white objects), the objects the barrier
//     greyed (gray_again_) and every other grey object are drained, the whites flip.
//   Sweep: the pool's pages that existed at the atomic phase are walked page by page,
//     cells in address order (see gc/pool.h), then the list of large objects; dead
//     objects are freed, live ones repainted current white. Then Pause.
//
// Pacing is Lua 5.4's (lgc.c, incstep and setpause): the next cycle starts when the
// heap reaches pause% (200) of the live estimate, which is the bytes allocated at the
// atomic phase less what the sweep frees (not what was allocated while the cycle ran);
// each step pays the bytes allocated since the previous one times the step multiplier
// (400%) in work (bytes marked or swept), plus kStepBytes of credit.
//
// Memory: objects of up to Pool::kMaxSmall bytes live in the size-class pages of a
// Pool (segregated fits); a free needs no size, the page header gives it. Larger
// objects are malloc'd with a 16-byte prefix holding their size and are linked
// through Obj::gc_next. bytes_ counts the memory really taken (whole cells, malloc'd
// blocks with their prefix) plus what objects own outside the cells as their code
// reports it (add_external; TypeInfo::external is uncounted when the object is freed),
// so set_limit caps real bytes; TypeInfo::size only paces marking.
//
// Invariant while marking: no black object points to a white one, except via a
// root. Heap::barrier keeps it: storing a white value into a black object turns the
// object grey again (a backward barrier; it is cheap for objects mutated repeatedly,
// like atoms and transients, all the more as such an object is rescanned only in the
// atomic phase, whatever the number of stores).
//
// Safepoints: the collector never runs inside an allocation. The VM calls
// Heap::safepoint() between instructions, so C++ code that does not call back into
// the VM needs no rooting at all (Janet's rule). Code that calls back must keep its
// values reachable with RootScope or a RootProvider.
#include "gc/heap.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "core/error.h"

namespace clove {

namespace {

/// CLOVE_GC_STATS=1 (environment): one line on stderr per finished cycle, for tuning
/// the pacing. Read once per process.
bool stats_enabled() {
  static const bool on = [] {
    const char* s = std::getenv("CLOVE_GC_STATS");
    return s && *s && std::string(s) != "0";
  }();
  return on;
}

void report_cycle(const Heap& h, const char* how) {
  std::fprintf(stderr,
               "gc: cycle %zu (%s): %zu bytes marked, %zu bytes live (%zu found live), %zu objects, %zu pool pages "
               "(%zu cached), %zu remembered, next cycle at %zu bytes, longest pause so far %.2f ms\n",
               h.collections(), how, h.marked_bytes(), h.bytes_live(), h.estimate(), h.object_count(),
               h.pool().page_count(), h.pool().cached_pages(), h.remembered_count(), h.threshold(),
               static_cast<double>(h.longest_step_ns()) / 1e6);
}
}  // namespace

Heap::Heap() : types_(&type_info(ObjType{})) {
  // type_info() hands out the elements of one array (api/object_types.cpp).
  constexpr auto kLast = static_cast<ObjType>(static_cast<int>(ObjType::kCount) - 1);
  if (&type_info(kLast) != types_ + static_cast<int>(kLast)) std::abort();
  const char* s = std::getenv("CLOVE_GC_STRESS");
  std::string mode = s ? s : "";
  incremental_stress_ = mode == "incremental";
  stress_ = !mode.empty() && mode != "0" && !incremental_stress_;
  // CLOVE_GC=incremental: no generations (every cycle marks everything live).
  const char* g = std::getenv("CLOVE_GC");
  generational_ = !(g && std::string(g) == "incremental");
  set_threshold();
}

Heap::~Heap() {
  pool_.for_each_cell([&](void* c) {
    if (auto destroy = types_[static_cast<int>(static_cast<Obj*>(c)->type)].destroy) destroy(static_cast<Obj*>(c));
  });
  for (Obj* o : {large_, frozen_large_}) {
    while (o) {
      Obj* next = o->gc_next;
      if (auto destroy = types_[static_cast<int>(o->type)].destroy) destroy(o);
      std::free(reinterpret_cast<char*>(o) - kLargeHeader);
      o = next;
    }
  }
  // The pool's destructor returns its pages.
}

namespace {
/// A byte count as people write it: "64 MiB", "1536 KiB", "1000 bytes".
std::string bytes_text(size_t n) {
  if (n >= (size_t{1} << 30) && n % (size_t{1} << 30) == 0) return std::to_string(n >> 30) + " GiB";
  if (n >= (size_t{1} << 20) && n % (size_t{1} << 20) == 0) return std::to_string(n >> 20) + " MiB";
  if (n >= (size_t{1} << 10) && n % (size_t{1} << 10) == 0) return std::to_string(n >> 10) + " KiB";
  return std::to_string(n) + " bytes";
}
}  // namespace

void Heap::limit_exceeded() {
  // We are not at a safepoint, so collecting first is not possible: only throw. The
  // reserve lets the error be made and handled; if even that is used up (the cap was
  // already passed), the error is thrown again.
  if (cap_ == limit_) cap_ = limit_ + std::max(limit_ / 8, size_t{1} << 20);
  // The next safepoint collects fully: what the failed computation held becomes garbage
  // as the error unwinds it, but the cycle running now has marked it already.
  emergency_ = true;
  debt_ = std::max<int64_t>(debt_, 1);
  throw_error(ErrorKind::OutOfMemoryError, "memory limit of " + bytes_text(limit_) + " exceeded");
}

void* Heap::alloc_large(size_t sz) {
  void* mem = std::malloc(sz + kLargeHeader);
  if (!mem) throw std::bad_alloc();
  *static_cast<size_t*>(mem) = sz;
  return static_cast<char*>(mem) + kLargeHeader;
}

void Heap::free_large(Obj* o) {
  char* block = reinterpret_cast<char*>(o) - kLargeHeader;
  size_t charge = *reinterpret_cast<size_t*>(block) + kLargeHeader;
  bytes_ -= std::min(bytes_, charge);
  std::free(block);
}

void Heap::unallocate(void* mem, size_t sz) {
  --objects_;
  const size_t before = bytes_;
  if (sz <= Pool::kMaxSmall) {
    bytes_ -= Pool::cell_size_of(Pool::class_of(sz));
    pool_.free(mem);
  } else {
    free_large(static_cast<Obj*>(mem));
  }
  debt_ -= static_cast<int64_t>(before - bytes_);
}

void Heap::add_root_provider(RootProvider* p) { providers_.push_back(p); }
void Heap::remove_root_provider(RootProvider* p) {
  providers_.erase(std::remove(providers_.begin(), providers_.end(), p), providers_.end());
}

// The parent goes grey on gray_again_, which only the atomic phase scans (Lua's
// `grayagain` list): an object mutated over and over while marking, such as a
// transient's nodes, is rescanned once per cycle rather than after every store.
void Heap::barrier_slow(Obj* parent) {
  // Frozen and old objects, in every phase: no cycle traces them otherwise. A black
  // object in the sweep of a generational cycle is about to become old (sweep_step).
  if (parent->gc_color >= kFixed || (promote_ && phase_ == GcPhase::Sweep && parent->gc_color == kBlack)) {
    if (!(parent->flags & kFlagRemembered)) {
      parent->flags |= kFlagRemembered;
      remembered_.push_back(parent);
    }
    return;
  }
  if (phase_ != GcPhase::Mark) return;  // outside marking colours carry no invariant
  parent->gc_color = kGray;
  gray_again_.push_back(parent);
}

void Heap::trace_roots(Tracer& t) {
  for (RootProvider* p : providers_) p->trace_roots(t);
  for (Value v : temp_roots) t.mark(v);
  for (Obj* o : remembered_) types_[static_cast<int>(o->type)].trace(o, t);
}

void Heap::set_limit(size_t bytes) {
  limit_ = bytes ? bytes : SIZE_MAX;
  cap_ = limit_;
  if (phase_ == GcPhase::Pause) set_threshold();
}

// Lua's setpause: the next cycle starts when the heap reaches pause% of the live bytes
// found by the last one. Under a memory cap it starts no later than halfway from there
// to the cap, so that the cycle has room to finish.
// Frozen bytes are left out of the live estimate and added back on top: a cycle comes
// after the program's own heap grows by pause%.
void Heap::set_threshold() {
  const size_t own = estimate_ - std::min(estimate_, fixed_bytes_);
  size_t t;
  if (generational_ && !next_major_) {
    // A minor cycle after the program allocates kMinorPercent% of its live bytes.
    t = std::max(own / 100 * kMinorPercent, kMinThreshold);
    t = t > SIZE_MAX - estimate_ ? SIZE_MAX : t + estimate_;
  } else {
    t = own / 100 * static_cast<size_t>(pause_) + own % 100 * static_cast<size_t>(pause_) / 100;
    if (t < own) t = SIZE_MAX;  // overflow
    t = std::max(t, kMinThreshold);
    t = t > SIZE_MAX - fixed_bytes_ ? SIZE_MAX : t + fixed_bytes_;
  }
  if (limit_ != SIZE_MAX) t = std::min(t, estimate_ + (limit_ - std::min(limit_, estimate_)) / 2);
  threshold_ = t;
  debt_ = bytes_ >= threshold_ ? 0 : -static_cast<int64_t>(std::min<size_t>(threshold_ - bytes_, INT64_MAX));
  if (stress_ || incremental_stress_ || phase_ != GcPhase::Pause) debt_ = 0;  // the next allocation owes a step
}

void Heap::whiten_old() {
  // Old objects become ordinary white ones again, and stop being remembered: a major
  // cycle traces everything reachable anyway. Nothing to do (no walk over the heap)
  // when no sweep has made anything old since the last time.
  if (!has_old_) return;
  has_old_ = false;
  pool_.for_each_unfrozen_cell([&](void* c) {
    Obj* o = static_cast<Obj*>(c);
    if (o->gc_color == kOld) o->gc_color = current_white_;
  });
  for (Obj* o = large_; o; o = o->gc_next)
    if (o->gc_color == kOld) o->gc_color = current_white_;
  std::erase_if(remembered_, [](Obj* o) {
    if (o->gc_color == kFixed) return false;
    o->flags &= static_cast<uint16_t>(~kFlagRemembered);
    return true;
  });
}

void Heap::set_generational(bool on) {
  if (phase_ != GcPhase::Pause) collect();
  if (generational_ && !on) whiten_old();
  generational_ = on;
  next_major_ = true;
  set_threshold();
}

void Heap::start_cycle() {
  minor_ = generational_ && !next_major_;
  if (generational_ && !minor_) whiten_old();
  phase_ = GcPhase::Mark;
  marked_ = 0;
  gray_.clear();
  gray_again_.clear();
  Tracer t{*this};
  trace_roots(t);
}

// Marking a large heap waits on memory: the colour test of each edge (mark_obj) reads
// an object that is rarely in cache. So while tracing, mark_obj prefetches the object
// and puts it in a ring of kMarkAhead, testing the one it pushes out, which has had
// the time of eight edges to arrive (the prefetch FIFO of Cher, Hosking and
// Vijaykumar, "Software prefetching for mark-sweep garbage collection", ASPLOS 2004,
// placed on edges rather than on grey objects, since here the miss is the colour
// test). When the grey stack runs dry, the ring's oldest entries are tested one at a
// time until one is grey (a list, one edge per object, keeps a single entry instead
// of emptying the ring each time); before returning the ring is emptied, so between
// steps every edge out of a black object has been tested, as the incremental
// invariant needs.
size_t Heap::mark_step(size_t budget) {
  Tracer t{*this};
  size_t done = 0;
  marking_ahead_ = true;
  while (done < budget) {
    while (gray_.empty() && grey_oldest_ahead()) {
    }
    if (gray_.empty()) break;
    Obj* o = gray_.back();
    gray_.pop_back();
    if (o->gc_color == kBlack) continue;
    o->gc_color = kBlack;
    const TypeInfo& ti = types_[static_cast<int>(o->type)];
    ti.trace(o, t);
    done += ti.size(o);
  }
  marking_ahead_ = false;
  flush_ahead();
  marked_ += done;
  return done;
}

size_t Heap::atomic() {
  Tracer t{*this};
  trace_roots(t);
  gray_.insert(gray_.end(), gray_again_.begin(), gray_again_.end());
  gray_again_.clear();
  size_t work = mark_step(SIZE_MAX);
  current_white_ = other_white();
  phase_ = GcPhase::Sweep;
  // Generations pay only when the program keeps much alive: a small live set is cheap
  // to mark again, and the objects promoted from it are mostly in flight (a lazy seq's
  // current cell, which then keeps every young cell realised after it alive until a
  // major cycle). A major cycle that finds less than kMinGenerationalLive makes nothing
  // old, so the next cycle is a major one again.
  promote_ = generational_ && (minor_ || marked_ >= kMinGenerationalLive || stress_ || incremental_stress_);
  // Pages made from here on hold only objects of the new white: the sweep stops short
  // of them, so that it cannot chase the allocation of the program it runs beside.
  sweep_page_ = 0;
  sweep_end_ = pool_.page_count();
  sweep_large_ = &large_;
  // Lua's first estimate: everything allocated now, less what the sweep will free.
  estimate_ = bytes_;
  return work;
}

// Inline in the sweep: most dead objects (conses, vectors, map nodes, boxed numbers)
// own nothing outside their cell, and then this is three tests and no call.
inline void Heap::finalize(Obj* o) {
  if ((o->flags & kFlagSourcePos) && on_free_flagged) on_free_flagged(o);
  const TypeInfo& ti = types_[static_cast<int>(o->type)];
  if (ti.external) sub_external(ti.external(o));
  if (ti.destroy) ti.destroy(o);
  --objects_;
}

// Pool pages first, page by page in address order within each page (sequential memory,
// unlike a walk of a linked list), then the list of large objects. A page is swept
// whole and counts as its full size; a large object counts as its size.
size_t Heap::sweep_step(size_t budget, bool& finished) {
  size_t work = 0;
  const size_t bytes_before = bytes_;
  const uint8_t dead = other_white();
  // What a marked survivor becomes: old in generational mode, else the next cycle's white.
  const uint8_t survivor = promote_ ? kOld : current_white_;
  has_old_ = has_old_ || promote_;
  finished = false;
  // Releasing a page moves the last page into its slot: the range to sweep shrinks
  // when that page was in it, and otherwise a fresh page is swept for nothing.
  while (sweep_page_ < (sweep_end_ = std::min(sweep_end_, pool_.page_count()))) {
    PoolPage* page = pool_.page_at(sweep_page_);
    if (minor_ && !page->young) {  // only old objects: nothing a minor cycle may free
      ++sweep_page_;
      work += PoolPage::kHeaderSize;
      if (work >= budget) break;
      continue;
    }
    bool released = false, young = false;
    size_t freed_bytes = 0;
    pool_.sweep_page(sweep_page_, released, [&](void* c) {
      Obj* o = static_cast<Obj*>(c);
      if (o->gc_color == dead) {
        finalize(o);
        freed_bytes += Pool::page_of(c)->cell_size;
        return true;
      }
      if (o->gc_color == kBlack) o->gc_color = survivor;
      else if (o->gc_color != kOld) young = true;  // made since the atomic phase
      return false;
    });
    bytes_ -= std::min(bytes_, freed_bytes);
    if (!released) {
      page->young = !generational_ || young || pool_.is_current(page);
      ++sweep_page_;  // a released page's slot now holds another page
    }
    work += PoolPage::kSize;
    if (work >= budget) break;
  }
  if (work < budget) {
    while (*sweep_large_) {
      Obj* o = *sweep_large_;
      work += types_[static_cast<int>(o->type)].size(o);
      if (o->gc_color == dead) {
        *sweep_large_ = o->gc_next;
        finalize(o);
        free_large(o);
      } else {
        if (o->gc_color == kBlack) o->gc_color = survivor;
        sweep_large_ = &o->gc_next;
      }
      if (work >= budget) break;
    }
    finished = *sweep_large_ == nullptr;
  }
  // Lua's sweepstep: what is freed comes off the estimate (destructors may also have
  // returned memory counted outside the cells).
  estimate_ -= std::min(estimate_, bytes_before - std::min(bytes_before, bytes_));
  return work;
}

void Heap::finish_cycle(const char* how) {
  phase_ = GcPhase::Pause;
  ++cycles_;
  if (generational_) {
    // Lua 5.4's genmajormul: a major cycle once the program's live bytes (old garbage
    // included, which only a major cycle frees) reach kMajorPercent% of what the last
    // major cycle found, and at least every kMaxMinors cycles, so that old data that
    // died (a big structure dropped) is not kept for long. The stress modes alternate
    // (full) or run a major cycle every fourth one (incremental).
    const size_t own = estimate_ - std::min(estimate_, fixed_bytes_);
    if (minor_) {
      ++minors_;
      ++minors_since_major_;
    } else {
      major_base_ = own;
      minors_since_major_ = 0;
    }
    const size_t base = std::max(major_base_, kMinThreshold);
    next_major_ = !promote_ || own >= base / 100 * kMajorPercent || minors_since_major_ >= kMaxMinors ||
                  (incremental_stress_ && cycles_ % 4 == 0);
    if (minor_ && std::string_view(how) == "full") how = "full minor";
    else if (minor_) how = "minor";
  }
  if (bytes_ <= limit_) cap_ = limit_;  // under the cap again: take the reserve back
  pool_.trim_cache();
  set_threshold();
  if (stats_enabled()) report_cycle(*this, how);
}

size_t Heap::single_step(size_t budget) {
  switch (phase_) {
    case GcPhase::Pause:
      start_cycle();
      return 1;
    case GcPhase::Mark: {
      size_t work = mark_step(budget);
      if (gray_.empty()) work += atomic();
      return work + 1;
    }
    case GcPhase::Sweep: {
      bool finished = false;
      size_t work = sweep_step(budget, finished);
      if (finished) finish_cycle("incremental");
      return work + 1;
    }
  }
  return 1;
}

namespace {
/// Clears Heap::in_gc_ however a step ends (a bad_alloc growing the grey stack).
struct InGc {
  bool& flag;
  explicit InGc(bool& f) : flag(f) { flag = true; }
  ~InGc() { flag = false; }
};
}  // namespace

void Heap::stress_step() {
  if (stress_) {
    // Full stress: in generational mode minor and major cycles alternate, so that both
    // run at every allocating safepoint in turn.
    full_cycle(!generational_ || cycles_ % 2 == 0);
  } else {
    // Incremental stress: a cycle always running, advanced by a tiny budget.
    InGc guard(in_gc_);
    if (phase_ == GcPhase::Pause) start_cycle();
    if (phase_ == GcPhase::Mark) {
      mark_step(256);
      if (gray_.empty()) atomic();
    } else {
      bool finished = false;
      sweep_step(1, finished);
      if (finished) finish_cycle("incremental stress");
    }
  }
  debt_ = 0;  // the next allocation owes work again
}

// Under a cap: whether the heap is past halfway from where the cycle started to the
// cap, so that the cycle must end now (allocation may not wait for it).
bool Heap::pressed() const {
  if (limit_ == SIZE_MAX) return false;
  const size_t start = std::min(threshold_, limit_);
  return bytes_ >= start + (limit_ - start) / 2;
}

// Lua 5.4's incstep: the debt, converted to work by the step multiplier, is paid off
// with single steps plus one step's worth of credit, so that the next step comes after
// kStepBytes more are allocated (or when the heap reaches the next threshold, if the
// cycle ended). Near a memory cap the rest of the cycle is done at once.
void Heap::step() {
  if (in_gc_) return;
  if (emergency_) {  // the cap was passed: a full collection, floating garbage included
    emergency_ = false;
    collect();
    return;
  }
  if (stress_ || incremental_stress_) return stress_step();
  if (phase_ == GcPhase::Pause && bytes_ < threshold_) {
    set_threshold();  // frees brought the heap back under the threshold
    return;
  }
  InGc guard(in_gc_);
  // The pause this step makes, timed only for CLOVE_GC_STATS (a clock read per step).
  const bool timed = stats_enabled();
  const auto start = timed ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{};
  const int64_t mul = stepmul_;
  const int64_t credit = kStepBytes * mul / 100;
  int64_t work = std::min<int64_t>(debt_, INT64_MAX / mul) * mul / 100;
  if (pressed()) work = INT64_MAX / 2;
  do {
    work -= static_cast<int64_t>(single_step(static_cast<size_t>(work + credit)));
  } while (work > -credit && phase_ != GcPhase::Pause);
  if (phase_ != GcPhase::Pause) debt_ = std::min<int64_t>(work, -credit) * 100 / mul;
  if (timed) {
    const int64_t ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count();
    longest_step_ns_ = std::max(longest_step_ns_, ns);
  }
}

void Heap::freeze() {
  if (phase_ != GcPhase::Pause) collect();
  // Recoloured in place (a list of the objects would cost a pointer each, on the
  // start-up's peak). Every object there is is now frozen, so no edge leads from a
  // frozen object to one that is not: nothing needs remembering yet (validate() checks
  // it).
  pool_.for_each_cell([](void* c) { static_cast<Obj*>(c)->gc_color = kFixed; });
  for (Obj* o = large_; o; o = o->gc_next) o->gc_color = kFixed;
  while (large_) {
    Obj* o = large_;
    large_ = o->gc_next;
    o->gc_next = frozen_large_;
    frozen_large_ = o;
  }
  pool_.freeze();
  fixed_bytes_ = bytes_;
  estimate_ = std::max(estimate_, fixed_bytes_);
  set_threshold();
}

void Heap::collect() { full_cycle(true); }

void Heap::full_cycle(bool major) {
  if (in_gc_) return;
  InGc guard(in_gc_);
  // Finish a cycle in progress first: objects greyed by the barrier sit on gray_, so
  // marking cannot simply restart.
  bool finished = false;
  if (phase_ == GcPhase::Mark) {
    mark_step(SIZE_MAX);
    atomic();
  }
  if (phase_ == GcPhase::Sweep) sweep_step(SIZE_MAX, finished);
  if (major) next_major_ = true;
  start_cycle();
  mark_step(SIZE_MAX);
  atomic();
  sweep_step(SIZE_MAX, finished);
  finish_cycle("full");
}

std::vector<Obj*> Heap::root_marks(RootProvider& p) {
  std::vector<Obj*> found;
  capture_ = &found;
  Tracer t{*this};
  try {
    p.trace_roots(t);
  } catch (...) {
    capture_ = nullptr;
    throw;
  }
  capture_ = nullptr;
  return found;
}

// The test helpers' walk: every object reachable from the roots, once, with its
// children (capture_ collects the edges a trace reports instead of marking them).
template <class Visit>
size_t Heap::walk_reachable(Visit&& visit) {
  std::vector<Obj*> found;
  std::unordered_set<Obj*> seen;
  capture_ = &found;
  Tracer t{*this};
  try {
    trace_roots(t);
    while (!found.empty()) {
      Obj* o = found.back();
      found.pop_back();
      if (!seen.insert(o).second) continue;
      const size_t before = found.size();
      types_[static_cast<int>(o->type)].trace(o, t);
      visit(o, found.data() + before, found.size() - before);
    }
  } catch (...) {
    capture_ = nullptr;
    throw;
  }
  capture_ = nullptr;
  return seen.size();
}

size_t Heap::validate() {
  std::unordered_set<Obj*> all;
  auto add = [&](Obj* o) {
    if (is_dead(o) && phase_ != GcPhase::Sweep)
      throw std::logic_error(std::string("a ") + type_name(o->type) + " with a dead colour outside the sweep phase");
    if (o->gc_color > kOld) throw std::logic_error("an object with an invalid colour");
    if (o->gc_color == kOld && !generational_) throw std::logic_error("an old object outside generational mode");
    all.insert(o);
  };
  pool_.for_each_cell([&](void* c) { add(static_cast<Obj*>(c)); });
  for (Obj* o = large_; o; o = o->gc_next) add(o);
  for (Obj* o = frozen_large_; o; o = o->gc_next) add(o);
  return walk_reachable([&](Obj* o, const Obj* const* kids, size_t nkids) {
    if (!all.count(o)) throw std::logic_error("reachable object is not an allocated object of this heap");
    if (is_dead(o)) throw std::logic_error(std::string("reachable ") + type_name(o->type) + " is dead");
    // A frozen object that points to one that is not must be remembered, or no cycle
    // would trace that edge.
    if (o->gc_color == kFixed && !(o->flags & kFlagRemembered))
      for (size_t k = 0; k < nkids; ++k)
        if (kids[k]->gc_color != kFixed)
          throw std::logic_error(std::string("a frozen ") + type_name(o->type) + " points to a " +
                                 type_name(kids[k]->type) + " that is not frozen, and is not remembered");
    // So must an old object that points to a young one a minor cycle could free.
    if (o->gc_color == kOld && !(o->flags & kFlagRemembered))
      for (size_t k = 0; k < nkids; ++k)
        if (is_white(kids[k]))
          throw std::logic_error(std::string("an old ") + type_name(o->type) + " points to a young " +
                                 type_name(kids[k]->type) + ", and is not remembered");
  });
}

size_t Heap::black_to_white_edges() {
  size_t edges = 0;
  walk_reachable([&](Obj* o, const Obj* const* kids, size_t nkids) {
    if (o->gc_color == kBlack)
      for (size_t k = 0; k < nkids; ++k) edges += is_white(kids[k]);
  });
  return edges;
}

}  // namespace clove
