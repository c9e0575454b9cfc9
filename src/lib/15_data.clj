;; lazy-ns: clojure.data
;; 15_data.clj: clojure.data (SPEC L17), loaded on the first (require 'clojure.data).
;; Written for Clove from the documented and observed behaviour of Clojure's diff.
;; Every value belongs to one equality partition (:atom, :set, :sequential or :map);
;; two values are only compared structurally when their partitions agree, otherwise
;; they differ as wholes. Sequential values are compared index by index, maps key by
;; key (recursively), sets by membership.

(ns clojure.data
  "Comparing two values: diff tells what is only in the first, only in the second, and
  in both."
  (:require [clojure.set :as set]))

(declare diff)

(defprotocol EqualityPartition
  "Puts a value in one of the partitions :atom, :set, :sequential or :map. Values of
  different partitions are never equal."
  (equality-partition [x] "The keyword naming x's partition."))

(defprotocol Diff
  "Structural comparison of two values already known to be unequal and to share an
  equality partition."
  (diff-similar [a b] "Returns [things-only-in-a things-only-in-b things-in-both]."))

;; ---------------------------------------------------------------------------------
;; Partitions

(defn- partition-of-object [x]
  (if (clojure.core/-array? x) :sequential :atom))

(extend-protocol EqualityPartition
  nil
  (equality-partition [_] :atom)
  Object
  (equality-partition [x] (partition-of-object x))
  java.util.Set
  (equality-partition [_] :set)
  java.util.List
  (equality-partition [_] :sequential)
  java.util.Map
  (equality-partition [_] :map))

;; ---------------------------------------------------------------------------------
;; Comparing by keys (maps) and by indexes (sequentials)

(defn- compare-at
  "Compares the entries at k of a and b. Returns three maps, each nil or with the
  single key k: the part only in a, only in b, and common to both."
  [a b k]
  (let [x (get a k)
        y (get b k)
        [only-x only-y common] (diff x y)
        in-a? (contains? a k)
        in-b? (contains? b k)
        ;; both hold k and agree on something (two nils agree on everything)
        shared? (and in-a? in-b? (or (some? common) (and (nil? x) (nil? y))))
        side (fn [present? part]
               (when (and present? (or (some? part) (not shared?)))
                 {k part}))]
    [(side in-a? only-x) (side in-b? only-y) (when shared? {k common})]))

(defn- compare-keys
  "Merges compare-at over the keys ks into three maps (or nils). Like Clojure's, the
  result is a seq, or the vector of three nils when ks is empty."
  [a b ks]
  (let [start (vector nil nil nil)
        merged (reduce (fn [[acc-a acc-b acc-both] k]
                         (let [[da db dboth] (compare-at a b k)]
                           [(merge acc-a da) (merge acc-b db) (merge acc-both dboth)]))
                       start
                       ks)]
    (if (seq ks) (seq merged) start)))

(defn- key-order
  "The keys of maps a and b, each once, in the order Clojure visits them (which is the
  order the resulting maps print in): the smaller key seq reversed, then the other;
  with equal counts, b's keys reversed, then a's."
  [a b]
  (let [ka (keys a)
        kb (keys b)
        walk (if (< (count ka) (count kb))
               (concat (reverse ka) kb)
               (concat (reverse kb) ka))]
    (distinct walk)))

(defn- indexed->vector
  "A map from indexes to values as a vector, nil where an index is absent; nil for an
  empty map."
  [m]
  (when (seq m)
    (mapv #(get m %) (range (inc (reduce max (keys m)))))))

(defn- sequential-diff [a b]
  (let [va (vec a)
        vb (vec b)
        n (max (count va) (count vb))]
    (mapv indexed->vector (compare-keys va vb (range n)))))

(defn- set-diff [a b]
  (mapv not-empty [(set/difference a b) (set/difference b a) (set/intersection a b)]))

(defn- similar-diff
  "diff-similar's default: chooses the comparison by a's partition."
  [a b]
  (case (equality-partition a)
    :map (compare-keys a b (key-order a b))
    :sequential (sequential-diff a b)
    :set (set-diff a b)
    [a b nil]))

(extend-protocol Diff
  nil
  (diff-similar [a b] (similar-diff a b))
  Object
  (diff-similar [a b] (similar-diff a b)))

(defn diff
  "Compares a and b recursively and returns a three-element vector: what is only in a,
  what is only in b, and what both have. Maps are compared key by key, sequential
  things (and arrays) index by index, giving vectors with nils where nothing differs,
  sets by membership; anything else, and values of different kinds, as wholes. Parts
  with nothing in them are nil."
  [a b]
  (cond
    (= a b) [nil nil a]
    (not= (equality-partition a) (equality-partition b)) [a b nil]
    :else (diff-similar a b)))
