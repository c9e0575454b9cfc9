// errors.cpp: natives about exceptions beyond ex-info (SPEC L13): Throwable->map.
#include "runtime/coll/coll.h"
#include "natives/args.h"

namespace clove {

namespace {

// A trace entry as Clojure's StackTraceElement->vec: [fn-symbol method "file" line].
// Clove has no classes per fn, so the first element names the fn (ns/name) and the
// method is always `invoke`.
Value trace_element(State& vm, const TraceEntry& t) {
  Value items[4] = {
      Value::object(vm.sym(t.fn_name ? std::string(t.fn_name->view()) : "fn")),
      Value::object(vm.sym("invoke")),
      string_value(vm.heap, t.pos.known() ? vm.sources.name(t.pos.file) : "NO_SOURCE_FILE"),
      Value::small_int(t.pos.known() ? t.pos.line : 0),
  };
  return vector_from(vm.heap, items, 4);
}

Value kw(State& vm, const char* name) { return Value::object(vm.names.keyword({}, name)); }

// {:type cls :message m :data d :at [..]}: one element of :via.
Value via_entry(State& vm, Exception* e) {
  std::vector<Value> kvs{kw(vm, "type"), Value::object(vm.sym(error_class_name(e->kind)))};
  if (e->message) {
    kvs.push_back(kw(vm, "message"));
    kvs.push_back(Value::object(e->message));
  }
  if (!e->data.is_nil()) {
    kvs.push_back(kw(vm, "data"));
    kvs.push_back(e->data);
  }
  if (!e->frames.empty()) {
    kvs.push_back(kw(vm, "at"));
    kvs.push_back(trace_element(vm, e->frames.front()));
  }
  return map_from(vm, kvs.data(), kvs.size() / 2);
}

Value e_throwable_to_map(State& vm, Args a) {
  Exception* top = as<Exception>(a[0]);
  if (!top)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.lang.Throwable", value_type_name(a[0])));
  // Nothing below calls back into Clove, so no collection can happen while we build.
  std::vector<Exception*> chain;
  for (Value c = a[0]; is<Exception>(c) && chain.size() < 100; c = as<Exception>(c)->cause)
    chain.push_back(as<Exception>(c));
  Exception* root = chain.back();
  std::vector<Value> via;
  for (Exception* e : chain) via.push_back(via_entry(vm, e));
  std::vector<Value> trace;
  for (const TraceEntry& t : root->frames) trace.push_back(trace_element(vm, t));
  std::vector<Value> kvs{kw(vm, "via"), vector_from(vm.heap, via.data(), via.size()), kw(vm, "trace"),
                         vector_from(vm.heap, trace.data(), trace.size())};
  if (root->message) {
    kvs.push_back(kw(vm, "cause"));
    kvs.push_back(Value::object(root->message));
  }
  if (!root->data.is_nil()) {
    kvs.push_back(kw(vm, "data"));
    kvs.push_back(root->data);
  }
  return map_from(vm, kvs.data(), kvs.size() / 2);
}

}  // namespace

void install_error_natives(State& vm) {
  vm.def_native("clojure.core", "Throwable->map", e_throwable_to_map, 1, 1,
                "Constructs a data representation for a Throwable with keys:\n"
                "    :cause - root cause message\n"
                "    :phase - error phase\n"
                "    :via - cause chain, with cause keys:\n"
                "             :type - exception class symbol\n"
                "             :message - exception message\n"
                "             :data - ex-data\n"
                "             :at - top stack element\n"
                "    :trace - root cause stack elements\n"
                "Each stack element is [fn-symbol invoke \"file\" line].",
                "([o])");
}

}  // namespace clove
