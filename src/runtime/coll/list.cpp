// list.cpp: PersistentList construction.
#include "runtime/coll/list.h"

#include "core/error.h"

namespace clove {

Value list_cons(Heap& h, Value x, Value list) {
  if (List* l = as<List>(list)) return Value::object(h.make<List>(x, list, l->count + 1, l->meta));
  Value meta = Value::nil();
  if (EmptyList* e = as<EmptyList>(list)) meta = e->meta;
  return Value::object(h.make<List>(x, Value::nil(), 1, meta));
}

}  // namespace clove
