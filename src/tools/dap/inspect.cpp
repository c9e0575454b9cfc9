// inspect.cpp: the requests that read a stopped program (session.h): stackTrace,
// scopes, variables (collections expand lazily: each gets a variablesReference whose
// children are made when the client asks) and evaluate. They run on the VM thread.
#include <filesystem>
#include <stdexcept>

#include "api/runtime.h"
#include "natives/clove_debug/frame_eval.h"
#include "runtime/coll/coll.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "runtime/text/string.h"
#include "tools/dap/session.h"

namespace clove::dap {

namespace {

/// At most this many children of a collection are listed.
constexpr int64_t kMaxChildren = 1000;

/// How a value shows: printed within bounds, never failing (print.h, pr_str_report).
std::string shown(Runtime& vm, Value v) { return pr_str_report(vm, v); }

int arg_int(const json& req, const char* name, int dflt) {
  const json& a = req["arguments"];
  return a.contains(name) && a[name].is_number_integer() ? a[name].get<int>() : dflt;
}

}  // namespace

const FrameView& Session::frame(const json& req, int frame_id) {
  if (!stopped_) throw std::runtime_error("the program is not stopped");
  if (frame_id < 1 || static_cast<size_t>(frame_id) > frames_.size())
    throw std::runtime_error("no frame " + std::to_string(frame_id));
  return frames_[static_cast<size_t>(frame_id - 1)];
}

void Session::stack_trace(const json& req) {
  if (!stopped_) throw std::runtime_error("the program is not stopped");
  int start = std::max(0, arg_int(req, "startFrame", 0));
  int levels = arg_int(req, "levels", 0);
  json out = json::array();
  for (size_t k = static_cast<size_t>(start); k < frames_.size(); ++k) {
    if (levels > 0 && out.size() >= static_cast<size_t>(levels)) break;
    const FrameView& fr = frames_[k];
    json f = {{"id", static_cast<int>(k) + 1},
              {"name", fr.name ? std::string(fr.name->view()) : "<top level>"},
              {"line", fr.pos.line},
              {"column", fr.pos.col}};
    if (fr.pos.file) {
      std::string path = vm_->sources.name(fr.pos.file);
      f["source"] = {{"name", std::filesystem::path(path).filename().string()}, {"path", path}};
    }
    out.push_back(f);
  }
  respond(req, {{"stackFrames", out}, {"totalFrames", frames_.size()}});
}

void Session::scopes(const json& req) {
  frame(req, arg_int(req, "frameId", 0));
  size_t k = static_cast<size_t>(arg_int(req, "frameId", 0) - 1);
  refs_.push_back(Ref{Ref::Kind::Locals, k, Value::nil()});
  int locals = static_cast<int>(refs_.size());
  refs_.push_back(Ref{Ref::Kind::Upvalues, k, Value::nil()});
  int upvals = static_cast<int>(refs_.size());
  respond(req, {{"scopes", json::array({{{"name", "Locals"}, {"presentationHint", "locals"},
                                          {"variablesReference", locals}, {"expensive", false}},
                                         {{"name", "Closure"}, {"variablesReference", upvals}, {"expensive", false}}})}});
}

int Session::reference_for(Value v) {
  // Maps, vectors, sets and lists expand; lazy seqs and other seqs do not (expanding
  // would realize them, running code and perhaps never ending).
  bool expands = (is_map(v) || is_vector(v) || is_set(v) || is_list(v)) && count(*vm_, v) > 0;
  if (!expands) return 0;
  refs_.push_back(Ref{Ref::Kind::Value, 0, v});
  return static_cast<int>(refs_.size());
}

json Session::variable(const std::string& name, Value v) {
  json j = {{"name", name}, {"value", shown(*vm_, v)}, {"type", value_type_name(v)}};
  j["variablesReference"] = reference_for(v);
  return j;
}

void Session::variables(const json& req) {
  if (!stopped_) throw std::runtime_error("the program is not stopped");
  int ref = arg_int(req, "variablesReference", 0);
  if (ref < 1 || static_cast<size_t>(ref) > refs_.size())
    throw std::runtime_error("no variablesReference " + std::to_string(ref));
  Ref r = refs_[static_cast<size_t>(ref - 1)];
  json out = json::array();
  Debugger& d = vm_->debugger();
  if (r.kind == Ref::Kind::Locals || r.kind == Ref::Kind::Upvalues) {
    const FrameView& fr = frames_.at(r.frame);
    std::vector<LocalView> list = r.kind == Ref::Kind::Locals ? d.locals(stop_fiber_, fr) : d.upvalues(fr);
    for (const LocalView& l : list) {
      std::string name = l.name ? l.name->str() : "?";
      if (!l.available) {
        out.push_back({{"name", name}, {"value", "<unavailable>"}, {"variablesReference", 0},
                       {"presentationHint", {{"attributes", json::array({"readOnly"})}}}});
        continue;
      }
      out.push_back(variable(name, l.value));
    }
  } else {
    // Printing may run Clove code (a print-method) and collect: the cursor is rooted.
    RootScope roots(vm_->heap);
    size_t cur = roots.push(seq(*vm_, r.value));
    size_t item = roots.push(Value::nil());
    bool map = is_map(r.value);
    bool indexed = is_vector(r.value) || is_list(r.value);
    for (int64_t n = 0; !roots[cur].is_nil() && n < kMaxChildren; ++n) {
      roots[item] = first(*vm_, roots[cur]);
      Value e = roots[item];
      if (map) {
        std::string key = shown(*vm_, nth(*vm_, e, 0));
        out.push_back(variable(key, nth(*vm_, roots[item], 1)));
      } else {
        out.push_back(variable(indexed ? std::to_string(n) : shown(*vm_, e), e));
      }
      roots[cur] = next(*vm_, roots[cur]);
    }
  }
  respond(req, {{"variables", out}});
}

void Session::evaluate(const json& req) {
  const json& args = req["arguments"];
  if (!args.contains("expression") || !args["expression"].is_string())
    throw std::runtime_error("\"expression\" (a string) is required");
  std::string expr = args["expression"].get<std::string>();
  int frame_id = arg_int(req, "frameId", 0);
  if (running_) throw std::runtime_error("the program is running; pause it first");
  Runtime& vm = *vm_;
  Value v;
  try {
    if (stopped_ && frame_id > 0) {
      const FrameView& fr = frame(req, frame_id);
      Var* rs = vm.resolve_var(vm.core_ns(), vm.sym("read-string"));
      Value form = vm.call(rs->root, {string_value(vm.heap, expr)});
      v = eval_in_frame(vm, stop_fiber_, fr, form);
    } else {
      v = vm.eval_string(expr, "<evaluate>");
    }
  } catch (const VMAbort&) {
    throw;
  } catch (const CloveError& e) {
    std::string msg = e.payload.is_nil() ? std::string(e.what()) : vm.format_exception(e.payload);
    return fail(req, msg);
  } catch (const Diagnostic& e) {
    return fail(req, e.what());
  }
  json body = {{"result", shown(vm, v)}, {"type", value_type_name(v)}};
  body["variablesReference"] = stopped_ ? reference_for(v) : 0;
  respond(req, body);
}

}  // namespace clove::dap
