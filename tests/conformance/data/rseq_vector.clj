;; rseq of a vector: a counted seq, not a list (clojure.lang.APersistentVector$RSeq), in
;; reverse order, with metadata, equality and hashing of a seq.
(def v (vec (range 40)))
(prn (rseq v) (list? (rseq v)) (seq? (rseq v)) (counted? (rseq v)) (count (rseq v)) (rseq []))
(prn (first (rseq v)) (next (rseq [1])) (rest (rseq [1])) (= (rseq [1 2]) [2 1]) (= (rseq [1 2]) '(2 1)))
(prn (hash (rseq [1 2 3])) (hash '(3 2 1)) (meta (rseq v)) (with-meta (rseq [1 2]) {:a 1}) (meta (with-meta (rseq [1 2]) {:a 1})))
(prn (conj (rseq [1 2]) 0) (into [] (rseq [1 2 3])) (reduce + (rseq v)) (vec (rseq (subvec v 0 5))) (str (rseq [1 2])) (pr-str (rseq [1 2])))
(prn (empty (rseq [1 2])) (sequential? (rseq [1 2])) (reversible? (rseq [1 2])) (instance? clojure.lang.ISeq (rseq [1])))
(prn (vec (rseq [1 2 3])) (vec (rest (rseq [1 2 3]))) ((fn [& r] (vec r)) 1 2 3) (vec (seq "abc")) (meta (vec (with-meta (rseq [1 2]) {:a 1}))))
