(println "before")
(println "a\qb")
