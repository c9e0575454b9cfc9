;; The JVM variant of reduce_range_extremes.clj: the same ranges walked as seqs.
(defn walk [r] (loop [s (seq r) acc []] (if s (recur (next s) (conj acc (first s))) acc)))
(println (walk (range (- Long/MAX_VALUE 5) Long/MAX_VALUE 4)))
(println (walk (range Long/MIN_VALUE Long/MAX_VALUE Long/MAX_VALUE)))
(println (walk (range (- Long/MAX_VALUE 2) Long/MAX_VALUE)))
(println (walk (range Long/MAX_VALUE (- Long/MAX_VALUE 3) -1)))
