;; Persistent vector growth and indexed reads.
(defn build [n] (loop [i 0 v []] (if (= i n) v (recur (inc i) (conj v i)))))
(defn total [v] (loop [i 0 s 0] (if (= i (count v)) s (recur (inc i) (+ s (nth v i))))))
(println (total (build 1000000)))
