// string_seq.cpp: stepping through a string's code points.
#include "runtime/coll/string_seq.h"

#include "runtime/coll/coll_util.h"

namespace clove {

Value string_seq(Heap& h, String* s) {
  if (s->nbytes == 0) return Value::nil();
  return Value::object(h.make<StringSeq>(s, 0u, 0u));
}

Value string_seq_first(const StringSeq* s) {
  size_t pos = s->pos;
  return Value::character(coll_detail::utf8_decode(s->str->view(), pos));
}

Value string_seq_next(Heap& h, const StringSeq* s) {
  size_t pos = s->pos;
  coll_detail::utf8_decode(s->str->view(), pos);
  if (pos >= s->str->nbytes) return Value::nil();
  return Value::object(h.make<StringSeq>(s->str, static_cast<uint32_t>(pos), s->index + 1));
}

}  // namespace clove
