;; reduce over a range of longs steps through the longs (no chunks): the same results,
;; early termination with reduced, negative steps, empty ranges, and ranges that are not
;; all longs (reduce_range_extremes has the ranges at the ends of the long range).
(println (reduce + (range 10)))
(println (reduce + 0 (range 100000)))
(println (reduce + (range 1 2)))
(println (reduce + (range 0)) (reduce + 5 (range 0)) (reduce + 5 (range 3 3)))
(println (reduce conj [] (range 3 -7 -3)))
(println (reduce conj [] (range 40 0 -7)))
(println (reduce (fn [a x] (if (> x 5) (reduced a) (+ a x))) 0 (range 100)))
(println (reduce (fn [a x] (reduced [a x])) :start (range 5 10)))
(println (reduce (fn [a x] (if (= x 33) (reduced x) a)) nil (range 100)))
(println (reduce + 0 (range 0.5 3)))
(println (reduce + 0 (range 0 3 1/2)))
(println (reduce conj [] (rest (range 5))) (reduce conj [] (next (range 40))))
(println (reduce conj [] (drop 35 (range 40))))
(println (reduce max (range 7 -100 -9)))
(println (reduce (fn [a x] (+ a (* x x))) 0 (range 1000)))
(println (reduce str "" (range 3)))
