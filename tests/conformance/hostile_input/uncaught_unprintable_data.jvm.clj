;; JVM variant: clojure.main's report fails on such data; printable here.
(println "before")
(throw (ex-info "bad data" {:s [1]}))
