// io.cpp: clojure.java.io (SPEC L17): file as-file reader writer delete-file
// make-parents. Differences from Clojure, documented in each docstring: files are named
// by path strings or java.io.File objects (runtime/host/file.h), text is UTF-8, and a
// reader holds the file's text read when it is made.
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <string>

#include "runtime/host/file.h"
#include "runtime/host/stream.h"
#include "runtime/print/print.h"
#include "natives/args.h"
#include "natives/java_io/files.h"

namespace clove {

namespace {

namespace fs = std::filesystem;

// (io/file arg & more): a java.io.File; each later argument is a relative path below it.
Value io_file(State& vm, Args a) {
  vm.require_capability(Capability::Fs, "clojure.java.io/file");
  std::string buf;
  const std::string* first = file_path_of(a[0], &buf);
  if (!first) throw_error(ErrorKind::IllegalArgumentException, fmt::format("Cannot make a java.io.File from a {}", value_type_name(a[0])));
  std::string path = *first;
  for (int i = 1; i < a.size(); ++i) {
    std::string cbuf;
    const std::string* child = file_path_of(a[i], &cbuf);
    if (!child) throw_error(ErrorKind::IllegalArgumentException, fmt::format("Cannot make a java.io.File from a {}", value_type_name(a[i])));
    if (!child->empty() && (*child)[0] == '/')
      throw_error(ErrorKind::IllegalArgumentException, fmt::format("{} is not a relative path", *child));
    path = file_join(path, *child);
  }
  return is<File>(a[0]) && a.size() == 1 ? a[0] : make_file(vm.heap, path);
}

Value io_delete_file(State& vm, Args a) {
  vm.require_capability(Capability::Fs, "clojure.java.io/delete-file");
  std::string path = path_arg(a, 0, "delete-file");
  std::error_code ec;
  if (fs::remove(path, ec)) return Value::t();
  if (a.size() > 1 && a[1].truthy()) return a[1];
  throw_error(ErrorKind::IOException, fmt::format("Couldn't delete {}", path));
}

Value io_reader(State& vm, Args a) {
  if (is<LineReader>(a[0])) return a[0];
  vm.require_capability(Capability::Fs, "clojure.java.io/reader");
  std::string text = read_file(path_arg(a, 0, "clojure.java.io/reader"));
  return Value::object(vm.heap.make<LineReader>(ReaderKind::String, std::move(text)));
}

Value io_writer(State& vm, Args a) {
  if (as_writer(a[0])) return a[0];
  vm.require_capability(Capability::Fs, "clojure.java.io/writer");
  std::string path = path_arg(a, 0, "clojure.java.io/writer");
  errno = 0;
  std::FILE* f = std::fopen(path.c_str(), option_set(vm, a, 1, "append") ? "ab" : "wb");
  if (!f) file_error(path);
  TextWriter* w = vm.heap.make<TextWriter>(WriterKind::File);
  w->file = f;
  w->path = path;
  return Value::object(w);
}

Value io_make_parents(State& vm, Args a) {
  vm.require_capability(Capability::Fs, "clojure.java.io/make-parents");
  fs::path p(path_arg(a, 0, "make-parents"));
  fs::path parent = p.parent_path();
  if (parent.empty()) return Value::f();
  std::error_code ec;
  return Value::boolean(fs::create_directories(parent, ec));
}

}  // namespace

void install_java_io_natives(State& vm) {
  const char* J = "clojure.java.io";
  vm.def_native(J, "delete-file", io_delete_file, 1, 2,
                "Delete file f (a path string). If silently is nil or false, raise an exception on failure, else return the value of silently.",
                "([f & [silently]])");
  vm.def_native(J, "file", io_file, 1, -1,
                "Returns a java.io.File for a path string or File, with each further argument a relative path below it (an absolute one throws IllegalArgumentException). Clove's File holds a normalised path; see runtime/host/file.h.",
                "([arg] [parent child] [parent child & more])");
  vm.def_native(J, "as-file", io_file, 1, 1, "Coerce a path string or File to a java.io.File.", "([x])");
  vm.def_native(J, "reader", io_reader, 1, -1,
                "A java.io.Reader over x: x itself when it is a reader, else the file named by the path string x, whose text (UTF-8) is read now. For line-seq, read-line (via *in*), slurp and with-open. Options are ignored.",
                "([x & opts])");
  vm.def_native(J, "writer", io_writer, 1, -1,
                "A java.io.Writer on the file named by the path string x, replaced, or appended to with :append true; x itself when it is a writer. Bind *out* to it to print into the file; with-open closes it. Other options are ignored.",
                "([x & opts])");
  vm.def_native(J, "make-parents", io_make_parents, 1, 1,
                "Given a path string, makes sure its parent directories exist; true if any were created.", "([f])");
}

}  // namespace clove
