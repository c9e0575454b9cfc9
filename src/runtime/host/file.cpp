// file.cpp: java.io.File path names (file.h).
#include "runtime/host/file.h"

#include <fmt/format.h>

#include "core/print_context.h"
#include "runtime/text/string.h"
#include "core/type_table.h"

namespace clove {

namespace {

std::string normalise(std::string_view p) {
  std::string out;
  out.reserve(p.size());
  for (char c : p) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out += c;
  }
  if (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

void print_file(PrintContext& p, Value v) {
  const File* f = static_cast<const File*>(v.as_obj());
  std::string& out = p.out;
  out += fmt::format("#object[java.io.File 0x{:x} ", static_cast<uint32_t>(reinterpret_cast<uintptr_t>(f) >> 4));
  if (p.readably) {
    out += '"';
    for (char c : f->path) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += '"';
  } else {
    out += f->path;
  }
  out += ']';
}

void str_file(PrintContext& p, Value v) { p.out += static_cast<const File*>(v.as_obj())->path; }

}  // namespace

Value make_file(Heap& h, std::string_view path) { return Value::object(h.make<File>(normalise(path))); }

const std::string* file_path_of(Value v, std::string* buf) {
  if (const File* f = as<File>(v)) return &f->path;
  if (const String* s = as<String>(v)) {
    *buf = std::string(s->view());
    return buf;
  }
  return nullptr;
}

std::string file_join(std::string_view parent, std::string_view child) {
  if (parent.empty()) return normalise(child);
  std::string p(parent);
  if (p.back() != '/') p += '/';
  return normalise(p + std::string(child));
}

std::string_view file_name(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool file_parent(std::string_view path, std::string* out) {
  size_t slash = path.rfind('/');
  if (slash == std::string_view::npos || path.size() == 1) return false;
  *out = slash == 0 ? "/" : std::string(path.substr(0, slash));
  return true;
}

bool file_equal(const File* a, const File* b) { return a->path == b->path; }

uint32_t file_hash(const File* f) {
  uint32_t h = 0;
  for (unsigned char c : f->path) h = 31 * h + c;  // String.hashCode (ASCII paths; UTF-8 bytes otherwise)
  return h ^ 1234321u;
}

void register_file_type(TypeInfo* table) {
  TypeInfo& f = register_type<File>(table);
  f.equiv = [](State&, Obj* o, Value b) {
    const File* y = as<File>(b);
    return y && file_equal(static_cast<File*>(o), y);
  };
  f.hash = [](State&, Obj* o) { return file_hash(static_cast<File*>(o)); };  // File.hashCode
  set_print_hooks(table, ObjType::File, print_file, str_file);
}

}  // namespace clove
