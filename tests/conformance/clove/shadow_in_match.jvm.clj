;; The JVM variant of shadow_in_match.clove: Clojure allows the shadowing.
(println "before")
(System/exit 1)
