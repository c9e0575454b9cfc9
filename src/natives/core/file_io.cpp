// file_io.cpp: clojure.core's file functions (SPEC L17): slurp, spit, and -file-lines
// behind line-seq (09_io.clj). Files are named by path strings or java.io.File objects
// (runtime/host/file.h), text is UTF-8; readers and writers are runtime/host/stream.h
// objects.
#include <cerrno>
#include <fstream>
#include <string>
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/host/stream.h"
#include "runtime/print/print.h"
#include "natives/args.h"
#include "natives/java_io/files.h"

namespace clove {

namespace {

Value io_slurp(State& vm, Args a) {
  if (LineReader* r = as<LineReader>(a[0])) return string_value(vm.heap, reader_read_all(r));
  vm.require_capability(Capability::Fs, "clojure.core/slurp");
  return string_value(vm.heap, read_file(path_arg(a, 0, "slurp")));
}

Value io_spit(State& vm, Args a) {
  if (TextWriter* w = as_writer(a[0])) {  // (spit writer content): write, then close it
    writer_write(w, str_of(vm, a[1]));
    writer_close(w);
    return Value::nil();
  }
  vm.require_capability(Capability::Fs, "clojure.core/spit");
  std::string path = path_arg(a, 0, "spit");
  std::string text = str_of(vm, a[1]);
  errno = 0;
  std::ofstream out(path, option_set(vm, a, 2, "append") ? std::ios::binary | std::ios::app
                                                           : std::ios::binary | std::ios::trunc);
  if (!out) file_error(path);
  out << text;
  if (!out.flush()) throw_error(ErrorKind::IOException, fmt::format("{}: write failed", path));
  return Value::nil();
}

Value io_file_lines(State& vm, Args a) {
  vm.require_capability(Capability::Fs, "clojure.core/line-seq");
  std::vector<std::string> lines = split_lines(read_file(path_arg(a, 0, "line-seq")));
  if (lines.empty()) return Value::nil();
  std::vector<Value> items;
  items.reserve(lines.size());
  for (const std::string& l : lines) items.push_back(string_value(vm.heap, l));
  return list_from(vm.heap, items.data(), items.size());
}

}  // namespace

void install_file_io_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "slurp", io_slurp, 1, -1,
                "Opens the file named by the path string f and reads all its contents (UTF-8), returning a string. Options such as :encoding are accepted and ignored. Throws FileNotFoundException \"f (No such file or directory)\" for a missing file. f may also be a reader (java.io.StringReader, *in*, clojure.java.io/reader): what is left of it is read.",
                "([f & opts])");
  vm.def_native(C, "spit", io_spit, 2, -1,
                "Opposite of slurp. Writes (str content) to the file named by the path string f, replacing it, or appending with :append true; or to the writer f, which is then closed.",
                "([f content & options])");
  vm.def_native(C, "-file-lines", io_file_lines, 1, 1,
                "The lines of the file at a path string, as a list of strings (nil for an empty file). Used by line-seq.",
                "([path])");
}

}  // namespace clove
