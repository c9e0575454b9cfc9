;; vector_conj: conj N integers onto a persistent vector one at a time, then read them
;; all back with nth.
;; Usage: clove run vector_conj.clj [N]   (default 1000000); prints "COUNT SUM".
(defn build [n]
  (reduce conj [] (range n)))

(defn total [v]
  (loop [i 0 s 0]
    (if (< i (count v))
      (recur (inc i) (+ s (nth v i)))
      s)))

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 1000000)
      v (build n)]
  (println (count v) (total v)))
