;; The JVM variant of unquote_error.clove: stops where Clove reports the error.
(println "before")
(System/exit 1)
