;; (assoc v i x j y ...) on a small vector with every index in range makes one copy;
;; every other case is assoc pair by pair. Results, metadata, repeats, the edges.
(let [v [0 1 2 3 4]]
  (prn (assoc v 0 :a 4 :e) (assoc v 1 :b 1 :bb) (assoc v 4 :x 0 :y 2 :z) v)
  (prn (assoc v 0 :a 5 :f) (assoc v 5 :f 6 :g) (assoc v 2 nil 3 false))
  (prn (try (assoc v 0 :a 7 :h) (catch IndexOutOfBoundsException _ :ioobe))
       (try (assoc v -1 :a 0 :b) (catch IndexOutOfBoundsException _ :ioobe))
       (try (assoc v 0 :a 1) (catch IllegalArgumentException e (ex-message e)))
       (try (assoc v :k 1 0 2) (catch IllegalArgumentException e (ex-message e)))))
(let [v (with-meta (vec (range 32)) {:m 1}) r (assoc v 31 :last 0 :first)]
  (prn (meta r) (first r) (peek r) (count r) (conj r :more) (count (conj r :more)) (nth v 31) (= v (range 32))))
(let [v (vec (range 33))] (prn (assoc v 0 :a 32 :z) (count (assoc v 32 :z 33 :zz))))
(let [v [[1 2] [3 4]] r (assoc v 0 [9] 1 (assoc (v 1) 0 8))] (prn r v (hash r) (= r [[9] [8 4]])))
(prn (assoc [1 2 3] 0 1.5 1 2N 2 1/2) (assoc (subvec [1 2 3 4] 1) 0 :a 1 :b) (assoc [] 0 :a 1 :b))
