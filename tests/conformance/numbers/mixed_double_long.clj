;; Arithmetic on a double and a long, in both orders and through every operator (the
;; interpreter's fast paths leave these mixes to arith(), whose first test takes them).
;; A zero divisor only as literals: the JVM throws for boxed arguments and returns
;; ##Inf for primitive ones, and Clove always does the latter (docs/differences.md).
(doseq [[x y] [[1.0 3] [3 1.0] [-7.5 2] [7 -2.5] [0.0 5] [-0.0 3] [1e300 2]
               [##Inf 2] [2 ##-Inf] [##NaN 1] [140737488355327 0.5]]]
  (prn [x y] (+ x y) (- x y) (* x y) (/ x y)))
(doseq [[x y] [[7.5 2] [-7.5 2] [7 2.5] [-7 2.5] [7.5 -2] [9 3.0]]]
  (prn [x y] (quot x y) (rem x y) (mod x y)))
(doseq [f [quot rem mod]]
  (prn (try (f 7.5 0) (catch ArithmeticException e (.getMessage e))))
  (prn (try (f 7 0.0) (catch ArithmeticException e (.getMessage e)))))
(prn (/ 7.5 0) (/ -1 0.0) (/ 0 0.0))
(let [xs (map double (range 5))]
  (prn (reduce (fn [acc [a b]] (+ acc (/ a (inc b)))) 0 (map vector xs (range 5)))))
