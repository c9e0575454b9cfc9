// exception.cpp: the exception type's entry in the type table (exception.h).
#include "runtime/lang/exception.h"

#include "core/type_table.h"

namespace clove {

void register_exception_type(TypeInfo* table) {
  register_type<Exception>(table).class_name = [](const Obj* o) {
    return error_class_name(static_cast<const Exception*>(o)->kind);
  };
}

}  // namespace clove
