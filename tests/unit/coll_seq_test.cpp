// Lists, conses, array seqs, string seqs and lazy seqs.
#include <vector>

#include "coll_test_support.h"
#include "runtime/coll/array_seq.h"
#include "runtime/coll/lazy_seq.h"
#include "runtime/coll/list.h"
#include "runtime/coll/vector.h"
#include "runtime/print/print.h"

namespace clove {
namespace {

using namespace test;

TEST(CollList, ListBasics) {
  CollVM vm;
  Value items[] = {I(1), I(2), I(3)};
  Value l = list_from(vm.heap, items, 3);
  EXPECT_TRUE(is_list(l));
  EXPECT_TRUE(is_seq(l));
  EXPECT_EQ(count(vm, l), 3);
  EXPECT_EQ(first(vm, l), I(1));
  EXPECT_EQ(first(vm, next(vm, l)), I(2));
  EXPECT_EQ(peek(vm, l), I(1));
  EXPECT_EQ(count(vm, pop(vm, l)), 2);
  Value c = conj(vm, l, I(0));
  EXPECT_TRUE(is_list(c));
  EXPECT_EQ(count(vm, c), 4);
  EXPECT_EQ(first(vm, c), I(0));
  Value one = list_from(vm.heap, items, 1);
  EXPECT_TRUE(next(vm, one).is_nil());
  EXPECT_TRUE(is<EmptyList>(rest(vm, one)));
  EXPECT_TRUE(is<EmptyList>(pop(vm, one)));
  Value empty = list_from(vm.heap, items, 0);
  EXPECT_TRUE(seq(vm, empty).is_nil());
  EXPECT_EQ(count(vm, empty), 0);
  EXPECT_TRUE(first(vm, empty).is_nil());
  EXPECT_TRUE(peek(vm, empty).is_nil());
  expect_error([&] { pop(vm, empty); }, ErrorKind::IllegalStateException, "Can't pop empty list");
  EXPECT_EQ(count(vm, conj(vm, empty, I(1))), 1);
  EXPECT_EQ(nth(vm, l, 2), I(3));
  expect_error([&] { nth(vm, l, 3); }, ErrorKind::IndexOutOfBoundsException);
  EXPECT_EQ(nth(vm, l, 3, I(-1)), I(-1));
  EXPECT_EQ(nth(vm, l, -1, I(-1)), I(-1));
}

TEST(CollList, NilIsAnEmptySeqable) {
  CollVM vm;
  Value nil = Value::nil();
  EXPECT_TRUE(seq(vm, nil).is_nil());
  EXPECT_TRUE(first(vm, nil).is_nil());
  EXPECT_TRUE(next(vm, nil).is_nil());
  EXPECT_TRUE(is<EmptyList>(rest(vm, nil)));
  EXPECT_EQ(count(vm, nil), 0);
  EXPECT_TRUE(nth(vm, nil, 3).is_nil());
  EXPECT_TRUE(get(vm, nil, I(1)).is_nil());
  EXPECT_FALSE(contains(vm, nil, I(1)));
  EXPECT_TRUE(peek(vm, nil).is_nil());
  EXPECT_TRUE(pop(vm, nil).is_nil());
  EXPECT_TRUE(dissoc(vm, nil, I(1)).is_nil());
  Value l = conj(vm, nil, I(1));
  EXPECT_TRUE(is<List>(l));
  Value c = cons(vm, I(1), nil);
  EXPECT_TRUE(is<List>(c));
  EXPECT_TRUE(meta(nil).is_nil());
}

TEST(CollSeq, ConsOverAnything) {
  CollVM vm;
  Value items[] = {I(2), I(3)};
  Value v = vector_from(vm.heap, items, 2);
  Value c = cons(vm, I(1), v);
  EXPECT_TRUE(is<Cons>(c));
  EXPECT_EQ(count(vm, c), 3);
  Value expected[] = {I(1), I(2), I(3)};
  EXPECT_TRUE(equiv(vm, c, vector_from(vm.heap, expected, 3)));
  Value c2 = conj(vm, c, I(0));
  EXPECT_TRUE(is<Cons>(c2));
  EXPECT_EQ(count(vm, c2), 4);
  EXPECT_EQ(first(vm, rest(vm, c2)), I(1));
  Value cl = cons(vm, I(0), list_from(vm.heap, items, 2));  // like Clojure, a Cons
  EXPECT_TRUE(is<Cons>(cl));
  EXPECT_EQ(count(vm, cl), 3);
  // A long chain of conses counts and walks without recursion.
  Value chain = Value::nil();
  for (int i = 0; i < 200000; ++i) chain = cons(vm, I(i), chain);
  EXPECT_EQ(count(vm, chain), 200000);
}

TEST(CollSeq, ArraySeq) {
  CollVM vm;
  EXPECT_TRUE(array_seq(vm.heap, nullptr, 0).is_nil());
  std::vector<Value> items;
  for (int i = 0; i < 10; ++i) items.push_back(I(i));
  Value s = array_seq(vm.heap, items.data(), items.size());
  items[0] = I(99);  // the seq holds a copy
  EXPECT_EQ(first(vm, s), I(0));
  EXPECT_EQ(count(vm, s), 10);
  EXPECT_EQ(count(vm, next(vm, s)), 9);
  EXPECT_EQ(nth(vm, next(vm, s), 3), I(4));
  int n = 0;
  for (Value x = s; !x.is_nil(); x = next(vm, x)) ++n;
  EXPECT_EQ(n, 10);
  EXPECT_TRUE(is_counted(s));
  EXPECT_TRUE(is_sequential(s));
}

TEST(CollSeq, StringsAreSeqsOfCodePoints) {
  CollVM vm;
  Value s = S(vm, "h\xC3\xA9llo\xF0\x9F\x98\x80");  // "héllo😀"
  EXPECT_EQ(count(vm, s), 6);
  Value sq = seq(vm, s);
  EXPECT_EQ(first(vm, sq), Value::character('h'));
  EXPECT_EQ(nth(vm, sq, 1), Value::character(0xE9));
  EXPECT_EQ(nth(vm, s, 5), Value::character(0x1F600));
  EXPECT_EQ(get(vm, s, I(1)), Value::character(0xE9));
  EXPECT_TRUE(get(vm, s, I(6)).is_nil());
  EXPECT_TRUE(contains(vm, s, I(5)));
  EXPECT_FALSE(contains(vm, s, I(6)));
  EXPECT_EQ(first(vm, S(vm, "abc")), Value::character('a'));
  EXPECT_TRUE(seq(vm, S(vm, "")).is_nil());
  expect_error([&] { nth(vm, s, 6); }, ErrorKind::IndexOutOfBoundsException, "String index out of range: 6");
}

// A thunk producing the integers g_next, g_next+1, ... below g_limit, one cell per call.
int64_t g_next = 0, g_limit = 0, g_calls = 0;
Value counting_thunk(State& vm, Args) {
  ++g_calls;
  if (g_next >= g_limit) return Value::nil();
  Value rest = make_lazy_seq(vm.heap, native(vm, counting_thunk));
  return cons(vm, I(g_next++), rest);
}

TEST(CollLazy, RealizesOnceAndCaches) {
  CollVM vm;
  g_next = 0;
  g_limit = 1000;
  g_calls = 0;
  RootScope roots(vm.heap);
  Value ls = make_lazy_seq(vm.heap, native(vm, counting_thunk));
  roots.push(ls);
  EXPECT_FALSE(lazy_seq_realized(static_cast<LazySeq*>(ls.as_obj())));
  EXPECT_TRUE(is_seq(ls));
  EXPECT_EQ(first(vm, ls), I(0));
  EXPECT_EQ(g_calls, 1);
  EXPECT_EQ(first(vm, ls), I(0));
  EXPECT_EQ(g_calls, 1);  // cached
  EXPECT_EQ(count(vm, ls), 1000);
  EXPECT_EQ(g_calls, 1001);  // every cell plus the final nil
  EXPECT_EQ(count(vm, ls), 1000);
  EXPECT_EQ(g_calls, 1001);
  EXPECT_EQ(nth(vm, ls, 500), I(500));
  std::vector<Value> model;
  for (int i = 0; i < 1000; ++i) model.push_back(I(i));
  Value v = vector_from(vm.heap, model.data(), model.size());
  roots.push(v);
  EXPECT_TRUE(equiv(vm, ls, v));
  EXPECT_TRUE(equiv(vm, v, ls));
  EXPECT_EQ(hash(vm, ls), hash(vm, v));
}

TEST(CollLazy, EmptyAndNested) {
  CollVM vm;
  g_next = 0;
  g_limit = 0;
  g_calls = 0;
  RootScope roots(vm.heap);
  Value ls = make_lazy_seq(vm.heap, native(vm, counting_thunk));
  roots.push(ls);
  EXPECT_TRUE(seq(vm, ls).is_nil());
  EXPECT_TRUE(first(vm, ls).is_nil());
  EXPECT_TRUE(next(vm, ls).is_nil());
  EXPECT_TRUE(is<EmptyList>(rest(vm, ls)));
  EXPECT_EQ(count(vm, ls), 0);
  EXPECT_TRUE(equiv(vm, ls, list_from(vm.heap, nullptr, 0)));
  EXPECT_TRUE(equiv(vm, ls, empty_vector(vm.heap)));
  EXPECT_FALSE(equiv(vm, ls, Value::nil()));
  // A lazy seq whose thunk returns another lazy seq unwraps it.
  g_next = 5;
  g_limit = 8;
  Value inner = make_lazy_seq(vm.heap, native(vm, counting_thunk));
  roots.push(inner);
  static Value s_inner;
  s_inner = inner;
  Value outer = make_lazy_seq(vm.heap, native(vm, [](State&, Args) { return s_inner; }));
  roots.push(outer);
  EXPECT_EQ(first(vm, outer), I(5));
  EXPECT_EQ(count(vm, outer), 3);
}

TEST(CollLazy, ConsOntoLazyDoesNotRealize) {
  CollVM vm;
  g_next = 0;
  g_limit = 3;
  g_calls = 0;
  RootScope roots(vm.heap);
  Value ls = make_lazy_seq(vm.heap, native(vm, counting_thunk));
  roots.push(ls);
  Value c = cons(vm, I(-1), ls);
  roots.push(c);
  EXPECT_EQ(g_calls, 0);
  EXPECT_EQ(first(vm, c), I(-1));
  EXPECT_EQ(g_calls, 0);
  EXPECT_TRUE(is<LazySeq>(rest(vm, c)));
  EXPECT_EQ(count(vm, c), 4);
  Value cj = conj(vm, ls, I(9));
  EXPECT_TRUE(is<Cons>(cj));
  Value kv[] = {I(1), I(2)};
  Value m = map_from(vm, kv, 1);
  roots.push(m);
  Value wm = with_meta(vm, ls, m);
  EXPECT_TRUE(equiv(vm, meta(wm), m));
  EXPECT_EQ(count(vm, wm), 3);
}


// sort-by's native (-sort-keyed comp keys items coll): a stable order of items by their
// keys, and IllegalArgumentException for keys and items that are not vectors of one
// length (only sort-by calls it, always with matching vectors).
TEST(CollSeq, SortKeyedOrdersByKeysAndRefusesBadInput) {
  CollVM vm;
  RootScope roots(vm.heap);
  Value fn = vm.core_ns()->lookup(vm.sym("-sort-keyed"))->root;
  Value ks[] = {I(3), I(1), I(3), I(0)};
  Value xs[] = {S(vm, "a"), S(vm, "b"), S(vm, "c"), S(vm, "d")};
  size_t keys = roots.push(vector_from(vm.heap, ks, 4));
  size_t items = roots.push(vector_from(vm.heap, xs, 4));
  Value args[] = {Value::nil(), roots[keys], roots[items], roots[items]};
  EXPECT_EQ(pr_str(vm, vm.call(fn, args, 4)), "(\"d\" \"b\" \"a\" \"c\")");  // a before c: stable
  Value empty = vector_from(vm.heap, nullptr, 0);
  Value none[] = {Value::nil(), empty, empty, empty};
  EXPECT_EQ(pr_str(vm, vm.call(fn, none, 4)), "()");
  Value shorter = vector_from(vm.heap, ks, 3);
  Value list = list_from(vm.heap, ks, 4);
  for (auto [k, x] : {std::pair{shorter, roots[items]}, {list, roots[items]}, {roots[keys], list},
                      {Value::nil(), Value::nil()}}) {
    Value bad[] = {Value::nil(), k, x, Value::nil()};
    try {
      vm.call(fn, bad, 4);
      FAIL();
    } catch (const CloveError& e) {
      EXPECT_EQ(e.kind, ErrorKind::IllegalArgumentException);
    }
  }
}

}  // namespace
}  // namespace clove
