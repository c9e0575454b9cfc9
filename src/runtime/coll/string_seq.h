// string_seq.h: StringSeq, the seq of a string's characters (clojure.lang.StringSeq).
//
// Walks the UTF-8 bytes in place, one code point per element (Clove strings count by
// code point, SPEC L9), so (seq s) allocates one small object per step and copies
// nothing.
#pragma once
#include <cstdint>

#include "gc/heap.h"
#include "core/object.h"
#include "runtime/text/string.h"

namespace clove {

struct StringSeq : Obj {
  static constexpr ObjType kType = ObjType::StringSeq;
  String* str;
  uint32_t pos;    // byte offset of the current character
  uint32_t index;  // code point index of the current character
  Value meta;
  StringSeq(String* s, uint32_t p, uint32_t i) : Obj(kType), str(s), pos(p), index(i) {}
  int64_t count() const { return str->ncodepoints - index; }
  void trace(Tracer& t) {
    t.mark(str);
    t.mark(meta);
  }
};

/// (seq s): nil for "".
Value string_seq(Heap& h, String* s);
Value string_seq_first(const StringSeq* s);
Value string_seq_next(Heap& h, const StringSeq* s);

}  // namespace clove
