;; BigDecimal / quot rem mod: exact quotients with Java's preferred scale
;; (dividend.scale - divisor.scale, raised as far as the exact result needs), the
;; non-terminating ArithmeticException, and divide by zero.
(defmacro show [& forms]
  `(do ~@(map (fn [f] `(println (pr-str '~f) "=>" (try (pr-str ~f) (catch ArithmeticException e# (str "ArithmeticException: " (ex-message e#)))))) forms)))

(show (/ 1M 8) (/ 10M 4) (/ 100M 10) (/ 6.0M 2.00M) (/ 1E+3M 1) (/ 1M 1E+10M) (/ 12345678901234567890M 5M) (/ 1M 1024)
      (/ 3 1.5M) (/ 1.5M 3) (/ 1/2 0.25M) (/ 0M 5.00M) (/ 0.000M 5M) (/ 5E+3M 2E-3M) (/ 1E+3M 10) (/ 2M) (/ 1M 2 4) (/ 1.5M 0.5)
      (/ 1M 3) (/ 1.00M 3M) (/ 1N 3M) (/ 1E-10M 3E-3M) (/ 2M 7)
      (/ 1M 0) (/ 0M 0) (/ 1.5M 0M) (/ 1M 0N) (/ 1.5M 0.0)
      (quot 7.5M 2) (rem 7.5M 2) (mod -7.5M 2) (mod 7.5M -2) (mod 7.5M 2) (mod -7.5M -2)
      (quot 1E+3M 3) (quot 100M 0.3M) (rem 100M 0.3M) (quot -7.5M 2) (rem -7.5M 2) (quot 1.5M 1/2) (mod 1.5M 0.25M) (rem 12000M 7)
      (quot 7M 0M) (rem 7M 0) (mod 7.5M 0M) (quot 1.5M 0.5))
