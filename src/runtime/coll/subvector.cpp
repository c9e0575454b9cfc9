// subvector.cpp: the subvec view and its seq (after clojure.lang.APersistentVector's
// SubVector and Seq).
#include "runtime/coll/subvector.h"

#include "core/error.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/coll_util.h"
#include "state/state.h"

namespace clove {

Value subvector(State& vm, Value v, int64_t start, int64_t end) {
  Heap& h = vm.heap;
  VectorSlice slice;
  const int64_t n = vector_slice(v, &slice) ? slice.to - slice.from : count(vm, v);
  if (start < 0 || end < start || end > n) throw_error(ErrorKind::IndexOutOfBoundsException, "");
  if (start == end) return empty_vector(h);
  if (const SubVector* sv = as<SubVector>(v))
    return Value::object(h.make<SubVector>(sv->vec, sv->start + static_cast<uint32_t>(start),
                                           sv->start + static_cast<uint32_t>(end), Value::nil()));
  Vector* vec = as<Vector>(v);
  if (!vec) {
    // A map entry or a deftype implementing IPersistentVector: view a copy. A deftype's
    // nth runs Clove code, which may collect, so both ends are rooted.
    RootScope scope(h);
    size_t src = scope.push(v);
    size_t acc = scope.push(empty_vector(h));
    for (int64_t i = 0; i < n; ++i) {
      Value x = nth(vm, scope[src], i);
      scope[acc] = vector_conj(h, static_cast<Vector*>(scope[acc].as_obj()), x);
      vm.charge(1);  // a loop in C++: counts toward the instruction budget
    }
    vec = static_cast<Vector*>(scope[acc].as_obj());
  }
  return Value::object(h.make<SubVector>(vec, static_cast<uint32_t>(start), static_cast<uint32_t>(end), Value::nil()));
}

Value subvector_conj(Heap& h, const SubVector* sv, Value x) {
  Value nv = vector_assoc(h, sv->vec, sv->end, x);
  return Value::object(h.make<SubVector>(static_cast<Vector*>(nv.as_obj()), sv->start, sv->end + 1, sv->meta));
}

Value subvector_assoc(Heap& h, const SubVector* sv, int64_t i, Value x) {
  if (i == sv->count()) return subvector_conj(h, sv, x);
  if (i < 0 || i > sv->count()) coll_detail::index_out_of_bounds(i);
  Value nv = vector_assoc(h, sv->vec, sv->start + i, x);
  return Value::object(h.make<SubVector>(static_cast<Vector*>(nv.as_obj()), sv->start, sv->end, sv->meta));
}

Value subvector_pop(Heap& h, const SubVector* sv) {
  if (sv->count() == 0) throw_error(ErrorKind::IllegalStateException, "Can't pop empty vector");
  if (sv->count() == 1) return empty_vector(h);  // PersistentVector.EMPTY: no metadata
  return Value::object(h.make<SubVector>(sv->vec, sv->start, sv->end - 1, sv->meta));
}

Value subvector_with_meta(Heap& h, const SubVector* sv, Value m) {
  return Value::object(h.make<SubVector>(sv->vec, sv->start, sv->end, m));
}

Value subvector_seq(Heap& h, SubVector* sv, uint32_t i) {
  if (i >= sv->count()) return Value::nil();
  return Value::object(h.make<SubVectorSeq>(sv, i));
}

Value subvector_seq_next(Heap& h, const SubVectorSeq* s) { return subvector_seq(h, s->sv, s->i + 1); }

}  // namespace clove
