// compiler.cpp: the compiler's entry point: analyze one top-level form, then compile
// the resulting zero-argument fn through the back end.
#include "compiler/compiler.h"

#include "compiler/analyze/analyzer.h"
#include "compiler/ir/lower.h"
#include "compiler/session.h"

namespace clove {

FnProto* compile_toplevel(VM& vm, Value form, const CompileOptions& opts) {
  CompileSession session(vm, opts);
  session.pin(form);
  Analyzer analyzer(session);
  FnNode* fn = analyzer.analyze_toplevel(form);
  return compile_fn(session, fn);
}

}  // namespace clove
