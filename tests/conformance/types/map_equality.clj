;; = between a built-in map and a deftype map follows APersistentMap.equiv: the type must
;; be a java.util.Map and, being an IPersistentMap, a MapEquivalence (records are not).
(deftype JM [m]
  clojure.lang.IPersistentMap
  (valAt [_ k] (get m k)) (valAt [_ k nf] (get m k nf)) (count [_] (count m)) (seq [_] (seq m))
  (cons [_ x] (JM. (conj m x))) (empty [_] (JM. {})) (equiv [_ o] (= m o))
  (containsKey [_ k] (contains? m k)) (entryAt [_ k] (find m k)) (assoc [_ k v] (JM. (assoc m k v)))
  (assocEx [_ k v] (JM. (assoc m k v))) (without [_ k] (JM. (dissoc m k)))
  clojure.lang.MapEquivalence
  java.util.Map
  (size [_] (count m)) (get [_ k] (get m k)) (isEmpty [_] (empty? m)))
(deftype NoEq [m]
  clojure.lang.IPersistentMap
  (valAt [_ k] (get m k)) (valAt [_ k nf] (get m k nf)) (count [_] (count m)) (seq [_] (seq m))
  (cons [_ x] (NoEq. (conj m x))) (empty [_] (NoEq. {})) (equiv [_ o] (= m o))
  (containsKey [_ k] (contains? m k)) (entryAt [_ k] (find m k)) (assoc [_ k v] (NoEq. (assoc m k v)))
  (assocEx [_ k v] (NoEq. (assoc m k v))) (without [_ k] (NoEq. (dissoc m k))))
(defrecord R [a])
(prn (= {:a 1} (JM. {:a 1})) (= (JM. {:a 1}) {:a 1}) (= {:a 1} (JM. {:a 2})) (= {:a 1 :b 2} (JM. {:a 1})) (= (sorted-map :a 1) (JM. {:a 1})) (= (hash-map :a nil) (JM. {:b nil})))
(prn (= {:a 1} (NoEq. {:a 1})) (= (NoEq. {:a 1}) {:a 1}) (= {:a 1} (->R 1)) (= (->R 1) {:a 1}))
