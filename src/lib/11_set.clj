;; lazy-ns: clojure.set
;; 11_set.clj: the clojure.set namespace (SPEC L17): set algebra (union intersection
;; difference subset? superset?) and relational algebra over sets of maps (select
;; project rename rename-keys index join map-invert), with Clojure's semantics and
;; result types. Embedded in the binary and loaded by the first
;; `(require '[clojure.set :as set])` (runtime/loader.h), as on the JVM.

(ns clojure.set)

(defn- bubble-max-key
  "coll with its element of greatest (k x) moved to the front (the largest set first,
  so that the others are folded into it)."
  [k coll]
  (let [mx (apply max-key k coll)]
    (cons mx (remove (fn [x] (identical? mx x)) coll))))

(defn union
  "Return a set that is the union of the input sets"
  ([] #{})
  ([s1] s1)
  ([s1 s2]
   (if (< (count s1) (count s2))
     (reduce conj s2 s1)
     (reduce conj s1 s2)))
  ([s1 s2 & sets]
   (let [bubbled (bubble-max-key count (conj sets s2 s1))]
     (reduce into (first bubbled) (rest bubbled)))))

(defn intersection
  "Return a set that is the intersection of the input sets"
  ([s1] s1)
  ([s1 s2]
   (if (< (count s2) (count s1))
     (recur s2 s1)
     (reduce (fn [result item]
               (if (contains? s2 item) result (disj result item)))
             s1 s1)))
  ([s1 s2 & sets]
   (let [bubbled (bubble-max-key (fn [s] (- (count s))) (conj sets s2 s1))]
     (reduce intersection (first bubbled) (rest bubbled)))))

(defn difference
  "Return a set that is the first set without elements of the remaining sets"
  ([s1] s1)
  ([s1 s2]
   (if (< (count s1) (count s2))
     (reduce (fn [result item]
               (if (contains? s2 item) (disj result item) result))
             s1 s1)
     (reduce disj s1 s2)))
  ([s1 s2 & sets]
   (reduce difference s1 (conj sets s2))))

(defn select
  "Returns a set of the elements for which pred is true"
  [pred xset]
  (reduce (fn [s k] (if (pred k) s (disj s k))) xset xset))

(defn project
  "Returns a rel of the elements of xrel with only the keys in ks"
  [xrel ks]
  (with-meta (set (map (fn [m] (select-keys m ks)) xrel)) (meta xrel)))

(defn rename-keys
  "Returns the map with the keys in kmap renamed to the vals in kmap"
  [map kmap]
  (reduce (fn [m e]
            (let [old-k (key e) new-k (val e)]
              (if (contains? map old-k)
                (assoc m new-k (get map old-k))
                m)))
          (apply dissoc map (keys kmap))
          kmap))

(defn rename
  "Returns a rel of the maps in xrel with the keys in kmap renamed to the vals in kmap"
  [xrel kmap]
  (with-meta (set (map (fn [m] (rename-keys m kmap)) xrel)) (meta xrel)))

(defn index
  "Returns a map of the distinct values of ks in the xrel mapped to a set of the maps in
  xrel with the corresponding values of ks."
  [xrel ks]
  (reduce (fn [m x]
            (let [ik (select-keys x ks)]
              (assoc m ik (conj (get m ik #{}) x))))
          {} xrel))

(defn map-invert
  "Returns the map with the vals mapped to the keys."
  [m]
  (persistent! (reduce-kv (fn [acc k v] (assoc! acc v k)) (transient {}) m)))

(defn- join-on
  "Joins rel s against index idx of the other rel: every x of s merged into each map
  that (idx (lookup-key x)) finds."
  [idx lookup-key s]
  (reduce (fn [ret x]
            (let [found (get idx (lookup-key x))]
              (if found
                (reduce (fn [acc y] (conj acc (merge y x))) ret found)
                ret)))
          #{} s))

(defn join
  "When passed 2 rels, returns the rel corresponding to the natural join. When passed an
  additional keymap, joins on the corresponding keys."
  ([xrel yrel]
   (if (and (seq xrel) (seq yrel))
     (let [ks (intersection (set (keys (first xrel))) (set (keys (first yrel))))
           small-x (<= (count xrel) (count yrel))
           r (if small-x xrel yrel)
           s (if small-x yrel xrel)]
       (join-on (index r ks) (fn [x] (select-keys x ks)) s))
     #{}))
  ([xrel yrel km]
   (let [small-x (<= (count xrel) (count yrel))
         r (if small-x xrel yrel)
         s (if small-x yrel xrel)
         k (if small-x (map-invert km) km)]
     (join-on (index r (vals k))
              (fn [x] (rename-keys (select-keys x (keys k)) k))
              s))))

(defn subset?
  "Is set1 a subset of set2?"
  [set1 set2]
  (and (<= (count set1) (count set2))
       (every? (fn [x] (contains? set2 x)) set1)))

(defn superset?
  "Is set1 a superset of set2?"
  [set1 set2]
  (and (>= (count set1) (count set2))
       (every? (fn [x] (contains? set1 x)) set2)))

