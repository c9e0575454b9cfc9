;; A malformed pattern is an error when the match form is compiled.
(require '[clojure.core.match :refer [match]])
(println "before")
(defn f [x y]
  (match [x y]
    [1 2 3] :too-many-patterns
    :else :other))
(println "not reached")
