;; Data nested 1,000,000 levels deep: =, hash, compare, get-in and use as keys either
;; work or throw a catchable StackOverflowError, never crash; the program goes on
;; afterwards. (Each check prints the same whether the operation worked or overflowed:
;; the JVM, with its large test stack, manages some of them.)
;; labels: slow

(defrecord R [a])
(def n 1000000)
(defn nest [f] (reduce (fn [acc _] (f acc)) nil (range n)))

(defmacro survives
  "expr's value, or `otherwise` when it overflows the stack."
  [expr otherwise]
  `(try ~expr (catch StackOverflowError _# ~otherwise)))

(def shapes
  [["vector" #(vector %)]
   ["map" #(hash-map :a %)]
   ["big map" #(hash-map :a % :b 1 :c 2 :d 3 :e 4 :f 5 :g 6 :h 7 :i 8 :j 9)]
   ["sorted map" #(sorted-map 1 %)]
   ["set" #(hash-set %)]
   ["list" #(list %)]
   ["lazy seq" #(lazy-seq [%])]
   ["record" #(->R %)]
   ["map entry" #(first {% 1})]
   ["queue" #(conj clojure.lang.PersistentQueue/EMPTY %)]])

(doseq [[label f] shapes]
  (let [v (nest f) w (nest f)]
    (println label
             (survives (= v w) true)
             (survives (not= v (f w)) true)
             (survives (= #{v} #{w}) true)
             (survives (= {v 1} {w 1}) true)
             (survives (integer? (hash v)) true)
             (survives (= (hash v) (hash w)) true)
             (survives (integer? (hash [v])) true)
             (survives (= (list v) [w]) true))))

;; compare recurses into vectors (and map entries).
(let [v (nest vector) w (nest vector) u (nest #(vector 1 %))]
  (println "compare" (survives (compare v w) 0) (survives (compare u u) 0)
           (survives (compare (first {v 1}) (first {w 1})) 0)))

;; get-in follows a path as deep as the data.
(let [m (nest #(hash-map :a %)) v (nest vector)]
  (println "get-in" (survives (get-in m (repeat n :a)) nil) (survives (get-in v (repeat n 0)) nil)
           (survives (get-in m (repeat (inc n) :a)) nil)))

;; Deep data as a key of a map or an element of a set.
(let [v (nest vector)]
  (println "keys" (survives (contains? (conj #{} v) (nest vector)) true)
           (survives (= 1 (get {v 1} (nest vector))) true)))

;; Still usable afterwards.
(println (= [[[1]]] [[[1]]]) (hash [1 2]) (compare [1 2] [1 3]))
(println "done")
