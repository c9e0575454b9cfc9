// session.h: state shared by every phase while one top-level form compiles.
//
// The session is a GC RootProvider: macro expansion calls back into the VM, which may
// collect, so every form, constant and compiled object the compiler holds is pinned
// here until compile_toplevel returns. It also owns the AST arena: nodes and local
// bindings are bump-allocated from chunks that all go when the session ends.
#pragma once
#include <cstddef>
#include <memory>
#include <new>
#include <vector>

#include "compiler/analyze/ast.h"
#include "compiler/compiler.h"
#include "gc/heap.h"

namespace clove {

class State;

class CompileSession : public RootProvider {
 public:
  CompileSession(State& vm, const CompileOptions& opts);
  ~CompileSession() override;
  CompileSession(const CompileSession&) = delete;
  CompileSession& operator=(const CompileSession&) = delete;

  State& vm;
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

  /// A new AST node in the session's arena; destroyed when the session ends.
  template <class T, class... A>
  T* node(A&&... args) {
    T* raw = new (arena_alloc(sizeof(T), alignof(T))) T(std::forward<A>(args)...);
    nodes_.push_back(raw);
    return raw;
  }
  /// A new local binding in the session's arena (trivially destructible).
  LocalBinding* local(Symbol* name, SourcePos pos) {
    return new (arena_alloc(sizeof(LocalBinding), alignof(LocalBinding))) LocalBinding{name, pos};
  }

  void trace_roots(Tracer& t) override {
    for (Value v : pinned_) t.mark(v);
  }

 private:
  /// Bump allocation from chunks freed together when the session ends: one malloc per
  /// chunk instead of one per node (start-up compiles thousands of forms).
  void* arena_alloc(size_t size, size_t align) {
    size_t at = (used_ + align - 1) & ~(align - 1);
    if (chunks_.empty() || at + size > chunk_size_) {
      new_chunk(size + align);
      at = 0;
    }
    used_ = at + size;
    return chunks_.back().get() + at;
  }
  void new_chunk(size_t at_least);

  std::vector<Value> pinned_;
  std::vector<Node*> nodes_;  // in the arena; their destructors run in ~CompileSession
  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  size_t chunk_size_ = 0, used_ = 0;
};

}  // namespace clove
