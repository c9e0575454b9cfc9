;; 09_decimal.clj: BigDecimal precision control (*math-context*, with-precision).
;; The arithmetic itself is native (runtime/bigdecimal.cpp); it reads *math-context*.

(def ^{:dynamic true
       :doc "The math context BigDecimal arithmetic rounds with: nil (exact arithmetic)
  or {:precision n :rounding :HALF_UP}, as bound by with-precision."}
  *math-context* nil)

(defmacro with-precision
  "Evaluates exprs with BigDecimal arithmetic rounded to precision significant digits,
  as in (with-precision 10 (/ 1M 3)). An optional :rounding mode may follow the
  precision, as in (with-precision 10 :rounding HALF_DOWN (/ 1M 3)): one of CEILING,
  FLOOR, HALF_UP (the default), HALF_DOWN, HALF_EVEN, UP, DOWN and UNNECESSARY."
  [precision & exprs]
  (let [[body rm] (if (= (first exprs) :rounding)
                    [(next (next exprs)) (second exprs)]
                    [exprs 'HALF_UP])]
    `(binding [*math-context* (-math-context ~precision '~rm)]
       ~@body)))
