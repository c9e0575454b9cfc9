;; lazy-ns: clojure.core.protocols
;; 19_core_protocols.clj: clojure.core.protocols, loaded on the first require, as in
;; Clojure: the reduction protocols and the datafy/nav protocols that clojure.datafy
;; builds on. Clove's reduce and reduce-kv do not dispatch through CollReduce or
;; IKVReduce (docs/differences.md); the protocols exist so that code extending or
;; calling them loads and runs, each defaulting to reduce and reduce-kv. Datafiable
;; and Navigable also honour an implementation in the value's metadata, as their
;; :extend-via-metadata does in Clojure.

(ns clojure.core.protocols
  "The protocols of Clojure's reduction and datafy/nav machinery.")

(defprotocol CollReduce
  "Protocol for collection types that can implement reduce faster than first/next
  recursion. Called by clojure.core/reduce in Clojure; in Clove, calling it reduces."
  (coll-reduce [coll f] [coll f val]))

(defprotocol InternalReduce
  "Protocol for concrete seq types that can reduce themselves faster than first/next
  recursion. Called by clojure.core/reduce in Clojure."
  (internal-reduce [seq f start]))

(defprotocol IKVReduce
  "Protocol for concrete associative types that can reduce themselves via a function
  of key and val faster than first/next recursion over map entries. Called by
  clojure.core/reduce-kv, and has same semantics (just different arg order)."
  (kv-reduce [amap f init]))

(defprotocol Datafiable
  :extend-via-metadata true
  (datafy [o] "return a representation of o as data (default identity)"))

(defprotocol Navigable
  :extend-via-metadata true
  (nav [coll k v] "return (possibly transformed) v in the context of coll and k (a key/index or nil),
defaults to returning v."))

(extend-protocol CollReduce
  nil
  (coll-reduce
    ([coll f] (f))
    ([coll f val] val))
  Object
  (coll-reduce
    ([coll f] (reduce f coll))
    ([coll f val] (reduce f val coll))))

(extend-protocol InternalReduce
  nil
  (internal-reduce [s f val] val)
  Object
  (internal-reduce [s f val] (reduce f val s)))

(extend-protocol IKVReduce
  nil
  (kv-reduce [_ f init] init)
  Object
  (kv-reduce [amap f init] (reduce-kv f init amap)))

(extend-protocol Datafiable
  nil
  (datafy [_] nil)
  Object
  (datafy [o]
    (if-let [f (get (meta o) `datafy)] (f o) o)))

(extend-protocol Navigable
  Object
  (nav [coll k v]
    (if-let [f (get (meta coll) `nav)] (f coll k v) v)))
