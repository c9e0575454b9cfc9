;; BigDecimal + - * inc dec (and the primed and unchecked variants): Java's exact
;; rules (a sum has the larger scale, a product the sum of the scales), contagion with
;; longs, BigInts, ratios and doubles, and how computed results print.
(defmacro show [& forms]
  `(do ~@(map (fn [f] `(println (pr-str '~f) "=>" (try (pr-str ~f) (catch ArithmeticException e# (str "ArithmeticException: " (ex-message e#)))))) forms)))

(show (+ 1.5M 2) (* 1.5M 2) (+ 0.1M 0.2M) (* 0.1M 0.1M) (- 1.50M 0.5M) (- 1.5M 1.5M) (* 0M 1.50M) (* -1M 0M)
      (+ 1E+3M 1) (* 1E+3M 1) (* 1E+3M 1.0M) (+ 1E+3M 1E+2M) (* 1E-5M 1E-5M) (+ 1.5M 1N) (* 1.5M 100000000000000000000N)
      (- 1 1.5M) (+ 10000000000000000000M 9223372036854775807) (* -9223372036854775808 1.5M)
      (inc 1.5M) (dec 0.5M) (inc 9.99M) (dec 1E+3M) (- 1.5M) (- 0M) (- 0.00M) (- 1E+3M) (+ 1.5M) (*) (+ 1.5M 2.25M 3) (* 1.1M 1.1M 1.1M)
      (+' 1.5M 1) (*' 2.5M 2) (inc' 1.5M) (dec' 1.5M) (-' 1.5M 1) (-' 1E+3M)
      (unchecked-add 1.5M 1) (unchecked-subtract 1.5M 3) (unchecked-multiply 1.5M 2) (unchecked-inc 1.5M) (unchecked-dec 1.5M) (unchecked-negate 1E+3M)
      (+ 1.5M 1/4) (* 1.5M 1/8) (- 2.5M 1/2) (+ 1.5M 1/3) (- 1.5M 2/3)
      (+ 1.5M 1.0) (* 1.5M 1.5) (- 1.5M 0.25) (float? (+ 1.5M 1.5)) (+ 1.5M ##Inf) (- ##NaN 1.5M)
      (abs -1.5M) (abs -1E+3M) (abs 0E+3M) (abs 2.50M)
      (let [f (fn [x] (* x 2))] (f 1.25M)) (reduce + [1.5M 2 1/2]) (reduce * (repeat 20 1.1M)) (apply - [10M 1.5M 0.25M]) (map inc [1.5M 2.50M]))

(println (str (* 1.5M 2)) (str (+ 1E+3M 0)) (str 0.0000001M) (str -0.000001M) (str 123E-10M))
(prn [(* 1.5M 2) (/ 1M 8)] {:a (+ 0.5M 0.25M)} #{(* 2M 2)})
