// marshal.cpp: clove.marshal, values to bytes and back (SPEC E7; image/marshal.h does
// the work). Bytes are a Java-style byte array (byte-array, aget, alength work on it).
#include <fmt/format.h>

#include "image/marshal.h"
#include "natives/args.h"
#include "runtime/host/array.h"
#include "runtime/num/number.h"

namespace clove {

namespace {

Value m_marshal(State& vm, Args a) {
  std::string bytes = marshal(vm, a[0]);
  JavaArray* arr = make_java_array(vm, ArrayKind::Byte, static_cast<int64_t>(bytes.size()));
  std::memcpy(arr->bytes(), bytes.data(), bytes.size());
  return Value::object(arr);
}

Value m_unmarshal(State& vm, Args a) {
  const JavaArray* arr = as<JavaArray>(a[0]);
  if (!arr || arr->kind != ArrayKind::Byte)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("clove.marshal/unmarshal: class {} is not a byte array", value_type_name(a[0])));
  std::string_view bytes(reinterpret_cast<const char*>(arr->bytes()), arr->length);
  return unmarshal(vm, bytes);
}

}  // namespace

void install_marshal_natives(State& vm) {
  const char* M = "clove.marshal";
  vm.def_native(M, "marshal", m_marshal, 1, 1,
                "Returns a byte array holding v: any value, closures with their upvalues, atoms, vars and "
                "namespaces (by name), records, lazy seqs with their thunks; objects reached twice are written "
                "once, so shared structure and cycles through atoms, delays or closures come back as they were. "
                "Natives are written by name. IllegalArgumentException naming the value for what cannot be "
                "written: a native without a registered name, a host object, a transient, a fiber, an open "
                "file or stream. Format: docs/design/marshal.md.",
                "([v])");
  vm.def_native(M, "unmarshal", m_unmarshal, 1, 1,
                "Returns the value a byte array from marshal holds, made anew in this VM (vars and namespaces "
                "are found or created by name, natives found by name, record types found by name when this VM "
                "defines them with the same fields). Bytecode is verified before any function of it exists. "
                "IllegalArgumentException \"unmarshal: ... at byte N\" for bytes that are not such data.",
                "([bytes])");
}

}  // namespace clove
