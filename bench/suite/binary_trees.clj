;; binary_trees: allocate and walk perfect binary trees (the Benchmarks Game program):
;; one stretch tree of depth MAX+1, a long-lived tree of depth MAX, and for each depth
;; d = 4, 6, ..., MAX, 2^(MAX-d+4) trees of depth d. Measures allocation and the GC.
;; A node is a vector [left right]; a leaf is nil.
;; Usage: clove run binary_trees.clj [MAX]   (default 15); prints the sum of every check.
(defn make-tree [d]
  (when (pos? d)
    [(make-tree (dec d)) (make-tree (dec d))]))

(defn check-tree [t]
  (if t
    (+ 1 (check-tree (t 0)) (check-tree (t 1)))
    1))

(defn depth-total [maxdepth d]
  (let [iterations (bit-shift-left 1 (+ (- maxdepth d) 4))]
    (reduce + (map (fn [_] (check-tree (make-tree d))) (range iterations)))))

(let [maxdepth (max 6 (if-let [a (first *command-line-args*)] (parse-long a) 15))
      stretch (check-tree (make-tree (inc maxdepth)))
      long-lived (make-tree maxdepth)
      trees (reduce + (map #(depth-total maxdepth %) (range 4 (inc maxdepth) 2)))]
  (println (+ stretch trees (check-tree long-lived))))
