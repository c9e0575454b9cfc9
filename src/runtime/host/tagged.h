// tagged.h: the values behind Clojure's built-in tagged literals (SPEC L6/L16):
// #uuid (java.util.UUID), #inst (java.util.Date) and clojure.lang.TaggedLiteral, the
// value `tagged-literal` builds for a tag with no reader function.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "gc/heap.h"
#include "core/object.h"

namespace clove {

/// A 128-bit UUID as Java holds it: the most and least significant 64 bits.
struct Uuid : Obj {
  static constexpr ObjType kType = ObjType::Uuid;
  uint64_t msb, lsb;
  Uuid(uint64_t m, uint64_t l) : Obj(kType), msb(m), lsb(l) {}
  void trace(Tracer&) {}
};

/// An instant: milliseconds since 1970-01-01T00:00:00Z (java.util.Date's precision).
struct Inst : Obj {
  static constexpr ObjType kType = ObjType::Inst;
  int64_t ms;
  explicit Inst(int64_t m) : Obj(kType), ms(m) {}
  void trace(Tracer&) {}
};

/// clojure.lang.TaggedLiteral: a tag symbol and the form that followed it.
struct TaggedLiteral : Obj {
  static constexpr ObjType kType = ObjType::TaggedLiteral;
  Value tag, form;
  TaggedLiteral(Value t, Value f) : Obj(kType), tag(t), form(f) {}
  void trace(Tracer& t) {
    t.mark(tag);
    t.mark(form);
  }
};

/// clojure.lang.ReaderConditional: a `#?(...)` or `#?@(...)` form kept as a value
/// (read-string with {:read-cond :preserve}, or `reader-conditional`): the list of
/// feature/form pairs and whether it splices. Prints as it reads; `=` by form and
/// splicing; answers get of :form and :splicing?.
struct ReaderConditional : Obj {
  static constexpr ObjType kType = ObjType::ReaderConditional;
  Value form;
  bool splicing;
  ReaderConditional(Value f, bool s) : Obj(kType), form(f), splicing(s) {}
  void trace(Tracer& t) { t.mark(form); }
};

/// Registers Uuid, Inst, TaggedLiteral and ReaderConditional with the type table: UUIDs and instants are
/// `=` and hash as Java's equals/hashCode; a tagged literal is `=` by tag and form and
/// answers get of :tag and :form.
void register_tagged_types(TypeInfo* table);

class State;
/// ILookup of a TaggedLiteral: :tag and :form give its parts, other keys not_found.
Value tagged_literal_get(State& vm, const TaggedLiteral* t, Value key, Value not_found);

/// java.util.UUID.fromString: five '-'-separated hex fields (each may carry a sign and
/// is masked to 32/16/16/16/48 bits), at most 36 characters. Returns false on bad text.
bool parse_uuid_text(std::string_view s, uint64_t* msb, uint64_t* lsb);
/// The canonical 36-character lower-case form "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx".
std::string format_uuid(uint64_t msb, uint64_t lsb);
/// UUID.hashCode (what Clojure's hash gives): the high and low ints of msb^lsb, xored.
uint32_t uuid_hash(const Uuid* u);

/// clojure.instant/parse-timestamp: RFC 3339 text "yyyy[-MM[-dd[THH[:mm[:ss[.fff]]]]]]"
/// with an optional "Z" or "+hh:mm"/"-hh:mm" offset, fields range-checked as Clojure does
/// (seconds may be 60 when minutes are 59; it rolls over). Gives milliseconds since the
/// epoch (the fraction is truncated to ms, as java.util.Date holds it; the calendar is
/// proleptic Gregorian, days_from_civil, Hinnant 2013). Returns false and sets *err on
/// bad text ("Unrecognized date/time syntax: ..." or "failed: (<= 1 months 12)" ...).
bool parse_inst_text(std::string_view s, int64_t* ms, std::string* err);
/// The #inst body Clojure prints: "yyyy-MM-ddTHH:mm:ss.SSS-00:00" (UTC).
std::string format_inst(int64_t ms);
/// java.util.Date.toString in UTC: "Thu Jan 02 03:04:05 UTC 2020".
std::string inst_to_string(int64_t ms);
/// Date.hashCode: (int)(ms ^ (ms >>> 32)).
uint32_t inst_hash(const Inst* i);

}  // namespace clove
