;; sum_loop: a loop/recur summing i*i mod 1000000007 for i below N; past i = 11863284
;; the product i*i no longer fits in 47 bits (Clove's NaN-boxed small integers).
;; Usage: clove run sum_loop.clj [N]   (default 40000000); prints the sum.
(defn sum-squares [n]
  (loop [i 0 s 0]
    (if (< i n)
      (recur (inc i) (rem (+ s (* i i)) 1000000007))
      s)))

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 40000000)]
  (println (sum-squares n)))
