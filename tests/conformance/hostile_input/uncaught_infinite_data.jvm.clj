;; JVM variant: clojure.main's error report prints all of the data, forever; finite here.
(println "before")
(throw (ex-info "endless" {:s (range 5)}))
