// host_class.cpp: the static graph of host class names and the class queries of
// host_class.h. The graph is built once per process (it holds only names) and read by
// every VM; class values themselves are each VM's interned symbols.
#include "runtime/host/host_class.h"

#include <mutex>
#include <string_view>
#include <unordered_map>

#include "core/error.h"
#include "runtime/lang/exception.h"
#include "runtime/num/number.h"
#include "runtime/lang/record.h"
#include "state/state.h"

namespace clove {

namespace {

// Each line: a class, then its direct supertypes, superclass first (as in the JVM,
// simplified to what Clojure programs dispatch on).
const char* const kGraph[] = {
    "java.lang.Object",
    "java.lang.Number java.lang.Object java.io.Serializable",
    "java.lang.Long java.lang.Number java.lang.Comparable",
    "java.lang.Integer java.lang.Number java.lang.Comparable",
    "java.lang.Double java.lang.Number java.lang.Comparable",
    "java.lang.Float java.lang.Number java.lang.Comparable",
    "clojure.lang.BigInt java.lang.Number",
    "java.math.BigInteger java.lang.Number java.lang.Comparable",
    "clojure.lang.Ratio java.lang.Number java.lang.Comparable",
    "java.math.BigDecimal java.lang.Number java.lang.Comparable",
    "java.lang.String java.lang.Object java.lang.CharSequence java.lang.Comparable java.io.Serializable",
    "java.lang.Boolean java.lang.Object java.lang.Comparable java.io.Serializable",
    "java.lang.Character java.lang.Object java.lang.Comparable java.io.Serializable",
    "java.lang.CharSequence",
    "java.lang.Comparable",
    "java.lang.Iterable",
    "java.lang.Runnable",
    "java.io.Serializable",
    "java.util.Collection java.lang.Iterable",
    "java.util.List java.util.Collection",
    "java.util.Set java.util.Collection",
    "java.util.Map",
    "java.util.Map$Entry",
    "java.util.RandomAccess",
    "java.util.regex.Pattern java.lang.Object",
    "java.util.regex.Matcher java.lang.Object",
    "java.lang.Class java.lang.Object",
    "java.io.File java.lang.Object java.lang.Comparable java.io.Serializable",
    "java.io.Writer java.lang.Object java.lang.Appendable java.io.Closeable java.io.Flushable",
    "java.io.StringWriter java.io.Writer",
    "java.io.Reader java.lang.Object java.io.Closeable",
    "java.lang.Appendable",
    "java.io.Closeable",
    "java.io.Flushable",
    "java.util.UUID java.lang.Object java.lang.Comparable java.io.Serializable",
    "java.util.Date java.lang.Object java.lang.Comparable java.io.Serializable",
    "java.lang.StringBuilder java.lang.Object java.lang.CharSequence java.io.Serializable",
    // clojure.lang interfaces
    "clojure.lang.Seqable",
    "clojure.lang.IPersistentCollection clojure.lang.Seqable",
    "clojure.lang.ILookup",
    "clojure.lang.Associative clojure.lang.IPersistentCollection clojure.lang.ILookup",
    "clojure.lang.Counted",
    "clojure.lang.Sequential",
    "clojure.lang.Indexed clojure.lang.Counted",
    "clojure.lang.Reversible",
    "clojure.lang.Sorted",
    "clojure.lang.IPersistentStack clojure.lang.IPersistentCollection",
    "clojure.lang.IPersistentVector clojure.lang.Associative clojure.lang.Sequential clojure.lang.IPersistentStack "
    "clojure.lang.Reversible clojure.lang.Indexed",
    "clojure.lang.IPersistentMap clojure.lang.Associative java.lang.Iterable clojure.lang.Counted",
    "clojure.lang.IPersistentSet clojure.lang.IPersistentCollection clojure.lang.Counted",
    "clojure.lang.IPersistentList clojure.lang.Sequential clojure.lang.IPersistentStack",
    "clojure.lang.ISeq clojure.lang.IPersistentCollection",
    "clojure.lang.IMapEntry java.util.Map$Entry",
    "clojure.lang.IMeta",
    "clojure.lang.IObj clojure.lang.IMeta",
    "clojure.lang.IFn java.lang.Runnable",
    "clojure.lang.Fn",
    "clojure.lang.Named",
    "clojure.lang.IDeref",
    "clojure.lang.IRef clojure.lang.IDeref",
    "clojure.lang.IAtom",
    "clojure.lang.IPending",
    "clojure.lang.IRecord",
    "clojure.lang.IType",
    "clojure.lang.IHashEq",
    "clojure.lang.IExceptionInfo",
    "clojure.lang.IEditableCollection",
    "clojure.lang.ITransientCollection",
    "clojure.lang.IReduceInit",
    // clojure.lang and Clove classes
    "clojure.lang.Keyword java.lang.Object clojure.lang.IFn clojure.lang.Named java.lang.Comparable clojure.lang.IHashEq",
    "clojure.lang.Symbol java.lang.Object clojure.lang.IObj clojure.lang.IFn clojure.lang.Named java.lang.Comparable "
    "clojure.lang.IHashEq",
    "clojure.lang.PersistentList java.lang.Object clojure.lang.IPersistentList clojure.lang.ISeq clojure.lang.Counted "
    "clojure.lang.IObj clojure.lang.IHashEq java.util.List clojure.lang.IReduceInit",
    "clojure.lang.PersistentList$EmptyList java.lang.Object clojure.lang.IPersistentList clojure.lang.ISeq "
    "clojure.lang.Counted clojure.lang.IObj clojure.lang.IHashEq java.util.List",
    "clojure.lang.Cons java.lang.Object clojure.lang.ISeq clojure.lang.Sequential clojure.lang.IObj "
    "clojure.lang.IHashEq java.util.List",
    "clojure.lang.LazySeq java.lang.Object clojure.lang.ISeq clojure.lang.Sequential clojure.lang.IObj "
    "clojure.lang.IPending clojure.lang.IHashEq java.util.List",
    "clojure.lang.ArraySeq java.lang.Object clojure.lang.ISeq clojure.lang.Sequential clojure.lang.Counted "
    "clojure.lang.IObj clojure.lang.IHashEq java.util.List",
    "clojure.lang.PersistentVector$ChunkedSeq java.lang.Object clojure.lang.ISeq clojure.lang.Sequential "
    "clojure.lang.Counted clojure.lang.IObj clojure.lang.IHashEq java.util.List",
    "clojure.lang.APersistentMap$KeySeq java.lang.Object clojure.lang.ISeq clojure.lang.Sequential "
    "clojure.lang.Counted clojure.lang.IObj clojure.lang.IHashEq java.util.List",
    "clojure.lang.PersistentHashMap$NodeSeq java.lang.Object clojure.lang.ISeq clojure.lang.Sequential "
    "clojure.lang.Counted clojure.lang.IObj clojure.lang.IHashEq java.util.List",
    "clojure.lang.ArraySeq$ArraySeq_long clojure.lang.ArraySeq",
    "clojure.lang.ArraySeq$ArraySeq_int clojure.lang.ArraySeq",
    "clojure.lang.ArraySeq$ArraySeq_double clojure.lang.ArraySeq",
    "clojure.lang.ArraySeq$ArraySeq_float clojure.lang.ArraySeq",
    "clojure.lang.ArraySeq$ArraySeq_short clojure.lang.ArraySeq",
    "clojure.lang.ArraySeq$ArraySeq_byte clojure.lang.ArraySeq",
    "clojure.lang.ArraySeq$ArraySeq_char clojure.lang.ArraySeq",
    "clojure.lang.ArraySeq$ArraySeq_boolean clojure.lang.ArraySeq",
    "java.lang.Cloneable",
    "clojure.lang.StringSeq java.lang.Object clojure.lang.ISeq clojure.lang.Sequential clojure.lang.Counted "
    "clojure.lang.IObj clojure.lang.IHashEq java.util.List",
    "clojure.lang.PersistentTreeMap$Seq java.lang.Object clojure.lang.ISeq clojure.lang.Sequential "
    "clojure.lang.IObj clojure.lang.IHashEq java.util.List",
    "clojure.lang.PersistentQueue$Seq java.lang.Object clojure.lang.ISeq clojure.lang.Sequential "
    "clojure.lang.IObj clojure.lang.IHashEq java.util.List",
    "clojure.lang.PersistentVector java.lang.Object clojure.lang.IPersistentVector clojure.lang.IFn "
    "clojure.lang.IObj clojure.lang.IEditableCollection clojure.lang.IHashEq java.util.List java.util.RandomAccess "
    "java.lang.Comparable clojure.lang.IReduceInit",
    "clojure.lang.MapEntry java.lang.Object clojure.lang.IMapEntry clojure.lang.IPersistentVector clojure.lang.IFn "
    "clojure.lang.IHashEq java.util.List java.lang.Comparable",
    "clojure.lang.PersistentArrayMap java.lang.Object clojure.lang.IPersistentMap clojure.lang.IFn clojure.lang.IObj "
    "clojure.lang.IEditableCollection clojure.lang.IHashEq java.util.Map clojure.lang.IReduceInit",
    "clojure.lang.PersistentHashMap java.lang.Object clojure.lang.IPersistentMap clojure.lang.IFn clojure.lang.IObj "
    "clojure.lang.IEditableCollection clojure.lang.IHashEq java.util.Map clojure.lang.IReduceInit",
    "clojure.lang.PersistentTreeMap java.lang.Object clojure.lang.IPersistentMap clojure.lang.IFn clojure.lang.IObj "
    "clojure.lang.Sorted clojure.lang.Reversible clojure.lang.IHashEq java.util.Map",
    "clojure.lang.PersistentHashSet java.lang.Object clojure.lang.IPersistentSet clojure.lang.IFn clojure.lang.IObj "
    "clojure.lang.IEditableCollection clojure.lang.IHashEq java.util.Set",
    "clojure.lang.PersistentTreeSet java.lang.Object clojure.lang.IPersistentSet clojure.lang.IFn clojure.lang.IObj "
    "clojure.lang.Sorted clojure.lang.Reversible clojure.lang.IHashEq java.util.Set",
    "clojure.lang.PersistentQueue java.lang.Object clojure.lang.IPersistentList clojure.lang.Counted "
    "clojure.lang.IObj clojure.lang.IHashEq java.util.Collection",
    "clojure.lang.AFunction java.lang.Object clojure.lang.IFn clojure.lang.Fn clojure.lang.IObj",
    "clove.lang.Native java.lang.Object clojure.lang.IFn clojure.lang.Fn clojure.lang.IObj",
    "clojure.lang.MultiFn java.lang.Object clojure.lang.IFn",
    "clojure.lang.Var java.lang.Object clojure.lang.IRef clojure.lang.IFn clojure.lang.IMeta",
    "clojure.lang.Namespace java.lang.Object clojure.lang.IMeta",
    "clojure.lang.Atom java.lang.Object clojure.lang.IAtom clojure.lang.IRef clojure.lang.IMeta",
    "clojure.lang.Volatile java.lang.Object clojure.lang.IDeref",
    "clojure.lang.Delay java.lang.Object clojure.lang.IDeref clojure.lang.IPending",
    "clojure.lang.Reduced java.lang.Object clojure.lang.IDeref",
    "clojure.lang.PersistentVector$TransientVector java.lang.Object clojure.lang.ITransientCollection clojure.lang.IFn",
    "clojure.lang.PersistentArrayMap$TransientArrayMap java.lang.Object clojure.lang.ITransientCollection "
    "clojure.lang.IFn",
    "clojure.lang.PersistentHashMap$TransientHashMap java.lang.Object clojure.lang.ITransientCollection "
    "clojure.lang.IFn",
    "clojure.lang.PersistentHashSet$TransientHashSet java.lang.Object clojure.lang.ITransientCollection "
    "clojure.lang.IFn",
    "clove.lang.Fiber java.lang.Object",
    "clove.lang.Reify java.lang.Object clojure.lang.IObj",
    "clove.lang.Protocol java.lang.Object",
};

// Supertypes every record / deftype class has.
const char* const kRecordSupers[] = {"java.lang.Object", "clojure.lang.IRecord", "clojure.lang.IPersistentMap",
                                     "clojure.lang.IObj", "clojure.lang.IHashEq", "java.util.Map"};
const char* const kTypeSupers[] = {"java.lang.Object", "clojure.lang.IType"};

struct Graph {
  std::unordered_map<std::string, std::vector<std::string>> parents;
  std::unordered_map<std::string, std::string> short_to_full;
  std::vector<HostClassName> names;
};

void add_class(Graph& g, const std::string& full, std::vector<std::string> parents) {
  if (g.parents.count(full)) return;
  g.parents[full] = std::move(parents);
  std::string short_name;
  if (full.rfind("java.lang.", 0) == 0 && full.find('.', 10) == std::string::npos) {
    short_name = full.substr(10);
    g.short_to_full[short_name] = full;
  }
  g.names.push_back({full, short_name});
}

const Graph& graph() {
  static Graph g;
  static std::once_flag once;
  std::call_once(once, [] {
    for (const char* line : kGraph) {
      std::vector<std::string> words;
      std::string_view s(line);
      while (!s.empty()) {
        size_t sp = s.find(' ');
        words.emplace_back(s.substr(0, sp));
        s = sp == std::string_view::npos ? std::string_view{} : s.substr(sp + 1);
      }
      std::string full = words[0];
      words.erase(words.begin());
      add_class(g, full, std::move(words));
    }
    // The exception classes of core/error.h, with their superclass chain.
    for (int i = 0; i < static_cast<int>(ErrorKind::kCount); ++i) {
      auto k = static_cast<ErrorKind>(i);
      std::vector<std::string> ps;
      ps.emplace_back(k == ErrorKind::Throwable ? "java.lang.Object" : error_class_name(error_parent(k)));
      if (k == ErrorKind::Throwable) ps.emplace_back("java.io.Serializable");
      if (k == ErrorKind::ExceptionInfo) ps.emplace_back("clojure.lang.IExceptionInfo");
      add_class(g, error_class_name(k), std::move(ps));
    }
  });
  return g;
}

// The class name of a non-record value.
const char* builtin_class_name(Value v) {
  if (Exception* e = as<Exception>(v)) return error_class_name(e->kind);
  return value_type_name(v);
}

// Whether name is a JVM array class name: [J (and the other primitive letters),
// [Ljava.lang.String;, [[J, ...
bool is_array_class_name(std::string_view name) {
  size_t dims = 0;
  while (dims < name.size() && name[dims] == '[') ++dims;
  if (dims == 0 || dims > 255) return false;
  std::string_view elem = name.substr(dims);
  if (elem.size() == 1) return std::string_view("JIDFSBCZ").find(elem[0]) != std::string_view::npos;
  return elem.size() > 2 && elem[0] == 'L' && elem.back() == ';';
}

// The full name of a symbol naming a built-in class, or "" when it names none.
std::string full_name_of(Symbol* s) {
  if (s->ns) return "";
  const Graph& g = graph();
  std::string name(s->name_view());
  if (g.parents.count(name)) return name;
  if (is_array_class_name(name)) return name;
  auto it = g.short_to_full.find(name);
  return it == g.short_to_full.end() ? "" : it->second;
}

std::vector<std::string> name_parents(const std::string& full) {
  // Every array class extends Object and implements Cloneable and Serializable (what
  // supers and ancestors report on the JVM; covariance is class_assignable's).
  if (is_array_class_name(full)) return {"java.lang.Object", "java.lang.Cloneable", "java.io.Serializable"};
  auto it = graph().parents.find(full);
  return it == graph().parents.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace

Value class_of(State& vm, Value v) {
  if (v.is_nil()) return v;
  if (Record* r = as_instance(v)) return Value::object(r->rtype);
  return Value::object(vm.sym(builtin_class_name(v)));
}

std::string class_name_of(Value v) {
  if (Record* r = as_instance(v)) return r->rtype->cname();
  return builtin_class_name(v);
}

Value canonical_class(State& vm, Value c) {
  if (is<RecordType>(c)) return c;
  Symbol* s = as<Symbol>(c);
  if (!s) return Value::nil();
  std::string full = full_name_of(s);
  return full.empty() ? Value::nil() : Value::object(vm.names.symbol({}, full));
}

std::vector<Value> class_parents(State& vm, Value c) {
  std::vector<Value> out;
  if (RecordType* rt = as<RecordType>(c)) {
    if (rt->is_record)
      for (const char* n : kRecordSupers) out.push_back(Value::object(vm.names.symbol({}, n)));
    else
      for (const char* n : kTypeSupers) out.push_back(Value::object(vm.names.symbol({}, n)));
    return out;
  }
  Value cc = canonical_class(vm, c);
  if (cc.is_nil()) return out;
  for (const std::string& p : name_parents(std::string(as<Symbol>(cc)->name_view())))
    out.push_back(Value::object(vm.names.symbol({}, p)));
  return out;
}

std::vector<Value> class_ancestors(State& vm, Value c) {
  std::vector<Value> out;
  Value self = canonical_class(vm, c);
  if (self.is_nil()) return out;
  Value object = Value::object(vm.names.symbol({}, "java.lang.Object"));
  bool has_object = false;
  std::vector<Value> frontier{self};
  auto seen = [&](Value v) {
    if (v == self) return true;
    for (Value o : out)
      if (o == v) return true;
    return false;
  };
  while (!frontier.empty()) {
    std::vector<Value> next_level;
    for (Value f : frontier)
      for (Value p : class_parents(vm, f)) {
        if (p == object) {
          has_object = true;
          continue;
        }
        if (seen(p)) continue;
        out.push_back(p);
        next_level.push_back(p);
      }
    frontier.swap(next_level);
  }
  if (has_object) out.push_back(object);
  return out;
}

// The component class name of an array of references or arrays ("java.lang.String" for
// [Ljava.lang.String;, "[J" for [[J); "" for primitive arrays and non-arrays.
std::string_view array_component_name(std::string_view n) {
  if (n.size() > 2 && n[0] == '[' && n[1] == 'L' && n.back() == ';') return n.substr(2, n.size() - 3);
  if (n.size() > 2 && n[0] == '[' && n[1] == '[') return n.substr(1);
  return {};
}

bool class_assignable(State& vm, Value parent, Value child) {
  Value p = canonical_class(vm, parent), c = canonical_class(vm, child);
  if (p.is_nil() || c.is_nil()) return false;
  if (p == c) return true;
  // Arrays are covariant: a String[] is an Object[] (Class.isAssignableFrom).
  if (Symbol* ps = as<Symbol>(p)) {
    std::string_view pc = array_component_name(ps->name_view());
    std::string_view cc = is<Symbol>(c) ? array_component_name(as<Symbol>(c)->name_view()) : std::string_view{};
    // Every reference component (a record class too) is an Object.
    if (!pc.empty() && !cc.empty() && pc == "java.lang.Object") return true;
    if (!pc.empty() && !cc.empty())
      return class_assignable(vm, Value::object(vm.names.symbol({}, pc)), Value::object(vm.names.symbol({}, cc)));
  }
  for (Value a : class_ancestors(vm, c))
    if (a == p) return true;
  return false;
}

bool instance_of(State& vm, Value c, Value x) {
  if (x.is_nil()) return false;
  return class_assignable(vm, c, class_of(vm, x));
}

const std::vector<HostClassName>& host_class_names() { return graph().names; }

}  // namespace clove
