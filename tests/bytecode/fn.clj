; Closures, multi-arity, variadic, self tail calls and calls in tail position.
(def adder (fn* [a] (fn* [b] (+ a b))))
(def count-down (fn* count-down [n] (if (zero? n) :done (count-down (dec n)))))
(def arities (fn* ([] 0) ([a] a) ([a & more] more)))
(def nested (fn* [f x] (f (f x) (f x x))))
