(println "before")
(inc 9223372036854775807)
(println "not reached")
