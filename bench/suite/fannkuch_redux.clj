;; fannkuch_redux: the Benchmarks Game pancake-flipping benchmark. For every
;; permutation of 1..N (in the standard order of rotations), count the prefix reversals
;; until the first element is 1; sum them with alternating signs (the checksum) and
;; keep the maximum. Permutations and counters are persistent vectors.
;; Usage: clove run fannkuch_redux.clj [N]   (default 9); prints "CHECKSUM MAXFLIPS".
(defn flip [perm k]  ; reverse the first k+1 elements
  (into (vec (rseq (subvec perm 0 (inc k)))) (subvec perm (inc k))))

(defn count-flips [perm]
  (loop [perm perm flips 0]
    (let [k (perm 0)]
      (if (zero? k) flips (recur (flip perm k) (inc flips))))))

(defn rotate [perm r]  ; move element 0 to position r
  (-> (subvec perm 1 (inc r)) (conj (perm 0)) (into (subvec perm (inc r)))))

(defn reset-counts [count r]  ; count[i-1] = i for i = r down to 2
  (reduce (fn [c i] (assoc c (dec i) i)) count (range r 1 -1)))

(defn next-perm
  "The permutation after perm and its counters and r, or nil after the last."
  [n perm count r]
  (loop [perm perm count count r r]
    (when (< r n)
      (let [perm (rotate perm r)
            c (dec (count r))
            count (assoc count r c)]
        (if (pos? c) [perm count r] (recur perm count (inc r)))))))

(defn fannkuch [n]
  (loop [perm (vec (range n)) count (vec (repeat n 0)) r n
         perm-count 0 checksum 0 max-flips 0]
    (let [count (reset-counts count r)
          flips (count-flips perm)
          checksum (if (even? perm-count) (+ checksum flips) (- checksum flips))
          max-flips (max max-flips flips)]
      (if-let [[perm count r] (next-perm n perm count 1)]
        (recur perm count r (inc perm-count) checksum max-flips)
        [checksum max-flips]))))

(let [n (if-let [a (first *command-line-args*)] (parse-long a) 9)
      [checksum max-flips] (fannkuch n)]
  (println checksum max-flips))
