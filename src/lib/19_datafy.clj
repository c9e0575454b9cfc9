;; lazy-ns: clojure.datafy
;; 19_datafy.clj: clojure.datafy, loaded on the first require. Written for Clove from
;; the documented and observed behaviour of Clojure's: datafy and nav on top of the
;; Datafiable and Navigable protocols of clojure.core.protocols. Exceptions datafy to
;; Throwable->map, references (atoms, vars, ...) to a vector of their value.

(ns clojure.datafy
  "Viewing values as plain data (datafy) and going back from that data to what it
  stands for (nav)."
  (:require [clojure.core.protocols :as p]))

(extend-protocol p/Datafiable
  Throwable
  (datafy [t] (Throwable->map t))
  clojure.lang.IRef
  (datafy [r] [(deref r)]))

(defn datafy
  "Returns x as data, by clojure.core.protocols/datafy. When that gives something
  other than x itself that can carry metadata, its metadata records the original
  under :clojure.datafy/obj and the original's class under :clojure.datafy/class."
  [x]
  (let [data (p/datafy x)]
    (cond
      (identical? data x) data
      (instance? clojure.lang.IObj data)
      (vary-meta data assoc ::obj x ::class (class x))
      :else data)))

(defn nav
  "Given coll, a key or index k in it and v, the value there, returns what v stands
  for, by clojure.core.protocols/nav (by default v itself)."
  [coll k v]
  (p/nav coll k v))
