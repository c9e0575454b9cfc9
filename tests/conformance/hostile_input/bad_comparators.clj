;; Comparators that break the contract (random, counter-based, throwing, answering nil
;; or a string) must leave sorted collections well-formed and never crash sort.
;; Whatever they answer, the result holds only the elements given, each once. (The JVM's
;; PersistentTreeMap may throw NullPointerException where a map replaces a value along a
;; path its comparator no longer agrees with: an error, not a crash, so allowed too.)
;; labels: slow

;; A comparator that answers -1, 0, 1, -1, ... whatever the arguments.
(defn cycling []
  (let [n (atom 0)] (fn [a b] (dec (mod (swap! n inc) 3)))))

(defmacro allowing-npe [expr] `(try ~expr (catch NullPointerException _# true)))

(defn sane-set? [s n]
  (and (<= 1 (count s) n)
       (= (count s) (count (seq s)))
       (every? #(< -1 % n) s)
       (= (count s) (count (distinct (seq s))))))

(defn sane-map? [m n]
  (and (<= 1 (count m) n)
       (= (count m) (count (seq m)))
       (every? (fn [[k v]] (and (< -1 k n) (< -1 v n))) m)))

(println "random set" (allowing-npe (sane-set? (into (sorted-set-by (fn [a b] (dec (rand-int 3)))) (range 10000)) 10000)))
(println "random map" (allowing-npe (sane-map? (into (sorted-map-by (fn [a b] (dec (rand-int 3)))) (map vector (range 10000) (range))) 10000)))
(println "cycling set" (allowing-npe (sane-set? (into (sorted-set-by (cycling)) (range 10000)) 10000)))
(println "cycling map" (allowing-npe (sane-map? (into (sorted-map-by (cycling)) (map vector (range 10000) (range))) 10000)))
(println "random bool set" (allowing-npe (sane-set? (into (sorted-set-by (fn [a b] (zero? (rand-int 2)))) (range 10000)) 10000)))

;; Removing and looking up with such comparators.
(println "cycling conj/disj/lookups/subseq"
         (allowing-npe
          (let [s (reduce (fn [s i] (if (even? i) (conj s (mod i 500)) (disj s (mod i 500))))
                          (sorted-set-by (cycling)) (range 20000))]
            (and (= (count s) (count (seq s)))
                 (every? #(< -1 % 500) s)
                 (every? #(contains? #{true false} (contains? s %)) (range 500))
                 (every? #(< -1 % 500) (subseq s >= 250))))))
(println "random assoc/dissoc"
         (allowing-npe
          (let [m (reduce (fn [m i] (if (zero? (rand-int 3)) (dissoc m (rand-int 300)) (assoc m (rand-int 300) i)))
                          (sorted-map-by (fn [a b] (dec (rand-int 3)))) (range 20000))]
            (= (count m) (count (seq m)) (count (rseq m))))))

;; A comparator that throws, or answers nil or a string: a catchable error, and the
;; collection in hand is unchanged.
(let [s (into (sorted-set) (range 10))
      boom (fn [a b] (if (= a 5) (throw (ex-info "boom" {})) (compare a b)))
      s2 (into (sorted-set-by boom) (range 5))]
  (println (try (conj s2 5) (catch clojure.lang.ExceptionInfo e (ex-message e))))
  (println s2)
  (println (try (into (sorted-set-by (fn [a b] nil)) [1 2]) (catch NullPointerException e :npe)))
  (println (try (into (sorted-map-by (fn [a b] "x")) {1 2 3 4}) (catch ClassCastException e :cce)))
  (println s))

;; sort and sort-by: a permutation of the input, or (on the JVM, whose TimSort may
;; notice) IllegalArgumentException "Comparison method violates its general contract!".
(defn sorted-perm? [f xs]
  (let [r (try (f xs) (catch IllegalArgumentException _ ::violation))]
    (or (= r ::violation) (= (sort r) (sort xs)))))

(def xs (vec (shuffle (range 20000))))
(println "sort random" (sorted-perm? #(sort (fn [a b] (dec (rand-int 3))) %) xs))
(println "sort cycling" (sorted-perm? #(sort (cycling) %) xs))
(println "sort random bool" (sorted-perm? #(sort (fn [a b] (zero? (rand-int 2))) %) xs))
(println "sort-by random" (sorted-perm? #(sort-by - (fn [a b] (dec (rand-int 3))) %) xs))
(println "sort-by cycling" (sorted-perm? #(sort-by str (cycling) %) xs))
;; compare is inconsistent on NaN (NaN is neither less, greater nor equal).
(println "sort NaN" (try (count (sort (shuffle (concat (repeat 100 ##NaN) (range 1000)))))
                         (catch IllegalArgumentException _ 1100)))
(println (try (sort (fn [a b] (throw (ex-info "sort boom" {}))) [3 1 2]) (catch clojure.lang.ExceptionInfo e (ex-message e))))
(println (try (sort (fn [a b] nil) [3 1 2]) (catch NullPointerException e :npe)))
(println (try (sort (fn [a b] "x") [3 1 2]) (catch ClassCastException e :cce)))
;; Consistent comparators still sort, stably, with numbers of any kind as answers.
(println (sort > [3 1 2]) (sort (fn [a b] (- b a)) [3 1 2]) (sort (fn [a b] (* 1.5 (- a b))) [3 1 2]))
(println (sort-by first [[1 :a] [0 :b] [1 :c] [0 :d]]))
(println (sort (fn [a b] 4294967295) [3 1 2]) (sort (fn [a b] -0.5) [3 1 2]) (sort (fn [a b] 1/2) [3 1 2]))
(println "done")
