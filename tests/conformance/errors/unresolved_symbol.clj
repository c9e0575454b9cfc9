(println "before")
(println undefined-thing)
