// open_libs.cpp: open_libs: every native module, then the Clove-written core library.
#include <stdexcept>

#include "api/runtime.h"
#include "eval/eval.h"
#include "reader/reader.h"
#include "eval/core_lib.h"
#include "eval/loader.h"
#include "image/image.h"
#include "natives/args.h"

namespace clove {

void open_libs(State& vm, bool load_library, bool use_image) {
  install_lang_natives(vm);
  install_number_natives(vm);
  install_coll_natives(vm);
  install_io_natives(vm);
  install_seq_natives(vm);
  install_chunk_natives(vm);
  install_transient_natives(vm);
  install_state_natives(vm);
  install_sorted_natives(vm);
  install_data_natives(vm);
  install_numeric_natives(vm);
  install_file_io_natives(vm);
  install_java_io_natives(vm);
  install_clove_io_natives(vm);
  install_fiber_natives(vm);
  install_marshal_natives(vm);
  install_asm_natives(vm);
  install_ffi_natives(vm);
  install_shell_natives(vm);
  install_string_natives(vm);
  install_regex_natives(vm);
  install_char_natives(vm);
  install_format_natives(vm);
  install_poly_natives(vm);
  install_error_natives(vm);
  install_ns_natives(vm);
  install_macro_natives(vm);
  install_system_natives(vm);
  install_java_lang_natives(vm);
  install_map_entry_natives(vm);
  install_interop_natives(vm);
  install_tagged_natives(vm);
  install_array_natives(vm);
  install_repl_natives(vm);
  install_debug_natives(vm);
  mark_leaf_natives(vm);
  std::string_view image = load_library && use_image ? core_image() : std::string_view();
  if (image.empty()) install_class_vars(vm);  // else the image restores them
  if (!load_library) return;
  if (!image.empty()) {
    UnmarshalOptions opts;
    opts.static_source_text = [](const std::string& name) -> std::string_view {
      constexpr std::string_view kDir = "clove/lib/";
      if (!std::string_view(name).starts_with(kDir)) return {};
      std::string_view base = std::string_view(name).substr(kDir.size());
      for (const EmbeddedFile* f = kCoreLibrary; f->name; ++f)
        if (base == f->name) return f->text;
      return {};
    };
    opts.trusted = true;  // compiled by this build and linked in: not bytecode from outside
    opts.lazy_bodies = true;  // ... and lives as long as the process: bodies are read on first call
    load_namespaces(vm, image, opts);
    return;
  }
  Namespace* saved = vm.current_ns();
  vm.set_current_ns(vm.core_ns());
  for (const EmbeddedFile* f = kCoreLibrary; f->name; ++f) {
    if (!lazy_library_ns(*f).empty()) continue;  // loaded on require (eval/loader.h)
    std::string name = std::string("clove/lib/") + f->name;
    try {
      eval_string(vm, f->text, name);
    } catch (const Diagnostic& d) {
      throw std::runtime_error(render_diagnostic(d, vm.sources));
    } catch (const CloveError& e) {
      throw std::runtime_error(is<Exception>(e.payload) ? vm.format_exception(e.payload) : e.what());
    } catch (const std::exception& e) {
      throw std::runtime_error("while loading " + name + ": " + e.what());
    }
  }
  vm.set_current_ns(saved);
}

}  // namespace clove
