;; lazy-ns: clojure.core.protocols
;; 19_core_protocols.clj: clojure.core.protocols, loaded on the first require. Written
;; for Clove from the documented and observed behaviour of Clojure's. The reduction
;; protocols exist so that code calling or extending them loads and runs; Clove's
;; reduce and reduce-kv do not dispatch through them (docs/differences.md), and their
;; default implementations simply call reduce and reduce-kv. Datafiable and Navigable
;; are what clojure.datafy builds on; as with :extend-via-metadata in Clojure, a
;; value's metadata may carry their implementation under the fully qualified method
;; name (clojure.core.protocols/datafy, clojure.core.protocols/nav), which wins over
;; the one for the value's type. Clove's defprotocol has no such option, so the two
;; methods are wrapped below.

(ns clojure.core.protocols
  "Protocols behind reduction (coll-reduce, internal-reduce, kv-reduce) and behind
  clojure.datafy (datafy, nav).")

;; ---------------------------------------------------------------------------------
;; Reduction

(defprotocol CollReduce
  "Reducing a whole collection. (f) is the initial value when none is given."
  (coll-reduce [coll f] [coll f val]))

(defprotocol InternalReduce
  "Reducing what remains of a seq from a start value."
  (internal-reduce [seq f start]))

(defprotocol IKVReduce
  "Reducing an associative collection over its keys and values: f takes the
  accumulated value, a key and its value."
  (kv-reduce [amap f init]))

(extend-type nil
  CollReduce
  (coll-reduce ([_ f] (f)) ([_ _ init] init))
  InternalReduce
  (internal-reduce [_ _ init] init)
  IKVReduce
  (kv-reduce [_ _ init] init))

(extend-type Object
  CollReduce
  (coll-reduce ([c f] (reduce f c)) ([c f init] (reduce f init c)))
  InternalReduce
  (internal-reduce [s f init] (reduce f init s))
  IKVReduce
  (kv-reduce [m f init] (reduce-kv f init m)))

;; ---------------------------------------------------------------------------------
;; datafy and nav

(defprotocol Datafiable
  "Turning a value into plain data."
  (datafy [o]))

(defprotocol Navigable
  "Going from a value obtained from datafied data back to what it stands for."
  (nav [coll k v]))

(extend-type nil Datafiable (datafy [_] nil))
(extend-type Object Datafiable (datafy [o] o))
(extend-type Object Navigable (nav [_ _ v] v))

(defn- from-meta
  "The implementation of method (a qualified symbol) in x's metadata, or nil."
  [x method]
  (when (instance? clojure.lang.IMeta x)
    (get (meta x) method)))

(let [by-type datafy]
  (defn datafy
    "The value o as data: the implementation under clojure.core.protocols/datafy in
    o's metadata if there is one, else the one for o's type (Object: o itself; nil:
    nil). Extend Datafiable to change it for a type."
    [o]
    (if-let [f (from-meta o `datafy)]
      (f o)
      (by-type o))))

(let [by-type nav]
  (defn nav
    "What v, found at key or index k of coll, stands for: the implementation under
    clojure.core.protocols/nav in coll's metadata if there is one, else the one for
    coll's type (Object: v itself). Extend Navigable to change it for a type."
    [coll k v]
    (if-let [f (from-meta coll `nav)]
      (f coll k v)
      (by-type coll k v))))
