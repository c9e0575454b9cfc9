;; The JVM variant of builtin.clj: there match must be required.
(require '[clojure.core.match :refer [match]])
(defn area [shape]
  (match shape
    [:circle r] (* 3 r r)
    [:rect w h] (* w h)
    [:square s] (area [:rect s s])))
(prn (map area [[:circle 2] [:rect 2 3] [:square 4]]))
(prn true)
(prn ((juxt :macro :name) (meta #'clojure.core.match/match)))
