;; Which interfaces seqs implement (the per-type table): range is an ISeq; seqs of sorted
;; maps, sets and queues are not Counted, and counting a queue seq walks it (it used to
;; recurse until the process crashed).
(prn (instance? clojure.lang.ISeq (range 3)))
(prn (counted? (seq (sorted-map 1 2 3 4))))
(prn (counted? (seq (conj clojure.lang.PersistentQueue/EMPTY 1 2))))
(prn (count (seq (conj clojure.lang.PersistentQueue/EMPTY 1 2))))
(prn (counted? (seq (sorted-set 1 2))))
(prn (instance? clojure.lang.ISeq (seq (vec (range 40)))))
(prn (counted? (range 3)) (counted? (range 3.0)))
