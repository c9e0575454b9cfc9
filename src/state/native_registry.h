// native_registry.h: every native of a VM by its full name ("clojure.core/str"), for
// marshal, which writes a native as its name and finds it here again when reading
// (Janet's reverse lookup).
//
// A VM defines about 500 natives when it starts and most programs never marshal one,
// so adding is a push onto a list and the name index is built on the first find: the
// index's nodes and buckets were 24 KiB of malloc, and their page faults a visible
// share of `clove -e nil`, at every start.
#pragma once
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/object.h"
#include "gc/heap.h"

namespace clove {

class NativeRegistry {
 public:
  /// Registers `native` (a Native object) under `name`, which must view chars that live
  /// as long as the native (its own name string: a heap String never moves). A later
  /// native of the same name replaces it in find().
  /// Sets kFlagRegistered on `native` and clears it on the entry it replaces when the
  /// index is built (else the caller clears it: State::def_native, on the native its
  /// var held).
  void add(std::string_view name, Obj* native) {
    all_.push_back({name, native});
    native->flags |= kFlagRegistered;
    if (indexed_) {
      Obj*& slot = index_[name];
      if (slot && slot != native) slot->flags &= ~kFlagRegistered;
      slot = native;
    }
  }
  /// The native last added under `name`, or nullptr.
  Obj* find(std::string_view name) const {
    if (!indexed_) build_index();
    auto it = index_.find(name);
    return it == index_.end() ? nullptr : it->second;
  }
  /// Marks every native added so far (a replaced one too, harmlessly), or only those
  /// added from position `from` of the list on (the ones a frozen heap does not keep).
  void trace(Tracer& t, size_t from = 0) const {
    for (size_t i = from; i < all_.size(); ++i) t.mark(all_[i].native);
  }
  /// Room for n natives without the list growing (a VM defines about 500 at start).
  void reserve(size_t n) { all_.reserve(n); }
  /// How many natives have been added (a position for trace's `from`).
  size_t size() const { return all_.size(); }

 private:
  struct Entry {
    std::string_view name;
    Obj* native;
  };
  void build_index() const {
    index_.reserve(all_.size());
    for (const Entry& e : all_) index_[e.name] = e.native;
    indexed_ = true;
  }
  std::vector<Entry> all_;  // in the order added
  mutable std::unordered_map<std::string_view, Obj*> index_;
  mutable bool indexed_ = false;
};

}  // namespace clove
