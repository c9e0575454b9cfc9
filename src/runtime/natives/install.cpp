// install.cpp: install_core: every native module, then the Clove-written core library.
#include "reader/reader.h"
#include "runtime/core_lib.h"
#include "runtime/natives/args.h"

namespace clove {

void install_core(VM& vm, bool load_library) {
  install_lang_natives(vm);
  install_number_natives(vm);
  install_coll_natives(vm);
  install_io_natives(vm);
  install_seq_natives(vm);
  install_transient_natives(vm);
  install_state_natives(vm);
  install_sorted_natives(vm);
  install_string_natives(vm);
  install_regex_natives(vm);
  install_char_natives(vm);
  install_format_natives(vm);
  if (!load_library) return;
  Namespace* saved = vm.current_ns();
  vm.set_current_ns(vm.core_ns());
  for (const EmbeddedFile* f = kCoreLibrary; f->name; ++f)
    vm.eval_string(f->text, std::string("clove/lib/") + f->name);
  vm.set_current_ns(saved);
}

}  // namespace clove
