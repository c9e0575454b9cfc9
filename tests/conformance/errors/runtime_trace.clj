;; An uncaught error prints its class, message and a stack trace with positions.
(defn inner [x] (/ x 0))
(defn middle [x] (+ 1 (inner x)))
(defn outer [x] (+ 1 (middle x)))
(println "before")
(outer 1)
(println "not reached")
