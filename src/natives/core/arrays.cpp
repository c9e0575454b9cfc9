// arrays.cpp: clojure.core's Java-array functions over runtime/host/array.h: the
// constructors (object-array long-array ... make-array into-array to-array
// to-array-2d), aget aset aset-int ... alength aclone, and the casts (ints longs ...).
// amap and areduce are macros in src/lib/07_core_arrays.clj.
//
// Errors follow what JVM Clojure 1.11 reports for each form. A direct (aget a i) /
// (aset a i v) is compiled inline on the JVM to a reflective call of RT.aget/RT.aset, so
// a wrong array or value type reads "No matching method aset found taking 3 args"; the
// innermost level of a multi-index call goes through java.lang.reflect.Array instead
// ("Argument is not an array", "argument type mismatch"), and so does aset-int & co.
#include <cfloat>
#include <cmath>
#include <cstring>
#include <vector>

#include <gmp.h>

#include "runtime/host/array.h"
#include "runtime/num/bignum.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/host_class.h"
#include "natives/args.h"
#include "runtime/print/print.h"
#include "runtime/lang/record.h"

namespace clove {

namespace {

[[noreturn]] void illegal_arg(const std::string& msg) { throw_error(ErrorKind::IllegalArgumentException, msg); }

[[noreturn]] void cast_error(Value v, const char* to) {
  throw_error(ErrorKind::ClassCastException, fmt::format("class {} cannot be cast to class {}", value_type_name(v), to));
}

// ---- Java's numeric conversions (Number.longValue & co., and RT's checked casts) ----

Value check_number(Value v) {
  if (v.is_nil()) throw_error(ErrorKind::NullPointerException, "");
  if (!is_number(v)) cast_error(v, "java.lang.Number");
  return v;
}

// Number.longValue / intValue (number.h), after the checks Java's casts make.
int64_t long_value(Value v) { return number_long_value(check_number(v)); }
int32_t int_value(Value v) { return number_int_value(check_number(v)); }
double double_value(Value v) { return to_double(check_number(v)); }

// RT.intCast (clojure.core/int): chars give their code; ArithmeticException when the
// value does not fit.
int64_t int_cast(Value v) {
  if (v.is_char()) return v.as_char();
  if (v.is_nil()) throw_error(ErrorKind::NullPointerException, "");
  if (!is_number(v)) cast_error(v, "java.lang.Character");
  double d = is_long(v) ? 0 : std::trunc(to_double(v));
  int64_t n = is_long(v) ? as_long(v) : (std::isnan(d) ? 0 : d2l(d));
  if (!is_long(v) && (d < INT32_MIN || d > INT32_MAX)) throw_error(ErrorKind::ArithmeticException, "integer overflow");
  if (n < INT32_MIN || n > INT32_MAX) throw_error(ErrorKind::ArithmeticException, "integer overflow");
  return n;
}

// RT.longCast.
int64_t long_cast(State& vm, Value v) {
  if (v.is_char()) return v.as_char();
  check_number(v);
  if (is_long(v)) return as_long(v);
  double d = to_double(v);
  if (std::isnan(d) || d >= 9223372036854775808.0 || d < -9223372036854775808.0)
    illegal_arg("Value out of range for long: " + str_of(vm, v));
  return static_cast<int64_t>(d);
}

// RT.shortCast / byteCast / charCast: the long value must fit.
int64_t ranged_cast(State& vm, Value v, int64_t lo, int64_t hi, const char* type) {
  int64_t n = long_cast(vm, v);
  if (n < lo || n > hi) illegal_arg(fmt::format("Value out of range for {}: {}", type, str_of(vm, v)));
  return n;
}

// RT.floatCast.
double float_cast(State& vm, Value v) {
  double d = double_value(v);
  if (d < -FLT_MAX || d > FLT_MAX) illegal_arg("Value out of range for float: " + str_of(vm, v));
  return d;
}

Value char_cast(State& vm, Value v) {
  if (v.is_char()) return v;
  return Value::character(static_cast<uint32_t>(ranged_cast(vm, v, 0, 0x10FFFF, "char")));
}

// ---- arguments ----

JavaArray* array_arg(Value v, const char* fn, int nargs) {
  JavaArray* a = as<JavaArray>(v);
  if (!a) illegal_arg(fmt::format("No matching method {} found taking {} args", fn, nargs));
  return a;
}

// An index as (int idx) makes it.
int64_t index_arg(Value v) { return int_cast(v); }

// The element kind named by a class value: Long/TYPE (the symbol long) and the other
// primitive types, else Object with *component set to the canonical class.
ArrayKind kind_of_class(State& vm, Value c, Value* component) {
  *component = Value::nil();
  if (c.is_nil()) throw_error(ErrorKind::NullPointerException, "");
  if (Symbol* s = as<Symbol>(c); s && !s->ns) {
    std::string_view n = s->name_view();
    for (ArrayKind k : {ArrayKind::Long, ArrayKind::Int, ArrayKind::Double, ArrayKind::Float, ArrayKind::Short,
                        ArrayKind::Byte, ArrayKind::Char, ArrayKind::Boolean})
      if (n == array_kind_name(k)) return k;
  }
  Value cc = canonical_class(vm, c);
  if (cc.is_nil()) cast_error(c, "java.lang.Class");
  *component = cc;
  return ArrayKind::Object;
}

// ---- stores ----

// RT.aset's overloads picked by reflection (a direct (aset a i v)): a long fits long[]
// and int[] (wrapped, as Long.intValue), a double fits double[], a Float or a double
// float[], a char char[], a boolean boolean[]. Clove also lets a long into
// short[]/byte[] (wrapped), having no Short or Byte values to pass instead.
// Object arrays take anything their component class admits (ArrayStoreException).
void inline_store(State& vm, JavaArray* a, uint32_t i, Value v) {
  bool ok = false;
  switch (a->kind) {
    case ArrayKind::Object:
      if (!v.is_nil() && !instance_of(vm, a->component, v)) throw_error(ErrorKind::ArrayStoreException, class_name_of(v));
      ok = true;
      break;
    case ArrayKind::Long:
    case ArrayKind::Int:
    case ArrayKind::Short:
    case ArrayKind::Byte: ok = is_long(v); break;
    case ArrayKind::Double: ok = v.is_double(); break;
    case ArrayKind::Float: ok = is_floating(v); break;
    case ArrayKind::Char: ok = v.is_char(); break;
    case ArrayKind::Boolean: ok = v.is_bool(); break;
  }
  if (!ok) illegal_arg("No matching method aset found taking 3 args");
  array_store_raw(vm.heap, a, i, v);
}

// The primitive type a value unboxes to for java.lang.reflect.Array.set.
enum class Prim : uint8_t { None, Long, Double, Char, Boolean, Int, Short, Byte, Float };

// Whether Java widens a primitive `from` to the element kind `to`.
bool widens(Prim from, ArrayKind to) {
  auto any = [to](std::initializer_list<ArrayKind> ks) {
    for (ArrayKind k : ks)
      if (k == to) return true;
    return false;
  };
  using K = ArrayKind;
  switch (from) {
    case Prim::Byte: return any({K::Byte, K::Short, K::Int, K::Long, K::Float, K::Double});
    case Prim::Short: return any({K::Short, K::Int, K::Long, K::Float, K::Double});
    case Prim::Char: return any({K::Char, K::Int, K::Long, K::Float, K::Double});
    case Prim::Int: return any({K::Int, K::Long, K::Float, K::Double});
    case Prim::Long: return any({K::Long, K::Float, K::Double});
    case Prim::Float: return any({K::Float, K::Double});
    case Prim::Double: return to == K::Double;
    case Prim::Boolean: return to == K::Boolean;
    case Prim::None: return false;
  }
  return false;
}

// Stores the primitive value v (of primitive type `from`) after widening it.
void store_widened(State& vm, JavaArray* a, uint32_t i, Value v, Prim from) {
  if (!widens(from, a->kind)) illegal_arg("argument type mismatch");
  Value w = v;
  switch (a->kind) {
    case ArrayKind::Long:
    case ArrayKind::Int:
    case ArrayKind::Short:
    case ArrayKind::Byte: w = v.is_char() ? Value::small_int(v.as_char()) : v; break;
    case ArrayKind::Float:
    case ArrayKind::Double:
      w = v.is_char() ? Value::from_double(v.as_char()) : Value::from_double(to_double(v));
      break;
    default: break;
  }
  array_store_raw(vm.heap, a, i, w);
}

Prim prim_of(Value v) {
  if (is_long(v)) return Prim::Long;
  if (v.is_double()) return Prim::Double;
  if (is_float(v)) return Prim::Float;
  if (v.is_char()) return Prim::Char;
  if (v.is_bool()) return Prim::Boolean;
  return Prim::None;
}

// java.lang.reflect.Array.set: unboxes and widens for primitive arrays; an Object array
// takes what its component class admits.
void reflect_store(State& vm, JavaArray* a, uint32_t i, Value v) {
  if (a->kind == ArrayKind::Object) {
    if (!v.is_nil() && !instance_of(vm, a->component, v)) illegal_arg("array element type mismatch");
    array_store_raw(vm.heap, a, i, v);
    return;
  }
  if (v.is_nil()) illegal_arg("");
  store_widened(vm, a, i, v, prim_of(v));
}

// The array Array.get/Array.set reach: an array, else "Argument is not an array".
JavaArray* reflect_array(Value v) {
  if (v.is_nil()) throw_error(ErrorKind::NullPointerException, "");
  JavaArray* a = as<JavaArray>(v);
  if (!a) illegal_arg("Argument is not an array");
  return a;
}

// Array.get/set index: out of bounds with no message.
uint32_t reflect_index(const JavaArray* a, Value idx) {
  int64_t i = index_arg(idx);
  if (i < 0 || i >= a->length) throw_error(ErrorKind::ArrayIndexOutOfBoundsException, "");
  return static_cast<uint32_t>(i);
}

// ---- aget aset alength aclone ----

Value a_aget(State& vm, Args a) {
  // Every level but the last as the inlined RT.aget, the last as Array.get.
  JavaArray* arr = array_arg(a[0], "aget", 2);
  Value cur = array_load(vm.heap, arr, array_index(arr, index_arg(a[1])));
  for (int k = 2; k < a.size(); ++k) {
    if (k == a.size() - 1) {
      JavaArray* inner = reflect_array(cur);
      return array_load(vm.heap, inner, reflect_index(inner, a[k]));
    }
    JavaArray* inner = array_arg(cur, "aget", 2);
    cur = array_load(vm.heap, inner, array_index(inner, index_arg(a[k])));
  }
  return cur;
}

Value a_aset(State& vm, Args a) {
  Value val = a[a.size() - 1];
  if (a.size() == 3) {
    // RT.aset returns the value stored: (aset int-arr 0 10000000000) gives 1410065408.
    JavaArray* arr = array_arg(a[0], "aset", 3);
    uint32_t i = array_index(arr, index_arg(a[1]));
    inline_store(vm, arr, i, val);
    return arr->kind == ArrayKind::Object ? val : array_load(vm.heap, arr, i);
  }
  // (aset a i j ... v): every level but the last as the inlined RT.aget, the store as
  // Array.set.
  Value cur = a[0];
  for (int k = 1; k < a.size() - 2; ++k) {
    JavaArray* arr = array_arg(cur, "aget", 2);
    cur = array_load(vm.heap, arr, array_index(arr, index_arg(a[k])));
  }
  JavaArray* inner = reflect_array(cur);
  reflect_store(vm, inner, reflect_index(inner, a[a.size() - 2]), val);
  return val;
}

// aset-int & co.: (Array/setInt arr i (int v)), returning v. The coercion runs first;
// the store widens as Java does and rejects Object arrays.
template <Prim P>
Value a_aset_typed(State& vm, Args a) {
  Value val = a[a.size() - 1];
  Value coerced;
  switch (P) {
    case Prim::Int: coerced = Value::small_int(int_cast(val)); break;
    case Prim::Long: coerced = make_long(vm.heap, long_cast(vm, val)); break;
    case Prim::Double: coerced = Value::from_double(double_value(val)); break;
    case Prim::Float: coerced = make_float(vm.heap, d2f(float_cast(vm, val))); break;
    case Prim::Short: coerced = Value::small_int(ranged_cast(vm, val, -32768, 32767, "short")); break;
    case Prim::Byte: coerced = Value::small_int(ranged_cast(vm, val, -128, 127, "byte")); break;
    case Prim::Char: coerced = char_cast(vm, val); break;
    case Prim::Boolean: coerced = Value::boolean(val.truthy()); break;
    case Prim::None: break;
  }
  Value cur = a[0];
  for (int k = 1; k < a.size() - 2; ++k) {
    JavaArray* arr = array_arg(cur, "aget", 2);
    cur = array_load(vm.heap, arr, array_index(arr, index_arg(a[k])));
  }
  JavaArray* arr = reflect_array(cur);
  if (arr->kind == ArrayKind::Object) illegal_arg("Argument is not an array of primitive type");
  uint32_t i = reflect_index(arr, a[a.size() - 2]);
  store_widened(vm, arr, i, coerced, P);
  return val;
}

Value a_alength(State&, Args a) { return Value::small_int(array_arg(a[0], "alength", 1)->length); }

Value a_aclone(State& vm, Args a) {
  JavaArray* src = array_arg(a[0], "aclone", 1);
  JavaArray* dst = make_java_array(vm, src->kind, src->length, src->component);
  std::memcpy(dst->bytes(), src->bytes(), src->length * array_elem_size(src->kind));
  return Value::object(dst);
}

// ---- construction ----

// The items of a seqable, the head rooted while a lazy seq is realized.
std::vector<Value> seq_items(State& vm, Value coll) {
  std::vector<Value> items;
  RootScope scope(vm.heap);
  scope.push(coll);
  size_t cur = scope.push(seq(vm, coll));
  while (!scope[cur].is_nil()) {
    items.push_back(first(vm, scope[cur]));
    scope[cur] = next(vm, scope[cur]);
  }
  return items;
}

// Stores one element of a primitive array built from a seq (RT.longArray & co.):
// Number.xxxValue for numbers, a Character for char arrays, a Boolean for booleans.
void store_from_number(State& vm, JavaArray* arr, uint32_t i, Value x) {
  switch (arr->kind) {
    case ArrayKind::Long: array_store_raw(vm.heap, arr, i, make_long(vm.heap, long_value(x))); return;
    case ArrayKind::Int:
    case ArrayKind::Short:
    case ArrayKind::Byte: array_store_raw(vm.heap, arr, i, Value::small_int(int_value(x))); return;
    case ArrayKind::Double:
    case ArrayKind::Float: array_store_raw(vm.heap, arr, i, Value::from_double(double_value(x))); return;
    case ArrayKind::Char:
      if (x.is_nil()) throw_error(ErrorKind::NullPointerException, "");
      if (!x.is_char()) cast_error(x, "java.lang.Character");
      array_store_raw(vm.heap, arr, i, x);
      return;
    case ArrayKind::Boolean:
      if (x.is_nil()) throw_error(ErrorKind::NullPointerException, "");
      if (!x.is_bool()) cast_error(x, "java.lang.Boolean");
      array_store_raw(vm.heap, arr, i, x);
      return;
    case ArrayKind::Object: array_store_raw(vm.heap, arr, i, x); return;
  }
}

// (long-array size-or-seq) / (long-array size init-val-or-seq), and the other kinds.
Value make_prim_array(State& vm, Args a, ArrayKind kind) {
  Value first_arg = a[0];
  if (a.size() == 1) {
    if (is_number(first_arg)) return Value::object(make_java_array(vm, kind, int_value(first_arg)));
    std::vector<Value> items = seq_items(vm, first_arg);
    RootScope scope(vm.heap);
    for (Value v : items) scope.push(v);
    JavaArray* arr = make_java_array(vm, kind, static_cast<int64_t>(items.size()));
    for (size_t i = 0; i < items.size(); ++i) store_from_number(vm, arr, static_cast<uint32_t>(i), items[i]);
    return Value::object(arr);
  }
  int32_t n = int_value(first_arg);
  Value init = a[1];
  bool fill = (kind == ArrayKind::Char) ? init.is_char()
              : (kind == ArrayKind::Boolean) ? init.is_bool()
                                             : is_number(init);
  if (fill) {
    JavaArray* arr = make_java_array(vm, kind, n);
    for (int32_t i = 0; i < n; ++i) store_from_number(vm, arr, static_cast<uint32_t>(i), init);
    return Value::object(arr);
  }
  std::vector<Value> items = seq_items(vm, init);
  RootScope scope(vm.heap);
  for (Value v : items) scope.push(v);
  JavaArray* arr = make_java_array(vm, kind, n);
  for (int64_t i = 0; i < n && i < static_cast<int64_t>(items.size()); ++i)
    store_from_number(vm, arr, static_cast<uint32_t>(i), items[i]);
  return Value::object(arr);
}

Value a_long_array(State& vm, Args a) { return make_prim_array(vm, a, ArrayKind::Long); }
Value a_int_array(State& vm, Args a) { return make_prim_array(vm, a, ArrayKind::Int); }
Value a_double_array(State& vm, Args a) { return make_prim_array(vm, a, ArrayKind::Double); }
Value a_float_array(State& vm, Args a) { return make_prim_array(vm, a, ArrayKind::Float); }
Value a_short_array(State& vm, Args a) { return make_prim_array(vm, a, ArrayKind::Short); }
Value a_byte_array(State& vm, Args a) { return make_prim_array(vm, a, ArrayKind::Byte); }
Value a_char_array(State& vm, Args a) { return make_prim_array(vm, a, ArrayKind::Char); }
Value a_boolean_array(State& vm, Args a) { return make_prim_array(vm, a, ArrayKind::Boolean); }

// An Object array (of class `component`, nil for Object) holding items.
JavaArray* object_array_of(State& vm, const std::vector<Value>& items, Value component = Value::nil()) {
  RootScope scope(vm.heap);
  for (Value v : items) scope.push(v);
  JavaArray* arr = make_java_array(vm, ArrayKind::Object, static_cast<int64_t>(items.size()), component);
  for (size_t i = 0; i < items.size(); ++i) arr->values()[i] = items[i];  // fresh: no barrier
  return arr;
}

Value a_object_array(State& vm, Args a) {
  if (is_number(a[0])) return Value::object(make_java_array(vm, ArrayKind::Object, int_value(a[0])));
  return Value::object(object_array_of(vm, seq_items(vm, a[0])));
}

// Whether RT.toArray converts v: nil, collections, strings, maps, arrays.
bool to_array_able(Value v) {
  return v.is_nil() || is<String>(v) || is<JavaArray>(v) || is_coll(v);
}

// RT.toArray: an Object array (of any component class) is returned as is.
Value to_array(State& vm, Value v) {
  if (JavaArray* arr = as<JavaArray>(v); arr && arr->kind == ArrayKind::Object) return v;
  if (!to_array_able(v))
    throw_error(ErrorKind::RuntimeException, fmt::format("Unable to convert: class {} to Object[]", value_type_name(v)));
  return Value::object(object_array_of(vm, seq_items(vm, v)));
}

Value a_to_array(State& vm, Args a) { return to_array(vm, a[0]); }

Value a_to_array_2d(State& vm, Args a) {
  // (to-array-2d ^java.util.Collection coll): maps and strings are not Collections.
  Value coll = a[0];
  if (coll.is_nil()) throw_error(ErrorKind::NullPointerException, "");
  if (!is_coll(coll) || is_map(coll) || is_record(coll)) cast_error(coll, "java.util.Collection");
  std::vector<Value> items = seq_items(vm, coll);
  RootScope scope(vm.heap);
  for (Value v : items) scope.push(v);
  Value row_class = Value::object(vm.names.symbol({}, "[Ljava.lang.Object;"));
  size_t rows = scope.push(Value::object(make_java_array(vm, ArrayKind::Object, static_cast<int64_t>(items.size()), row_class)));
  for (size_t i = 0; i < items.size(); ++i) {
    Value row = to_array(vm, items[i]);
    auto* arr = static_cast<JavaArray*>(scope[rows].as_obj());
    inline_store(vm, arr, static_cast<uint32_t>(i), row);
  }
  return scope[rows];
}

// (into-array aseq) / (into-array type aseq): RT.seqToTypedArray.
Value a_into_array(State& vm, Args a) {
  Value type_arg = a.size() == 2 ? a[0] : Value::nil();
  std::vector<Value> items = seq_items(vm, a[a.size() - 1]);
  RootScope scope(vm.heap);
  for (Value v : items) scope.push(v);
  ArrayKind kind = ArrayKind::Object;
  Value component = Value::nil();
  if (a.size() == 2) {
    kind = kind_of_class(vm, type_arg, &component);
  } else if (!items.empty() && !items[0].is_nil()) {
    component = class_of(vm, items[0]);  // the first element's class
  }
  scope.push(component);
  size_t slot = scope.push(Value::object(make_java_array(vm, kind, static_cast<int64_t>(items.size()), component)));
  for (size_t i = 0; i < items.size(); ++i) {
    auto* arr = static_cast<JavaArray*>(scope[slot].as_obj());
    Value x = items[i];
    auto idx = static_cast<uint32_t>(i);
    switch (kind) {
      case ArrayKind::Int: array_store_raw(vm.heap, arr, idx, Value::small_int(int_cast(x))); break;
      case ArrayKind::Short: array_store_raw(vm.heap, arr, idx, Value::small_int(ranged_cast(vm, x, -32768, 32767, "short"))); break;
      case ArrayKind::Byte: array_store_raw(vm.heap, arr, idx, Value::small_int(ranged_cast(vm, x, -128, 127, "byte"))); break;
      case ArrayKind::Float: array_store_raw(vm.heap, arr, idx, Value::from_double(float_cast(vm, x))); break;
      case ArrayKind::Char: array_store_raw(vm.heap, arr, idx, char_cast(vm, x)); break;
      default: reflect_store(vm, arr, idx, x); break;
    }
  }
  return scope[slot];
}

// Array.newInstance(type, dims...): every level allocated.
Value new_multi(State& vm, ArrayKind kind, Value component, const std::vector<int64_t>& dims, size_t level) {
  if (level + 1 == dims.size()) return Value::object(make_java_array(vm, kind, dims[level], component));
  // The first row gives the class of one level down, e.g. [J under [[J.
  RootScope scope(vm.heap);
  size_t probe = scope.push(new_multi(vm, kind, component, dims, level + 1));
  Value inner_class = class_of(vm, scope[probe]);
  size_t outer = scope.push(Value::object(make_java_array(vm, ArrayKind::Object, dims[level], inner_class)));
  for (int64_t i = 0; i < dims[level]; ++i) {
    Value row = i == 0 ? scope[probe] : new_multi(vm, kind, component, dims, level + 1);
    auto* arr = static_cast<JavaArray*>(scope[outer].as_obj());
    arr->values()[i] = row;
    vm.heap.barrier(arr, row);
  }
  return scope[outer];
}

Value a_make_array(State& vm, Args a) {
  Value component;
  ArrayKind kind = kind_of_class(vm, a[0], &component);
  std::vector<int64_t> dims;
  for (int i = 1; i < a.size(); ++i) dims.push_back(int_cast(a[i]));
  if (dims.size() > 255) illegal_arg("Dimensions exceed limit");  // as Array.newInstance
  for (int64_t d : dims)
    if (d < 0) throw_error(ErrorKind::NegativeArraySizeException, std::to_string(d));
  return new_multi(vm, kind, component, dims, 0);
}

// ---- casts ----

template <ArrayKind K>
Value a_cast(State&, Args a) {
  Value v = a[0];
  if (v.is_nil()) return v;
  JavaArray* arr = as<JavaArray>(v);
  if (!arr || arr->kind != K) {
    char want[3] = {'[', array_kind_letter(K), 0};
    cast_error(v, want);
  }
  return v;
}

Value a_arrayp(State&, Args a) { return Value::boolean(is<JavaArray>(a[0])); }

Value a_bytesp(State&, Args a) {
  JavaArray* arr = as<JavaArray>(a[0]);
  return Value::boolean(arr && arr->kind == ArrayKind::Byte);
}

void def_class_value(State& vm, std::string_view ns, std::string_view name, std::string_view cls) {
  Var* var = vm.intern(vm.find_or_create_ns(vm.sym(ns)), vm.sym(name));
  var->root = Value::object(vm.names.symbol({}, cls));
  var->bound = true;
  vm.heap.barrier(var, var->root);
}

}  // namespace

void install_array_natives(State& vm) {
  const char* C = "clojure.core";
  // The primitive classes, as `long`-like symbols (java.lang.Long/TYPE is the class long).
  def_class_value(vm, "Long", "TYPE", "long");
  def_class_value(vm, "Integer", "TYPE", "int");
  def_class_value(vm, "Double", "TYPE", "double");
  def_class_value(vm, "Float", "TYPE", "float");
  def_class_value(vm, "Short", "TYPE", "short");
  def_class_value(vm, "Byte", "TYPE", "byte");
  def_class_value(vm, "Character", "TYPE", "char");
  def_class_value(vm, "Boolean", "TYPE", "boolean");

  static const char* kSizeOrSeq = "([size-or-seq] [size init-val-or-seq])";
  vm.def_native(C, "long-array", a_long_array, 1, 2,
                "Makes a long array. Given a number, an array of that many 0s; given a seq, an "
                "array of its elements (each a Number, as by .longValue, so doubles truncate). "
                "(long-array size init) fills the array with init if it is a number, else copies "
                "up to size elements of the seq init. Throws NegativeArraySizeException for a "
                "negative size.", kSizeOrSeq);
  vm.def_native(C, "int-array", a_int_array, 1, 2,
                "Makes an int array (its elements read back as longs in Clove), with the same "
                "argument shapes as long-array; elements convert as Number.intValue (longs wrap "
                "to 32 bits).", kSizeOrSeq);
  vm.def_native(C, "double-array", a_double_array, 1, 2,
                "Makes a double array, with the same argument shapes as long-array.", kSizeOrSeq);
  vm.def_native(C, "float-array", a_float_array, 1, 2,
                "Makes a float array (its elements read back as doubles in Clove), with the same "
                "argument shapes as long-array.", kSizeOrSeq);
  vm.def_native(C, "short-array", a_short_array, 1, 2,
                "Makes a short array (its elements read back as longs), with the same argument "
                "shapes as long-array; elements wrap to 16 bits.", kSizeOrSeq);
  vm.def_native(C, "byte-array", a_byte_array, 1, 2,
                "Makes a byte array (its elements read back as longs), with the same argument "
                "shapes as long-array; elements wrap to 8 bits.", kSizeOrSeq);
  vm.def_native(C, "char-array", a_char_array, 1, 2,
                "Makes a char array, with the same argument shapes as long-array; the elements "
                "(or init) must be characters, e.g. (char-array \"abc\"). In Clove each element "
                "is a Unicode code point.", kSizeOrSeq);
  vm.def_native(C, "boolean-array", a_boolean_array, 1, 2,
                "Makes a boolean array, with the same argument shapes as long-array; the elements "
                "(or init) must be booleans.", kSizeOrSeq);
  vm.def_native(C, "object-array", a_object_array, 1, 1,
                "Makes an Object array: given a number, that many nils; given a seqable, its "
                "elements.", "([size-or-seq])");
  vm.def_native(C, "make-array", a_make_array, 2, -1,
                "Allocates an array whose elements have the given class: a class value (String, "
                "Object, a record class) or a primitive type (Long/TYPE, Integer/TYPE, "
                "Double/TYPE, ...), filled with nil, zero or false. Several dimensions give an "
                "array of arrays, every level allocated. Throws NegativeArraySizeException for a "
                "negative dimension.", "([type len] [type dim & more-dims])");
  vm.def_native(C, "into-array", a_into_array, 1, 2,
                "Copies the elements of aseq into a new array. Its element type is type when "
                "given, else the class of the first element, else Object; primitive types are "
                "written like Integer/TYPE. Throws IllegalArgumentException (\"array element type "
                "mismatch\") for an element that does not fit that type.", "([aseq] [type aseq])");
  vm.def_native(C, "to-array", a_to_array, 1, 1,
                "Copies the elements of coll (any collection, string, map, array, or nil) into a "
                "new Object array; an Object array is given back as it is. Throws "
                "RuntimeException for anything else.", "([coll])");
  vm.def_native(C, "to-array-2d", a_to_array_2d, 1, 1,
                "Turns a collection of collections into an Object array of Object arrays, one "
                "inner array per inner collection, each as long as that collection (so rows may "
                "differ in length).", "([coll])");
  vm.def_native(C, "aget", a_aget, 2, -1,
                "Reads the element at index (or, with several indices, follows nested arrays) of "
                "an array of any element type. Throws ArrayIndexOutOfBoundsException for an index "
                "out of bounds, IllegalArgumentException for a non-array.",
                "([array idx] [array idx & idxs])");
  vm.def_native(C, "aset", a_aset, 3, -1,
                "Stores val at the index (or at the last of several indices into nested arrays) "
                "and gives back val. Works on Object arrays and on primitive arrays: a long into "
                "long/int/short/byte arrays, a double into double/float arrays, a char or a "
                "boolean into arrays of those. IllegalArgumentException for other values, "
                "ArrayStoreException for a value of the wrong class in a typed Object array.",
                "([array idx val] [array idx idx2 & idxv])");
  vm.def_native(C, "aset-int", a_aset_typed<Prim::Int>, 3, -1,
                "Stores (int val) at the index/indices of an int array (or of an array of a wider "
                "primitive type) and gives back val.", "([array idx val] [array idx idx2 & idxv])");
  vm.def_native(C, "aset-long", a_aset_typed<Prim::Long>, 3, -1,
                "Stores (long val) at the index/indices of a long array (or of a float or double "
                "array) and gives back val.", "([array idx val] [array idx idx2 & idxv])");
  vm.def_native(C, "aset-double", a_aset_typed<Prim::Double>, 3, -1,
                "Stores (double val) at the index/indices of a double array and gives back val.",
                "([array idx val] [array idx idx2 & idxv])");
  vm.def_native(C, "aset-float", a_aset_typed<Prim::Float>, 3, -1,
                "Stores (float val) at the index/indices of a float array (or of a double array) "
                "and gives back val.", "([array idx val] [array idx idx2 & idxv])");
  vm.def_native(C, "aset-short", a_aset_typed<Prim::Short>, 3, -1,
                "Stores (short val) at the index/indices of a short array (or of an array of a "
                "wider type) and gives back val.", "([array idx val] [array idx idx2 & idxv])");
  vm.def_native(C, "aset-byte", a_aset_typed<Prim::Byte>, 3, -1,
                "Stores (byte val) at the index/indices of a byte array (or of an array of a "
                "wider type) and gives back val.", "([array idx val] [array idx idx2 & idxv])");
  vm.def_native(C, "aset-char", a_aset_typed<Prim::Char>, 3, -1,
                "Stores (char val) at the index/indices of a char array (or of an int, long, "
                "float or double array) and gives back val.",
                "([array idx val] [array idx idx2 & idxv])");
  vm.def_native(C, "aset-boolean", a_aset_typed<Prim::Boolean>, 3, -1,
                "Stores (boolean val) at the index/indices of a boolean array and gives back val.",
                "([array idx val] [array idx idx2 & idxv])");
  vm.def_native(C, "alength", a_alength, 1, 1,
                "Gives the number of elements of an array, whatever its element type.",
                "([array])");
  vm.def_native(C, "aclone", a_aclone, 1, 1,
                "Makes a shallow copy of an array, of the same array class and length.",
                "([array])");
  vm.def_native(C, "ints", a_cast<ArrayKind::Int>, 1, 1,
                "Type hint for int[]: gives an int array (or nil) back unchanged and throws "
                "ClassCastException for anything else.", "([xs])");
  vm.def_native(C, "longs", a_cast<ArrayKind::Long>, 1, 1,
                "Type hint for long[]: gives a long array (or nil) back unchanged and throws "
                "ClassCastException for anything else.", "([xs])");
  vm.def_native(C, "doubles", a_cast<ArrayKind::Double>, 1, 1,
                "Type hint for double[]: gives a double array (or nil) back unchanged and throws "
                "ClassCastException for anything else.", "([xs])");
  vm.def_native(C, "floats", a_cast<ArrayKind::Float>, 1, 1,
                "Type hint for float[]: gives a float array (or nil) back unchanged and throws "
                "ClassCastException for anything else.", "([xs])");
  vm.def_native(C, "shorts", a_cast<ArrayKind::Short>, 1, 1,
                "Type hint for short[]: gives a short array (or nil) back unchanged and throws "
                "ClassCastException for anything else.", "([xs])");
  vm.def_native(C, "bytes", a_cast<ArrayKind::Byte>, 1, 1,
                "Type hint for byte[]: gives a byte array (or nil) back unchanged and throws "
                "ClassCastException for anything else.", "([xs])");
  vm.def_native(C, "chars", a_cast<ArrayKind::Char>, 1, 1,
                "Type hint for char[]: gives a char array (or nil) back unchanged and throws "
                "ClassCastException for anything else.", "([xs])");
  vm.def_native(C, "booleans", a_cast<ArrayKind::Boolean>, 1, 1,
                "Type hint for boolean[]: gives a boolean array (or nil) back unchanged and "
                "throws ClassCastException for anything else.", "([xs])");
  vm.def_native(C, "-array?", a_arrayp, 1, 1, "Whether x is a Java array (of any element type).", "([x])");
  vm.def_native(C, "bytes?", a_bytesp, 1, 1, "True when x is an array of bytes.", "([x])");
}

}  // namespace clove
