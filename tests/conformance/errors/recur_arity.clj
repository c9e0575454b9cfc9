(println "before")
(defn f [n] (if (= n 0) 0 (recur n 1)))
