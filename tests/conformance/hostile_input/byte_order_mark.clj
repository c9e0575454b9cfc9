(println "after a byte order mark")
(println (+ 1 2))
