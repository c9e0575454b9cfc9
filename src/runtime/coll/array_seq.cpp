// array_seq.cpp: ArraySeq construction and stepping.
#include "runtime/coll/array_seq.h"

#include <cstring>

namespace clove {

ArraySeq* array_seq_to_fill(Heap& h, size_t n) {
  auto len = static_cast<uint32_t>(n);
  ArraySeq* s = h.make_extra<ArraySeq>(n * sizeof(Value), nullptr, nullptr, 0, len, len);
  s->owner = s;
  s->items = s->storage();
  return s;
}

Value array_seq(Heap& h, const Value* items, size_t n) {
  if (n == 0) return Value::nil();
  ArraySeq* s = array_seq_to_fill(h, n);
  std::memcpy(static_cast<void*>(s->storage()), items, n * sizeof(Value));
  return Value::object(s);
}

Value array_seq_next(Heap& h, ArraySeq* s) {
  if (s->i + 1 >= s->n) return Value::nil();
  return Value::object(h.make<ArraySeq>(s->owner, s->items, s->i + 1, s->n, 0));
}

}  // namespace clove
