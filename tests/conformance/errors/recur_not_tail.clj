(println "before")
(defn f [n]
  (+ 1 (recur n)))
(println "not reached")
