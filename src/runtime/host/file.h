// file.h: java.io.File, a file's path name. Clove has no JVM; this object stands in for
// the class scripts use with clojure.java.io (io/file, file-seq, slurp of a File) and
// its common methods (natives/core/interop.cpp). As in Java, making a File touches
// nothing on disk, and the path is normalised: repeated separators are collapsed and a
// trailing one is dropped.
#pragma once
#include <string>
#include <string_view>

#include "gc/heap.h"
#include "core/object.h"
#include "core/value.h"

namespace clove {

struct TypeInfo;

struct File : Obj {
  static constexpr ObjType kType = ObjType::File;
  std::string path;  // normalised, never empty unless made from ""
  explicit File(std::string p) : Obj(kType), path(std::move(p)) {}
  void trace(Tracer&) {}
};

/// A File for `path`, normalised as java.io.File does.
Value make_file(Heap& h, std::string_view path);
/// The path of a string or File value, else nullptr.
const std::string* file_path_of(Value v, std::string* buf);
/// java.io.File(parent, child): child's path below parent's ("" parent: child alone).
std::string file_join(std::string_view parent, std::string_view child);
/// File.getName: the last name in the path ("" for "/").
std::string_view file_name(std::string_view path);
/// File.getParent: the path without its last name, or false when there is none.
bool file_parent(std::string_view path, std::string* out);
/// Java's equals and hashCode for Files: by path (UnixFileSystem: String.hashCode ^ 1234321).
bool file_equal(const File* a, const File* b);
uint32_t file_hash(const File* f);

/// Registers the File type: `=` and hash by path (Java's equals and hashCode), its
/// printing (#object[java.io.File 0x... "path"]) and str.
void register_file_type(TypeInfo* table);

}  // namespace clove
