// lower_impl.h: the AST -> IR lowering of one arity, shared by the lower_*.cpp files.
//
// Each node is lowered in one of four modes: Value (leave the value in some vreg and
// return it; may be an existing local's vreg, which must not be written), Into (put
// the value in the given vreg), Tail (the value is the arity's result: RET, TAILCALL,
// or a jump for self calls and recur), Effect (evaluate for side effects only).
// After a terminator the current block is closed; code emitted after it lands in a
// fresh unreachable block, which prune_unreachable() removes.
#pragma once
#include <unordered_map>
#include <vector>

#include "compiler/analyze/ast.h"
#include "compiler/ir/ir.h"
#include "compiler/session.h"

namespace clove {

enum class Mode : uint8_t { Value, Into, Tail, Effect };

/// case* with at least this many tests dispatches with SWITCH (one hash lookup)
/// instead of a chain of EQ tests.
inline constexpr size_t kCaseSwitchMinTests = 4;

struct Dest {
  Mode mode;
  VReg dst = kNoVReg;
  static Dest value() { return {Mode::Value}; }
  static Dest into(VReg v) { return {Mode::Into, v}; }
  static Dest tail() { return {Mode::Tail}; }
  static Dest effect() { return {Mode::Effect}; }
};

class ArityLowerer {
 public:
  ArityLowerer(CompileSession& s, FnNode* fn, FnArity& arity);
  /// Lowers the arity's body; the result has its unreachable blocks pruned.
  IrFunction run();

 private:
  CompileSession& s_;
  FnNode* fn_;
  FnArity& ar_;
  IrFunction f_;
  int cur_ = -1;              // block being filled, or -1 after a terminator
  std::vector<int> handlers_; // enclosing try handler blocks, innermost last
  int try_depth_ = 0;
  int body_header_ = -1;
  std::unordered_map<const LocalBinding*, VReg> locals_;
  std::vector<VReg> once_upvals_;  // a once fn: the registers its prologue took the upvalues into
  struct LoopTarget {
    int header;
    std::vector<VReg> vregs;
  };
  std::unordered_map<const RecurTarget*, LoopTarget> loops_;

  // ---- building blocks ----
  VReg fresh() { return f_.new_vreg(); }
  int new_block() { return f_.new_block(); }
  void start(int block);
  void ensure_block();
  IrInstr& emit(IrOp op, VReg dst, std::vector<VReg> args, SourcePos pos, int64_t imm = 0);
  void jump(int block, SourcePos pos);
  void branch(IrOp op, VReg cond, int target, int alt, SourcePos pos);
  void close() { cur_ = -1; }
  bool open() const { return cur_ >= 0; }
  VReg result_reg(const Dest& d) { return d.mode == Mode::Into ? d.dst : fresh(); }
  VReg finish(VReg v, const Dest& d, SourcePos pos);
  void load_const(Value v, VReg out, SourcePos pos);
  int constant(Value v, SourcePos pos);
  void bind(const LocalBinding* b, VReg v);
  size_t local_mark() const { return f_.locals.size(); }
  void end_locals(size_t from);
  void assign_parallel(const std::vector<VReg>& targets, const std::vector<VReg>& values, SourcePos pos);
  void prune_unreachable();

  // ---- nodes ----
  VReg lower(Node* n, Dest d);
  VReg value(Node* n) { return lower(n, Dest::value()); }
  VReg lower_const(ConstNode* n, Dest d);
  VReg lower_local(LocalNode* n, Dest d);
  VReg lower_def(DefNode* n, Dest d);
  VReg lower_if(IfNode* n, Dest d);
  /// Lowers `test` for its truth alone: ends the current block with jumps to then_b
  /// when it is truthy and to else_b when not. An if, let* or do in test position
  /// (what and, or, when and cond expand to) branches to the outer targets itself, so
  /// its value is never built into a register and tested again.
  void lower_test(Node* test, int then_b, int else_b, SourcePos pos);
  /// Binds the locals of a let* (not a loop*) to their inits' values, in order.
  void bind_let(LetNode* n);
  VReg lower_do(DoNode* n, Dest d);
  VReg lower_let(LetNode* n, Dest d);
  VReg lower_recur(RecurNode* n, Dest d);
  VReg lower_fn(FnNode* n, Dest d);
  VReg lower_invoke(InvokeNode* n, Dest d);
  VReg lower_prim(PrimNode* n, Dest d);
  VReg lower_throw(ThrowNode* n, Dest d);
  VReg lower_try(TryNode* n, Dest d);
  VReg lower_letfn(LetfnNode* n, Dest d);
  VReg lower_case(CaseNode* n, Dest d);
  VReg lower_coll(CollNode* n, Dest d);
  /// CLOSURE for `n` into `out` (compiles the nested fn first).
  void make_closure(FnNode* n, VReg out);
  VReg call_var(Var* var, std::vector<VReg> args, SourcePos pos, VReg out);
};

}  // namespace clove
