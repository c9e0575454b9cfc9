(println "before")
(defn f [] (. "abc"))
