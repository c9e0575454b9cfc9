;; Calling a var object calls its current value: a dynamic binding first, as Var.invoke
;; derefs; its root outside the binding; an unbound root with a binding in force.
(def ^:dynamic f (fn [] :root))
(println (#'f) (binding [f (fn [] :bound)] [(#'f) (f) (apply #'f [])]) (#'f))
(def ^:dynamic g)
(println (binding [g (fn [x] [:g x])] ((var g) 1)))
(println (try (#'g) (catch Exception e (.getSimpleName (class e)))))
(def ^:dynamic h inc)
(println (binding [h dec] (map #'h [1 2 3])) (map #'h [1 2 3]))
