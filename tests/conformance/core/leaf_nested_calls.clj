;; Leaf natives (conj, assoc, contains?, subvec ...) run without a frame of their own,
;; reading their arguments in the caller's registers. When one calls back into Clove
;; (a deftype's own cons, assoc or equiv, which allocate), those arguments must stay
;; alive and in place across the nested call (run under the GC stress modes too).
(deftype Box [items]
  clojure.lang.IPersistentCollection
  (cons [_ x] (Box. (conj items (vec (range 40)) x)))
  (count [_] (count items))
  (empty [_] (Box. []))
  (equiv [this o] (identical? this o))
  clojure.lang.Seqable
  (seq [_] (seq items)))

(def b (reduce conj (Box. []) (range 30)))
(prn (count b))
(prn (map #(if (vector? %) (count %) %) (take 6 (seq b))))

(deftype Rec [m]
  clojure.lang.Associative
  (assoc [_ k v] (Rec. (assoc m k (vec (repeat 30 v)))))
  (containsKey [_ k] (contains? m k))
  (entryAt [_ k] (find m k))
  clojure.lang.ILookup
  (valAt [_ k] (get m k))
  (valAt [_ k d] (get m k d))
  clojure.lang.IPersistentCollection
  (count [_] (count m))
  (cons [this x] this)
  (empty [_] (Rec. {}))
  (equiv [this o] (identical? this o))
  clojure.lang.Seqable
  (seq [_] (seq m)))

(def r (reduce (fn [acc i] (assoc acc i (* i i))) (Rec. {}) (range 25)))
(prn (count r) (count (get r 24)) (first (get r 24)) (contains? r 7) (contains? r 99))

(deftype Key [n]
  Object
  (hashCode [_] (hash (mod n 3)))
  (equals [_ o] (and (instance? Key o) (= (mod n 3) (mod (.-n ^Key o) 3)))))

(def s (into #{} (map #(Key. %)) (range 10)))
(prn (count s) (contains? s (Key. 4)) (contains? s (Key. 100)))
(prn (map #(apply + %) (partition 3 (mapcat (fn [i] (subvec (vec (range 10)) i (+ i 3))) (range 5)))))
