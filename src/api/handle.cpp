// handle.cpp: clove::Handle (include/clove/handle.h) over the VM's HandleTable
// (api/handles.h). Every operation that can fail in Clove goes through api/errors.h's
// guarded(), so it throws clove::Error.
#include <stdexcept>

#include "api/errors.h"
#include "api/handles.h"
#include "clove/vm.h"
#include "runtime/coll/coll.h"
#include "runtime/lang/host_class.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"

namespace clove {
namespace detail {

Value HandleAccess::value(const Handle& h) {
  if (!h.table_) return Value::nil();
  if (!h.table_->runtime) throw std::logic_error("clove::Handle used after its VM was destroyed");
  return h.table_->slots[h.slot_];
}

Runtime& HandleAccess::runtime(const Handle& h) {
  if (!h.table_) throw std::logic_error("clove::Handle has no VM (default-constructed or moved from)");
  if (!h.table_->runtime) throw std::logic_error("clove::Handle used after its VM was destroyed");
  return *h.table_->runtime;
}

}  // namespace detail

using detail::HandleAccess;

Handle::Handle(const Handle& other) : table_(other.table_) {
  if (table_ && table_->runtime) slot_ = table_->add(table_->slots[other.slot_]);
}

Handle::Handle(Handle&& other) noexcept : table_(std::move(other.table_)), slot_(other.slot_) {
  other.table_.reset();
}

Handle& Handle::operator=(const Handle& other) {
  if (this != &other) *this = Handle(other);
  return *this;
}

Handle& Handle::operator=(Handle&& other) noexcept {
  if (this != &other) {
    if (table_) table_->release(slot_);
    table_ = std::move(other.table_);
    slot_ = other.slot_;
    other.table_.reset();
  }
  return *this;
}

Handle::~Handle() {
  if (table_) table_->release(slot_);
}

bool Handle::alive() const { return table_ && table_->runtime; }

VM& Handle::vm() const {
  HandleAccess::runtime(*this);
  return *table_->vm;
}

namespace {
/// A new handle in h's table (h must be alive).
Handle sibling(const Handle& h, Value v) { return HandleAccess::make(HandleAccess::table(h.vm()), v); }
}  // namespace

std::string Handle::type_name() const {
  Value v = HandleAccess::value(*this);
  return v.is_nil() ? "nil" : class_name_of(v);
}
bool Handle::is_nil() const { return HandleAccess::value(*this).is_nil(); }
bool Handle::truthy() const { return HandleAccess::value(*this).truthy(); }
bool Handle::is_number() const { return clove::is_number(HandleAccess::value(*this)); }
bool Handle::is_string() const { return is<String>(HandleAccess::value(*this)); }
bool Handle::is_keyword() const { return is<Keyword>(HandleAccess::value(*this)); }
bool Handle::is_fn() const {
  return has_traits(HandleAccess::value(*this), trait::IFn);
}

std::string Handle::str() const {
  Runtime& rt = HandleAccess::runtime(*this);
  return detail::guarded(rt, [&] { return str_of(rt, HandleAccess::value(*this)); });
}

std::string Handle::pr_str() const {
  Runtime& rt = HandleAccess::runtime(*this);
  return detail::guarded(rt, [&] { return clove::pr_str(rt, HandleAccess::value(*this)); });
}

bool Handle::equals(const Handle& other) const {
  Runtime& rt = HandleAccess::runtime(*this);
  return detail::guarded(rt, [&] { return equiv(rt, HandleAccess::value(*this), HandleAccess::value(other)); });
}

int32_t Handle::hash() const {
  Runtime& rt = HandleAccess::runtime(*this);
  return detail::guarded(rt, [&] { return static_cast<int32_t>(clove::hash(rt, HandleAccess::value(*this))); });
}

int64_t Handle::count() const {
  Runtime& rt = HandleAccess::runtime(*this);
  return detail::guarded(rt, [&] { return clove::count(rt, HandleAccess::value(*this)); });
}

Handle Handle::get(const Handle& key) const {
  Runtime& rt = HandleAccess::runtime(*this);
  Value v = detail::guarded(rt, [&] { return clove::get(rt, HandleAccess::value(*this), HandleAccess::value(key)); });
  return sibling(*this, v);
}

Handle Handle::get(std::string_view keyword) const { return get(vm().keyword(keyword)); }

Handle Handle::nth(int64_t i) const {
  Runtime& rt = HandleAccess::runtime(*this);
  Value v = detail::guarded(rt, [&] { return clove::nth(rt, HandleAccess::value(*this), i); });
  return sibling(*this, v);
}

std::vector<Handle> Handle::items() const {
  Runtime& rt = HandleAccess::runtime(*this);
  std::vector<Handle> out;
  detail::guarded(rt, [&] {
    // The cursor lives in a handle: realizing a lazy seq may collect.
    Handle cursor = sibling(*this, clove::seq(rt, HandleAccess::value(*this)));
    while (!HandleAccess::value(cursor).is_nil()) {
      out.push_back(sibling(*this, first(rt, HandleAccess::value(cursor))));
      cursor = sibling(*this, next(rt, HandleAccess::value(cursor)));
    }
    return 0;
  });
  return out;
}

}  // namespace clove
