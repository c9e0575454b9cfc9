// evaluator.h: the nREPL server's one VM and the thread that runs it.
//
// Design (docs/editors.md, "How the server works"): all sessions share one VM, as all
// sessions of a JVM nREPL server share one Clojure runtime, so what one session defines
// the others see (an editor evaluates in one session and completes in another). The VM
// is created on, and only ever touched by, the evaluator thread; requests that need it
// are queued as jobs and run one at a time in arrival order. Each session keeps its own
// namespace and dynamic bindings (*1 *2 *3 *e, *print-length*...), pushed around each
// of its jobs (src/lib/31_nrepl.clj). Interrupts and stdin come from the connection
// threads: interrupt() stops the running job through the VM's thread-safe interrupt.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "tools/nrepl/transport.h"

namespace clove {
class Runtime;
class VM;
}  // namespace clove

namespace clove::nrepl {

/// One queued request: runs on the evaluator thread with the VM.
struct Job {
  Reply reply;
  std::string msg_id;  // the request's id, for interrupt-id
  std::function<void(Runtime& vm, const Reply& reply)> run;
  /// Runs even when the client is gone (bookkeeping such as forgetting its session);
  /// other jobs of a closed connection are dropped.
  bool even_if_closed = false;
  /// A request an interrupt may cancel while it waits in the queue (the ops a client
  /// sent; not the server's own bookkeeping).
  bool cancellable = false;
};

class Evaluator {
 public:
  /// Starts the thread and creates the VM on it with `load_path`; throws
  /// std::runtime_error when the VM cannot start.
  explicit Evaluator(std::vector<std::string> load_path);
  /// Stops the thread (interrupting the running job) and drops queued jobs.
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  /// Queues a job; it runs after every job queued before it.
  void submit(Job job);
  /// What interrupt found: the session's job was stopped, the session was idle, or the
  /// running job is another request than interrupt-id.
  enum class InterruptResult { Interrupted, Idle, IdMismatch };
  /// Interrupts session's running job and cancels its queued requests (if `msg_id` is
  /// not empty, only the request with that id): a cancelled request is answered
  /// {"status" ["interrupted"]} then "done", as a stopped one is. (Sessions share the
  /// VM, so a session's eval may still be waiting behind another session's.)
  InterruptResult interrupt(const std::string& session, const std::string& msg_id);
  /// The client of `conn` is gone: its running job is interrupted and its queued jobs
  /// are dropped.
  void connection_closed(const Connection* conn);
  /// Text for session's *in* (the stdin op); an empty text is the end of input.
  void provide_stdin(const std::string& session, const std::string& text);
  /// The VM's load path (the classpath op).
  const std::vector<std::string>& load_path() const { return load_path_; }

 private:
  void thread_main(std::string* start_error);
  void run_job(Job& job);
  bool read_stdin_line(const Reply& reply, std::string* line);

  std::vector<std::string> load_path_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  // The running job (guarded by mutex_).
  const Job* running_ = nullptr;
  bool interrupt_requested_ = false;
  Runtime* vm_ = nullptr;
  // Per-session stdin text (guarded by mutex_).
  struct Stdin {
    std::string text;
    bool eof = false;
  };
  std::map<std::string, Stdin> stdin_;
  std::thread thread_;
};

}  // namespace clove::nrepl
