// value.h: the 64-bit NaN-boxed Value every register, constant and collection slot holds.
//
// Layout (bits 63..48 are the "tag"; see docs/design/values.md):
//
//   0x0000..0xFFF8 ........ a double, stored as its own IEEE-754 bits
//   0xFFF9 | int48 ........ a small integer, two's complement in the low 48 bits
//   0xFFFA | ptr48 ........ a pointer to a heap object (Obj*)
//   0xFFFB | 0/1/2 ........ nil (0), false (1), true (2)
//   0xFFFC | u32 .......... a character (a Unicode code point)
//   0xFFFD | u32 .......... a VM-internal integer (frame links in the value stack; never user-visible)
//
// Every NaN a double can hold is canonicalised to 0x7FF8000000000000 on entry
// (from_double), so no double ever lands in the tagged range. Longs outside the
// 48-bit immediate range are boxed (ObjType::BoxedLong) by make_long() in number.h;
// user code never sees the difference.
#pragma once
#include <bit>
#include <cstdint>
#include <cstring>

namespace clove {

struct Obj;

class Value {
 public:
  static constexpr uint64_t kTagShift = 48;
  static constexpr uint64_t kPayloadMask = (uint64_t{1} << 48) - 1;
  static constexpr uint64_t kTagInt = 0xFFF9;
  static constexpr uint64_t kTagObj = 0xFFFA;
  static constexpr uint64_t kTagSpecial = 0xFFFB;
  static constexpr uint64_t kTagChar = 0xFFFC;
  static constexpr uint64_t kTagInternal = 0xFFFD;
  static constexpr uint64_t kCanonicalNaN = 0x7FF8000000000000ULL;
  static constexpr int64_t kSmallIntMin = -(int64_t{1} << 47);
  static constexpr int64_t kSmallIntMax = (int64_t{1} << 47) - 1;

  constexpr Value() : bits_(kTagSpecial << kTagShift) {}

  static constexpr Value from_bits(uint64_t b) { Value v; v.bits_ = b; return v; }
  static constexpr Value nil() { return from_bits(kTagSpecial << kTagShift); }
  static constexpr Value boolean(bool b) { return from_bits((kTagSpecial << kTagShift) | (b ? 2 : 1)); }
  static constexpr Value t() { return boolean(true); }
  static constexpr Value f() { return boolean(false); }
  /// A double; NaNs are canonicalised so they never collide with a tag.
  static Value from_double(double d) {
    if (d != d) return from_bits(kCanonicalNaN);
    return from_bits(std::bit_cast<uint64_t>(d));
  }
  /// A small integer; the caller guarantees kSmallIntMin <= i <= kSmallIntMax.
  static constexpr Value small_int(int64_t i) {
    return from_bits((kTagInt << kTagShift) | (static_cast<uint64_t>(i) & kPayloadMask));
  }
  static constexpr bool fits_small(int64_t i) { return i >= kSmallIntMin && i <= kSmallIntMax; }
  static Value object(const Obj* o) {
    return from_bits((kTagObj << kTagShift) | reinterpret_cast<uint64_t>(o));
  }
  static constexpr Value character(uint32_t cp) { return from_bits((kTagChar << kTagShift) | cp); }
  /// VM-internal integer (frame links). Ignored by the GC, never escapes to Clove code.
  static constexpr Value internal(uint64_t i) {
    return from_bits((kTagInternal << kTagShift) | (i & kPayloadMask));
  }

  constexpr uint64_t bits() const { return bits_; }
  constexpr uint64_t tag() const { return bits_ >> kTagShift; }
  constexpr bool is_double() const { return tag() < kTagInt; }
  constexpr bool is_small_int() const { return tag() == kTagInt; }
  constexpr bool is_obj() const { return tag() == kTagObj; }
  constexpr bool is_nil() const { return bits_ == nil().bits_; }
  constexpr bool is_bool() const { return tag() == kTagSpecial && (bits_ & 3) != 0; }
  constexpr bool is_true() const { return bits_ == t().bits_; }
  constexpr bool is_false() const { return bits_ == f().bits_; }
  constexpr bool is_char() const { return tag() == kTagChar; }
  constexpr bool is_internal() const { return tag() == kTagInternal; }
  /// nil, true, false, a character or an internal word: equal (Clojure's =) only to
  /// itself, so `=` against one of these is identity.
  constexpr bool is_by_identity() const { return tag() >= kTagSpecial; }
  /// Clojure truthiness: everything but nil and false.
  constexpr bool truthy() const { return (bits_ | 1) != f().bits_; }

  double as_double() const { return std::bit_cast<double>(bits_); }
  constexpr int64_t as_small_int() const {
    return static_cast<int64_t>(bits_ << 16) >> 16;  // sign-extend 48 bits
  }
  Obj* as_obj() const { return reinterpret_cast<Obj*>(bits_ & kPayloadMask); }
  constexpr uint32_t as_char() const { return static_cast<uint32_t>(bits_); }
  constexpr uint64_t as_internal() const { return bits_ & kPayloadMask; }

  /// Identity (Clojure's identical?): same bits.
  constexpr bool operator==(const Value& o) const { return bits_ == o.bits_; }
  constexpr bool operator!=(const Value& o) const { return bits_ != o.bits_; }

 private:
  uint64_t bits_;
};

static_assert(sizeof(Value) == 8);
static_assert(Value::nil().truthy() == false);
static_assert(Value::f().truthy() == false);
static_assert(Value::t().truthy());
static_assert(Value::small_int(0).truthy());
static_assert(Value::small_int(-5).as_small_int() == -5);

}  // namespace clove
