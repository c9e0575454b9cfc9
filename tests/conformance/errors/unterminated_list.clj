(println "before")
(defn f [x]
  (+ x 1)
