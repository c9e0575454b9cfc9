// debugger.h: breakpoints, stepping and frame inspection (SPEC T3; docs/debugging.md).
//
// Breakpoints patch the code: the opcode byte of the instruction at a breakpoint's pc
// becomes NOP (its operands stay, and a NOP the compiler emits has none: function.h,
// is_breakpoint) and the original is kept in the arity's Proto::breaks. The loop's NOP
// case sees the operand bits, stops, then runs the original. A program with no
// breakpoint runs exactly the code it always ran: nothing is tested on its path (a NOP
// tests its operand bits, and the compiler does not emit NOPs).
//
// Stepping runs in a second copy of the dispatch loop (Interpreter::run_stepping,
// vm/dispatch_loop.inc; Luau's SingleStep), which asks step_hit() before each
// instruction; the normal loop (run_normal) never asks. The normal loop hands the rest
// of a run to the stepping loop at a breakpoint (and at clove.debug/break, a host's
// poll, a stopped fiber resumed with a step); the stepping loop keeps it to its end, and
// the next run() starts in the normal loop unless a step is in progress.
//
// Where a stop goes (Interpreter::debug_stop, vm/debug_stop.cpp):
//  1. to the nearest fiber up the resumer chain whose mask has :debug, when no C++
//     frame is in the way: the fibers up to it suspend with status :debug and its
//     resumer's fiber/resume returns nil (Janet's debug signal). The Clove-level
//     debugger (clove.debug) works this way;
//  2. else to the DebugHost, if one is attached (clove debug, clove dap): stopped()
//     runs on the VM's thread with the fiber's status :debug, inspects and evaluates,
//     and returns when the program should go on;
//  3. else nowhere: the program goes on.
// Exceptions stop only at a host (2).
#pragma once
#include <atomic>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/source.h"
#include "runtime/lang/function.h"
#include "vm/fiber.h"

namespace clove {

class Interpreter;

/// Why the program stopped.
enum class StopReason : uint8_t { Breakpoint, Break, Step, Pause, Entry, Exception };
/// "breakpoint" "break" "step" "pause" "entry" "exception".
const char* stop_reason_name(StopReason r);

/// What the program does when it goes on from a stop: run (None), stop at the next
/// line in any frame (Into), at the next line of this frame or a caller (Over), or
/// once this frame has returned (Out).
enum class StepMode : uint8_t { None, Into, Over, Out };

/// A stop, as the host sees it.
struct StopEvent {
  StopReason reason = StopReason::Break;
  Fiber* fiber = nullptr;
  Value exception;       // the exception (reason Exception), else nil
  bool uncaught = false; // reason Exception: no handler of the fiber chain catches it
  int breakpoint = 0;    // reason Breakpoint: the breakpoint's id
};

/// The debugger front end (the command-line debugger, the DAP server). Its calls run on
/// the VM's thread.
class DebugHost {
 public:
  virtual ~DebugHost() = default;
  /// The program stopped. Inspect, evaluate (the VM may collect: root what you keep),
  /// choose a step with Debugger::step; return to let the program go on. An exception
  /// thrown here is thrown into the program at the stop.
  virtual void stopped(const StopEvent& e) = 0;
  /// Called at the next poll after Debugger::request_service (within about 65,000
  /// instructions, at a call or loop back-edge): set breakpoints, and so on. Returns
  /// true to stop there (a pause).
  virtual bool service() { return false; }
};

/// One frame of a fiber, innermost first (Debugger::frames).
struct FrameView {
  Closure* closure = nullptr;  // a Clove frame's closure, or null
  Native* native = nullptr;    // a native's frame, or null
  Proto* proto = nullptr;      // the arity running (Clove frames)
  uint32_t pc = 0;             // the instruction executing (the innermost: about to run)
  uint32_t live_pc = 0;        // the pc the stack map is read at (the GC's choice)
  size_t base = 0;             // the frame's base in the fiber's stack
  SourcePos pos;               // where pc is in the source (unknown for natives)
  String* name = nullptr;      // "ns/fn", or null
};

/// A named local or upvalue of a frame. A local whose register is dead at the frame's
/// pc (the register allocator may reuse or clear it) is not available: its value is nil
/// and must not be shown as its value.
struct LocalView {
  Symbol* name = nullptr;
  Value value;
  bool available = true;
};

class Debugger {
 public:
  explicit Debugger(Interpreter& vm);

  // ---- breakpoints ----
  /// A breakpoint: at a line of a file (fn == null) or at the entry of every arity of
  /// a fn. `sites` are the patched (arity, pc) pairs; a line breakpoint in code not yet
  /// loaded has none until that code is compiled (code_compiled). `line` is the line
  /// asked for, `actual_line` the first line at or after it that has code (0: none yet).
  struct Breakpoint {
    int id = 0;
    std::string file;
    uint32_t line = 0;
    uint32_t actual_line = 0;
    FnProto* fn = nullptr;
    std::vector<std::pair<Proto*, uint32_t>> sites;
  };
  /// Sets a breakpoint at line `line` (1-based) of `file` (a path; matched against the
  /// loaded sources by canonical path, then by path suffix) in the code already loaded
  /// and in code compiled later. Returns its id (> 0).
  int set_line_breakpoint(const std::string& file, uint32_t line);
  /// Sets a breakpoint at the first instruction of every arity of fn. Returns its id.
  int set_fn_breakpoint(FnProto* fn);
  /// Removes a breakpoint, restoring its instructions; false when there is no such id.
  bool clear_breakpoint(int id);
  /// Removes every breakpoint.
  void clear_all();
  const std::map<int, Breakpoint>& breakpoints() const { return breakpoints_; }
  /// The id of the breakpoint patched at (p, pc), or 0.
  int breakpoint_at(const Proto* p, uint32_t pc) const;
  /// Every top-level form compiled goes through here (State::code_compiled): pending
  /// line breakpoints are resolved in it. While a breakpoint or host exists the form is
  /// remembered, so line breakpoints set later find its code.
  void code_compiled(FnProto* fp);
  /// Whether the source with registry id `file` is the file `path` names.
  bool same_file(uint32_t file, const std::string& path);

  // ---- stepping ----
  /// From a stop: what the program does when it goes on. Steps are relative to fiber
  /// f's innermost frame (its depth, arity and line).
  void step(StepMode m, Fiber* f);
  StepMode step_mode() const { return mode_; }
  bool stepping() const { return mode_ != StepMode::None; }
  /// The stepping loop asks before every instruction: stop before (p, pc) of fiber f?
  bool step_hit(const Fiber* f, const Proto* p, uint32_t pc) const {
    if (mode_ == StepMode::None) return false;
    if (pc >= p->positions.size()) return false;
    const SourcePos& pos = p->positions[pc];
    if (pos.line == 0 || in_stop_ || !user_file(pos.file)) return false;
    switch (mode_) {
      case StepMode::None:
        return false;
      case StepMode::Into:
        return f != step_fiber_ || f->depth != step_depth_ || p != step_proto_ || pos.line != step_line_;
      case StepMode::Over:
        if (f != step_fiber_) return false;
        if (f->depth < step_depth_) return true;
        return f->depth == step_depth_ && (p != step_proto_ || pos.line != step_line_);
      case StepMode::Out:
        return f == step_fiber_ && f->depth < step_depth_;
    }
    return false;
  }

  // ---- exceptions ----
  /// Stop where an exception is thrown that no handler catches (host only).
  bool break_on_uncaught = false;
  /// Stop wherever an exception is thrown (host only).
  bool break_on_throw = false;

  // ---- the host ----
  void set_host(DebugHost* h) { host_ = h; }
  DebugHost* host() const { return host_; }
  /// Thread-safe: the VM calls host()->service() soon (DebugHost::service).
  void request_service() { service_.store(true, std::memory_order_relaxed); }
  bool take_service() { return service_.exchange(false, std::memory_order_relaxed); }
  /// Whether a host's stop is in progress (nothing stops inside one).
  bool in_stop() const { return in_stop_; }
  /// Starts (f: the stopped fiber) or ends (null) a host's stop. While it lasts, code
  /// the host evaluates runs on f above the stopped frames; frames(f) still starts at
  /// the frame that stopped.
  void set_in_stop(Fiber* f);
  /// The exception the last exception stop was for (each throw stops once).
  Value last_exception() const { return last_exception_; }
  void set_last_exception(Value v) { last_exception_ = v; }
  /// Sources other than the core library's (SourceRegistry::is_static): steps stop
  /// only in them.
  bool user_file(uint32_t file) const;
  /// Whether the loop must consult the debugger when an exception is thrown.
  bool wants_exceptions() const { return host_ && (break_on_uncaught || break_on_throw); }

  // ---- inspection (of a stopped or suspended fiber) ----
  /// f's frames, innermost first, through C++ boundaries (not into its resumers).
  std::vector<FrameView> frames(const Fiber* f) const;
  /// The named locals of a Clove frame in scope at its pc, in register order of
  /// appearance (a shadowed name appears twice: the later one is in effect).
  std::vector<LocalView> locals(const Fiber* f, const FrameView& fr) const;
  /// The closure's captured values by name.
  std::vector<LocalView> upvalues(const FrameView& fr) const;
  void trace(Tracer& t);

 private:
  void patch(Breakpoint& b, Proto* p, uint32_t pc);
  void unpatch(Proto* p, uint32_t pc);
  /// Patches the sites of line breakpoint b found in the fn tree of fp.
  void resolve(Breakpoint& b, FnProto* fp);
  /// The canonical form of a path, for matching files.
  static std::string canonical(const std::string& path);

  Interpreter& vm_;
  std::map<int, Breakpoint> breakpoints_;
  int next_id_ = 1;
  /// Top-level forms compiled while debugging (rooted), for line breakpoints set later.
  std::vector<FnProto*> loaded_;
  /// canonical(name) of registry ids, filled on demand ("" = not computed).
  std::vector<std::string> canonical_names_;
  DebugHost* host_ = nullptr;
  std::atomic<bool> service_{false};
  StepMode mode_ = StepMode::None;
  const Fiber* step_fiber_ = nullptr;
  const Proto* step_proto_ = nullptr;
  uint32_t step_depth_ = 0;
  uint32_t step_line_ = 0;
  bool in_stop_ = false;
  const Fiber* stop_fiber_ = nullptr;
  size_t stop_base_ = 0;
  uint32_t stop_pc_ = 0;
  size_t stop_boundaries_ = 0;
  Value last_exception_;
};

}  // namespace clove
