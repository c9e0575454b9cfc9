// files.h: argument and file helpers shared by the natives that read and write files
// (natives/core/file_io.cpp, natives/java_io/io.cpp, natives/clove_io/io.cpp).
#pragma once
#include <string>
#include <vector>

#include "natives/args.h"

namespace clove {

/// Throws Java's FileNotFoundException text, "<path> (<strerror(errno)>)" (ENOENT's
/// text when errno is 0).
[[noreturn]] void file_error(const std::string& path);
/// The path a file argument a[i] names: a path string or a java.io.File; otherwise
/// IllegalArgumentException "<fn>: cannot open a <type> as a file".
std::string path_arg(Args a, int i, const char* fn);
/// Whether the keyword options from position `from` (k v k v ...) contain `name` with
/// a truthy value (:append true).
bool option_set(State& vm, Args a, int from, const char* name);
/// The whole contents of the file at `path`; file_error if it cannot be read or is a
/// directory.
std::string read_file(const std::string& path);
/// Lines of text split at \n, \r\n or \r (java.io.BufferedReader.readLine); no
/// empty last line for a trailing terminator.
std::vector<std::string> split_lines(const std::string& text);

}  // namespace clove
