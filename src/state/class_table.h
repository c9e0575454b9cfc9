// class_table.h: the class values of one VM, one object per class name, so that the
// same class is the same object however code reaches it (`String`, `(class "a")`,
// `(first (supers ...))`, a class read back from an image).
//
// The objects themselves are the lang layer's (runtime/lang/class_value.h) and only
// host_class.cpp makes them; this table holds them for the VM's lifetime (a root of
// State::trace_roots), by the interned symbol of their full name, and remembers which
// one the class name of a built-in type names, so `class` of a built-in value is one
// pointer lookup.
#pragma once
#include <cstddef>
#include <unordered_map>
#include <vector>

#include "core/object.h"
#include "gc/heap.h"

namespace clove {

struct Symbol;

class ClassTable {
 public:
  /// The class value interned under `name` (an interned symbol), or nullptr.
  Obj* find(const Symbol* name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
  }
  /// Interns `cls` under `name`; the caller checked that find(name) is null.
  void add(const Symbol* name, Obj* cls) {
    by_name_.emplace(name, cls);
    all_.push_back(cls);
  }
  /// The class value remembered for a class-name string of the type table (a pointer
  /// that stays valid and names one class for the VM's lifetime: a row's name, an
  /// interned symbol's text), or nullptr.
  Obj* find_type_name(const char* type_name) const {
    auto it = by_type_name_.find(type_name);
    return it == by_type_name_.end() ? nullptr : it->second;
  }
  void remember_type_name(const char* type_name, Obj* cls) { by_type_name_.emplace(type_name, cls); }
  /// How many classes are interned.
  size_t size() const { return all_.size(); }
  /// Marks the interned classes, all of them or only those interned after freeze().
  void trace(Tracer& t) const {
    for (size_t i = frozen_; i < all_.size(); ++i) t.mark(all_[i]);
  }
  /// Called when the heap is frozen (State::freeze_heap): the classes interned so far
  /// are frozen and need no more marking.
  void freeze() { frozen_ = all_.size(); }

 private:
  std::unordered_map<const Symbol*, Obj*> by_name_;
  std::unordered_map<const char*, Obj*> by_type_name_;
  std::vector<Obj*> all_;
  size_t frozen_ = 0;
};

}  // namespace clove
