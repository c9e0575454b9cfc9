;; (:k x) compiles to a lookup instruction (GETK), not a call: the same results as
;; Keyword.invoke (RT.get) on every kind of value, and the same errors for bad arities.
(defrecord Point [x y])
(deftype Box [v])
(def things [{:a 1} {:b 2} (hash-map :a 3) (sorted-map :a 4) #{:a} (sorted-set :a) [1 2] '(:a)
             nil 5 "abc" :a (->Point 1 2) (transient {:a 6}) (Box. 7) (array-map :a nil)])
(println (map #(:a %) things))
(println (map #(:x %) things))
(println (map #(:a % :none) things))
(println (:a (first things)) (:b (second things)) (:missing {}))
(let [f (fn [m] [(:a m) (:b m) (:c m)])]
  (println (f {:a 1 :b 2}) (f nil) (f {:c [1]})))
(println (try (:a) (catch Exception e "arity error"))
         (try (:a {} 1 2) (catch Exception e "arity error")))
(println (map :a [{:a 1} {:a 2}]) ((juxt :a :b) {:a 1 :b 2}))
(println (:ns/k {:ns/k 1}) (::k {::k 2}))
