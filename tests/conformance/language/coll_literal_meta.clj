;; Metadata on a collection literal is evaluated and kept, whatever its elements.
(def f inc)
(let [r 2]
  (prn (meta ^{:a 1} [r nil]) (meta ^{:a 1} [1 nil]) (meta ^{:a 1} {:x r}) (meta ^{:a 1} #{r}))
  (prn (= inc (:a (meta ^{:a f} [r]))) (= inc (:a (meta ^{:a f} [1]))) (meta ^:k [r]))
  (prn (meta ^{:n (+ 1 2)} {:x 1}) (meta ^{:n r} #{1 2}))
  (prn (meta (first [^{:z r} [r]])) ^{:a r} [r] (vector? ^{:a r} [r])))
(defn g [x] ^{:from x} [x x])
(prn (g 5) (meta (g 5)) (meta (g 6)))
