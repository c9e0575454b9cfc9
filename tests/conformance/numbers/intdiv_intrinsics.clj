;; quot, rem and mod compile to single instructions; they must agree with the
;; functions (called through apply/map, not inlined) on every kind of number and on
;; bad input.
(defmacro caught [form]
  `(try (pr-str ~form)
        (catch ArithmeticException e# (str "ArithmeticException: " (ex-message e#)))
        (catch ClassCastException e# "ClassCastException")
        (catch NullPointerException e# "NullPointerException")))

(def pairs [[7 2] [-7 2] [7 -2] [-7 -2] [0 3] [6 3] [-6 3] [1 1] [140737488355327 -1]
            [-140737488355328 -1] [9223372036854775807 2] [-9223372036854775808 -1]
            [7.5 2] [-7.5 2] [7 2.5] [-7.5 -2] [7/2 2] [-7/2 2] [22 7/3]
            [100000000000000000000 7] [-100000000000000000000 7] [7 100000000000000000000] [7N 2]])
(doseq [[a b] pairs]
  (println a b (caught (quot a b)) (caught (rem a b)) (caught (mod a b))
           (= [(quot a b) (rem a b) (mod a b)] (map #(apply % [a b]) [quot rem mod]))))
(doseq [[a b] [[1 0] [0 0] [-5 0] [1.5 0] [1 0.0] [1/2 0] [1N 0] ["a" 1] [1 "b"] [nil 2] [2 nil] [:k 1]]]
  (println (pr-str a) (pr-str b) (caught (quot a b)) (caught (rem a b)) (caught (mod a b))))
(let [quot (fn [a b] [:local a b]) rem -]
  (println (quot 7 2) (rem 7 2) (mod 7 2)))
(println (loop [i 0 s 0] (if (< i 100000) (recur (inc i) (+ s (rem i 7) (quot i 1000) (mod (- i) 13))) s)))
;; doubles: x - trunc(x/y)*y, as clojure.lang.Numbers (not C's fmod)
(println (rem 1.5 0.4) (mod 1.5 0.4) (quot 1.5 0.4) (rem -1.5 0.4) (mod -1.5 0.4) (mod 1.5 -0.4)
         (rem 1e300 3.0) (quot 1e300 7.0) (mod -0.5 0.3) (rem 5.0 ##Inf) (mod 0.0 -2.0))
(println (try (quot ##NaN 1) (catch NumberFormatException e (ex-message e)))
         (try (rem ##Inf 2) (catch NumberFormatException e (ex-message e))))
