;; The JVM variant of shadow_error.clove: Clojure allows the shadowing, so it stops
;; where Clove reports the compile error.
(println "before")
(System/exit 1)
