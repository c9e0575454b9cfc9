;; (nth coll i not-found), which sequential destructuring compiles to one instruction
;; (NTHD): vectors in and out of range, nil, lists, lazy and chunked seqs, strings,
;; subvecs, map entries, arrays, a default that is itself computed, bad indexes and
;; collections nth does not support.
(defn three [p] (let [[a b c] p] [a b c]))
(println (three [1 2 3]) (three [1]) (three []) (three nil))
(println (three '(4 5 6)) (three (list 7)) (three (map inc (range 3))) (three (range 10 20)))
(println (three "xyz") (three "x") (three (subvec [1 2 3 4 5] 2)) (three (first {:k :v})))
(println (three (int-array [9 8])) (three (lazy-seq (cons 1 (lazy-seq nil)))))
(println (three (iterate inc 0)) (three (seq [1 2 3 4])) (three (rseq [1 2 3])))
(def calls (atom 0))
(defn nf [] (swap! calls inc) :nf)
(println (nth [1 2] 5 (nf)) (nth [1 2] 0 (nf)) @calls)
(println (nth [1 2] -1 :neg) (nth [1 2] 1.5 :x) (nth [1 2] 1.0 :x) (nth nil 3 :nil))
(let [v [10 20 30]] (println (for [i (range -1 5)] (nth v i :out))))
(println (reduce (fn [acc [k v]] (+ acc k v)) 0 {1 2 3 4 5 6}))
(println (map (fn [[x & more :as all]] [x more all]) [[1 2 3] [] nil "ab"]))
(doseq [bad [{:a 1} #{1} 42 :kw]]
  (println (try (nth bad 0 :nf) (catch Exception e (str (type e) " " (.getMessage e))))))
(println (try (nth [1 2] :k :nf) (catch Exception e (str (type e)))))
(println (try (nth [1 2] nil :nf) (catch Exception e (str (type e)))))
(println (try (let [[a] {:a 1}] a) (catch Exception e (.getMessage e))))
