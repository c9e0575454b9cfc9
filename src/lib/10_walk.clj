;; lazy-ns: clojure.walk
;; 10_walk.clj: clojure.walk (SPEC L17), loaded on the first (require 'clojure.walk),
;; as in Clojure. One step, `walk`, rebuilds a value of any Clove data structure from
;; its transformed children; postwalk and prewalk repeat it down the whole tree, and
;; the rest (key conversion, replacement, full macro expansion) are small uses of
;; those. Written for Clove from clojure.walk's documented behaviour and experiments
;; against JVM Clojure: lists (and queues, which the JVM treats as lists) come back as
;; lists, map entries as map entries, other seqs as realized seqs, records as the same
;; record type, and every other collection through `empty`, so sorted collections keep
;; their comparator and vectors, maps and sets their metadata.

(ns clojure.walk
  "Generic traversal of nested Clojure data. walk rebuilds one level of a value;
  postwalk and prewalk apply a function to every node of a tree, children first or
  parent first, and put the function's results in place of the nodes. Also key
  conversion for nested maps, value replacement and macroexpand-all.")

(defn- rebuild
  "form with each of its children replaced by (inner child), keeping form's kind."
  [inner form]
  (cond
    (or (list? form) (instance? clojure.lang.PersistentQueue form))
    (into () (rseq (mapv inner form)))

    (map-entry? form)
    (clojure.lang.MapEntry/create (inner (key form)) (inner (val form)))

    (seq? form)
    (sequence (mapv inner form))

    (record? form)
    (into form (map inner) form)

    (coll? form)
    (into (empty form) (map inner) form)

    :else form))

(defn walk
  "One level of a traversal. inner is applied to each element of form (the entries of
  a map, the items of any other collection), a value of the same kind is built from
  the results, and outer is applied to that value; its result is returned. A form
  that is not a collection is simply passed to outer. Lists and seqs come back as
  lists and seqs, map entries as map entries, records as the same record type; other
  collections are refilled from (empty form), so sorted ones keep their order."
  [inner outer form]
  (outer (rebuild inner form)))

(defn postwalk
  "Transforms the tree form bottom-up: every node's children are transformed first,
  then f is called on the node rebuilt from them, and f's result takes its place.
  Returns f's result for the root."
  [f form]
  (letfn [(up [node] (walk up f node))]
    (up form)))

(defn prewalk
  "Transforms the tree form top-down: f is called on a node first, and the walk then
  goes on into the children of whatever f returned. Returns the rebuilt root."
  [f form]
  (letfn [(down [node] (walk down identity (f node)))]
    (down form)))

(defn- tracer
  "A function that prints \"Walked: \" and the readable form of its argument, then
  returns the argument."
  [x]
  (println "Walked:" (pr-str x))
  x)

(defn postwalk-demo
  "Shows the order postwalk visits the nodes of form in: prints each node as it is
  reached. Returns form."
  [form]
  (postwalk tracer form))

(defn prewalk-demo
  "Shows the order prewalk visits the nodes of form in: prints each node as it is
  reached. Returns form."
  [form]
  (prewalk tracer form))

(defn- convert-keys
  "postwalk over m replacing, in every map, each key k for which (convert? k) holds by
  (convert k). Maps come back as plain hash maps."
  [convert? convert m]
  (postwalk (fn [node]
              (if (map? node)
                (persistent!
                 (reduce-kv (fn [acc k v] (assoc! acc (if (convert? k) (convert k) k) v))
                            (transient {})
                            node))
                node))
            m))

(defn keywordize-keys
  "Every string key of every map nested anywhere in m becomes the keyword of the same
  name; other keys stay. Maps are rebuilt as plain hash maps. Returns the new value."
  [m]
  (convert-keys string? keyword m))

(defn stringify-keys
  "Every keyword key of every map nested anywhere in m becomes its name as a string
  (namespace dropped); other keys stay. Maps are rebuilt as plain hash maps. Returns
  the new value."
  [m]
  (convert-keys keyword? name m))

(defn prewalk-replace
  "Walks form top-down replacing every node that is a key of smap by smap's value for
  it; the walk continues into the replacement. Returns the new form."
  [smap form]
  (prewalk (fn [node] (get smap node node)) form))

(defn postwalk-replace
  "Walks form bottom-up replacing every node that is a key of smap by smap's value for
  it (so a node is compared after its children were replaced). Returns the new form."
  [smap form]
  (postwalk (fn [node] (get smap node node)) form))

(defn macroexpand-all
  "form with every macro call in it expanded, at any depth (quoted forms included):
  each seq is macroexpanded before the walk goes into its parts. Returns the new form."
  [form]
  (prewalk (fn [node] (cond-> node (seq? node) macroexpand)) form))
