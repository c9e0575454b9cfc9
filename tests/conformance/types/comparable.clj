;; A deftype implementing Comparable sorts with sort, sort-by, sorted sets and maps, and
;; compare; a record implementing Comparable too.
(deftype Version [major minor]
  Comparable
  (compareTo [_ o] (compare [major minor] [(.-major ^Version o) (.-minor ^Version o)]))
  Object
  (toString [_] (str major "." minor))
  (equals [_ o] (and (instance? Version o) (= [major minor] [(.-major ^Version o) (.-minor ^Version o)])))
  (hashCode [_] (hash [major minor])))

(def vs [(Version. 1 10) (Version. 1 2) (Version. 0 9) (Version. 2 0)])
(prn (map str (sort vs)) (map str (sort #(compare %2 %1) vs)) (str (apply max-key #(.-minor ^Version %) vs)))
(prn (compare (Version. 1 0) (Version. 1 1)) (compare (Version. 3 0) (Version. 1 1)) (compare (Version. 1 1) (Version. 1 1)))
(prn (map str (sorted-set (Version. 3 1) (Version. 1 1) (Version. 2 0))) (str (key (first (sorted-map (Version. 9 9) :a (Version. 0 1) :b)))))
(prn (map str (sort-by identity vs)) (instance? Comparable (Version. 1 1)) (map str (distinct (conj vs (Version. 1 2)))))

(defrecord Score [points name]
  Comparable
  (compareTo [_ o] (compare (:points o) points)))
(prn (map :name (sort [(->Score 3 "c") (->Score 9 "a") (->Score 5 "b")])))
(prn (try (compare (Version. 1 1) :k) (catch Exception _ :error)))
(deftype Opaque [])
(prn (try (sort [(Opaque.) (Opaque.)]) (catch ClassCastException _ :class-cast)))
