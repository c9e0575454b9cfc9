;; A fn arity whose parameters are not a vector is a compile error.
(println "before")
(defn f ([x] x) (y y))
