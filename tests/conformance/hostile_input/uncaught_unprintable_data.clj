;; An uncaught ex-info whose data cannot be printed (a lazy seq that throws when
;; realized): the report says so instead of failing itself, and exits with status 1.
(println "before")
(throw (ex-info "bad data" {:s (map #(/ 1 %) [1 0])}))
