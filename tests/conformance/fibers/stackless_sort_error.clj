;; sort's comparator is called from C++ that cannot be suspended: a yield there is an
;; IllegalStateException naming the native, not a crash.
(println "before")
(def f (fiber/new (fn [] (sort (fn [a b] (fiber/yield a) (compare a b)) [3 1 2]))))
(fiber/resume f)
(println "not reached")
