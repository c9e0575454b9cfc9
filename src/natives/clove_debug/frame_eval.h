// frame_eval.h: what the debuggers (clove.debug, clove debug, clove dap) share above
// the VM's Debugger: evaluating a form in a frame's scope, and the frames and locals
// of a fiber as Clove data.
#pragma once
#include <vector>

#include "vm/debugger.h"
#include "vm/interpreter.h"

namespace clove {

/// The value that stands for a local whose register is dead at the frame's pc (the
/// keyword :clove.debug/unavailable): it shows the value is gone, not that it is nil.
Value unavailable_marker(State& vm);

/// The Clove frames of fiber f, innermost first (natives' frames left out): the frames
/// clove.debug numbers from 0.
std::vector<FrameView> clove_frames(Interpreter& vm, const Fiber* f);

/// The innermost fiber of a :debug chain that fib caught (fib itself when it stopped).
Fiber* stopped_fiber(Fiber* fib);

/// Evaluates `form` in the scope of frame fr of fiber f: its available locals and its
/// upvalues are bound by name (a later local shadows an earlier one and an upvalue),
/// the rest resolves as usual from the current namespace. Compiles (fn* [names] form)
/// and calls it with the values. Throws what compiling or running the form throws.
Value eval_in_frame(Interpreter& vm, const Fiber* f, const FrameView& fr, Value form);

/// {name value ...} of a frame's locals (and upvalues first when `with_upvalues`),
/// with unavailable_marker for dead registers.
Value frame_locals_map(Interpreter& vm, const Fiber* f, const FrameView& fr, bool locals, bool upvals);

/// {:name "ns/fn" :file "path" :line n :column n} for a frame.
Value frame_map(Interpreter& vm, const FrameView& fr);

}  // namespace clove
