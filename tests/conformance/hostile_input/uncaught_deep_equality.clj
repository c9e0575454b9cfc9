;; An uncaught StackOverflowError from comparing data nested 1,000,000 levels deep is
;; reported as any error (exit status 1), not a crash.
;; labels: slow
(println "before")
(def a (reduce (fn [acc _] [acc]) [] (range 1000000)))
(def b (reduce (fn [acc _] [acc]) [] (range 1000000)))
(println (= a b))
