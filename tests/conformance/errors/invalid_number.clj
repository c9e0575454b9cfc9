(println "before")
(println 1.2.3)
