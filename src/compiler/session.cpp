// session.cpp: registration of the compile session as a GC root provider, and its AST arena.
#include "compiler/session.h"

#include <algorithm>

#include "state/state.h"

namespace clove {

CompileSession::CompileSession(State& v, const CompileOptions& o) : vm(v), opts(o) {
  vm.heap.add_root_provider(this);
}

CompileSession::~CompileSession() {
  vm.heap.remove_root_provider(this);
  for (Node* n : nodes_) n->~Node();
}

void CompileSession::new_chunk(size_t at_least) {
  // 4 KiB first (most top-level forms are small), doubling up to 64 KiB.
  chunk_size_ = std::max(at_least, chunks_.empty() ? size_t{4096} : std::min(chunk_size_ * 2, size_t{65536}));
  chunks_.push_back(std::make_unique_for_overwrite<std::byte[]>(chunk_size_));
  used_ = 0;
}

}  // namespace clove
