// task.cpp: clove::VM::Task (include/clove/vm.h): work under a budget that suspends
// and resumes. A call runs in one fiber that catches :budget; a program (start_eval)
// is read form by form here, and each form is evaluated by clojure.core/eval (which is
// stackless: natives/core/lang.cpp) in a fiber of its own, as eval_string would
// evaluate it but suspendable.
#include <iterator>
#include <memory>

#include "api/errors.h"
#include "api/handles.h"
#include "eval/data_readers.h"
#include "reader/reader.h"
#include "reader/reader_env.h"
#include "vm/fiber.h"

namespace clove::detail {

class TaskState {
 public:
  explicit TaskState(VM& vm) : vm_(vm) {}
  /// A call: `fn` with `args`.
  void set_call(const Handle& fn, std::vector<Handle> args) { begin(fn, std::move(args)); }
  /// A program: the text registered as source `id`.
  void set_source(uint32_t id) {
    Runtime& rt = vm_.runtime();
    env_ = std::make_unique<StateReaderEnv>(rt);
    ReaderOptions opts;
    reader_ = std::make_unique<Reader>(rt, *env_, rt.sources.text(id), id, opts);
  }

  VM::Task::Status resume(int64_t budget) {
    if (status_ == VM::Task::Status::Done) return status_;
    Runtime& rt = vm_.runtime();
    const int64_t saved = rt.budget_left();
    struct Restore {
      Runtime& rt;
      int64_t saved;
      ~Restore() { rt.set_budget(saved); }
    } restore{rt, saved};
    rt.set_budget(budget);
    LoadFrame load_frame(*this);
    try {
      return guarded(rt, [&] { return run(rt); });
    } catch (const Error&) {
      status_ = VM::Task::Status::Done;
      throw;
    }
  }

  VM::Task::Status status_ = VM::Task::Status::Suspended;
  Handle result_;

 private:
  /// For a program, the bindings Clojure's load establishes for a file
  /// (*warn-on-reflection*, *unchecked-math*, *data-readers*), so that it may set!
  /// them: pushed on the host's fiber for each resume (the task's fibers see them
  /// through the resume chain) and popped after it, their values kept in between.
  class LoadFrame {
   public:
    explicit LoadFrame(TaskState& t) : t_(t) {
      if (!t.reader_) return;
      Runtime& rt = t.vm_.runtime();
      std::vector<std::pair<Var*, Value>> frame;
      for (size_t i = 0; i < std::size(kLoadVars); ++i) {
        Var* v = rt.resolve_var(rt.core_ns(), rt.sym(kLoadVars[i]));
        if (!v || !v->is_dynamic()) continue;
        frame.emplace_back(v, t.load_values_[i].has_vm() ? HandleAccess::value(t.load_values_[i]) : rt.var_value(v));
      }
      rt.push_bindings(frame);
      pushed_ = true;
    }
    ~LoadFrame() {
      if (!pushed_) return;
      Runtime& rt = t_.vm_.runtime();
      for (size_t i = 0; i < std::size(kLoadVars); ++i)
        if (Var* v = rt.resolve_var(rt.core_ns(), rt.sym(kLoadVars[i])); v && v->is_dynamic())
          t_.load_values_[i] = HandleAccess::make(t_.vm_, rt.var_value(v));
      rt.pop_bindings();
    }
    LoadFrame(const LoadFrame&) = delete;
    LoadFrame& operator=(const LoadFrame&) = delete;

   private:
    TaskState& t_;
    bool pushed_ = false;
  };
  static constexpr const char* kLoadVars[] = {"*warn-on-reflection*", "*unchecked-math*", "*data-readers*"};
  Handle load_values_[std::size(kLoadVars)];

  /// A new fiber that catches only :budget (so that errors reach the host's resume as
  /// they would a call), which will run fn with args when first resumed.
  void begin(const Handle& fn, std::vector<Handle> args) {
    fiber_ = vm_.apply(vm_.var("clove.fiber/new"), {fn, vm_.set({vm_.keyword("budget")})});
    first_args_ = std::move(args);
  }

  /// Resumes the fiber, and for a program each next form's, until the budget is spent
  /// (Suspended) or there is nothing left (Done).
  VM::Task::Status run(Runtime& rt) {
    Handle resume = vm_.var("clove.fiber/resume");
    for (;;) {
      if (!fiber_.has_vm() && !next_form()) return status_ = VM::Task::Status::Done;
      std::vector<Handle> args{fiber_};
      args.insert(args.end(), first_args_.begin(), first_args_.end());
      first_args_.clear();
      result_ = vm_.apply(resume, args);
      // Suspended: the budget ran out, or the code yielded (result_ is what it yielded).
      if (as<Fiber>(HandleAccess::value(fiber_))->status == FiberStatus::Pending) return status_;
      fiber_ = Handle();
      if (!reader_) return status_ = VM::Task::Status::Done;
      if (rt.budget_left() <= 0) return status_;  // the next form in the next slice
    }
  }

  /// Reads the program's next form and begins (eval form); false at the end.
  bool next_form() {
    if (!reader_) return false;
    Runtime& rt = vm_.runtime();
    bool deferring = data_readers_.configure(rt, &reader_->options());
    RootScope scope(rt.heap);
    Value form;
    if (!reader_->next(&form)) return false;
    size_t slot = scope.push(form);
    if (deferring) scope[slot] = data_readers_.resolve(rt, scope[slot]);
    begin(vm_.var("clojure.core/eval"), {HandleAccess::make(vm_, scope[slot])});
    return true;
  }

  VM& vm_;
  Handle fiber_;
  std::vector<Handle> first_args_;  // for the fiber's first resume
  std::unique_ptr<StateReaderEnv> env_;
  std::unique_ptr<Reader> reader_;
  DataReaders data_readers_;
};

}  // namespace clove::detail

namespace clove {

using detail::HandleAccess;
using detail::TaskState;

VM::Task VM::start(const Handle& fn, const std::vector<Handle>& args) {
  Task t;
  t.state_ = std::make_shared<TaskState>(*this);
  t.state_->set_call(fn, args);
  return t;
}

VM::Task VM::start_eval(std::string_view source, std::string_view name) {
  Task t;
  t.state_ = std::make_shared<TaskState>(*this);
  t.state_->set_source(rt_->sources.add(std::string(name), std::string(source)));
  return t;
}

VM::Task::Status VM::Task::resume(int64_t budget) { return state_->resume(budget); }
VM::Task::Status VM::Task::status() const { return state_->status_; }
const Handle& VM::Task::result() const { return state_->result_; }

}  // namespace clove
