// script_io.cpp: file, stdin and shell helpers for scripts (SPEC L17):
//   clojure.core         slurp spit, and -file-lines behind line-seq (09_io.clj)
//   clojure.java.io      file as-file reader writer delete-file make-parents
//   clove.io             exists? directory? list-dir (functions for what java.io.File's
//                        methods do; those work too, see natives/core/interop.cpp)
//   clojure.java.shell   sh
// Differences from Clojure, documented in each docstring: files are named by path
// strings or java.io.File objects (runtime/host/file.h), text is UTF-8, readers from
// clojure.java.io/reader hold the file's text read when they are made, and line-seq
// also accepts a path string. Readers and writers are runtime/host/stream.h objects.
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/coll/coll.h"
#include "runtime/host/file.h"
#include "natives/args.h"
#include "runtime/print/print.h"
#include "runtime/host/stream.h"

extern char** environ;

namespace clove {

namespace {

namespace fs = std::filesystem;

/// Java's FileNotFoundException text: "<path> (No such file or directory)".
[[noreturn]] void file_error(const std::string& path) {
  int err = errno;
  throw_error(ErrorKind::FileNotFoundException, fmt::format("{} ({})", path, std::strerror(err ? err : ENOENT)));
}

/// The path a file argument names: a string or a java.io.File.
std::string path_arg(Args a, int i, const char* fn) {
  std::string buf;
  if (const std::string* p = file_path_of(a[i], &buf)) return *p;
  throw_error(ErrorKind::IllegalArgumentException,
              fmt::format("{}: cannot open a {} as a file", fn, value_type_name(a[i])));
}

// (io/file arg & more): a java.io.File; each later argument is a relative path below it.
Value io_file(State& vm, Args a) {
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

/// Whether the keyword options after position `from` contain `name` with a truthy value.
bool option_set(State& vm, Args a, int from, const char* name) {
  Value k = Value::object(vm.kw(name));
  for (int i = from; i + 1 < a.size(); i += 2)
    if (a[i] == k) return a[i + 1].truthy();
  return false;
}

std::string read_file(const std::string& path) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in || fs::is_directory(path)) {
    if (fs::is_directory(path)) errno = EISDIR;
    file_error(path);
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Value io_slurp(State& vm, Args a) {
  if (LineReader* r = as<LineReader>(a[0])) return string_value(vm.heap, reader_read_all(r));
  return string_value(vm.heap, read_file(path_arg(a, 0, "slurp")));
}

Value io_spit(State& vm, Args a) {
  if (TextWriter* w = as_writer(a[0])) {  // (spit writer content): write, then close it
    writer_write(w, str_of(vm, a[1]));
    writer_close(w);
    return Value::nil();
  }
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

/// Lines of text split at \n, \r\n or \r (java.io.BufferedReader.readLine).
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::string cur;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') {
      lines.push_back(cur);
      cur.clear();
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) lines.push_back(cur);
  return lines;
}

Value io_file_lines(State& vm, Args a) {
  std::vector<std::string> lines = split_lines(read_file(path_arg(a, 0, "line-seq")));
  if (lines.empty()) return Value::nil();
  std::vector<Value> items;
  items.reserve(lines.size());
  for (const std::string& l : lines) items.push_back(string_value(vm.heap, l));
  return list_from(vm.heap, items.data(), items.size());
}

Value io_delete_file(State&, Args a) {
  std::string path = path_arg(a, 0, "delete-file");
  std::error_code ec;
  if (fs::remove(path, ec)) return Value::t();
  if (a.size() > 1 && a[1].truthy()) return a[1];
  throw_error(ErrorKind::IOException, fmt::format("Couldn't delete {}", path));
}

Value io_reader(State& vm, Args a) {
  if (is<LineReader>(a[0])) return a[0];
  std::string text = read_file(path_arg(a, 0, "clojure.java.io/reader"));
  return Value::object(vm.heap.make<LineReader>(ReaderKind::String, std::move(text)));
}

Value io_writer(State& vm, Args a) {
  if (as_writer(a[0])) return a[0];
  std::string path = path_arg(a, 0, "clojure.java.io/writer");
  errno = 0;
  std::FILE* f = std::fopen(path.c_str(), option_set(vm, a, 1, "append") ? "ab" : "wb");
  if (!f) file_error(path);
  TextWriter* w = vm.heap.make<TextWriter>(WriterKind::File);
  w->file = f;
  w->path = path;
  return Value::object(w);
}

Value io_make_parents(State&, Args a) {
  fs::path p(path_arg(a, 0, "make-parents"));
  fs::path parent = p.parent_path();
  if (parent.empty()) return Value::f();
  std::error_code ec;
  return Value::boolean(fs::create_directories(parent, ec));
}

Value io_exists(State&, Args a) {
  std::error_code ec;
  return Value::boolean(fs::exists(path_arg(a, 0, "clove.io/exists?"), ec));
}
Value io_directory(State&, Args a) {
  std::error_code ec;
  return Value::boolean(fs::is_directory(path_arg(a, 0, "clove.io/directory?"), ec));
}
Value io_list_dir(State& vm, Args a) {
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

// ---- clojure.java.shell/sh ----

struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) close(f);
  }
  void close_end(int i) {
    if (fd[i] >= 0) close(fd[i]);
    fd[i] = -1;
  }
};

/// Runs argv with `input` on its stdin in directory `dir` (empty: the current one);
/// collects stdout and stderr, polling both so that neither pipe can fill and block.
int run_process(const std::vector<std::string>& argv, const std::string& input, const std::string& dir,
                std::string* out, std::string* err) {
  Pipe in, po, pe;
  if (pipe(in.fd) || pipe(po.fd) || pipe(pe.fd)) throw_error(ErrorKind::IOException, "sh: cannot create pipes");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in.fd[0], 0);
  posix_spawn_file_actions_adddup2(&fa, po.fd[1], 1);
  posix_spawn_file_actions_adddup2(&fa, pe.fd[1], 2);
  for (int f : {in.fd[0], in.fd[1], po.fd[0], po.fd[1], pe.fd[0], pe.fd[1]}) posix_spawn_file_actions_addclose(&fa, f);
  // The working directory: run through `cd DIR && exec "$@"` with /bin/sh (posix_spawn
  // has no portable chdir action before glibc 2.29's _np variant).
  std::vector<std::string> full = argv;
  if (!dir.empty()) {
    full = {"/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", dir};
    full.insert(full.end(), argv.begin(), argv.end());
  }
  std::vector<char*> cargv;
  for (std::string& s : full) cargv.push_back(s.data());
  cargv.push_back(nullptr);
  pid_t pid;
  int rc = posix_spawnp(&pid, cargv[0], &fa, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw_error(ErrorKind::IOException, fmt::format("Cannot run program \"{}\": {}", argv[0], std::strerror(rc)));
  in.close_end(0);
  po.close_end(1);
  pe.close_end(1);
  size_t written = 0;
  if (input.empty()) in.close_end(1);
  else fcntl(in.fd[1], F_SETFL, O_NONBLOCK);
  char buf[65536];
  while (po.fd[0] >= 0 || pe.fd[0] >= 0) {
    pollfd fds[3];
    int n = 0;
    int which[3];
    if (po.fd[0] >= 0) { fds[n] = {po.fd[0], POLLIN, 0}; which[n++] = 1; }
    if (pe.fd[0] >= 0) { fds[n] = {pe.fd[0], POLLIN, 0}; which[n++] = 2; }
    if (in.fd[1] >= 0) { fds[n] = {in.fd[1], POLLOUT, 0}; which[n++] = 0; }
    if (poll(fds, n, -1) < 0) {
      if (errno == EINTR) continue;
      break;
    }
    for (int i = 0; i < n; ++i) {
      if (!fds[i].revents) continue;
      if (which[i] == 0) {
        ssize_t w = write(in.fd[1], input.data() + written, input.size() - written);
        if (w > 0) written += static_cast<size_t>(w);
        if (w < 0 && errno != EAGAIN) written = input.size();
        if (written >= input.size()) in.close_end(1);
        continue;
      }
      Pipe& p = which[i] == 1 ? po : pe;
      ssize_t r = read(p.fd[0], buf, sizeof buf);
      if (r > 0) (which[i] == 1 ? out : err)->append(buf, static_cast<size_t>(r));
      else if (r == 0 || errno != EINTR) p.close_end(0);
    }
  }
  in.close_end(1);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

Value sh_sh(State& vm, Args a) {
  std::vector<std::string> argv;
  std::string input, dir;
  int i = 0;
  for (; i < a.size() && is<String>(a[i]); ++i) argv.emplace_back(as<String>(a[i])->view());
  for (; i < a.size(); i += 2) {
    Keyword* k = as<Keyword>(a[i]);
    if (!k || i + 1 >= a.size())
      throw_error(ErrorKind::IllegalArgumentException, "sh: expected command strings followed by :in, :dir or :env options");
    std::string opt = k->str();
    if (opt == ":in") input = str_of(vm, a[i + 1]);
    else if (opt == ":dir") dir = str_of(vm, a[i + 1]);
    else if (opt != ":out-enc" && opt != ":in-enc")
      throw_error(ErrorKind::IllegalArgumentException, fmt::format("sh: unsupported option {}", opt));
  }
  if (argv.empty()) throw_error(ErrorKind::IllegalArgumentException, "sh: no command given");
  std::string out, err;
  int code = run_process(argv, input, dir, &out, &err);
  Value kvs[6] = {Value::object(vm.kw("exit")), make_long(vm.heap, code),
                  Value::object(vm.kw("out")), string_value(vm.heap, out),
                  Value::object(vm.kw("err")), string_value(vm.heap, err)};
  return map_from(vm, kvs, 3);
}

}  // namespace

void install_script_io_natives(State& vm) {
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
  const char* I = "clove.io";
  vm.def_native(I, "exists?", io_exists, 1, 1, "True if a file or directory exists at the path string (java.io.File.exists).", "([path])");
  vm.def_native(I, "directory?", io_directory, 1, 1, "True if the path string names a directory.", "([path])");
  vm.def_native(I, "list-dir", io_list_dir, 1, 1,
                "The names of the entries of a directory, sorted, as a vector of strings (java.io.File.list). FileNotFoundException if it cannot be read.",
                "([path])");
  vm.def_native("clojure.java.shell", "sh", sh_sh, 1, -1,
                "Runs a program: (sh \"cmd\" \"arg\" ... :in input :dir dir). Returns {:exit code :out stdout :err stderr}, the streams decoded as UTF-8. The program is looked up on PATH (posix_spawnp), with this process's environment; :env is not supported.",
                "([& args])");
}

}  // namespace clove
