;; A let with an odd number of binding forms is a compile error at the let.
(println "before")
(let [a 1 b] a)
