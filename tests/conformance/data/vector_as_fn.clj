;; A vector called with an index: in range, at both ends, out of range, negative, not a
;; long; and the other vector kinds (map entries, subvecs, vectors of primitives).
(def v (vec (range 100)))
(prn (v 0) (v 31) (v 32) (v 99) ([:a] 0) ((vec "abc") 2))
(prn (reduce + (map v (range 100))))
(doseq [i [100 -1 1000000 140737488355328 -140737488355329]]
  (prn (try (v i) (catch IndexOutOfBoundsException e [:out-of-bounds i]))))
(doseq [i [1.0 nil :k "1"]]
  (prn (try (v i) (catch IllegalArgumentException e (.getMessage e)))))
(prn (try (v) (catch clojure.lang.ArityException e (.getMessage e))))
(prn (try (v 1 2) (catch clojure.lang.ArityException e (.getMessage e))))
(prn ((first {:a 1}) 0) ((first {:a 1}) 1) ((subvec v 10 20) 3) ((vector-of :long 1 2 3) 2))
(prn (try ([] 0) (catch IndexOutOfBoundsException e :empty)))
;; The index is taken as a Java int (its low 32 bits).
(prn (v 4294967301) (v (+ 4294967296 99)) (try (v 4294967296000) (catch IndexOutOfBoundsException e :out)))
