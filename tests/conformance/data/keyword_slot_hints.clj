;; Keyword lookups in small maps whose keys sit in different orders: one GETK site, get,
;; keyword calls, assoc and destructuring see the same keyword at every position, absent,
;; and in maps shorter than the position it was last found at (array maps predict a
;; keyword's pair from the last lookup: the prediction must never change an answer).
(def shapes
  [{:a 1 :b 2 :c 3 :d 4 :e 5 :f 6 :g 7 :h 8}
   {:h 80 :g 70 :f 60 :e 50 :d 40 :c 30 :b 20 :a 10}
   {:a 100}
   {}
   {:b nil :a nil}
   {:x 1 :y 2}
   {"a" 1 :a 2 'a 3}
   {:c 3 :a 1}])

(defn lookup-a [m] (:a m))
(defn lookup-h [m] (:h m :none))
(defn lookup-get [m k] (get m k :missing))

(println (mapv lookup-a shapes))
(println (mapv lookup-h shapes))
(println (for [m shapes k [:a :b :h :z]] (lookup-get m k)))
(println (mapv (fn [{:keys [a b c] :or {c :c-default}}] [a b c]) shapes))
(println (mapv #(assoc % :a :new) shapes))
(println (mapv #(assoc % :b 0 :a 9) shapes))
(println (mapv #(contains? % :a) shapes))
(println (mapv #(find % :g) shapes))
;; the same shapes again after the hints moved, and alternating
(println (reduce + 0 (for [_ (range 50) m [(shapes 0) (shapes 1) (shapes 2)]] (or (:a m) 0))))
(println (mapv lookup-a (reverse shapes)))
(println (mapv #(dissoc % :a) shapes))
