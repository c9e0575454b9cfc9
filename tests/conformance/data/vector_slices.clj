;; subvec, rseq and vec on both sides of 32 elements (a vector's tail and leaf size;
;; the natives collect up to 32 values without allocating, more in a growable buffer).
(doseq [n [0 1 31 32 33 64 100]]
  (let [v (vec (range n))]
    (println n
             (count (subvec v 0 n))
             (= (subvec v 0 n) v)
             (vec (take 3 (rseq (if (pos? n) v [0]))))
             (= (vec (rseq (if (pos? n) v [0]))) (reverse (if (pos? n) v [0])))
             (reduce + (subvec v (quot n 3) n))
             (count (vec (map inc v)))
             (= (vec (list* (range n))) v))))
(println (subvec (vec (range 40)) 5 38))
(println (rseq (vec (range 35))))
(println (vec (seq (vec (range 33)))))
(println (nil? (rseq [])))
(println (into (vec (rseq (subvec (vec (range 50)) 0 40))) (subvec (vec (range 50)) 40)))
