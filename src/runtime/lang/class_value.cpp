// class_value.cpp: the JavaClass object type (class_value.h).
#include "runtime/lang/class_value.h"

#include "core/murmur3.h"
#include "core/print_context.h"
#include "core/type_table.h"
#include "runtime/lang/host_class.h"
#include "runtime/lang/record.h"

namespace clove {

bool is_class_value(Value v) { return is<JavaClass>(v) || is<RecordType>(v); }

std::string_view class_value_name(Value c) {
  if (JavaClass* j = as<JavaClass>(c)) return j->name_view();
  if (RecordType* rt = as<RecordType>(c)) return rt->name->name_view();
  return {};
}

void register_class_value_type(TypeInfo* table) {
  register_type<JavaClass>(table).hash = [](State&, Obj* o) {
    // Java's String.hashCode of the name, mixed: stable across runs and images.
    uint32_t h = 0;
    for (char ch : static_cast<JavaClass*>(o)->name_view()) h = 31 * h + static_cast<unsigned char>(ch);
    return murmur3::hash_int(static_cast<int32_t>(h)) ^ 0x2c1b3c6du;
  };
}

namespace {

void print_class(PrintContext& p, Value v) { p.out += class_value_name(v); }
// Class.toString.
void str_class(PrintContext& p, Value v) {
  const JavaClass* j = as<JavaClass>(v);
  p.out += j && class_is_interface(j) ? "interface " : "class ";
  p.out += class_value_name(v);
}

}  // namespace

void register_class_value_printers(TypeInfo* table) {
  set_print_hooks(table, ObjType::JavaClass, print_class, str_class);
  set_print_hooks(table, ObjType::RecordType, print_class, str_class);
}

}  // namespace clove
