// io.cpp: printing to *out* (pr prn print println newline flush, the -str variants)
// and the stream natives the Clove-written io library builds on (read-line over *in*,
// the reader and closing hooks of line-seq, with-open and with-in-str; src/lib/09_io.clj).
#include "core/print_context.h"
#include "runtime/coll/coll.h"
#include "natives/args.h"
#include "runtime/print/print.h"
#include "runtime/host/stream.h"

namespace clove {

namespace {

std::string join(State& vm, Args a, bool readably) {
  std::string out;
  for (int i = 0; i < a.size(); ++i) {
    if (i) out += ' ';
    print_value(vm, out, a[i], readably);
  }
  return out;
}

/// pr and its variants print readably unless *print-readably* is bound to false, which
/// makes them print as print does (as in Clojure).
bool readably(State& vm) {
  Var* r = vm.core_ns()->lookup(vm.names.symbol({}, "*print-readably*"));
  return !r || vm.var_value(r).truthy();
}

Value io_pr(State& vm, Args a) { vm.write_out(join(vm, a, readably(vm))); return Value::nil(); }
Value io_prn(State& vm, Args a) { vm.write_out(join(vm, a, readably(vm)) + "\n"); return Value::nil(); }
Value io_print(State& vm, Args a) { vm.write_out(join(vm, a, false)); return Value::nil(); }
Value io_println(State& vm, Args a) { vm.write_out(join(vm, a, false) + "\n"); return Value::nil(); }
Value io_newline(State& vm, Args) { vm.write_out("\n"); return Value::nil(); }
Value io_pr_str(State& vm, Args a) { return string_value(vm.heap, join(vm, a, readably(vm))); }
Value io_prn_str(State& vm, Args a) { return string_value(vm.heap, join(vm, a, readably(vm)) + "\n"); }
Value io_print_str(State& vm, Args a) { return string_value(vm.heap, join(vm, a, false)); }
Value io_println_str(State& vm, Args a) { return string_value(vm.heap, join(vm, a, false) + "\n"); }

Value io_pr_str_bounded(State& vm, Args a) {
  return string_value(vm.heap, pr_str_report(vm, a[0]));
}

Value io_flush(State& vm, Args) {
  writer_flush(checked_writer(vm.var_value(vm.out_var())));
  return Value::nil();
}

/// The reader argument i: a LineReader, else ClassCastException naming `fn`.
LineReader* reader_arg(Args a, int i, const char* fn) {
  if (LineReader* r = as<LineReader>(a[i])) return r;
  throw_error(ErrorKind::ClassCastException,
              fmt::format("{}: class {} cannot be cast to class java.io.BufferedReader", fn, value_type_name(a[i])));
}

Value read_line_from(State& vm, LineReader* r) {
  std::string line;
  if (!reader_read_line(r, &line)) return Value::nil();
  return string_value(vm.heap, line);
}

Value io_read_line(State& vm, Args) {
  Value in = vm.var_value(vm.in_var());
  LineReader* r = as<LineReader>(in);
  if (!r)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("read-line: *in* is a {}, not a java.io.Reader", value_type_name(in)));
  return read_line_from(vm, r);
}

Value io_reader_read_line(State& vm, Args a) { return read_line_from(vm, reader_arg(a, 0, "line-seq")); }

Value io_close(State&, Args a) {
  if (TextWriter* w = as_writer(a[0])) {
    writer_close(w);
  } else if (LineReader* r = as<LineReader>(a[0])) {
    reader_close(r);
  } else {
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No matching method close found taking 0 args for class {}", value_type_name(a[0])));
  }
  return Value::nil();
}

Value io_string_reader(State& vm, Args a) {
  String* s = as<String>(a[0]);
  if (!s)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.String", value_type_name(a[0])));
  return Value::object(vm.heap.make<LineReader>(ReaderKind::String, std::string(s->view())));
}

// str of a StringWriter is its text (StringWriter.toString).
void str_string_writer(PrintContext& p, Value v) { p.out += as_writer(v)->text; }

// #object[java.io.StringWriter 0x1b2c3d4e "text so far"], as Clojure prints objects
// (class, identity hash, toString as a string).
void print_string_writer(PrintContext& p, Value v) {
  p.out += fmt::format("#object[{} 0x{:x} ", type_name(v.as_obj()->type), hash(p.vm, v));
  p.value(string_value(p.vm.heap, as_writer(v)->text));
  p.out += ']';
}

// (-print-default x w): print-method's :default method: x as the built-in printer
// prints it (readably unless *print-readably* is false), written to w.
Value io_print_default(State& vm, Args a) {
  std::string out;
  Var* r = vm.core_ns()->lookup(vm.names.symbol({}, "*print-readably*"));
  print_value_builtin(vm, out, a[0], !r || vm.var_value(r).truthy());
  write_to(vm.heap, a[1], out);
  return Value::nil();
}

// (-take-string-writer w): the text written so far to the string writer w, which is left
// empty. clojure.pprint's pretty writer collects what print, pr and .write send to *out*
// in such a writer and takes it at each of its own operations.
Value io_take_string_writer(State& vm, Args a) {
  TextWriter* w = as_writer(a[0]);
  if (!w || w->kind != WriterKind::String)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("-take-string-writer: class {} cannot be cast to class java.io.StringWriter", value_type_name(a[0])));
  Value s = string_value(vm.heap, w->text);
  w->text.clear();
  writer_recount(vm.heap, w);
  return s;
}

}  // namespace

void register_io_printers(TypeInfo* table) {
  set_print_hooks(table, ObjType::StringWriter, print_string_writer, str_string_writer);
  set_print_hooks(table, ObjType::StringBuilder, print_string_writer, str_string_writer);
}

void install_io_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "-print-default", io_print_default, 2, 2, "print-method's :default method: writes x to writer w as Clove's printer prints it.", "([x w])");
  vm.def_native(C, "pr", io_pr, 0, -1,
                "Writes the printed forms of the arguments to *out*, with a space between each, "
                "in the readable form the reader can read back (strings quoted, characters "
                "escaped).", "([] [x] [x & more])");
  vm.def_native(C, "prn", io_prn, 0, -1,
                "Does what pr does and then writes a newline.", "([& more])");
  vm.def_native(C, "print", io_print, 0, -1,
                "Writes the arguments to *out*, with a space between each, in their "
                "human-oriented form (strings and characters unquoted).", "([& more])");
  vm.def_native(C, "println", io_println, 0, -1,
                "Does what print does and then writes a newline.", "([& more])");
  vm.def_native(C, "newline", io_newline, 0, 0, "Writes a line separator to *out*.", "([])");
  vm.def_native(C, "pr-str", io_pr_str, 0, -1,
                "Gives, as a string, the text that pr would write for the arguments.", "([& xs])");
  vm.def_native(C, "prn-str", io_prn_str, 0, -1,
                "Gives, as a string, the text that prn would write for the arguments, final "
                "newline included.", "([& xs])");
  vm.def_native(C, "print-str", io_print_str, 0, -1,
                "Gives, as a string, the text that print would write for the arguments.",
                "([& xs])");
  vm.def_native(C, "println-str", io_println_str, 0, -1,
                "Gives, as a string, the text that println would write for the arguments, final "
                "newline included.", "([& xs])");
  vm.def_native(C, "-pr-str-bounded", io_pr_str_bounded, 1, 1, "pr-str for error reports: at most 100 items of each collection, 10 levels of nesting and 10,000 bytes (then \"...\"), whatever *print-length* and *print-level* allow. Never throws for x: what printing x throws gives \"#<unprintable: ExceptionClass: message>\" (a host interrupt still stops it).", "([x])");
  vm.def_native(C, "-take-string-writer", io_take_string_writer, 1, 1,
                "The text written so far to the string writer w (a StringWriter or StringBuilder), which is left empty; ClassCastException for other values. Used by clojure.pprint.", "([w])");
  vm.def_native(C, "flush", io_flush, 0, 0,
                "Pushes any output buffered in *out* through to its destination.", "([])");
  vm.def_native(C, "read-line", io_read_line, 0, 0,
                "Reads one line of text from *in* and gives it without its line terminator, or "
                "nil at end of input.", "([])");
  vm.def_native(C, "-read-line", io_reader_read_line, 1, 1,
                "The next line of a java.io.Reader (BufferedReader.readLine), nil at its end. Used by line-seq.", "([rdr])");
  vm.def_native(C, "-close", io_close, 1, 1,
                "Closes a reader or writer (.close); used by with-open. IllegalArgumentException for other values.",
                "([x])");
  vm.def_native(C, "-string-reader", io_string_reader, 1, 1,
                "A java.io.StringReader over the string s (ClassCastException for anything else); used by with-in-str.", "([s])");
}

}  // namespace clove
