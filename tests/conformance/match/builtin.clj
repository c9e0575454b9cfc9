;; match (SPEC L15) needs no require in Clove: it is in clojure.core, and the same
;; macro is clojure.core.match/match (recorded with builtin.jvm.clj, which requires it).
(defn area [shape]
  (match shape
    [:circle r] (* 3 r r)
    [:rect w h] (* w h)
    [:square s] (area [:rect s s])))
(prn (map area [[:circle 2] [:rect 2 3] [:square 4]]))
(prn (= (resolve 'match) #'clojure.core/match))
(prn ((juxt :macro :name) (meta #'clojure.core.match/match)))
