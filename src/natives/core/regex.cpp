// regex.cpp: clojure.core's regex functions (re-pattern re-matcher re-find re-matches
// re-seq re-groups), the helpers the other text natives share, and how a regex prints.
#include "core/print_context.h"
#include "runtime/coll/coll.h"
#include "natives/text.h"
#include "runtime/text/unicode.h"

namespace clove {

Value match_groups(State& vm, const Regex* re, std::string_view subject, const Match& m) {
  if (re->ngroups == 0) return string_value(vm.heap, m.group(subject, 0));
  std::vector<Value> items;
  items.reserve(re->ngroups + 1);
  for (uint32_t g = 0; g <= re->ngroups; ++g)
    items.push_back(m.matched(g) ? string_value(vm.heap, m.group(subject, g)) : Value::nil());
  return vector_from(vm.heap, items.data(), items.size());
}

Regex* arg_regex(Args a, int i, const char* fn) {
  Regex* re = as<Regex>(a[i]);
  if (!re) {
    if (a[i].is_nil()) throw_npe(fn, "pattern");
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class java.util.regex.Pattern", fn,
                            value_type_name(a[i])));
  }
  return re;
}

String* arg_chars(Args a, int i, const char* fn) {
  String* s = as<String>(a[i]);
  if (!s) {
    if (a[i].is_nil()) throw_npe(fn, "string");
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class java.lang.CharSequence", fn,
                            value_type_name(a[i])));
  }
  return s;
}

void throw_npe(const char* fn, const char* what) {
  throw_error(ErrorKind::NullPointerException, fmt::format("{}: the {} is nil", fn, what));
}

namespace {

// print-method for Pattern: #"..." with the source as written, quotes escaped (inside
// \Q...\E a quote is written as \E\"\Q). Used for pr and print alike, as in Clojure.
void print_regex(PrintContext& p, Value v) {
  std::string& out = p.out;
  std::string_view src = static_cast<Regex*>(v.as_obj())->source->view();
  out += "#\"";
  bool quoted = false;
  for (size_t i = 0; i < src.size(); ++i) {
    char c = src[i];
    if (c == '\\' && i + 1 < src.size()) {
      char c2 = src[++i];
      out += '\\';
      out += c2;
      quoted = quoted ? c2 != 'E' : c2 == 'Q';
    } else if (c == '"') {
      out += quoted ? "\\E\\\"\\Q" : "\\\"";
    } else {
      out += c;
    }
  }
  out += '"';
}

Value r_re_pattern(State& vm, Args a) {
  if (is<Regex>(a[0])) return a[0];
  if (a[0].is_nil()) throw_npe("re-pattern", "pattern string");
  return Value::object(make_regex(vm.heap, arg_string(a, 0, "re-pattern")));
}

Value r_re_matcher(State& vm, Args a) {
  Regex* re = arg_regex(a, 0, "re-matcher");
  String* s = arg_chars(a, 1, "re-matcher");
  return Value::object(vm.heap.make<Matcher>(re, s));
}

// Matcher.find: the next match, or false (and later finds fail too).
bool matcher_find(Matcher* m) {
  if (m->exhausted) return false;
  std::string_view subject = m->subject->view();
  if (!regex_find(m->regex, subject, m->next, m->last)) {
    m->exhausted = true;
    m->has_match = false;
    return false;
  }
  m->has_match = true;
  m->next = regex_next_start(subject, m->last);
  return true;
}

Value r_re_groups(State& vm, Args a) {
  Matcher* m = as<Matcher>(a[0]);
  if (!m) {
    if (a[0].is_nil()) throw_npe("re-groups", "matcher");
    throw_error(ErrorKind::ClassCastException,
                fmt::format("re-groups: class {} cannot be cast to class java.util.regex.Matcher",
                            value_type_name(a[0])));
  }
  if (!m->has_match) throw_error(ErrorKind::IllegalStateException, "No match found");
  return match_groups(vm, m->regex, m->subject->view(), m->last);
}

Value r_re_find(State& vm, Args a) {
  if (a.size() == 1) {
    Matcher* m = as<Matcher>(a[0]);
    if (!m)
      throw_error(ErrorKind::ClassCastException,
                  fmt::format("re-find: class {} cannot be cast to class java.util.regex.Matcher",
                              value_type_name(a[0])));
    if (!matcher_find(m)) return Value::nil();
    return match_groups(vm, m->regex, m->subject->view(), m->last);
  }
  Regex* re = arg_regex(a, 0, "re-find");
  std::string_view s = arg_chars(a, 1, "re-find")->view();
  Match m;
  if (!regex_find(re, s, 0, m)) return Value::nil();
  return match_groups(vm, re, s, m);
}

Value r_re_matches(State& vm, Args a) {
  Regex* re = arg_regex(a, 0, "re-matches");
  std::string_view s = arg_chars(a, 1, "re-matches")->view();
  Match m;
  if (!regex_match_whole(re, s, m)) return Value::nil();
  return match_groups(vm, re, s, m);
}

// Eager for now: the whole sequence of matches as a list (nil when there are none).
Value r_re_seq(State& vm, Args a) {
  Regex* re = arg_regex(a, 0, "re-seq");
  std::string_view s = arg_chars(a, 1, "re-seq")->view();
  std::vector<Value> found;
  Match m;
  for (size_t from = 0; from <= s.size() && regex_find(re, s, from, m);
       from = regex_next_start(s, m))
    found.push_back(match_groups(vm, re, s, m));
  if (found.empty()) return Value::nil();
  return list_from(vm.heap, found.data(), found.size());
}

}  // namespace

namespace {
// (nth matcher i): group i of the last match, as RT.nth does for a Matcher: nil for a
// group that did not take part; past the groups, not-found when given, else
// IndexOutOfBoundsException "No group i"; IllegalStateException with no match yet.
Value matcher_nth(State& vm, Obj* o, int64_t i, Value not_found, bool has_default) {
  auto* m = static_cast<Matcher*>(o);
  if (!m->has_match) throw_error(ErrorKind::IllegalStateException, "No match found");
  const auto groups = static_cast<int64_t>(m->last.start.size());
  if (i >= groups && has_default) return not_found;
  if (i < 0 || i >= groups) throw_error(ErrorKind::IndexOutOfBoundsException, fmt::format("No group {}", i));
  auto g = static_cast<uint32_t>(i);
  if (!m->last.matched(g)) return Value::nil();
  return string_value(vm.heap, m->last.group(m->subject->view(), g));
}
}  // namespace

void register_regex_printers(TypeInfo* table) {
  set_print_hooks(table, ObjType::Regex, print_regex);
  table[static_cast<int>(ObjType::Matcher)].nth = matcher_nth;  // not a printer: the table's one hook here
}

void install_regex_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "re-pattern", r_re_pattern, 1, 1,
                "Returns an instance of java.util.regex.Pattern, for use, e.g. in re-matcher. The "
                "pattern uses "
                "Java's regex syntax; a syntax error throws PatternSyntaxException.",
                "([s])");
  vm.def_native(C, "re-matcher", r_re_matcher, 2, 2,
                "Returns an instance of java.util.regex.Matcher, for use, e.g. in re-find.",
                "([re s])");
  vm.def_native(C, "re-find", r_re_find, 1, 2,
                "Returns the next regex match, if any, of string to pattern, using "
                "java.util.regex.Matcher.find(). "
                "Uses re-groups to return the groups.",
                "([m] [re s])");
  vm.def_native(C, "re-matches", r_re_matches, 2, 2,
                "Returns the match, if any, of string to pattern, using "
                "java.util.regex.Matcher.matches(). Uses "
                "re-groups to return the groups.",
                "([re s])");
  vm.def_native(C, "re-seq", r_re_seq, 2, 2,
                "Returns a sequence of successive matches of pattern in string, using "
                "java.util.regex.Matcher.find(), "
                "each such match processed with re-groups.",
                "([re s])");
  vm.def_native(C, "re-groups", r_re_groups, 1, 1,
                "Returns the groups from the most recent match/find. If there are no nested "
                "groups, returns a string "
                "of the entire match. If there are nested groups, returns a vector of the groups, "
                "the first element "
                "being the entire match.",
                "([m])");
}

}  // namespace clove
