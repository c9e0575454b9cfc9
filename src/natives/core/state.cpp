// state.cpp: clojure.core's reference types (SPEC L10): atoms with validators and
// watches, volatiles, delays, and `deref` over all of them (objects in
// runtime/coll/ref_types.h; semantics of clojure.lang.Atom, Volatile and Delay).
//
// Everything here that calls a fn (swap!, validators, watches, delay thunks) may run a
// collection, so the values held across those calls are kept in a RootScope or read
// back through Args (which reads the VM stack).
#include "runtime/lang/user_type.h"
#include <vector>

#include "core/print_context.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/map_ops.h"
#include "runtime/coll/ref_types.h"
#include "runtime/lang/record.h"
#include "runtime/lang/unbound.h"
#include "natives/args.h"
#include "natives/seq.h"
#include "state/continuation.h"

namespace clove {

namespace {

Atom* arg_atom(Args a, int i, const char* fn) {
  Atom* at = as<Atom>(a[i]);
  if (!at)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class clojure.lang.IAtom", fn, value_type_name(a[i])));
  return at;
}

Volatile* arg_volatile(Args a, int i, const char* fn) {
  Volatile* v = as<Volatile>(a[i]);
  if (!v)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("{}: class {} cannot be cast to class clojure.lang.Volatile", fn, value_type_name(a[i])));
  return v;
}

/// Sets the atom and notifies its watches (after validation by the caller).
void set_and_notify(State& vm, Atom* atom, Value oldv, Value newv) {
  atom->val = newv;
  vm.heap.barrier(atom, newv);
  ref_notify_watches(vm, Value::object(atom), atom->watches, oldv, newv);
}

// (atom x & {:keys [meta validator]})
Value s_atom(State& vm, Args a) {
  if (a.size() % 2 == 0) throw_error(ErrorKind::IllegalArgumentException, "atom: options must come in key/value pairs");
  Atom* at = vm.heap.make<Atom>(a[0]);
  RootScope scope(vm.heap);
  scope.push(Value::object(at));
  at->watches = empty_hash_map(vm.heap);
  Value meta_kw = Value::object(vm.kw("meta")), validator_kw = Value::object(vm.kw("validator"));
  for (int i = 1; i + 1 < a.size(); i += 2) {
    if (a[i] == meta_kw) {
      if (!a[i + 1].is_nil() && !is_map(a[i + 1]))
        throw_error(ErrorKind::ClassCastException,
                    fmt::format("class {} cannot be cast to class clojure.lang.IPersistentMap", value_type_name(a[i + 1])));
      at->meta = a[i + 1];
    } else if (a[i] == validator_kw) {
      ref_validate(vm, a[i + 1], at->val);
      at->validator = a[i + 1];
    }
  }
  return Value::object(at);
}

// A Delay's body runs through the dispatch loop (State::call_then), so a fiber can
// yield inside it; delay_done and delay_failed record its value or exception.
Value delay_result(Delay* d) {
  if (!d->exception.is_nil()) {
    Exception* e = as<Exception>(d->exception);
    throw CloveError(e ? e->kind : ErrorKind::RuntimeException,
                     e && e->message ? std::string(e->message->view()) : "", d->exception);
  }
  return d->val;
}
Value delay_done(State& vm, Args, Value ctx, Value result) {
  if (!is<Delay>(ctx)) bad_continuation("force's");
  auto* d = static_cast<Delay*>(ctx.as_obj());
  if (!d->realized()) {  // else the body forced its own delay: the first value stays
    d->val = result;
    d->fn = Value::nil();
    vm.heap.barrier(d, result);
  }
  return delay_result(d);
}
void delay_failed(State& vm, Value ctx, Value exc) {
  if (!is<Delay>(ctx)) return;  // an unwind hook must not throw
  auto* d = static_cast<Delay*>(ctx.as_obj());
  if (d->realized()) return;
  d->exception = exc;
  d->fn = Value::nil();
  vm.heap.barrier(d, exc);
}

// The blocking references written in Clove (promises and futures, src/lib/09_refs.clj,
// deftype instances) are dereferenced by clojure.core/-deref-blocking, a protocol call
// that may run other futures' fibers while it waits; the native hands the call to the
// dispatch loop (a tail call), so a future's fiber can suspend inside it. Returns
// kRequest, or nil after throwing when the var is not there (a VM without the core
// library) or the value is not a blocking reference.
Value deref_blocking(State& vm, Args a) {
  Var* v = vm.core_ns()->lookup(vm.sym("-deref-blocking"));
  if (!v || !v->bound)
    throw_error(ErrorKind::ClassCastException,
                fmt::format("class {} cannot be cast to class java.util.concurrent.Future", value_type_name(a[0])));
  Value args[3] = {a[0], a.size() > 1 ? a[1] : Value::nil(), a.size() > 2 ? a[2] : Value::nil()};
  return vm.tail_call(v->root, args, static_cast<int>(a.size()));
}

Value s_deref(State& vm, Args a) {
  Value r = a[0];
  if (a.size() == 3) {
    // (deref ref timeout-ms timeout-val): IBlockingDeref, which only promises and
    // futures implement.
    if (!is_type(r, ObjType::TypeInstance))
      throw_error(ErrorKind::ClassCastException,
                  fmt::format("class {} cannot be cast to class clojure.lang.IBlockingDeref", value_type_name(r)));
    return deref_blocking(vm, a);
  }
  if (a.size() != 1)
    throw_error(ErrorKind::ArityException, fmt::format("Wrong number of args ({}) passed to: clojure.core/deref", a.size()));
  if (Atom* at = as<Atom>(r)) return at->val;
  if (Volatile* v = as<Volatile>(r)) return v->val;
  if (Delay* d = as<Delay>(r)) {
    if (!d->realized()) return vm.call_then(d->fn, nullptr, 0, delay_done, r, delay_failed);
    return delay_result(d);
  }
  if (Var* v = as<Var>(r)) return var_value_or_unbound(vm, v);  // @#'x: innermost binding, else root
  if (Reduced* rd = as<Reduced>(r)) return rd->value;
  if (Value f = user_method(r, IMethod::deref); !f.is_nil()) return vm.tail_call(f, &r, 1);  // IDeref
  throw_missing_method(r, trait::IDeref, "deref");
  if (is_type(r, ObjType::TypeInstance)) return deref_blocking(vm, a);  // promises, futures, agents, refs
  throw_error(ErrorKind::ClassCastException,
              fmt::format("class {} cannot be cast to class java.util.concurrent.Future", value_type_name(r)));
}

Value s_reset(State& vm, Args a) {
  Atom* at = arg_atom(a, 0, "reset!");
  ref_validate(vm, at->validator, a[1]);
  Value oldv = at->val;
  RootScope scope(vm.heap);
  scope.push(oldv);
  set_and_notify(vm, at, oldv, a[1]);
  return a[1];
}

Value s_reset_vals(State& vm, Args a) {
  Atom* at = arg_atom(a, 0, "reset-vals!");
  ref_validate(vm, at->validator, a[1]);
  Value oldv = at->val;
  RootScope scope(vm.heap);
  scope.push(oldv);
  set_and_notify(vm, at, oldv, a[1]);
  Value pair[2] = {oldv, a[1]};
  return vector_from(vm.heap, pair, 2);
}

// Atom.swap: (f old args...) runs through the dispatch loop (State::call_then), so a
// fiber can yield inside it; then validate, and store unless f itself changed the atom
// meanwhile (identity test, as compareAndSet), in which case f runs again on the new
// value. swap! returns the new value, swap-vals! [old new]. ctx: the old value.
Value swap_call(State& vm, Args a, Atom* at, NativeCont k) {
  std::vector<Value> args;
  args.push_back(at->val);
  for (int i = 2; i < a.size(); ++i) args.push_back(a[i]);
  return vm.call_then(a[1], args.data(), static_cast<int>(args.size()), k, at->val);
}
// Stores newv if the atom still holds oldv; false when f must run again.
bool swap_store(State& vm, Atom* at, Value oldv, Value newv) {
  RootScope scope(vm.heap);
  scope.push(oldv);
  scope.push(newv);
  ref_validate(vm, at->validator, newv);
  if (at->val != oldv) return false;
  set_and_notify(vm, at, oldv, newv);
  return true;
}
Value swap_k(State& vm, Args a, Value oldv, Value newv) {
  if (!is<Atom>(a[0])) bad_continuation("swap!'s");
  auto* at = static_cast<Atom*>(a[0].as_obj());
  if (!swap_store(vm, at, oldv, newv)) return swap_call(vm, a, at, swap_k);
  return newv;
}
Value swap_vals_k(State& vm, Args a, Value oldv, Value newv) {
  if (!is<Atom>(a[0])) bad_continuation("swap-vals!'s");
  auto* at = static_cast<Atom*>(a[0].as_obj());
  if (!swap_store(vm, at, oldv, newv)) return swap_call(vm, a, at, swap_vals_k);
  Value pair[2] = {oldv, newv};
  return vector_from(vm.heap, pair, 2);
}

Value s_swap(State& vm, Args a) { return swap_call(vm, a, arg_atom(a, 0, "swap!"), swap_k); }

Value s_swap_vals(State& vm, Args a) { return swap_call(vm, a, arg_atom(a, 0, "swap-vals!"), swap_vals_k); }

Value s_compare_and_set(State& vm, Args a) {
  Atom* at = arg_atom(a, 0, "compare-and-set!");
  ref_validate(vm, at->validator, a[2]);
  if (at->val != a[1]) return Value::f();
  set_and_notify(vm, at, a[1], a[2]);
  return Value::t();
}

/// A var's entry in State::var_refs, made (and the var flagged) if it has none.
State::VarRef& var_refs_of(State& vm, Var* v) {
  v->flags |= kFlagWatched;
  return vm.var_refs[v];
}
/// Drops a var's entry once it has neither watches nor a validator.
void trim_var_refs(State& vm, Var* v) {
  auto it = vm.var_refs.find(v);
  if (it == vm.var_refs.end()) return;
  if (it->second.validator.is_nil() && (it->second.watches.is_nil() || map_count(it->second.watches) == 0)) {
    vm.var_refs.erase(it);
    v->flags &= static_cast<uint16_t>(~kFlagWatched);
  }
}

Value s_add_watch(State& vm, Args a) {
  if (Var* v = as<Var>(a[0])) {
    Value old = var_refs_of(vm, v).watches;
    Value w = map_assoc(vm, old.is_nil() ? empty_hash_map(vm.heap) : old, a[1], a[2]);
    vm.var_refs[v].watches = w;  // map_assoc may have collected; the table holds w from here
    return a[0];
  }
  Atom* at = arg_atom(a, 0, "add-watch");
  Value w = map_assoc(vm, at->watches, a[1], a[2]);
  at->watches = w;
  vm.heap.barrier(at, w);
  return a[0];
}

Value s_remove_watch(State& vm, Args a) {
  if (Var* v = as<Var>(a[0])) {
    auto it = vm.var_refs.find(v);
    if (it != vm.var_refs.end() && !it->second.watches.is_nil()) {
      Value w = map_dissoc(vm, it->second.watches, a[1]);
      vm.var_refs[v].watches = w;
      trim_var_refs(vm, v);
    }
    return a[0];
  }
  Atom* at = arg_atom(a, 0, "remove-watch");
  Value w = map_dissoc(vm, at->watches, a[1]);
  at->watches = w;
  vm.heap.barrier(at, w);
  return a[0];
}

Value s_set_validator(State& vm, Args a) {
  if (Var* v = as<Var>(a[0])) {
    if (v->bound) ref_validate(vm, a[1], vm.var_value(v));
    var_refs_of(vm, v).validator = a[1];
    trim_var_refs(vm, v);
    return Value::nil();
  }
  Atom* at = arg_atom(a, 0, "set-validator!");
  ref_validate(vm, a[1], at->val);
  at->validator = a[1];
  vm.heap.barrier(at, a[1]);
  return Value::nil();
}

Value s_get_validator(State& vm, Args a) {
  if (Var* v = as<Var>(a[0])) {
    auto it = vm.var_refs.find(v);
    return it == vm.var_refs.end() ? Value::nil() : it->second.validator;
  }
  return arg_atom(a, 0, "get-validator")->validator;
}

Value* meta_slot(State& vm, Args a, const char* fn) {
  if (Atom* at = as<Atom>(a[0])) return &at->meta;
  if (Var* v = as<Var>(a[0])) return &var_meta(vm, v);
  if (Namespace* ns = as<Namespace>(a[0])) return &ns->meta;
  throw_error(ErrorKind::ClassCastException,
              fmt::format("{}: class {} cannot be cast to class clojure.lang.IReference", fn, value_type_name(a[0])));
}

Value s_reset_meta(State& vm, Args a) {
  Value* slot = meta_slot(vm, a, "reset-meta!");
  *slot = a[1];
  vm.heap.barrier(a[0].as_obj(), a[1]);
  return a[1];
}

// (f meta args...) runs through the dispatch loop, as swap! does.
Value alter_meta_k(State& vm, Args a, Value, Value m) {
  *meta_slot(vm, a, "alter-meta!") = m;
  vm.heap.barrier(a[0].as_obj(), m);
  return m;
}
Value s_alter_meta(State& vm, Args a) {
  std::vector<Value> args;
  args.push_back(*meta_slot(vm, a, "alter-meta!"));
  for (int i = 2; i < a.size(); ++i) args.push_back(a[i]);
  return vm.call_then(a[1], args.data(), static_cast<int>(args.size()), alter_meta_k, Value::nil());
}

Value s_volatile(State& vm, Args a) { return Value::object(vm.heap.make<Volatile>(a[0])); }
Value s_vreset(State& vm, Args a) {
  Volatile* v = arg_volatile(a, 0, "vreset!");
  v->val = a[1];
  vm.heap.barrier(v, a[1]);
  return a[1];
}
Value s_volatilep(State&, Args a) { return Value::boolean(is<Volatile>(a[0])); }

Value s_make_delay(State& vm, Args a) { return Value::object(vm.heap.make<Delay>(a[0])); }
Value s_delayp(State&, Args a) { return Value::boolean(is<Delay>(a[0])); }
Value s_force(State& vm, Args a) {
  if (is<Delay>(a[0])) return s_deref(vm, a);
  return a[0];
}

// #object[clojure.lang.Atom 0x1f2e3d4c {:status :ready, :val 1}], as Clojure's print-method
// for IDeref (deref-as-map).
void print_ref(PrintContext& p, Value v) {
  State& vm = p.vm;
  const char* status = "ready";
  Value val = Value::nil();
  if (Atom* at = as<Atom>(v)) val = at->val;
  if (Volatile* vo = as<Volatile>(v)) val = vo->val;
  if (Delay* d = as<Delay>(v)) {
    if (!d->realized()) status = "pending";
    else if (!d->exception.is_nil()) status = "failed", val = d->exception;
    else val = d->val;
  }
  p.out += fmt::format("#object[{} 0x{:x} ", type_name(v.as_obj()->type), hash(vm, v));
  Value kvs[4] = {Value::object(vm.kw("status")), Value::object(vm.kw(status)), Value::object(vm.kw("val")), val};
  RootScope scope(vm.heap);
  scope.push(v);
  size_t m = scope.push(map_from(vm, kvs, 2));
  p.value(scope[m]);
  p.out += ']';
}

}  // namespace

void install_state_natives(State& vm) {
  const char* C = "clojure.core";
  vm.def_native(C, "atom", s_atom, 1, -1,
                "Makes a new atom holding x. Options come as key/value pairs after x: :meta gives "
                "the atom's metadata map and :validator a one-argument fn that checks each "
                "proposed value (a falsey result or an exception rejects it). Throws "
                "IllegalArgumentException when the options are not in pairs and "
                "ClassCastException when :meta is neither nil nor a map.", "([x] [x & options])");
  vm.def_native(C, "deref", s_deref, 1, 3,
                "Reads the current value behind a reference; @x is shorthand for (deref x). "
                "Atoms, volatiles and vars give their value, a delay is computed on first use and "
                "cached, and futures and promises wait until a value arrives. With timeout-ms and "
                "timeout-val (futures and promises only) it gives timeout-val if nothing arrives "
                "within that many milliseconds. In Clove, waiting lets the other futures' fibers "
                "run (docs/differences.md).", "([ref] [ref timeout-ms timeout-val])");
  vm.def_native(C, "reset!", s_reset, 2, 2,
                "Stores newval in the atom, ignoring what it held before, and gives back newval. "
                "Watches and the validator see the change.", "([atom newval])");
  vm.def_native(C, "reset-vals!", s_reset_vals, 2, 2,
                "Like reset!, but gives back a vector [old new] of the atom's value just before "
                "and just after the store.", "([atom newval])");
  vm.def_native(C, "swap!", s_swap, 2, -1,
                "Updates the atom to (f current x y ...) and gives back that new value. f can run "
                "more than once when the update is retried, so it should have no side effects.",
                "([atom f] [atom f x] [atom f x y] [atom f x y & args])");
  vm.def_native(C, "swap-vals!", s_swap_vals, 2, -1,
                "Like swap!, but gives back a vector [old new] holding the atom's value before "
                "and after the update.", "([atom f] [atom f x] [atom f x y] [atom f x y & args])");
  vm.def_native(C, "compare-and-set!", s_compare_and_set, 3, 3,
                "Stores newval in the atom only when its present value is identical? to oldval. "
                "Gives back true when the store took place and false otherwise.",
                "([atom oldval newval])");
  vm.def_native(C, "add-watch", s_add_watch, 3, 3,
                "Registers fn under key on the atom or var; after each change of its value (a "
                "var's root: def, alter-var-root, intern) fn is called with four arguments: key, "
                "the reference, the old value and the new value. Registering again under the same "
                "key replaces the earlier fn, and remove-watch takes it away. Gives back the "
                "reference.", "([reference key fn])");
  vm.def_native(C, "remove-watch", s_remove_watch, 2, 2,
                "Unregisters the watch fn stored under key on the atom or var (see add-watch).",
                "([reference key])");
  vm.def_native(C, "set-validator!", s_set_validator, 2, 2,
                "Installs validator-fn (or nil to remove it) as the atom's or var's check on new "
                "values (a var's new roots): a value for which it returns a falsey result or "
                "throws is refused with an IllegalStateException. The present value is checked "
                "first, and the call throws without changing anything if that value fails.",
                "([iref validator-fn])");
  vm.def_native(C, "get-validator", s_get_validator, 1, 1,
                "Gives the validator fn installed on the atom or var, or nil when there is none.",
                "([iref])");
  vm.def_native(C, "reset-meta!", s_reset_meta, 2, 2,
                "Replaces the metadata of an atom, var or namespace with metadata-map and gives "
                "back that map.", "([iref metadata-map])");
  vm.def_native(C, "alter-meta!", s_alter_meta, 2, -1,
                "Sets the metadata of an atom, var or namespace to (f current-meta args...) and "
                "gives back the new map. f should have no side effects.", "([iref f & args])");
  vm.def_native(C, "volatile!", s_volatile, 1, 1,
                "Makes a new volatile box holding val: a mutable cell without atom's watches, "
                "validators or atomic update, suited to state kept inside one transducer.",
                "([val])");
  vm.def_native(C, "vreset!", s_vreset, 2, 2,
                "Stores newval in the volatile, whatever it held before, and gives back newval.",
                "([vol newval])");
  vm.def_native(C, "volatile?", s_volatilep, 1, 1,
                "True when x is a volatile box made by volatile!, false otherwise.", "([x])");
  vm.def_native(C, "-make-delay", s_make_delay, 1, 1,
                "Makes a Delay of a thunk (a fn of no arguments); the delay macro expands to a call of this.",
                "([thunk])");
  vm.def_native(C, "delay?", s_delayp, 1, 1,
                "True when x is a delay (as made by the delay macro), false otherwise.", "([x])");
  vm.def_native(C, "force", s_force, 1, 1,
                "Gives the value of a delay, computing it on the first call and reusing the "
                "cached result afterwards; any value that is not a delay is given back as it is.",
                "([x])");
}

void register_state_printers(TypeInfo* table) {
  for (ObjType t : {ObjType::Atom, ObjType::Volatile, ObjType::Delay}) set_print_hooks(table, t, print_ref);
}

// The continuations of force/deref of a delay, swap!, swap-vals! and alter-meta! by
// name, for marshal (state/continuation.h).
const ContinuationName kContinuationNames[] = {
    {"clojure.core/force", delay_done},     {"clojure.core/force:unwind", delay_failed},
    {"clojure.core/swap!", swap_k},         {"clojure.core/swap-vals!", swap_vals_k},
    {"clojure.core/alter-meta!", alter_meta_k},
};

}  // namespace clove
