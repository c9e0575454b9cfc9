// vm.cpp: clove::VM, the public face of a Runtime (include/clove/vm.h).
#include "clove/vm.h"

#include <fmt/format.h>

#include "api/errors.h"
#include "api/handles.h"
#include "api/host_class.h"
#include "image/marshal.h"
#include "clove/convert.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/function.h"
#include "runtime/num/number.h"

namespace clove {

using detail::HandleAccess;

// The public capability bits are the internal ones (state/capability.h).
static_assert(static_cast<uint32_t>(Capability::Fs) == capability_bit(CapabilityId::Fs));
static_assert(static_cast<uint32_t>(Capability::Process) == capability_bit(CapabilityId::Process));
static_assert(static_cast<uint32_t>(Capability::Env) == capability_bit(CapabilityId::Env));
static_assert(static_cast<uint32_t>(Capability::Net) == capability_bit(CapabilityId::Net));
static_assert(static_cast<uint32_t>(Capability::Load) == capability_bit(CapabilityId::Load));
static_assert(static_cast<uint32_t>(Capability::Ffi) == capability_bit(CapabilityId::Ffi));
static_assert(static_cast<uint32_t>(Capability::Time) == capability_bit(CapabilityId::Time));

namespace {

/// What a native bound by VM::def_raw carries (Native::host_data): the callable and
/// the strings (doc) the Native points at. Owned by the VM.
struct HostNative {
  VM* vm;
  VM::RawNative fn;
  std::string doc;
  std::string arglists;
};

/// The NativeFn of every host native: arguments into handles, the callable, the
/// result back; whatever the callable throws becomes a Clove error.
Value host_trampoline(State& st, Args a) {
  Native* self = as<Native>(a.callee());
  auto* h = static_cast<HostNative*>(self->host_data);
  Runtime& rt = static_cast<Runtime&>(st);
  try {
    const auto& table = HandleAccess::table(*h->vm);
    std::vector<Handle> args;
    args.reserve(static_cast<size_t>(a.size()));
    for (int i = 0; i < a.size(); ++i) args.push_back(HandleAccess::make(table, a[i]));
    Handle result = h->fn(*h->vm, args);
    if (result.has_vm() && &result.vm() != h->vm)
      throw_error(ErrorKind::IllegalArgumentException, fmt::format("{} returned a value of another VM", self->name->view()));
    return HandleAccess::value(result);
  } catch (const detail::ArgumentError& e) {
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: argument {}: {}", self->name->view(), e.index + 1, e.message));
  } catch (...) {
    detail::rethrow_in_clove(rt, std::string(self->name->view()).c_str());
  }
}

/// A new HostNative, kept alive by the VM.
HostNative* new_host_native(VM& vm, VM::RawNative fn, std::string doc, std::string arglists) {
  auto entry = std::make_shared<HostNative>(HostNative{&vm, std::move(fn), std::move(doc), std::move(arglists)});
  HostNative* h = entry.get();
  HandleAccess::natives(vm).push_back(std::move(entry));
  return h;
}

}  // namespace

Native* detail::make_host_native(VM& vm, std::string full_name, VM::RawNative fn, int min_args, int max_args,
                                 std::string doc, std::string arglists) {
  HostNative* h = new_host_native(vm, std::move(fn), std::move(doc), std::move(arglists));
  Runtime& rt = vm.runtime();
  Native* n = rt.heap.make<Native>(host_trampoline, make_string(rt.heap, full_name), h->doc.c_str(),
                                   h->arglists.c_str(), static_cast<int16_t>(min_args), static_cast<int16_t>(max_args));
  n->host_data = h;
  return n;
}

VM::VM(Options options) {
  RuntimeOptions ro;
  ro.load_core_library = options.load_core_library;
  ro.capabilities = options.sandboxed ? options.capabilities & kAllCapabilities : kAllCapabilities;
  ro.max_memory = options.max_memory;
  rt_ = std::make_unique<Runtime>(ro);
  rt_->host_vm = this;
  handles_ = std::make_shared<detail::HandleTable>(rt_.get(), this);
  if (options.max_depth > 0) rt_->limits.max_depth = static_cast<uint32_t>(options.max_depth);
  if (options.max_instructions > 0) rt_->set_budget(options.max_instructions);
  if (options.out) rt_->set_out(options.out);
  if (options.err) rt_->set_err(options.err);
  for (const std::string& dir : options.load_path) rt_->load_path.push_back(dir);
}

VM::~VM() {
  handles_->detach();
  rt_.reset();  // finalizes owned host objects while classes_ still describes them
}

// ---- calling ----

Handle VM::eval(std::string_view source, std::string_view name) {
  return detail::guarded(*rt_, [&] { return HandleAccess::make(*this, rt_->eval_string(source, name)); });
}

Handle VM::load_file(const std::string& path) {
  return detail::guarded(*rt_, [&] {
    rt_->require_capability(CapabilityId::Load, "clove::VM::load_file");
    return HandleAccess::make(*this, rt_->load_file(path));
  });
}

std::string VM::marshal(const Handle& value) {
  return detail::guarded(*rt_, [&] { return clove::marshal(*rt_, HandleAccess::value(value)); });
}

Handle VM::unmarshal(std::string_view bytes) {
  return detail::guarded(*rt_, [&] { return HandleAccess::make(*this, clove::unmarshal(*rt_, bytes)); });
}

namespace {
/// The values `items` hold (rooted by them while the vector is used).
std::vector<Value> values_of(const std::vector<Handle>& items) {
  std::vector<Value> vals;
  vals.reserve(items.size());
  for (const Handle& h : items) vals.push_back(HandleAccess::value(h));
  return vals;
}

Var* find_var(Runtime& rt, std::string_view qualified) {
  size_t slash = qualified.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == qualified.size()) return nullptr;
  Namespace* ns = rt.find_ns(rt.sym(qualified.substr(0, slash)));
  if (!ns) return nullptr;
  Var* v = ns->lookup(rt.sym(qualified.substr(slash + 1)));
  return v && v->ns == ns ? v : nullptr;  // interned there, not referred
}
}  // namespace

Handle VM::var(std::string_view qualified) {
  return detail::guarded(*rt_, [&] {
    Var* v = find_var(*rt_, qualified);
    if (!v) throw_error(ErrorKind::IllegalArgumentException, fmt::format("No such var: {}", qualified));
    return HandleAccess::make(*this, rt_->var_value(v));
  });
}

bool VM::has_var(std::string_view qualified) { return find_var(*rt_, qualified) != nullptr; }

Handle VM::apply(const Handle& fn, const std::vector<Handle>& args) {
  return detail::guarded(*rt_, [&] {
    std::vector<Value> vals = values_of(args);
    Value r = rt_->call(HandleAccess::value(fn), vals.data(), static_cast<int>(vals.size()));
    return HandleAccess::make(*this, r);
  });
}

Handle VM::call_converted(const Handle& fn, std::initializer_list<Handle> args) {
  return apply(fn, std::vector<Handle>(args));
}

// ---- making values ----

Handle VM::nil() { return HandleAccess::make(*this, Value::nil()); }
Handle VM::boolean(bool b) { return HandleAccess::make(*this, Value::boolean(b)); }
Handle VM::integer(int64_t n) {
  return detail::guarded(*rt_, [&] { return HandleAccess::make(*this, make_long(rt_->heap, n)); });
}
Handle VM::number(double d) { return HandleAccess::make(*this, Value::from_double(d)); }
Handle VM::string(std::string_view utf8) {
  return detail::guarded(*rt_, [&] { return HandleAccess::make(*this, Value::object(make_string(rt_->heap, utf8))); });
}
Handle VM::keyword(std::string_view name) {
  if (!name.empty() && name[0] == ':') name.remove_prefix(1);
  return detail::guarded(*rt_, [&] { return HandleAccess::make(*this, Value::object(rt_->kw(name))); });
}
Handle VM::symbol(std::string_view name) {
  return detail::guarded(*rt_, [&] { return HandleAccess::make(*this, Value::object(rt_->sym(name))); });
}

Handle VM::vector(const std::vector<Handle>& items) {
  return detail::guarded(*rt_, [&] {
    std::vector<Value> vals = values_of(items);
    return HandleAccess::make(*this, vector_from(rt_->heap, vals.data(), vals.size()));
  });
}
Handle VM::list(const std::vector<Handle>& items) {
  return detail::guarded(*rt_, [&] {
    std::vector<Value> vals = values_of(items);
    return HandleAccess::make(*this, list_from(rt_->heap, vals.data(), vals.size()));
  });
}
Handle VM::map(const std::vector<std::pair<Handle, Handle>>& entries) {
  return detail::guarded(*rt_, [&] {
    std::vector<Value> kvs;
    kvs.reserve(entries.size() * 2);
    for (const auto& [k, v] : entries) {
      kvs.push_back(HandleAccess::value(k));
      kvs.push_back(HandleAccess::value(v));
    }
    return HandleAccess::make(*this, map_from(*rt_, kvs.data(), entries.size()));
  });
}
Handle VM::set(const std::vector<Handle>& items) {
  return detail::guarded(*rt_, [&] {
    std::vector<Value> vals = values_of(items);
    return HandleAccess::make(*this, set_from(*rt_, vals.data(), vals.size()));
  });
}

// ---- natives ----

void VM::def_raw(std::string_view ns, std::string_view name, RawNative fn, int min_args, int max_args,
                 std::string_view doc, std::string_view arglists) {
  detail::guarded(*rt_, [&] {
    HostNative* h = new_host_native(*this, std::move(fn), std::string(doc), std::string(arglists));
    Var* v = rt_->def_native(ns, name, host_trampoline, min_args, max_args, h->doc.c_str(), h->arglists.c_str());
    as<Native>(v->root)->host_data = h;
    return 0;
  });
}

// ---- limits and sandbox ----

void VM::set_budget(int64_t n) { rt_->set_budget(n); }
int64_t VM::budget_left() const { return rt_->budget_left(); }
void VM::interrupt() { rt_->interrupt(); }
void VM::grant(uint32_t caps) { rt_->capabilities |= caps & kAllCapabilities; }
void VM::revoke(uint32_t caps) { rt_->capabilities &= ~caps; }
bool VM::has_capability(Capability c) const { return (rt_->capabilities & static_cast<uint32_t>(c)) != 0; }

// ---- collection ----

void VM::collect() { rt_->heap.collect(); }
size_t VM::heap_bytes() const { return rt_->heap.bytes_live(); }

}  // namespace clove
