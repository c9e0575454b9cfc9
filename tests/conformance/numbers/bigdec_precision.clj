;; with-precision binds *math-context*: results round to that many significant digits
;; with the rounding mode (HALF_UP unless :rounding says otherwise).
(defmacro show [& forms]
  `(do ~@(map (fn [f] `(println (pr-str '~f) "=>" (try (pr-str ~f) (catch ArithmeticException e# (str "ArithmeticException: " (ex-message e#)))))) forms)))

(println *math-context*)
(show (with-precision 10 (/ 1M 3)) (with-precision 3 (/ 2M 3)) (with-precision 50 (/ 1M 7))
      (with-precision 3 :rounding FLOOR (/ 2M 3)) (with-precision 3 :rounding CEILING (/ -2M 3))
      (with-precision 3 :rounding HALF_EVEN (+ 1.225M 0M)) (with-precision 3 :rounding HALF_EVEN (+ 1.235M 0M))
      (with-precision 3 :rounding HALF_DOWN (* 1.225M 1)) (with-precision 3 :rounding UP (* 1.221M 1)) (with-precision 3 :rounding DOWN (* -1.229M 1))
      (with-precision 3 :rounding UNNECESSARY (/ 1M 4)) (with-precision 3 :rounding UNNECESSARY (/ 1M 3))
      (with-precision 2 (- 1M 1.55M)) (with-precision 2 (+ 1M 1.55M)) (with-precision 2 (* 1.55M 1)) (with-precision 2 (/ 1.000M 1M))
      (with-precision 2 (inc 99M)) (with-precision 1 (+ 0M 123M)) (with-precision 5 (+ 0.00M 12M)) (with-precision 4 (- 12.34567M))
      (with-precision 5 (+ 1.5M 1/3)) (with-precision 3 (bigdec 2/3)) (with-precision 3 (/ 1 3M)) (with-precision 0 (/ 1M 4))
      (with-precision 2 (quot 12345M 7)) (with-precision 2 (quot 12000M 1)) (with-precision 4 (mod -10M 3)) (with-precision 3 (abs -1.2345M))
      (with-precision 3 (* 1.5M 1.5)) (with-precision 3 (+ 1 2)) (with-precision 2 (+ 1/3 1/3)) (with-precision 3 (- 10))
      (with-precision 10 (+ 1E+999999999M 1M)) (with-precision 10 (+ 1M 1E-999999999M)))
(println (with-precision 3 (str (/ 1M 3) " " (/ 2M 3))))
(println (with-precision 2 (with-precision 4 (/ 1M 3)) ) (with-precision 2 [(/ 1M 3) (with-precision 4 (/ 1M 3))]))
(println (try (with-precision 3 (/ 1M 3) (throw (ex-info "boom" {}))) (catch Exception e (ex-message e))) (try (/ 1M 3) (catch ArithmeticException e :exact-again)))
(doseq [[mode v] [[:UP (with-precision 1 :rounding UP [(* 5.5M 1) (* 2.5M 1) (* 1.6M 1) (* 1.1M 1) (* -1.1M 1) (* -2.5M 1)])]
                  [:DOWN (with-precision 1 :rounding DOWN [(* 5.5M 1) (* 2.5M 1) (* 1.6M 1) (* 1.1M 1) (* -1.1M 1) (* -2.5M 1)])]
                  [:CEILING (with-precision 1 :rounding CEILING [(* 5.5M 1) (* 2.5M 1) (* 1.6M 1) (* 1.1M 1) (* -1.1M 1) (* -2.5M 1)])]
                  [:FLOOR (with-precision 1 :rounding FLOOR [(* 5.5M 1) (* 2.5M 1) (* 1.6M 1) (* 1.1M 1) (* -1.1M 1) (* -2.5M 1)])]
                  [:HALF_UP (with-precision 1 :rounding HALF_UP [(* 5.5M 1) (* 2.5M 1) (* 1.6M 1) (* 1.1M 1) (* -1.1M 1) (* -2.5M 1)])]
                  [:HALF_DOWN (with-precision 1 :rounding HALF_DOWN [(* 5.5M 1) (* 2.5M 1) (* 1.6M 1) (* 1.1M 1) (* -1.1M 1) (* -2.5M 1)])]
                  [:HALF_EVEN (with-precision 1 :rounding HALF_EVEN [(* 5.5M 1) (* 2.5M 1) (* 1.6M 1) (* 1.1M 1) (* -1.1M 1) (* -2.5M 1)])]]]
  (println mode v))
