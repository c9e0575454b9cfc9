;; An uncaught "No matching clause" ends the program with an IllegalArgumentException.
(require '[clojure.core.match :refer [match]])
(println "before")
(defn classify [x y]
  (match [x y]
    [1 _] :one
    [_ 2] :two))
(println (classify 1 0) (classify 0 2))
(println (classify 5 6))
(println "not reached")
