// map_entry.cpp: clojure.core/map-entry? and the clojure.lang.MapEntry/create shim,
// so Clove code (clojure.walk) can tell map entries from vectors and rebuild them.
#include "runtime/coll/coll.h"
#include "runtime/coll/map_entry.h"
#include "natives/args.h"

namespace clove {

namespace {

Value e_map_entryp(State&, Args a) { return Value::boolean(is<MapEntry>(a[0])); }

Value e_create(State& vm, Args a) { return map_entry(vm.heap, a[0], a[1]); }

}  // namespace

void install_map_entry_natives(State& vm) {
  vm.def_native("clojure.core", "map-entry?", e_map_entryp, 1, 1, "Return true if x is a map entry", "([x])");
  vm.def_native("clojure.lang.MapEntry", "create", e_create, 2, 2,
                "A map entry [k v]: a pair that is a vector and answers key and val.", "([k v])");
}

}  // namespace clove
