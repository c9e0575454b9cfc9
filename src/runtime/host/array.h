// array.h: Java arrays (JavaArray) and the seqs over them (JavaArraySeq).
//
// One mutable object type for every Java array: an element kind (Object, long, int,
// double, float, short, byte, char, boolean), a length fixed at creation and the
// elements stored after the header in their Java width (8 bytes per long, 1 per byte,
// a Value per Object element). Only Object arrays hold Values, so only they are traced;
// every store into one goes through the write barrier (array_store).
//
// The JVM name of an array's class ("[J", "[Ljava.lang.String;", "[[I") is kept on the
// array as an interned symbol; its class value is the JavaClass of that name
// (host_class.h's class_of). An Object array also keeps its component class (the class
// value: java.lang.String, a RecordType, or [I for arrays of arrays), which stores are
// checked against (ArrayStoreException) as the JVM does.
//
// Reading an element boxes it as Clove's numbers do: every integer kind reads as a long,
// float and double as a double (a float is widened through its shortest decimal text, so
// (aget (float-array [0.1]) 0) prints 0.1 as on the JVM), char as a character. A char
// element holds a Unicode code point (Clove's characters), not a UTF-16 unit.
//
// (seq arr) is a JavaArraySeq: a view of the array from an index (clojure.lang.ArraySeq,
// ArraySeq$ArraySeq_long, ...), so later stores into the array show through it, as in
// Clojure. docs/design/arrays.md has the design.
#pragma once
#include <cstddef>
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"
#include "runtime/text/string.h"

namespace clove {

class State;

enum class ArrayKind : uint8_t { Object, Long, Int, Double, Float, Short, Byte, Char, Boolean };

/// Bytes per element of a kind.
size_t array_elem_size(ArrayKind k);
/// The JVM descriptor letter of a primitive kind ('J' for long); 0 for Object.
char array_kind_letter(ArrayKind k);
/// The Java name of a primitive kind ("long"); "java.lang.Object" for Object.
const char* array_kind_name(ArrayKind k);

struct JavaArray : Obj {
  static constexpr ObjType kType = ObjType::JavaArray;
  ArrayKind kind;
  uint32_t length;
  Symbol* cls;      // the name of the array's class, e.g. [J
  Value component;  // Object arrays: the component class value; nil for primitive kinds
  JavaArray(ArrayKind k, uint32_t n, Symbol* c, Value comp)
      : Obj(kType), kind(k), length(n), cls(c), component(comp) {}
  unsigned char* bytes() { return reinterpret_cast<unsigned char*>(this + 1); }
  const unsigned char* bytes() const { return reinterpret_cast<const unsigned char*>(this + 1); }
  Value* values() { return reinterpret_cast<Value*>(this + 1); }
  const char* class_name() const { return cls->name->data(); }
  void trace(Tracer& t) {
    t.mark(cls);
    t.mark(component);
    if (kind == ArrayKind::Object)
      for (uint32_t i = 0; i < length; ++i) t.mark(values()[i]);
  }
  size_t byte_size() const { return sizeof(JavaArray) + length * array_elem_size(kind); }
};

/// A seq over arr from index i (i < arr->length): reads the array on every first.
struct JavaArraySeq : Obj {
  static constexpr ObjType kType = ObjType::JavaArraySeq;
  JavaArray* arr;
  uint32_t i;
  Value meta;
  JavaArraySeq(JavaArray* a, uint32_t idx) : Obj(kType), arr(a), i(idx) {}
  int64_t count() const { return static_cast<int64_t>(arr->length) - i; }
  void trace(Tracer& t) {
    t.mark(arr);
    t.mark(meta);
  }
};

/// The interned class symbol of an array of `kind` whose component class is named
/// `component_name` (used for Object arrays only): "[J", "[Ljava.lang.String;", "[[J".
Symbol* array_class_symbol(State& vm, ArrayKind kind, std::string_view component_name);
/// A new array of n elements, all 0 / 0.0 / false / \u0000 / nil. `component` is the
/// component class value for Object arrays (nil means java.lang.Object; a symbol naming
/// a class stands for that class). Throws
/// NegativeArraySizeException for n < 0, OutOfMemoryError for more than 2 GiB.
JavaArray* make_java_array(State& vm, ArrayKind kind, int64_t n, Value component = Value::nil());
/// Element i (0 <= i < length) as a Clove value.
Value array_load(Heap& h, const JavaArray* a, uint32_t i);
/// Stores an already-converted value: for primitive kinds v must be a long (integer
/// kinds, wrapped to the width), a double (double; float, narrowed), a Float (float), a
/// char or a boolean.
/// For Object arrays runs the write barrier.
void array_store_raw(Heap& h, JavaArray* a, uint32_t i, Value v);
/// Checks 0 <= i < length; ArrayIndexOutOfBoundsException "Index 5 out of bounds for
/// length 3" otherwise.
uint32_t array_index(const JavaArray* a, int64_t i);

/// (seq arr): nil when empty.
Value java_array_seq(Heap& h, JavaArray* a);
Value java_array_seq_first(Heap& h, const JavaArraySeq* s);
Value java_array_seq_next(Heap& h, const JavaArraySeq* s);
/// The class name of a seq over an array: clojure.lang.ArraySeq, ArraySeq$ArraySeq_long...
const char* java_array_seq_class_name(const JavaArraySeq* s);

/// Registers JavaArray and JavaArraySeq with the type table: their per-instance class
/// names, and the collection operations Clojure's RT gives arrays (seq count nth get
/// contains?) and their seqs (a counted, indexed seq with metadata).
void register_array_types(TypeInfo* table);
/// Registers, in the per-type table, how arrays print (#object["[J" 0x.. "[J@.."]) and
/// str ("[J@.."); called from type_info's init.
void register_array_printers(TypeInfo* table);

}  // namespace clove
