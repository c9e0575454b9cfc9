;; workloads.clj: idiomatic collection code, timed in-process after a warm-up, so that
;; Clove and JVM Clojure (whose JIT needs the warm-up) are compared on the same work.
;; The same file runs on both: `clove run workloads.clj` and `java -cp ... clojure.main
;; workloads.clj`. For each workload it prints one line: NAME MEDIAN-MS CHECKSUM, the
;; median of 5 timed runs after 2 untimed ones. bench/collections/run.sh compares them.
(require '[clojure.string :as str])

(defn median [xs] (nth (sort xs) (quot (count xs) 2)))

(defn measure [name f]
  (dotimes [_ 2] (f))
  (let [runs (vec (for [_ (range 5)]
                    (let [t0 (System/nanoTime)
                          r (f)]
                      [(/ (- (System/nanoTime) t0) 1e6) r])))
        ms (median (map first runs))]
    (println name (format "%.1f" (double ms)) (second (first runs)))
    (flush)))

(def words (vec (map #(str "w" (mod (* % 7919) 5000)) (range 200000))))
(def text (str/join " " words))
(def nums (vec (map #(mod (* % 7919) 1000003) (range 200000))))

(measure "apply-str-repeat" #(count (apply str (repeat 1000000 "ab"))))
(measure "lazy-map-filter-reduce" #(reduce + (filter odd? (map inc (range 2000000)))))
(measure "str-of-vector" #(count (str (vec (range 200000)))))
(measure "update-in-fnil" #(count (reduce (fn [m i] (update-in m [(mod i 100) :n] (fnil inc 0))) {} (range 200000))))
(measure "group-by" #(count (group-by (fn [x] (mod x 1000)) nums)))
(measure "frequencies" #(count (frequencies words)))
(measure "into-vector" #(count (into [] (map inc) nums)))
(measure "into-map" #(count (into {} (map (fn [x] [x (inc x)])) nums)))
(measure "into-set" #(count (into #{} nums)))
(measure "mapv-filterv" #(count (filterv even? (mapv inc nums))))
(measure "sort" #(first (sort nums)))
(measure "sort-by" #(first (sort-by - nums)))
(measure "assoc-hash-map" #(count (reduce (fn [m x] (assoc m x x)) {} nums)))
(measure "transient-map" #(count (persistent! (reduce (fn [m x] (assoc! m x x)) (transient {}) nums))))
(measure "get-hash-map" (let [m (zipmap nums nums)] #(reduce (fn [s x] (+ s (get m x))) 0 nums)))
(measure "conj-vector" #(count (reduce conj [] nums)))
(measure "nth-vector" #(reduce (fn [s i] (+ s (nth nums i))) 0 (range (count nums))))
(measure "partition-all" #(count (partition-all 7 nums)))
(measure "mapcat-distinct" #(count (distinct (mapcat (fn [x] [x (mod x 100)]) (take 50000 nums)))))
(measure "reduce-kv" (let [m (zipmap nums nums)] #(reduce-kv (fn [s k v] (+ s k v)) 0 m)))
(measure "str-split" #(count (str/split text #" ")))
(measure "str-join" #(count (str/join "," words)))
(measure "str-replace" #(count (str/replace text "w1" "W")))
(measure "str-upper-case" #(count (str/upper-case text)))
(measure "re-seq" #(count (re-seq #"w\d+" text)))
(measure "with-out-str-pr" #(count (with-out-str (pr (vec (take 50000 nums))))))
(measure "keyword-maps" #(reduce (fn [s m] (+ s (:a m) (:b m))) 0 (map (fn [x] {:a x :b (inc x) :c 0}) nums)))
(measure "for-nested" #(count (for [x (range 300) y (range 300) :when (even? (+ x y))] [x y])))
