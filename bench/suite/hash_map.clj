;; hash_map: build a persistent hash map of N integer keys (key i*7, value i) with
;; assoc, then look every key up and also N keys that are absent.
;; Usage: clove run hash_map.clj [N]   (default 1000000); prints "COUNT SUM MISSES".
(let [n (if-let [a (first *command-line-args*)] (parse-long a) 1000000)
      m (reduce (fn [m i] (assoc m (* i 7) i)) {} (range n))
      [sum misses] (reduce (fn [[sum misses] i]
                             [(+ sum (get m (* i 7)))
                              (if (nil? (get m (inc (* i 7)))) (inc misses) misses)])
                           [0 0] (range n))]
  (println (count m) sum misses))
