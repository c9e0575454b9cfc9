// host_class.h: the classes a host defined with VM::define_class (include/clove/host.h).
//
// For each C++ type: the ClassSpec its Class<T> fills, a HostClass implementation that
// answers the runtime's questions from it (runtime/lang/host_object.h), and a handle
// on its class value (a RecordType), which keeps the class alive whatever the program
// does to the var ns/Name.
#pragma once
#include <memory>
#include <typeindex>
#include <unordered_map>

#include "clove/host.h"
#include "runtime/lang/host_object.h"

namespace clove::detail {

class SpecClass;  // the HostClass over a ClassSpec (host_class.cpp)

class ClassRegistry {
 public:
  struct Entry {
    std::unique_ptr<ClassSpec> spec;
    std::unique_ptr<SpecClass> impl;
    Handle cls;  // the RecordType
  };
  ClassRegistry();
  ~ClassRegistry();
  /// The entry of C++ type `t`, or null.
  Entry* find(const std::type_info& t);
  Entry* find(const ClassSpec& spec);
  std::unordered_map<std::type_index, Entry> entries;
};

}  // namespace clove::detail
