;; sort with the default comparator on longs only (small and past 48 bits, negative,
;; repeated), beside mixed numbers and a comparator, which take the general path.
(def big (bit-shift-left 1 50))
(println (sort [5 3 9 1 3 -7 0 big (- big) (inc big) Long/MAX_VALUE Long/MIN_VALUE]))
(println (sort (map #(rem (* % 7919) 101) (range 40))))
(println (sort [3 1.5 2 -1/2]))
(println (sort > [5 3 9 1]))
(println (sort []) (sort nil) (sort [42]))
(println (take 5 (sort (range 100000 0 -1))))
(println (sort (list 2 1)) (seq? (sort [2 1])))
