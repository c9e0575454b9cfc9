// session.h: state shared by every phase while one top-level form compiles.
//
// The session is a GC RootProvider: macro expansion calls back into the VM, which may
// collect, so every form, constant and compiled object the compiler holds is pinned
// here until compile_toplevel returns. It also owns the AST arena.
#pragma once
#include <memory>
#include <vector>

#include "compiler/analyze/ast.h"
#include "compiler/compiler.h"
#include "gc/heap.h"

namespace clove {

class VM;

class CompileSession : public RootProvider {
 public:
  CompileSession(VM& vm, const CompileOptions& opts);
  ~CompileSession() override;
  CompileSession(const CompileSession&) = delete;
  CompileSession& operator=(const CompileSession&) = delete;

  VM& vm;
  const CompileOptions& opts;

  /// Keeps v alive until the session ends; returns v.
  Value pin(Value v) {
    if (v.is_obj()) pinned_.push_back(v);
    return v;
  }
  template <class T>
  T* pin(T* o) {
    if (o) pinned_.push_back(Value::object(o));
    return o;
  }

  template <class T, class... A>
  T* node(A&&... args) {
    auto p = std::make_unique<T>(std::forward<A>(args)...);
    T* raw = p.get();
    nodes_.push_back(std::move(p));
    return raw;
  }
  LocalBinding* local(Symbol* name, SourcePos pos) {
    locals_.push_back(std::make_unique<LocalBinding>(LocalBinding{name, pos}));
    return locals_.back().get();
  }

  void trace_roots(Tracer& t) override {
    for (Value v : pinned_) t.mark(v);
  }

 private:
  std::vector<Value> pinned_;
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::unique_ptr<LocalBinding>> locals_;
};

}  // namespace clove
