(println "before")
(defn validate [x] (if (< x 0) (throw (ex-info "negative input" {:x x})) x))
(println (validate 1))
(validate -1)
