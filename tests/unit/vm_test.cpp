// vm_test.cpp: one or more tests for every VM instruction, on hand-assembled code,
// plus the calling convention, depth limits, tail calls and exceptions.
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "runtime/lang/unbound.h"
#include "runtime/coll/array_map.h"
#include "runtime/coll/chunk.h"
#include "runtime/coll/list.h"
#include "runtime/coll/coll.h"
#include "runtime/coll/hash_map.h"
#include "runtime/num/number.h"
#include "api/runtime.h"
#include "natives/seq.h"

using namespace clove;

namespace {

/// Builds one arity by hand: code, constants, frame size. Every register counts as
/// live for the GC (an empty stack map), as for code from `asm`.
struct ProtoBuilder {
  State& vm;
  Proto* p;
  explicit ProtoBuilder(State& v, int nparams = 0, bool variadic = false, uint32_t framesize = 16) : vm(v) {
    p = vm.heap.make<Proto>();
    vm.permanent.push_back(Value::object(p));
    p->nparams = static_cast<uint16_t>(nparams);
    p->variadic = variadic;
    p->framesize = framesize;
  }
  ProtoBuilder& emit(Instr i) {
    p->code.push_back(i);
    p->positions.push_back(SourcePos{});
    return *this;
  }
  unsigned k(Value v) {
    p->constants.push_back(v);
    return static_cast<unsigned>(p->constants.size() - 1);
  }
};

FnProto* make_fn(State& vm, std::initializer_list<Proto*> arities, const char* name = "test/f") {
  FnProto* fp = vm.heap.make<FnProto>();
  vm.permanent.push_back(Value::object(fp));
  fp->name = make_string(vm.heap, name);
  for (Proto* p : arities) {
    if (p->variadic)
      fp->set_variadic(p);
    else
      fp->add_fixed(p);
  }
  return fp;
}

Value closure_of(State& vm, FnProto* fp) {
  Value c = Value::object(make_closure(vm.heap, fp, static_cast<uint32_t>(fp->upvals.size())));
  vm.permanent.push_back(c);
  return c;
}

/// Runs a 0-arg function made of `b`'s code.
Value run0(State& vm, ProtoBuilder& b) { return vm.call(closure_of(vm, make_fn(vm, {b.p})), nullptr, 0); }

class VMTest : public ::testing::Test {
 protected:
  Runtime vm{RuntimeOptions{.load_core_library = false}};
};

int64_t L(Value v) { return as_long(v); }

}  // namespace

TEST_F(VMTest, LoadsAndMove) {
  ProtoBuilder b(vm);
  unsigned k = b.k(string_value(vm.heap, "hi"));
  b.emit(encode_abx(Op::LOADK, 0, k)).emit(encode_abc(Op::MOVE, 1, 0, 0)).emit(encode_abc(Op::RET, 1, 0, 0));
  Value v = run0(vm, b);
  ASSERT_TRUE(is<String>(v));
  EXPECT_EQ(as<String>(v)->view(), "hi");
}

TEST_F(VMTest, LoadImmediates) {
  for (auto [op, expect] : {std::pair{Op::LOADNIL, Value::nil()}, {Op::LOADTRUE, Value::t()}, {Op::LOADFALSE, Value::f()}}) {
    ProtoBuilder b(vm);
    b.emit(encode_asbx(Op::LOADI, 0, 7)).emit(encode_abc(op, 0, 0, 0)).emit(encode_abc(Op::RET, 0, 0, 0));
    EXPECT_EQ(run0(vm, b), expect);
  }
  ProtoBuilder b(vm);
  b.emit(encode_asbx(Op::LOADI, 3, -32768)).emit(encode_abc(Op::RET, 3, 0, 0));
  EXPECT_EQ(L(run0(vm, b)), -32768);
}

TEST_F(VMTest, SpillAndReloadReachSlotsPast256) {
  ProtoBuilder b(vm, 0, false, 400);
  b.emit(encode_asbx(Op::LOADI, 0, 42))
      .emit(encode_abx(Op::SPILL, 0, 350))
      .emit(encode_abc(Op::LOADNIL, 0, 0, 0))
      .emit(encode_abx(Op::RELOAD, 5, 350))
      .emit(encode_abc(Op::RET, 5, 0, 0));
  EXPECT_EQ(L(run0(vm, b)), 42);
}

TEST_F(VMTest, VarsGetSetAndUnbound) {
  Var* v = vm.intern(vm.current_ns(), vm.sym("x"));
  ProtoBuilder b(vm);
  unsigned kv = b.k(Value::object(v));
  b.emit(encode_asbx(Op::LOADI, 0, 9))
      .emit(encode_abx(Op::SETVAR, 0, kv))
      .emit(encode_abx(Op::GETVAR, 1, kv))
      .emit(encode_abc(Op::RET, 1, 0, 0));
  EXPECT_EQ(L(run0(vm, b)), 9);
  EXPECT_EQ(L(v->root), 9);

  Var* u = vm.intern(vm.current_ns(), vm.sym("unbound-thing"));
  ProtoBuilder b2(vm);
  unsigned ku = b2.k(Value::object(u));
  b2.emit(encode_abx(Op::GETVAR, 0, ku)).emit(encode_abc(Op::RET, 0, 0, 0));
  // An unbound var reads as its clojure.lang.Var$Unbound object, one per var.
  Value r = run0(vm, b2);
  EXPECT_TRUE(is_unbound_value(vm, r));
  EXPECT_EQ(r, run0(vm, b2));
  EXPECT_FALSE(u->bound);
}

TEST_F(VMTest, ClosureCapturesRegistersAndUpvaluesSelf) {
  // inner: returns [U0 U1 self?] -> we return U0 + U1.
  ProtoBuilder inner(vm);
  inner.emit(encode_abc(Op::GETUPVAL, 0, 0, 0))
      .emit(encode_abc(Op::GETUPVAL, 1, 1, 0))
      .emit(encode_abc(Op::ADD, 2, 0, 1))
      .emit(encode_abc(Op::RET, 2, 0, 0));
  FnProto* inner_fn = make_fn(vm, {inner.p}, "test/inner");
  inner_fn->upvals.push_back(UpvalDesc{true, 0, nullptr});   // outer R[0]
  inner_fn->upvals.push_back(UpvalDesc{false, 0, nullptr});  // outer's U[0]

  ProtoBuilder outer(vm);
  unsigned kf = outer.k(Value::object(inner_fn));
  outer.emit(encode_asbx(Op::LOADI, 0, 40))
      .emit(encode_abx(Op::CLOSURE, 1, kf))
      .emit(encode_abc(Op::RET, 1, 0, 0));
  FnProto* outer_fn = make_fn(vm, {outer.p}, "test/outer");
  outer_fn->upvals.push_back(UpvalDesc{true, 0, nullptr});
  Closure* oc = make_closure(vm.heap, outer_fn, 1);
  oc->upvals()[0] = Value::small_int(2);
  vm.permanent.push_back(Value::object(oc));
  Value made = vm.call(Value::object(oc), nullptr, 0);
  ASSERT_TRUE(is<Closure>(made));
  vm.permanent.push_back(made);
  EXPECT_EQ(L(vm.call(made, nullptr, 0)), 42);

  ProtoBuilder self(vm);
  self.emit(encode_abc(Op::SELF, 0, 0, 0)).emit(encode_abc(Op::RET, 0, 0, 0));
  Value c = closure_of(vm, make_fn(vm, {self.p}));
  EXPECT_EQ(vm.call(c, nullptr, 0), c);
}

TEST_F(VMTest, SetUpvalPatchesAClosure) {
  ProtoBuilder inner(vm);
  inner.emit(encode_abc(Op::GETUPVAL, 0, 0, 0)).emit(encode_abc(Op::RET, 0, 0, 0));
  FnProto* fp = make_fn(vm, {inner.p});
  fp->upvals.push_back(UpvalDesc{true, 5, nullptr});
  ProtoBuilder outer(vm);
  unsigned kf = outer.k(Value::object(fp));
  outer.emit(encode_abx(Op::CLOSURE, 0, kf))
      .emit(encode_asbx(Op::LOADI, 1, 77))
      .emit(encode_abc(Op::SETUPVAL, 0, 0, 1))
      .emit(encode_abc(Op::RET, 0, 0, 0));
  Value c = run0(vm, outer);
  vm.permanent.push_back(c);
  EXPECT_EQ(L(vm.call(c, nullptr, 0)), 77);
}

TEST_F(VMTest, CollectionLiterals) {
  ProtoBuilder b(vm);
  unsigned ka = b.k(Value::object(vm.kw("a")));
  b.emit(encode_asbx(Op::LOADI, 0, 1))
      .emit(encode_asbx(Op::LOADI, 1, 2))
      .emit(encode_abc(Op::NEWVEC, 2, 0, 2))  // [1 2]
      .emit(encode_asbx(Op::LOADI, 3, 3))
      .emit(encode_abc(Op::COLLADD, 2, 3, 1))  // [1 2 3]
      .emit(encode_abx(Op::LOADK, 4, ka))
      .emit(encode_abc(Op::MOVE, 5, 2, 0))
      .emit(encode_abc(Op::NEWMAP, 6, 4, 2))  // {:a [1 2 3]}
      .emit(encode_abc(Op::NEWSET, 7, 0, 2))  // #{1 2}
      .emit(encode_abc(Op::NEWVEC, 8, 6, 2))
      .emit(encode_abc(Op::RET, 8, 0, 0));
  Value v = run0(vm, b);
  ASSERT_TRUE(is_vector(v));
  Value m = nth(vm, v, 0);
  ASSERT_TRUE(is_map(m));
  Value inner = get(vm, m, Value::object(vm.kw("a")));
  EXPECT_EQ(count(vm, inner), 3);
  EXPECT_EQ(L(nth(vm, inner, 2)), 3);
  Value s = nth(vm, v, 1);
  ASSERT_TRUE(is_set(s));
  EXPECT_TRUE(contains(vm, s, Value::small_int(2)));
}

namespace {
Value binop(State& vm, Op op, Value x, Value y) {
  ProtoBuilder b(vm);
  unsigned kx = b.k(x), ky = b.k(y);
  b.emit(encode_abx(Op::LOADK, 0, kx)).emit(encode_abx(Op::LOADK, 1, ky)).emit(encode_abc(op, 2, 0, 1)).emit(encode_abc(Op::RET, 2, 0, 0));
  return run0(vm, b);
}
}  // namespace

TEST_F(VMTest, ArithmeticOnLongsAndDoubles) {
  auto I = [](int64_t i) { return Value::small_int(i); };
  EXPECT_EQ(L(binop(vm, Op::ADD, I(2), I(3))), 5);
  EXPECT_EQ(L(binop(vm, Op::SUB, I(2), I(3))), -1);
  EXPECT_EQ(L(binop(vm, Op::MUL, I(6), I(7))), 42);
  EXPECT_EQ(L(binop(vm, Op::DIV, I(42), I(7))), 6);
  EXPECT_DOUBLE_EQ(binop(vm, Op::ADD, I(1), Value::from_double(0.5)).as_double(), 1.5);
  EXPECT_DOUBLE_EQ(binop(vm, Op::DIV, Value::from_double(1), Value::from_double(4)).as_double(), 0.25);
  // A double over a small long divides as doubles in the handler: by zero is an
  // infinity or NaN (Numbers.divide(double, long)), not "Divide by zero".
  EXPECT_DOUBLE_EQ(binop(vm, Op::DIV, Value::from_double(1), I(-4)).as_double(), -0.25);
  EXPECT_EQ(binop(vm, Op::DIV, Value::from_double(1), I(0)).as_double(), HUGE_VAL);
  EXPECT_EQ(binop(vm, Op::DIV, Value::from_double(-1), I(0)).as_double(), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(binop(vm, Op::DIV, Value::from_double(0), I(0)).as_double()));
  EXPECT_DOUBLE_EQ(binop(vm, Op::DIV, Value::from_double(3), I(Value::kSmallIntMax)).as_double(),
                   3.0 / static_cast<double>(Value::kSmallIntMax));
  EXPECT_DOUBLE_EQ(binop(vm, Op::DIV, I(1), Value::from_double(4)).as_double(), 0.25);
  // Past the immediate range the result is boxed, and still exact.
  Value big = make_long(vm.heap, INT64_MAX - 1);
  EXPECT_EQ(L(binop(vm, Op::ADD, big, I(1))), INT64_MAX);
  EXPECT_EQ(L(binop(vm, Op::ADD, I(Value::kSmallIntMax), I(1))), Value::kSmallIntMax + 1);
  try {
    binop(vm, Op::ADD, make_long(vm.heap, INT64_MAX), I(1));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ArithmeticException);
    EXPECT_STREQ(e.what(), "long overflow");
  }
  try {
    binop(vm, Op::MUL, make_long(vm.heap, INT64_MAX / 2), I(3));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ArithmeticException);
  }
  try {
    binop(vm, Op::DIV, I(1), I(0));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_STREQ(e.what(), "Divide by zero");
  }
  try {
    binop(vm, Op::ADD, I(1), string_value(vm.heap, "a"));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ClassCastException);
    EXPECT_NE(std::string(e.what()).find("java.lang.String"), std::string::npos);
  }
}

TEST_F(VMTest, IntegerDivisionInstructions) {
  auto I = [](int64_t i) { return Value::small_int(i); };
  // {x, y, quot, rem, mod}: truncating quot/rem, mod takes the divisor's sign.
  const int64_t cases[][5] = {{7, 2, 3, 1, 1},     {-7, 2, -3, -1, 1}, {7, -2, -3, 1, -1},
                              {-7, -2, 3, -1, -1}, {6, 3, 2, 0, 0},    {-6, 3, -2, 0, 0},
                              {0, 5, 0, 0, 0}};
  for (const auto& c : cases) {
    EXPECT_EQ(L(binop(vm, Op::QUOT, I(c[0]), I(c[1]))), c[2]) << c[0] << " " << c[1];
    EXPECT_EQ(L(binop(vm, Op::REM, I(c[0]), I(c[1]))), c[3]) << c[0] << " " << c[1];
    EXPECT_EQ(L(binop(vm, Op::MOD, I(c[0]), I(c[1]))), c[4]) << c[0] << " " << c[1];
  }
  // Leaving the small-int range boxes exactly; doubles and boxed longs take arith().
  EXPECT_EQ(L(binop(vm, Op::QUOT, I(Value::kSmallIntMin), I(-1))), -Value::kSmallIntMin);
  EXPECT_EQ(L(binop(vm, Op::REM, make_long(vm.heap, INT64_MAX), I(10))), 7);
  EXPECT_DOUBLE_EQ(binop(vm, Op::MOD, Value::from_double(-7.5), I(2)).as_double(), 0.5);
  for (Op op : {Op::QUOT, Op::REM, Op::MOD}) {
    try {
      binop(vm, op, I(1), I(0));
      FAIL();
    } catch (const CloveError& e) {
      EXPECT_EQ(e.kind, ErrorKind::ArithmeticException);
      EXPECT_STREQ(e.what(), "Divide by zero");
    }
    try {
      binop(vm, op, string_value(vm.heap, "a"), I(2));
      FAIL();
    } catch (const CloveError& e) {
      EXPECT_EQ(e.kind, ErrorKind::ClassCastException);
    }
  }
}

TEST_F(VMTest, CollectionInstructions) {
  auto I = [](int64_t i) { return Value::small_int(i); };
  Value items[] = {I(10), I(20), I(30)};
  Value v = vector_from(vm.heap, items, 3);
  vm.permanent.push_back(v);
  auto unop = [&](Op op, Value x) {
    ProtoBuilder b(vm);
    unsigned kx = b.k(x);
    b.emit(encode_abx(Op::LOADK, 0, kx)).emit(encode_abc(op, 1, 0, 0)).emit(encode_abc(Op::RET, 1, 0, 0));
    return run0(vm, b);
  };
  EXPECT_EQ(L(unop(Op::FIRST, v)), 10);
  EXPECT_EQ(L(unop(Op::COUNT, v)), 3);
  EXPECT_EQ(L(first(vm, unop(Op::NEXT, v))), 20);
  EXPECT_EQ(unop(Op::FIRST, Value::nil()), Value::nil());
  EXPECT_EQ(unop(Op::NEXT, Value::nil()), Value::nil());
  EXPECT_EQ(L(unop(Op::COUNT, Value::nil())), 0);
  EXPECT_EQ(unop(Op::ISREDUCED, v), Value::f());
  EXPECT_EQ(L(binop(vm, Op::NTH, v, I(2))), 30);
  EXPECT_EQ(L(binop(vm, Op::GET, v, I(1))), 20);
  EXPECT_EQ(binop(vm, Op::GET, v, I(5)), Value::nil());
  EXPECT_EQ(binop(vm, Op::GET, I(5), I(0)), Value::nil());
  try {
    binop(vm, Op::NTH, v, I(3));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::IndexOutOfBoundsException);
  }
  try {
    binop(vm, Op::NTH, v, string_value(vm.heap, "a"));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ClassCastException);
  }
  try {
    unop(Op::COUNT, I(5));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::UnsupportedOperationException);
  }
}

// GETK answers a keyword on an array map by identity in the loop itself; everything
// else (a non-keyword constant, other maps, nil) goes through get.
TEST_F(VMTest, GetkOnArrayMapsAndTheRest) {
  auto getk = [&](Value coll, Value key) {
    ProtoBuilder b(vm);
    unsigned kc = b.k(coll), kk = b.k(key);
    b.emit(encode_abx(Op::LOADK, 0, kc)).emit(encode_abc(Op::GETK, 1, 0, kk)).emit(encode_abc(Op::RET, 1, 0, 0));
    return run0(vm, b);
  };
  Value a = Value::object(vm.kw("a")), b = Value::object(vm.kw("b"));
  Value s1 = string_value(vm.heap, "s"), s2 = string_value(vm.heap, "s");  // equal, not identical
  for (Value v : {a, b, s1, s2}) vm.permanent.push_back(v);  // the programs below may collect
  Value kvs[] = {a, Value::small_int(1), s1, Value::small_int(2)};
  Value am = map_from(vm, kvs, 2);
  vm.permanent.push_back(am);
  ASSERT_TRUE(is<ArrayMap>(am));
  EXPECT_EQ(L(getk(am, a)), 1);
  EXPECT_EQ(getk(am, b), Value::nil());
  EXPECT_EQ(L(getk(am, s2)), 2);  // by equality
  Value hm = hash_map_from(vm, kvs, 2);
  ASSERT_TRUE(is<HashMap>(hm));
  vm.permanent.push_back(hm);
  EXPECT_EQ(L(getk(hm, a)), 1);
  EXPECT_EQ(getk(hm, b), Value::nil());
  EXPECT_EQ(getk(Value::nil(), a), Value::nil());
}

// NTH answers a vector's or an array chunk's element in the loop when the index is a
// small int in range; negative, past-the-end and boxed indexes, and every other kind,
// take the general path with its errors.
TEST_F(VMTest, NthOnVectorsAndChunks) {
  auto I = [](int64_t i) { return Value::small_int(i); };
  Value items[] = {I(10), I(20), I(30), I(40)};
  Value v = vector_from(vm.heap, items, 4);
  ArrayChunk* c = array_chunk_copy(vm.heap, items + 1, 3);  // 20 30 40
  Value chunk = Value::object(c);
  Value list = list_from(vm.heap, items, 4);
  for (Value x : {v, chunk, list}) vm.permanent.push_back(x);
  EXPECT_EQ(L(binop(vm, Op::NTH, v, I(0))), 10);
  EXPECT_EQ(L(binop(vm, Op::NTH, v, I(3))), 40);
  EXPECT_EQ(L(binop(vm, Op::NTH, chunk, I(0))), 20);
  EXPECT_EQ(L(binop(vm, Op::NTH, chunk, I(2))), 40);
  EXPECT_EQ(L(binop(vm, Op::NTH, list, I(1))), 20);
  EXPECT_EQ(L(binop(vm, Op::NTH, v, make_long(vm.heap, 2))), 30);
  for (Value coll : {v, chunk}) {
    for (Value bad : {I(-1), I(4)}) {
      if (coll == chunk && bad == I(4)) bad = I(3);
      try {
        binop(vm, Op::NTH, coll, bad);
        FAIL();
      } catch (const CloveError& e) {
        EXPECT_EQ(e.kind, ErrorKind::IndexOutOfBoundsException);
      }
    }
    // A boxed index past Java's int range: the general path's conversion error.
    EXPECT_THROW(binop(vm, Op::NTH, coll, make_long(vm.heap, int64_t{1} << 50)), CloveError);
  }
  Value out;
  EXPECT_FALSE(nth_if_indexed(list, I(0), &out));
  EXPECT_FALSE(nth_if_indexed(Value::nil(), I(0), &out));
  EXPECT_FALSE(nth_if_indexed(v, I(-1), &out));
  EXPECT_FALSE(nth_if_indexed(chunk, I(3), &out));
  EXPECT_FALSE(nth_if_indexed(v, make_long(vm.heap, int64_t{1} << 50), &out));  // boxed: the general path
  EXPECT_TRUE(nth_if_indexed(chunk, I(1), &out));
  EXPECT_EQ(L(out), 30);
}

// EQ and BREQK decide nil, booleans and characters against anything by identity in the
// loop (equiv answers the same: they equal only themselves); doubles, numbers of other
// representations and collections still go to equiv.
TEST_F(VMTest, EqualityAgainstNilBooleansAndChars) {
  auto eq = [&](Value x, Value y) {
    ProtoBuilder b(vm);
    unsigned kx = b.k(x), ky = b.k(y);
    b.emit(encode_abx(Op::LOADK, 0, kx)).emit(encode_abx(Op::LOADK, 1, ky)).emit(encode_abc(Op::EQ, 2, 0, 1));
    b.emit(encode_abc(Op::RET, 2, 0, 0));
    return run0(vm, b).is_true();
  };
  auto breqk = [&](Value x, Value k) {  // 1 when x = k, else 2
    ProtoBuilder b(vm);
    unsigned kx = b.k(x), kk = b.k(k);
    b.emit(encode_abx(Op::LOADK, 0, kx))
        .emit(encode_abc(Op::BREQK, 0, kk, 0))
        .emit(encode_sj(Op::JMP, 2))
        .emit(encode_asbx(Op::LOADI, 1, 1))
        .emit(encode_abc(Op::RET, 1, 0, 0))
        .emit(encode_asbx(Op::LOADI, 1, 2))
        .emit(encode_abc(Op::RET, 1, 0, 0));
    return L(run0(vm, b));
  };
  Value items[] = {Value::small_int(1)};
  Value vec = vector_from(vm.heap, items, 1), empty = vector_from(vm.heap, nullptr, 0);
  Value str = string_value(vm.heap, "a");
  for (Value v : {vec, empty, str}) vm.permanent.push_back(v);
  Value nil = Value::nil(), t = Value::t(), f = Value::f(), ca = Value::character('a');
  for (Value x : {nil, t, f, ca}) {
    EXPECT_TRUE(eq(x, x));
    for (Value y : {vec, empty, str, Value::small_int(0), Value::from_double(0.0), Value::character('b')}) {
      EXPECT_FALSE(eq(x, y));
      EXPECT_FALSE(eq(y, x));
    }
  }
  EXPECT_FALSE(eq(nil, f));
  EXPECT_FALSE(eq(t, Value::small_int(1)));
  EXPECT_TRUE(eq(Value::from_double(2.0), Value::from_double(2.0)));
  EXPECT_FALSE(eq(Value::from_double(std::nan("")), Value::from_double(std::nan(""))));
  EXPECT_EQ(breqk(nil, nil), 1);
  EXPECT_EQ(breqk(vec, nil), 2);
  EXPECT_EQ(breqk(empty, nil), 2);
  EXPECT_EQ(breqk(f, nil), 2);
  EXPECT_EQ(breqk(ca, Value::character('a')), 1);
  EXPECT_EQ(breqk(str, Value::character('a')), 2);
}

// BRREDUCED A _ C: reduce's (if (reduced? acc) ...) as one compare-and-skip; the JMP
// after it runs when (reduced? R[A]) is C.
TEST_F(VMTest, BranchOnReduced) {
  auto brreduced = [&](Value x, unsigned c) {  // 1 when the JMP ran, else 2
    ProtoBuilder b(vm);
    unsigned kx = b.k(x);
    b.emit(encode_abx(Op::LOADK, 0, kx))
        .emit(encode_abc(Op::BRREDUCED, 0, 0, c))
        .emit(encode_sj(Op::JMP, 2))
        .emit(encode_asbx(Op::LOADI, 1, 2))
        .emit(encode_abc(Op::RET, 1, 0, 0))
        .emit(encode_asbx(Op::LOADI, 1, 1))
        .emit(encode_abc(Op::RET, 1, 0, 0));
    return L(run0(vm, b));
  };
  Value r = Value::object(vm.heap.make<Reduced>(Value::small_int(5)));
  vm.permanent.push_back(r);
  EXPECT_EQ(brreduced(r, 1), 1);
  EXPECT_EQ(brreduced(r, 0), 2);
  for (Value x : {Value::nil(), Value::small_int(5), Value::f(), Value::object(vm.kw("reduced"))}) {
    EXPECT_EQ(brreduced(x, 1), 2);
    EXPECT_EQ(brreduced(x, 0), 1);
  }
}

// CALL of a vector with a small index in range answers in the loop; any other index
// goes through the vector's invoke (IndexOutOfBounds, "Key must be integer").
TEST_F(VMTest, CallingAVector) {
  Value items[] = {Value::small_int(10), Value::small_int(20)};
  Value v = vector_from(vm.heap, items, 2);
  vm.permanent.push_back(v);
  auto call1 = [&](Value ix) {
    ProtoBuilder b(vm);
    unsigned kv = b.k(v), ki = b.k(ix);
    b.emit(encode_abx(Op::LOADK, 0, kv))
        .emit(encode_abx(Op::LOADK, kCallHeader, ki))
        .emit(encode_abc(Op::CALL, 0, 1, 0))
        .emit(encode_abc(Op::RET, 0, 0, 0));
    return run0(vm, b);
  };
  EXPECT_EQ(L(call1(Value::small_int(1))), 20);
  EXPECT_EQ(L(call1(Value::small_int(0))), 10);
  for (Value bad : {Value::small_int(2), Value::small_int(-1)}) {
    try {
      call1(bad);
      FAIL();
    } catch (const CloveError& e) {
      EXPECT_EQ(e.kind, ErrorKind::IndexOutOfBoundsException);
    }
  }
  try {
    call1(string_value(vm.heap, "a"));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::IllegalArgumentException);
  }
}

// CALL1 A B C: R[A] := R[C](R[B]), with no window. A vector with an index in range
// and a leaf native answer without a frame; a closure's frame starts above the
// caller's registers; keywords, maps and other natives are called out of line. Errors
// are those of a call.
TEST_F(VMTest, CallOneArgumentOfARegister) {
  Value items[] = {Value::small_int(10), Value::small_int(20)};
  Value v = vector_from(vm.heap, items, 2);
  vm.permanent.push_back(v);
  Value k = Value::object(vm.kw("a"));
  Value kv[] = {k, Value::small_int(5)};
  Value m = map_from(vm, kv, 1);
  vm.permanent.push_back(m);
  Var* inc = vm.resolve_var(vm.current_ns(), vm.sym("inc"));
  ASSERT_NE(inc, nullptr);
  ASSERT_TRUE(as<Native>(inc->root)->leaf);
  ProtoBuilder twice_b(vm, 1, false, 4);  // (fn [x] (+ x x))
  twice_b.emit(encode_abc(Op::ADD, 0, 0, 0)).emit(encode_abc(Op::RET, 0, 0, 0));
  Value twice = closure_of(vm, make_fn(vm, {twice_b.p}, "test/twice"));
  // R1 := callee, R2 := argument, R3 := a value the result replaces; then
  // CALL1 3 2 1 and (+ R3 R0), R0 = 1000 showing the caller's registers below are intact.
  auto call1 = [&](Value fn, Value x) {
    ProtoBuilder b(vm);
    unsigned kf = b.k(fn), kx = b.k(x);
    b.emit(encode_asbx(Op::LOADI, 0, 1000))
        .emit(encode_abx(Op::LOADK, 1, kf))
        .emit(encode_abx(Op::LOADK, 2, kx))
        .emit(encode_asbx(Op::LOADI, 3, 7))
        .emit(encode_abc(Op::CALL1, 3, 2, 1))
        .emit(encode_abc(Op::ADD, 3, 3, 0))
        .emit(encode_abc(Op::RET, 3, 0, 0));
    return L(run0(vm, b)) - 1000;
  };
  EXPECT_EQ(call1(v, Value::small_int(1)), 20);
  EXPECT_EQ(call1(inc->root, Value::small_int(41)), 42);
  EXPECT_EQ(call1(twice, Value::small_int(21)), 42);
  EXPECT_EQ(call1(m, k), 5);
  EXPECT_EQ(call1(k, m), 5);
  try {
    call1(v, Value::small_int(2));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::IndexOutOfBoundsException);
  }
  try {
    call1(Value::small_int(3), Value::small_int(1));
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ClassCastException);
  }
  try {
    call1(twice, k);  // the closure's own error, from its frame
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ClassCastException);
  }
  // While the callee runs, R[A] is nil: the stack map has it live from the next
  // instruction on, where the frame stands during the call, so what an older frame
  // left in that slot must not be marked.
  static Value seen;
  Var* peek = vm.def_native("user", "peek-a", [](State& s, Args) {
    const Fiber* f = s.fiber();
    seen = f->stack[link_prev_base(f->stack[f->base - 2]) + 3];
    return Value::small_int(0);
  }, 1, 1, "");
  seen = Value::small_int(-1);
  EXPECT_EQ(call1(peek->root, Value::small_int(0)), 0);
  EXPECT_TRUE(seen.is_nil());
}

TEST_F(VMTest, AddImmediate) {
  ProtoBuilder b(vm);
  b.emit(encode_asbx(Op::LOADI, 0, 10)).emit(encode_absc(Op::ADDI, 1, 0, -3)).emit(encode_abc(Op::RET, 1, 0, 0));
  EXPECT_EQ(L(run0(vm, b)), 7);
}

TEST_F(VMTest, Comparisons) {
  auto I = [](int64_t i) { return Value::small_int(i); };
  EXPECT_EQ(binop(vm, Op::LT, I(1), I(2)), Value::t());
  EXPECT_EQ(binop(vm, Op::LT, I(2), I(2)), Value::f());
  EXPECT_EQ(binop(vm, Op::LE, I(2), I(2)), Value::t());
  EXPECT_EQ(binop(vm, Op::NUMEQ, I(1), Value::from_double(1.0)), Value::t());
  EXPECT_EQ(binop(vm, Op::EQ, I(1), Value::from_double(1.0)), Value::f());
  EXPECT_EQ(binop(vm, Op::EQ, Value::from_double(NAN), Value::from_double(NAN)), Value::f());
  EXPECT_EQ(binop(vm, Op::EQ, string_value(vm.heap, "ab"), string_value(vm.heap, "ab")), Value::t());
  EXPECT_EQ(binop(vm, Op::LT, make_long(vm.heap, INT64_MIN), I(0)), Value::t());
  ProtoBuilder b(vm);
  b.emit(encode_abc(Op::LOADNIL, 0, 0, 0)).emit(encode_abc(Op::NOT, 1, 0, 0)).emit(encode_abc(Op::RET, 1, 0, 0));
  EXPECT_EQ(run0(vm, b), Value::t());
}

TEST_F(VMTest, JumpsAndALoop) {
  // sum = 0; i = 10; while (0 < i) { sum += i; i -= 1 }  -> 55
  ProtoBuilder b(vm);
  b.emit(encode_asbx(Op::LOADI, 0, 0))      // 0: sum
      .emit(encode_asbx(Op::LOADI, 1, 10))  // 1: i
      .emit(encode_asbx(Op::LOADI, 2, 0))   // 2: zero
      .emit(encode_abc(Op::LT, 3, 2, 1))    // 3: 0 < i
      .emit(encode_asbx(Op::JMPIFNOT, 3, 3))  // 4: -> 8
      .emit(encode_abc(Op::ADD, 0, 0, 1))   // 5
      .emit(encode_absc(Op::ADDI, 1, 1, -1))  // 6
      .emit(encode_sj(Op::JMP, -5))         // 7: -> 3
      .emit(encode_abc(Op::RET, 0, 0, 0));  // 8
  EXPECT_EQ(L(run0(vm, b)), 55);
  ProtoBuilder c(vm);
  c.emit(encode_abc(Op::LOADTRUE, 0, 0, 0))
      .emit(encode_asbx(Op::JMPIF, 0, 1))
      .emit(encode_asbx(Op::LOADI, 0, 1))
      .emit(encode_abc(Op::RET, 0, 0, 0));
  EXPECT_EQ(run0(vm, c), Value::t());
}

namespace {
/// (fn [n] (if (< n 1) 0 (+ n (self (- n 1)))))  -- non-tail recursion.
Value make_sum_rec(State& vm) {
  ProtoBuilder b(vm, 1, false, 8);
  b.emit(encode_asbx(Op::LOADI, 1, 1))            // 0
      .emit(encode_abc(Op::LT, 2, 0, 1))          // 1: n < 1
      .emit(encode_asbx(Op::JMPIFNOT, 2, 2))      // 2: -> 5
      .emit(encode_asbx(Op::LOADI, 2, 0))         // 3
      .emit(encode_abc(Op::RET, 2, 0, 0))         // 4
      .emit(encode_abc(Op::SELF, 2, 0, 0))        // 5: R2 = self; R3,R4 link; R5 arg
      .emit(encode_absc(Op::ADDI, 5, 0, -1))      // 6
      .emit(encode_abc(Op::CALL, 2, 1, 0))        // 7
      .emit(encode_abc(Op::ADD, 2, 0, 2))         // 8
      .emit(encode_abc(Op::RET, 2, 0, 0));        // 9
  return closure_of(vm, make_fn(vm, {b.p}, "test/sum"));
}
}  // namespace

TEST_F(VMTest, CallRecursesWithoutTheCStack) {
  Value f = make_sum_rec(vm);
  Value arg = Value::small_int(200000);
  EXPECT_EQ(L(vm.call(f, &arg, 1)), 200000LL * 200001 / 2);
}

TEST_F(VMTest, DepthLimitIsACatchableErrorAndTheVMGoesOn) {
  vm.limits.max_depth = 1000;
  Value f = make_sum_rec(vm);
  Value arg = Value::small_int(5000);
  try {
    vm.call(f, &arg, 1);
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::StackOverflowError);
  }
  Value small = Value::small_int(10);
  EXPECT_EQ(L(vm.call(f, &small, 1)), 55);
  EXPECT_EQ(vm.fiber()->depth, 0u);
}

TEST_F(VMTest, TailCallRunsInConstantStack) {
  // (fn [n] (if (< n 1) :done (self (- n 1)))) with TAILCALL, 10,000,000 deep.
  ProtoBuilder b(vm, 1, false, 8);
  unsigned kd = b.k(Value::object(vm.kw("done")));
  b.emit(encode_asbx(Op::LOADI, 1, 1))
      .emit(encode_abc(Op::LT, 2, 0, 1))
      .emit(encode_asbx(Op::JMPIFNOT, 2, 2))
      .emit(encode_abx(Op::LOADK, 2, kd))
      .emit(encode_abc(Op::RET, 2, 0, 0))
      .emit(encode_abc(Op::SELF, 2, 0, 0))
      .emit(encode_absc(Op::ADDI, 5, 0, -1))
      .emit(encode_abc(Op::TAILCALL, 2, 1, 0));
  Value f = closure_of(vm, make_fn(vm, {b.p}));
  vm.limits.max_depth = 100;
  Value arg = make_long(vm.heap, 10000000);
  EXPECT_EQ(vm.call(f, &arg, 1), Value::object(vm.kw("done")));
  EXPECT_LT(vm.fiber()->stack.size(), 100000u);
}

TEST_F(VMTest, CallsNativesKeywordsAndCollections) {
  Var* plus = vm.resolve_var(vm.current_ns(), vm.sym("+"));
  ASSERT_NE(plus, nullptr);
  ProtoBuilder b(vm);
  unsigned kp = b.k(Value::object(plus));
  b.emit(encode_abx(Op::GETVAR, 0, kp))
      .emit(encode_asbx(Op::LOADI, 3, 1))
      .emit(encode_asbx(Op::LOADI, 4, 2))
      .emit(encode_asbx(Op::LOADI, 5, 3))
      .emit(encode_abc(Op::CALL, 0, 3, 0))
      .emit(encode_abc(Op::RET, 0, 0, 0));
  EXPECT_EQ(L(run0(vm, b)), 6);

  Value k = Value::object(vm.kw("a"));
  Value kv[] = {k, Value::small_int(5)};
  Value m = map_from(vm, kv, 1);
  vm.permanent.push_back(m);
  ProtoBuilder c(vm);
  unsigned kk = c.k(k), km = c.k(m);
  c.emit(encode_abx(Op::LOADK, 0, kk)).emit(encode_abx(Op::LOADK, 3, km)).emit(encode_abc(Op::CALL, 0, 1, 0)).emit(encode_abc(Op::RET, 0, 0, 0));
  EXPECT_EQ(L(run0(vm, c)), 5);

  ProtoBuilder d(vm);
  unsigned kn = d.k(Value::small_int(3));
  d.emit(encode_abx(Op::LOADK, 0, kn)).emit(encode_abc(Op::CALL, 0, 0, 0)).emit(encode_abc(Op::RET, 0, 0, 0));
  try {
    run0(vm, d);
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ClassCastException);
    EXPECT_NE(std::string(e.what()).find("clojure.lang.IFn"), std::string::npos);
  }
}

TEST_F(VMTest, ArityDispatchVariadicAndArityErrors) {
  ProtoBuilder one(vm, 1);
  one.emit(encode_asbx(Op::LOADI, 1, 1)).emit(encode_abc(Op::RET, 1, 0, 0));
  ProtoBuilder rest(vm, 1, true);
  rest.emit(encode_abc(Op::RET, 1, 0, 0));  // returns the rest seq
  Value f = closure_of(vm, make_fn(vm, {one.p, rest.p}, "test/multi"));
  Value args[] = {Value::small_int(1), Value::small_int(2), Value::small_int(3)};
  EXPECT_EQ(L(vm.call(f, args, 1)), 1);
  Value r = vm.call(f, args, 3);
  EXPECT_EQ(count(vm, r), 2);
  EXPECT_EQ(L(first(vm, r)), 2);
  Value g = closure_of(vm, make_fn(vm, {one.p}, "test/one"));
  try {
    vm.call(g, args, 2);
    FAIL();
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ArityException);
    EXPECT_STREQ(e.what(), "Wrong number of args (2) passed to: test/one");
  }
}

TEST_F(VMTest, AritiesAreIndexedByArgumentCount) {
  // fixed arities of 0 and 2 parameters, a second fixed arity of 2 (never run), and
  // [a b c & more]; one of 9 parameters, past the direct table.
  ProtoBuilder zero(vm, 0), two(vm, 2), two_again(vm, 2), nine(vm, 9), rest(vm, 3, true);
  FnProto* fp = make_fn(vm, {zero.p, two.p, two_again.p, rest.p, nine.p}, "test/arities");
  EXPECT_EQ(zero.p->arity_index, 0u);
  EXPECT_EQ(two.p->arity_index, 1u);
  EXPECT_EQ(two_again.p->arity_index, 2u);
  EXPECT_EQ(nine.p->arity_index, 3u);
  EXPECT_EQ(rest.p->arity_index, kVariadicArity);
  Proto* expect[FnProto::kDirectArities] = {zero.p, nullptr, two.p, rest.p, rest.p, rest.p, rest.p, rest.p};
  for (int n = 0; n < FnProto::kDirectArities; ++n) {
    EXPECT_EQ(fp->by_nargs[n], expect[n]) << n;
    EXPECT_EQ(fp->arity_for(n), expect[n]) << n;
  }
  EXPECT_EQ(fp->arity_for(9), nine.p);
  EXPECT_EQ(fp->arity_for(10), rest.p);
  // A fixed arity added after the & arity takes its count back from it.
  ProtoBuilder four(vm, 4);
  fp->add_fixed(four.p);
  EXPECT_EQ(fp->by_nargs[4], four.p);
  EXPECT_EQ(fp->by_nargs[5], rest.p);
  // Without an & arity, counts with no fixed arity find nothing.
  FnProto* only = make_fn(vm, {two.p}, "test/two");
  for (int n = 0; n < FnProto::kDirectArities; ++n) EXPECT_EQ(only->arity_for(n), n == 2 ? two.p : nullptr) << n;
}

// The native `probe` records what the frame header of its own call holds.
uint64_t g_probe_raw = 0, g_probe_pc = 0;
Value probe_native(State& s, Args a) {
  Fiber* f = s.fiber();
  g_probe_raw = f->stack[f->base - 1].as_internal();
  g_probe_pc = frame_return_pc(f->stack, f->base);
  return a[0];
}

TEST_F(VMTest, FrameHeadersHoldReturnAddresses) {
  Native* n = vm.heap.make<Native>(probe_native, make_string(vm.heap, "test/probe"), "", "", 1, 1);
  vm.permanent.push_back(Value::object(n));
  ProtoBuilder b(vm);
  unsigned kn = b.k(Value::object(n));
  b.emit(encode_abx(Op::LOADK, 0, kn))        // 0
      .emit(encode_asbx(Op::LOADI, 3, 7))     // 1: the argument, at R[0 + 3]
      .emit(encode_abc(Op::CALL, 0, 1, 0))    // 2
      .emit(encode_abc(Op::RET, 0, 0, 0));    // 3
  EXPECT_EQ(L(run0(vm, b)), 7);
  // The header holds the address of instruction 3 in the caller's code, which stack
  // walkers read back as pc 3.
  EXPECT_EQ(g_probe_raw, reinterpret_cast<uint64_t>(b.p->code.data() + 3));
  EXPECT_EQ(g_probe_raw, return_address(b.p, 3));
  EXPECT_EQ(return_pc(b.p, g_probe_raw), 3u);
  EXPECT_EQ(g_probe_pc, 3u);
}

TEST_F(VMTest, TryCatchThrowAndUncaught) {
  // try { throw (ex) } catch -> return the exception's message
  Exception* ex = vm.make_exception(ErrorKind::IllegalArgumentException, "boom");
  vm.permanent.push_back(Value::object(ex));
  ProtoBuilder b(vm);
  unsigned ke = b.k(Value::object(ex));
  b.emit(encode_asbx(Op::TRY, 1, 3))   // 0: handler at 4
      .emit(encode_abx(Op::LOADK, 0, ke))  // 1
      .emit(encode_abc(Op::THROW, 0, 0, 0))  // 2
      .emit(encode_abc(Op::ENDTRY, 0, 0, 0))  // 3 (not reached)
      .emit(encode_abc(Op::RET, 1, 0, 0));  // 4
  EXPECT_EQ(run0(vm, b), Value::object(ex));
  EXPECT_TRUE(vm.fiber()->handlers.empty());

  // An error raised by an instruction is caught too, and ENDTRY pops on the normal path.
  ProtoBuilder c(vm);
  c.emit(encode_asbx(Op::TRY, 2, 4))
      .emit(encode_asbx(Op::LOADI, 0, 1))
      .emit(encode_asbx(Op::LOADI, 1, 0))
      .emit(encode_abc(Op::DIV, 0, 0, 1))
      .emit(encode_abc(Op::ENDTRY, 0, 0, 0))
      .emit(encode_abc(Op::RET, 2, 0, 0));
  Value caught = run0(vm, c);
  ASSERT_TRUE(is<Exception>(caught));
  EXPECT_EQ(as<Exception>(caught)->kind, ErrorKind::ArithmeticException);

  ProtoBuilder d(vm);
  d.emit(encode_abc(Op::LOADNIL, 0, 0, 0)).emit(encode_abc(Op::THROW, 0, 0, 0));
  EXPECT_THROW(run0(vm, d), CloveError);
  EXPECT_EQ(vm.fiber()->depth, 0u);
}

TEST_F(VMTest, NopDoesNothing) {
  ProtoBuilder b(vm);
  b.emit(encode_asbx(Op::LOADI, 0, 3)).emit(encode_abc(Op::NOP, 0, 0, 0)).emit(encode_abc(Op::RET, 0, 0, 0));
  EXPECT_EQ(L(run0(vm, b)), 3);
}

TEST_F(VMTest, GarbageIsCollectedAndLiveDataSurvives) {
  size_t before = vm.heap.object_count();
  for (int i = 0; i < 10000; ++i) make_string(vm.heap, "garbage");
  vm.heap.collect();
  EXPECT_LE(vm.heap.object_count(), before + 10);
  EXPECT_GT(vm.heap.validate(), 0u);
}

TEST_F(VMTest, SwitchJumpsThroughItsTableByClojureEquality) {
  // (case* x :d [:a 10 "s" 20 [1 2] 10 3 30]): SWITCH, then the jump table
  // (default, arm 1, arm 2, arm 3), then the arms.
  ProtoBuilder b(vm, 1);
  Value ks[] = {Value::object(vm.kw("a")), Value::small_int(1), string_value(vm.heap, "s"), Value::small_int(2),
                Value::small_int(3), Value::small_int(3)};
  Value pair[] = {Value::small_int(1), Value::small_int(2)};
  Value kvs[] = {ks[0], ks[1], ks[2], ks[3], vector_from(vm.heap, pair, 2), Value::small_int(1), ks[4], ks[5]};
  unsigned table = b.k(map_from(vm, kvs, 4));
  b.emit(encode_abx(Op::SWITCH, 0, table))  // 0
      .emit(encode_sj(Op::JMP, 3))          // 1: no match -> 5
      .emit(encode_sj(Op::JMP, 4))          // 2: slot 1 -> 7
      .emit(encode_sj(Op::JMP, 5))          // 3: slot 2 -> 9
      .emit(encode_sj(Op::JMP, 6))          // 4: slot 3 -> 11
      .emit(encode_asbx(Op::LOADI, 1, 0))   // 5
      .emit(encode_abc(Op::RET, 1, 0, 0))
      .emit(encode_asbx(Op::LOADI, 1, 10))  // 7
      .emit(encode_abc(Op::RET, 1, 0, 0))
      .emit(encode_asbx(Op::LOADI, 1, 20))  // 9
      .emit(encode_abc(Op::RET, 1, 0, 0))
      .emit(encode_asbx(Op::LOADI, 1, 30))  // 11
      .emit(encode_abc(Op::RET, 1, 0, 0));
  Value f = closure_of(vm, make_fn(vm, {b.p}));
  auto call1 = [&](Value x) {
    vm.permanent.push_back(x);
    return L(vm.call(f, &x, 1));
  };
  EXPECT_EQ(call1(Value::object(vm.kw("a"))), 10);
  EXPECT_EQ(call1(string_value(vm.heap, "s")), 20);  // a different string object, equal
  EXPECT_EQ(call1(Value::small_int(3)), 30);
  Value list12 = list_from(vm.heap, pair, 2);  // = [1 2]
  EXPECT_EQ(call1(list12), 10);
  EXPECT_EQ(call1(Value::small_int(4)), 0);
  EXPECT_EQ(call1(Value::from_double(3.0)), 0);  // (= 3 3.0) is false
  EXPECT_EQ(call1(Value::nil()), 0);
  EXPECT_EQ(call1(Value::object(vm.kw("b"))), 0);
}

// The interpreter layer alone (vm/interpreter.h): no natives, no core library, no
// reader or compiler, yet it runs bytecode, calls natives a host binds, and keeps the
// state (namespaces, *ns*, streams) the runtime relies on.
TEST(Interpreter, RunsBytecodeWithoutLibrariesOrDriver) {
  Interpreter in;
  EXPECT_EQ(in.core_ns()->lookup(in.sym("map")), nullptr);  // nothing opened
  EXPECT_NE(in.out_var(), nullptr);
  ProtoBuilder b(in);
  b.emit(encode_asbx(Op::LOADI, 0, 40)).emit(encode_asbx(Op::LOADI, 1, 2))
      .emit(encode_abc(Op::ADD, 2, 0, 1)).emit(encode_abc(Op::RET, 2, 0, 0));
  EXPECT_EQ(L(run0(in, b)), 42);

  Var* twice = in.def_native("user", "twice", [](State&, Args a) { return Value::small_int(2 * as_long(a[0])); }, 1, 1, "");
  Value args[] = {Value::small_int(21)};
  EXPECT_EQ(L(in.call(twice->root, args, 1)), 42);
  // Errors from a native come back as CloveError with the Clove exception attached.
  try {
    in.call(twice->root, nullptr, 0);
    FAIL() << "expected an arity error";
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ArityException);
    EXPECT_TRUE(is<Exception>(in.last_exception()));
  }
}

// CALL runs a leaf native (Native::leaf) without a frame: the native sees its caller's
// frame as the innermost one and its arguments where the caller put them. Any other
// native gets a frame of its own; both results are the same.
TEST(Interpreter, CallRunsALeafNativeWithoutAFrame) {
  Interpreter in;
  static size_t depth_seen = 0;
  auto probe = [](State& vm, Args a) {
    depth_seen = vm.fiber()->depth;
    return Value::small_int(as_long(a[0]) * 10 + as_long(a[1]));
  };
  Var* framed = in.def_native("user", "framed", probe, 2, 3, "");
  Var* leaf = in.def_native("user", "leaf", probe, 2, 3, "");
  as<Native>(leaf->root)->leaf = true;
  auto call_through = [&](Var* v) {
    ProtoBuilder b(in);
    b.emit(encode_abx(Op::LOADK, 0, b.k(v->root)))  // the callee, then a window of 2
        .emit(encode_asbx(Op::LOADI, 3, 4))
        .emit(encode_asbx(Op::LOADI, 4, 2))
        .emit(encode_abc(Op::CALL, 0, 2, 0))
        .emit(encode_abc(Op::RET, 0, 0, 0));
    return L(run0(in, b));
  };
  EXPECT_EQ(call_through(framed), 42);
  size_t framed_depth = depth_seen;
  EXPECT_EQ(call_through(leaf), 42);
  EXPECT_EQ(depth_seen + 1, framed_depth);
  // A wrong arity still goes through the full call and its ArityException.
  ProtoBuilder b(in);
  b.emit(encode_abx(Op::LOADK, 0, b.k(leaf->root))).emit(encode_abc(Op::CALL, 0, 0, 0)).emit(encode_abc(Op::RET, 0, 0, 0));
  try {
    run0(in, b);
    FAIL() << "expected an arity error";
  } catch (const CloveError& e) {
    EXPECT_EQ(e.kind, ErrorKind::ArityException);
  }
}
