;; An unknown keyword in a list pattern is an error naming it.
(require '[clojure.core.match :refer [match]])
(println "before")
(println (match 1 (x :bogus 2) x))
