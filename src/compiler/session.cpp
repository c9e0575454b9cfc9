// session.cpp: registration of the compile session as a GC root provider.
#include "compiler/session.h"

#include "vm/vm.h"

namespace clove {

CompileSession::CompileSession(VM& v, const CompileOptions& o) : vm(v), opts(o) {
  vm.heap.add_root_provider(this);
}

CompileSession::~CompileSession() { vm.heap.remove_root_provider(this); }

}  // namespace clove
