;; Huge BigDecimal exponents: results that Java computes fast come back at once; scales
;; outside the int32 range throw ArithmeticException (Overflow/Underflow), as in Java.
(defmacro show [& forms]
  `(do ~@(map (fn [f] `(println (pr-str '~f) "=>" (try (pr-str ~f) (catch Exception e# (str "Exception: " (ex-message e#)))))) forms)))

(show 1E999999999M 1E-999999999M (* 1E+1000000M 1E+1000000M) (* 1E-2000000000M 1E-2000000000M) (* 1E+2000000000M 1E+2000000000M)
      (* 0E-2000000000M 0E-2000000000M) (+ 1E999999999M 1E999999999M) (< 1E999999999M 1M) (= 1E999999999M 1E+999999999M)
      (== 1E999999999M 1.0E999999999M) (compare 1E-999999999M 0) (zero? 1E-999999999M) (pos? -1E999999999M)
      (double 1E999999999M) (double 1E-999999999M) (/ 1E999999999M 1E-999999999M) (/ 1E-999999999M 1E999999999M)
      (with-precision 10 (+ 1E999999999M 1M)) (with-precision 5 (* 3E999999999M 7E999999999M))
      (bigdec "1e2147483648") (bigdec "1e-2147483647"))
