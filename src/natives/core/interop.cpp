// interop.cpp: Java instance-method calls on Clove's own values.
//
// Clove has no JVM, but Clojure code calls a few dozen Java methods all the time:
// `(.toUpperCase s)`, `(.getMessage e)`, `(.write w "x")`, `(.split s ",")`. The analyzer
// turns `(.name target args...)`, `(. target name args...)` and `(. target (name args...))`
// into `(clojure.core/-invoke-method target "name" args...)`, and `(.-name target)` into
// `(clojure.core/-invoke-method target "-name")`. This file is that native: it picks a
// method by the target's class family, the method's name and the number of arguments
// (Java overloads by count here; Clove has no static types to go further), most of them
// forwarding to the clojure.core or clojure.string function that does the same work.
//
// What is not here fails the way Clojure's reflector does: "No matching method NAME found
// taking N args for class C" (IllegalArgumentException), or, with no arguments, "No
// matching field found: NAME for class C"; a nil target is a NullPointerException.
// Strings are indexed by code point, as everywhere in Clove (docs/differences.md).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "runtime/lang/user_type.h"
#include "runtime/host/array.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/ref_types.h"
#include "runtime/lang/class_value.h"
#include "runtime/lang/exception.h"
#include "runtime/host/file.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/host_object.h"
#include "natives/args.h"
#include "runtime/print/print.h"
#include "runtime/lang/record.h"
#include "runtime/text/regex.h"
#include "runtime/host/stream.h"
#include "runtime/host/tagged.h"
#include "runtime/text/unicode.h"

namespace clove {
namespace {

/// One method call: the target, the method's arguments and the VM.
struct Call {
  State& vm;
  Args a;  // the native's arguments: target, name, then the method's arguments
  Value self() const { return a[0]; }
  int n() const { return a.size() - 2; }
  Value arg(int i) const { return a[i + 2]; }
  /// Calls the function in var `qualified` with the target and then the arguments.
  Value forward(const char* qualified) const {
    std::vector<Value> args;
    args.reserve(a.size() - 1);
    args.push_back(self());
    for (int i = 0; i < n(); ++i) args.push_back(arg(i));
    return call(qualified, args);
  }
  /// Calls the function in var `qualified` with the given arguments.
  Value call(const char* qualified, const std::vector<Value>& args) const {
    Var* v = vm.resolve_var(vm.core_ns(), vm.sym(qualified));
    return vm.call(vm.var_value(v), args.data(), static_cast<int>(args.size()));
  }
  Value str(std::string_view s) const { return string_value(vm.heap, s); }
};

using Method = Value (*)(Call&);

/// A method: its name, argument counts, and either a C++ body or the var it forwards to
/// (called with the target first).
struct MethodDef {
  const char* name;
  int min_args, max_args;
  Method body;
  const char* forward;
};

// ---- java.lang.String ----

String* string_arg(Call& c, int i) {
  String* s = as<String>(c.arg(i));
  if (!s)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.String", value_type_name(c.arg(i))));
  return s;
}
std::string_view self_view(Call& c) { return static_cast<String*>(c.self().as_obj())->view(); }

Value s_length(Call& c) { return Value::small_int(utf8_count(self_view(c))); }
Value s_is_empty(Call& c) { return Value::boolean(self_view(c).empty()); }
// indexOf(int) and indexOf(String) are both there in Java, so an argument of another
// class (a Character, as Clojure passes it) matches no overload.
void check_overloaded_string_arg(Call& c, const char* method) {
  if (!is<String>(c.arg(0)))
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No matching method {} found taking {} args for class java.lang.String", method, c.n()));
}
Value s_index_of(Call& c) {
  // indexOf(int ch [, from]): a code point, as (.indexOf s (int \b)) passes it.
  if (is_long(c.arg(0))) {
    int64_t cp = as_long(c.arg(0));
    if (cp < 0 || cp > 0x10FFFF) return Value::small_int(-1);
    std::string ch;
    text::append_code_point(ch, static_cast<int32_t>(cp));
    std::vector<Value> args{c.self(), c.str(ch)};
    if (c.n() > 1) args.push_back(c.arg(1));
    Value r = c.call("clojure.string/index-of", args);
    return r.is_nil() ? Value::small_int(-1) : r;
  }
  check_overloaded_string_arg(c, "indexOf");
  Value r = c.forward("clojure.string/index-of");
  return r.is_nil() ? Value::small_int(-1) : r;
}
Value s_last_index_of(Call& c) {
  check_overloaded_string_arg(c, "lastIndexOf");
  Value r = c.forward("clojure.string/last-index-of");
  return r.is_nil() ? Value::small_int(-1) : r;
}
Value s_starts_with(Call& c) {
  string_arg(c, 0);
  return c.forward("clojure.string/starts-with?");
}
Value s_ends_with(Call& c) {
  string_arg(c, 0);
  return c.forward("clojure.string/ends-with?");
}
Value s_contains(Call& c) {
  string_arg(c, 0);
  return c.forward("clojure.string/includes?");
}
// String.trim: strips every char <= U+0020 from both ends (not Character.isWhitespace).
Value s_trim(Call& c) {
  std::string_view s = self_view(c);
  size_t b = 0, e = s.size();
  while (b < e && static_cast<unsigned char>(s[b]) <= 0x20) ++b;
  while (e > b && static_cast<unsigned char>(s[e - 1]) <= 0x20) --e;
  return c.str(s.substr(b, e - b));
}
Value with_pattern(Call& c, const char* fn, int pattern_arg) {
  std::vector<Value> args{c.self()};
  for (int i = 0; i < c.n(); ++i)
    args.push_back(i == pattern_arg ? c.call("clojure.core/re-pattern", {Value::object(string_arg(c, i))}) : c.arg(i));
  return c.call(fn, args);
}
// A Java array of `kind` holding the elements of the vector `items` (String.split gives
// a String[], toCharArray a char[]).
Value array_of(Call& c, Value items, ArrayKind kind, Value component) {
  RootScope roots(c.vm.heap);
  size_t it = roots.push(items);
  size_t comp = roots.push(component);
  int64_t n = count(c.vm, items);
  JavaArray* arr = make_java_array(c.vm, kind, n, roots[comp]);
  roots.push(Value::object(arr));
  for (int64_t i = 0; i < n; ++i) array_store_raw(c.vm.heap, arr, static_cast<uint32_t>(i), nth(c.vm, roots[it], i));
  return Value::object(arr);
}
Value string_array(Call& c, Value items) {
  RootScope roots(c.vm.heap);
  size_t it = roots.push(items);
  Value cls = class_of(c.vm, c.str(""));
  return array_of(c, roots[it], ArrayKind::Object, cls);
}
Value s_split(Call& c) { return string_array(c, with_pattern(c, "clojure.string/split", 0)); }
Value s_replace_all(Call& c) {
  string_arg(c, 1);
  return with_pattern(c, "clojure.string/replace", 0);
}
Value s_replace_first(Call& c) {
  string_arg(c, 1);
  return with_pattern(c, "clojure.string/replace-first", 0);
}
Value s_matches(Call& c) {
  Value re = c.call("clojure.core/re-pattern", {Value::object(string_arg(c, 0))});
  return Value::boolean(!c.call("clojure.core/re-matches", {re, c.self()}).is_nil());
}
Value s_equals(Call& c) {
  String* o = as<String>(c.arg(0));
  return Value::boolean(o && o->view() == self_view(c));
}
Value s_equals_ignore_case(Call& c) {
  String* o = as<String>(c.arg(0));
  if (!o) return Value::f();
  std::string_view s = self_view(c);
  return Value::boolean(text::upper_case(s) == text::upper_case(o->view()) || text::lower_case(s) == text::lower_case(o->view()));
}
Value s_concat(Call& c) {
  std::string r(self_view(c));
  r += string_arg(c, 0)->view();
  return c.str(r);
}
Value s_chars(Call& c) {
  std::u32string cps = text::decode_all(self_view(c));
  JavaArray* arr = make_java_array(c.vm, ArrayKind::Char, static_cast<int64_t>(cps.size()));
  for (size_t i = 0; i < cps.size(); ++i) array_store_raw(c.vm.heap, arr, static_cast<uint32_t>(i), Value::character(cps[i]));
  return Value::object(arr);
}
// String.hashCode: s[0]*31^(n-1) + ... over UTF-16 code units, in 32-bit arithmetic.
Value s_hash_code(Call& c) {
  uint32_t h = 0;
  for (char32_t cp : text::decode_all(self_view(c))) {
    if (cp > 0xFFFF) {
      h = 31 * h + (0xD800 + ((cp - 0x10000) >> 10));
      h = 31 * h + (0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      h = 31 * h + cp;
    }
  }
  return Value::small_int(static_cast<int32_t>(h));
}
Value s_char_at(Call& c) {
  int64_t i = arg_long(c.a, 2, "charAt");
  if (i < 0 || i >= static_cast<int64_t>(utf8_count(self_view(c))))
    throw_error(ErrorKind::StringIndexOutOfBoundsException, fmt::format("String index out of range: {}", i));
  return c.call("clojure.core/nth", {c.self(), c.arg(0)});
}
Value s_code_point_at(Call& c) {
  Value ch = c.call("clojure.core/nth", {c.self(), c.arg(0)});
  return Value::small_int(ch.as_char());
}
Value s_self(Call& c) { return c.self(); }
// String.getBytes(): the UTF-8 bytes, as a byte array (a charset argument must name UTF-8).
Value s_get_bytes(Call& c) {
  if (c.n() == 1) check_utf8_charset(c.vm, c.arg(0));
  std::string_view s = self_view(c);
  JavaArray* arr = make_java_array(c.vm, ArrayKind::Byte, static_cast<int64_t>(s.size()));
  std::memcpy(arr->bytes(), s.data(), s.size());
  return Value::object(arr);
}

const MethodDef kStringMethods[] = {
    {"length", 0, 0, s_length, nullptr},
    {"isEmpty", 0, 0, s_is_empty, nullptr},
    {"isBlank", 0, 0, nullptr, "clojure.string/blank?"},
    {"charAt", 1, 1, s_char_at, nullptr},
    {"codePointAt", 1, 1, s_code_point_at, nullptr},
    {"substring", 1, 2, nullptr, "clojure.core/subs"},
    {"indexOf", 1, 2, s_index_of, nullptr},
    {"lastIndexOf", 1, 2, s_last_index_of, nullptr},
    {"startsWith", 1, 1, s_starts_with, nullptr},
    {"endsWith", 1, 1, s_ends_with, nullptr},
    {"contains", 1, 1, s_contains, nullptr},
    {"toUpperCase", 0, 0, nullptr, "clojure.string/upper-case"},
    {"toLowerCase", 0, 0, nullptr, "clojure.string/lower-case"},
    {"trim", 0, 0, s_trim, nullptr},
    {"strip", 0, 0, nullptr, "clojure.string/trim"},
    {"stripLeading", 0, 0, nullptr, "clojure.string/triml"},
    {"stripTrailing", 0, 0, nullptr, "clojure.string/trimr"},
    {"split", 1, 2, s_split, nullptr},
    {"replace", 2, 2, nullptr, "clojure.string/replace"},
    {"replaceAll", 2, 2, s_replace_all, nullptr},
    {"replaceFirst", 2, 2, s_replace_first, nullptr},
    {"matches", 1, 1, s_matches, nullptr},
    {"equals", 1, 1, s_equals, nullptr},
    {"equalsIgnoreCase", 1, 1, s_equals_ignore_case, nullptr},
    {"compareTo", 1, 1, nullptr, "clojure.core/compare"},
    {"concat", 1, 1, s_concat, nullptr},
    {"toCharArray", 0, 0, s_chars, nullptr},
    {"getBytes", 0, 1, s_get_bytes, nullptr},
    {"hashCode", 0, 0, s_hash_code, nullptr},
    {"intern", 0, 0, s_self, nullptr},
    {"toString", 0, 0, s_self, nullptr},
};

// ---- numbers, characters, booleans ----

Value n_is_nan(Call& c) { return Value::boolean(is_floating(c.self()) && std::isnan(floating_value(c.self()))); }
Value n_is_infinite(Call& c) {
  if (!is_floating(c.self())) return Value::f();
  double d = floating_value(c.self());
  return Value::boolean(d == d && (d - d) != 0);
}
// Java's equals: the same class and an equal value (so (.equals 1 1.0) is false).
Value same_class_equals(Call& c) {
  Value o = c.arg(0);
  if (std::string_view(value_type_name(o)) != value_type_name(c.self())) return Value::f();
  return Value::boolean(equiv(c.vm, c.self(), o));
}
// Long.hashCode, Double.hashCode and Float.hashCode; false for other values.
bool number_java_hash(Value v, uint32_t* out) {
  uint64_t x;
  if (is_float(v)) {  // Float.floatToIntBits (make_float keeps NaN canonical)
    *out = std::bit_cast<uint32_t>(as_float(v));
    return true;
  }
  if (is_long(v)) {
    x = static_cast<uint64_t>(as_long(v));
  } else if (v.is_double()) {
    double d = v.as_double();
    if (d != d) {
      x = 0x7ff8000000000000ULL;  // Double.doubleToLongBits canonicalises NaN
    } else {
      std::memcpy(&x, &d, sizeof x);
    }
  } else {
    return false;
  }
  *out = static_cast<uint32_t>(x ^ (x >> 32));
  return true;
}
Value n_hash_code(Call& c) {
  Value v = c.self();
  if (uint32_t h; number_java_hash(v, &h)) return Value::small_int(static_cast<int32_t>(h));
  throw_error(ErrorKind::UnsupportedOperationException,
              fmt::format("Clove does not implement hashCode() for class {}", value_type_name(v)));
}

// Ratio's public fields numerator and denominator ((.numerator r), (.-numerator r)).
Value ratio_part(Call& c, const char* field, const char* fn) {
  if (!is_type(c.self(), ObjType::Ratio))
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No matching field found: {} for class {}", field, value_type_name(c.self())));
  return c.forward(fn);
}
Value r_numerator(Call& c) { return ratio_part(c, "numerator", "clojure.core/numerator"); }
Value r_denominator(Call& c) { return ratio_part(c, "denominator", "clojure.core/denominator"); }

const MethodDef kNumberMethods[] = {
    {"numerator", 0, 0, r_numerator, nullptr},
    {"denominator", 0, 0, r_denominator, nullptr},
    {"intValue", 0, 0, nullptr, "clojure.core/unchecked-int"},
    {"longValue", 0, 0, nullptr, "clojure.core/unchecked-long"},
    {"shortValue", 0, 0, nullptr, "clojure.core/unchecked-short"},
    {"byteValue", 0, 0, nullptr, "clojure.core/unchecked-byte"},
    {"doubleValue", 0, 0, nullptr, "clojure.core/double"},
    {"floatValue", 0, 0, nullptr, "clojure.core/unchecked-float"},
    {"isNaN", 0, 0, n_is_nan, nullptr},
    {"isInfinite", 0, 0, n_is_infinite, nullptr},
    {"compareTo", 1, 1, nullptr, "clojure.core/compare"},
    {"equals", 1, 1, same_class_equals, nullptr},
    {"hashCode", 0, 0, n_hash_code, nullptr},
};

Value ch_hash_code(Call& c) { return Value::small_int(static_cast<int64_t>(c.self().as_char())); }
Value ch_compare(Call& c) {
  if (!c.arg(0).is_char())
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.Character", value_type_name(c.arg(0))));
  return Value::small_int(static_cast<int64_t>(c.self().as_char()) - static_cast<int64_t>(c.arg(0).as_char()));
}
const MethodDef kCharMethods[] = {
    {"charValue", 0, 0, s_self, nullptr},
    {"hashCode", 0, 0, ch_hash_code, nullptr},
    {"compareTo", 1, 1, ch_compare, nullptr},
    {"equals", 1, 1, same_class_equals, nullptr},
};

Value b_hash_code(Call& c) { return Value::small_int(c.self() == Value::t() ? 1231 : 1237); }
const MethodDef kBooleanMethods[] = {
    {"booleanValue", 0, 0, s_self, nullptr},
    {"hashCode", 0, 0, b_hash_code, nullptr},
    {"equals", 1, 1, same_class_equals, nullptr},
};

// ---- java.lang.Throwable ----

Value e_print_stack_trace(Call& c) {
  Value err = c.vm.var_value(c.vm.err_var());
  write_to(c.vm.heap, err, str_of(c.vm, c.self()) + "\n");
  return Value::nil();
}
const MethodDef kThrowableMethods[] = {
    {"getMessage", 0, 0, nullptr, "clojure.core/ex-message"},
    {"getLocalizedMessage", 0, 0, nullptr, "clojure.core/ex-message"},
    {"getCause", 0, 0, nullptr, "clojure.core/ex-cause"},
    {"getData", 0, 0, nullptr, "clojure.core/ex-data"},
    {"printStackTrace", 0, 0, e_print_stack_trace, nullptr},
};

// ---- java.io.Writer and Reader ----

Value w_write(Call& c) {
  TextWriter* w = as_writer(c.self());
  Value x = c.arg(0);
  if (String* s = as<String>(x)) {
    std::string_view v = s->view();
    if (c.n() == 3) {  // write(String, off, len)
      size_t b = text::byte_offset(s, arg_long(c.a, 3, "write"));
      size_t e = text::byte_offset(s, arg_long(c.a, 3, "write") + arg_long(c.a, 4, "write"));
      v = v.substr(b, e - b);
    }
    writer_write(c.vm.heap, w, v);
  } else if (is_long(x) && c.n() == 1) {  // write(int c): a character code
    std::string out;
    text::append(out, static_cast<uint32_t>(as_long(x)) & 0xFFFF);
    writer_write(c.vm.heap, w, out);
  } else {
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No matching method write found taking {} args for class {}", c.n(), value_type_name(c.self())));
  }
  return Value::nil();
}
Value w_append(Call& c) {
  writer_write(c.vm.heap, as_writer(c.self()), str_of(c.vm, c.arg(0)));
  return c.self();
}
Value w_new_line(Call& c) {
  writer_write(c.vm.heap, as_writer(c.self()), "\n");
  return Value::nil();
}
Value w_flush(Call& c) {
  writer_flush(as_writer(c.self()));
  return Value::nil();
}
Value w_close(Call& c) {
  writer_close(as_writer(c.self()));
  return Value::nil();
}
const MethodDef kWriterMethods[] = {
    {"write", 1, 3, w_write, nullptr},
    {"append", 1, 1, w_append, nullptr},
    {"newLine", 0, 0, w_new_line, nullptr},
    {"flush", 0, 0, w_flush, nullptr},
    {"close", 0, 0, w_close, nullptr},
};

Value r_read_line(Call& c) {
  std::string line;
  if (!reader_read_line(static_cast<LineReader*>(c.self().as_obj()), &line)) return Value::nil();
  return c.str(line);
}
Value r_close(Call& c) {
  reader_close(static_cast<LineReader*>(c.self().as_obj()));
  return Value::nil();
}
const MethodDef kReaderMethods[] = {
    {"readLine", 0, 0, r_read_line, nullptr},
    {"close", 0, 0, r_close, nullptr},
};

// ---- Clojure's collections through their Java interfaces ----

Value c_is_empty(Call& c) { return Value::boolean(seq(c.vm, c.self()).is_nil()); }
// java.util.List.get / Map.get: an index for sequential collections, a key otherwise.
Value c_get(Call& c) {
  if (is_map(c.self()) || is_set(c.self())) return c.forward("clojure.core/get");
  Value i = c.arg(0);
  if (!is_long(i) || as_long(i) < 0 || as_long(i) >= count(c.vm, c.self())) {
    Exception* e = c.vm.make_exception(ErrorKind::IndexOutOfBoundsException, "");
    e->message = nullptr;  // as PersistentVector's: no message
    throw CloveError(ErrorKind::IndexOutOfBoundsException, "", Value::object(e));
  }
  return nth(c.vm, c.self(), as_long(i));
}
int64_t index_of(Call& c, Value x) {
  int64_t i = 0;
  for (Value s = seq(c.vm, c.self()); !s.is_nil(); s = next(c.vm, s), ++i)
    if (equiv(c.vm, first(c.vm, s), x)) return i;
  return -1;
}
Value c_contains(Call& c) {
  if (is_set(c.self())) return c.forward("clojure.core/contains?");
  if (is_map(c.self()))
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("No matching method contains found taking 1 args for class {}", value_type_name(c.self())));
  return Value::boolean(index_of(c, c.arg(0)) >= 0);
}
Value c_index_of(Call& c) { return Value::small_int(index_of(c, c.arg(0))); }
Value c_contains_value(Call& c) {
  for (Value s = seq(c.vm, c.call("clojure.core/vals", {c.self()})); !s.is_nil(); s = next(c.vm, s))
    if (equiv(c.vm, first(c.vm, s), c.arg(0))) return Value::t();
  return Value::f();
}
const MethodDef kCollMethods[] = {
    {"size", 0, 0, nullptr, "clojure.core/count"},
    {"count", 0, 0, nullptr, "clojure.core/count"},
    {"isEmpty", 0, 0, c_is_empty, nullptr},
    {"get", 1, 1, c_get, nullptr},
    {"nth", 1, 2, nullptr, "clojure.core/nth"},
    {"valAt", 1, 2, nullptr, "clojure.core/get"},
    {"entryAt", 1, 1, nullptr, "clojure.core/find"},
    {"containsKey", 1, 1, nullptr, "clojure.core/contains?"},
    {"containsValue", 1, 1, c_contains_value, nullptr},
    {"contains", 1, 1, c_contains, nullptr},
    {"indexOf", 1, 1, c_index_of, nullptr},
    {"seq", 0, 0, nullptr, "clojure.core/seq"},
    {"first", 0, 0, nullptr, "clojure.core/first"},
    {"next", 0, 0, nullptr, "clojure.core/next"},
    {"more", 0, 0, nullptr, "clojure.core/rest"},
    {"peek", 0, 0, nullptr, "clojure.core/peek"},
    {"pop", 0, 0, nullptr, "clojure.core/pop"},
    {"cons", 1, 1, nullptr, "clojure.core/conj"},
    {"assoc", 2, 2, nullptr, "clojure.core/assoc"},
    {"without", 1, 1, nullptr, "clojure.core/dissoc"},
    {"empty", 0, 0, nullptr, "clojure.core/empty"},
    {"equiv", 1, 1, nullptr, "clojure.core/="},
    {"equals", 1, 1, nullptr, "clojure.core/="},
    {"key", 0, 0, nullptr, "clojure.core/key"},
    {"getKey", 0, 0, nullptr, "clojure.core/key"},
    {"val", 0, 0, nullptr, "clojure.core/val"},
    {"getValue", 0, 0, nullptr, "clojure.core/val"},
};

// ---- references, names, regexes, UUIDs, dates ----

const MethodDef kRefMethods[] = {
    {"deref", 0, 0, nullptr, "clojure.core/deref"},
    {"reset", 1, 1, nullptr, "clojure.core/reset!"},
    {"swap", 1, 4, nullptr, "clojure.core/swap!"},
    {"compareAndSet", 2, 2, nullptr, "clojure.core/compare-and-set!"},
    {"isRealized", 0, 0, nullptr, "clojure.core/realized?"},
};
// ---- java.lang.Class: class values (class_value.h) ----

// Class.isArray: Java's array classes are the names starting with '[' ("[J",
// "[Ljava.lang.String;").
Value k_is_array(Call& c) {
  std::string_view n = class_value_name(c.self());
  return Value::boolean(!n.empty() && n[0] == '[');
}
// Class.getSimpleName: the name after the package (and after the
// enclosing class's '$'); an array's is its component's followed by "[]" per dimension
// ("[J" is "long[]", "[[Ljava.lang.String;" is "String[][]").
std::string simple_class_name(std::string_view n) {
  size_t dims = 0;
  while (dims < n.size() && n[dims] == '[') ++dims;
  std::string base;
  if (dims == 0) {
    size_t cut = n.find_last_of(".$");
    base = std::string(cut == std::string_view::npos ? n : n.substr(cut + 1));
  } else if (n.size() > dims + 1 && n[dims] == 'L' && n.back() == ';') {
    base = simple_class_name(n.substr(dims + 1, n.size() - dims - 2));
  } else if (n.size() == dims + 1) {
    static const std::pair<char, const char*> kPrims[] = {{'J', "long"},  {'I', "int"},   {'D', "double"},
                                                          {'F', "float"}, {'S', "short"}, {'B', "byte"},
                                                          {'C', "char"},  {'Z', "boolean"}};
    for (auto [c, p] : kPrims)
      if (n[dims] == c) base = p;
  }
  if (base.empty()) return std::string(n);
  for (size_t i = 0; i < dims; ++i) base += "[]";
  return base;
}
Value k_simple_name(Call& c) { return c.str(simple_class_name(class_value_name(c.self()))); }
Value k_name(Call& c) { return c.str(std::string(class_value_name(c.self()))); }
Value k_is_interface(Call& c) {
  const JavaClass* j = as<JavaClass>(c.self());
  return Value::boolean(j && class_is_interface(j));
}
Value k_is_instance(Call& c) { return Value::boolean(instance_of(c.vm, c.self(), c.arg(0))); }
Value k_is_assignable_from(Call& c) {
  if (!is_class_value(c.arg(0)))
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.Class", value_type_name(c.arg(0))));
  return Value::boolean(class_assignable(c.vm, c.self(), c.arg(0)));
}
const MethodDef kClassMethods[] = {
    {"getName", 0, 0, k_name, nullptr},
    {"getSimpleName", 0, 0, k_simple_name, nullptr},
    {"isArray", 0, 0, k_is_array, nullptr},
    {"isInterface", 0, 0, k_is_interface, nullptr},
    {"isInstance", 1, 1, k_is_instance, nullptr},
    {"isAssignableFrom", 1, 1, k_is_assignable_from, nullptr},
};
const MethodDef kNamedMethods[] = {
    {"getName", 0, 0, nullptr, "clojure.core/name"},
    {"getNamespace", 0, 0, nullptr, "clojure.core/namespace"},
    {"sym", 0, 0, nullptr, "clojure.core/symbol"},
};
Value re_pattern_source(Call& c) { return c.str(str_of(c.vm, c.self())); }
Value re_split(Call& c) {
  std::vector<Value> args{c.arg(0), c.self()};
  if (c.n() == 2) args.push_back(c.arg(1));
  return string_array(c, c.call("clojure.string/split", args));
}
Value re_matcher(Call& c) { return c.call("clojure.core/re-matcher", {c.self(), c.arg(0)}); }
const MethodDef kRegexMethods[] = {
    {"pattern", 0, 0, re_pattern_source, nullptr},
    {"matcher", 1, 1, re_matcher, nullptr},
    {"split", 1, 2, re_split, nullptr},
};
Value m_find(Call& c) { return Value::boolean(!c.call("clojure.core/re-find", {c.self()}).is_nil()); }
Value m_group(Call& c) {
  Value g = c.call("clojure.core/re-groups", {c.self()});
  int64_t i = c.n() ? arg_long(c.a, 2, "group") : 0;
  if (is_vector(g)) return nth(c.vm, g, i);
  if (i != 0) throw_error(ErrorKind::IndexOutOfBoundsException, fmt::format("No group {}", i));
  return g;
}
// Matcher.start / Matcher.end, of the last match or of its group g: a code point index
// into the subject (Clove strings index by code point), -1 for a group that did not
// take part; IllegalStateException "No match available" before a match,
// IndexOutOfBoundsException "No group g" for a group the pattern lacks.
Value m_bound(Call& c, bool at_end) {
  auto* m = static_cast<Matcher*>(c.self().as_obj());
  int64_t g = c.n() ? arg_long(c.a, 2, at_end ? "end" : "start") : 0;
  if (!m->has_match) throw_error(ErrorKind::IllegalStateException, "No match available");
  if (g < 0 || g > static_cast<int64_t>(m->regex->ngroups))
    throw_error(ErrorKind::IndexOutOfBoundsException, fmt::format("No group {}", g));
  auto gi = static_cast<uint32_t>(g);
  if (!m->last.matched(gi)) return Value::small_int(-1);
  size_t byte = at_end ? m->last.end[gi] : m->last.start[gi];
  return Value::small_int(utf8_count(m->subject->view().substr(0, byte)));
}
Value m_start(Call& c) { return m_bound(c, false); }
Value m_end(Call& c) { return m_bound(c, true); }
const MethodDef kMatcherMethods[] = {
    {"find", 0, 0, m_find, nullptr},
    {"group", 0, 1, m_group, nullptr},
    {"start", 0, 1, m_start, nullptr},
    {"end", 0, 1, m_end, nullptr},
};
const MethodDef kInstMethods[] = {
    {"getTime", 0, 0, nullptr, "clojure.core/inst-ms"},
};

// ---- java.lang.StringBuilder (a TextWriter, runtime/host/stream.h) ----

std::string& sb_text(Call& c) { return as_writer(c.self())->text; }
// Java's String.valueOf: nil appends "null".
std::string value_of(Call& c, Value x) { return x.is_nil() ? "null" : str_of(c.vm, x); }
// The byte offset of code point i in the builder; StringIndexOutOfBoundsException
// unless 0 <= i <= length (or < length when `inside`).
size_t sb_offset(Call& c, int64_t i, bool inside) {
  const std::string& t = sb_text(c);
  int64_t n = utf8_count(t);
  if (i < 0 || i > n || (inside && i == n))
    throw_error(ErrorKind::StringIndexOutOfBoundsException, fmt::format("index {}, length {}", i, n));
  return text::byte_offset(t, i);
}
// Room for `more` bytes in the builder, counted in the heap first (OutOfMemoryError,
// changing nothing, past the memory cap).
void sb_reserve(Call& c, size_t more) {
  TextWriter* w = as_writer(c.self());
  c.vm.heap.reserve_counted(w->text, w->text.size() + more, w->counted);
}
Value sb_append(Call& c) {
  std::string v = value_of(c, c.arg(0));
  sb_reserve(c, v.size());
  sb_text(c) += v;
  return c.self();
}
Value sb_insert(Call& c) {
  size_t at = sb_offset(c, arg_long(c.a, 2, "insert"), false);
  std::string v = value_of(c, c.arg(1));
  sb_reserve(c, v.size());
  sb_text(c).insert(at, v);
  return c.self();
}
Value sb_length(Call& c) { return Value::small_int(utf8_count(sb_text(c))); }
Value sb_char_at(Call& c) {
  size_t at = sb_offset(c, arg_long(c.a, 2, "charAt"), true);
  size_t pos = at;
  return Value::character(text::decode(sb_text(c), pos));
}
Value sb_reverse(Call& c) {
  std::u32string cps = text::decode_all(sb_text(c));
  std::string out;
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) text::append(out, *it);
  sb_text(c) = std::move(out);
  writer_recount(c.vm.heap, as_writer(c.self()));
  return c.self();
}
Value sb_set_length(Call& c) {
  int64_t n = arg_long(c.a, 2, "setLength");
  int64_t len = utf8_count(sb_text(c));
  if (n < 0) throw_error(ErrorKind::StringIndexOutOfBoundsException, fmt::format("String index out of range: {}", n));
  if (n <= len) {
    sb_text(c).resize(text::byte_offset(sb_text(c), n));
  } else {
    sb_reserve(c, static_cast<size_t>(n - len));
    sb_text(c).append(static_cast<size_t>(n - len), '\0');
  }
  return Value::nil();
}
Value sb_delete(Call& c) {  // delete(start, end): end is clamped to the length, as Java
  int64_t n = utf8_count(sb_text(c));
  int64_t start = arg_long(c.a, 2, "delete"), end = std::min(arg_long(c.a, 3, "delete"), n);
  if (start < 0 || start > end)
    throw_error(ErrorKind::StringIndexOutOfBoundsException, fmt::format("start {}, end {}, length {}", start, end, n));
  size_t b = text::byte_offset(sb_text(c), start), e = text::byte_offset(sb_text(c), end);
  sb_text(c).erase(b, e - b);
  return c.self();
}
Value sb_delete_char_at(Call& c) {
  size_t b = sb_offset(c, arg_long(c.a, 2, "deleteCharAt"), true);
  size_t e = b;
  text::decode(sb_text(c), e);
  sb_text(c).erase(b, e - b);
  return c.self();
}
Value sb_to_string(Call& c) { return c.str(sb_text(c)); }
Value sb_index_of(Call& c) {
  std::vector<Value> args{c.str(sb_text(c))};
  for (int i = 0; i < c.n(); ++i) args.push_back(c.arg(i));
  check_overloaded_string_arg(c, "indexOf");
  Value r = c.call("clojure.string/index-of", args);
  return r.is_nil() ? Value::small_int(-1) : r;
}
Value c_is_empty_text(Call& c) { return Value::boolean(sb_text(c).empty()); }
const MethodDef kStringBuilderMethods[] = {
    {"append", 1, 1, sb_append, nullptr},
    {"insert", 2, 2, sb_insert, nullptr},
    {"length", 0, 0, sb_length, nullptr},
    {"charAt", 1, 1, sb_char_at, nullptr},
    {"reverse", 0, 0, sb_reverse, nullptr},
    {"setLength", 1, 1, sb_set_length, nullptr},
    {"delete", 2, 2, sb_delete, nullptr},
    {"deleteCharAt", 1, 1, sb_delete_char_at, nullptr},
    {"indexOf", 1, 2, sb_index_of, nullptr},
    {"isEmpty", 0, 0, c_is_empty_text, nullptr},
    {"toString", 0, 0, sb_to_string, nullptr},
};

// ---- java.io.File ----

const std::string& fpath(Call& c) { return static_cast<File*>(c.self().as_obj())->path; }
// The path of a File method that touches the file system (or the working directory):
// the fs capability first (state/capability.h).
const std::string& fs_path(Call& c, const char* method) {
  c.vm.require_capability(CapabilityId::Fs, method);
  return fpath(c);
}
Value f_name(Call& c) { return c.str(file_name(fpath(c))); }
Value f_path(Call& c) { return c.str(fpath(c)); }
Value f_parent(Call& c) {
  std::string p;
  return file_parent(fpath(c), &p) ? c.str(p) : Value::nil();
}
Value f_parent_file(Call& c) {
  std::string p;
  return file_parent(fpath(c), &p) ? make_file(c.vm.heap, p) : Value::nil();
}
std::string absolute(const std::string& p) {
  if (!p.empty() && p[0] == '/') return p;
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  return p.empty() ? cwd : file_join(cwd, p);
}
Value f_absolute_path(Call& c) { return c.str(absolute(fs_path(c, "java.io.File.getAbsolutePath"))); }
Value f_absolute_file(Call& c) { return make_file(c.vm.heap, absolute(fs_path(c, "java.io.File.getAbsoluteFile"))); }
Value f_canonical_path(Call& c) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(absolute(fs_path(c, "java.io.File.getCanonicalPath")), ec);
  return c.str(ec ? absolute(fpath(c)) : p.lexically_normal().string());
}
Value f_is_absolute(Call& c) { return Value::boolean(!fpath(c).empty() && fpath(c)[0] == '/'); }
Value f_exists(Call& c) {
  std::error_code ec;
  return Value::boolean(std::filesystem::exists(fs_path(c, "java.io.File.exists"), ec));
}
Value f_is_directory(Call& c) {
  std::error_code ec;
  return Value::boolean(std::filesystem::is_directory(fs_path(c, "java.io.File.isDirectory"), ec));
}
Value f_is_file(Call& c) {
  std::error_code ec;
  return Value::boolean(std::filesystem::is_regular_file(fs_path(c, "java.io.File.isFile"), ec));
}
Value f_is_hidden(Call& c) { return Value::boolean(file_name(fpath(c)).starts_with(".")); }
Value f_length(Call& c) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(fs_path(c, "java.io.File.length"), ec)) return Value::small_int(0);
  auto n = std::filesystem::file_size(fpath(c), ec);
  return Value::small_int(ec ? 0 : static_cast<int64_t>(n));
}
Value f_last_modified(Call& c) {
  struct stat st;
  if (::stat(fs_path(c, "java.io.File.lastModified").c_str(), &st) != 0) return Value::small_int(0);
  return Value::small_int(static_cast<int64_t>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000);
}
Value f_can_read(Call& c) { return Value::boolean(::access(fs_path(c, "java.io.File.canRead").c_str(), R_OK) == 0); }
Value f_can_write(Call& c) { return Value::boolean(::access(fs_path(c, "java.io.File.canWrite").c_str(), W_OK) == 0); }
Value f_delete(Call& c) {
  std::error_code ec;
  return Value::boolean(std::filesystem::remove(fs_path(c, "java.io.File.delete"), ec) && !ec);
}
Value f_mkdir(Call& c) { return Value::boolean(::mkdir(fs_path(c, "java.io.File.mkdir").c_str(), 0777) == 0); }
Value f_mkdirs(Call& c) {
  std::error_code ec;
  return Value::boolean(std::filesystem::create_directories(fs_path(c, "java.io.File.mkdirs"), ec) && !ec);
}
Value f_create_new_file(Call& c) {
  int fd = ::open(fs_path(c, "java.io.File.createNewFile").c_str(), O_WRONLY | O_CREAT | O_EXCL, 0666);
  if (fd < 0) {
    if (errno == EEXIST) return Value::f();
    throw_error(ErrorKind::IOException, fmt::format("{}: {}", fpath(c), std::strerror(errno)));
  }
  ::close(fd);
  return Value::t();
}
// The directory's entries sorted by name (Java leaves the order to the file system), as
// a File[] or String[], or nil when this is not a readable directory.
Value list_dir(Call& c, bool files) {
  std::error_code ec;
  std::vector<std::string> names;
  for (auto it = std::filesystem::directory_iterator(fs_path(c, files ? "java.io.File.listFiles" : "java.io.File.list"), ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec))
    names.push_back(it->path().filename().string());
  if (ec) return Value::nil();
  std::sort(names.begin(), names.end());
  RootScope scope(c.vm.heap);
  std::vector<Value> out;
  for (const std::string& n : names) {
    out.push_back(files ? make_file(c.vm.heap, file_join(fpath(c), n)) : c.str(n));
    scope.push(out.back());
  }
  size_t items = scope.push(vector_from(c.vm.heap, out.data(), out.size()));
  if (!files) return string_array(c, scope[items]);
  return array_of(c, scope[items], ArrayKind::Object, class_of(c.vm, c.self()));  // File[]
}
Value f_list_files(Call& c) { return list_dir(c, true); }
Value f_list(Call& c) { return list_dir(c, false); }
Value f_rename_to(Call& c) {
  std::string buf;
  const std::string* to = file_path_of(c.arg(0), &buf);
  if (!is<File>(c.arg(0)) || !to)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.io.File", value_type_name(c.arg(0))));
  std::error_code ec;
  std::filesystem::rename(fs_path(c, "java.io.File.renameTo"), *to, ec);
  return Value::boolean(!ec);
}
const MethodDef kFileMethods[] = {
    {"getName", 0, 0, f_name, nullptr},
    {"getPath", 0, 0, f_path, nullptr},
    {"toString", 0, 0, f_path, nullptr},
    {"getParent", 0, 0, f_parent, nullptr},
    {"getParentFile", 0, 0, f_parent_file, nullptr},
    {"getAbsolutePath", 0, 0, f_absolute_path, nullptr},
    {"getAbsoluteFile", 0, 0, f_absolute_file, nullptr},
    {"getCanonicalPath", 0, 0, f_canonical_path, nullptr},
    {"isAbsolute", 0, 0, f_is_absolute, nullptr},
    {"exists", 0, 0, f_exists, nullptr},
    {"isDirectory", 0, 0, f_is_directory, nullptr},
    {"isFile", 0, 0, f_is_file, nullptr},
    {"isHidden", 0, 0, f_is_hidden, nullptr},
    {"length", 0, 0, f_length, nullptr},
    {"lastModified", 0, 0, f_last_modified, nullptr},
    {"canRead", 0, 0, f_can_read, nullptr},
    {"canWrite", 0, 0, f_can_write, nullptr},
    {"delete", 0, 0, f_delete, nullptr},
    {"mkdir", 0, 0, f_mkdir, nullptr},
    {"mkdirs", 0, 0, f_mkdirs, nullptr},
    {"createNewFile", 0, 0, f_create_new_file, nullptr},
    {"listFiles", 0, 0, f_list_files, nullptr},
    {"list", 0, 0, f_list, nullptr},
    {"renameTo", 1, 1, f_rename_to, nullptr},
};

// ---- java.lang.Object: every value ----

Value o_to_string(Call& c) { return c.str(str_of(c.vm, c.self())); }
Value o_get_class(Call& c) { return class_of(c.vm, c.self()); }
Value o_equals(Call& c) { return Value::boolean(equiv(c.vm, c.self(), c.arg(0))); }
// Java's hashCode of v (Object.hashCode as Clojure's classes define it), for code that
// calls .hashCode: numbers, strings, characters, booleans, keywords and symbols,
// collections (java.util.List, Map and Set rules over their elements' hashCode), and a
// deftype's own hashCode. Other values throw UnsupportedOperationException.
uint32_t java_hash_code(State& vm, Value v);

uint32_t string_java_hash(std::string_view sv) {
  uint32_t h = 0;
  for (char32_t cp : text::decode_all(sv)) {
    if (cp > 0xFFFF) {
      h = 31 * h + (0xD800 + ((cp - 0x10000) >> 10));
      h = 31 * h + (0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      h = 31 * h + cp;
    }
  }
  return h;
}

// Symbol.hashCode: Util.hashCombine(name.hashCode(), Util.hash(ns)).
uint32_t symbol_java_hash(const Symbol* s) {
  uint32_t seed = string_java_hash(s->name_view());
  uint32_t nsh = s->ns ? string_java_hash(s->ns_view()) : 0;
  return seed ^ (nsh + 0x9e3779b9u + (seed << 6) + (seed >> 2));
}

uint32_t java_hash_code(State& vm, Value v) {
  check_native_stack();  // recurses into the elements
  if (v.is_nil()) return 0;
  if (v.is_bool()) return v.is_true() ? 1231 : 1237;
  if (v.is_char()) return static_cast<uint32_t>(v.as_char());
  if (uint32_t h; number_java_hash(v, &h)) return h;
  if (String* s = as<String>(v)) return string_java_hash(s->view());
  if (Symbol* s = as<Symbol>(v)) return symbol_java_hash(s);
  if (Keyword* k = as<Keyword>(v)) return symbol_java_hash(k->sym) + 0x9e3779b9u;
  if (Value f = user_method(v, IMethod::hashCode); !f.is_nil()) return static_cast<uint32_t>(as_long(vm.call(f, {v})));
  RootScope scope(vm.heap);
  scope.push(v);
  if (is_map(v) || is_record(v) || has_traits(v, trait::IPersistentMap)) {  // Map: sum of key ^ value
    uint32_t h = 0;
    size_t e = scope.push(Value::nil());
    for (size_t s = scope.push(seq(vm, v)); !scope[s].is_nil(); scope[s] = next(vm, scope[s])) {
      scope[e] = first(vm, scope[s]);
      h += java_hash_code(vm, nth(vm, scope[e], 0)) ^ java_hash_code(vm, nth(vm, scope[e], 1));
    }
    return h;
  }
  if (is_set(v)) {  // Set: sum of the elements'
    uint32_t h = 0;
    for (size_t s = scope.push(seq(vm, v)); !scope[s].is_nil(); scope[s] = next(vm, scope[s]))
      h += java_hash_code(vm, first(vm, scope[s]));
    return h;
  }
  if (is_sequential(v)) {  // List: 31 * h + each element's, from 1
    uint32_t h = 1;
    for (size_t s = scope.push(seq(vm, v)); !scope[s].is_nil(); scope[s] = next(vm, scope[s]))
      h = 31 * h + java_hash_code(vm, first(vm, scope[s]));
    return h;
  }
  throw_error(ErrorKind::UnsupportedOperationException,
              fmt::format("Clove does not implement hashCode() for class {}; use hash", value_type_name(v)));
}

Value o_hash_code(Call& c) { return Value::small_int(static_cast<int32_t>(java_hash_code(c.vm, c.self()))); }
const MethodDef kObjectMethods[] = {
    {"toString", 0, 0, o_to_string, nullptr},
    {"getClass", 0, 0, o_get_class, nullptr},
    {"equals", 1, 1, o_equals, nullptr},
    {"hashCode", 0, 0, o_hash_code, nullptr},
};

struct Table {
  const MethodDef* defs;
  size_t n;
};
template <size_t N>
constexpr Table table(const MethodDef (&d)[N]) {
  return {d, N};
}

/// The method tables for v, most specific first (Object's last).
std::vector<Table> tables_for(Value v) {
  std::vector<Table> t;
  if (is<String>(v)) {
    t.push_back(table(kStringMethods));
  } else if (is_number(v)) {
    t.push_back(table(kNumberMethods));
  } else if (v.is_char()) {
    t.push_back(table(kCharMethods));
  } else if (v.is_bool()) {
    t.push_back(table(kBooleanMethods));
  } else if (is<Exception>(v)) {
    t.push_back(table(kThrowableMethods));
  } else if (v.is_obj() && v.as_obj()->type == ObjType::StringBuilder) {
    t.push_back(table(kStringBuilderMethods));
  } else if (as_writer(v)) {
    t.push_back(table(kWriterMethods));
  } else if (is<LineReader>(v)) {
    t.push_back(table(kReaderMethods));
  } else if (is<Keyword>(v) || is<Symbol>(v)) {
    t.push_back(table(kNamedMethods));
  } else if (is_class_value(v)) {
    t.push_back(table(kClassMethods));
  } else if (is<Regex>(v)) {
    t.push_back(table(kRegexMethods));
  } else if (is<Matcher>(v)) {
    t.push_back(table(kMatcherMethods));
  } else if (is<File>(v)) {
    t.push_back(table(kFileMethods));
  } else if (is<Inst>(v)) {
    t.push_back(table(kInstMethods));
  } else if (is<Atom>(v) || is<Volatile>(v) || is<Delay>(v)) {
    t.push_back(table(kRefMethods));
  } else if (is_coll(v) || is<Record>(v)) {
    t.push_back(table(kCollMethods));
  }
  t.push_back(table(kObjectMethods));
  return t;
}

/// A record's or deftype instance's field `name`, if it has one.
bool field_of(Value v, std::string_view name, State& vm, Value* out) {
  if (!v.is_obj()) return false;
  Obj* o = v.as_obj();
  if (o->type != ObjType::Record && o->type != ObjType::TypeInstance) return false;
  Record* r = static_cast<Record*>(o);
  int i = r->rtype->field_index(Value::object(vm.kw(name)));
  if (i < 0) return false;
  *out = r->fields()[i];
  return true;
}

Value i_invoke_method(State& vm, Args a) {
  Value target = a[0];
  std::string_view name = arg_string(a, 1, "-invoke-method")->view();
  int nargs = a.size() - 2;
  if (target.is_nil())
    throw_error(ErrorKind::NullPointerException, "Cannot invoke \"Object.getClass()\" because \"target\" is null");
  std::string cls = class_name_of(target);
  Value field;
  if (name.size() > 1 && name[0] == '-') {  // (.-field target)
    std::string_view fname = name.substr(1);
    if (nargs == 0 && field_of(target, fname, vm, &field)) return field;
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("No matching field found: {} for class {}", fname, cls));
  }
  if (nargs == 0 && field_of(target, name, vm, &field)) return field;
  if (HostObject* h = live_host_object(target)) {
    // A method the host registered for its class: (fn [obj & args]).
    Value m = h->cls->host_methods.is_nil() ? Value::nil() : get(vm, h->cls->host_methods, string_value(vm.heap, name));
    if (!m.is_nil()) {
      std::vector<Value> args(static_cast<size_t>(nargs) + 1);
      args[0] = target;
      for (int i = 0; i < nargs; ++i) args[static_cast<size_t>(i) + 1] = a[i + 2];
      return vm.tail_call(m, args.data(), nargs + 1);
    }
  }
  // A method a deftype, defrecord or reify form gives under an interface (definterface's
  // too): its fn, with the object first.
  if (Value m = user_method_named(vm, target, name); !m.is_nil()) {
    std::vector<Value> args(static_cast<size_t>(nargs) + 1);
    args[0] = target;
    for (int i = 0; i < nargs; ++i) args[static_cast<size_t>(i) + 1] = a[i + 2];
    return vm.tail_call(m, args.data(), nargs + 1);
  }
  Call c{vm, a};
  for (const Table& t : tables_for(target))
    for (size_t i = 0; i < t.n; ++i) {
      const MethodDef& m = t.defs[i];
      if (name != m.name || nargs < m.min_args || nargs > m.max_args) continue;
      return m.body ? m.body(c) : c.forward(m.forward);
    }
  if (nargs == 0)
    throw_error(ErrorKind::IllegalArgumentException, fmt::format("No matching field found: {} for class {}", name, cls));
  throw_error(ErrorKind::IllegalArgumentException,
              fmt::format("No matching method {} found taking {} args for class {}", name, nargs, cls));
}

}  // namespace

void install_interop_natives(State& vm) {
  vm.def_native("clojure.core", "-invoke-method", i_invoke_method, 2, -1,
                "Compiler hook for (.method target args...) and (. target method args...): calls the "
                "Java method `method` (a string; \"-name\" reads field name) on target, for the "
                "methods Clove implements on its own values (natives/core/interop.cpp) and the interface methods "
                "a deftype, defrecord or reify form gives. Throws "
                "IllegalArgumentException as Clojure's reflector does when there is no such method, "
                "NullPointerException for a nil target.",
                "([target method & args])");
}

}  // namespace clove
