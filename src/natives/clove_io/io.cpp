// io.cpp: clove.io, functions for what java.io.File's methods do (those work too,
// see natives/core/interop.cpp): exists? directory? list-dir. Paths are strings or
// java.io.File objects.
#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string>
#include <vector>

#include "runtime/coll/coll.h"
#include "natives/args.h"
#include "natives/java_io/files.h"

namespace clove {

namespace {

namespace fs = std::filesystem;

Value io_exists(State& vm, Args a) {
  vm.require_capability(Capability::Fs, "clove.io/exists?");
  std::error_code ec;
  return Value::boolean(fs::exists(path_arg(a, 0, "clove.io/exists?"), ec));
}
Value io_directory(State& vm, Args a) {
  vm.require_capability(Capability::Fs, "clove.io/directory?");
  std::error_code ec;
  return Value::boolean(fs::is_directory(path_arg(a, 0, "clove.io/directory?"), ec));
}
Value io_list_dir(State& vm, Args a) {
  vm.require_capability(Capability::Fs, "clove.io/list-dir");
  std::string path = path_arg(a, 0, "clove.io/list-dir");
  std::error_code ec;
  fs::directory_iterator it(path, ec);
  if (ec) {
    errno = ec.value();
    file_error(path);
  }
  std::vector<std::string> names;
  for (const fs::directory_entry& e : it) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  std::vector<Value> items;
  for (const std::string& n : names) items.push_back(string_value(vm.heap, n));
  return vector_from(vm.heap, items.data(), items.size());
}

}  // namespace

void install_clove_io_natives(State& vm) {
  const char* I = "clove.io";
  vm.def_native(I, "exists?", io_exists, 1, 1, "True if a file or directory exists at the path string (java.io.File.exists).", "([path])");
  vm.def_native(I, "directory?", io_directory, 1, 1, "True if the path string names a directory.", "([path])");
  vm.def_native(I, "list-dir", io_list_dir, 1, 1,
                "The names of the entries of a directory, sorted, as a vector of strings (java.io.File.list). FileNotFoundException if it cannot be read.",
                "([path])");
}

}  // namespace clove
