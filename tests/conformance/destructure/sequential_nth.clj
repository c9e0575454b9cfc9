;; Sequential destructuring takes each name with (nth v i nil): the values and errors
;; of Clojure's nth on vectors, lists, lazy and infinite seqs, strings, nil, sets and
;; numbers.
(let [[a b c] [1 2]] (prn a b c))
(let [[a b] (map inc (range 5))] (prn a b))
(let [[a b] nil] (prn a b))
(let [[a b] "xy"] (prn a b))
(let [[a [b c]] [1 (list 2 3)]] (prn a b c))
(prn (nth [1 2] 5 nil) (nth nil 0 nil))
(prn (try (let [[a] #{1}] a) (catch Exception e (.getMessage e))))
(let [[a b :as all] (iterate inc 0)] (prn a b (take 3 all)))
(prn (try (let [[a b] 5] a) (catch Exception e (.getMessage e))))
