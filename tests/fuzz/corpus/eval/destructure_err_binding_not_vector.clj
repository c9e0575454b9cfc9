;; loop's bindings must be a vector.
(println "before")
(loop (i 0) i)
