;; An uncaught ex-info whose data is nested 1,000,000 levels deep: the error report
;; prints its first levels (*print-level* 10, then "#") and exits with status 1.
;; labels: slow
(println "before")
(def deep (reduce (fn [acc _] [acc]) [] (range 1000000)))
(throw (ex-info "deep data" {:v deep}))
