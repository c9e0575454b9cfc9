;; Persistent hash map inserts and lookups.
(defn fill [n] (loop [i 0 m {}] (if (= i n) m (recur (inc i) (assoc m i (* 2 i))))))
(defn total [m n] (loop [i 0 s 0] (if (= i n) s (recur (inc i) (+ s (get m i))))))
(println (total (fill 200000) 200000))
