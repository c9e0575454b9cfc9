// files.cpp: the shared file helpers (natives/java_io/files.h).
#include "natives/java_io/files.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "runtime/host/file.h"
#include "runtime/print/print.h"

namespace clove {

namespace fs = std::filesystem;

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

}  // namespace clove
