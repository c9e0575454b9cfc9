;; An unknown modifier keyword in for is a compile error.
(println "before")
(for [x [1 2] :until (> x 1)] x)
