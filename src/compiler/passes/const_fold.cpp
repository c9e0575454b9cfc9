// const_fold.cpp: see const_fold.h. Arithmetic follows Clojure: long op long is a
// long (overflow throws at run time, so it is not folded), anything with a double is
// a double; comparisons between longs and doubles compare numerically.
#include "compiler/passes/const_fold.h"

#include "runtime/num/number.h"

namespace clove {

namespace {

struct Num {
  bool is_double;
  int64_t l;
  double d;
  double as_d() const { return is_double ? d : static_cast<double>(l); }
};

std::optional<Num> num(Value v) {
  if (v.is_double()) return Num{true, 0, v.as_double()};
  if (is_long(v)) return Num{false, as_long(v), 0};
  return std::nullopt;
}

std::optional<Num> arith(PrimOp op, Num a, Num b) {
  if (a.is_double || b.is_double) {
    double x = a.as_d(), y = b.as_d();
    switch (op) {
      case PrimOp::Add: return Num{true, 0, x + y};
      case PrimOp::Sub: return Num{true, 0, x - y};
      case PrimOp::Mul: return Num{true, 0, x * y};
      case PrimOp::Div:
        if (y == 0) return std::nullopt;
        return Num{true, 0, x / y};
      default: return std::nullopt;
    }
  }
  int64_t r;
  switch (op) {
    case PrimOp::Add: if (__builtin_add_overflow(a.l, b.l, &r)) return std::nullopt; break;
    case PrimOp::Sub: if (__builtin_sub_overflow(a.l, b.l, &r)) return std::nullopt; break;
    case PrimOp::Mul: if (__builtin_mul_overflow(a.l, b.l, &r)) return std::nullopt; break;
    case PrimOp::Div:
      if (b.l == 0 || (a.l == INT64_MIN && b.l == -1) || a.l % b.l != 0) return std::nullopt;
      r = a.l / b.l;
      break;
    default: return std::nullopt;
  }
  return Num{false, r, 0};
}

Value to_value(Heap& h, Num n) { return n.is_double ? Value::from_double(n.d) : make_long(h, n.l); }

bool compare(PrimOp op, Num a, Num b) {
  if (!a.is_double && !b.is_double) {
    switch (op) {
      case PrimOp::Lt: return a.l < b.l;
      case PrimOp::Le: return a.l <= b.l;
      case PrimOp::Gt: return a.l > b.l;
      case PrimOp::Ge: return a.l >= b.l;
      default: return a.l == b.l;
    }
  }
  double x = a.as_d(), y = b.as_d();
  switch (op) {
    case PrimOp::Lt: return x < y;
    case PrimOp::Le: return x <= y;
    case PrimOp::Gt: return x > y;
    case PrimOp::Ge: return x >= y;
    default: return x == y;
  }
}

}  // namespace

std::optional<Value> fold_prim(Heap& h, PrimOp op, const std::vector<Value>& args) {
  if (op == PrimOp::Not) return Value::boolean(!args[0].truthy());
  if (op == PrimOp::IsNil) return Value::boolean(args[0].is_nil());
  if (op == PrimOp::IsSome) return Value::boolean(!args[0].is_nil());
  if (op >= PrimOp::First) return std::nullopt;  // collection intrinsics and division run at run time
  std::vector<Num> ns;
  for (Value v : args) {
    auto n = num(v);
    if (!n) return std::nullopt;
    ns.push_back(*n);
  }
  switch (op) {
    case PrimOp::Add:
    case PrimOp::Sub:
    case PrimOp::Mul:
    case PrimOp::Div: {
      Num acc = ns[0];
      for (size_t i = 1; i < ns.size(); ++i) {
        auto r = arith(op, acc, ns[i]);
        if (!r) return std::nullopt;
        acc = *r;
      }
      return to_value(h, acc);
    }
    case PrimOp::Inc:
    case PrimOp::Dec: {
      auto r = arith(op == PrimOp::Inc ? PrimOp::Add : PrimOp::Sub, ns[0], Num{false, 1, 0});
      if (!r) return std::nullopt;
      return to_value(h, *r);
    }
    case PrimOp::Zero:
      return Value::boolean(ns[0].as_d() == 0);
    case PrimOp::Lt:
    case PrimOp::Le:
    case PrimOp::Gt:
    case PrimOp::Ge:
    case PrimOp::NumEq:
      return Value::boolean(compare(op, ns[0], ns[1]));
    case PrimOp::Eq:
      // `=` on numbers distinguishes categories: 1 and 1.0 are not equal.
      if (ns[0].is_double != ns[1].is_double) return Value::f();
      return Value::boolean(compare(PrimOp::NumEq, ns[0], ns[1]));
    default:
      return std::nullopt;
  }
}

}  // namespace clove
