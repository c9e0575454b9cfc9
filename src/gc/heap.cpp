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
//     are not barriered, so they may hold new white objects), grey objects are
//     drained, the whites flip.
//   Sweep: the all-objects list is walked a budget at a time; dead objects are freed,
//     live ones repainted current white. Then Pause, with threshold_ = 2x live bytes.
//
// Invariant while marking: no black object points to a white one, except via a
// root. Heap::barrier keeps it: storing a white value into a black object turns the
// object grey again (a backward barrier; it is cheap for objects mutated repeatedly,
// like atoms and transients).
//
// Safepoints: the collector never runs inside an allocation. The VM calls
// Heap::safepoint() between instructions, so C++ code that does not call back into
// the VM needs no rooting at all (Janet's rule). Code that calls back must keep its
// values reachable with RootScope or a RootProvider.
#include "gc/heap.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <unordered_set>

#include "common/error.h"

namespace clove {

namespace {
constexpr size_t kMinThreshold = 4u << 20;  // the first cycle starts after 4 MiB
constexpr size_t kStepBytes = 32u << 10;    // work a step does per ~32 KiB allocated
}  // namespace

Heap::Heap() {
  const char* s = std::getenv("CLOVE_GC_STRESS");
  std::string mode = s ? s : "";
  incremental_stress_ = mode == "incremental";
  stress_ = !mode.empty() && mode != "0" && !incremental_stress_;
  threshold_ = kMinThreshold;
}

Heap::~Heap() {
  Obj* o = all_;
  while (o) {
    Obj* next = o->gc_next;
    type_info(o->type).destroy(o);
    std::free(o);
    o = next;
  }
}

void* Heap::raw_alloc(size_t sz) {
  if (limit_ && bytes_ + sz > limit_) {
    // Collect once before giving up; we are not at a safepoint, so only count.
    throw_error(ErrorKind::OutOfMemoryError,
                "memory limit of " + std::to_string(limit_) + " bytes exceeded");
  }
  void* mem = std::malloc(sz);
  if (!mem) throw std::bad_alloc();
  return mem;
}

void Heap::link(Obj* o, size_t sz) {
  o->gc_color = current_white_;
  o->gc_next = all_;
  all_ = o;
  bytes_ += sz;
  debt_ += static_cast<int64_t>(sz);
  ++objects_;
}

void Heap::add_root_provider(RootProvider* p) { providers_.push_back(p); }
void Heap::remove_root_provider(RootProvider* p) {
  providers_.erase(std::remove(providers_.begin(), providers_.end(), p), providers_.end());
}

void Heap::mark_obj(Obj* o) {
  if (capture_) {
    capture_->push_back(o);
    return;
  }
  if (!is_white(o)) return;
  o->gc_color = kGray;
  gray_.push_back(o);
}

void Heap::barrier_slow(Obj* parent) {
  if (phase_ != GcPhase::Mark) return;  // outside marking colours carry no invariant
  parent->gc_color = kGray;
  gray_.push_back(parent);
}

void Heap::trace_roots(Tracer& t) {
  for (RootProvider* p : providers_) p->trace_roots(t);
  for (Value v : temp_roots) t.mark(v);
}

void Heap::start_cycle() {
  phase_ = GcPhase::Mark;
  gray_.clear();
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
    const TypeInfo& ti = type_info(o->type);
    ti.trace(o, t);
    done += ti.size(o);
    if (done >= budget) return false;
  }
  return true;
}

void Heap::atomic() {
  Tracer t{*this};
  trace_roots(t);
  mark_step(SIZE_MAX);
  current_white_ = other_white();
  phase_ = GcPhase::Sweep;
  sweep_cursor_ = &all_;
}

void Heap::free_obj(Obj* o) {
  if ((o->flags & kFlagSourcePos) && on_free_flagged) on_free_flagged(o);
  const TypeInfo& ti = type_info(o->type);
  size_t sz = ti.size(o);
  bytes_ -= std::min(bytes_, sz);
  --objects_;
  ti.destroy(o);
  std::free(o);
}

bool Heap::sweep_step(size_t budget) {
  size_t done = 0;
  uint8_t dead = other_white();
  while (*sweep_cursor_) {
    Obj* o = *sweep_cursor_;
    if (o->gc_color == dead) {
      *sweep_cursor_ = o->gc_next;
      free_obj(o);
    } else {
      o->gc_color = current_white_;
      sweep_cursor_ = &o->gc_next;
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
  in_gc_ = false;
}

size_t Heap::validate() {
  std::unordered_set<Obj*> all;
  for (Obj* o = all_; o; o = o->gc_next) {
    if (is_dead(o) && phase_ != GcPhase::Sweep)
      throw std::logic_error(std::string("a ") + type_name(o->type) +
                             " with a dead colour outside the sweep phase");
    all.insert(o);
  }
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
      if (!all.count(o)) throw std::logic_error("reachable object missing from the heap list");
      if (is_dead(o))
        throw std::logic_error(std::string("reachable ") + type_name(o->type) + " is dead");
      type_info(o->type).trace(o, t);
    }
    capture_ = nullptr;
    return seen.size();
  } catch (...) {
    capture_ = nullptr;
    throw;
  }
}

}  // namespace clove
