;; 04_ns.clj: the `ns` macro and refer-clojure (SPEC L12), over the natives of
;; natives/core/ns.cpp (in-ns, refer, require, use, load, -lib-loaded!, ...).

(defmacro refer-clojure
  "Refers the public vars of clojure.core into the current namespace, as (refer
  'clojure.core filters...) does; filters such as :exclude, :only and :rename choose
  which."
  [& filters]
  (list* 'clojure.core/refer ''clojure.core filters))

(defmacro ns
  "Switches *ns* to the namespace called name (not evaluated), creating it when it does
  not exist, and sets up what it refers to. After name may come a docstring and an
  attribute map (the namespace's metadata), then clauses whose arguments are written
  unquoted: (:require ...), (:use ...), (:refer-clojure ...) and (:load ...) work as
  the functions of those names, (:import ...) as import, and (:gen-class) is accepted
  and ignored. Example: (ns my.app \"Doc.\" (:refer-clojure :exclude [update])
  (:require [clojure.string :as str] [my.util :refer [f]]) (:import (java.util Date)))."
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
