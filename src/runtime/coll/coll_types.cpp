// coll_types.cpp: registers the collection (and reference) types with the type table:
// their tracers and the operations each implements (TypeInfo: seq first next count nth
// lookup contains assoc dissoc conj meta with-meta). It also gives strings, symbols,
// keywords, vars and namespaces the collection operations Clojure's RT applies to them
// (a string's seq, count and nth; a symbol's metadata). Equality and hashing of the
// types that have their own are registered by equiv.cpp and hash.cpp.
//
// Each operation forwards to the type's own file (vector.cpp, hash_map.cpp, ...); the
// generic functions (coll_ops.cpp, seq_ops.cpp) handle a few of the commonest types
// inline before they consult this table, so the inline cases and these entries must
// agree (tests/unit/core_type_table_test.cpp checks that they do).
#include "core/type_table.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/array_seq.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "runtime/coll/hash_map.h"
#include "runtime/coll/hash_set.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/list.h"
#include "runtime/coll/map_entry.h"
#include "runtime/coll/map_ops.h"
#include "runtime/coll/map_seq.h"
#include "runtime/coll/queue.h"
#include "runtime/coll/range.h"
#include "runtime/coll/ref_types.h"
#include "runtime/coll/sorted_map.h"
#include "runtime/coll/string_seq.h"
#include "runtime/coll/subvector.h"
#include "runtime/coll/transient.h"
#include "runtime/coll/vector.h"
#include "runtime/num/number.h"
#include "runtime/text/string.h"
#include "state/namespace.h"
#include "state/state.h"

namespace clove {

using namespace coll_detail;

namespace {

// ---- shared shapes ----

/// The meta operation of a struct with a `meta` field.
template <class T>
Value meta_field(Obj* o) {
  return static_cast<T*>(o)->meta;
}

/// nth over elements [0, n) read by at(i), throwing IndexOutOfBoundsException (no
/// message, as Clojure) when out of range without a default.
template <class F>
Value nth_in(int64_t i, int64_t n, Value not_found, bool has_default, F&& at) {
  if (i >= 0 && i < n) return at(i);
  if (has_default) return not_found;
  index_out_of_bounds(i);
}

/// get on an indexed collection (vector, map entry, string): an integer key
/// (integer_key_index: truncated to int as the JVM does) within the bounds.
Value lookup_index(State& vm, Obj* o, Value key, Value not_found) {
  int64_t i;
  if (!integer_key_index(key, &i)) return not_found;
  Value coll = Value::object(o);
  return (i >= 0 && i < count(vm, coll)) ? nth(vm, coll, i) : not_found;
}

/// contains? on a vector or map entry: an integer key (integer_key_index) within the
/// bounds.
bool contains_index(State& vm, Obj* o, Value key) {
  int64_t i;
  return integer_key_index(key, &i) && i >= 0 && i < count(vm, Value::object(o));
}

/// assoc's key on a vector: an integer (integer_key_index), else
/// IllegalArgumentException "Key must be integer".
int64_t assoc_index(Value key) {
  int64_t i;
  if (!integer_key_index(key, &i)) throw_error(ErrorKind::IllegalArgumentException, "Key must be integer");
  return i;
}

/// contains? on a set: whether its map has the key.
template <class S>
bool set_contains(State& vm, Obj* o, Value key) {
  bool found = false;
  map_lookup(vm, static_cast<S*>(o)->impl, key, Value::nil(), &found);
  return found;
}

/// get on a set: the stored element, or not_found.
template <class S>
Value set_lookup(State& vm, Obj* o, Value key, Value not_found) {
  bool found = false;
  Value k = map_lookup(vm, static_cast<S*>(o)->impl, key, Value::nil(), &found);
  return found ? k : not_found;
}

// ---- lists and seqs ----

void register_lists(TypeInfo* table) {
  TypeInfo& l = register_type<List>(table);
  l.first = [](State&, Obj* o) { return static_cast<List*>(o)->first; };
  l.next = [](State&, Obj* o) { return static_cast<List*>(o)->rest; };
  l.count = [](State&, Obj* o) { return static_cast<List*>(o)->count; };
  l.conj = [](State& vm, Obj* o, Value x) { return list_cons(vm.heap, x, Value::object(o)); };
  l.meta = meta_field<List>;
  l.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<List*>(o);
    return Value::object(vm.heap.make<List>(x->first, x->rest, x->count, m));
  };

  TypeInfo& e = register_type<EmptyList>(table);
  e.seq = [](State&, Obj*) { return Value::nil(); };
  e.count = [](State&, Obj*) { return int64_t{0}; };
  e.conj = l.conj;
  e.meta = meta_field<EmptyList>;
  e.with_meta = [](State& vm, Obj*, Value m) { return empty_list(vm.heap, m); };

  TypeInfo& c = register_type<Cons>(table);
  c.first = [](State&, Obj* o) { return static_cast<Cons*>(o)->first; };
  c.next = [](State& vm, Obj* o) { return seq(vm, static_cast<Cons*>(o)->more); };
  c.meta = meta_field<Cons>;
  c.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<Cons*>(o);
    return Value::object(vm.heap.make<Cons>(x->first, x->more, m));
  };

  TypeInfo& a = register_type<ArraySeq>(table);
  a.first = [](State&, Obj* o) {
    auto* s = static_cast<ArraySeq*>(o);
    return s->items[s->i];
  };
  a.next = [](State& vm, Obj* o) { return array_seq_next(vm.heap, static_cast<ArraySeq*>(o)); };
  a.count = [](State&, Obj* o) { return static_cast<ArraySeq*>(o)->count(); };
  a.nth = [](State&, Obj* o, int64_t i, Value nf, bool has_default) {
    auto* s = static_cast<ArraySeq*>(o);
    return nth_in(i, s->count(), nf, has_default, [s](int64_t k) { return s->items[s->i + k]; });
  };
  a.meta = meta_field<ArraySeq>;
  a.with_meta = [](State& vm, Obj* o, Value m) {
    auto* s = static_cast<ArraySeq*>(o);
    ArraySeq* r = vm.heap.make<ArraySeq>(s->owner, s->items, s->i, s->n, 0u);
    r->meta = m;
    return Value::object(r);
  };

  TypeInfo& z = register_type<LazySeq>(table);
  z.seq = [](State& vm, Obj* o) { return lazy_seq_seq(vm, static_cast<LazySeq*>(o)); };
  z.meta = meta_field<LazySeq>;
  z.with_meta = [](State& vm, Obj* o, Value m) {
    // Like Clojure: the copy holds the realized seq.
    Value s = lazy_seq_seq(vm, static_cast<LazySeq*>(o));
    LazySeq* r = vm.heap.make<LazySeq>(Value::nil(), m);
    r->s = s;
    r->realized = true;
    return Value::object(r);
  };

  TypeInfo& cc = register_type<ChunkedCons>(table);
  cc.first = [](State&, Obj* o) { return static_cast<ChunkedCons*>(o)->first(); };
  cc.next = [](State& vm, Obj* o) { return chunked_cons_next(vm, static_cast<ChunkedCons*>(o)); };
  cc.meta = meta_field<ChunkedCons>;
  cc.with_meta = [](State& vm, Obj* o, Value m) {
    auto* c = static_cast<ChunkedCons*>(o);
    return Value::object(vm.heap.make<ChunkedCons>(c->chunk, c->skip, c->more, m));
  };

  TypeInfo& ch = register_type<ArrayChunk>(table);
  ch.count = [](State&, Obj* o) { return static_cast<int64_t>(static_cast<ArrayChunk*>(o)->count()); };
  ch.nth = [](State&, Obj* o, int64_t i, Value nf, bool has_default) {
    auto* c = static_cast<ArrayChunk*>(o);
    return nth_in(i, c->count(), nf, has_default, [c](int64_t k) { return c->nth(static_cast<uint32_t>(k)); });
  };
  register_type<ChunkBuffer>(table);

  TypeInfo& r = register_type<Range>(table);
  r.first = [](State& vm, Obj* o) { return make_long(vm.heap, static_cast<Range*>(o)->start); };
  r.next = [](State& vm, Obj* o) { return range_next(vm.heap, static_cast<Range*>(o)); };
  r.count = [](State&, Obj* o) { return static_cast<Range*>(o)->cnt; };
  r.nth = [](State& vm, Obj* o, int64_t i, Value nf, bool has_default) {
    auto* x = static_cast<Range*>(o);
    return nth_in(i, x->cnt, nf, has_default, [&](int64_t k) { return make_long(vm.heap, x->nth(k)); });
  };
  r.meta = meta_field<Range>;
  r.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<Range*>(o);
    return Value::object(vm.heap.make<Range>(x->start, x->step, x->cnt, m));
  };

  TypeInfo& q = register_type<Queue>(table);
  q.seq = [](State& vm, Obj* o) { return queue_seq(vm, static_cast<Queue*>(o)); };
  q.count = [](State&, Obj* o) { return static_cast<Queue*>(o)->cnt; };
  q.conj = [](State& vm, Obj* o, Value x) { return queue_conj(vm, static_cast<Queue*>(o), x); };
  q.meta = meta_field<Queue>;
  q.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<Queue*>(o);
    return Value::object(vm.heap.make<Queue>(x->cnt, x->f, x->r, m));
  };

  TypeInfo& qs = register_type<QueueSeq>(table);
  qs.first = [](State& vm, Obj* o) { return queue_seq_first(vm, static_cast<QueueSeq*>(o)); };
  qs.next = [](State& vm, Obj* o) { return queue_seq_next(vm, static_cast<QueueSeq*>(o)); };
  qs.meta = meta_field<QueueSeq>;
  qs.with_meta = [](State& vm, Obj* o, Value m) {
    auto* s = static_cast<QueueSeq*>(o);
    QueueSeq* x = vm.heap.make<QueueSeq>(s->f, s->rseq);
    x->meta = m;
    return Value::object(x);
  };
}

// ---- vectors ----

void register_vectors(TypeInfo* table) {
  TypeInfo& v = register_type<Vector>(table);
  v.seq = [](State& vm, Obj* o) { return vector_seq(vm.heap, static_cast<Vector*>(o)); };
  v.count = [](State&, Obj* o) { return static_cast<int64_t>(static_cast<Vector*>(o)->cnt); };
  v.nth = [](State&, Obj* o, int64_t i, Value nf, bool has_default) {
    auto* x = static_cast<Vector*>(o);
    return nth_in(i, x->cnt, nf, has_default, [x](int64_t k) { return x->nth(static_cast<uint32_t>(k)); });
  };
  v.lookup = lookup_index;
  v.contains = contains_index;
  v.assoc = [](State& vm, Obj* o, Value key, Value val) {
    return vector_assoc(vm.heap, static_cast<Vector*>(o), assoc_index(key), val);
  };
  v.conj = [](State& vm, Obj* o, Value x) { return vector_conj(vm.heap, static_cast<Vector*>(o), x); };
  v.meta = meta_field<Vector>;
  v.with_meta = [](State& vm, Obj* o, Value m) { return vector_with_meta(vm.heap, static_cast<Vector*>(o), m); };
  register_type<VectorNode>(table);

  TypeInfo& s = register_type<VectorSeq>(table);
  s.first = [](State&, Obj* o) { return static_cast<VectorSeq*>(o)->first(); };
  s.next = [](State& vm, Obj* o) { return vector_seq_next(vm.heap, static_cast<VectorSeq*>(o)); };
  s.count = [](State&, Obj* o) { return static_cast<VectorSeq*>(o)->count(); };
  s.meta = meta_field<VectorSeq>;
  s.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<VectorSeq*>(o);
    VectorSeq* r = vm.heap.make<VectorSeq>(x->vec, x->leaf, x->i);
    r->meta = m;
    return Value::object(r);
  };

  // (subvec v start end): a view of v's elements (subvector.h).
  TypeInfo& sv = register_type<SubVector>(table);
  sv.seq = [](State& vm, Obj* o) { return subvector_seq(vm.heap, static_cast<SubVector*>(o)); };
  sv.count = [](State&, Obj* o) { return static_cast<int64_t>(static_cast<SubVector*>(o)->count()); };
  sv.nth = [](State&, Obj* o, int64_t i, Value nf, bool has_default) {
    auto* x = static_cast<SubVector*>(o);
    return nth_in(i, x->count(), nf, has_default, [x](int64_t k) { return x->nth(static_cast<uint32_t>(k)); });
  };
  sv.lookup = lookup_index;
  sv.contains = contains_index;
  sv.assoc = [](State& vm, Obj* o, Value key, Value val) {
    return subvector_assoc(vm.heap, static_cast<SubVector*>(o), assoc_index(key), val);
  };
  sv.conj = [](State& vm, Obj* o, Value x) { return subvector_conj(vm.heap, static_cast<SubVector*>(o), x); };
  sv.peek = [](State&, Obj* o) {
    auto* x = static_cast<SubVector*>(o);
    return x->count() ? x->nth(x->count() - 1) : Value::nil();
  };
  sv.pop = [](State& vm, Obj* o) { return subvector_pop(vm.heap, static_cast<SubVector*>(o)); };
  sv.meta = meta_field<SubVector>;
  sv.with_meta = [](State& vm, Obj* o, Value m) { return subvector_with_meta(vm.heap, static_cast<SubVector*>(o), m); };

  TypeInfo& svs = register_type<SubVectorSeq>(table);
  svs.first = [](State&, Obj* o) { return static_cast<SubVectorSeq*>(o)->first(); };
  svs.next = [](State& vm, Obj* o) { return subvector_seq_next(vm.heap, static_cast<SubVectorSeq*>(o)); };
  svs.count = [](State&, Obj* o) { return static_cast<SubVectorSeq*>(o)->count(); };
  svs.meta = meta_field<SubVectorSeq>;
  svs.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<SubVectorSeq*>(o);
    SubVectorSeq* r = vm.heap.make<SubVectorSeq>(x->sv, x->i);
    r->meta = m;
    return Value::object(r);
  };

  // A map entry is the vector [k v] (a copy becomes a real vector when it changes).
  TypeInfo& e = register_type<MapEntry>(table);
  e.seq = [](State& vm, Obj* o) {
    auto* x = static_cast<MapEntry*>(o);
    Value kv[2] = {x->key, x->val};
    return array_seq(vm.heap, kv, 2);
  };
  e.count = [](State&, Obj*) { return int64_t{2}; };
  e.nth = [](State&, Obj* o, int64_t i, Value nf, bool has_default) {
    auto* x = static_cast<MapEntry*>(o);
    return nth_in(i, 2, nf, has_default, [x](int64_t k) { return k == 0 ? x->key : x->val; });
  };
  e.lookup = lookup_index;
  e.contains = contains_index;
  e.assoc = [](State& vm, Obj* o, Value key, Value val) {
    int64_t i = assoc_index(key);
    Value v = entry_as_vector(vm.heap, static_cast<MapEntry*>(o));
    return vector_assoc(vm.heap, static_cast<Vector*>(v.as_obj()), i, val);
  };
  e.conj = [](State& vm, Obj* o, Value x) {
    Value v = entry_as_vector(vm.heap, static_cast<MapEntry*>(o));
    return vector_conj(vm.heap, static_cast<Vector*>(v.as_obj()), x);
  };
  e.with_meta = [](State& vm, Obj* o, Value m) { return entry_as_vector(vm.heap, static_cast<MapEntry*>(o), m); };
}

// ---- maps and sets ----

void register_maps(TypeInfo* table) {
  auto count_map = [](State&, Obj* o) { return map_count(Value::object(o)); };
  auto lookup_map = [](State& vm, Obj* o, Value key, Value nf) { return map_lookup(vm, Value::object(o), key, nf); };
  auto contains_map = [](State& vm, Obj* o, Value key) {
    bool found = false;
    map_lookup(vm, Value::object(o), key, Value::nil(), &found);
    return found;
  };
  auto assoc_map = [](State& vm, Obj* o, Value key, Value val) { return map_assoc(vm, Value::object(o), key, val); };
  auto dissoc_map = [](State& vm, Obj* o, Value key) { return map_dissoc(vm, Value::object(o), key); };
  auto conj_map = [](State& vm, Obj* o, Value x) { return map_conj(vm, Value::object(o), x); };
  auto meta_map = [](Obj* o) { return map_meta(Value::object(o)); };
  auto with_meta_map = [](State& vm, Obj* o, Value m) { return map_with_meta(vm.heap, Value::object(o), m); };
  for (TypeInfo* ti : {&register_type<ArrayMap>(table), &register_type<HashMap>(table),
                       &register_type<SortedMap>(table)}) {
    ti->count = count_map;
    ti->lookup = lookup_map;
    ti->contains = contains_map;
    ti->assoc = assoc_map;
    ti->dissoc = dissoc_map;
    ti->conj = conj_map;
    ti->meta = meta_map;
    ti->with_meta = with_meta_map;
  }
  table[static_cast<int>(ObjType::ArrayMap)].seq = [](State& vm, Obj* o) { return map_seq(vm.heap, Value::object(o)); };
  table[static_cast<int>(ObjType::HashMap)].seq = [](State& vm, Obj* o) { return map_seq(vm.heap, Value::object(o)); };
  table[static_cast<int>(ObjType::SortedMap)].seq = [](State& vm, Obj* o) {
    return sorted_map_seq(vm.heap, static_cast<SortedMap*>(o), true);
  };
  register_type<HamtNode>(table);
  register_type<TreeNode>(table);

  TypeInfo& hs = register_type<HashSet>(table);
  hs.seq = [](State& vm, Obj* o) { return map_seq(vm.heap, static_cast<HashSet*>(o)->impl, MapSeqKind::Keys); };
  hs.count = [](State&, Obj* o) { return map_count(static_cast<HashSet*>(o)->impl); };
  hs.lookup = set_lookup<HashSet>;
  hs.contains = set_contains<HashSet>;
  hs.conj = [](State& vm, Obj* o, Value x) { return set_conj(vm, static_cast<HashSet*>(o), x); };
  hs.meta = meta_field<HashSet>;
  hs.with_meta = [](State& vm, Obj* o, Value m) {
    return Value::object(vm.heap.make<HashSet>(static_cast<HashSet*>(o)->impl, m));
  };

  TypeInfo& ss = register_type<SortedSet>(table);
  ss.seq = [](State& vm, Obj* o) {
    return sorted_map_seq(vm.heap, static_cast<SortedMap*>(static_cast<SortedSet*>(o)->impl.as_obj()), true, true);
  };
  ss.count = [](State&, Obj* o) { return map_count(static_cast<SortedSet*>(o)->impl); };
  ss.lookup = set_lookup<SortedSet>;
  ss.contains = set_contains<SortedSet>;
  ss.conj = [](State& vm, Obj* o, Value x) { return sorted_set_conj(vm, static_cast<SortedSet*>(o), x); };
  ss.meta = meta_field<SortedSet>;
  ss.with_meta = [](State& vm, Obj* o, Value m) {
    return Value::object(vm.heap.make<SortedSet>(static_cast<SortedSet*>(o)->impl, m));
  };

  TypeInfo& ms = register_type<MapSeq>(table);
  ms.first = [](State& vm, Obj* o) { return map_seq_first(vm.heap, static_cast<MapSeq*>(o)); };
  ms.next = [](State& vm, Obj* o) { return map_seq_next(vm.heap, static_cast<MapSeq*>(o)); };
  ms.count = [](State&, Obj* o) { return static_cast<MapSeq*>(o)->count(); };
  ms.meta = meta_field<MapSeq>;
  ms.with_meta = [](State& vm, Obj* o, Value m) {
    auto* s = static_cast<MapSeq*>(o);
    MapSeq* r = vm.heap.make<MapSeq>(s->owner, s->kvs, s->i, s->n, 0u, s->kind);
    r->meta = m;
    return Value::object(r);
  };

  TypeInfo& hm = register_type<HashMapSeq>(table);
  hm.first = [](State& vm, Obj* o) {
    auto* s = static_cast<HashMapSeq*>(o);
    Value k, v;
    hash_map_seq_entry(s, &k, &v);
    switch (static_cast<MapSeqKind>(s->kind)) {
      case MapSeqKind::Keys: return k;
      case MapSeqKind::Vals: return v;
      case MapSeqKind::Entries: break;
    }
    return Value::object(vm.heap.make<MapEntry>(k, v));
  };
  hm.next = [](State& vm, Obj* o) { return hash_map_seq_next(vm.heap, static_cast<HashMapSeq*>(o)); };
  hm.count = [](State&, Obj* o) { return static_cast<int64_t>(static_cast<HashMapSeq*>(o)->remaining); };
  hm.meta = meta_field<HashMapSeq>;
  hm.with_meta = [](State& vm, Obj* o, Value m) {
    auto* s = static_cast<HashMapSeq*>(o);
    HashMapSeq* r = vm.heap.make<HashMapSeq>();
    r->remaining = s->remaining;
    r->depth = s->depth;
    r->kind = s->kind;
    r->at_null = s->at_null;
    r->null_val = s->null_val;
    for (uint32_t d = 0; d < s->depth; ++d) r->stack[d] = s->stack[d];
    r->meta = m;
    return Value::object(r);
  };

  TypeInfo& ts = register_type<TreeSeq>(table);
  ts.first = [](State& vm, Obj* o) { return tree_seq_first(vm.heap, static_cast<TreeSeq*>(o)); };
  ts.next = [](State& vm, Obj* o) { return tree_seq_next(vm.heap, static_cast<TreeSeq*>(o)); };
  ts.count = [](State& vm, Obj* o) {
    auto* s = static_cast<TreeSeq*>(o);
    return s->cnt >= 0 ? s->cnt : count_walk(vm, Value::object(o));
  };
  ts.meta = meta_field<TreeSeq>;
  ts.with_meta = [](State& vm, Obj* o, Value m) {
    auto* s = static_cast<TreeSeq*>(o);
    TreeSeq* r = vm.heap.make<TreeSeq>(s->stack, s->cnt, s->asc, s->keys_only);
    r->meta = m;
    return Value::object(r);
  };
}

// ---- transients ----

void register_transients(TypeInfo* table) {
  for (TypeInfo* ti : {&register_type<TransientVector>(table), &register_type<TransientArrayMap>(table),
                       &register_type<TransientHashMap>(table), &register_type<TransientHashSet>(table)}) {
    ti->count = [](State&, Obj* o) { return transient_count(Value::object(o)); };
    ti->lookup = [](State& vm, Obj* o, Value key, Value nf) { return transient_get(vm, Value::object(o), key, nf); };
    ti->contains = [](State& vm, Obj* o, Value key) {
      bool found = false;
      transient_get(vm, Value::object(o), key, Value::nil(), &found);
      return found;
    };
  }
  table[static_cast<int>(ObjType::TransientVector)].nth = [](State&, Obj* o, int64_t i, Value nf, bool has_default) {
    return transient_nth(Value::object(o), i, nf, has_default);
  };
}

// ---- the collection view of strings, symbols, vars, namespaces; reference types ----

void register_others(TypeInfo* table) {
  TypeInfo& s = table[static_cast<int>(ObjType::String)];
  s.seq = [](State& vm, Obj* o) { return string_seq(vm.heap, static_cast<String*>(o)); };
  s.count = [](State&, Obj* o) { return static_cast<int64_t>(static_cast<String*>(o)->ncodepoints); };
  s.nth = [](State&, Obj* o, int64_t i, Value nf, bool has_default) {
    auto* x = static_cast<String*>(o);
    if (i >= 0 && i < x->ncodepoints) return Value::character(string_char_at(x, i));
    if (has_default) return nf;
    if (i < INT32_MIN || i > INT32_MAX) index_out_of_bounds(i);  // RT.intCast's overflow first
    // java.lang.StringIndexOutOfBoundsException
    throw_error(ErrorKind::IndexOutOfBoundsException, "String index out of range: " + std::to_string(i));
  };
  s.lookup = lookup_index;
  s.contains = [](State&, Obj* o, Value key) {
    // RT.contains: a numeric key (intValue, so 1.5 is 1) within the code points; other
    // keys throw.
    if (!is_number(key))
      throw_error(ErrorKind::IllegalArgumentException,
                  std::string("contains? not supported on type: ") + class_name(Value::object(o)));
    double d = to_double(key);
    return d > -1 && d < static_cast<double>(static_cast<String*>(o)->ncodepoints);
  };

  TypeInfo& ss = register_type<StringSeq>(table);
  ss.first = [](State&, Obj* o) { return string_seq_first(static_cast<StringSeq*>(o)); };
  ss.next = [](State& vm, Obj* o) { return string_seq_next(vm.heap, static_cast<StringSeq*>(o)); };
  ss.count = [](State&, Obj* o) { return static_cast<StringSeq*>(o)->count(); };
  ss.meta = meta_field<StringSeq>;
  ss.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<StringSeq*>(o);
    StringSeq* r = vm.heap.make<StringSeq>(x->str, x->pos, x->index);
    r->meta = m;
    return Value::object(r);
  };

  TypeInfo& sym = table[static_cast<int>(ObjType::Symbol)];
  sym.meta = meta_field<Symbol>;
  sym.with_meta = [](State& vm, Obj* o, Value m) {
    auto* x = static_cast<Symbol*>(o);
    Symbol* r = vm.heap.make<Symbol>(x->ns, x->name);
    r->meta = m;
    return Value::object(r);
  };
  table[static_cast<int>(ObjType::Var)].meta = meta_field<Var>;
  table[static_cast<int>(ObjType::Namespace)].meta = meta_field<Namespace>;

  register_type<Atom>(table).meta = meta_field<Atom>;
  register_type<Volatile>(table);
  register_type<Delay>(table);
}

}  // namespace

void register_coll_types(TypeInfo* table) {
  register_lists(table);
  register_vectors(table);
  register_maps(table);
  register_transients(table);
  register_others(table);
  register_equiv_ops(table);
  register_hash_ops(table);
}

}  // namespace clove
