;; lazy-ns: clojure.data
;; 15_data.clj: clojure.data (SPEC L17), loaded on the first (require 'clojure.data), as
;; in Clojure: non-core data functions, the recursive diff of two values, following
;; clojure/data.clj (Stuart Halloway). Values fall into equality partitions (:atom
;; :set :sequential :map) through the EqualityPartition protocol; values of the same
;; partition are compared by the Diff protocol.

(ns clojure.data
  "Non-core data functions."
  (:require [clojure.set :as set]))

(declare diff)

(defn- atom-diff
  "Internal helper for diff."
  [a b]
  (if (= a b) [nil nil a] [a b nil]))

;; for big things a sparse vector class would be better
(defn- vectorize
  "Convert an associative-by-numeric-index collection into an equivalent vector, with
  nil for any missing keys"
  [m]
  (when (seq m)
    (reduce
      (fn [result [k v]] (assoc result k v))
      (vec (repeat (apply max (keys m)) nil))
      m)))

(defn- diff-associative-key
  "Diff associative things a and b, comparing only the key k."
  [a b k]
  (let [va (get a k)
        vb (get b k)
        [a* b* ab] (diff va vb)
        in-a (contains? a k)
        in-b (contains? b k)
        same (and in-a in-b
                  (or (not (nil? ab))
                      (and (nil? va) (nil? vb))))]
    [(when (and in-a (or (not (nil? a*)) (not same))) {k a*})
     (when (and in-b (or (not (nil? b*)) (not same))) {k b*})
     (when same {k ab})]))

(defn- diff-associative
  "Diff associative things a and b, comparing only keys in ks."
  [a b ks]
  (reduce
    (fn [diff1 diff2]
      (doall (map merge diff1 diff2)))
    [nil nil nil]
    (map
      (partial diff-associative-key a b)
      ks)))

(defn- diff-sequential
  [a b]
  (vec (map vectorize (diff-associative
                        (if (vector? a) a (vec a))
                        (if (vector? b) b (vec b))
                        (range (max (count a) (count b)))))))

(defn- diff-set
  [a b]
  [(not-empty (set/difference a b))
   (not-empty (set/difference b a))
   (not-empty (set/intersection a b))])

(defprotocol ^{:added "1.3"} EqualityPartition
  "Implementation detail. Subject to change."
  (^{:added "1.3"} equality-partition [x] "Implementation detail. Subject to change."))

(defprotocol ^{:added "1.3"} Diff
  "Implementation detail. Subject to change."
  (^{:added "1.3"} diff-similar [a b] "Implementation detail. Subject to change."))

(defn- as-set-value
  [s]
  (if (set? s) s (into #{} s)))

;; Java arrays are sequential, as on the JVM (Object's methods check isArray there);
;; an array's class name starts with [ ([J, [Ljava.lang.Object;).
(defn- array? [x] (.startsWith (str (class x)) "["))

(extend-protocol EqualityPartition
  nil
  (equality-partition [x] :atom)

  java.util.Set
  (equality-partition [x] :set)

  java.util.List
  (equality-partition [x] :sequential)

  java.util.Map
  (equality-partition [x] :map)

  Object
  (equality-partition [x] (if (array? x) :sequential :atom)))

(extend-protocol Diff
  nil
  (diff-similar [a b] (atom-diff a b))

  java.util.Set
  (diff-similar [a b]
    (let [aval (as-set-value a)
          bval (as-set-value b)]
      (diff-set aval bval)))

  java.util.List
  (diff-similar [a b] (diff-sequential a b))

  java.util.Map
  (diff-similar [a b] (diff-associative a b (set/union (keys a) (keys b))))

  Object
  (diff-similar [a b] ((if (array? a) diff-sequential atom-diff) a b)))

(defn diff
  "Recursively compares a and b, returning a tuple of
  [things-only-in-a things-only-in-b things-in-both].
  Comparison rules:

  * For equal a and b, return [nil nil a].
  * Maps are subdiffed where keys match and values differ.
  * Sets are never subdiffed.
  * All sequential things are treated as associative collections
    by their indexes, with results returned as vectors.
  * Everything else (including strings!) is treated as
    an atom and compared for equality."
  [a b]
  (if (= a b)
    [nil nil a]
    (if (= (equality-partition a) (equality-partition b))
      (diff-similar a b)
      (atom-diff a b))))
