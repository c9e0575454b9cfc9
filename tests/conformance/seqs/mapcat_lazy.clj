;; mapcat is lazy over its input too: an infinite input gives an infinite result, and
;; only what is taken is computed.
(println (take 5 (mapcat #(repeat 2 %) (range))))
(println (take 7 (mapcat (fn [x] (range x)) (iterate inc 1))))
(def calls (atom 0))
(def s (mapcat (fn [x] (swap! calls inc) [x (- x)]) (range 1000)))
(println (take 3 s) (<= @calls 40))
(println (mapcat list [1 2 3] [:a :b :c]) (mapcat identity []) (mapcat identity [[] [1] [] [2 3]]))
(println (into [] (mapcat reverse) [[1 2] [3]]) (count (mapcat #(repeat % %) (range 100))))
