;; (get m k not-found) and (:k m not-found), one instruction each (GETD): array maps
;; with keys present (nil and false values too) and absent, hash and sorted maps, sets,
;; vectors and strings by index, records, a deftype with its own lookup, transients, nil
;; and things get does not look into; the not-found expression runs every time.
(defrecord Point [x y])
(deftype Lookup [] clojure.lang.ILookup
  (valAt [_ k] (keyword (str "got-" (name k))))
  (valAt [_ k nf] [:nf-arity k nf]))
(def things [{:a 1 :b nil :c false} {} (hash-map :a 1 :z 26) #{:a :b} [10 20 30]
             "abc" (->Point 1 2) (assoc (->Point 1 2) :a :ext) (Lookup.) nil 42 :kw (list :a)])
(defn lookups [m]
  [(get m :a :nf) (:a m :nf) (get m :b :nf) (:b m :nf) (get m :c :nf) (:x m :nf) (get m 1 :nf) (get m "z" :nf)])
(doseq [m things] (println (lookups m)))
(def runs (atom 0))
(defn counted [] (swap! runs inc) :default)
(println (get {:a 1} :a (counted)) (:a {} (counted)) (get nil :a (counted)) @runs)
(let [t (transient {:a 1})] (println (get t :a :nf) (:b t :nf)))
(println (reduce (fn [m w] (assoc m w (inc (get m w 0)))) {} (map str "mississippi")))
(println (get (sorted-map :a 1 :m 13) :a :nf) (:m (sorted-map :a 1 :m 13) :nf) (:q (sorted-map :a 1) :nf))
(println (try (get (sorted-map 1 2) :k :nf) (catch Exception e (.getSimpleName (class e)))))
(defn opts [{:keys [a b] :or {a 1 b 2}}] [a b])
(println (opts {}) (opts {:a nil}) (opts {:b false}) (opts nil))
