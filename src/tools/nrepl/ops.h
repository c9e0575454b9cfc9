// ops.h: the nREPL ops that need the VM; each runs on the evaluator thread
// (evaluator.h) with the request `msg` and sends its answers through `reply`, ending
// with a message whose status includes "done". None throws for bad input: a missing
// field is an answer with the "error" status.
//
//   eval        code [ns file line column]: each top-level form of code in turn; a
//               {"value" "ns"} per form, "out"/"err" as the code writes, errors as
//               {"status" ["eval-error"] "ex" "root-ex"} then {"err" message}; a
//               stopped evaluation {"status" ["interrupted"]}
//   load-file   file [file-path file-name]: the file's contents, as a load: one value
//   completions prefix [ns] (also "complete" with "symbol"): {"completions" [{candidate
//               type ns}]}
//   info, lookup  sym [ns]: the var's doc, arglists-str, file, line, column, ns, name
//               (lookup puts them under "info"); status "no-info" when unknown
//   eldoc       sym [ns]: {"eldoc" [[arg...]...] name ns type docstring}
//   macroexpand code [expander ns]: {"expansion" text}
#pragma once
#include "tools/nrepl/bencode.h"
#include "tools/nrepl/transport.h"

namespace clove {
class Runtime;
}

namespace clove::nrepl {

/// Session `id` is registered in the VM as a copy of session `from` (or fresh).
void op_new_session(Runtime& vm, const std::string& id, const std::string& from);
/// Session `id` is forgotten by the VM.
void op_close_session(Runtime& vm, const std::string& id);

void op_eval(Runtime& vm, const BValue& msg, const Reply& reply);
void op_load_file(Runtime& vm, const BValue& msg, const Reply& reply);
void op_completions(Runtime& vm, const BValue& msg, const Reply& reply);
void op_info(Runtime& vm, const BValue& msg, const Reply& reply);
void op_eldoc(Runtime& vm, const BValue& msg, const Reply& reply);
void op_macroexpand(Runtime& vm, const BValue& msg, const Reply& reply);

}  // namespace clove::nrepl
