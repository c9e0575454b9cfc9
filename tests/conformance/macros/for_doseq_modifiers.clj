;; for and doseq: nested bindings with :let, :when and :while (a :while ends only the
;; loop of the binding it follows), destructuring, chunked input (what for realizes
;; when only the first item is asked for), empty inputs, and body locals named like
;; the macros' own.
(println (for [x (range 5) y (range x) :when (odd? y) :let [z (* x y)] :while (< z 8)] [x y z]))
(println (for [x [1 2 3] :while (< x 3) y [:a :b]] [x y]))
(println (for [[k v] {:a 1 :b 2} :let [w (inc v)]] [k w]))
(println (take 5 (for [x (range) y (range 3) :when (even? (+ x y))] [x y])))
(println (for [x (range 40) :while (< x 35) :when (zero? (mod x 7))] x))
(println (for [x '(1 2 3) y [] ] x) (for [x [] ] x))
(doseq [x (range 5) y (range x) :when (odd? y) :let [z (* x y)] :while (< z 8)] (print [x y z]))
(println)
(doseq [x (range 40) :while (< x 35) :when (zero? (mod x 7))] (print x ""))
(println)
(doseq [[a b] [[1 2] [3 4]] c (list :x :y)] (print a b c ""))
(println (doseq [x [1]] x))
(def seen (atom []))
(println (first (for [x (range 100)] (do (swap! seen conj x) x))) (count @seen))
(let [s 10 walk 3] (println (for [x [1 2]] (+ x s walk)) (doseq [x [1]] (print (+ x s walk)))))
