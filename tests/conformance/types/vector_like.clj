;; Library-style sequential types: a stack implementing Indexed, Sequential,
;; IPersistentStack, Reversible, Counted, Seqable, ILookup, IFn and IHashEq, and a
;; vector type implementing IPersistentVector (which prints as a vector).
(deftype Stack [items]                  ; items: a vector, top last
  clojure.lang.Counted
  (count [_] (count items))
  clojure.lang.Indexed
  (nth [_ i] (nth items i))
  (nth [_ i not-found] (nth items i not-found))
  clojure.lang.Sequential
  clojure.lang.Seqable
  (seq [_] (seq items))
  clojure.lang.Reversible
  (rseq [_] (rseq items))
  clojure.lang.IPersistentStack
  (peek [_] (peek items))
  (pop [_] (Stack. (pop items)))
  (cons [_ x] (Stack. (conj items x)))
  (empty [_] (Stack. []))
  (equiv [this o] (and (sequential? o) (= (seq items) (seq o))))
  clojure.lang.ILookup
  (valAt [this k] (.valAt this k nil))
  (valAt [_ k not-found] (if (integer? k) (nth items k not-found) not-found))
  clojure.lang.IFn
  (invoke [_ i] (nth items i))
  clojure.lang.IHashEq
  (hasheq [_] (hash-ordered-coll items)))

(def s (Stack. [1 2 3]))

(println "-- stack operations")
(prn (count s) (peek s) (seq (pop s)) (peek (conj s 4)) (seq (conj s 4 5)))
(prn (nth s 0) (nth s 2) (nth s 5 :none) (get s 1) (get s 7) (get s :k :dflt) (s 2))
(prn (try (nth s 10) (catch IndexOutOfBoundsException _ :out-of-bounds)))
(prn (rseq s) (first s) (last s) (rest s) (second s) (nthrest s 1))
(prn (seq (empty s)) (count (pop (pop (pop s)))))

(println "-- as a sequential collection")
(prn (map inc s) (filter odd? s) (reduce + s) (into [] s) (vec (seq s)) (apply + s))
(prn (= s [1 2 3]) (= [1 2 3] s) (= s '(1 2 3)) (= '(1 2 3) s) (= s [1 2]) (= s (Stack. [1 2 3])))
(prn (= (hash s) (hash [1 2 3])) (contains? #{[1 2 3]} s))
(let [[a b & more] s] (prn a b more))

(println "-- predicates")
(prn (sequential? s) (counted? s) (reversible? s) (indexed? s) (coll? s) (seqable? s) (ifn? s))
(prn (vector? s) (map? s) (associative? s) (seq? s) (list? s))
(prn (instance? clojure.lang.Indexed s) (instance? clojure.lang.IPersistentStack s)
     (instance? clojure.lang.IPersistentCollection s) (instance? clojure.lang.Seqable s)
     (instance? clojure.lang.Sequential s) (instance? clojure.lang.IPersistentVector s))

(deftype MyVec [v mta]
  clojure.lang.IPersistentVector
  (length [_] (count v))
  (assocN [_ i x] (MyVec. (assoc v i x) mta))
  (cons [_ x] (MyVec. (conj v x) mta))
  (count [_] (count v))
  (empty [_] (MyVec. [] mta))
  (equiv [_ o] (= v o))
  (seq [_] (seq v))
  (peek [_] (peek v))
  (pop [_] (MyVec. (pop v) mta))
  (rseq [_] (rseq v))
  (nth [_ i] (nth v i))
  (nth [_ i nf] (nth v i nf))
  (assoc [this k x] (.assocN this k x))
  (containsKey [_ k] (contains? v k))
  (entryAt [_ k] (find v k))
  (valAt [_ k] (get v k))
  (valAt [_ k nf] (get v k nf))
  clojure.lang.IHashEq
  (hasheq [_] (hash v))
  clojure.lang.IObj
  (meta [_] mta)
  (withMeta [_ m] (MyVec. v m)))

(def w (MyVec. [:a :b :c] nil))
(println "-- an IPersistentVector")
(prn w (conj w :d) (assoc w 1 :B) (pop w) (peek w) (rseq w) (empty w))
(prn (vector? w) (associative? w) (reversible? w) (counted? w) (sequential? w))
(prn (get w 1) (get w 9 :nf) (contains? w 2) (contains? w 3) (find w 0) (nth w 2))
(prn (= w [:a :b :c]) (= [:a :b :c] w) (= (hash w) (hash [:a :b :c])))
(prn (update w 0 name) (assoc-in [w] [0 2] :z) (into w [:x :y]))
(prn (meta (with-meta w {:m 1})) [w {:k w}])
