;; lazy-ns: clojure.walk
;; 10_walk.clj: clojure.walk (SPEC L17), loaded on the first (require 'clojure.walk),
;; as in Clojure. Generic tree walkers over every Clove data structure: lists, map
;; entries, seqs, records, and the other collections (rebuilt with into/empty, so
;; sorted colls keep their comparator), following clojure/walk.clj (Stuart Sierra).

(ns clojure.walk
  "This file defines a generic tree walker for Clojure data structures. It takes any
  data structure (list, vector, map, set, seq), calls a function on every element,
  and uses the return value of the function in place of the original. This makes it
  fairly easy to write recursive search-and-replace functions, as shown in the
  examples.")

(defn walk
  "Traverses form, an arbitrary data structure. inner and outer are functions. Applies
  inner to each element of form, building up a data structure of the same type, then
  applies outer to the result. Recognizes all Clojure data structures. Consumes seqs
  as with doall."
  [inner outer form]
  (cond
    (list? form) (outer (apply list (map inner form)))
    (map-entry? form) (outer (clojure.lang.MapEntry/create (inner (key form)) (inner (val form))))
    (seq? form) (outer (doall (map inner form)))
    (record? form) (outer (reduce (fn [r x] (conj r (inner x))) form form))
    (coll? form) (outer (into (empty form) (map inner form)))
    :else (outer form)))

(defn postwalk
  "Performs a depth-first, post-order traversal of form. Calls f on each sub-form,
  uses f's return value in place of the original. Recognizes all Clojure data
  structures. Consumes seqs as with doall."
  [f form]
  (walk (partial postwalk f) f form))

(defn prewalk
  "Like postwalk, but does pre-order traversal."
  [f form]
  (walk (partial prewalk f) identity (f form)))

(defn postwalk-demo
  "Demonstrates the behavior of postwalk by printing each form as it is walked.
  Returns form."
  [form]
  (postwalk (fn [x] (print "Walked: ") (prn x) x) form))

(defn prewalk-demo
  "Demonstrates the behavior of prewalk by printing each form as it is walked.
  Returns form."
  [form]
  (prewalk (fn [x] (print "Walked: ") (prn x) x) form))

(defn keywordize-keys
  "Recursively transforms all map keys from strings to keywords."
  [m]
  (let [f (fn [[k v]] (if (string? k) [(keyword k) v] [k v]))]
    (postwalk (fn [x] (if (map? x) (into {} (map f x)) x)) m)))

(defn stringify-keys
  "Recursively transforms all map keys from keywords to strings."
  [m]
  (let [f (fn [[k v]] (if (keyword? k) [(name k) v] [k v]))]
    (postwalk (fn [x] (if (map? x) (into {} (map f x)) x)) m)))

(defn prewalk-replace
  "Recursively transforms form by replacing keys in smap with their values. Like
  clojure/replace but works on any data structure. Does replacement at the root of
  the tree first."
  [smap form]
  (prewalk (fn [x] (if (contains? smap x) (smap x) x)) form))

(defn postwalk-replace
  "Recursively transforms form by replacing keys in smap with their values. Like
  clojure/replace but works on any data structure. Does replacement at the leaves of
  the tree first."
  [smap form]
  (postwalk (fn [x] (if (contains? smap x) (smap x) x)) form))

(defn macroexpand-all
  "Recursively performs all possible macroexpansions in form."
  [form]
  (prewalk (fn [x] (if (seq? x) (macroexpand x) x)) form))
