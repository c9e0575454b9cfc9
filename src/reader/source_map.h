// source_map.h: where each form came from, kept beside the forms (SPEC V6).
//
// Positions live in a side table keyed by the identity of the form object (a list,
// vector, map or set the reader made), not in wrappers or metadata, so macros see
// plain data. For atoms inside a collection (symbols are interned and shared, so
// they cannot be keys), the collection also records the position of each element.
// Entries die with their form: the heap calls forget() when it frees an object that
// carries kFlagSourcePos.
#pragma once
#include <unordered_map>
#include <vector>

#include "common/source.h"
#include "runtime/object.h"
#include "runtime/value.h"

namespace clove {

class SourceMap {
 public:
  /// Remembers where `form` starts, and optionally where each of its elements starts.
  void record(Obj* form, SourcePos pos, std::vector<SourcePos> elements = {}) {
    form->flags |= kFlagSourcePos;
    table_[form] = Entry{pos, std::move(elements)};
  }
  /// The position of a form, or an unknown position.
  SourcePos lookup(Value form) const {
    if (!form.is_obj()) return {};
    auto it = table_.find(form.as_obj());
    return it == table_.end() ? SourcePos{} : it->second.pos;
  }
  /// The position of element `i` of collection `form`, or the form's own position.
  SourcePos element(Value form, size_t i) const {
    if (!form.is_obj()) return {};
    auto it = table_.find(form.as_obj());
    if (it == table_.end()) return {};
    if (i < it->second.elements.size() && it->second.elements[i].known()) return it->second.elements[i];
    return it->second.pos;
  }
  /// Gives `to` the same entry as `from` (a form re-made by with-meta keeps its place).
  void copy(const Obj* from, Obj* to) {
    auto it = table_.find(from);
    if (it == table_.end()) return;
    Entry e = it->second;
    to->flags |= kFlagSourcePos;
    table_[to] = std::move(e);
  }
  void forget(Obj* o) { table_.erase(o); }
  size_t size() const { return table_.size(); }

 private:
  struct Entry {
    SourcePos pos;
    std::vector<SourcePos> elements;
  };
  std::unordered_map<const Obj*, Entry> table_;
};

}  // namespace clove
