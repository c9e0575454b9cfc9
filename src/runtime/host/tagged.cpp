// tagged.cpp: UUID and instant text forms (parse and format), and the tagged types'
// entries in the type table (equality and hash as Java's; a tagged literal's lookup).
#include "runtime/host/tagged.h"

#include <fmt/format.h>

#include <regex>

#include "core/type_table.h"
#include "runtime/coll/coll.h"
#include "runtime/text/string.h"

namespace clove {

void register_tagged_types(TypeInfo* table) {
  TypeInfo& u = register_type<Uuid>(table);
  u.equiv = [](State&, Obj* o, Value b) {
    const Uuid* x = static_cast<Uuid*>(o);
    const Uuid* y = as<Uuid>(b);
    return y && x->msb == y->msb && x->lsb == y->lsb;
  };
  u.hash = [](State&, Obj* o) { return uuid_hash(static_cast<Uuid*>(o)); };  // UUID.hashCode

  TypeInfo& i = register_type<Inst>(table);
  i.equiv = [](State&, Obj* o, Value b) {
    const Inst* y = as<Inst>(b);
    return y && static_cast<Inst*>(o)->ms == y->ms;
  };
  i.hash = [](State&, Obj* o) { return inst_hash(static_cast<Inst*>(o)); };  // Date.hashCode

  TypeInfo& t = register_type<TaggedLiteral>(table);
  t.lookup = [](State& vm, Obj* o, Value key, Value not_found) {
    return tagged_literal_get(vm, static_cast<TaggedLiteral*>(o), key, not_found);
  };
  t.equiv = [](State& vm, Obj* o, Value b) {
    const TaggedLiteral* x = static_cast<TaggedLiteral*>(o);
    const TaggedLiteral* y = as<TaggedLiteral>(b);
    return y && equiv(vm, x->tag, y->tag) && equiv(vm, x->form, y->form);
  };
  t.hash = [](State& vm, Obj* o) {
    const TaggedLiteral* x = static_cast<TaggedLiteral*>(o);
    return 31 * hash(vm, x->tag) + hash(vm, x->form);
  };

  TypeInfo& rc = register_type<ReaderConditional>(table);
  rc.lookup = [](State&, Obj* o, Value key, Value not_found) {  // ReaderConditional.valAt
    const ReaderConditional* r = static_cast<ReaderConditional*>(o);
    const Keyword* k = as<Keyword>(key);
    if (!k || k->sym->ns != nullptr) return not_found;
    if (k->sym->name_view() == "form") return r->form;
    if (k->sym->name_view() == "splicing?") return Value::boolean(r->splicing);
    return not_found;
  };
  rc.equiv = [](State& vm, Obj* o, Value b) {
    const ReaderConditional* x = static_cast<ReaderConditional*>(o);
    const ReaderConditional* y = as<ReaderConditional>(b);
    return y && x->splicing == y->splicing && equiv(vm, x->form, y->form);
  };
  rc.hash = [](State& vm, Obj* o) {
    const ReaderConditional* x = static_cast<ReaderConditional*>(o);
    return 31 * hash(vm, x->form) + (x->splicing ? 1231u : 1237u);  // Boolean.hashCode
  };
}

Value tagged_literal_get(State&, const TaggedLiteral* t, Value key, Value not_found) {
  const Keyword* k = as<Keyword>(key);
  if (!k || k->sym->ns != nullptr) return not_found;
  if (k->sym->name_view() == "tag") return t->tag;
  if (k->sym->name_view() == "form") return t->form;
  return not_found;
}

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Long.parseLong(s, 16): optional sign, at least one hex digit, within the long range.
bool parse_hex_long(std::string_view s, uint64_t* out) {
  bool neg = false;
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    neg = s[0] == '-';
    i = 1;
  }
  if (i >= s.size()) return false;
  uint64_t v = 0;
  for (; i < s.size(); ++i) {
    int d = hex_digit(s[i]);
    if (d < 0) return false;
    if (v > (UINT64_MAX >> 4)) return false;
    v = (v << 4) | static_cast<uint64_t>(d);
    if (v > (neg ? (uint64_t{1} << 63) : (uint64_t{1} << 63) - 1)) return false;
  }
  *out = neg ? (~v + 1) : v;
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant, "chrono-Compatible
// Low-Level Date Algorithms", 2013: days_from_civil / civil_from_days).
int64_t days_from_civil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(int64_t z, int64_t* y, int* m, int* d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = yoe + era * 400 + (*m <= 2);
}

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

bool leap_year(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int m, bool leap) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

bool parse_uuid_text(std::string_view s, uint64_t* msb, uint64_t* lsb) {
  if (s.size() > 36) return false;
  size_t dash[4];
  size_t from = 0;
  for (size_t& d : dash) {
    d = s.find('-', from);
    if (d == std::string_view::npos) return false;  // fewer than four dashes
    from = d + 1;
  }
  if (s.find('-', from) != std::string_view::npos) return false;  // a fifth dash
  uint64_t f[5];
  size_t begin = 0;
  for (int k = 0; k < 5; ++k) {
    size_t end = k < 4 ? dash[k] : s.size();
    if (!parse_hex_long(s.substr(begin, end - begin), &f[k])) return false;
    begin = end + 1;
  }
  *msb = ((f[0] & 0xffffffffULL) << 32) | ((f[1] & 0xffffULL) << 16) | (f[2] & 0xffffULL);
  *lsb = ((f[3] & 0xffffULL) << 48) | (f[4] & 0xffffffffffffULL);
  return true;
}

std::string format_uuid(uint64_t msb, uint64_t lsb) {
  return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", msb >> 32, (msb >> 16) & 0xffff, msb & 0xffff, lsb >> 48,
                     lsb & 0xffffffffffffULL);
}

uint32_t uuid_hash(const Uuid* u) {
  uint64_t hilo = u->msb ^ u->lsb;
  return static_cast<uint32_t>(hilo >> 32) ^ static_cast<uint32_t>(hilo);
}

bool parse_inst_text(std::string_view s, int64_t* ms, std::string* err) {
  // clojure.instant's timestamp pattern, matched in full.
  static const std::regex kPattern(
      R"((\d\d\d\d)(?:-(\d\d)(?:-(\d\d)(?:[T](\d\d)(?::(\d\d)(?::(\d\d)(?:[.](\d+))?)?)?)?)?)?(?:[Z]|([-+])(\d\d):(\d\d))?)");
  std::match_results<std::string_view::const_iterator> m;
  if (!std::regex_match(s.begin(), s.end(), m, kPattern)) {
    *err = fmt::format("Unrecognized date/time syntax: {}", s);
    return false;
  }
  auto field = [&](int g, int64_t dflt) -> int64_t {
    if (!m[g].matched) return dflt;
    int64_t v = 0;
    for (auto it = m[g].first; it != m[g].second; ++it) v = v * 10 + (*it - '0');
    return v;
  };
  int64_t years = field(1, 0), months = field(2, 1), days = field(3, 1), hours = field(4, 0),
          minutes = field(5, 0), seconds = field(6, 0);
  int64_t nanos = 0;
  if (m[7].matched) {
    std::string frac = m[7].str() + "000000000";
    for (int i = 0; i < 9; ++i) nanos = nanos * 10 + (frac[i] - '0');
  }
  int64_t sign = m[8].matched ? (*m[8].first == '-' ? -1 : 1) : 0;
  int64_t off_h = field(9, 0), off_m = field(10, 0);
  auto check = [&](bool ok, const char* test) {
    if (!ok) *err = fmt::format("failed: {}", test);
    return ok;
  };
  if (!check(1 <= months && months <= 12, "(<= 1 months 12)")) return false;
  if (!check(1 <= days && days <= days_in_month(static_cast<int>(months), leap_year(years)),
             "(<= 1 days (days-in-month months (leap-year? years)))"))
    return false;
  if (!check(hours <= 23, "(<= 0 hours 23)")) return false;
  if (!check(minutes <= 59, "(<= 0 minutes 59)")) return false;
  if (!check(seconds <= (minutes == 59 ? 60 : 59), "(<= 0 seconds (if (= minutes 59) 60 59))")) return false;
  if (!check(off_h <= 23, "(<= 0 offset-hours 23)")) return false;
  if (!check(off_m <= 59, "(<= 0 offset-minutes 59)")) return false;
  int64_t t = days_from_civil(years, months, days) * 86400000 + hours * 3600000 + minutes * 60000 + seconds * 1000 +
              nanos / 1000000;
  *ms = t - sign * (off_h * 60 + off_m) * 60000;
  return true;
}

namespace {
struct Civil {
  int64_t year;
  int month, day, hour, minute, second, milli, weekday;  // weekday 0 = Sunday
};
Civil civil_of(int64_t ms) {
  Civil c;
  int64_t days = floor_div(ms, 86400000);
  int64_t rem = ms - days * 86400000;
  civil_from_days(days, &c.year, &c.month, &c.day);
  c.hour = static_cast<int>(rem / 3600000);
  c.minute = static_cast<int>(rem / 60000 % 60);
  c.second = static_cast<int>(rem / 1000 % 60);
  c.milli = static_cast<int>(rem % 1000);
  c.weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
  return c;
}
}  // namespace

std::string format_inst(int64_t ms) {
  Civil c = civil_of(ms);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}-00:00", c.year, c.month, c.day, c.hour, c.minute,
                     c.second, c.milli);
}

std::string inst_to_string(int64_t ms) {
  static const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  Civil c = civil_of(ms);
  return fmt::format("{} {} {:02} {:02}:{:02}:{:02} UTC {}", kDays[c.weekday], kMonths[c.month - 1], c.day, c.hour,
                     c.minute, c.second, c.year);
}

uint32_t inst_hash(const Inst* i) {
  uint64_t u = static_cast<uint64_t>(i->ms);
  return static_cast<uint32_t>(u ^ (u >> 32));
}

}  // namespace clove
