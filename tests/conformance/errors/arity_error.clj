(println "before")
(defn one-arg [x] x)
(one-arg 1 2)
