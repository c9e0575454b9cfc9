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
// A cycle runs in three phases, each advanced a little at every safepoint that owes
// work (debt_ > 0, i.e. bytes were allocated since the last step):
//   Pause -> Mark: when bytes_ passes threshold_, roots are greyed.
//   Mark: grey objects are blackened, a budget of bytes per step.
//   Atomic (one step, not interruptible): roots are marked again (the value stacks
//     are not barriered, so they may hold new white objects), the objects the barrier
//     greyed (gray_again_) and every other grey object are drained, the whites flip.
//   Sweep: the pool's pages are walked page by page, cells in address order (see
//     gc/pool.h), then the list of large objects; dead objects are freed, live ones
//     repainted current white. Then Pause, with threshold_ = 2x live bytes.
//
// Memory: objects of up to Pool::kMaxSmall bytes live in the size-class pages of a
// Pool (segregated fits); a free needs no size, the page header gives it. Larger
// objects are malloc'd with a 16-byte prefix holding their size and are linked
// through Obj::gc_next. bytes_ counts the memory really taken (whole cells, malloc'd
// blocks with their prefix), so set_limit caps real bytes; TypeInfo::size only paces
// marking.
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
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "core/error.h"

namespace clove {

namespace {
constexpr size_t kMinThreshold = 4u << 20;  // the first cycle starts after 4 MiB
constexpr size_t kStepBytes = 32u << 10;    // work a step does per ~32 KiB allocated

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
  std::fprintf(stderr, "gc: cycle %zu (%s): %zu bytes live in %zu objects, %zu pool pages (%zu cached)\n",
               h.collections(), how, h.bytes_live(), h.object_count(), h.pool().page_count(),
               h.pool().cached_pages());
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
  threshold_ = kMinThreshold;
}

Heap::~Heap() {
  pool_.for_each_cell([&](void* c) { types_[static_cast<int>(static_cast<Obj*>(c)->type)].destroy(static_cast<Obj*>(c)); });
  Obj* o = large_;
  while (o) {
    Obj* next = o->gc_next;
    types_[static_cast<int>(o->type)].destroy(o);
    std::free(reinterpret_cast<char*>(o) - kLargeHeader);
    o = next;
  }
  // The pool's destructor returns its pages.
}

void Heap::limit_exceeded() {
  // We are not at a safepoint, so collecting first is not possible: only count.
  throw_error(ErrorKind::OutOfMemoryError, "memory limit of " + std::to_string(limit_) + " bytes exceeded");
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
  if (sz <= Pool::kMaxSmall) {
    bytes_ -= Pool::cell_size_of(Pool::class_of(sz));
    pool_.free(mem);
  } else {
    free_large(static_cast<Obj*>(mem));
  }
}

void Heap::add_root_provider(RootProvider* p) { providers_.push_back(p); }
void Heap::remove_root_provider(RootProvider* p) {
  providers_.erase(std::remove(providers_.begin(), providers_.end(), p), providers_.end());
}

// The parent goes grey on gray_again_, which only the atomic phase scans (Lua's
// `grayagain` list): an object mutated over and over while marking, such as a
// transient's nodes, is rescanned once per cycle rather than after every store.
void Heap::barrier_slow(Obj* parent) {
  if (phase_ != GcPhase::Mark) return;  // outside marking colours carry no invariant
  parent->gc_color = kGray;
  gray_again_.push_back(parent);
}

void Heap::trace_roots(Tracer& t) {
  for (RootProvider* p : providers_) p->trace_roots(t);
  for (Value v : temp_roots) t.mark(v);
}

void Heap::start_cycle() {
  phase_ = GcPhase::Mark;
  gray_.clear();
  gray_again_.clear();
  Tracer t{*this};
  trace_roots(t);
}

bool Heap::mark_step(size_t budget) {
  Tracer t{*this};
  size_t done = 0;
  while (!gray_.empty()) {
    Obj* o = gray_.back();
    gray_.pop_back();
    if (o->gc_color == kBlack) continue;
    o->gc_color = kBlack;
    const TypeInfo& ti = types_[static_cast<int>(o->type)];
    ti.trace(o, t);
    done += ti.size(o);
    if (done >= budget) return false;
  }
  return true;
}

void Heap::atomic() {
  Tracer t{*this};
  trace_roots(t);
  gray_.insert(gray_.end(), gray_again_.begin(), gray_again_.end());
  gray_again_.clear();
  mark_step(SIZE_MAX);
  current_white_ = other_white();
  phase_ = GcPhase::Sweep;
  sweep_page_ = 0;
  sweep_large_ = &large_;
}

void Heap::finalize(Obj* o) {
  if ((o->flags & kFlagSourcePos) && on_free_flagged) on_free_flagged(o);
  types_[static_cast<int>(o->type)].destroy(o);
  --objects_;
}

// Pool pages first, page by page in address order within each page (sequential memory,
// unlike a walk of a linked list), then the list of large objects. `budget` counts
// objects visited; a page is swept whole.
bool Heap::sweep_step(size_t budget) {
  size_t done = 0;
  const uint8_t dead = other_white();
  const uint8_t white = current_white_;
  while (sweep_page_ < pool_.page_count()) {
    bool released = false;
    size_t freed_bytes = 0;
    done += pool_.sweep_page(sweep_page_, released, [&](void* c) {
      Obj* o = static_cast<Obj*>(c);
      if (o->gc_color == dead) {
        finalize(o);
        freed_bytes += Pool::page_of(c)->cell_size;
        return true;
      }
      o->gc_color = white;
      return false;
    });
    bytes_ -= std::min(bytes_, freed_bytes);
    if (!released) ++sweep_page_;  // a released page's slot now holds an unswept page
    if (done >= budget) return false;
  }
  while (*sweep_large_) {
    Obj* o = *sweep_large_;
    if (o->gc_color == dead) {
      *sweep_large_ = o->gc_next;
      finalize(o);
      free_large(o);
    } else {
      o->gc_color = white;
      sweep_large_ = &o->gc_next;
    }
    if (++done >= budget) return false;
  }
  return true;
}

void Heap::step() {
  if (in_gc_) return;
  in_gc_ = true;
  if (stress_) {
    in_gc_ = false;
    collect();
    debt_ = 0;
    return;
  }
  if (incremental_stress_) {
    if (phase_ == GcPhase::Pause) start_cycle();
    debt_ = 0;
    if (phase_ == GcPhase::Mark) {
      if (mark_step(256)) atomic();
    } else if (sweep_step(64)) {
      phase_ = GcPhase::Pause;
      ++cycles_;
    }
    in_gc_ = false;
    return;
  }
  if (phase_ == GcPhase::Pause) {
    if (bytes_ < threshold_) {
      debt_ = 0;
      in_gc_ = false;
      return;
    }
    start_cycle();
  }
  if (debt_ < static_cast<int64_t>(kStepBytes) && bytes_ < threshold_ * 2) {
    in_gc_ = false;
    return;  // not enough owed yet; keep accumulating
  }
  size_t budget = static_cast<size_t>(debt_) * 2 + kStepBytes;
  debt_ = 0;
  if (phase_ == GcPhase::Mark) {
    if (mark_step(budget)) atomic();
  } else if (phase_ == GcPhase::Sweep) {
    if (sweep_step(budget / 64 + 64)) {
      phase_ = GcPhase::Pause;
      ++cycles_;
      estimate_ = bytes_;
      threshold_ = std::max(kMinThreshold, estimate_ * 2);
      if (stats_enabled()) report_cycle(*this, "incremental");
    }
  }
  in_gc_ = false;
}

void Heap::collect() {
  if (in_gc_) return;
  in_gc_ = true;
  // Finish a cycle in progress first: objects greyed by the barrier sit on gray_, so
  // marking cannot simply restart.
  if (phase_ == GcPhase::Mark) {
    mark_step(SIZE_MAX);
    atomic();
  }
  if (phase_ == GcPhase::Sweep) sweep_step(SIZE_MAX);
  start_cycle();
  mark_step(SIZE_MAX);
  atomic();
  sweep_step(SIZE_MAX);
  phase_ = GcPhase::Pause;
  ++cycles_;
  estimate_ = bytes_;
  threshold_ = std::max(kMinThreshold, estimate_ * 2);
  debt_ = 0;
  if (stats_enabled()) report_cycle(*this, "full");
  in_gc_ = false;
}

size_t Heap::validate() {
  std::unordered_set<Obj*> all;
  auto add = [&](Obj* o) {
    if (is_dead(o) && phase_ != GcPhase::Sweep)
      throw std::logic_error(std::string("a ") + type_name(o->type) + " with a dead colour outside the sweep phase");
    if (o->gc_color > kBlack) throw std::logic_error("an object with an invalid colour");
    all.insert(o);
  };
  pool_.for_each_cell([&](void* c) { add(static_cast<Obj*>(c)); });
  for (Obj* o = large_; o; o = o->gc_next) add(o);
  std::vector<Obj*> found;
  capture_ = &found;
  Tracer t{*this};
  try {
    trace_roots(t);
    std::unordered_set<Obj*> seen;
    while (!found.empty()) {
      Obj* o = found.back();
      found.pop_back();
      if (!seen.insert(o).second) continue;
      if (!all.count(o)) throw std::logic_error("reachable object is not an allocated object of this heap");
      if (is_dead(o))
        throw std::logic_error(std::string("reachable ") + type_name(o->type) + " is dead");
      types_[static_cast<int>(o->type)].trace(o, t);
    }
    capture_ = nullptr;
    return seen.size();
  } catch (...) {
    capture_ = nullptr;
    throw;
  }
}

}  // namespace clove
