;; Which of Clojure's and Java's interfaces each built-in collection, seq, function and
;; reference implements, one digit per interface in the order of ifaces (1: instance?).
(def vals* {"list" '(1) "empty-list" '() "vector" [1] "array-map" {:a 1} "hash-map" (hash-map :a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8 :i 9)
            "hash-set" #{1} "sorted-map" (sorted-map 1 2) "sorted-set" (sorted-set 1) "range" (range 3) "long-range" (range 0 10 2) "lazy" (map inc [1])
            "cons" (cons 1 [2]) "vec-seq" (seq [1 2]) "array-seq" (seq (to-array [1 2]))
            "map-entry" (first {:a 1}) "fn" (fn [] 1) "native" + "keyword" :a "symbol" 'a "var" #'inc "atom" (atom 1)
            "string" "s" "queue" clojure.lang.PersistentQueue/EMPTY "transient" (transient []) "chunked" (seq (range 40))})
(def ifaces [clojure.lang.IReduce clojure.lang.IReduceInit clojure.lang.IKVReduce java.util.concurrent.Callable java.lang.Runnable
             clojure.lang.IFn clojure.lang.IPersistentStack clojure.lang.Sequential clojure.lang.Counted clojure.lang.IObj
             java.util.List java.util.Collection java.lang.Iterable java.io.Serializable java.lang.Comparable clojure.lang.IHashEq
             clojure.lang.IChunkedSeq clojure.lang.ISeq clojure.lang.IPending clojure.lang.Indexed clojure.lang.Reversible])
(doseq [[n v] (sort-by key vals*)]
  (println n (apply str (map #(if (instance? % v) "1" "0") ifaces))))
