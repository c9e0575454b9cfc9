;; A row may not bind the same name twice (core.match's rule).
(require '[clojure.core.match :refer [match]])
(println "before")
(println (match [1 1] [x x] x))
