;; -> ->> as-> some-> some->> cond-> cond->> doto.
(prn (-> 1 inc (* 10) (- 3)) (->> [1 2 3] (map inc) (reduce +)))
(prn (as-> 1 x (+ x 1) (* x 3) [x x]) (as-> 5 x))
(prn (some-> {:a {:b 1}} :a :b inc) (some-> {:a nil} :a :b inc) (some-> nil inc))
(prn (some->> [1 2 3] (map inc) (filter even?) first) (some->> nil (map inc)))
(prn (cond-> 1 true inc false (* 100) true (* 2)) (cond-> 5))
(prn (cond->> [1 2 3] true (map inc) false (map dec) true (reduce +)))
(let [calls (atom [])]
  (prn (cond-> 0 (do (swap! calls conj 1) true) inc (do (swap! calls conj 2) false) inc) @calls))
(prn @(doto (atom 0) (swap! inc) (swap! + 10)))
(let [seen (atom [])] (prn (doto 5 (->> (swap! seen conj)) prn) @seen))
