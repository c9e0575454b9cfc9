; Inlined arithmetic, comparison and constant folding.
(def x 5)
(+ x 1 2)
(+ 1 2 3 x)
(> x (- x 1))
(* 6 7)
(/ 1 2)
(def overflow (fn* [] (inc 9223372036854775807)))
[(zero? x) (not x) (= x 5) (== x 5.0)]
