;; Naive recursive Fibonacci: call overhead and small-integer arithmetic.
(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))
(println (fib 27))
