;; interleave takes any number of colls, stops at the shortest, and is lazy; repeat
;; with a double count truncates it to a long.
(println (interleave) (interleave [1 2]) (interleave [1 2] [:a :b]))
(println (interleave [1 2] [3 4] [5 6]))
(println (interleave [1 2] [3 4] [5 6] [7 8 9]))
(println (interleave [1 2 3] [4] [5 6]))
(println (interleave [1] [2] [3] [4] []))
(println (take 9 (interleave (range) (iterate dec -1) (repeat :x))))
(println (class (interleave [1] [2] [3])))
(println (repeat 2.5 :x) (repeat 3.0 :y) (repeat 0.9 :z) (repeat -1.5 :w))
