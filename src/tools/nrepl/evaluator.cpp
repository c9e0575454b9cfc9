// evaluator.cpp: the evaluator thread of evaluator.h.
#include "tools/nrepl/evaluator.h"

#include <chrono>
#include <stdexcept>

#include "api/runtime.h"
#include "clove/vm.h"
#include "core/error.h"

namespace clove::nrepl {

Evaluator::Evaluator(std::vector<std::string> load_path) : load_path_(std::move(load_path)) {
  std::string error;
  thread_ = std::thread([this, &error] { thread_main(&error); });
  // Wait until the VM exists (or failed to start).
  std::unique_lock<std::mutex> lock(mutex_);
  wake_.wait(lock, [&] { return vm_ != nullptr || !error.empty(); });
  if (!error.empty()) {
    lock.unlock();
    thread_.join();
    throw std::runtime_error(error);
  }
}

Evaluator::~Evaluator() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    queue_.clear();
    if (running_ && vm_) vm_->interrupt();
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Evaluator::thread_main(std::string* start_error) {
  std::unique_ptr<VM> host;
  try {
    Options opts;
    opts.load_path = load_path_;
    host = std::make_unique<VM>(opts);
    Runtime& vm = host->runtime();
    vm.push_current_bindings({"*warn-on-reflection*", "*math-context*", "*print-meta*", "*print-length*",
                              "*print-level*", "*print-namespace-maps*", "*data-readers*",
                              "*default-data-reader-fn*", "*command-line-args*", "*unchecked-math*",
                              "*assert*", "*1", "*2", "*3", "*e"});
    if (Var* v = vm.resolve_var(vm.core_ns(), vm.sym("*print-namespace-maps*"))) v->root = Value::t();
    vm.eval_string("(require 'clove.nrepl)", "<nrepl-server>");
    // Sessions start in user with clojure.repl's tools referred, as clojure.main's REPL.
    vm.eval_string("(clojure.core/in-ns 'user) (clojure.core/refer-clojure)"
                   "(clojure.core/require '[clojure.repl :refer (source apropos dir pst doc find-doc)])",
                   "<nrepl-server>");
    // A job reading *in* asks its session's client (the stdin op).
    vm.set_in([this](std::string* line) {
      const Job* job = running_;
      if (!job) return false;
      return read_stdin_line(job->reply, line);
    });
    std::lock_guard<std::mutex> lock(mutex_);
    vm_ = &vm;
  } catch (const std::exception& e) {
    std::lock_guard<std::mutex> lock(mutex_);
    *start_error = std::string("cannot start the VM: ") + e.what();
    wake_.notify_all();
    return;
  }
  wake_.notify_all();
  for (;;) {
    Job job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (stopping_) break;
      job = std::move(queue_.front());
      queue_.pop_front();
      if (!job.reply.conn->alive() && !job.even_if_closed) continue;  // its client is gone
      running_ = &job;
      job.reply.on_done = std::make_shared<std::function<void()>>([this] {
        std::lock_guard<std::mutex> lock(mutex_);
        running_ = nullptr;
      });
      interrupt_requested_ = false;
      vm_->clear_interrupt();
    }
    run_job(job);
    std::lock_guard<std::mutex> lock(mutex_);
    running_ = nullptr;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  vm_ = nullptr;
}

void Evaluator::run_job(Job& job) {
  Runtime& vm = *vm_;
  try {
    job.run(vm, job.reply);
  } catch (const std::exception& e) {
    // A job reports its own errors; anything else is a bug in the server, not a reason
    // to stop it.
    BValue msg = BValue::make_dict();
    msg.set("err", std::string("Internal error in the nREPL server: ") + e.what() + "\n");
    job.reply.send(msg);
    job.reply.status({"done", "error"});
  }
  vm.set_out(nullptr);
  vm.set_err(nullptr);
}

void Evaluator::submit(Job job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    queue_.push_back(std::move(job));
  }
  wake_.notify_all();
}

Evaluator::InterruptResult Evaluator::interrupt(const std::string& session, const std::string& msg_id) {
  std::vector<Reply> cancelled;
  InterruptResult result = InterruptResult::Idle;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto matches = [&](const Job& j) {
      return j.cancellable && j.reply.session == session && (msg_id.empty() || j.msg_id == msg_id);
    };
    for (auto it = queue_.begin(); it != queue_.end();) {
      if (matches(*it)) {
        cancelled.push_back(it->reply);
        it = queue_.erase(it);
      } else {
        ++it;
      }
    }
    if (running_ && running_->reply.session == session) {
      if (msg_id.empty() || running_->msg_id == msg_id) {
        interrupt_requested_ = true;
        vm_->interrupt();
        wake_.notify_all();  // a job waiting for stdin
        result = InterruptResult::Interrupted;
      } else if (cancelled.empty()) {
        result = InterruptResult::IdMismatch;
      }
    }
    if (!cancelled.empty()) result = InterruptResult::Interrupted;
  }
  for (const Reply& r : cancelled) {
    r.status({"interrupted"});
    r.done();
  }
  return result;
}

void Evaluator::connection_closed(const Connection* conn) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::erase_if(queue_, [&](const Job& j) { return j.reply.conn.get() == conn && !j.even_if_closed; });
  if (running_ && running_->reply.conn.get() == conn) {
    interrupt_requested_ = true;
    vm_->interrupt();
  }
  wake_.notify_all();
}

void Evaluator::provide_stdin(const std::string& session, const std::string& text) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Stdin& in = stdin_[session];
    if (text.empty())
      in.eof = true;
    else
      in.text += text;
  }
  wake_.notify_all();
}

bool Evaluator::read_stdin_line(const Reply& reply, std::string* line) {
  std::unique_lock<std::mutex> lock(mutex_);
  bool asked = false;
  for (;;) {
    Stdin& in = stdin_[reply.session];
    size_t nl = in.text.find('\n');
    if (nl != std::string::npos) {
      line->assign(in.text, 0, nl);
      if (!line->empty() && line->back() == '\r') line->pop_back();
      in.text.erase(0, nl + 1);
      return true;
    }
    if (in.eof) {
      in.eof = false;  // the end of this input; later reads may ask again
      if (in.text.empty()) return false;
      *line = std::move(in.text);
      in.text.clear();
      return true;
    }
    if (interrupt_requested_ || stopping_) {
      lock.unlock();
      throw_error(ErrorKind::InterruptedError, "Interrupted");
    }
    if (!asked) {
      asked = true;
      lock.unlock();
      reply.status({"need-input"});
      lock.lock();
      continue;
    }
    wake_.wait_for(lock, std::chrono::milliseconds(200));
  }
}

}  // namespace clove::nrepl
