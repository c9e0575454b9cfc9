;; Two equal test constants in one case are a compile error naming the constant.
(println "before")
(defn f [x] (case x 1 :a (2 1) :b))
