(println "before")
(println {:a 1 :b})
