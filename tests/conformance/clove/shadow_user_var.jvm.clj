;; The JVM variant of shadow_user_var.clove: Clojure allows the shadowing.
(def limit 10)
(println "before")
(System/exit 1)
