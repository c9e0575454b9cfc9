;; JVM variant: clojure.main writes the data to its report file; shallow here.
(println "before")
(throw (ex-info "deep data" {:v []}))
