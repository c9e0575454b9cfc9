// Equality, hashing (checked against JVM Clojure's `hash` numbers) and compare.
#include <cmath>
#include <vector>

#include "coll_test_support.h"
#include "runtime/coll/list.h"

namespace clove {
namespace {

using namespace test;

Value vec(State& vm, std::vector<Value> items) { return vector_from(vm.heap, items.data(), items.size()); }
Value lst(State& vm, std::vector<Value> items) { return list_from(vm.heap, items.data(), items.size()); }

TEST(CollEquiv, AcrossTypes) {
  CollVM vm;
  EXPECT_TRUE(equiv(vm, vec(vm, {I(1), I(2)}), lst(vm, {I(1), I(2)})));
  EXPECT_TRUE(equiv(vm, lst(vm, {I(1), I(2)}), vec(vm, {I(1), I(2)})));
  EXPECT_FALSE(equiv(vm, vec(vm, {I(1), I(2)}), vec(vm, {I(1), I(2), I(3)})));
  EXPECT_FALSE(equiv(vm, I(1), D(1.0)));
  EXPECT_TRUE(equiv(vm, D(1.0), D(1.0)));
  EXPECT_FALSE(equiv(vm, D(std::nan("")), D(std::nan(""))));
  EXPECT_TRUE(equiv(vm, vec(vm, {}), lst(vm, {})));
  EXPECT_FALSE(equiv(vm, lst(vm, {}), Value::nil()));
  EXPECT_TRUE(equiv(vm, S(vm, "abc"), S(vm, "abc")));
  EXPECT_FALSE(equiv(vm, S(vm, "abc"), Sym(vm, "abc")));
  EXPECT_TRUE(equiv(vm, Sym(vm, "a/b"), Sym(vm, "a/b")));
  EXPECT_FALSE(equiv(vm, K(vm, "a"), K(vm, "b")));
  EXPECT_FALSE(equiv(vm, vec(vm, {}), map_from(vm, nullptr, 0)));
  Value kv1[] = {K(vm, "a"), I(1), K(vm, "b"), vec(vm, {I(1)})};
  Value kv2[] = {K(vm, "b"), lst(vm, {I(1)}), K(vm, "a"), I(1)};
  EXPECT_TRUE(equiv(vm, map_from(vm, kv1, 2), map_from(vm, kv2, 2)));
  EXPECT_EQ(hash(vm, map_from(vm, kv1, 2)), hash(vm, map_from(vm, kv2, 2)));
  // Array map and hash map with the same content.
  std::vector<Value> kvs;
  for (int i = 0; i < 8; ++i) {
    kvs.push_back(I(i));
    kvs.push_back(I(i * i));
  }
  Value am = map_from(vm, kvs.data(), 8);
  Value hm = assoc(vm, assoc(vm, am, I(100), I(0)), I(100), I(0));
  hm = dissoc(vm, hm, I(100));
  EXPECT_TRUE(equiv(vm, am, hm));
  EXPECT_EQ(hash(vm, am), hash(vm, hm));
  Value s1[] = {I(1), I(2), I(3)};
  Value s2[] = {I(3), I(1), I(2)};
  EXPECT_TRUE(equiv(vm, set_from(vm, s1, 3), set_from(vm, s2, 3)));
  EXPECT_FALSE(equiv(vm, set_from(vm, s1, 3), set_from(vm, s2, 2)));
  EXPECT_FALSE(equiv(vm, set_from(vm, s1, 3), vec(vm, {I(1), I(2), I(3)})));
}

TEST(CollHash, MatchesJvmClojure) {
  CollVM vm;
  // Values printed by JVM Clojure 1.11's (hash x).
  EXPECT_EQ(jhash(vm, I(0)), 0);
  EXPECT_EQ(jhash(vm, I(1)), 1392991556);
  EXPECT_EQ(jhash(vm, I(-1)), 1651860712);
  EXPECT_EQ(jhash(vm, I(42)), 1871679806);
  EXPECT_EQ(jhash(vm, make_long(vm.heap, INT64_MAX)), -2106506049);
  EXPECT_EQ(jhash(vm, make_long(vm.heap, INT64_MIN)), 1366273829);
  EXPECT_EQ(jhash(vm, S(vm, "")), 0);
  EXPECT_EQ(jhash(vm, S(vm, "a")), 1455541201);
  EXPECT_EQ(jhash(vm, S(vm, "abc")), 74834163);
  EXPECT_EQ(jhash(vm, S(vm, "h\xC3\xA9llo")), 162369042);
  EXPECT_EQ(jhash(vm, S(vm, "\xF0\x9F\x98\x80x")), -1998616508);
  EXPECT_EQ(jhash(vm, S(vm, "Aa")), -506449132);
  EXPECT_EQ(jhash(vm, K(vm, "a")), -2123407586);
  EXPECT_EQ(jhash(vm, K(vm, "foo/bar")), -1386151538);
  EXPECT_EQ(jhash(vm, Sym(vm, "a")), -482876059);
  EXPECT_EQ(jhash(vm, Sym(vm, "foo/bar")), 254379989);
  EXPECT_EQ(jhash(vm, Sym(vm, "x/y")), -117328369);
  EXPECT_EQ(jhash(vm, Value::nil()), 0);
  EXPECT_EQ(jhash(vm, Value::t()), 1231);
  EXPECT_EQ(jhash(vm, Value::f()), 1237);
  EXPECT_EQ(jhash(vm, Value::character('a')), 97);
  EXPECT_EQ(jhash(vm, vec(vm, {})), -2017569654);
  EXPECT_EQ(jhash(vm, lst(vm, {})), -2017569654);
  EXPECT_EQ(jhash(vm, vec(vm, {I(1), I(2), I(3)})), 736442005);
  EXPECT_EQ(jhash(vm, lst(vm, {I(1), I(2), I(3)})), 736442005);
  EXPECT_EQ(jhash(vm, map_from(vm, nullptr, 0)), -15128758);
  EXPECT_EQ(jhash(vm, set_from(vm, nullptr, 0)), -15128758);
  Value a1[] = {K(vm, "a"), I(1)};
  EXPECT_EQ(jhash(vm, map_from(vm, a1, 1)), 1772842048);
  Value a2[] = {K(vm, "a"), I(1), K(vm, "b"), I(2)};
  EXPECT_EQ(jhash(vm, map_from(vm, a2, 2)), 161871944);
  Value s123[] = {I(1), I(2), I(3)};
  EXPECT_EQ(jhash(vm, set_from(vm, s123, 3)), 439094965);
  EXPECT_EQ(jhash(vm, vec(vm, {Value::nil()})), 965192274);
  Value nn[] = {Value::nil(), Value::nil()};
  EXPECT_EQ(jhash(vm, map_from(vm, nn, 1)), -1730596701);
  EXPECT_EQ(jhash(vm, map_entry(vm.heap, K(vm, "a"), I(1))), -1809393901);
  EXPECT_EQ(jhash(vm, vec(vm, {vec(vm, {I(1)}), lst(vm, {I(2)})})), 536877500);
  std::vector<Value> r;
  for (int i = 0; i < 40; ++i) r.push_back(I(i));
  EXPECT_EQ(jhash(vm, lst(vm, r)), 1815383787);
  EXPECT_EQ(jhash(vm, D(1.0)), 1072693248);
  EXPECT_EQ(jhash(vm, D(-0.0)), 0);
  EXPECT_EQ(jhash(vm, D(1.5)), 1073217536);
}

TEST(CollHash, EqualValuesHashEqual) {
  CollVM vm;
  Value v = vec(vm, {I(1), S(vm, "x"), K(vm, "k")});
  Value l = lst(vm, {I(1), S(vm, "x"), K(vm, "k")});
  Value c = cons(vm, I(1), lst(vm, {S(vm, "x"), K(vm, "k")}));
  EXPECT_TRUE(equiv(vm, v, c));
  EXPECT_EQ(hash(vm, v), hash(vm, l));
  EXPECT_EQ(hash(vm, v), hash(vm, c));
  EXPECT_EQ(hash(vm, v), hash(vm, seq(vm, v)));
  EXPECT_EQ(hash(vm, S(vm, "same")), hash(vm, S(vm, "same")));
  // Uninterned symbols (with metadata) equal and hash like interned ones.
  Value kv[] = {K(vm, "m"), I(1)};
  Value sm = with_meta(vm, Sym(vm, "foo/bar"), map_from(vm, kv, 1));
  EXPECT_NE(sm, Sym(vm, "foo/bar"));
  EXPECT_TRUE(equiv(vm, sm, Sym(vm, "foo/bar")));
  EXPECT_EQ(hash(vm, sm), hash(vm, Sym(vm, "foo/bar")));
  // Collections as map keys, found through an equal value of another type.
  Value m = assoc(vm, map_from(vm, nullptr, 0), v, I(7));
  EXPECT_EQ(get(vm, m, l), I(7));
}

TEST(CollCompare, LikeClojure) {
  CollVM vm;
  EXPECT_EQ(compare(vm, S(vm, "abc"), S(vm, "ab")), 1);
  EXPECT_EQ(compare(vm, S(vm, "a"), S(vm, "c")), -2);
  EXPECT_EQ(compare(vm, K(vm, "a"), K(vm, "b")), -1);
  EXPECT_EQ(compare(vm, Sym(vm, "a/b"), Sym(vm, "b")), 1);
  EXPECT_EQ(compare(vm, vec(vm, {I(1), I(2)}), vec(vm, {I(1), I(3)})), -1);
  EXPECT_EQ(compare(vm, vec(vm, {I(1), I(2), I(3)}), vec(vm, {I(1), I(2)})), 1);
  EXPECT_EQ(compare(vm, Value::nil(), I(1)), -1);
  EXPECT_EQ(compare(vm, I(1), Value::nil()), 1);
  EXPECT_EQ(compare(vm, Value::nil(), Value::nil()), 0);
  EXPECT_EQ(compare(vm, Value::f(), Value::t()), -1);
  EXPECT_EQ(compare(vm, Value::character('a'), Value::character('c')), -2);
  EXPECT_EQ(compare(vm, I(2), D(1.5)), 1);
  EXPECT_EQ(compare(vm, I(1), I(1)), 0);
  EXPECT_EQ(compare(vm, S(vm, "\xC3\xA9"), S(vm, "e")), 0xE9 - 'e');
  expect_error([&] { compare(vm, I(1), S(vm, "a")); }, ErrorKind::ClassCastException, "java.lang.Number");
  expect_error([&] { compare(vm, S(vm, "a"), I(1)); }, ErrorKind::ClassCastException, "java.lang.String");
  expect_error([&] { compare(vm, map_from(vm, nullptr, 0), map_from(vm, nullptr, 0)); }, ErrorKind::ClassCastException,
               "Comparable");
}

// Data nested deeper than the C++ stack allows: equality, hashing and compare throw a
// catchable StackOverflowError (each level checks the stack), never crash, and work
// again afterwards.
TEST(CollDeep, EqualityHashAndCompareThrowStackOverflowError) {
  CollVM vm;
  RootScope roots(vm.heap);
  constexpr int kDepth = 300000;  // far more levels than an 8 MiB stack holds
  using Wrap = Value (*)(State&, Value);
  Wrap shapes[] = {
      [](State& vm, Value v) { return vec(vm, {v}); },
      [](State& vm, Value v) {
        return vec(vm, {I(1), v});
      },
      [](State& vm, Value v) { return lst(vm, {v}); },
      [](State& vm, Value v) {
        Value kv[] = {K(vm, "a"), v};
        return map_from(vm, kv, 1);
      },
      [](State& vm, Value v) { return set_from(vm, &v, 1); },
      [](State& vm, Value v) {
        Value kv[] = {v, I(1)};
        return first(vm, map_from(vm, kv, 1));  // a map entry
      },
  };
  // Under GC stress every safepoint is a full collection: fewer of them.
  const int every = vm.heap.stress() ? 65536 : 1024;
  for (Wrap wrap : shapes) {
    size_t a = roots.push(Value::nil()), b = roots.push(Value::nil());
    for (int i = 0; i < kDepth; ++i) {
      roots[a] = wrap(vm, roots[a]);
      roots[b] = wrap(vm, roots[b]);
      if (i % every == 0) vm.heap.safepoint();
    }
    // The set shape hashes its elements while it is built (and caches the hashes).
    if (!is_set(roots[a])) {
      expect_error([&] { hash(vm, roots[a]); }, ErrorKind::StackOverflowError);
      expect_error([&] { hash(vm, vec(vm, {roots[a]})); }, ErrorKind::StackOverflowError);
    }
    expect_error([&] { equiv(vm, roots[a], roots[b]); }, ErrorKind::StackOverflowError);
    expect_error([&] { equiv(vm, vec(vm, {roots[a]}), lst(vm, {roots[b]})); },
                 ErrorKind::StackOverflowError);
    if (is_vector(roots[a]))
      expect_error([&] { compare(vm, roots[a], roots[b]); }, ErrorKind::StackOverflowError);
    EXPECT_TRUE(equiv(vm, roots[a], roots[a]));  // identical: no walk
  }
  EXPECT_TRUE(equiv(vm, vec(vm, {vec(vm, {I(1)})}), lst(vm, {vec(vm, {I(1)})})));
  EXPECT_EQ(compare(vm, vec(vm, {vec(vm, {I(1)})}), vec(vm, {vec(vm, {I(2)})})), -1);
}

TEST(CollErrors, LikeClojure) {
  CollVM vm;
  expect_error([&] { count(vm, I(5)); }, ErrorKind::UnsupportedOperationException, "count not supported on this type: Long");
  expect_error([&] { first(vm, I(5)); }, ErrorKind::IllegalArgumentException,
               "Don't know how to create ISeq from: java.lang.Long");
  expect_error([&] { seq(vm, K(vm, "a")); }, ErrorKind::IllegalArgumentException, "clojure.lang.Keyword");
  expect_error([&] { nth(vm, map_from(vm, nullptr, 0), 0); }, ErrorKind::UnsupportedOperationException,
               "nth not supported on this type: PersistentArrayMap");
  expect_error([&] { assoc(vm, I(1), I(2), I(3)); }, ErrorKind::ClassCastException, "clojure.lang.Associative");
  expect_error([&] { conj(vm, I(1), I(2)); }, ErrorKind::ClassCastException, "clojure.lang.IPersistentCollection");
  expect_error([&] { peek(vm, I(1)); }, ErrorKind::ClassCastException, "clojure.lang.IPersistentStack");
  expect_error([&] { pop(vm, I(1)); }, ErrorKind::ClassCastException, "clojure.lang.IPersistentStack");
  expect_error([&] { contains(vm, I(1), I(1)); }, ErrorKind::IllegalArgumentException,
               "contains? not supported on type: java.lang.Long");
  expect_error([&] { count(vm, D(1.5)); }, ErrorKind::UnsupportedOperationException, "Double");
  expect_error([&] { with_meta(vm, vec(vm, {}), I(1)); }, ErrorKind::ClassCastException);
  EXPECT_TRUE(get(vm, I(5), I(1)).is_nil());
}

}  // namespace
}  // namespace clove
