;; Transducer arities at their edges: counts that are zero, negative or fractional,
;; runs and groups cut by a reduced result, halt-when with and without retf, and
;; state that must not leak between inputs (dedupe of nil, the first partition-by run).
(println (into [] (take 2.5) (range 10)) (into [] (partition-by odd?) [1 3 2 4 5]) (transduce (halt-when #{3}) conj [] (range 10)) (into [] (dedupe) [1 1 2 2 1]) (sequence (interpose :x) [1 2 3]) (into [] (comp (take-nth 2) (map-indexed vector) (keep-indexed (fn [i x] (when (odd? i) x)))) (range 10)) (into [] (partition-all 3) (range 8)) (into [] (comp (partition-by odd?) (take 1)) [1 3 2]))
(println (into [] (take 0) [1 2]) (into [] (take -1) [1 2]) (into [] (drop 1.5) [1 2 3 4]) (into [] (drop-while odd?) [1 3 4 5]) (transduce (halt-when #{3} (fn [r x] [r x])) conj [] (range 10)))
(println (sequence (map +) [1 2] [10 20]) (into [] (distinct) [1 2 1 3 2]) (into [] (replace {1 :a}) [1 2 1]) (into [] (comp (partition-all 2) (take 1)) (range 5)) (into [] (comp (dedupe) (take 2)) [nil nil 1 1 2]))
;; into with a transducer onto an editable collection: conj! is the reducing fn, the completion step flushes (partition-all), metadata is kept, reduced stops early.
(println (into [0] (partition-all 2) [1 2 3]) (meta (into (with-meta [] {:m 1}) (map inc) [1])) (into {:a 1} (map (fn [x] [x x])) (range 3)) (into #{} (take 2) (range 10)) (into (list 0) (map inc) [1 2]) (into (sorted-set) (map -) [1 2]))
(println (into [] (comp (map inc) (filter odd?) (take 3)) (range 100)) (meta (into (with-meta {} {:n 2}) (map (fn [x] [x x])) [1])) (class (into (hash-map) (map (juxt identity inc)) (range 20 30))))
;; halt-when's completion returns the halting value as it is, so into must not finish it as its transient.
(println (into [] (halt-when #{3}) [1 2 3 4]) (into #{} (halt-when #{:x} (fn [r x] [:halted x])) [:a :x]) (into [] (comp (map inc) (halt-when odd?)) [1 2]))
