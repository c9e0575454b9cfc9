;; An uncaught ex-info whose data holds an infinite lazy seq: the error report prints
;; the data within bounds (100 items, then "...") and the program exits with status 1.
(println "before")
(throw (ex-info "endless" {:s (range) :nested (repeat (repeat 1))}))
