;; fib: naive doubly recursive Fibonacci; calls, returns and small-integer arithmetic.
;; Usage: clove run fib.clj [N]   (default 35); prints (fib N).
(defn fib [n]
  (if (< n 2)
    n
    (+ (fib (- n 1)) (fib (- n 2)))))

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 35)]
  (println (fib n)))
