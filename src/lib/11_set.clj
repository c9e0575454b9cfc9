;; lazy-ns: clojure.set
;; 11_set.clj: the clojure.set namespace (SPEC L17): set algebra (union intersection
;; difference subset? superset?) and relational algebra over sets of maps (select
;; project rename rename-keys index join map-invert). Embedded in the binary and loaded
;; by the first `(require '[clojure.set :as set])` (runtime/loader.h), as on the JVM.
;; Written for Clove from clojure.set's documented behaviour and experiments against
;; JVM Clojure, whose results it reproduces down to which argument a result is built
;; from (and so keeps the type and metadata of): union grows the largest argument,
;; intersection shrinks the smallest, difference and select shrink their first; among
;; arguments of equal size two-argument calls take the first, longer calls the last.
;; A natural join matches on the keys the two relations' first rows share, indexes the
;; smaller relation and merges each match with the larger relation's row on top.

(ns clojure.set
  "Operations on sets, and on relations: sets of maps treated as the rows of a table
  (selecting, projecting, renaming, indexing and joining them).")

(defn- last-by-count
  "The last of sets whose count c satisfies (keep? c best-so-far) against every
  other: with >= the last of the largest, with <= the last of the smallest."
  [keep? sets]
  (reduce (fn [best s] (if (keep? (count s) (count best)) s best)) sets))

(defn- all-but [x coll]
  (remove #(identical? x %) coll))

(defn union
  "The set of the elements in any of the given sets; no sets gives #{}. The result is
  the largest argument with the others' elements added, so it keeps that argument's
  type (e.g. a sorted set) and metadata."
  ([] #{})
  ([s1] s1)
  ([s1 s2]
   (let [[base extra] (if (>= (count s1) (count s2)) [s1 s2] [s2 s1])]
     (into base extra)))
  ([s1 s2 & sets]
   (let [all (list* s1 s2 sets)
         base (last-by-count >= all)]
     (reduce into base (all-but base all)))))

(defn- keep-common
  "small without the elements that are not in other."
  [small other]
  (reduce disj small (remove #(contains? other %) small)))

(defn intersection
  "The set of the elements present in every one of the given sets. The result is the
  smallest argument with the other elements removed, so it keeps that argument's type
  and metadata."
  ([s1] s1)
  ([s1 s2]
   (if (> (count s1) (count s2))
     (keep-common s2 s1)
     (keep-common s1 s2)))
  ([s1 s2 & sets]
   (let [all (list* s1 s2 sets)
         base (last-by-count <= all)]
     (reduce intersection base (all-but base all)))))

(defn difference
  "The elements of s1 that are in none of the other sets: s1 with those elements
  removed (its type and metadata kept)."
  ([s1] s1)
  ([s1 s2]
   (reduce disj s1 (if (< (count s1) (count s2))
                     (filter #(contains? s2 %) s1)
                     s2)))
  ([s1 s2 & sets]
   (reduce difference s1 (cons s2 sets))))

(defn select
  "The elements of the set xset for which pred returns a truthy value: xset with the
  others removed (its type and metadata kept)."
  [pred xset]
  (reduce disj xset (remove pred xset)))

(defn project
  "The relation xrel cut down to the keys in ks: the set of (select-keys row ks) for
  each row, with xrel's metadata. Rows that become equal merge into one."
  [xrel ks]
  (with-meta (into #{} (map #(select-keys % ks)) xrel)
             (meta xrel)))

(defn rename-keys
  "map with its keys renamed as kmap (old key -> new key) says. Every old key is removed,
  then each old key that map had is added back under its new name, in kmap's order, so
  keys may be swapped or rotated. Other keys, map's type and its metadata are kept."
  [map kmap]
  (reduce-kv (fn [acc old new]
               (if (contains? map old) (assoc acc new (get map old)) acc))
             (reduce dissoc map (keys kmap))
             kmap))

(defn rename
  "The relation xrel with the keys of every row renamed as kmap (old key -> new key)
  says (see rename-keys); the result is a set with xrel's metadata."
  [xrel kmap]
  (with-meta (into #{} (map #(rename-keys % kmap)) xrel)
             (meta xrel)))

(defn index
  "Groups the rows of the relation xrel by their values for the keys ks: a map from
  each distinct (select-keys row ks) to the set of rows that have it."
  [xrel ks]
  (reduce (fn [groups row]
            (update groups (select-keys row ks) (fnil conj #{}) row))
          {} xrel))

(defn map-invert
  "A map from each value of m to its key. When several keys share a value, the one
  m's order lists last is kept. nil gives {}."
  [m]
  (into {} (map (juxt val key)) m))

(defn- hash-join
  "Indexes small by index-keys, then for each row of large looks up (probe row) in the
  index and adds (merge match row) for every matching row of small. Returns the set."
  [small large index-keys probe]
  (let [by-key (index small index-keys)]
    (reduce (fn [out row]
              (reduce #(conj %1 (merge %2 row)) out (get by-key (probe row))))
            #{} large)))

(defn join
  "Joins the relations xrel and yrel into a set of merged rows.
  Without km (a natural join) two rows match when they agree on every key that the
  first rows of xrel and yrel have in common; with no common keys every row pairs with
  every other. Either relation empty gives #{}.
  With km, a map from keys of xrel's rows to keys of yrel's rows, two rows match when
  each such pair of keys holds equal values.
  Each result row merges the two matching rows, with the values of the row from the
  larger relation (yrel when their sizes are equal) winning on shared keys."
  ([xrel yrel]
   (if (or (empty? xrel) (empty? yrel))
     #{}
     (let [shared (intersection (set (keys (first xrel))) (set (keys (first yrel))))
           x-small? (<= (count xrel) (count yrel))]
       (hash-join (if x-small? xrel yrel) (if x-small? yrel xrel)
                  shared #(select-keys % shared)))))
  ([xrel yrel km]
   (let [x-small? (<= (count xrel) (count yrel))
         probe-map (if x-small? (map-invert km) km)]
     (hash-join (if x-small? xrel yrel) (if x-small? yrel xrel)
                (vals probe-map)
                #(rename-keys (select-keys % (keys probe-map)) probe-map)))))

(defn subset?
  "True when every element of set1 is also in set2."
  [set1 set2]
  (let [n (count set1)]
    (and (<= n (count set2))
         (every? (partial contains? set2) set1))))

(defn superset?
  "True when every element of set2 is also in set1."
  [set1 set2]
  (subset? set2 set1))
