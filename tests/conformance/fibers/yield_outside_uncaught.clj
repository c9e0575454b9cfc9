;; An uncaught yield outside of any fiber ends the program with an error.
(println "before")
(defn gen [] (fiber/yield 1))
(gen)
(println "not reached")
