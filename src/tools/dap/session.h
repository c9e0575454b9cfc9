// session.h: `clove dap`, a Debug Adapter Protocol server on stdin/stdout (SPEC T3;
// docs/debugging.md has the requests and a VS Code launch.json).
//
// Threads: the protocol thread (run()) reads requests and answers those that need no
// VM (initialize, threads, pause, disconnect...); the VM thread owns the Runtime and
// runs everything else as jobs, in order: before the program starts, while it is
// stopped (inside DebugHost::stopped), at the polls it makes while running
// (DebugHost::service, asked for with Debugger::request_service) and after it ends.
// The program's output goes out as `output` events; its standard input is empty.
// Bad input never stops the server: malformed framing or JSON, unknown commands and
// failing requests are answered with error responses and the session goes on.
#pragma once
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "gc/heap.h"
#include "tools/dap/transport.h"
#include "vm/debugger.h"

namespace clove {
class Runtime;
class VM;
}

namespace clove::dap {

using json = nlohmann::json;

/// A breakpoint as the client set it: the VM's breakpoint plus its condition (a Clove
/// expression evaluated in the stopped frame) and hit condition ("N" or "==N": the Nth
/// hit; ">N" ">=N" "<N" "<=N"; "%N": every Nth).
struct ClientBreakpoint {
  int vm_id = 0;
  int line = 0;
  std::string condition;
  std::string hit_condition;
  long hits = 0;
};

class Session : public DebugHost, public RootProvider {
 public:
  Session(int in_fd, int out_fd);
  ~Session() override;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  /// Serves until `disconnect` or the end of input. Returns the exit status (0).
  int run();
  /// One message (a JSON text): answers it or queues it for the VM thread.
  void handle_message(const std::string& body);

  // DebugHost (VM thread)
  void stopped(const StopEvent& e) override;
  bool service() override;
  // RootProvider: the values variablesReference numbers stand for.
  void trace_roots(Tracer& t) override;

 private:
  // ---- protocol thread ----
  void respond(const json& req, json body = json::object());
  void fail(const json& req, const std::string& message);
  void event(const std::string& name, json body = json::object());
  void dispatch(const json& req);
  /// Queues fn to run on the VM thread (answering req itself).
  void post(std::function<void()> fn);

  // ---- VM thread (session.cpp) ----
  void vm_main();
  void vm_job_loop();
  void run_jobs_until(const std::function<bool()>& done);
  void start_program();
  void set_breakpoints(const json& req);
  void resume(const json& req, StepMode mode);
  /// Whether a breakpoint's condition and hit condition let the stop happen.
  bool should_stop(const StopEvent& e);
  [[noreturn]] void abort_program();

  // ---- VM thread (inspect.cpp): requests answered from a stop ----
  void stack_trace(const json& req);
  void scopes(const json& req);
  void variables(const json& req);
  void evaluate(const json& req);
  /// A variablesReference for v when it is a collection worth expanding, else 0.
  int reference_for(Value v);
  json variable(const std::string& name, Value v);
  /// The stopped frame a frameId names, or throws std::runtime_error.
  const FrameView& frame(const json& req, int frame_id);

  Reader reader_;
  Writer writer_;
  std::unique_ptr<VM> host_;  // made and used on the VM thread only
  Runtime* vm_ = nullptr;
  std::thread vm_thread_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> jobs_;
  bool quit_ = false;
  std::atomic<bool> running_{false};   // the program runs (not stopped, not ended)
  std::atomic<bool> pause_{false};
  std::atomic<bool> terminate_{false};
  bool launched_ = false, configured_ = false, started_ = false;
  json launch_args_;
  std::string init_error_;
  // VM thread only:
  std::map<std::string, std::vector<ClientBreakpoint>> breakpoints_;  // by source path
  std::atomic<bool> stopped_{false};
  bool entry_stop_ = false;
  bool resume_ = false;
  Fiber* stop_fiber_ = nullptr;
  std::vector<FrameView> frames_;
  /// variablesReference - 1 -> what it expands: a frame's locals or upvalues, or a value.
  struct Ref {
    enum class Kind { Locals, Upvalues, Value } kind;
    size_t frame = 0;
    Value value;
  };
  std::vector<Ref> refs_;
};

}  // namespace clove::dap
