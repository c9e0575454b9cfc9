;; Non-tail recursion 200,000 calls deep must work (the value stack grows on demand).
;; labels: slow
;; (slow: under CLOVE_GC_STRESS every collection scans the whole deep stack.)
(defn sum-to [n] (if (= n 0) 0 (+ n (sum-to (- n 1)))))
(println (sum-to 200000))
(defn build [n] (if (= n 0) [] (conj (build (- n 1)) n)))
(let [v (build 200000)]
  (println (count v) (nth v 0) (nth v 199999)))
(defn depth [n] (if (= n 0) 0 (inc (depth (dec n)))))
(println (depth 200000))
