// dispatch_step.cpp: the stepping copy of the dispatch loop (run_stepping; invariant 8
// in dispatch.cpp, vm/debugger.h). A file of its own: in dispatch.cpp, a second copy of
// the loop doubled the unit GCC inlines within, and the normal loop lost inlining and
// ran 4% more instructions on mandelbrot.
#include <cstring>

#include "bytecode/opcodes.h"
#include "core/stack_guard.h"
#include <fmt/format.h>

#include "runtime/coll/array_map.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/vector.h"
#include "runtime/lang/record.h"
#include "runtime/lang/protocol.h"
#include "runtime/lang/seq_fns.h"
#include "runtime/lang/unbound.h"
#include "runtime/num/number.h"
#include "vm/debugger.h"
#include "vm/enter.h"
#include "vm/interpreter.h"

namespace clove {

#define CLOVE_LOOP_NAME run_stepping
#define CLOVE_LOOP_STEPPING true
#include "vm/dispatch_loop.inc"
#undef CLOVE_LOOP_NAME
#undef CLOVE_LOOP_STEPPING

}  // namespace clove
