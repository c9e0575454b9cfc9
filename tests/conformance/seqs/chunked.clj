;; Chunked seqs: ranges of longs, vectors and map/filter/keep over them realize
;; 32 elements at a time, as on the JVM.
(defn counting [a] (fn [x] (swap! a inc) x))

(let [a (atom 0)] (first (map (counting a) (range 100))) (println "map over range realized" @a))
(let [a (atom 0)] (first (map (counting a) (vec (range 100)))) (println "map over vector realized" @a))
(let [a (atom 0)] (first (filter (counting a) (range 100))) (println "filter over range realized" @a))
(let [a (atom 0)] (first (keep (counting a) (range 40))) (println "keep over range realized" @a))
(let [a (atom 0)] (first (map (counting a) (range))) (println "map over (range) realized" @a))
(let [a (atom 0)] (first (map (counting a) '(1 2 3 4))) (println "map over a list realized" @a))
(let [a (atom 0)] (nth (map (counting a) (range 100)) 40) (println "nth 40 realized" @a))

(println (chunked-seq? (range 10)) (chunked-seq? (seq [1 2])) (chunked-seq? (seq (map inc (range 3))))
         (chunked-seq? '(1 2)) (chunked-seq? (range)) (chunked-seq? nil))
(println (class (range 10)) (class (seq (map inc (range 3)))) (class (seq [1 2])))

;; The chunk protocol itself.
(let [b (chunk-buffer 4)]
  (chunk-append b :a)
  (chunk-append b :b)
  (let [c (chunk b)
        s (chunk-cons c (list :c :d))]
    (println (count c) (nth c 0) (nth c 1) (nth c 5 :none))
    (println s (count s) (first s) (next s) (rest (rest s)))
    (println (chunk-cons (chunk (chunk-buffer 2)) '(:x)))))
(let [s (seq (vec (range 70)))]
  (println (count (chunk-first s)) (first (chunk-rest s)) (count (chunk-first (chunk-rest s))))
  (println (first (chunk-next (chunk-next s))) (count (chunk-first (chunk-next (chunk-next s)))))
  (println (chunk-next (chunk-next (chunk-next s))) (chunk-rest (chunk-next (chunk-next s)))))
(let [s (seq (map inc (range 40)))]
  (println (count (chunk-first s)) (first (chunk-rest s)) (count (chunk-first (seq (chunk-rest s))))))
(println (count (chunk-first (seq (drop 3 (range 10))))) (nth (chunk-first (seq (drop 3 (range 10)))) 0))

;; Range: counted, indexed, equal to other sequentials, exact at the long limits.
(println (range 10) (range 3 10) (range 10 0 -3) (range 0 10 4) (range 5 5) (range 5 0))
(println (count (range 1000000)) (nth (range 0 100 7) 5) (nth (range 10) 20 :nf) (last (range 100)))
(println (= (range 5) [0 1 2 3 4]) (= (range 5) '(0 1 2 3 4)) (= (hash (range 5)) (hash [0 1 2 3 4])))
(println (take 3 (range 0 10 0)) (range 0 0 0) (range 1 3 1/2) (range 0.5 3) (range -2 2))
(println (range 9223372036854775805 9223372036854775807) (count (range -9223372036854775808 9223372036854775807 4611686018427387904)))
(println (reduce + (range 100)) (reduce + 5 (range 10)) (reduce + (range 0)) (reduce conj [] (range 40 0 -5)))
(println (reduce (fn [a x] (if (> x 40) (reduced a) (+ a x))) 0 (range 100)))
(println (reduce (fn [a x] (if (= x 3) (reduced :stop) x)) (vec (range 100))))
(println (meta (with-meta (range 3) {:a 1})) (with-meta (range 3) {:a 1}) (conj (range 3) :x) (cons :y (range 2)))
(println (seq (range 0)) (empty? (range 0)) (rest (range 1)) (next (range 1)) (rest (range 3)))
(println (into [] (map inc) (range 5)) (vec (filter odd? (range 70))) (count (keep #(when (even? %) %) (range 70))))
(println (sequence (comp (filter even?) (map inc)) (range 10)) (transduce (map inc) + (range 10)))
(println (reduce + (map inc (filter even? (range 1000)))) (apply + (range 100)))
(println (map vector (range 3) (range 10 13)) (mapcat #(range %) (range 4)))
