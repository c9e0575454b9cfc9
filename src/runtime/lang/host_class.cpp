// host_class.cpp: the graph of host class names and the class queries of host_class.h.
//
// The graph is derived, once per process, from the type table: every trait
// (core/traits.h) is an interface whose parents are its super-interfaces; every object
// type whose class does not vary per instance is a class whose parents are its
// superclass and the traits it implements beyond its superclass's (trait_minimal: an
// interface implied by another listed one is left out), so a PersistentVector lists
// IPersistentVector but not the Associative, Sequential, ... it implies. Records and
// deftypes take the supertypes of the Record and TypeInstance rows, Java arrays those
// of the JavaArray row. What is left written here: the classes of immediate values
// and a few more that are not object types (kOtherClasses), and the exception classes
// of core/error.h. Class values themselves are each VM's JavaClass objects
// (class_value.h), one per name, held by State::classes.
#include "runtime/lang/host_class.h"

#include <mutex>
#include <utility>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "core/error.h"
#include "runtime/lang/class_value.h"
#include "runtime/lang/exception.h"
#include "runtime/lang/host_object.h"
#include "runtime/lang/record.h"
#include "runtime/num/number.h"
#include "state/state.h"

namespace clove {

namespace {

/// A class that is not an object type's: its name, its superclass (nullptr:
/// java.lang.Object) and the interfaces it implements.
struct OtherClass {
  const char* name;
  const char* superclass;
  Traits traits;
};

// Listed before the object types, superclasses first: the classes of longs, doubles,
// booleans and characters (java.lang.Long and java.lang.Float are the rows of BoxedLong
// and BoxedFloat), the numbers Clojure code names that Clove has no type for, and
// Number itself.
constexpr OtherClass kOtherClasses[] = {
    {"java.lang.Number", nullptr, trait::Serializable},
    {"java.lang.Integer", "java.lang.Number", trait::Comparable},
    {"java.lang.Double", "java.lang.Number", trait::Comparable},
    {"java.math.BigInteger", "java.lang.Number", trait::Comparable},
    {"java.lang.Boolean", nullptr, trait::Comparable | trait::Serializable},
    {"java.lang.Character", nullptr, trait::Comparable | trait::Serializable},
};

// The classes of seqs over primitive arrays (JavaArraySeq's class names), after the
// object types, since their superclass is ArraySeq's row.
constexpr const char* kArraySeqClasses[] = {
    "clojure.lang.ArraySeq$ArraySeq_long",  "clojure.lang.ArraySeq$ArraySeq_int",
    "clojure.lang.ArraySeq$ArraySeq_double", "clojure.lang.ArraySeq$ArraySeq_float",
    "clojure.lang.ArraySeq$ArraySeq_short", "clojure.lang.ArraySeq$ArraySeq_byte",
    "clojure.lang.ArraySeq$ArraySeq_char",  "clojure.lang.ArraySeq$ArraySeq_boolean",
};

constexpr const char* kObject = "java.lang.Object";

// Java classes Clove emulates under another name: a name on the left denotes the class
// on the right (extending a protocol to java.io.PushbackReader extends it to Clove's
// readers, which are all pushback readers).
constexpr std::pair<const char*, const char*> kClassAliases[] = {
    {"java.io.PushbackReader", "java.io.Reader"},
    {"java.io.BufferedReader", "java.io.Reader"},
    {"java.io.StringReader", "java.io.Reader"},
    {"java.io.InputStreamReader", "java.io.Reader"},
    {"java.io.LineNumberReader", "java.io.Reader"},
    {"clojure.lang.LineNumberingPushbackReader", "java.io.Reader"},
    {"java.io.PrintWriter", "java.io.Writer"},
    {"java.io.BufferedWriter", "java.io.Writer"},
    {"java.io.OutputStreamWriter", "java.io.Writer"},
    {"clojure.lang.APersistentMap", "clojure.lang.IPersistentMap"},
    {"clojure.lang.APersistentVector", "clojure.lang.IPersistentVector"},
    {"clojure.lang.APersistentSet", "clojure.lang.IPersistentSet"},
    {"clojure.lang.ASeq", "clojure.lang.ISeq"},
    {"clojure.lang.AFn", "clojure.lang.IFn"},
};

struct Graph {
  std::unordered_map<std::string, std::vector<std::string>> parents;
  std::unordered_map<std::string, Traits> traits;  // every interface a class implements
  std::unordered_map<std::string, std::string> short_to_full;
  std::unordered_set<std::string> interfaces;  // the traits' names
  std::vector<HostClassName> names;
};

void add_class(Graph& g, const std::string& full, std::vector<std::string> parents, Traits traits) {
  if (g.parents.count(full)) return;
  g.parents[full] = std::move(parents);
  g.traits[full] = traits;
  std::string short_name;
  if (full.rfind("java.lang.", 0) == 0 && full.find('.', 10) == std::string::npos) {
    short_name = full.substr(10);
    g.short_to_full[short_name] = full;
  }
  g.names.push_back({full, short_name});
}

/// The interface names of the traits in ts, in trait order.
std::vector<std::string> trait_names(Traits ts) {
  std::vector<std::string> out;
  for (int i = 0; i < static_cast<int>(TraitId::kCount); ++i)
    if (ts & (Traits{1} << i)) out.emplace_back(trait_name(static_cast<TraitId>(i)));
  return out;
}

/// The direct supertypes of a class with this superclass (nullptr: Object) and these
/// traits: the superclass, then the interfaces it adds, minimal ones only.
std::vector<std::string> class_supers(const Graph& g, const char* superclass, Traits traits) {
  std::string sup = superclass ? superclass : kObject;
  auto it = g.traits.find(sup);
  Traits inherited = it == g.traits.end() ? 0 : it->second;
  std::vector<std::string> out{sup};
  for (std::string& n : trait_names(trait_minimal(traits & ~inherited))) out.push_back(std::move(n));
  return out;
}

/// Adds a class with its superclass and traits; its traits in the graph include the
/// superclass's.
void add_concrete(Graph& g, const char* name, const char* superclass, Traits traits) {
  auto it = g.traits.find(superclass ? superclass : kObject);
  Traits all = trait_closure(traits) | (it == g.traits.end() ? 0 : it->second);
  add_class(g, name, class_supers(g, superclass, traits), all);
}

const Graph& graph() {
  static Graph g;
  static std::once_flag once;
  std::call_once(once, [] {
    add_class(g, kObject, {}, 0);
    for (int i = 0; i < static_cast<int>(TraitId::kCount); ++i) {
      auto t = static_cast<TraitId>(i);
      add_class(g, trait_name(t), trait_names(trait_minimal(trait_supers(t))), trait_closure(trait_supers(t)));
      g.interfaces.insert(trait_name(t));
    }
    for (const OtherClass& c : kOtherClasses) add_concrete(g, c.name, c.superclass, c.traits);
    for (int i = 0; i < static_cast<int>(ObjType::kCount); ++i) {
      const TypeInfo& ti = type_info(static_cast<ObjType>(i));
      if (!ti.class_name) add_concrete(g, ti.name, ti.superclass, ti.traits);  // else: per instance
    }
    for (const char* name : kArraySeqClasses) add_concrete(g, name, "clojure.lang.ArraySeq", 0);
    // The exception classes of core/error.h, with their superclass chain.
    for (int i = 0; i < static_cast<int>(ErrorKind::kCount); ++i) {
      auto k = static_cast<ErrorKind>(i);
      std::vector<std::string> ps;
      ps.emplace_back(k == ErrorKind::Throwable ? kObject : error_class_name(error_parent(k)));
      if (k == ErrorKind::Throwable) ps.emplace_back("java.io.Serializable");
      if (k == ErrorKind::ExceptionInfo) ps.emplace_back("clojure.lang.IExceptionInfo");
      add_class(g, error_class_name(k), std::move(ps), 0);
    }
  });
  return g;
}

/// The direct supertypes of the classes of a type's instances (records, deftypes,
/// arrays), from the type's row.
std::vector<std::string> row_supers(ObjType t) {
  const TypeInfo& ti = type_info(t);
  return class_supers(graph(), ti.superclass, ti.traits);
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
  if (it != g.short_to_full.end()) return it->second;
  for (const auto& [alias, target] : kClassAliases)
    if (name == alias) return target;
  return "";
}

/// The class values of the interfaces in ts (minimal ones only), in trait order.
void add_trait_classes(State& vm, Traits ts, std::vector<Value>& out) {
  for (const std::string& n : trait_names(trait_minimal(ts))) {
    Value c = class_named(vm, n);
    bool dup = false;
    for (Value o : out) dup = dup || o == c;
    if (!dup) out.push_back(c);
  }
}

std::vector<std::string> name_parents(const std::string& full) {
  // Every array class extends Object and implements Cloneable and Serializable, the
  // JavaArray row's (what supers and ancestors report on the JVM; covariance is
  // class_assignable's).
  if (is_array_class_name(full)) return row_supers(ObjType::JavaArray);
  auto it = graph().parents.find(full);
  return it == graph().parents.end() ? std::vector<std::string>{} : it->second;
}

}  // namespace

Value class_named(State& vm, std::string_view full) {
  if (Symbol* known = vm.names.find_symbol({}, full))
    if (Obj* c = vm.classes.find(known)) return Value::object(c);
  if (!graph().parents.count(std::string(full)) && !is_array_class_name(full)) return Value::nil();
  return class_named_trusted(vm, full);
}

Value class_named_trusted(State& vm, std::string_view full) {
  Symbol* name = vm.names.symbol({}, full);
  if (Obj* c = vm.classes.find(name)) return Value::object(c);
  JavaClass* c = vm.heap.make<JavaClass>(name);
  vm.classes.add(name, c);
  return Value::object(c);
}

bool class_is_interface(const JavaClass* c) {
  if (c->interface_state < 0) c->interface_state = graph().interfaces.count(std::string(c->name_view())) > 0;
  return c->interface_state > 0;
}

Value class_of(State& vm, Value v) {
  if (v.is_nil()) return v;
  if (Record* r = as_instance(v)) return Value::object(r->rtype);
  if (HostObject* h = as<HostObject>(v)) return Value::object(h->cls);
  const char* name = value_type_name(v);
  if (Obj* c = vm.classes.find_type_name(name)) return Value::object(c);
  Value c = class_named(vm, name);
  if (c.is_nil()) return Value::object(vm.sym(name));  // no such class in the graph: never for a type's name
  vm.classes.remember_type_name(name, c.as_obj());
  return c;
}

std::string class_name_of(Value v) { return value_type_name(v); }

Value canonical_class(State& vm, Value c) {
  if (is<JavaClass>(c) || is<RecordType>(c)) return c;
  Symbol* s = as<Symbol>(c);
  if (!s) return Value::nil();
  std::string full = full_name_of(s);
  return full.empty() ? Value::nil() : class_named(vm, full);
}

bool is_foreign_class_name(Value c) {
  Symbol* s = as<Symbol>(c);
  if (!s || s->ns) return false;
  std::string_view n = s->name_view();
  return n.find('.') != std::string_view::npos && n.front() != '.' && n.back() != '.' && full_name_of(s).empty();
}

std::vector<Value> class_parents(State& vm, Value c) {
  std::vector<Value> out;
  if (RecordType* rt = as<RecordType>(c)) {
    ObjType row = rt->host ? ObjType::HostObject : rt->is_record ? ObjType::Record : ObjType::TypeInstance;
    for (const std::string& n : row_supers(row)) out.push_back(class_named(vm, n));
    // the interfaces the defrecord/deftype form implements inline (user_type.h)
    add_trait_classes(vm, rt->ifaces.traits & ~type_info(row).traits, out);
    return out;
  }
  Value cc = canonical_class(vm, c);
  if (cc.is_nil()) return out;
  for (const std::string& p : name_parents(std::string(class_value_name(cc)))) out.push_back(class_named(vm, p));
  return out;
}

std::vector<Value> class_ancestors(State& vm, Value c) {
  std::vector<Value> out;
  Value self = canonical_class(vm, c);
  if (self.is_nil()) return out;
  Value object = class_named(vm, kObject);
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
  if (is<JavaClass>(p) && is<JavaClass>(c)) {
    std::string_view pc = array_component_name(class_value_name(p));
    std::string_view cc = array_component_name(class_value_name(c));
    // Every reference component (a record class too) is an Object.
    if (!pc.empty() && !cc.empty() && pc == "java.lang.Object") return true;
    if (!pc.empty() && !cc.empty())
      return class_assignable(vm, Value::object(vm.names.symbol({}, pc)), Value::object(vm.names.symbol({}, cc)));
  }
  for (Value a : class_ancestors(vm, c))
    if (a == p) return true;
  return false;
}

namespace {

using InstanceKey = std::pair<const void*, const char*>;

/// The State::instance_cache key of (instance? c x): c (a JavaClass, or the interned
/// symbol of a class name) and the static class name of x's type. Its first member is
/// null when the answer is not cached: c neither, or x nil or of a class per instance (a
/// record, deftype, reify or host object, an array).
InstanceKey instance_key(State& vm, Value c, Value x) {
  Symbol* s = as<Symbol>(c);
  if (!(s || is<JavaClass>(c)) || x.is_nil() || as_instance(x) || is<HostObject>(x) || is<Reify>(x) ||
      (x.is_obj() && type_of(x.as_obj()).class_name))
    return {nullptr, nullptr};
  return {s ? static_cast<const void*>(vm.names.canonical(s)) : c.as_obj(), value_type_name(x)};
}

bool instance_of_uncached(State& vm, Value c, Value x) {
  if (class_assignable(vm, c, class_of(vm, x))) return true;
  // a reify object's interfaces are its own, not its class's
  if (Reify* r = as<Reify>(x); r && r->ifaces.traits) {
    Value cc = canonical_class(vm, c);
    for (Value i : instance_interfaces(vm, x))
      if (i == cc || class_assignable(vm, cc, i)) return true;
  }
  return false;
}

}  // namespace

bool instance_of(State& vm, Value c, Value x) {
  if (x.is_nil()) return false;
  InstanceKey key = instance_key(vm, c, x);
  if (key.first) {
    auto it = vm.instance_cache.find(key);
    if (it != vm.instance_cache.end()) return it->second;
  }
  bool answer = instance_of_uncached(vm, c, x);
  // Only a class's answers are kept, so a hit in instance_check also means c is a class.
  if (key.first && !canonical_class(vm, c).is_nil()) vm.instance_cache.emplace(key, answer);
  return answer;
}

std::optional<bool> instance_check(State& vm, Value c, Value x) {
  InstanceKey key = instance_key(vm, c, x);
  if (key.first) {
    auto it = vm.instance_cache.find(key);
    if (it != vm.instance_cache.end()) return it->second;
  }
  if (is_foreign_class_name(c)) {
    if (key.first) vm.instance_cache.emplace(key, false);
    return false;
  }
  if (!is_class(vm, c)) return std::nullopt;
  return instance_of(vm, c, x);  // a miss again there, which fills the cache
}

std::vector<Value> instance_interfaces(State& vm, Value x) {
  std::vector<Value> out;
  if (Reify* r = as<Reify>(x)) add_trait_classes(vm, r->ifaces.traits, out);
  return out;
}

const std::vector<HostClassName>& host_class_names() { return graph().names; }

}  // namespace clove
