(println "before")
(println "abc)
