// stream.h: the objects behind *out*, *err* and *in* (SPEC L16/L17): text writers and
// line readers, Clove's stand-ins for java.io.Writer and java.io.Reader.
//
// A TextWriter is one of
//   * a process stream (stdout, stderr) that a C++ host may redirect to a callback
//     (State::set_out / State::set_err); the roots of *out* and *err* are these;
//   * a string buffer (java.io.StringWriter): `(str w)` gives what was written;
//   * a file opened by clojure.java.io/writer, closed by with-open (or when collected).
// A LineReader is stdin (the root of *in*), a string (java.io.StringReader) or a file's
// text read by clojure.java.io/reader; read-line, line-seq and slurp consume it.
// Both are plain objects without Clove fields, so they need no tracing; text is UTF-8.
#pragma once
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "gc/heap.h"
#include "runtime/lang/function.h"
#include "core/object.h"

namespace clove {

class State;

/// Where a host receives the text written to a redirected process stream.
using OutputSink = std::function<void(std::string_view)>;

enum class WriterKind : uint8_t { Stdout, Stderr, String, File };

/// java.io.Writer. Object type Writer, or StringWriter for a string buffer (so that
/// `class` names java.io.StringWriter), or StringBuilder for java.lang.StringBuilder (a
/// string buffer with its own methods, natives/core/interop.cpp); use as_writer to accept all.
struct TextWriter : Obj {
  static constexpr ObjType kType = ObjType::Writer;  // or StringWriter, see as_writer
  WriterKind kind;
  std::string text;           // String: everything written so far
  OutputSink sink;            // Stdout/Stderr: the host's redirection; empty: the process stream
  std::FILE* file = nullptr;  // File: owned
  std::string path;           // File: for messages
  size_t counted = 0;         // bytes of text's buffer counted in the heap (Heap::add_external)
  explicit TextWriter(WriterKind k)
      : Obj(k == WriterKind::String ? ObjType::StringWriter : ObjType::Writer), kind(k) {}
  /// A java.lang.StringBuilder holding `init`.
  explicit TextWriter(std::string init) : Obj(ObjType::StringBuilder), kind(WriterKind::String), text(std::move(init)) {}
  ~TextWriter() {
    if (file) std::fclose(file);
  }
  /// Settles the count of a text changed without writer_write or writer_recount.
  void trace(Tracer& t) { t.heap.recount_external(counted, text.capacity()); }
  size_t external_bytes() const { return counted; }
};

/// The writer behind v (a Writer or StringWriter object), else nullptr.
TextWriter* as_writer(Value v);
/// The writer behind v; ClassCastException (NullPointerException for nil) when v is not
/// a writer, e.g. `(binding [*out* 1] (print "x"))`.
TextWriter* checked_writer(Value v);
/// Appends s to w. Throws IOException for a closed writer or a failed file write, and
/// OutOfMemoryError (appending nothing) when a string writer's text would pass the
/// heap's memory cap.
void writer_write(Heap& h, TextWriter* w, std::string_view s);
/// Writes s to the writer v (checked_writer's errors when v is not one).
inline void write_to(Heap& h, Value v, std::string_view s) { writer_write(h, checked_writer(v), s); }
/// Counts w's text as it is now in the heap, after a change made in place (StringBuilder
/// methods); OutOfMemoryError if that passes the memory cap.
void writer_recount(Heap& h, TextWriter* w);
/// Flushes a process stream or file (no-op for strings and redirected streams).
void writer_flush(TextWriter* w);
/// Flushes and closes a file writer (later writes: IOException "Stream closed"). Closing
/// a string writer has no effect, as in Java; the process streams are only flushed (they
/// stay open, as closing System.out is never wanted).
void writer_close(TextWriter* w);

enum class ReaderKind : uint8_t { Stdin, String };

/// Where a host supplies the lines read from standard input (State::set_in): it stores
/// the next line, without its terminator, in *line and returns true, or returns false
/// at end of input. It may block, and may throw a Clove error (e.g. InterruptedError).
using InputSource = std::function<bool(std::string* line)>;

/// java.io.Reader (BufferedReader, StringReader, LineNumberingPushbackReader in one).
struct LineReader : Obj {
  static constexpr ObjType kType = ObjType::LineReader;
  ReaderKind kind;
  bool closed = false;
  InputSource source;  // Stdin: the host's lines instead of the process's (State::set_in)
  std::string text;  // String: the whole text. Stdin: lines `read` took but did not consume
  size_t pos = 0;    // bytes of text consumed
  size_t counted = 0;  // bytes of text's buffer counted in the heap (Heap::add_external)
  LineReader(ReaderKind k, std::string t) : Obj(kType), kind(k), text(std::move(t)) {}
  void trace(Tracer& t) { t.heap.recount_external(counted, text.capacity()); }
  size_t external_bytes() const { return counted; }
};
/// A new reader of `kind` over `text`, its text counted in the heap; OutOfMemoryError
/// past the memory cap.
LineReader* make_line_reader(Heap& h, ReaderKind kind, std::string text);

/// The next line of r without its terminator (\n, \r\n or \r, as BufferedReader.readLine);
/// false at end of input. Reading stdin flushes stdout first so prompts show.
/// IOException for a closed reader.
bool reader_read_line(LineReader* r, std::string* line);
/// Stdin: appends the next line of input (with its \n) to r->text, for `read` to parse
/// further; false at end of input, and always for a String reader (all its text is there).
bool reader_fill_line(LineReader* r);
/// Everything left in r (slurp). IOException for a closed reader.
std::string reader_read_all(LineReader* r);
/// Closes a string reader (later reads: IOException "Stream closed"); stdin stays open.
inline void reader_close(LineReader* r) { r->closed = r->closed || r->kind == ReaderKind::String; }

/// Builds the io object for `(ClassName. args...)`, from args[from..], when class_name is one of
/// java.io.StringWriter, java.io.StringReader, java.io.BufferedReader,
/// java.io.PushbackReader, clojure.lang.LineNumberingPushbackReader, java.io.PrintWriter
/// or java.io.BufferedWriter (with or without the package). The wrapping classes return
/// the reader or writer they are given. nil when the name is none of these;
/// IllegalArgumentException for arguments of the wrong kind.
Value construct_stream_class(State& vm, std::string_view class_name, Args args, int from);

void register_stream_types(TypeInfo* table);

}  // namespace clove
