;; into of a vector or subvec onto a vector of at most 32 items in all is built in one
;; step (no transient): every size around 32, metadata, views, and nested vectors.
(doseq [a [0 1 5 16 31 32] b [0 1 2 16 31 32 33]]
  (let [v (vec (range a)) w (vec (range 100 (+ 100 b))) r (into v w)]
    (when-not (and (= r (concat v w)) (= (count r) (+ a b)) (vector? r))
      (prn :wrong a b))))
(prn (into [] []) (into [1] []) (into [] [1]) (class (into [] [])) (class (into [1 2] [3])))
(prn (into [:a :b] (subvec [0 1 2 3 4 5] 2 5)) (into [] (subvec (vec (range 50)) 20 40)))
(prn (into (subvec [9 8 7] 1) [6 5]) (class (into (subvec [9 8 7] 1) [6 5])))
(prn (meta (into ^{:tag :v} [1 2] [3])) (meta (into ^{:tag :v} [] (subvec [1 2 3] 1))) (meta (into [1] ^{:m 1} [2])))
(let [v (into [[1 2] {:a 1}] [#{3} nil "s" 2.5 \c :k 'sym])]
  (prn v (count v) (v 0) (v 8) (peek v) (pop v) (conj v :end) (assoc v 0 :first) (rseq v)))
(let [v (into (vec (range 30)) [30 31])]
  (prn (count v) (conj v 32) (count (conj v 32)) (nth (conj v 32) 32) (= v (range 32)) (hash v) (= (hash v) (hash (vec (range 32))))))
(let [v (into [] (subvec (vec (range 40)) 8 40))] (prn (count v) (first v) (peek v) (conj v :x) (subvec v 30)))
(prn (into (with-meta [1] {:k 1}) (with-meta [2] {:j 2})) (meta (into (with-meta [1] {:k 1}) (with-meta [2] {:j 2}))))
(let [v [1 2 3] r (into v [])] (prn (= v r) (identical? v r)))
(prn (into [nil] [nil]) (into [false] [true]) (into [1] (first {:a 2})) (into (first {:a 2}) [3]))
;; subvec with small-int bounds on vectors and subvecs, and its errors.
(let [v (vec (range 10))]
  (prn (subvec v 0) (subvec v 10) (subvec v 3 3) (subvec v 0 10) (subvec v 4 7) (subvec (subvec v 2 8) 1 4) (subvec (subvec v 2 8) 3)))
(prn (class (subvec [1 2 3] 1 1)) (class (subvec [1 2 3] 0 2)) (meta (subvec (with-meta [1 2 3] {:m 1}) 1)))
(doseq [[s e] [[-1 2] [2 1] [0 11] [11 11] [-1 -1]]]
  (prn s e (try (subvec (vec (range 10)) s e) (catch IndexOutOfBoundsException _ :ioobe))))
(prn (try (subvec (subvec (vec (range 10)) 2 6) 0 5) (catch IndexOutOfBoundsException _ :ioobe))
     (try (subvec (subvec (vec (range 10)) 2 6) 5) (catch IndexOutOfBoundsException _ :ioobe)))
(prn (try (subvec '(1 2 3) 1 2) (catch ClassCastException _ :cce)) (try (subvec nil 0 0) (catch Exception e [(class e) (ex-message e)])))
(prn (subvec (first {:a 1}) 1) (subvec (first {:a 1}) 0 1))
