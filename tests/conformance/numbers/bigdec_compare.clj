;; BigDecimal comparisons, equality, hashing, predicates and coercions.
(defmacro show [& forms]
  `(do ~@(map (fn [f] `(println (pr-str '~f) "=>" (try (pr-str ~f) (catch Exception e# (str "Exception: " (ex-message e#)))))) forms)))

(show (< 1 1.5M 2N) (>= 2M 2 2.0M) (compare 1.5M 2) (compare 2.0M 2) (compare 3M 5/2) (== 1.5M 3/2) (< 1.5M 1/3) (= 1.5M 3/2)
      (= 1.0M 1.00M) (== 1.0M 1.00M) (= 1.5M 1.5) (== 1.5M 1.5) (< 1.1M 1.1) (= 1M 1) (== 1M 1) (= (+ 0.5M 0.5M) 1M)
      (zero? 0.00M) (zero? 0E+5M) (pos? 1E-10M) (neg? -0.5M) (neg? 0.0M) (pos? 0M)
      (max 1.5M 2) (min 1.5M 2 1/2) (max 1M 1.0M) (min 2.0M 2M) (max 1.5M 1.5) (min 1/2 0.5M)
      (sort [3M 1.5M 2 1/2]) (sort [2.0M 1 3/2 1.25M 0.5]) (sort > [1E+3M 999 1000.5M])
      (hash (* 1.5M 2)) (hash 3.0M) (hash (+ 1M 2M)) (hash 3M) (hash 1E+3M) (hash (* 10M 100M)) (hash 0.000M) (hash (- 1.5M 1.5M)) (= (hash 1.0M) (hash 1.00M))
      (set [1.0M 1.00M 1M]) (get {1.5M :a} 1.50M) (contains? #{(* 2M 1.5M)} 3M)
      (decimal? 1.5M) (decimal? (bigdec 1)) (decimal? 1.5) (rational? 1.5M) (number? 1.5M) (integer? 1M) (float? 1M) (ratio? 1.5M)
      (num 1.5M) (double 1.5M) (double 1E+400M) (long 1.5M) (long -1.9M) (long 12345678901234567.89M) (long 1E+30M) (int 2.9M) (int -2.9M)
      (bigint 1E+3M) (bigint 1.99M) (bigint -2.9M) (bigint 1e30)
      (rationalize 1.5M) (rationalize 1E+3M) (rationalize 0.125M) (rationalize 2.0M) (rationalize 0M) (rationalize -0.75M)
      (rationalize 1.5) (rationalize 0.1) (rationalize 1.0) (rationalize 3) (rationalize 1/3) (rationalize 1N)
      (bigdec 3) (bigdec 1/4) (bigdec -3/8) (bigdec 1/3) (bigdec 1.5) (bigdec 1e100) (bigdec 1e-7) (bigdec 1N) (bigdec 1.5M)
      (bigdec 123456789012345678901234567890N) (bigdec "1.5e3") (bigdec "-1.5E-3") (bigdec "+.5") (bigdec "1.") (bigdec "007.50"))
