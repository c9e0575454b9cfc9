;; 04_ns.clj: the `ns` macro and refer-clojure (SPEC L12), over the natives of
;; natives/core/ns.cpp (in-ns, refer, require, use, load, -lib-loaded!, ...).

(defmacro refer-clojure
  "Same as (refer 'clojure.core <filters>)"
  [& filters]
  (list* 'clojure.core/refer ''clojure.core filters))

(defmacro ns
  "Sets *ns* to the namespace named by name (unevaluated), creating it if needed.
  references can be zero or more of: (:refer-clojure ...) (:require ...) (:use ...)
  (:load ...) with the syntax of refer-clojure/require/use/load respectively, except
  the arguments are unevaluated and need not be quoted. (:import ...) works as import;
  (:gen-class) is accepted and ignored. An optional
  docstring and attribute map become the namespace's metadata.

  (ns foo.bar
    \"Docs.\"
    (:refer-clojure :exclude [ancestors printf])
    (:require (clojure.contrib sql combinatorics))
    (:use [my.lib :only [x y]])
    (:require [my.other :as o :refer [z]]))"
  [name & references]
  (let [doc (if (string? (first references)) (first references) nil)
        references (if doc (next references) references)
        attrs (if (map? (first references)) (first references) nil)
        references (if attrs (next references) references)
        m (conj (if (meta name) (meta name) {}) (if attrs attrs {}))
        m (if doc (assoc m :doc doc) m)
        quoted (fn [args] (map (fn [a] (list 'quote a)) args))
        clause (fn [ref]
                 (if (if (seq? ref) (keyword? (first ref)) false)
                   nil
                   (throw (IllegalArgumentException.
                           (str "ns: a reference must be a list starting with a keyword, got: " (pr-str ref)))))
                 (let [k (first ref)
                       args (rest ref)]
                   (cond
                     (= k :require) (list* 'clojure.core/require (quoted args))
                     (= k :use) (list* 'clojure.core/use (quoted args))
                     (= k :load) (list* 'clojure.core/load args)
                     (= k :refer-clojure) nil
                     (= k :import) (list* 'clojure.core/import args)
                     (= k :gen-class) nil
                     :else (throw (IllegalArgumentException.
                                   (str "ns: unsupported reference " k
                                        " (expected :require, :use, :refer-clojure, :load, :import or :gen-class)"))))))
        refer-clojure (first (filter (fn [r] (if (seq? r) (= :refer-clojure (first r)) false)) references))]
    (concat
     (list 'do
           (list 'clojure.core/in-ns (list 'quote name))
           (list 'clojure.core/-reset-ns-meta! (list 'quote name) (list 'quote (if (seq m) m nil)))
           (list* 'clojure.core/refer ''clojure.core (quoted (rest refer-clojure))))
     (filter some? (map clause references))
     (list (list 'clojure.core/-lib-loaded! (list 'quote name))
           nil))))
