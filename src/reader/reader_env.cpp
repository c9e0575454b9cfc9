// reader_env.cpp: StateReaderEnv, the reader's questions answered from a State's
// namespaces, vars, id counter and source map.
#include "reader/reader_env.h"

#include <string>

#include "core/error.h"
#include "state/namespace.h"
#include "state/state.h"

namespace clove {

Symbol* StateReaderEnv::current_ns() {
  Namespace* cur = vm_.current_ns();
  return cur ? cur->name : nullptr;
}

Symbol* StateReaderEnv::resolve_alias(Symbol* alias) {
  Namespace* cur = vm_.current_ns();
  if (!cur) return nullptr;
  auto it = cur->aliases.find(alias);
  return it != cur->aliases.end() ? it->second->name : nullptr;
}

bool StateReaderEnv::namespace_exists(Symbol* name) { return vm_.find_ns(name) != nullptr; }

Symbol* StateReaderEnv::resolve_class(Symbol* sym) {
  ErrorKind kind;
  return error_kind_from_name(std::string(sym->name_view()), &kind) ? sym : nullptr;
}

Symbol* StateReaderEnv::resolve_var(Symbol* sym) {
  Namespace* cur = vm_.current_ns();
  if (!cur) return nullptr;
  Var* v = vm_.resolve_var(cur, sym);
  return v ? vm_.names.symbol(v->ns->name->name_view(), v->sym->name_view()) : nullptr;
}

uint64_t StateReaderEnv::next_gensym_id() { return vm_.next_id(); }

SourceMap* StateReaderEnv::source_map() { return &vm_.source_map; }

}  // namespace clove
