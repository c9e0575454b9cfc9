// ffi.cpp: clove.ffi, calling C functions in shared libraries through libffi (SPEC E6).
//
//   (require '[clove.ffi :as ffi])
//   (def c-sqrt (ffi/fn "libm.so.6" "sqrt" :double [:double]))
//   (c-sqrt 2.0)                              ;=> 1.4142135623730951
//   (def c-div (ffi/fn nil "div" [:struct :int :int] [:int :int]))
//   (c-div 7 2)                               ;=> [3 1]
//
// ffi/fn opens the library (dlopen; nil: the symbols already in the process, libc
// among them), finds the symbol (dlsym), prepares a libffi call interface from the
// type keywords and returns a Clove function that converts its arguments, calls and
// converts the result. The library handles and call descriptors live as long as the
// VM (State::resources["clove.ffi"]). Everything here needs the :ffi capability, checked when a
// function is made and at each call (a host may revoke it later).
//
// Types: :void (results only) :bool :char :int8 :uint8 :int16 :uint16 :int :int32
// :uint32 :long :int64 :uint64 :size :ssize :float :double; :string (a const char*:
// a Clove string passed as a NUL-terminated copy; a result is copied into a Clove
// string, nil for NULL); :pointer (an address as a long, nil for NULL; a primitive
// array passes its elements' memory, so C can fill a (byte-array n)); [:struct T...]
// (a struct by value, as a vector of its fields).
#include <dlfcn.h>
#include <ffi.h>

#include <cstring>
#include <deque>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "natives/args.h"
#include "runtime/coll/coll.h"
#include "runtime/host/array.h"
#include "runtime/lang/function.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "state/capability.h"

namespace clove {

namespace {

enum class Kind : uint8_t {
  Void, Bool, Char, Int8, UInt8, Int16, UInt16, Int32, UInt32, Int64, UInt64, Size, SSize, Float, Double, String,
  Pointer, Struct
};

/// One C type: its kind, libffi's description and, for a struct, its fields.
struct CType {
  Kind kind = Kind::Void;
  ffi_type* ffi = &ffi_type_void;
  std::vector<CType> fields;             // Struct
  std::vector<ffi_type*> field_ffi;      // Struct: the elements array (null-terminated)
  ffi_type struct_ffi{};                 // Struct: libffi's description
  std::vector<size_t> offsets;           // Struct: field offsets, from ffi_get_struct_offsets
};

struct FfiFunction {
  std::string name;  // "sqrt" (for messages)
  void* fn = nullptr;
  CType result;
  std::vector<CType> params;
  std::vector<ffi_type*> param_ffi;
  ffi_cif cif{};
};

struct Library {
  std::string path;
  void* handle = nullptr;
  ~Library() {
    if (handle) dlclose(handle);
  }
};

[[noreturn]] void bad(const std::string& msg) { throw_error(ErrorKind::IllegalArgumentException, msg); }

struct Simple {
  const char* name;
  Kind kind;
  ffi_type* ffi;
};
const Simple kSimple[] = {
    {"void", Kind::Void, &ffi_type_void},       {"bool", Kind::Bool, &ffi_type_uint8},
    {"char", Kind::Char, &ffi_type_schar},      {"int8", Kind::Int8, &ffi_type_sint8},
    {"uint8", Kind::UInt8, &ffi_type_uint8},    {"int16", Kind::Int16, &ffi_type_sint16},
    {"uint16", Kind::UInt16, &ffi_type_uint16}, {"int", Kind::Int32, &ffi_type_sint},
    {"int32", Kind::Int32, &ffi_type_sint32},   {"uint32", Kind::UInt32, &ffi_type_uint32},
    {"long", Kind::Int64, &ffi_type_slong},     {"int64", Kind::Int64, &ffi_type_sint64},
    {"uint64", Kind::UInt64, &ffi_type_uint64}, {"size", Kind::Size, &ffi_type_uint64},
    {"ssize", Kind::SSize, &ffi_type_sint64},   {"float", Kind::Float, &ffi_type_float},
    {"double", Kind::Double, &ffi_type_double}, {"string", Kind::String, &ffi_type_pointer},
    {"pointer", Kind::Pointer, &ffi_type_pointer},
};
static_assert(sizeof(size_t) == 8 && sizeof(long) == 8, "clove.ffi assumes an LP64 platform");

void parse_type(State& vm, Value spec, CType* out, bool result, int depth = 0) {
  if (Keyword* k = as<Keyword>(spec)) {
    for (const Simple& s : kSimple)
      if (k->sym->ns == nullptr && k->sym->name_view() == s.name) {
        if (s.kind == Kind::Void && !result) bad("clove.ffi: :void is only a result type");
        out->kind = s.kind;
        out->ffi = s.ffi;
        return;
      }
  } else if (is_vector(spec) && count(vm, spec) >= 2 && nth(vm, spec, 0) == Value::object(vm.kw("struct"))) {
    if (depth > 8) bad("clove.ffi: structs nested too deeply");
    out->kind = Kind::Struct;
    int64_t n = count(vm, spec);
    out->fields.resize(static_cast<size_t>(n - 1));
    for (int64_t i = 1; i < n; ++i) parse_type(vm, nth(vm, spec, i), &out->fields[static_cast<size_t>(i - 1)], false, depth + 1);
    for (CType& f : out->fields) out->field_ffi.push_back(f.ffi);
    out->field_ffi.push_back(nullptr);
    out->struct_ffi.type = FFI_TYPE_STRUCT;
    out->struct_ffi.elements = out->field_ffi.data();
    out->offsets.resize(out->fields.size());
    if (ffi_get_struct_offsets(FFI_DEFAULT_ABI, &out->struct_ffi, out->offsets.data()) != FFI_OK)
      bad("clove.ffi: libffi cannot lay out the struct " + pr_str(vm, spec));
    out->ffi = &out->struct_ffi;
    return;
  }
  bad(fmt::format("clove.ffi: unknown C type {} (expected :int :double :string :pointer ... or [:struct ...])",
                  pr_str(vm, spec)));
}

/// Storage for one argument's value (and what it points at, for strings).
struct ArgSlot {
  alignas(16) unsigned char bytes[16];
  std::vector<unsigned char> big;  // structs
  std::deque<std::string> texts;   // :string copies, one per string field (a deque: they never move)
  void* data() { return big.empty() ? bytes : big.data(); }
};

int64_t long_arg(State& vm, Value v, const FfiFunction& f, size_t i) {
  if (!is_long(v))
    throw_error(ErrorKind::ClassCastException, fmt::format("{}: argument {}: expected an integer, got {}", f.name, i + 1,
                                                           value_type_name(v)));
  return as_long(v);
}

void to_c(State& vm, const CType& t, Value v, void* dst, ArgSlot* slot, const FfiFunction& f, size_t i) {
  switch (t.kind) {
    case Kind::Void: break;
    case Kind::Bool: *static_cast<uint8_t*>(dst) = v.truthy(); break;
    case Kind::Char:
      *static_cast<int8_t*>(dst) = static_cast<int8_t>(v.is_char() ? v.as_char() : long_arg(vm, v, f, i));
      break;
    case Kind::Int8: *static_cast<int8_t*>(dst) = static_cast<int8_t>(long_arg(vm, v, f, i)); break;
    case Kind::UInt8: *static_cast<uint8_t*>(dst) = static_cast<uint8_t>(long_arg(vm, v, f, i)); break;
    case Kind::Int16: *static_cast<int16_t*>(dst) = static_cast<int16_t>(long_arg(vm, v, f, i)); break;
    case Kind::UInt16: *static_cast<uint16_t*>(dst) = static_cast<uint16_t>(long_arg(vm, v, f, i)); break;
    case Kind::Int32: *static_cast<int32_t*>(dst) = static_cast<int32_t>(long_arg(vm, v, f, i)); break;
    case Kind::UInt32: *static_cast<uint32_t*>(dst) = static_cast<uint32_t>(long_arg(vm, v, f, i)); break;
    case Kind::Int64:
    case Kind::SSize:
    case Kind::UInt64:
    case Kind::Size: *static_cast<int64_t*>(dst) = long_arg(vm, v, f, i); break;
    case Kind::Float:
    case Kind::Double: {
      if (!is_number(v))
        throw_error(ErrorKind::ClassCastException,
                    fmt::format("{}: argument {}: expected a number, got {}", f.name, i + 1, value_type_name(v)));
      double d = to_double(v);
      if (t.kind == Kind::Float)
        *static_cast<float*>(dst) = static_cast<float>(d);
      else
        *static_cast<double*>(dst) = d;
      break;
    }
    case Kind::String: {
      if (v.is_nil()) {
        *static_cast<void**>(dst) = nullptr;
        break;
      }
      String* s = as<String>(v);
      if (!s)
        throw_error(ErrorKind::ClassCastException,
                    fmt::format("{}: argument {}: expected a string, got {}", f.name, i + 1, value_type_name(v)));
      slot->texts.emplace_back(s->view());  // a NUL-terminated copy that C cannot write past
      *static_cast<const char**>(dst) = slot->texts.back().c_str();
      break;
    }
    case Kind::Pointer: {
      void* p = nullptr;
      if (JavaArray* a = as<JavaArray>(v)) {
        if (a->kind == ArrayKind::Object)
          throw_error(ErrorKind::IllegalArgumentException,
                      fmt::format("{}: argument {}: only a primitive array can be passed as :pointer", f.name, i + 1));
        p = a->bytes();
      } else if (!v.is_nil()) {
        p = reinterpret_cast<void*>(static_cast<uintptr_t>(long_arg(vm, v, f, i)));
      }
      *static_cast<void**>(dst) = p;
      break;
    }
    case Kind::Struct: {
      if (!is_vector(v) || count(vm, v) != static_cast<int64_t>(t.fields.size()))
        throw_error(ErrorKind::IllegalArgumentException,
                    fmt::format("{}: argument {}: expected a vector of {} struct fields, got {}", f.name, i + 1,
                                t.fields.size(), pr_str(vm, v)));
      for (size_t k = 0; k < t.fields.size(); ++k)
        to_c(vm, t.fields[k], nth(vm, v, static_cast<int64_t>(k)), static_cast<unsigned char*>(dst) + t.offsets[k],
             slot, f, i);
      break;
    }
  }
}

Value from_c(State& vm, const CType& t, const void* src) {
  switch (t.kind) {
    case Kind::Void: return Value::nil();
    case Kind::Bool: return Value::boolean(*static_cast<const uint8_t*>(src) != 0);
    case Kind::Char: return make_long(vm.heap, *static_cast<const int8_t*>(src));
    case Kind::Int8: return make_long(vm.heap, *static_cast<const int8_t*>(src));
    case Kind::UInt8: return make_long(vm.heap, *static_cast<const uint8_t*>(src));
    case Kind::Int16: return make_long(vm.heap, *static_cast<const int16_t*>(src));
    case Kind::UInt16: return make_long(vm.heap, *static_cast<const uint16_t*>(src));
    case Kind::Int32: return make_long(vm.heap, *static_cast<const int32_t*>(src));
    case Kind::UInt32: return make_long(vm.heap, *static_cast<const uint32_t*>(src));
    case Kind::Int64:
    case Kind::SSize:
    case Kind::UInt64:
    case Kind::Size: return make_long(vm.heap, *static_cast<const int64_t*>(src));
    case Kind::Float: return Value::from_double(*static_cast<const float*>(src));
    case Kind::Double: return Value::from_double(*static_cast<const double*>(src));
    case Kind::String: {
      const char* s = *static_cast<const char* const*>(src);
      return s ? string_value(vm.heap, s) : Value::nil();
    }
    case Kind::Pointer: {
      void* p = *static_cast<void* const*>(src);
      return p ? make_long(vm.heap, static_cast<int64_t>(reinterpret_cast<uintptr_t>(p))) : Value::nil();
    }
    case Kind::Struct: {
      RootScope scope(vm.heap);
      std::vector<Value> vals;
      for (size_t k = 0; k < t.fields.size(); ++k) {
        Value x = from_c(vm, t.fields[k], static_cast<const unsigned char*>(src) + t.offsets[k]);
        scope.push(x);
        vals.push_back(x);
      }
      return vector_from(vm.heap, vals.data(), vals.size());
    }
  }
  return Value::nil();
}

/// The Native every ffi/fn makes: converts, calls through libffi, converts back.
Value ffi_call_native(State& vm, Args a) {
  Native* self = as<Native>(a.callee());
  auto* f = static_cast<FfiFunction*>(self->host_data);
  vm.require_capability(CapabilityId::Ffi, f->name.c_str());
  std::vector<ArgSlot> slots(f->params.size());
  std::vector<void*> values(f->params.size());
  for (size_t i = 0; i < f->params.size(); ++i) {
    const CType& t = f->params[i];
    if (t.kind == Kind::Struct) slots[i].big.resize(t.ffi->size);
    to_c(vm, t, a[static_cast<int>(i)], slots[i].data(), &slots[i], *f, i);
    values[i] = slots[i].data();
  }
  // libffi widens integer results narrower than a register to ffi_arg.
  std::vector<unsigned char> result(std::max<size_t>(f->result.ffi->size, sizeof(ffi_arg)) + 16);
  ffi_call(&f->cif, FFI_FN(f->fn), result.data(), values.data());
  const void* r = result.data();
  ffi_arg widened;
  unsigned char narrow[8];
  switch (f->result.kind) {
    case Kind::Bool: case Kind::Char: case Kind::Int8: case Kind::UInt8: case Kind::Int16: case Kind::UInt16:
    case Kind::Int32: case Kind::UInt32:
      std::memcpy(&widened, result.data(), sizeof widened);
      switch (f->result.ffi->size) {
        case 1: narrow[0] = static_cast<unsigned char>(widened); break;
        case 2: { uint16_t x = static_cast<uint16_t>(widened); std::memcpy(narrow, &x, 2); break; }
        default: { uint32_t x = static_cast<uint32_t>(widened); std::memcpy(narrow, &x, 4); break; }
      }
      r = narrow;
      break;
    default: break;
  }
  return from_c(vm, f->result, r);
}

/// What clove.ffi keeps per VM (State::resources["clove.ffi"]).
struct FfiState {
  std::vector<std::unique_ptr<Library>> libraries;
  std::vector<std::unique_ptr<FfiFunction>> functions;
};

FfiState& ffi_state(State& vm) {
  std::shared_ptr<void>& r = vm.resources["clove.ffi"];
  if (!r) r = std::make_shared<FfiState>();
  return *static_cast<FfiState*>(r.get());
}

Value ffi_fn(State& vm, Args a) {
  vm.require_capability(CapabilityId::Ffi, "clove.ffi/fn");
  Value lib = a[0];
  if (!lib.is_nil() && !is<String>(lib)) bad("clove.ffi/fn: the library must be a path string or nil (this process)");
  std::string sym(arg_string(a, 1, "clove.ffi/fn")->view());
  if (!is_vector(a[3])) bad("clove.ffi/fn: the parameter types must be a vector, e.g. [:double :int]");

  FfiState& st = ffi_state(vm);
  void* handle = RTLD_DEFAULT;
  std::string lib_name = "this process";
  if (!lib.is_nil()) {
    lib_name = std::string(as<String>(lib)->view());
    handle = nullptr;
    for (const auto& l : st.libraries)  // one dlopen per library and VM, closed with the VM
      if (l->path == lib_name) handle = l->handle;
    if (!handle) {
      void* h = dlopen(lib_name.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (!h) {
        const char* err = dlerror();
        throw_error(ErrorKind::IllegalArgumentException,
                    fmt::format("clove.ffi/fn: cannot open {}: {}", lib_name, err ? err : "unknown error"));
      }
      auto l = std::make_unique<Library>();
      l->path = lib_name;
      l->handle = h;
      handle = h;
      st.libraries.push_back(std::move(l));
    }
  }
  dlerror();
  void* fn = dlsym(handle, sym.c_str());
  if (!fn) throw_error(ErrorKind::IllegalArgumentException, fmt::format("clove.ffi/fn: no symbol {} in {}", sym, lib_name));

  auto f = std::make_unique<FfiFunction>();
  f->name = sym;
  f->fn = fn;
  parse_type(vm, a[2], &f->result, true);
  int64_t n = count(vm, a[3]);
  if (n > 64) bad("clove.ffi/fn: more than 64 parameters");
  f->params.resize(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; ++i) parse_type(vm, nth(vm, a[3], i), &f->params[static_cast<size_t>(i)], false);
  for (CType& t : f->params) f->param_ffi.push_back(t.ffi);
  if (ffi_prep_cif(&f->cif, FFI_DEFAULT_ABI, static_cast<unsigned>(n), f->result.ffi, f->param_ffi.data()) != FFI_OK)
    bad("clove.ffi/fn: libffi cannot prepare a call to " + sym);

  std::string full = fmt::format("clove.ffi/{}", sym);
  Native* native = vm.heap.make<Native>(ffi_call_native, make_string(vm.heap, full), "A C function (clove.ffi/fn).",
                                        "", static_cast<int16_t>(n), static_cast<int16_t>(n));
  native->host_data = f.get();
  st.functions.push_back(std::move(f));
  return Value::object(native);
}

}  // namespace

void install_ffi_natives(State& vm) {
  vm.def_native("clove.ffi", "fn", ffi_fn, 4, 4,
                "Returns a Clove function that calls the C function `symbol` of the shared library `lib` (a path "
                "or file name for dlopen, e.g. \"libm.so.6\"; nil: the symbols already in the process, such as "
                "libc's) through libffi. `result` is a type keyword, `params` a vector of them: :void (results "
                "only) :bool :char :int8 :uint8 :int16 :uint16 :int :int32 :uint32 :long :int64 :uint64 :size "
                ":ssize :float :double, :string (a C string: copied in, copied out, nil for NULL), :pointer (an "
                "address as a long, nil for NULL; a primitive array passes its memory) and [:struct T ...] (a "
                "struct by value, as a vector of its fields). Needs the :ffi capability (SandboxException). "
                "Throws IllegalArgumentException for an unknown type, a library that does not open or a missing "
                "symbol; calls throw ClassCastException for an argument of the wrong type.",
                "([lib symbol result params])");
}

}  // namespace clove
