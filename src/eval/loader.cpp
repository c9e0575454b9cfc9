// loader.cpp: the load path, resource lookup and require's loading step (loader.h).
#include "eval/loader.h"

#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "core/error.h"
#include "runtime/coll/coll.h"
#include "gc/heap.h"
#include "state/namespace.h"
#include "runtime/text/string.h"
#include "eval/eval.h"
#include "state/state.h"

namespace clove {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kLazyMarker = ";; lazy-ns: ";

/// Joins a load-path root and a relative resource file, without a "./" prefix.
std::string join_root(const std::string& root, const std::string& rel) {
  if (root.empty() || root == ".") return rel;
  return (fs::path(root) / rel).lexically_normal().string();
}

/// "a/b.clj, a/b.cljc or a/b.clove"
std::string candidate_list(std::string_view rel) {
  std::string out;
  size_t n = std::size(kSourceExtensions);
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) out += i + 1 == n ? " or " : ", ";
    out += fmt::format("{}{}", rel, kSourceExtensions[i]);
  }
  return out;
}

[[noreturn]] void throw_not_found(const State& vm, std::string_view resource) {
  std::string_view rel = resource.substr(resource.starts_with('/') ? 1 : 0);
  std::string roots;
  for (const std::string& r : vm.load_path) roots += (roots.empty() ? "" : ", ") + (r.empty() ? "." : r);
  throw_error(ErrorKind::FileNotFoundException,
              fmt::format("Could not locate {} on the load path ({})", candidate_list(rel),
                          roots.empty() ? "the load path is empty" : "searched roots: " + roots));
}

/// Restores *ns* and *file* and pops the pending-load entry when a load ends.
class LoadScope {
 public:
  LoadScope(State& vm, const std::string& path, std::string_view resource)
      : vm_(vm), roots_(vm.heap), saved_ns_(vm.current_ns()) {
    file_var_ = vm.resolve_var(vm.core_ns(), vm.sym("*file*"));
    if (file_var_) {
      roots_.push(file_var_->root);
      saved_file_ = file_var_->root;
      saved_file_bound_ = file_var_->bound;
      Value p = string_value(vm.heap, path);
      file_var_->root = p;
      file_var_->bound = true;
      vm.heap.barrier(file_var_, p);
    }
    if (!resource.empty()) {
      vm.pending_loads.emplace_back(std::string(resource), path);
      pending_ = true;
    }
  }
  ~LoadScope() {
    vm_.set_current_ns(saved_ns_);
    if (file_var_) {
      file_var_->root = saved_file_;
      file_var_->bound = saved_file_bound_;
      vm_.heap.barrier(file_var_, saved_file_);
    }
    if (pending_) vm_.pending_loads.pop_back();
  }
  LoadScope(const LoadScope&) = delete;
  LoadScope& operator=(const LoadScope&) = delete;

 private:
  State& vm_;
  RootScope roots_;
  Namespace* saved_ns_;
  Var* file_var_ = nullptr;
  Value saved_file_;
  bool saved_file_bound_ = false;
  bool pending_ = false;
};

/// Runs a located resource's forms inside a LoadScope.
void run_located(State& vm, std::string_view resource, const Located& loc) {
  LoadScope scope(vm, loc.path, resource);
  if (!loc.embedded && loc.path.ends_with(kNativeModuleExtension)) {
    // Native code: the process's full power, so it needs :ffi besides :load.
    vm.require_capability(CapabilityId::Ffi, fmt::format("loading the native module {}", loc.path));
    vm.open_native_module(loc.path);
    return;
  }
  if (vm.compile_recorder) vm.compile_recorder->next_resource = resource;  // for the text's recording
  if (!loc.embedded) {
    load_file(vm, loc.path);  // sets .clove mode from the file's extension
    return;
  }
  // Embedded libraries are .clj: not compiled in .clove mode even when a .clove file
  // requires them.
  bool saved = vm.compiling_clove_file;
  vm.compiling_clove_file = false;
  try {
    eval_string(vm, loc.embedded->text, loc.path);
  } catch (...) {
    vm.compiling_clove_file = saved;
    throw;
  }
  vm.compiling_clove_file = saved;
}

/// "/a/b" for namespace a.b.c: the folder relative loads start from.
std::string root_directory(std::string_view ns) {
  std::string r = lib_resource(ns);
  return r.substr(0, r.rfind('/'));
}

}  // namespace

std::string lib_resource(std::string_view lib) {
  std::string out = "/";
  for (char c : lib) out += c == '.' ? '/' : c == '-' ? '_' : c;
  return out;
}

std::string_view lazy_library_ns(const EmbeddedFile& f) {
  std::string_view text = f.text;
  if (!text.starts_with(kLazyMarker)) return {};
  text.remove_prefix(kLazyMarker.size());
  size_t end = text.find_first_of(" \t\r\n");
  return text.substr(0, end);
}

bool locate_resource(const State& vm, std::string_view resource, Located* out, std::vector<std::string>* tried) {
  for (const EmbeddedFile* f = kCoreLibrary; f->name; ++f) {
    std::string_view ns = lazy_library_ns(*f);
    if (!ns.empty() && lib_resource(ns) == resource) {
      out->path = std::string("clove/lib/") + f->name;
      out->embedded = f;
      return true;
    }
  }
  // Embedded libraries stay loadable in a sandbox; files need the load capability,
  // checked before the file system is probed.
  vm.require_capability(CapabilityId::Load, fmt::format("clojure.core/load of {}", resource));
  std::string rel(resource.substr(resource.starts_with('/') ? 1 : 0));
  auto found = [&](std::string candidate) {
    if (tried) tried->push_back(candidate);
    std::error_code ec;
    if (!fs::is_regular_file(candidate, ec)) return false;
    out->path = std::move(candidate);
    out->embedded = nullptr;
    return true;
  };
  for (const std::string& root : vm.load_path) {
    for (const char* ext : kSourceExtensions)
      if (found(join_root(root, rel + ext))) return true;
    // Then a native module (include/clove/module.h), after the sources of that root.
    if (found(join_root(root, rel + kNativeModuleExtension))) return true;
  }
  return false;
}

Value load_file_scoped(State& vm, const std::string& path) {
  vm.require_capability(CapabilityId::Load, "clojure.core/load-file");
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw_error(ErrorKind::FileNotFoundException, fmt::format("{} (No such file or directory)", path));
  LoadScope scope(vm, path, {});
  return load_file(vm, path);
}

void load_resource(State& vm, std::string_view path) {
  std::string resource = path.starts_with('/') ? std::string(path)
                                               : root_directory(vm.current_ns()->name->name_view()) + "/" +
                                                     std::string(path);
  auto& pending = vm.pending_loads;  // outermost first
  if (!pending.empty() && pending.back().first == resource) return;
  for (size_t i = 0; i + 1 < pending.size(); ++i) {
    if (pending[i].first != resource) continue;
    // Clojure's chain: the resource, then the pending loads innermost first.
    auto mark = [&](const std::string& r) { return r == resource ? "[ " + r + " ]" : r; };
    std::string chain = mark(resource);
    for (size_t j = pending.size(); j-- > 0;) chain += "->" + mark(pending[j].first);
    std::string files;
    for (size_t j = i; j < pending.size(); ++j) files += pending[j].second + " -> ";
    files += pending[i].second;
    throw_error(ErrorKind::Exception, fmt::format("Cyclic load dependency: {} (files: {})", chain, files));
  }
  // A program image's compiled resources come first (image/program.h).
  if (auto unit = vm.image_units.find(resource); unit != vm.image_units.end()) {
    Value file = nth(vm, unit->second, 0);
    LoadScope scope(vm, is<String>(file) ? std::string(as<String>(file)->view()) : resource, resource);
    run_compiled_forms(vm, nth(vm, unit->second, 1));
    return;
  }
  Located loc;
  if (!locate_resource(vm, resource, &loc)) throw_not_found(vm, resource);
  run_located(vm, resource, loc);
}

bool lib_loaded(const State& vm, Symbol* lib) {
  if (vm.loaded_libs.count(lib)) return true;
  // A program image's resource has not run yet: its namespace and vars may exist
  // already (the image's compiled code names them) without their definitions.
  if (vm.image_units.count(lib_resource(lib->name_view()))) return false;
  // An existing namespace with vars of its own counts as loaded; an empty one (made by
  // create-ns or an :as-alias) does not.
  Namespace* ns = vm.find_ns(lib);
  if (!ns) return false;
  bool has_vars = false;
  for (auto& [k, v] : ns->mappings)
    if (v->ns == ns) {
      has_vars = true;
      break;
    }
  if (!has_vars) return false;
  std::string resource = lib_resource(lib->name_view());
  for (const auto& p : vm.pending_loads)
    if (p.first == resource) return false;
  return true;
}

void load_lib(State& vm, Symbol* lib, bool reload) {
  if (!reload && lib_loaded(vm, lib)) return;
  std::string resource = lib_resource(lib->name_view());
  load_resource(vm, resource);
  if (!vm.find_ns(lib))
    throw_error(ErrorKind::Exception,
                fmt::format("namespace '{}' not found after loading '{}'", lib->str(), resource));
  vm.loaded_libs.insert(lib);
}

}  // namespace clove
