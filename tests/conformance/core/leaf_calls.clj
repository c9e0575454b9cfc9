;; One-argument calls of clojure.core's type tests, number tests and map-entry accessors
;; (seq? map? pos? even? key val ...), which compile to a call without a frame: every
;; kind of argument, their errors, map destructuring (which tests seq?), and the var
;; redefined, which the call must honour.
(def things [nil 0 -1 1.5 -0.5 3/4 1N 2M "s" \c :k 'sym [1] '(1) {:a 1} #{1} (first {:a 1})
             (lazy-seq nil) (range 3) (map inc [1]) true false (atom 1) (volatile! 1) (delay 1) #'first])
(defn row [x]
  [(seq? x) (map? x) (vector? x) (string? x) (keyword? x) (symbol? x) (number? x) (integer? x)
   (set? x) (list? x) (char? x) (boolean? x) (true? x) (false? x) (coll? x) (sequential? x)
   (map-entry? x) (var? x) (volatile? x) (delay? x) (int? x) (double? x) (float? x) (ratio? x)
   (decimal? x) (rational? x)])
(doseq [x things] (println (if (or (instance? clojure.lang.IDeref x) (var? x)) (.getSimpleName (class x)) (pr-str x)) (row x)))
(defn sign [x] [(pos? x) (neg? x)])
(println (map sign [0 1 -1 0.5 -0.5 1/2 -1/2 10N -10N 1.5M ##Inf ##-Inf]))
(println (map (fn [x] [(even? x) (odd? x)]) [0 1 -1 2 -3 10N 11N]))
(doseq [[f x] [[pos? nil] [neg? "a"] [even? 1.5] [odd? nil] [even? :k]]]
  (println (try (f x) (catch Exception e (str (.getSimpleName (class e)))))))
(defn pos-direct [x] (pos? x))
(println (try (pos-direct nil) (catch Exception e (str (.getSimpleName (class e))))))
(println (try (pos-direct "a") (catch Exception e (str (.getSimpleName (class e))))))
(defn kv [e] [(key e) (val e)])
(println (map kv {:a 1 "b" nil}) (kv (first (sorted-map 3 4))))
(println (try (kv [1 2]) (catch Exception e (str (.getSimpleName (class e))))))
(println (try (kv nil) (catch Exception e (str (.getSimpleName (class e))))))
(defn opts [{:keys [a b] :or {b :dflt}}] [a b])
(println (opts {:a 1}) (opts nil) (opts (list :a 1 :b 2)) (opts (list {:a 5})) (opts [:a 1]))
(println (try (key nil) (catch Exception e (.getMessage e))) (try (val nil) (catch Exception e (.getMessage e))))
(println (with-redefs [key (constantly :k)] (kv (first {:a 1}))))
