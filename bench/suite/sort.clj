;; sort: sort N pseudo-random integers from the Park-Miller generator
;; x' = 16807 x mod 2147483647 (seed 42), then fold the sorted sequence into
;; sum((i+1) * v[i]) mod 1000000007.
;; Usage: clove run sort.clj [N]   (default 200000); prints "MIN MAX CHECKSUM".
(defn lcg [x] (rem (* x 16807) 2147483647))

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 200000)
      xs (vec (sort (take n (rest (iterate lcg 42)))))
      checksum (reduce (fn [acc i] (rem (+ acc (* (inc i) (xs i))) 1000000007))
                       0 (range n))]
  (println (first xs) (peek xs) checksum))
