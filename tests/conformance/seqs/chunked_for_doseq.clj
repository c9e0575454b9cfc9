;; for and doseq walk chunked seqs a chunk at a time, as Clojure's do: the number of
;; elements realized by a side-effecting source matches the JVM.
(defn counting [a coll] (map (fn [x] (swap! a inc) x) coll))

(let [a (atom 0)]
  (println (first (for [x (counting a (range 100))] (* x x))) @a))
(let [a (atom 0)]
  (println (first (for [x (counting a (vec (range 100))) :when (odd? x)] x)) @a))
(let [a (atom 0)]
  (println (take 3 (for [x (counting a (range 100)) :while (< x 40)] x)) @a))
(let [a (atom 0)]
  (println (first (for [x (counting a (list 1 2 3 4))] x)) @a))
(let [a (atom 0)]
  (println (first (for [x (range 3) y (counting a (range 50))] [x y])) @a))
(let [a (atom 0)]
  (println (first (for [x (range 3) y (counting a (range 50)) :let [z (+ x y)] :when (> z 40)] z)) @a))
(println (for [x (range 40) :while (< x 35) :when (zero? (mod x 5))] x))
(println (for [[k v] (sorted-map :a 1 :b 2) i (range v)] [k i]))
(println (count (for [x (range 1000) y (range 3)] [x y])) (last (for [x (range 1000)] x)))
(println (for [x [] y (range 3)] [x y]) (for [x (range 3) y []] [x y]))

;; doseq over chunked and unchunked seqs, with modifiers, nested, destructuring.
(doseq [x (range 70) :when (zero? (mod x 10)) :let [y (* x 2)] :while (< x 50)] (print y ""))
(println)
(doseq [[a b] (partition 2 (range 8)) c (vec (range 2))] (print [a b c] ""))
(println)
(doseq [x (list 1 2 3) y (range 2) :when (odd? x)] (print (+ x y) ""))
(println)
(let [a (atom 0) n (atom 0)]
  (doseq [x (counting a (range 100)) :while (< x 5)] (swap! n inc))
  (println @n @a))
(let [out (atom [])]
  (doseq [x (map inc (range 40))] (swap! out conj x))
  (println (count @out) (reduce + @out)))
(println (doseq [x (range 3)] x))
(let [s (atom 0)] (doseq [x (range 100000)] (swap! s + x)) (println @s))
