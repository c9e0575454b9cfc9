// marshal_write.cpp: marshal(), the writer of the format in marshal_format.h.
//
// A depth-first walk. Each object takes the next object number when its tag is
// written; meeting it again writes a REF. Seq spines (lists, conses, realized lazy
// seqs, chunked conses) are walked in a loop rather than by recursion, so a list of a
// million elements needs no deep C++ stack; other nesting is bounded by the stack guard.
#include <fmt/format.h>

#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "bytecode/opcodes.h"
#include "core/stack_guard.h"
#include "image/marshal.h"
#include "image/marshal_format.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/range.h"
#include "runtime/coll/ref_types.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/subvector.h"
#include "runtime/coll/vector.h"
#include "runtime/host/array.h"
#include "runtime/host/stream.h"
#include "runtime/host/tagged.h"
#include "runtime/lang/class_value.h"
#include "runtime/lang/exception.h"
#include "runtime/lang/function.h"
#include "runtime/lang/multifn.h"
#include "runtime/lang/protocol.h"
#include "runtime/lang/record.h"
#include "runtime/num/bignum.h"
#include "runtime/num/number.h"
#include "runtime/print/print.h"
#include "runtime/text/regex.h"
#include "state/continuation.h"
#include "state/state.h"
#include "vm/fiber.h"

namespace clove {

namespace {

using namespace marshal_format;

/// An integer's decimal digits, with a leading '-' when negative.
std::string mpz_text(const mpz_t z) {
  std::string s(mpz_sizeinbase(z, 10) + 2, '\0');
  mpz_get_str(s.data(), 10, z);
  s.resize(std::char_traits<char>::length(s.c_str()));
  return s;
}

/// Thrown when deferred bodies would share an object with identity (a closure, an
/// atom...) that the top-level value does not hold: each body has its own object
/// table, so reading them would make two objects of one. marshal() then writes every
/// body in place.
struct CannotDefer {};

/// Whether reading two copies of o would differ from reading o once in a way a program
/// can see (other than identical? on values): objects with state or identity. Vars,
/// namespaces and natives are found again by name, so copies are the same object.
bool has_identity(const Obj* o) {
  switch (o->type) {
    case ObjType::String: case ObjType::Symbol: case ObjType::Keyword: case ObjType::BigInt:
    case ObjType::Ratio: case ObjType::BigDecimal: case ObjType::List: case ObjType::Cons:
    case ObjType::ChunkedCons: case ObjType::EmptyList: case ObjType::Vector: case ObjType::MapEntry: case ObjType::SubVector:
    case ObjType::ArrayMap: case ObjType::HashMap: case ObjType::HashSet: case ObjType::SortedMap:
    case ObjType::SortedSet: case ObjType::Queue: case ObjType::Range: case ObjType::TaggedLiteral:
    case ObjType::ReaderConditional: case ObjType::Uuid: case ObjType::Inst: case ObjType::Regex:
    case ObjType::Var: case ObjType::Namespace: case ObjType::Native: case ObjType::JavaClass:
      return false;
    case ObjType::LazySeq:
      return !static_cast<const LazySeq*>(o)->realized;
    default:
      return true;
  }
}

class Writer {
 public:
  Writer(State& vm, const MarshalOptions& opts)
      : vm_(vm), defer_(opts.defer_bodies), defer_values_(opts.defer_bodies ? opts.defer_values : nullptr) {}

  std::string finish(Value v) {
    out_.append(kMagic, sizeof kMagic);
    byte(static_cast<uint8_t>(kMarshalVersion));
    byte(sizeof(Value));
    byte(sizeof(Instr));
    byte(0);  // reserved
    byte(kBytecodeVersion & 0xFF);
    byte(kBytecodeVersion >> 8);
    value(v);
    if (!deferred_.empty()) bodies();
    return std::move(out_);
  }
  size_t deferred() const { return deferred_.size(); }

 private:
  State& vm_;
  std::string out_;
  std::unordered_map<const Obj*, uint32_t> ids_;
  uint32_t next_id_ = 0;
  std::vector<uint8_t> open_;  // by object number: 1 while the reader cannot refer to it
  std::unordered_map<uint32_t, uint32_t> files_;  // source registry id -> file table index
  // ---- deferred bodies (docs/design/marshal.md, "Deferred bodies") ----
  bool defer_;                      // top-level arities' bodies go after the value
  const std::unordered_set<const Obj*>* defer_values_;  // ... and these values
  struct Section {
    Proto* proto;  // a deferred body, or
    Obj* value;    // a deferred value
  };
  std::vector<Section> deferred_;   // by section number
  bool in_body_ = false;            // writing a body: a fresh table, refs to the value's as EXPORT
  uint32_t body_ = 0;               // the body being written
  std::unordered_map<const Obj*, uint32_t> value_ids_;  // the value's object table
  std::unordered_map<uint32_t, uint32_t> exports_;      // its object number -> export number
  std::vector<uint32_t> export_ids_;                    // by export number
  std::unordered_map<const Obj*, uint32_t> owner_;      // an object with identity -> its body
  std::vector<std::string> body_files_;                 // files first met in a body, in order

  // ---- primitives ----
  void byte(uint8_t b) { out_.push_back(static_cast<char>(b)); }
  void uvar(uint64_t x) {
    while (x >= 0x80) {
      byte(static_cast<uint8_t>(x | 0x80));
      x >>= 7;
    }
    byte(static_cast<uint8_t>(x));
  }
  void svar(int64_t x) { uvar((static_cast<uint64_t>(x) << 1) ^ static_cast<uint64_t>(x >> 63)); }
  /// x as sizeof(T) bytes, low byte first.
  template <class T>
  void fixed(T x) {
    for (size_t i = 0; i < sizeof(T); ++i) byte(static_cast<uint8_t>(x >> (8 * i)));
  }
  void str(std::string_view s) {
    uvar(s.size());
    out_.append(s);
  }
  /// Starts object `o`: its tag, and it takes the next number. The object is open (the
  /// reader cannot refer to it yet) until seal(): mutable objects, which the reader makes
  /// before their contents, are sealed at once; the others when they are complete.
  void begin(Tag t, const Obj* o) {
    byte(t);
    ids_.emplace(o, next_id_++);
    open_.push_back(1);
  }
  void seal(const Obj* o) { open_[ids_.at(o)] = 0; }
  [[noreturn]] void cannot(Value v, std::string_view why) {
    throw_error(ErrorKind::IllegalArgumentException,
                fmt::format("cannot marshal {}: {}", pr_str_report(vm_, v), why));
  }
  /// Reading the value runs code when it builds a sorted collection with a comparator
  /// or compares keys that may be user types (their equals and hash are Clove code):
  /// that code could be a deferred arity, whose body comes only after the value. Such
  /// values are written with every body in place (marshal() catches CannotDefer).
  void check_deferrable_key(Value k) {
    if (!defer_ || in_body_ || !k.is_obj()) return;
    ObjType t = k.as_obj()->type;
    if (t == ObjType::Record || t == ObjType::TypeInstance || t == ObjType::Reify || is_coll(k)) throw CannotDefer{};
  }
  void check_deferrable_comparator(Value comp) {
    if (defer_ && !in_body_ && !comp.is_nil()) throw CannotDefer{};
  }
  void file_pos(SourcePos p) {
    if (!p.known()) {
      uvar(0);
      return;
    }
    auto [it, added] = files_.emplace(p.file, static_cast<uint32_t>(files_.size() + 1));
    uvar(it->second);
    if (added && in_body_) body_files_.emplace_back(vm_.sources.name(p.file));  // named in the body table
    else if (added) str(vm_.sources.name(p.file));
    uvar(p.line);
    uvar(p.col);
  }

  // ---- values ----
  void value(Value v);
  void object(Value v, Obj* o);
  void spine(Value v);
  void elements(Value coll, bool pairs, bool keyed);
  void fn_proto(FnProto* f);
  void fiber(Value v, Fiber* f);
  void proto(Proto* p);
  void body(Proto* p);
  void bodies();
  /// In a body: o as a reference to the value's table (true), or checked for identity
  /// shared with another body (false: write it here).
  bool body_ref(Obj* o) {
    if (auto g = value_ids_.find(o); g != value_ids_.end()) {
      auto [e, added] = exports_.emplace(g->second, static_cast<uint32_t>(export_ids_.size()));
      if (added) export_ids_.push_back(g->second);
      byte(kExport);
      uvar(e->second);
      return true;
    }
    if (has_identity(o)) {
      auto [it, added] = owner_.emplace(o, body_);
      if (!added && it->second != body_) throw CannotDefer{};
    }
    return false;
  }
  void var_name(Var* var) {
    str(var->ns->name->name_view());
    str(var->sym->name_view());
  }
};

void Writer::value(Value v) {
  if (v.is_nil()) return byte(kNil);
  if (v.is_bool()) return byte(v.is_true() ? kTrue : kFalse);
  if (v.is_small_int()) {
    byte(kInt);
    return svar(v.as_small_int());
  }
  if (v.is_double()) {
    byte(kDouble);
    return fixed<uint64_t>(v.bits());
  }
  if (v.is_char()) {
    byte(kChar);
    return uvar(v.as_char());
  }
  if (!v.is_obj()) cannot(v, "an internal value");
  Obj* o = v.as_obj();
  if (o->type == ObjType::BoxedLong) {
    byte(kInt);
    return svar(as_long(v));
  }
  if (o->type == ObjType::BoxedFloat) {  // a value, like a long: no identity kept
    byte(kFloat);
    return fixed(std::bit_cast<uint32_t>(as_float(v)));
  }
  auto it = ids_.find(o);
  if (it != ids_.end()) {
    if (open_[it->second])
      cannot(v, "it is part of a cycle that reaches it again through a mutable value before it is complete "
                "(marshal the atom, var or closure that closes the cycle instead)");
    byte(kRef);
    return uvar(it->second);
  }
  if (in_body_ && body_ref(o)) return;
  if (defer_values_ && !in_body_ && defer_values_->count(o)) {
    byte(kDeferred);
    uvar(deferred_.size());
    deferred_.push_back({nullptr, o});
    return;
  }
  check_native_stack();
  object(v, o);
  seal(o);
}

/// The elements of a counted collection: its count, then each element (pairs: key and
/// value of each entry). `keyed`: the reader compares the keys (a map's or set's).
void Writer::elements(Value coll, bool pairs, bool keyed) {
  int64_t n = count(vm_, coll);
  uvar(static_cast<uint64_t>(n));
  int64_t seen = 0;
  for (Value s = seq(vm_, coll); !s.is_nil(); s = next(vm_, s), ++seen) {
    Value x = first(vm_, s);
    Value k = pairs ? nth(vm_, x, 0) : x;
    if (keyed) check_deferrable_key(k);
    value(k);
    if (pairs) value(nth(vm_, x, 1));
  }
  if (seen != n) cannot(coll, "its count and its seq disagree");
}

void Writer::object(Value v, Obj* o) {
  switch (o->type) {
    case ObjType::String:
      begin(kString, o);
      return str(static_cast<String*>(o)->view());
    case ObjType::Symbol: {
      auto* s = static_cast<Symbol*>(o);
      if (s->ns && s->ns_view().empty()) {  // the namespace "", which kSymbol's "" means none
        begin(kSymbolEmptyNs, o);
        str(s->name_view());
        return value(s->meta);
      }
      begin(kSymbol, o);
      str(s->ns_view());
      str(s->name_view());
      return value(s->meta);
    }
    case ObjType::Keyword: {
      auto* k = static_cast<Keyword*>(o);
      if (k->sym->ns && k->sym->ns_view().empty()) {
        begin(kKeywordEmptyNs, o);
        return str(k->sym->name_view());
      }
      begin(kKeyword, o);
      str(k->sym->ns_view());
      return str(k->sym->name_view());
    }
    case ObjType::JavaClass:
      begin(kClass, o);
      return str(static_cast<JavaClass*>(o)->name_view());
    case ObjType::BigInt:
      begin(kBigInt, o);
      return str(bigint_to_string(static_cast<BigInt*>(o)));
    case ObjType::Ratio:
      begin(kRatio, o);
      str(mpz_text(mpq_numref(static_cast<Ratio*>(o)->q)));
      return str(mpz_text(mpq_denref(static_cast<Ratio*>(o)->q)));
    case ObjType::BigDecimal:
      begin(kBigDecimal, o);
      str(mpz_text(static_cast<BigDecimal*>(o)->unscaled));
      return svar(static_cast<BigDecimal*>(o)->scale);
    case ObjType::List:
    case ObjType::Cons:
    case ObjType::ChunkedCons:
      return spine(v);
    case ObjType::LazySeq: {
      auto* ls = static_cast<LazySeq*>(o);
      if (ls->realized) return spine(v);
      if (ls->fn.is_nil()) cannot(v, "a lazy seq being realized");
      begin(kLazySeq, o);
      seal(o);
      value(ls->fn);
      return value(ls->meta);
    }
    case ObjType::EmptyList:
      begin(kEmptyList, o);
      return value(static_cast<EmptyList*>(o)->meta);
    case ObjType::Vector: {
      begin(kVector, o);
      auto* vec = static_cast<Vector*>(o);
      uvar(vec->cnt);
      for (uint32_t i = 0; i < vec->cnt; ++i) value(nth(vm_, v, i));
      return value(vec->meta);
    }
    case ObjType::SubVector: {  // the view and the vector it shares
      auto* sv = static_cast<SubVector*>(o);
      begin(kSubVector, o);
      value(Value::object(sv->vec));
      uvar(sv->start);
      uvar(sv->end);
      return value(sv->meta);
    }
    case ObjType::MapEntry: {
      auto* e = static_cast<MapEntry*>(o);
      begin(kMapEntry, o);
      value(e->key);
      return value(e->val);
    }
    case ObjType::ArrayMap:
      begin(kArrayMap, o);
      elements(v, true, true);
      return value(static_cast<ArrayMap*>(o)->meta);
    case ObjType::HashMap:
      begin(kHashMap, o);
      elements(v, true, true);
      return value(static_cast<HashMap*>(o)->meta);
    case ObjType::HashSet:
      begin(kHashSet, o);
      elements(v, false, true);
      return value(static_cast<HashSet*>(o)->meta);
    case ObjType::SortedMap:
      check_deferrable_comparator(static_cast<SortedMap*>(o)->comp);
      begin(kSortedMap, o);
      value(static_cast<SortedMap*>(o)->comp);
      elements(v, true, true);
      return value(static_cast<SortedMap*>(o)->meta);
    case ObjType::SortedSet: {
      auto* s = static_cast<SortedSet*>(o);
      check_deferrable_comparator(static_cast<SortedMap*>(s->impl.as_obj())->comp);
      begin(kSortedSet, o);
      value(static_cast<SortedMap*>(s->impl.as_obj())->comp);
      elements(v, false, true);
      return value(s->meta);
    }
    case ObjType::Queue:
      begin(kQueue, o);
      elements(v, false, false);
      return value(static_cast<Queue*>(o)->meta);
    case ObjType::Range: {
      auto* r = static_cast<Range*>(o);
      begin(kRange, o);
      svar(r->start);
      svar(r->step);
      uvar(static_cast<uint64_t>(r->cnt));
      return value(r->meta);
    }
    case ObjType::TaggedLiteral: {
      auto* t = static_cast<TaggedLiteral*>(o);
      begin(kTagged, o);
      value(t->tag);
      return value(t->form);
    }
    case ObjType::ReaderConditional: {
      auto* r = static_cast<ReaderConditional*>(o);
      begin(kReaderConditional, o);
      byte(r->splicing ? 1 : 0);
      return value(r->form);
    }
    case ObjType::Uuid:
      begin(kUuid, o);
      fixed<uint64_t>(static_cast<Uuid*>(o)->msb);
      return fixed<uint64_t>(static_cast<Uuid*>(o)->lsb);
    case ObjType::Inst:
      begin(kInst, o);
      return svar(static_cast<Inst*>(o)->ms);
    case ObjType::Regex:
      begin(kRegex, o);
      return str(static_cast<Regex*>(o)->source->view());
    case ObjType::Atom: {
      auto* a = static_cast<Atom*>(o);
      begin(kAtom, o);
      seal(o);
      value(a->val);
      value(a->validator);
      value(a->watches);
      return value(a->meta);
    }
    case ObjType::Volatile:
      begin(kVolatile, o);
      seal(o);
      return value(static_cast<Volatile*>(o)->val);
    case ObjType::Delay: {
      auto* d = static_cast<Delay*>(o);
      begin(kDelay, o);
      seal(o);
      value(d->fn);
      value(d->val);
      return value(d->exception);
    }
    case ObjType::Var:
      begin(kVar, o);
      seal(o);
      return var_name(static_cast<Var*>(o));
    case ObjType::Namespace:
      begin(kNamespace, o);
      seal(o);
      return str(static_cast<Namespace*>(o)->name->name_view());
    case ObjType::FnProto:
      return fn_proto(static_cast<FnProto*>(o));
    case ObjType::Closure: {
      auto* c = static_cast<Closure*>(o);
      begin(kClosure, o);
      value(Value::object(c->fn));
      seal(o);  // the reader makes the closure once it has its prototype
      value(c->meta);
      uvar(c->nupvals);
      for (uint32_t i = 0; i < c->nupvals; ++i) value(c->upvals()[i]);
      return;
    }
    case ObjType::Native: {
      auto* n = static_cast<Native*>(o);
      auto* found = static_cast<Native*>(vm_.natives.find(n->name->view()));
      if (!found || found->fn != n->fn || found->host_data != n->host_data)
        cannot(v, "a native function without a registered name");
      begin(kNative, o);
      str(n->name->view());
      return value(n->meta);
    }
    case ObjType::MultiFn: {
      auto* m = static_cast<MultiFn*>(o);
      begin(kMultiFn, o);
      seal(o);
      str(m->name ? m->name->view() : std::string_view{});
      value(m->dispatch_fn);
      value(m->default_val);
      value(Value::object(m->hierarchy));
      value(m->method_table);
      return value(m->prefer_table);
    }
    case ObjType::Protocol: {
      auto* p = static_cast<Protocol*>(o);
      begin(kProtocol, o);
      seal(o);
      value(Value::object(p->name));
      value(Value::object(p->var));
      uvar(p->methods.size());
      for (Keyword* k : p->methods) value(Value::object(k));
      value(p->doc);
      uvar(p->impls.size());
      for (const Protocol::Impl& i : p->impls) {
        value(i.cls);
        value(i.fns);
      }
      return;
    }
    case ObjType::RecordType: {
      auto* t = static_cast<RecordType*>(o);
      if (t->host) cannot(v, "the class of a host type");
      bool ifaces = !t->ifaces.empty();
      begin(ifaces ? kRecordTypeIfaces : kRecordType, o);
      value(Value::object(t->name));
      byte(t->is_record ? 1 : 0);
      seal(o);  // the reader makes the type once it has its name
      uvar(t->fields.size());
      for (Keyword* k : t->fields) value(Value::object(k));
      value(t->field_syms);
      value(t->to_string);
      if (ifaces) {
        value(t->ifaces.names);
        value(t->ifaces.methods);
      }
      return;
    }
    case ObjType::Record:
    case ObjType::TypeInstance: {
      auto* r = static_cast<Record*>(o);
      if (r->rtype->host) cannot(v, "a host object");
      bool rec = o->type == ObjType::Record;
      begin(rec ? kRecord : kTypeInstance, o);
      value(Value::object(r->rtype));
      uvar(r->n);
      for (uint32_t i = 0; i < r->n; ++i) value(r->fields()[i]);
      if (rec) value(r->ext);
      return value(r->meta);
    }
    case ObjType::Reify: {
      auto* r = static_cast<Reify*>(o);
      bool ifaces = !r->ifaces.empty();
      begin(ifaces ? kReifyIfaces : kReify, o);
      seal(o);
      uvar(r->protocols.size());
      for (size_t i = 0; i < r->protocols.size(); ++i) {
        value(r->protocols[i]);
        value(i < r->fns.size() ? r->fns[i] : Value::nil());
      }
      value(r->to_string);
      value(r->meta);
      if (ifaces) {
        value(r->ifaces.names);
        value(r->ifaces.methods);
      }
      return;
    }
    case ObjType::Exception: {
      auto* e = static_cast<Exception*>(o);
      begin(kException, o);
      uvar(static_cast<uint64_t>(e->kind));
      value(e->message ? Value::object(e->message) : Value::nil());
      value(e->data);
      value(e->cause);
      uvar(e->frames.size());
      for (const TraceEntry& t : e->frames) {
        value(t.fn_name ? Value::object(t.fn_name) : Value::nil());
        file_pos(t.pos);
      }
      return;
    }
    case ObjType::StringBuilder:
      begin(kStringBuilder, o);
      seal(o);
      return str(static_cast<TextWriter*>(o)->text);
    case ObjType::JavaArray: {
      auto* a = static_cast<JavaArray*>(o);
      begin(kArray, o);
      seal(o);
      byte(static_cast<uint8_t>(a->kind));
      value(a->component);
      uvar(a->length);
      for (uint32_t i = 0; i < a->length; ++i) value(array_load(vm_.heap, a, i));
      return;
    }
    case ObjType::Fiber:
      return fiber(v, static_cast<Fiber*>(o));
    case ObjType::VectorSeq: {  // stays chunked: a chunked map or reduce may be walking it
      auto* vs = static_cast<VectorSeq*>(o);
      begin(kVectorSeq, o);
      value(Value::object(vs->vec));
      uvar(vs->i);
      value(vs->meta);
      return seal(o);
    }
    case ObjType::ArrayChunk: {  // what a chunked map or reduce holds while it runs
      auto* c = static_cast<ArrayChunk*>(o);
      begin(kArrayChunk, o);
      uvar(c->count());
      for (uint32_t i = 0; i < c->count(); ++i) value(c->nth(i));
      return seal(o);
    }
    case ObjType::ChunkBuffer: {
      auto* b = static_cast<ChunkBuffer*>(o);
      begin(kChunkBuffer, o);
      seal(o);
      uvar(b->capacity);
      byte(b->sealed ? 1 : 0);
      uvar(b->n);
      for (uint32_t i = 0; i < b->n; ++i) value(b->storage()[i]);
      return;
    }
    case ObjType::TransientVector:
    case ObjType::TransientArrayMap:
    case ObjType::TransientHashMap:
    case ObjType::TransientHashSet:
      cannot(v, "a transient (call persistent! first)");
    case ObjType::HostObject:
      cannot(v, "a host object");
    case ObjType::Writer:
    case ObjType::StringWriter:
    case ObjType::LineReader:
    case ObjType::File:
    case ObjType::Matcher:
      cannot(v, "it holds an operating-system or library resource");
    default:
      break;
  }
  // The remaining seq types (map, string, array and queue seqs) are written as lists of their elements; they compare equal to the original.
  if (is_seq(v)) {
    std::vector<Value> items;
    for (Value s = v; !s.is_nil(); s = next(vm_, s)) items.push_back(first(vm_, s));
    Value list = list_from(vm_.heap, items.data(), items.size());
    RootScope scope(vm_.heap);
    scope.push(list);
    ids_.emplace(o, next_id_);  // the original takes the number of the list written now
    if (items.empty()) {
      begin(kEmptyList, list.as_obj());
      return value(Value::nil());
    }
    return spine(list);
  }
  cannot(v, fmt::format("values of type {} cannot be marshalled", value_type_name(v)));
}

/// A run of seq cells, written in a loop: each cell's kind, metadata and body, then the
/// value the last cell continues with (nil, a REF, or any other seq).
void Writer::spine(Value v) {
  std::vector<Obj*> cells;
  for (Value s = v; s.is_obj() && !ids_.count(s.as_obj());) {
    Obj* o = s.as_obj();
    if (o->type == ObjType::List) {
      s = static_cast<List*>(o)->rest;
    } else if (o->type == ObjType::Cons) {
      s = static_cast<Cons*>(o)->more;
    } else if (o->type == ObjType::ChunkedCons) {
      s = static_cast<ChunkedCons*>(o)->more;
    } else if (o->type == ObjType::LazySeq && static_cast<LazySeq*>(o)->realized) {
      s = static_cast<LazySeq*>(o)->s;
    } else {
      break;
    }
    cells.push_back(o);
    ids_.emplace(o, UINT32_MAX);  // claimed; numbered in order below
  }
  byte(kSpine);
  for (Obj* o : cells) {
    ids_[o] = next_id_++;
    open_.push_back(1);
  }
  uvar(cells.size());
  // The tail first, then the cells from the last to the first: the reader builds each
  // cell on the one after it, and a cell's element may refer to any later cell.
  Obj* last = cells.back();
  Value tail = last->type == ObjType::List          ? static_cast<List*>(last)->rest
               : last->type == ObjType::Cons        ? static_cast<Cons*>(last)->more
               : last->type == ObjType::ChunkedCons ? static_cast<ChunkedCons*>(last)->more
                                                    : static_cast<LazySeq*>(last)->s;
  value(tail);
  for (size_t k = cells.size(); k-- > 0;) {
    Obj* o = cells[k];
    switch (o->type) {
      case ObjType::List:
        byte(kSpineList);
        value(static_cast<List*>(o)->meta);
        value(static_cast<List*>(o)->first);
        break;
      case ObjType::Cons:
        byte(kSpineCons);
        value(static_cast<Cons*>(o)->meta);
        value(static_cast<Cons*>(o)->first);
        break;
      case ObjType::ChunkedCons: {
        auto* c = static_cast<ChunkedCons*>(o);
        byte(kSpineChunked);
        value(c->meta);
        uvar(c->chunk->count() - c->skip);
        for (uint32_t i = c->skip; i < c->chunk->count(); ++i) value(c->chunk->nth(i));
        break;
      }
      default:
        byte(kSpineLazy);
        value(static_cast<LazySeq*>(o)->meta);
        break;
    }
    seal(o);
  }
}

/// A fiber: its status, mask, function and value; a suspended one also its frames,
/// bottom first (callee, arity index, return pc, registers), its try handlers (frame
/// index, catch pc, register), then what the status byte's flags announce. Frames are
/// closures, natives waiting in call_then (their arguments, then their continuation and
/// unwind hook by registered name, state/continuation.h, and their context; the frame
/// above returns into the continuation, written as return pc 0), and the innermost: the
/// native the fiber yielded from (fiber/yield), or, for a fiber that caught the :budget
/// signal itself, a closure, with kBudgetPaused set and its pc after the handlers. Dynamic
/// bindings (`binding` frames, marker entries as nil vars) come next, flagged by
/// kHasBindings. A fiber the budget paused in a chain (waiting in fiber/resume for
/// `child`, also paused) has kWaitsForChild, the resume native innermost, no pc, and the
/// child last. A C++ boundary (a C++ frame) or an unregistered continuation cannot be
/// written.
void Writer::fiber(Value v, Fiber* f) {
  bool pending = f->status == FiberStatus::Pending;
  bool budget = pending && f->paused_by == Fiber::Pause::Budget;
  if (f->status == FiberStatus::Alive || f->status == FiberStatus::Debug) cannot(v, "a running fiber");
  const bool waits_child = budget && f->child;
  std::vector<size_t> bases;  // innermost first
  // Whether frame k (innermost first) is a native waiting in call_then: the frame
  // above it returns kContinue, and its arguments are followed by the continuation,
  // the unwind hook and the context (vm/fiber.h).
  auto waits = [&](size_t k) { return k > 0 && f->stack[bases[k - 1] - 1].as_internal() == Fiber::kContinue; };
  if (pending) {
    for (size_t b = f->base;;) {
      if (b < Fiber::kFirstBase || b > f->stack.size()) cannot(v, "a fiber whose stack is not a chain of frames");
      uint64_t ret = f->stack[b - 1].as_internal();
      if (ret == Fiber::kNoFrame || !f->boundary_pcs.empty())
        cannot(v, "a fiber suspended inside a native's call (a C++ frame is on its stack)");
      bool innermost = bases.empty();
      Value callee = f->stack[b - 3];
      bases.push_back(b);
      if (waits(bases.size() - 1)) {
        size_t top = bases[bases.size() - 2] - kCallHeader;
        if (!is<Native>(callee) || top < b + kContinueSlots) cannot(v, "a fiber whose stack is not a chain of frames");
        auto k = reinterpret_cast<NativeCont>(f->stack[top - 3].as_internal());
        auto u = reinterpret_cast<NativeUnwind>(f->stack[top - 2].as_internal());
        if (continuation_name(k).empty() || (u && unwind_name(u).empty()))
          cannot(v, "a fiber suspended inside a native's call whose continuation has no registered name");
      } else {
        bool native = innermost && (!budget || waits_child);
        if (native ? !is<Native>(callee) : !is<Closure>(callee))
          cannot(v, "a fiber suspended inside a native's call (a C++ frame is on its stack)");
      }
      if (ret == Fiber::kFiberBase) break;
      b = link_prev_base(f->stack[b - 2]);
    }
  }
  begin(kFiber, f);
  seal(f);
  const bool bound = pending && !f->bindings.empty();
  byte(static_cast<uint8_t>(f->status) | (budget ? kBudgetPaused : 0) | (bound ? kHasBindings : 0) |
       (waits_child ? kWaitsForChild : 0));
  byte(f->mask);
  value(f->fn);
  value(f->value);
  if (!pending) return;
  uvar(bases.size());
  std::vector<uint8_t> live;
  for (size_t k = bases.size(); k-- > 0;) {
    size_t b = bases[k];
    size_t end = k == 0 ? f->top : bases[k - 1] - kCallHeader;
    Value callee = f->stack[b - 3];
    value(callee);
    uvar(link_arity(f->stack[b - 2]));
    uint64_t ret = frame_return_pc(f->stack, b);
    uvar(ret == Fiber::kFiberBase || ret == Fiber::kContinue ? 0 : ret);
    uvar(end - b);
    if (waits(k)) {  // arguments, then the continuation and unwind hook by name, and the context
      for (size_t r = b; r < end - kContinueSlots; ++r) value(f->stack[r]);
      str(continuation_name(reinterpret_cast<NativeCont>(f->stack[end - 3].as_internal())));
      auto u = reinterpret_cast<NativeUnwind>(f->stack[end - 2].as_internal());
      str(u ? unwind_name(u) : std::string_view{});
      value(f->stack[end - 1]);
      continue;
    }
    // A closure frame's dead registers go as nil (the collector clears them too,
    // Fiber::trace): they may hold leftovers such as an earlier call's frame header. So
    // do internal values, which only frame headers and continuations hold (vm/fiber.h),
    // in a function without a stack map, whose registers all count as live.
    live.clear();
    if (Closure* c = as<Closure>(callee)) {
      uint64_t pc = k == 0 ? f->pc : frame_return_pc(f->stack, bases[k - 1]);
      arity_proto(c->fn, link_arity(f->stack[b - 2]))->live_registers(static_cast<uint32_t>(pc), live);
    }
    for (size_t r = b; r < end; ++r) {
      Value x = f->stack[r];
      value((r - b < live.size() && !live[r - b]) || (!live.empty() && x.is_internal()) ? Value::nil() : x);
    }
  }
  uvar(f->handlers.size());
  for (const Handler& h : f->handlers) {
    size_t k = 0;
    while (k < bases.size() && bases[bases.size() - 1 - k] != h.frame_base) ++k;
    if (k == bases.size()) cannot(v, "a fiber whose try handler names no frame");
    uvar(k);
    uvar(h.catch_pc);
    uvar(h.reg);
  }
  if (budget && !waits_child) uvar(f->pc);
  if (bound) {
    uvar(f->bindings.size());
    for (const auto& [var, val] : f->bindings) {
      value(var ? Value::object(var) : Value::nil());
      value(val);
    }
  }
  if (waits_child) value(Value::object(f->child));
}

void Writer::fn_proto(FnProto* f) {
  begin(kFnProto, f);
  value(f->name ? Value::object(f->name) : Value::nil());
  file_pos(f->pos);
  uvar(f->upvals.size());
  for (const UpvalDesc& u : f->upvals) {
    byte(u.from_register ? 1 : 0);
    uvar(u.index);
    value(u.name ? Value::object(u.name) : Value::nil());
  }
  uvar(f->fixed.size());
  for (Proto* p : f->fixed) proto(p);
  byte(f->variadic ? 1 : 0);
  if (f->variadic) proto(f->variadic);
}

void Writer::proto(Proto* p) {
  ensure_body(vm_, p);
  value(p->name ? Value::object(p->name) : Value::nil());
  uvar(p->framesize);
  uvar(p->nparams);
  bool defer = defer_ && !in_body_;  // a body's own fns come with it
  byte((p->variadic ? kProtoVariadic : 0) | (defer ? kProtoDeferred : 0));
  if (defer) {
    uvar(deferred_.size());
    deferred_.push_back({p, nullptr});
    return;
  }
  body(p);
}

/// A Proto's body: code, constants, positions, locals, stack map.
void Writer::body(Proto* p) {
  uvar(p->code.size());
  for (uint32_t pc = 0; pc < p->code.size(); ++pc) {
    Instr i = original_instr(p, pc);  // never a debugger's breakpoint
    for (int b = 0; b < 4; ++b) byte(static_cast<uint8_t>(i >> (8 * b)));
  }
  uvar(p->constants.size());
  for (Value k : p->constants) value(k);
  // Positions as runs of consecutive instructions that share one (format version 2).
  const std::vector<SourcePos>& ps = p->positions;
  size_t runs = 0;
  for (size_t i = 0; i < ps.size(); ++i) runs += i == 0 || ps[i] != ps[i - 1];
  uvar(runs);
  for (size_t i = 0, j; i < ps.size(); i = j) {
    for (j = i + 1; j < ps.size() && ps[j] == ps[i];) ++j;
    uvar(j - i);
    file_pos(ps[i]);
  }
  uvar(p->locals.size());
  for (const LocalInfo& l : p->locals) {
    value(l.name ? Value::object(l.name) : Value::nil());
    uvar(l.start_pc);
    uvar(l.end_pc);
    uvar(l.reg);
  }
  uvar(p->live.size());
  for (const LiveRange& r : p->live) {
    uvar(r.start_pc);
    uvar(r.end_pc);
    uvar(r.reg);
  }
}

/// After the value: the body table (marshal.md, "Deferred bodies"). Each body is
/// written with a table of its own, so a reader can read any one of them alone.
void Writer::bodies() {
  std::string value_part = std::move(out_);
  value_ids_ = std::move(ids_);
  in_body_ = true;
  std::vector<std::string> written;
  for (body_ = 0; body_ < deferred_.size(); ++body_) {
    out_.clear();
    ids_.clear();
    open_.clear();
    next_id_ = 0;
    if (deferred_[body_].proto)
      body(deferred_[body_].proto);
    else
      value(Value::object(deferred_[body_].value));
    written.push_back(std::move(out_));
  }
  out_ = std::move(value_part);
  uvar(body_files_.size());
  for (const std::string& name : body_files_) str(name);
  uvar(export_ids_.size());
  for (uint32_t id : export_ids_) uvar(id);
  uvar(written.size());
  uint32_t at = 0;
  for (const std::string& b : written) {
    fixed<uint32_t>(at);
    at += static_cast<uint32_t>(b.size());
  }
  fixed<uint32_t>(at);
  for (const std::string& b : written) out_ += b;
}

}  // namespace

std::string marshal(State& vm, Value v, const MarshalOptions& opts) {
  RootScope scope(vm.heap);
  scope.push(v);
  if (opts.deferred_bodies) *opts.deferred_bodies = 0;
  if (opts.defer_bodies) {
    try {
      Writer w(vm, opts);
      std::string out = w.finish(v);
      if (opts.deferred_bodies) *opts.deferred_bodies = w.deferred();
      return out;
    } catch (const CannotDefer&) {
      // Bodies share an object with identity, or reading the value runs code: write
      // every body in place.
    }
  }
  return Writer(vm, MarshalOptions{}).finish(v);
}

}  // namespace clove
