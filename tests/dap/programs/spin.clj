(defn spin [n]
  (loop [i 0]
    (if (< i n) (recur (inc i)) i)))

(println "spinning")
(println (spin 100000000000))
