// args.h: checked argument getters shared by every native, so errors read the same
// everywhere (Janet's janet_get* idea), and the registration helper.
#pragma once
#include <string>

#include <fmt/format.h>

#include "core/error.h"
#include "runtime/lang/exception.h"
#include "runtime/lang/function.h"
#include "runtime/num/number.h"
#include "runtime/text/string.h"
#include "state/state.h"

namespace clove {

/// The long in args[i]; ClassCastException naming `fn` otherwise.
inline int64_t arg_long(Args a, int i, const char* fn) {
  Value v = a[i];
  if (!is_long(v))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class java.lang.Long", fn, value_type_name(v)));
  return as_long(v);
}
/// The string in args[i]; ClassCastException naming `fn` otherwise.
inline String* arg_string(Args a, int i, const char* fn) {
  String* s = as<String>(a[i]);
  if (!s)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class java.lang.String", fn, value_type_name(a[i])));
  return s;
}
/// An int parameter of a Java method given the long x: x itself when it fits Java's int,
/// ArithmeticException "integer overflow" otherwise (math.cpp, java_lang.cpp).
inline int32_t java_int(int64_t x) {
  if (x < INT32_MIN || x > INT32_MAX) throw_error(ErrorKind::ArithmeticException, "integer overflow");
  return static_cast<int32_t>(x);
}
/// args[i] must be a number; ClassCastException otherwise.
inline Value arg_number(Args a, int i, const char* fn) {
  Value v = a[i];
  if (!is_number(v)) {
    if (v.is_nil()) throw_error(ErrorKind::NullPointerException, fmt::format("{}: Cannot perform arithmetic on nil", fn));
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.Number", value_type_name(v)));
  }
  return v;
}

/// Defines a static field of an emulated Java class, e.g. Math/PI: the var `name` in the
/// namespace named `cls`, bound to v (numbers.cpp).
void def_static_value(State& vm, std::string_view cls, std::string_view name, Value v);

// Module installers (one per file in natives/).
void install_lang_natives(State& vm);
void install_number_natives(State& vm);  // + - < max even? ... and Long/MAX_VALUE; calls:
void install_math_natives(State& vm);    // java.lang.Math's static methods and fields (math.cpp)
void install_coll_natives(State& vm);
void install_io_natives(State& vm);
void install_string_natives(State& vm);  // clojure.string, subs (string.cpp)
void install_regex_natives(State& vm);   // re-* (regex.cpp)
void install_char_natives(State& vm);    // char, int, Character/, parse-* (chars.cpp)
void install_format_natives(State& vm);  // format, printf (format.cpp)
void install_seq_natives(State& vm);
void install_chunk_natives(State& vm);  // chunk-buffer chunk-first ... and -long-range (chunk.cpp)
void install_transient_natives(State& vm);
void install_state_natives(State& vm);
void install_sorted_natives(State& vm);
void install_poly_natives(State& vm);   // instance? records protocols multimethods (poly.cpp)
/// Interns the class vars of clojure.core (String, Number, clojure.lang.Keyword, ...), each
/// bound to its class value unless a native already bound it. open_libs calls it when no
/// core image is loaded (an image holds these vars already) (poly.cpp).
void install_class_vars(State& vm);
void install_error_natives(State& vm);  // Throwable->map (errors.cpp)
void install_ns_natives(State& vm);      // namespaces, require, load (ns.cpp)
void install_array_natives(State& vm);  // long-array aget aset alength into-array ... (arrays.cpp)
void install_data_natives(State& vm);     // keys vals find empty subvec disj set (data.cpp)
void install_numeric_natives(State& vm);  // +' bit-*, bigint, rand (numeric.cpp)
void install_file_io_natives(State& vm);  // slurp spit -file-lines (core/file_io.cpp)
void install_java_io_natives(State& vm);  // clojure.java.io (java_io/io.cpp)
void install_clove_io_natives(State& vm);  // clove.io: exists? directory? list-dir (clove_io/io.cpp)
void install_marshal_natives(State& vm);   // clove.marshal: marshal unmarshal (clove_marshal/marshal.cpp)
void install_asm_natives(State& vm);       // clove.asm: asm disasm (clove_asm/asm.cpp)
void install_fiber_natives(State& vm);     // clove.fiber: new resume yield status ... (clove_fiber/fiber.cpp)
void install_ffi_natives(State& vm);       // clove.ffi: fn (clove_ffi/ffi.cpp)
void install_shell_natives(State& vm);    // clojure.java.shell/sh (java_shell/shell.cpp)
void install_macro_natives(State& vm);   // macroexpand-1, macroexpand (macros.cpp)
void install_system_natives(State& vm);  // System/nanoTime, System/currentTimeMillis (system.cpp)
/// Integer/MAX_VALUE, Double/NaN, Long/toHexString, String/join, java.util.UUID/fromString
/// ... (java_lang.cpp); after install_char_natives, whose parsers it calls.
void install_java_lang_natives(State& vm);
/// (String. x), (java.util.Date.), (java.util.Date. ms), (java.util.UUID. msb lsb): the
/// instance, or nil when `cls` is none of these classes (java_lang.cpp). Arguments are
/// args[from..]; a wrong argument is an IllegalArgumentException naming the ctor.
Value construct_java_lang_class(State& vm, std::string_view cls, Args args, int from);
/// A charset argument (String.getBytes, the String constructor): nothing when it names
/// UTF-8 (any case, with or without the dash), else IOException "Unsupported charset: x"
/// (Java's UnsupportedEncodingException), as Clove's strings are UTF-8 only
/// (java_lang.cpp).
void check_utf8_charset(State& vm, Value charset);
void install_map_entry_natives(State& vm);  // map-entry?, clojure.lang.MapEntry/create (map_entry.cpp)
void install_interop_natives(State& vm);    // -invoke-method: (.method target args) (interop.cpp)
void install_tagged_natives(State& vm);  // random-uuid parse-uuid uuid? inst? inst-ms tagged-literal (tagged.cpp)
void install_repl_natives(State& vm);    // clove.repl: var-info source-text (clove_repl/repl.cpp)
void install_debug_natives(State& vm);   // clove.debug: break breakpoints stack locals step (clove_debug/debug.cpp)
/// Marks clojure.core's one-argument type and number tests and map-entry accessors
/// (seq?, map?, pos?, even?, key, ...) as leaves (Native::leaf): the compiler calls
/// them with LEAFCALL, without a frame (leaf.cpp). After every install_*_natives.
void mark_leaf_natives(State& vm);

// How the types whose printers live with their natives print: each sets TypeInfo::print
// (and ::str) in the per-type table; called once from type_info's init
// (api/object_types.cpp).
void register_io_printers(TypeInfo* table);         // StringWriter, StringBuilder (io.cpp)
void register_regex_printers(TypeInfo* table);      // #"...", and nth of a Matcher (regex.cpp)
void register_transient_printers(TypeInfo* table);  // #object[...TransientVector ...] (transient.cpp)
void register_state_printers(TypeInfo* table);      // atom, volatile, delay (state.cpp)
void register_sorted_printers(TypeInfo* table);     // PersistentQueue (sorted.cpp)
void register_tagged_printers(TypeInfo* table);     // #uuid, #inst, tagged literals (tagged.cpp)
void register_poly_printers(TypeInfo* table);       // protocols (poly.cpp)
void register_fiber_printers(TypeInfo* table);      // #object[clove.lang.Fiber ...] (clove_fiber/fiber.cpp)

/// Whether f is the value of clojure.core/<name> (a native's shortcut for a core fn it
/// can apply itself, such as compare as a comparator).
inline bool is_core_fn(State& vm, Value f, const char* name) {
  Var* v = vm.core_ns()->lookup(vm.sym(name));
  return v && v->root == f;
}

}  // namespace clove
