;; Small clojure.core functions: type predicates, hashing helpers, array-map,
;; Java-width casts, metadata/volatile helpers and seq helpers.
(defmacro caught [form]
  `(try (pr-str ~form)
        (catch IllegalArgumentException e# (str "IAE: " (ex-message e#)))
        (catch ClassCastException e# "ClassCastException")))

(def samples [nil 1 1.5 "s" \c :k :a/k 's 'a/s [1] '(1) {:a 1} #{1} (sorted-map 1 2)
              (sorted-set 3) (range 3) (lazy-seq nil) (map inc [1]) (first {:a 1})])
(doseq [x samples]
  (println (pr-str x) (any? x) (associative? x) (reversible? x) (indexed? x) (seqable? x)
           (ident? x) (simple-ident? x) (qualified-ident? x) (simple-symbol? x)
           (qualified-symbol? x) (simple-keyword? x) (qualified-keyword? x)))
(println (map special-symbol? '[if def fn* fn let let* recur quote var new . & foo]))
(println (map NaN? [##NaN 1 1.5 ##Inf]) (map infinite? [##Inf ##-Inf 1 ##NaN 1e308]) (caught (NaN? "x")))

;; hashing helpers agree with hash
(println (= (hash [1 2 3]) (hash-ordered-coll [1 2 3]) (hash-ordered-coll '(1 2 3)))
         (= (hash #{1 2 3}) (hash-unordered-coll [3 2 1]))
         (hash-ordered-coll []) (hash-unordered-coll []) (hash-ordered-coll [1 "a" :b])
         (mix-collection-hash 12345 3) (mix-collection-hash -1 0)
         (= (mix-collection-hash (reduce + (map hash [1 2])) 2) (hash #{1 2})))

;; array-map keeps insertion order at any size, and repeated keys as assoc would
(println (array-map) (array-map :b 1 :a 2) (array-map :a 1 :b 2 :a 3))
(let [m (apply array-map (interleave (range 20 0 -1) (range 20)))]
  (println m (count m) (map? m) (get m 5) (keys (dissoc m 20))))
(println (caught (array-map :a)) (caught (hash-map :a 1 :b)))

;; Java-width casts
(println (map byte [0 127 -128 1.9 -1.9]) (caught (byte 128)) (caught (byte -129)) (caught (byte 200.5)))
(println (map short [32767 -32768 7]) (caught (short 32768)))
(println (float 1) (float 1.5) (caught (float ##Inf)) (float 0) (caught (float 1e300)) (caught (float -1e39)))
(println (unchecked-int 4294967297) (unchecked-int 2147483648) (unchecked-int -1) (unchecked-int 3.9)
         (unchecked-short 65535) (unchecked-short 32768) (unchecked-byte 255) (unchecked-byte 128)
         (unchecked-byte 127) (unchecked-char 97) (unchecked-char 65601) (unchecked-long 2.9)
         (unchecked-double 3) (unchecked-float 2))
(println (unchecked-add-int 2147483647 1) (unchecked-subtract-int -2147483648 1)
         (unchecked-multiply-int 65536 65536) (unchecked-negate-int -2147483648)
         (unchecked-inc-int 2147483647) (unchecked-dec-int -2147483648)
         (unchecked-divide-int 7 -2) (unchecked-remainder-int -7 2))

;; metadata and volatiles
(let [v (vary-meta [1 2] assoc :tag :x)
      w (vary-meta v update :n (fnil inc 0))]
  (println v (meta v) (meta w) (meta (vary-meta 'sym assoc :a 1))))
(let [vol (volatile! 1)]
  (println (vswap! vol inc) (vswap! vol + 10 100) @vol))

;; seq helpers
(println (bounded-count 5 (range)) (bounded-count 5 [1 2 3 4 5 6 7]) (bounded-count 10 '(1 2))
         (bounded-count 0 (map inc (range))))
(println (sort (comparator >) [3 1 2]) ((comparator <) 1 2) ((comparator <) 2 1) ((comparator <) 1 1))
(println (replicate 3 :x) (random-sample 0 (range 10)) (random-sample 1 (range 5))
         (into [] (random-sample 1) [1 2]))
(println (vec (iteration (fn [k] (when (< k 5) {:v (* k k) :next (inc k)})) :initk 0 :vf :v :kf :next))
         (seq (iteration (fn [_] nil)))
         (into [] (iteration (fn [k] [k (inc k)]) :initk 0 :somef (fn [[k _]] (< k 3)) :vf first :kf second)))
(println (map :tag (xml-seq {:tag :a :content [{:tag :b :content ["x"]} {:tag :c}]})))
(defn ^{:test (fn [] (assert true))} tested [] 1)
(println (test #'tested) (test #'println))
(prn (unchecked-int 1e20) (unchecked-int -1e20) (unchecked-long 1e20) (unchecked-long -1e20) (unchecked-long 1e19))
(prn (unchecked-short 1e20) (unchecked-byte 1e20) (unchecked-short 70000.5) (unchecked-byte 300.7) (unchecked-char 65.5))
(prn (unchecked-int 3.5e9) (unchecked-int ##Inf) (unchecked-long ##-Inf) (unchecked-int 1e20M) (unchecked-int 10000000000000000000000N))
