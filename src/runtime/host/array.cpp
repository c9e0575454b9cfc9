// array.cpp: Java arrays: allocation, element access, the seq over an array, and
// their printed form.
#include "runtime/host/array.h"

#include <fmt/format.h>

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/error.h"
#include "core/print_context.h"
#include "runtime/num/number.h"
#include "runtime/lang/class_value.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/record.h"
#include "core/type_table.h"
#include "state/state.h"

namespace clove {

size_t array_elem_size(ArrayKind k) {
  switch (k) {
    case ArrayKind::Object: return sizeof(Value);
    case ArrayKind::Long: return 8;
    case ArrayKind::Int: return 4;
    case ArrayKind::Double: return 8;
    case ArrayKind::Float: return 4;
    case ArrayKind::Short: return 2;
    case ArrayKind::Byte: return 1;
    case ArrayKind::Char: return 4;  // a code point, as Clove's characters
    case ArrayKind::Boolean: return 1;
  }
  return 8;
}

char array_kind_letter(ArrayKind k) {
  switch (k) {
    case ArrayKind::Object: return 0;
    case ArrayKind::Long: return 'J';
    case ArrayKind::Int: return 'I';
    case ArrayKind::Double: return 'D';
    case ArrayKind::Float: return 'F';
    case ArrayKind::Short: return 'S';
    case ArrayKind::Byte: return 'B';
    case ArrayKind::Char: return 'C';
    case ArrayKind::Boolean: return 'Z';
  }
  return 0;
}

const char* array_kind_name(ArrayKind k) {
  switch (k) {
    case ArrayKind::Object: return "java.lang.Object";
    case ArrayKind::Long: return "long";
    case ArrayKind::Int: return "int";
    case ArrayKind::Double: return "double";
    case ArrayKind::Float: return "float";
    case ArrayKind::Short: return "short";
    case ArrayKind::Byte: return "byte";
    case ArrayKind::Char: return "char";
    case ArrayKind::Boolean: return "boolean";
  }
  return "java.lang.Object";
}

Symbol* array_class_symbol(State& vm, ArrayKind kind, std::string_view component_name) {
  std::string name = "[";
  if (kind != ArrayKind::Object) {
    name += array_kind_letter(kind);
  } else if (!component_name.empty() && component_name[0] == '[') {
    name += component_name;
  } else {
    name += 'L';
    name += component_name.empty() ? std::string_view("java.lang.Object") : component_name;
    name += ';';
  }
  return vm.names.symbol({}, name);
}

JavaArray* make_java_array(State& vm, ArrayKind kind, int64_t n, Value component) {
  if (n < 0) throw_error(ErrorKind::NegativeArraySizeException, std::to_string(n));
  // The JVM's limit is its heap; Clove's is a 2 GiB array (or the heap limit, if lower).
  size_t bytes = static_cast<size_t>(n) * array_elem_size(kind);
  if (n > INT32_MAX - 2) throw_error(ErrorKind::OutOfMemoryError, "Requested array size exceeds VM limit");
  if (bytes > (size_t{1} << 31)) throw_error(ErrorKind::OutOfMemoryError, "Java heap space");
  std::string comp_name;
  if (kind == ArrayKind::Object) {
    // A class name (data written before classes were objects) stands for its class.
    Value c = component.is_nil() ? class_named(vm, "java.lang.Object") : canonical_class(vm, component);
    if (!c.is_nil()) component = c;
    comp_name = is<Symbol>(component) ? as<Symbol>(component)->name_view() : class_value_name(component);
  } else {
    component = Value::nil();
  }
  Symbol* cls = array_class_symbol(vm, kind, comp_name);
  JavaArray* a = vm.heap.make_extra<JavaArray>(bytes, kind, static_cast<uint32_t>(n), cls, component);
  if (kind == ArrayKind::Object) {
    for (int64_t i = 0; i < n; ++i) a->values()[i] = Value::nil();
  } else {
    std::memset(a->bytes(), 0, bytes);
  }
  return a;
}


Value array_load(Heap& h, const JavaArray* a, uint32_t i) {
  const unsigned char* p = a->bytes();
  switch (a->kind) {
    case ArrayKind::Object: return reinterpret_cast<const Value*>(p)[i];
    case ArrayKind::Long: {
      int64_t x;
      std::memcpy(&x, p + 8 * i, 8);
      return make_long(h, x);
    }
    case ArrayKind::Int: {
      int32_t x;
      std::memcpy(&x, p + 4 * i, 4);
      return Value::small_int(x);
    }
    case ArrayKind::Double: {
      double x;
      std::memcpy(&x, p + 8 * i, 8);
      return Value::from_double(x);
    }
    case ArrayKind::Float: {
      float x;
      std::memcpy(&x, p + 4 * i, 4);
      return make_float(h, x);
    }
    case ArrayKind::Short: {
      int16_t x;
      std::memcpy(&x, p + 2 * i, 2);
      return Value::small_int(x);
    }
    case ArrayKind::Byte: return Value::small_int(static_cast<int8_t>(p[i]));
    case ArrayKind::Char: {
      uint32_t x;
      std::memcpy(&x, p + 4 * i, 4);
      return Value::character(x);
    }
    case ArrayKind::Boolean: return Value::boolean(p[i] != 0);
  }
  return Value::nil();
}

void array_store_raw(Heap& h, JavaArray* a, uint32_t i, Value v) {
  unsigned char* p = a->bytes();
  switch (a->kind) {
    case ArrayKind::Object:
      a->values()[i] = v;
      h.barrier(a, v);
      return;
    case ArrayKind::Long: {
      int64_t x = as_long(v);
      std::memcpy(p + 8 * i, &x, 8);
      return;
    }
    case ArrayKind::Int: {
      auto x = static_cast<int32_t>(static_cast<uint32_t>(as_long(v)));
      std::memcpy(p + 4 * i, &x, 4);
      return;
    }
    case ArrayKind::Double: {
      double x = v.as_double();
      std::memcpy(p + 8 * i, &x, 8);
      return;
    }
    case ArrayKind::Float: {
      float x = is_float(v) ? as_float(v) : d2f(v.as_double());
      std::memcpy(p + 4 * i, &x, 4);
      return;
    }
    case ArrayKind::Short: {
      auto x = static_cast<int16_t>(static_cast<uint16_t>(as_long(v)));
      std::memcpy(p + 2 * i, &x, 2);
      return;
    }
    case ArrayKind::Byte: p[i] = static_cast<unsigned char>(as_long(v)); return;
    case ArrayKind::Char: {
      uint32_t x = v.as_char();
      std::memcpy(p + 4 * i, &x, 4);
      return;
    }
    case ArrayKind::Boolean: p[i] = v.truthy() ? 1 : 0; return;
  }
}

uint32_t array_index(const JavaArray* a, int64_t i) {
  if (i < 0 || i >= a->length)
    throw_error(ErrorKind::ArrayIndexOutOfBoundsException,
                fmt::format("Index {} out of bounds for length {}", i, a->length));
  return static_cast<uint32_t>(i);
}

Value java_array_seq(Heap& h, JavaArray* a) {
  if (a->length == 0) return Value::nil();
  return Value::object(h.make<JavaArraySeq>(a, 0u));
}

Value java_array_seq_first(Heap& h, const JavaArraySeq* s) { return array_load(h, s->arr, s->i); }

Value java_array_seq_next(Heap& h, const JavaArraySeq* s) {
  if (s->i + 1 >= s->arr->length) return Value::nil();
  return Value::object(h.make<JavaArraySeq>(s->arr, s->i + 1));
}

const char* java_array_seq_class_name(const JavaArraySeq* s) {
  switch (s->arr->kind) {
    case ArrayKind::Object: return "clojure.lang.ArraySeq";
    case ArrayKind::Long: return "clojure.lang.ArraySeq$ArraySeq_long";
    case ArrayKind::Int: return "clojure.lang.ArraySeq$ArraySeq_int";
    case ArrayKind::Double: return "clojure.lang.ArraySeq$ArraySeq_double";
    case ArrayKind::Float: return "clojure.lang.ArraySeq$ArraySeq_float";
    case ArrayKind::Short: return "clojure.lang.ArraySeq$ArraySeq_short";
    case ArrayKind::Byte: return "clojure.lang.ArraySeq$ArraySeq_byte";
    case ArrayKind::Char: return "clojure.lang.ArraySeq$ArraySeq_char";
    case ArrayKind::Boolean: return "clojure.lang.ArraySeq$ArraySeq_boolean";
  }
  return "clojure.lang.ArraySeq";
}

namespace {

// Java's identityHashCode stand-in, as the printer's for other #object values.
uint32_t array_identity(const Obj* o) {
  auto p = reinterpret_cast<uintptr_t>(o);
  return static_cast<uint32_t>((p >> 4) ^ (p >> 36));
}

// Object.toString of an array: "[J@1b2c3d4".
std::string array_ident(const JavaArray* a) { return fmt::format("{}@{:x}", a->class_name(), array_identity(a)); }

void str_array(PrintContext& p, Value v) { p.out += array_ident(static_cast<JavaArray*>(v.as_obj())); }

// #object["[J" 0x1b2c3d4 "[J@1b2c3d4"], as Clojure's print-tagged-object prints an array
// (the class name as a string, since it is not a symbol); unquoted by print/str.
void print_array(PrintContext& p, Value v) {
  auto* a = static_cast<JavaArray*>(v.as_obj());
  std::string ident = array_ident(a);
  if (p.readably)
    p.out += fmt::format("#object[\"{}\" 0x{:x} \"{}\"]", a->class_name(), array_identity(a), ident);
  else
    p.out += fmt::format("#object[{} 0x{:x} {}]", a->class_name(), array_identity(a), ident);
}

}  // namespace

void register_array_types(TypeInfo* table) {
  TypeInfo& a = register_type<JavaArray>(table);
  a.class_name = [](const Obj* o) { return static_cast<const JavaArray*>(o)->class_name(); };
  a.seq = [](State& vm, Obj* o) { return java_array_seq(vm.heap, static_cast<JavaArray*>(o)); };
  a.count = [](State&, Obj* o) { return static_cast<int64_t>(static_cast<JavaArray*>(o)->length); };
  a.nth = [](State& vm, Obj* o, int64_t i, Value not_found, bool has_default) {
    // RT.nthFrom: Array.get, whose ArrayIndexOutOfBoundsException has no message.
    auto* x = static_cast<JavaArray*>(o);
    if (i >= 0 && i < x->length) return array_load(vm.heap, x, static_cast<uint32_t>(i));
    if (has_default) return not_found;
    throw_error(ErrorKind::ArrayIndexOutOfBoundsException, "");
  };
  a.lookup = [](State& vm, Obj* o, Value key, Value not_found) {
    // RT.get: any numeric key, as Number.intValue.
    if (!is_number(key)) return not_found;
    int64_t i = number_int_value(key);
    auto* x = static_cast<JavaArray*>(o);
    return (i >= 0 && i < x->length) ? array_load(vm.heap, x, static_cast<uint32_t>(i)) : not_found;
  };
  a.contains = [](State&, Obj* o, Value key) {
    // RT.contains: a numeric key (intValue, so 1.5 is 1) within the bounds; other keys throw.
    auto* x = static_cast<JavaArray*>(o);
    if (!is_number(key))
      throw_error(ErrorKind::IllegalArgumentException,
                  std::string("contains? not supported on type: ") + x->class_name());
    double d = to_double(key);
    return d > -1 && d < static_cast<double>(x->length);
  };

  TypeInfo& s = register_type<JavaArraySeq>(table);
  s.class_name = [](const Obj* o) { return java_array_seq_class_name(static_cast<const JavaArraySeq*>(o)); };
  s.first = [](State& vm, Obj* o) { return java_array_seq_first(vm.heap, static_cast<JavaArraySeq*>(o)); };
  s.next = [](State& vm, Obj* o) { return java_array_seq_next(vm.heap, static_cast<JavaArraySeq*>(o)); };
  s.count = [](State&, Obj* o) { return static_cast<JavaArraySeq*>(o)->count(); };
  s.nth = [](State& vm, Obj* o, int64_t i, Value not_found, bool has_default) {
    auto* x = static_cast<JavaArraySeq*>(o);
    if (i >= 0 && i < x->count()) return array_load(vm.heap, x->arr, static_cast<uint32_t>(x->i + i));
    if (has_default) return not_found;
    throw_error(ErrorKind::IndexOutOfBoundsException, "");
  };
  s.meta = [](Obj* o) { return static_cast<JavaArraySeq*>(o)->meta; };
  s.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<JavaArraySeq*>(o);
    JavaArraySeq* r = vm.heap.make<JavaArraySeq>(x->arr, x->i);
    r->meta = m;
    return Value::object(r);
  };
}

void register_array_printers(TypeInfo* table) { set_print_hooks(table, ObjType::JavaArray, print_array, str_array); }

}  // namespace clove
