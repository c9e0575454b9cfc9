// object_types.cpp: the per-type table: it is built once, on first use (the first Heap),
// from the rows of CLOVE_OBJ_TYPES (name, superclass, traits) and the registration
// function of every module that defines types (tracers and operations).
#include <cstdio>
#include <cstdlib>
#include <mutex>

#include "runtime/host/array.h"
#include "runtime/num/bignum.h"
#include "runtime/lang/class_value.h"
#include "runtime/lang/exception.h"
#include "runtime/host/file.h"
#include "runtime/lang/function.h"
#include "runtime/lang/host_object.h"
#include "state/namespace.h"
#include "natives/args.h"
#include "natives/seq.h"
#include "runtime/num/number.h"
#include "runtime/lang/multifn.h"
#include "runtime/lang/protocol.h"
#include "runtime/lang/record.h"
#include "runtime/text/regex.h"
#include "runtime/host/stream.h"
#include "runtime/text/string.h"
#include "runtime/host/tagged.h"
#include "core/type_table.h"
#include "vm/fiber.h"

namespace clove {

namespace detail {
TypeInfo g_type_table[static_cast<int>(ObjType::kCount)];
}  // namespace detail

namespace {
TypeInfo* const g_table = detail::g_type_table;

const char* const kNames[] = {
#define CLOVE_X(name, str, super, traits) str,
    CLOVE_OBJ_TYPES(CLOVE_X)
#undef CLOVE_X
};

const char* const kSuperclasses[] = {
#define CLOVE_X(name, str, super, traits) super,
    CLOVE_OBJ_TYPES(CLOVE_X)
#undef CLOVE_X
};

// Each row's declared traits, closed under super-interfaces (core/traits.h).
constexpr Traits kTraits[] = {
#define CLOVE_X(name, str, super, traits) [] { using namespace trait; return trait_closure(traits); }(),
    CLOVE_OBJ_TYPES(CLOVE_X)
#undef CLOVE_X
};

void unregistered_trace(Obj* o, Tracer&) {
  std::fprintf(stderr, "clove: internal error: type %s has no registered tracer\n", kNames[static_cast<int>(o->type)]);
  std::abort();
}
size_t unregistered_size(const Obj*) { return sizeof(Obj); }
void unregistered_destroy(Obj*) {}

void init_table() {
  for (int i = 0; i < static_cast<int>(ObjType::kCount); ++i)
    g_table[i] = TypeInfo{kNames[i], unregistered_trace, unregistered_size, unregistered_destroy};
  register_core_types(g_table);
  register_coll_types(g_table);
  register_bignum_types(g_table);
  register_text_types(g_table);
  register_array_types(g_table);
  // How types print (TypeInfo::print, ::str), registered by the modules defining the printers.
  register_record_printers(g_table);
  register_host_object_printers(g_table);
  register_array_printers(g_table);
  register_io_printers(g_table);
  register_regex_printers(g_table);
  register_transient_printers(g_table);
  register_state_printers(g_table);
  register_fiber_printers(g_table);
  register_sorted_printers(g_table);
  register_tagged_printers(g_table);
  register_poly_printers(g_table);
  register_class_value_printers(g_table);
  // What a type is comes from its row, whatever a registration copied.
  for (int i = 0; i < static_cast<int>(ObjType::kCount); ++i) {
    g_table[i].name = kNames[i];
    g_table[i].superclass = kSuperclasses[i];
    g_table[i].traits = kTraits[i];
  }
}
}  // namespace

const TypeInfo& type_info(ObjType t) {
  static std::once_flag once;
  std::call_once(once, init_table);
  return g_table[static_cast<int>(t)];
}

const char* type_name(ObjType t) { return kNames[static_cast<int>(t)]; }

void register_core_types(TypeInfo* table) {
  register_type<BoxedLong>(table);
  register_type<BoxedFloat>(table);
  register_type<String>(table);
  register_type<Symbol>(table);
  register_type<Keyword>(table);
  register_function_types(table);
  register_type<Var>(table);
  register_type<Namespace>(table);
  register_exception_type(table);
  register_type<Fiber>(table);
  register_type<Reduced>(table);
  register_record_types(table);
  register_host_object_type(table);
  register_class_value_type(table);
  register_type<Protocol>(table);
  register_type<MultiFn>(table);
  register_tagged_types(table);
  register_stream_types(table);
  register_file_type(table);
}

}  // namespace clove
