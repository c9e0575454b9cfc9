;; A sorted-set-like type implementing IPersistentSet, and reference-like types
;; implementing IDeref, IPending, IMeta and IObj.
(deftype TinySet [sorted mta]           ; sorted: a sorted-set
  clojure.lang.IPersistentSet
  (disjoin [_ x] (TinySet. (disj sorted x) mta))
  (contains [_ x] (contains? sorted x))
  (get [_ x] (get sorted x))
  (count [_] (count sorted))
  (cons [_ x] (TinySet. (conj sorted x) mta))
  (empty [_] (TinySet. (empty sorted) mta))
  (equiv [this o] (and (set? o) (= (count o) (count sorted)) (every? #(contains? o %) sorted)))
  (seq [_] (seq sorted))
  clojure.lang.IFn
  (invoke [_ x] (get sorted x))
  (invoke [_ x nf] (get sorted x nf))
  clojure.lang.IHashEq
  (hasheq [_] (hash-unordered-coll sorted))
  clojure.lang.IObj
  (meta [_] mta)
  (withMeta [_ m] (TinySet. sorted m)))

(def ts (TinySet. (sorted-set 3 1 2) nil))

(println "-- a set type")
(prn ts (conj ts 0) (disj ts 2) (disj ts 2 3) (into ts [9 8]) (empty ts))
(prn (contains? ts 1) (contains? ts 5) (get ts 2) (get ts 5) (ts 3) (ts 7) (ts 7 :none))
(prn (count ts) (seq ts) (first ts) (map inc ts) (reduce + ts) (filter ts [1 5 3]))
(prn (set? ts) (coll? ts) (counted? ts) (ifn? ts) (map? ts) (sequential? ts))
(prn (instance? clojure.lang.IPersistentSet ts) (instance? clojure.lang.IPersistentCollection ts))
(prn (= ts #{1 2 3}) (= ts #{1 2}) (= (hash ts) (hash #{1 2 3})) (= ts (TinySet. (sorted-set 1 2 3) nil)))
(prn (meta (with-meta ts {:a 1})) (some ts [7 2 1]) (remove ts (range 6)))

(println "-- deref")
(deftype Box [v]
  clojure.lang.IDeref
  (deref [_] v))
(def b (Box. {:answer 42}))
(prn @b (deref b) (:answer @b) (instance? clojure.lang.IDeref b))

(deftype Lazy [f cache]                ; cache: an atom
  clojure.lang.IDeref
  (deref [_] (when (= ::none @cache) (reset! cache (f))) @cache)
  clojure.lang.IPending
  (isRealized [_] (not= ::none @cache)))
(def calls (atom 0))
(def lz (Lazy. (fn [] (swap! calls inc) :computed) (atom ::none)))
(prn (realized? lz) @lz @lz @calls (realized? lz))

(defn watched-ref [init]
  (let [state (atom init)]
    (reify
      clojure.lang.IDeref
      (deref [_] @state)
      clojure.lang.IPending
      (isRealized [_] true)
      Object
      (toString [_] (str "<ref " @state ">")))))
(def wr (watched-ref [1 2]))
(prn @wr (realized? wr) (str wr) (instance? clojure.lang.IDeref wr) (instance? clojure.lang.IPending wr))
(prn (meta (with-meta wr {:kind :watched})) @(with-meta wr {:kind :watched}))
(prn (instance? clojure.lang.IPersistentMap wr) (map? wr) (coll? wr))
