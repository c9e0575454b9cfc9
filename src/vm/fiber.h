// fiber.h: a fiber owns a value stack; every Clove call frame lives inside it.
//
// Frame layout (frames are linked inside the value stack, SPEC V3):
//
//   stack[base-3]  the callee (Closure or Native)
//   stack[base-2]  Value::internal(caller's base | arity << 32)
//   stack[base-1]  Value::internal(return address): the caller's instruction after the
//                  call, as a pointer into its code (Lua's savedpc), so that RET goes on
//                  without finding the caller's Proto first (return_pc gives the index);
//                  or one of the sentinels, which no address reaches:
//                    kNoFrame    a C++ boundary (State::call): return to C++
//                    kContinue   the caller is a native waiting for this result: run
//                                its continuation (State::call_then)
//                    kFiberBase  the fiber's first frame: returning ends the fiber
//   stack[base..]  registers R[0] ... R[framesize-1] (natives: their arguments, then
//                  kContinueSlots while a continuation is pending: the continuation
//                  and the unwind hook as internal values, and the context value)
//
// The caller's CALL A puts the callee in its R[A], so the callee's base is
// caller_base + A + 3 and the result goes back to the caller's R[A] (A is decoded
// from the instruction before the return address). The VM is stackless: a Clove call
// pushes a frame here and stays in the same dispatch loop. The GC walks the frames
// from the top, scanning only registers live at each frame's pc (Proto::live).
//
// A fiber (SPEC V8) is a coroutine: `fiber/resume` switches the dispatch loop to it,
// `fiber/yield` switches back to the fiber that resumed it (Janet's model). All of a
// fiber's execution state lives here, none in C++ locals, so a suspended fiber is just
// this object: its frames, its try handlers and its dynamic bindings.
#pragma once
#include <vector>

#include "gc/heap.h"
#include "runtime/lang/function.h"
#include "state/namespace.h"
#include "core/object.h"

namespace clove {

/// An active try: where to resume if something is thrown inside it.
struct Handler {
  size_t frame_base;   // base of the frame that executed TRY
  uint32_t catch_pc;   // where the catch code starts
  uint32_t depth;      // call depth of that frame
  uint8_t reg;         // register receiving the exception
};

/// Slots a native's frame gains while its call_then continuation is pending.
inline constexpr size_t kContinueSlots = 3;

/// Frame link helpers: stack[base-2] packs the caller's base (low 32 bits) and which
/// arity of the callee runs (bits 32..47: its Proto::arity_index).
inline Value make_link(size_t prev_base, uint32_t arity) {
  return Value::internal(static_cast<uint64_t>(prev_base) | (static_cast<uint64_t>(arity) << 32));
}
inline size_t link_prev_base(Value link) { return link.as_internal() & 0xFFFFFFFFu; }
inline uint32_t link_arity(Value link) { return static_cast<uint32_t>(link.as_internal() >> 32) & 0xFFFF; }
/// The Proto an arity index names.
inline Proto* arity_proto(FnProto* fn, uint32_t arity) {
  return arity == kVariadicArity ? fn->variadic : fn->fixed[arity];
}

/// A fiber's life (`fiber/status`): :new (made, never resumed), :alive (running, or
/// waiting in fiber/resume for a fiber it resumed), :pending (suspended in fiber/yield),
/// :dead (its function returned), :error (an exception escaped it), :debug (stopped
/// by the debugger; reserved for SPEC T3).
enum class FiberStatus : uint8_t { New, Alive, Pending, Dead, Error, Debug };

/// Signals a fiber catches (`(fiber/new f mask)`): with the bit set, the signal stops
/// at this fiber's resumer (fiber/resume returns) instead of going further out.
namespace fiber_mask {
inline constexpr uint8_t kError = 1;   // :error: resume returns the exception
inline constexpr uint8_t kYield = 2;   // :yield: always in effect (yield returns to the resumer)
inline constexpr uint8_t kDebug = 4;   // :debug (SPEC T3)
inline constexpr uint8_t kBudget = 8;  // :budget (SPEC V9)
}  // namespace fiber_mask

struct Fiber : Obj {
  static constexpr ObjType kType = ObjType::Fiber;
  /// Return-address sentinels (see the frame layout above); addresses of code are
  /// below 2^47 (a Value's payload holds 48 bits).
  static constexpr uint64_t kNoFrame = (uint64_t{1} << 48) - 1;
  static constexpr uint64_t kContinue = kNoFrame - 1;
  static constexpr uint64_t kFiberBase = kNoFrame - 2;
  /// The first frame's base: its header is stack[0..2].
  static constexpr size_t kFirstBase = 3;
  /// Slots a new fiber's stack starts with (it grows on demand): 64 values, 512 bytes.
  static constexpr size_t kInitialSlots = 64;

  std::vector<Value> stack;
  size_t base = 0;        // base of the innermost frame (0: none)
  size_t top = 0;         // first free slot above the innermost frame
  uint32_t pc = 0;        // saved pc of the innermost frame (valid at safepoints)
  uint32_t depth = 0;     // frames on this fiber (tail calls do not add)
  std::vector<Handler> handlers;
  Value result;            // last value returned to a boundary (kept reachable)
  /// The saved pc of the frame below each C++ boundary (Interpreter::call pushes, pops on exit),
  /// innermost last: frames below a boundary are walked with these pcs. A fiber with
  /// a C++ boundary on it cannot yield (the boundary's C++ frame cannot be suspended).
  std::vector<uint32_t> boundary_pcs;
  /// Dynamic bindings (`binding`), innermost last; each frame's entries end with a
  /// marker entry whose var is null.
  std::vector<std::pair<Var*, Value>> bindings;
  FiberStatus status = FiberStatus::New;
  uint8_t mask = fiber_mask::kYield;
  Value fn;                   // the function a :new fiber will call
  Value value;                // last yielded or returned value, or the exception
  Fiber* resumer = nullptr;   // the fiber waiting in fiber/resume for this one (while :alive)
  Fiber* child = nullptr;     // the fiber this one waits for in fiber/resume (while :alive)
  /// Why a :pending fiber stopped: a yield (its innermost frame is the yield's native,
  /// waiting for the value to return) or the budget (its innermost frame is Clove code
  /// to go on with at pc; or, for a fiber that was waiting for `child`, that child's
  /// chain). A fiber inside such a chain keeps its resumer link.
  /// A fiber stopped by the debugger (:debug) is paused the same two ways: Yield when
  /// clove.debug/break's frame is innermost, Budget when it stopped before the Clove
  /// instruction at pc (a breakpoint, a step).
  enum class Pause : uint8_t { Yield, Budget } paused_by = Pause::Yield;
  /// The instruction at pc is a breakpoint whose stop already happened: run its original
  /// once without stopping again (set when a stopped fiber goes on).
  bool skip_break = false;
  /// The heap that counts the stack's buffer (Heap::add_external); may be null.
  Heap* heap = nullptr;
  /// Bytes of the stack's buffer counted in the heap. The stack of a fiber that ended is
  /// dropped without telling the heap: tracing the fiber settles the count.
  size_t stack_counted = 0;
  explicit Fiber(Heap* h = nullptr) : Obj(kType), heap(h) {}
  void trace(Tracer& t);
  size_t byte_size() const { return sizeof(Fiber) + stack.capacity() * sizeof(Value) + handlers.capacity() * sizeof(Handler); }
  size_t external_bytes() const { return stack_counted; }
  /// Makes room for `n` slots from index `from`; may move the stack (re-derive pointers).
  /// Throws OutOfMemoryError, changing nothing, when the larger stack would pass the
  /// heap's memory cap.
  void ensure(size_t from, size_t n) {
    if (from + n > stack.size()) [[unlikely]]
      grow(from + n);
  }
  /// ensure's slow path: at least doubles the stack, counting it in the heap.
  void grow(size_t slots);
};

/// The return address of the instruction at `pc` of caller p (a frame header's
/// stack[base-1], fiber.h's layout). p's code must not move while the frame lives:
/// code is reallocated only when a deferred body is read, before it first runs.
inline uint64_t return_address(const Proto* p, uint32_t pc) { return reinterpret_cast<uint64_t>(p->code.data() + pc); }
/// The pc in caller p of return address `ret`.
inline uint32_t return_pc(const Proto* p, uint64_t ret) {
  return static_cast<uint32_t>(reinterpret_cast<const Instr*>(ret) - p->code.data());
}
/// What the frame at b returns to, as stack walkers want it: the pc in its caller (a
/// closure's frame at the link's base) for an address, else the sentinel itself.
inline uint64_t frame_return_pc(const std::vector<Value>& stack, size_t b) {
  uint64_t ret = stack[b - 1].as_internal();
  if (ret >= Fiber::kFiberBase) return ret;
  size_t prev = link_prev_base(stack[b - 2]);
  auto* c = static_cast<Closure*>(stack[prev - 3].as_obj());
  return return_pc(arity_proto(c->fn, link_arity(stack[prev - 2])), ret);
}

/// Drops a finished fiber's bindings (uncounting them). A fiber collected while
/// suspended inside a `binding` leaves its vars counted: their lookups only stay on
/// the slower path.
void release_bindings(Fiber* f);

/// The keyword name of a status (:new :alive :pending :dead :error :debug), without the colon.
const char* fiber_status_name(FiberStatus s);

}  // namespace clove
