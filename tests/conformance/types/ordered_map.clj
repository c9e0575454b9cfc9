;; A library-style map type: an insertion-ordered map written with deftype and
;; Clojure's interfaces (ILookup, Associative, IPersistentMap, Counted, Seqable, IFn,
;; IMeta/IObj, IHashEq, MapEquivalence, IKVReduce, IReduceInit), used with core fns.
(deftype OrderedMap [m ks mta]
  clojure.lang.ILookup
  (valAt [this k] (get m k))
  (valAt [this k not-found] (get m k not-found))

  clojure.lang.Counted
  (count [_] (count m))

  clojure.lang.Seqable
  (seq [_] (seq (map (fn [k] (clojure.lang.MapEntry/create k (get m k))) ks)))

  clojure.lang.IPersistentCollection
  (cons [this x]
    (if (map? x)
      (reduce (fn [acc [k v]] (assoc acc k v)) this (seq x))
      (let [[k v] x] (assoc this k v))))
  (empty [_] (OrderedMap. {} [] mta))
  (equiv [this o]
    (and (map? o) (= (count this) (count o))
         (every? (fn [[k v]] (and (contains? o k) (= v (get o k)))) (seq this))))

  clojure.lang.Associative
  (containsKey [_ k] (contains? m k))
  (entryAt [_ k] (when (contains? m k) (clojure.lang.MapEntry/create k (get m k))))
  (assoc [_ k v] (OrderedMap. (assoc m k v) (if (contains? m k) ks (conj ks k)) mta))

  clojure.lang.IPersistentMap
  (assocEx [this k v] (if (contains? m k) (throw (Exception. "Key already present")) (assoc this k v)))
  (without [this k] (if (contains? m k) (OrderedMap. (dissoc m k) (vec (remove #{k} ks)) mta) this))

  clojure.lang.MapEquivalence

  clojure.lang.IFn
  (invoke [this k] (get m k))
  (invoke [this k not-found] (get m k not-found))

  clojure.lang.IMeta
  (meta [_] mta)
  clojure.lang.IObj
  (withMeta [_ new-meta] (OrderedMap. m ks new-meta))

  clojure.lang.IHashEq
  (hasheq [this] (hash-unordered-coll (seq this)))

  clojure.lang.IKVReduce
  (kvreduce [this f init]
    (reduce (fn [acc k] (let [r (f acc k (get m k))] (if (reduced? r) (reduced @r) r))) init ks))

  clojure.lang.IReduceInit
  (reduce [this f init]
    (reduce (fn [acc k] (f acc (clojure.lang.MapEntry/create k (get m k)))) init ks)))

(defn ordered-map [& kvs]
  (reduce (fn [acc [k v]] (assoc acc k v)) (OrderedMap. {} [] nil) (partition 2 kvs)))

(def om (ordered-map :zebra 1 :apple 2 :mango 3))

(println "-- printing")
(prn om)
(println om)
(prn (pr-str om) [om])

(println "-- lookup")
(prn (get om :apple) (get om :nope) (get om :nope :default))
(prn (:zebra om) (:nope om :kw-default) (om :mango) (om :nope :fn-default))
(prn (contains? om :apple) (contains? om :nope) (find om :mango) (find om :nope))
(prn (get-in {:inner om} [:inner :apple]))

(println "-- count and seq")
(prn (count om) (seq om) (keys om) (vals om) (first om) (rest om))
(prn (empty? om) (empty? (empty om)) (count (empty om)))

(println "-- updates keep the type and the order")
(prn (assoc om :banana 4) (dissoc om :apple) (dissoc om :nope))
(prn (conj om [:kiwi 5]) (conj om {:fig 6 :date 7}) (into om [[:x 1] [:y 2]]))
(prn (merge om {:apple 20 :pear 8}) (update om :apple + 100) (assoc-in {:m om} [:m :zebra] 0))
(prn (select-keys om [:mango :zebra]) (zipmap (keys om) (vals om)))
(prn (type (assoc om :banana 4)) (= OrderedMap (type (dissoc om :apple))))

(println "-- predicates and instance?")
(prn (map? om) (coll? om) (counted? om) (associative? om) (seqable? om) (ifn? om))
(prn (sequential? om) (vector? om) (set? om) (fn? om) (record? om))
(prn (instance? clojure.lang.IPersistentMap om) (instance? clojure.lang.MapEquivalence om)
     (instance? clojure.lang.ILookup om) (instance? clojure.lang.IFn om)
     (instance? clojure.lang.Counted om) (instance? clojure.lang.IPersistentVector om))

(println "-- equality and hashing")
(prn (= om (ordered-map :zebra 1 :apple 2 :mango 3)) (= om (ordered-map :apple 2 :zebra 1 :mango 3)))
(prn (= om {:zebra 1 :apple 2 :mango 3}) (= om {:zebra 1}) (not= om (assoc om :q 1)))
(prn (= (hash om) (hash {:zebra 1 :apple 2 :mango 3})))
(prn (get (hash-map om :found :other :x) (ordered-map :apple 2 :mango 3 :zebra 1)))
(prn (count (set [om (ordered-map :mango 3 :apple 2 :zebra 1)])))

(println "-- metadata")
(prn (meta om) (meta (with-meta om {:source :test})) (meta (vary-meta om assoc :n 1)))
(prn (meta (assoc (with-meta om {:kept true}) :k 1)))

(println "-- reducing")
(prn (reduce-kv (fn [acc k v] (conj acc [v k])) [] om))
(prn (reduce-kv (fn [acc k v] (if (= k :apple) (reduced acc) (+ acc v))) 0 om))
(prn (reduce (fn [acc [k v]] (+ acc v)) 0 om) (into [] om) (into {} om))
(prn (transduce (map val) + om) (vec om) (set (keys om)))
(prn (map (fn [[k v]] (str (name k) "=" v)) om) (sort-by val > (seq om)))
