// session.cpp: the DAP session's protocol thread, its VM thread and the program's
// control (session.h). The requests that read a stop are in inspect.cpp.
#include "tools/dap/session.h"

#include "tools/dap/command.h"

#include <unistd.h>

#include <filesystem>

#include "api/runtime.h"
#include "clove/vm.h"
#include "natives/clove_debug/frame_eval.h"
#include "runtime/coll/coll.h"
#include "runtime/text/string.h"

namespace clove::dap {

Session::Session(int in_fd, int out_fd) : reader_(in_fd), writer_(out_fd) {
  std::mutex started;
  std::condition_variable ready;
  bool done = false;
  vm_thread_ = std::thread([&] {
    try {
      Options opts;
      host_ = std::make_unique<VM>(opts);
      vm_ = &host_->runtime();
      vm_->heap.add_root_provider(this);
      vm_->debugger().set_host(this);
      vm_->set_out([this](std::string_view s) { event("output", {{"category", "stdout"}, {"output", std::string(s)}}); });
      vm_->set_err([this](std::string_view s) { event("output", {{"category", "stderr"}, {"output", std::string(s)}}); });
      vm_->set_in([](std::string*) { return false; });  // stdin is the protocol's
      vm_->push_current_bindings({"*print-length*", "*print-level*", "*command-line-args*", "*assert*"});
    } catch (const std::exception& e) {
      init_error_ = e.what();
    }
    {
      std::lock_guard<std::mutex> lock(started);
      done = true;
    }
    ready.notify_all();
    if (vm_) vm_main();
  });
  std::unique_lock<std::mutex> lock(started);
  ready.wait(lock, [&] { return done; });
}

Session::~Session() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    quit_ = true;
  }
  cv_.notify_all();
  if (vm_thread_.joinable()) vm_thread_.detach();  // it may be inside the program
}

void Session::trace_roots(Tracer& t) {
  for (const Ref& r : refs_) t.mark(r.value);
}

// ---- protocol thread ----

void Session::respond(const json& req, json body) {
  json msg = {{"type", "response"},
              {"request_seq", req.value("seq", 0)},
              {"command", req.value("command", "")},
              {"success", true}};
  if (!body.empty()) msg["body"] = std::move(body);
  writer_.send(std::move(msg));
}

void Session::fail(const json& req, const std::string& message) {
  std::string command = req.is_object() && req.contains("command") && req["command"].is_string()
                            ? req["command"].get<std::string>()
                            : "";
  int seq = req.is_object() && req.contains("seq") && req["seq"].is_number_integer() ? req["seq"].get<int>() : 0;
  writer_.send({{"type", "response"},
                {"request_seq", seq},
                {"command", command},
                {"success", false},
                {"message", message},
                {"body", {{"error", {{"id", 1}, {"format", message}, {"showUser", false}}}}}});
}

void Session::event(const std::string& name, json body) {
  json msg = {{"type", "event"}, {"event", name}};
  if (!body.empty()) msg["body"] = std::move(body);
  writer_.send(std::move(msg));
}

void Session::post(std::function<void()> fn) {
  {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(fn));
  }
  cv_.notify_all();
  if (running_ && vm_) vm_->debugger().request_service();
}

int Session::run() {
  for (;;) {
    std::string body, error;
    Reader::Status st = reader_.next(&body, &error);
    if (st == Reader::Status::Eof) break;
    if (st == Reader::Status::Bad) {
      fail(json::object(), "malformed message: " + error);
      continue;
    }
    handle_message(body);
    std::lock_guard<std::mutex> lock(mu_);
    if (quit_) break;
  }
  return 0;
}

void Session::handle_message(const std::string& body) {
  json req = json::parse(body, nullptr, false);
  if (req.is_discarded()) {
    fail(json::object(), "malformed JSON in a message");
    return;
  }
  if (!req.is_object() || req.value("type", json()) != "request" || !req.contains("command") ||
      !req["command"].is_string()) {
    fail(req, "not a request: a message needs \"type\": \"request\" and a \"command\" string");
    return;
  }
  if (!req.contains("arguments") || !req["arguments"].is_object()) req["arguments"] = json::object();
  try {
    dispatch(req);
  } catch (const std::exception& e) {
    fail(req, std::string(req["command"].get<std::string>()) + ": " + e.what());
  }
}

void Session::dispatch(const json& req) {
  const std::string cmd = req["command"].get<std::string>();
  const json& args = req["arguments"];
  if (!init_error_.empty()) {
    fail(req, "the VM could not start: " + init_error_);
    return;
  }
  if (cmd == "initialize") {
    respond(req, {{"supportsConfigurationDoneRequest", true},
                  {"supportsConditionalBreakpoints", true},
                  {"supportsHitConditionalBreakpoints", true},
                  {"supportsEvaluateForHovers", true},
                  {"supportsTerminateRequest", true},
                  {"exceptionBreakpointFilters",
                   json::array({{{"filter", "uncaught"}, {"label", "Uncaught Exceptions"}, {"default", true}},
                                {{"filter", "all"}, {"label", "All Exceptions"}, {"default", false}}})}});
    event("initialized");
  } else if (cmd == "launch") {
    if (!args.contains("program") || !args["program"].is_string())
      throw std::runtime_error("\"program\" (a path) is required");
    std::filesystem::path program = args["program"].get<std::string>();
    if (args.contains("cwd") && args["cwd"].is_string() && program.is_relative())
      program = std::filesystem::path(args["cwd"].get<std::string>()) / program;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(program, ec)) throw std::runtime_error("no program file " + program.string());
    if (args.contains("cwd") && args["cwd"].is_string() &&
        !std::filesystem::is_directory(args["cwd"].get<std::string>(), ec))
      throw std::runtime_error("no directory " + args["cwd"].get<std::string>());
    if (launched_) throw std::runtime_error("the program was already launched");
    launched_ = true;
    launch_args_ = args;
    launch_args_["program"] = program.string();
    respond(req);
    if (configured_) post([this] { start_program(); });
  } else if (cmd == "configurationDone") {
    respond(req);
    configured_ = true;
    if (launched_) post([this] { start_program(); });
  } else if (cmd == "setBreakpoints") {
    post([this, req] { set_breakpoints(req); });
  } else if (cmd == "setExceptionBreakpoints") {
    post([this, req] {
      std::vector<std::string> filters;
      if (req["arguments"].contains("filters") && req["arguments"]["filters"].is_array())
        for (const json& f : req["arguments"]["filters"])
          if (f.is_string()) filters.push_back(f.get<std::string>());
      Debugger& d = vm_->debugger();
      d.break_on_uncaught = d.break_on_throw = false;
      for (const std::string& f : filters) {
        if (f == "uncaught") d.break_on_uncaught = true;
        else if (f == "all") d.break_on_throw = true;
        else return fail(req, "setExceptionBreakpoints: unknown filter " + f + " (uncaught, all)");
      }
      respond(req);
    });
  } else if (cmd == "threads") {
    respond(req, {{"threads", json::array({{{"id", 1}, {"name", "main"}}})}});
  } else if (cmd == "stackTrace" || cmd == "scopes" || cmd == "variables" || cmd == "evaluate") {
    post([this, req, cmd] {
      try {
        if (cmd == "stackTrace") stack_trace(req);
        else if (cmd == "scopes") scopes(req);
        else if (cmd == "variables") variables(req);
        else evaluate(req);
      } catch (const std::exception& e) {
        fail(req, cmd + ": " + e.what());
      }
    });
  } else if (cmd == "continue" || cmd == "next" || cmd == "stepIn" || cmd == "stepOut") {
    StepMode m = cmd == "next" ? StepMode::Over : cmd == "stepIn" ? StepMode::Into
                 : cmd == "stepOut" ? StepMode::Out : StepMode::None;
    post([this, req, m] { resume(req, m); });
  } else if (cmd == "pause") {
    respond(req);
    if (running_) {
      pause_ = true;
      vm_->debugger().request_service();
    }
  } else if (cmd == "terminate" || cmd == "disconnect") {
    if (running_ || stopped_) {
      terminate_ = true;
      vm_->debugger().request_service();
      post([] {});  // wakes a stop
    }
    respond(req);
    if (cmd == "disconnect") {
      std::lock_guard<std::mutex> lock(mu_);
      quit_ = true;
    }
  } else {
    fail(req, "unknown command " + cmd);
  }
}

// ---- VM thread ----

void Session::vm_main() { vm_job_loop(); }

void Session::run_jobs_until(const std::function<bool()>& done) {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [&] { return !jobs_.empty() || done() || (terminate_ && (running_ || stopped_)); });
      if (done()) return;
      if (!jobs_.empty()) {
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
    }
    if (job) job();
    if (terminate_ && (running_ || stopped_)) abort_program();
  }
}

void Session::vm_job_loop() {
  // Outside the program: a job's exception is its own (answered), never the thread's end.
  for (;;) {
    try {
      run_jobs_until([this] { return quit_; });
      return;
    } catch (...) {
    }
  }
}

void Session::abort_program() {
  terminate_ = false;
  throw VMAbort(ErrorKind::InterruptedError, "terminated by the debugger");
}

void Session::start_program() {
  if (started_) return;
  started_ = true;
  Runtime& vm = *vm_;
  std::string program = launch_args_["program"].get<std::string>();
  std::error_code ec;
  if (launch_args_.contains("cwd") && launch_args_["cwd"].is_string())
    std::filesystem::current_path(launch_args_["cwd"].get<std::string>(), ec);
  std::string dir = std::filesystem::path(program).parent_path().string();
  vm.load_path.push_back(dir.empty() ? "." : dir);
  std::vector<Value> items;
  if (launch_args_.contains("args") && launch_args_["args"].is_array())
    for (const json& a : launch_args_["args"])
      if (a.is_string()) items.push_back(string_value(vm.heap, a.get<std::string>()));
  Var* v = vm.intern(vm.core_ns(), vm.sym("*command-line-args*"));
  vm.set_binding(v, items.empty() ? Value::nil() : list_from(vm.heap, items.data(), items.size()));
  if (launch_args_.value("stopOnEntry", false)) {
    entry_stop_ = true;
    vm.debugger().step(StepMode::Into, vm.fiber());
  }
  int exit_code = 0;
  running_ = true;
  try {
    vm.load_file(program);
  } catch (const VMAbort& e) {
    exit_code = 1;
    event("output", {{"category", "stderr"}, {"output", std::string(e.what()) + "\n"}});
  } catch (const CloveError& e) {
    exit_code = 1;
    std::string msg = e.payload.is_nil() ? std::string(e.what()) : vm.format_exception(e.payload);
    event("output", {{"category", "stderr"}, {"output", msg + "\n"}});
  } catch (const std::exception& e) {
    exit_code = 1;
    event("output", {{"category", "stderr"}, {"output", std::string(e.what()) + "\n"}});
  }
  running_ = false;
  vm.debugger().step(StepMode::None, nullptr);
  event("exited", {{"exitCode", exit_code}});
  event("terminated");
}

void Session::set_breakpoints(const json& req) {
  const json& args = req["arguments"];
  if (!args.contains("source") || !args["source"].is_object() || !args["source"].contains("path") ||
      !args["source"]["path"].is_string())
    return fail(req, "setBreakpoints: source.path is required");
  std::string path = args["source"]["path"].get<std::string>();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return fail(req, "setBreakpoints: no file " + path);
  size_t nlines = 0;
  {
    FILE* fp = std::fopen(path.c_str(), "rb");
    if (fp) {
      int c, last = '\n';
      while ((c = std::fgetc(fp)) != EOF) {
        if (c == '\n') ++nlines;
        last = c;
      }
      if (last != '\n') ++nlines;
      std::fclose(fp);
    }
  }
  Debugger& d = vm_->debugger();
  for (const ClientBreakpoint& b : breakpoints_[path]) d.clear_breakpoint(b.vm_id);
  breakpoints_[path].clear();
  json out = json::array();
  if (args.contains("breakpoints") && args["breakpoints"].is_array()) {
    for (const json& sb : args["breakpoints"]) {
      ClientBreakpoint b;
      b.line = sb.is_object() && sb.contains("line") && sb["line"].is_number_integer() ? sb["line"].get<int>() : 0;
      if (sb.is_object() && sb.contains("condition") && sb["condition"].is_string())
        b.condition = sb["condition"].get<std::string>();
      if (sb.is_object() && sb.contains("hitCondition") && sb["hitCondition"].is_string())
        b.hit_condition = sb["hitCondition"].get<std::string>();
      json r = {{"line", b.line}};
      if (b.line < 1 || static_cast<size_t>(b.line) > nlines) {
        r["verified"] = false;
        r["message"] = "line " + std::to_string(b.line) + " is not in the file";
        out.push_back(r);
        continue;
      }
      b.vm_id = d.set_line_breakpoint(path, static_cast<uint32_t>(b.line));
      const Debugger::Breakpoint& vb = d.breakpoints().at(b.vm_id);
      // Code not loaded yet: the breakpoint is set when it is compiled.
      r["verified"] = true;
      r["id"] = b.vm_id;
      if (vb.actual_line) r["line"] = vb.actual_line;
      breakpoints_[path].push_back(b);
      out.push_back(r);
    }
  }
  respond(req, {{"breakpoints", out}});
}

void Session::resume(const json& req, StepMode mode) {
  if (!stopped_) return fail(req, req["command"].get<std::string>() + ": the program is not stopped");
  vm_->debugger().step(mode, stop_fiber_);
  resume_ = true;
  respond(req, req["command"] == "continue" ? json{{"allThreadsContinued", true}} : json::object());
}

namespace {

/// Whether hit count n passes a hit condition ("" passes; a bad one passes too).
bool hit_passes(const std::string& cond, long n) {
  std::string c;
  for (char ch : cond)
    if (ch != ' ') c += ch;
  if (c.empty()) return true;
  std::string op;
  while (!c.empty() && (c[0] == '<' || c[0] == '>' || c[0] == '=' || c[0] == '%')) {
    op += c[0];
    c.erase(0, 1);
  }
  char* end = nullptr;
  long k = std::strtol(c.c_str(), &end, 10);
  if (c.empty() || *end) return true;
  if (op.empty() || op == "==" || op == "=") return n == k;
  if (op == ">") return n > k;
  if (op == ">=") return n >= k;
  if (op == "<") return n < k;
  if (op == "<=") return n <= k;
  if (op == "%") return k > 0 && n % k == 0;
  return true;
}

}  // namespace

bool Session::should_stop(const StopEvent& e) {
  if (e.reason != StopReason::Breakpoint) return true;
  ClientBreakpoint* b = nullptr;
  for (auto& [path, list] : breakpoints_)
    for (ClientBreakpoint& x : list)
      if (x.vm_id == e.breakpoint) b = &x;
  if (!b) return true;
  ++b->hits;
  if (!hit_passes(b->hit_condition, b->hits)) return false;
  if (b->condition.empty()) return true;
  std::vector<FrameView> frames = clove_frames(*vm_, e.fiber);
  if (frames.empty()) return true;
  try {
    Var* rs = vm_->resolve_var(vm_->core_ns(), vm_->sym("read-string"));
    Value form = vm_->call(rs->root, {string_value(vm_->heap, b->condition)});
    return eval_in_frame(*vm_, e.fiber, frames[0], form).truthy();
  } catch (const VMAbort&) {
    throw;
  } catch (const std::exception& ex) {
    event("output", {{"category", "stderr"}, {"output", "breakpoint condition " + b->condition + ": " + ex.what() + "\n"}});
    return true;
  }
}

void Session::stopped(const StopEvent& e) {
  if (terminate_) abort_program();
  if (!should_stop(e)) return;
  stopped_ = true;
  running_ = false;
  resume_ = false;
  stop_fiber_ = e.fiber;
  frames_ = clove_frames(*vm_, e.fiber);
  refs_.clear();
  json body = {{"threadId", 1}, {"allThreadsStopped", true}};
  switch (e.reason) {
    case StopReason::Breakpoint:
      body["reason"] = "breakpoint";
      body["hitBreakpointIds"] = json::array({e.breakpoint});
      break;
    case StopReason::Break: body["reason"] = "breakpoint"; body["description"] = "clove.debug/break"; break;
    case StopReason::Step:
      body["reason"] = entry_stop_ ? "entry" : "step";
      entry_stop_ = false;
      break;
    case StopReason::Pause: body["reason"] = "pause"; break;
    case StopReason::Entry: body["reason"] = "entry"; break;
    case StopReason::Exception:
      body["reason"] = "exception";
      body["text"] = vm_->format_exception(e.exception);
      body["description"] = e.uncaught ? "Uncaught exception" : "Exception";
      break;
  }
  event("stopped", body);
  struct Leave {
    Session* s;
    ~Leave() {
      s->stopped_ = false;
      s->refs_.clear();
      s->frames_.clear();
      s->running_ = true;
    }
  } leave{this};
  run_jobs_until([this] { return resume_ || quit_; });
  if (quit_) abort_program();
  event("continued", {{"threadId", 1}, {"allThreadsContinued", true}});
}

bool Session::service() {
  // Jobs queued while the program runs (setBreakpoints...), then a pause if asked.
  for (;;) {
    std::function<void()> job;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (jobs_.empty()) break;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
  if (terminate_) abort_program();
  return pause_.exchange(false);
}

int dap_command() {
  Session s(0, 1);
  int code = s.run();
  std::fflush(stdout);
  std::_Exit(code);
}

}  // namespace clove::dap
