(println "ok")
(+ 1 2))
(println "not reached")
